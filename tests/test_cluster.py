"""Story clustering: the sample story is one story; other topics, and the same topic weeks later, are not."""

from __future__ import annotations

import random

import pytest

from crosswire.cluster import StoryClusterer, partition

WILDFIRE = """Wildfire forces evacuation of hill villages near Corvale

date 2026-03-05

CORVALE - Firefighters battled a wildfire on Thursday that forced the evacuation of four hill villages
north of Corvale, as dry winds pushed the flames across pine forest and farmland.

About 2,300 residents were moved to schools and sports halls in the city, the regional fire service said.
Three helicopters and more than 200 firefighters were deployed overnight.

"The wind is our enemy tonight," fire chief Tomas Irun told local radio. Officials said no one had been hurt,
but at least a dozen barns and two houses had burned.
"""

FOLLOW_UP = """Port Alder dockworkers warn of new walkout over crane operator hiring

date {date}

PORT ALDER - The dockworkers' union at Port Alder warned on Thursday that it could call a new walkout,
saying the port authority had been slow to hire the permanent crane operators promised in the deal that
ended the strike earlier this month.

Union leaders said fewer than 40 of the 300 crane operators had been taken on so far. The Alder Port
Authority said recruitment was on schedule and that training takes several weeks.
"""


@pytest.fixture()
def wildfire(analyze_text):
    return analyze_text(WILDFIRE)


def follow_up(analyze_text, date):
    return analyze_text(FOLLOW_UP.format(date=date))


def test_sample_is_one_story(sample):
    clusterer = StoryClusterer()
    ids = {clusterer.resolve(clusterer.add(a)) for a in sample.values()}
    assert len(ids) == 1


def test_unrelated_article_starts_a_new_story(sample, wildfire):
    clusterer = StoryClusterer()
    story = [clusterer.add(a) for a in sample.values()][-1]
    assert clusterer.add(wildfire) != clusterer.resolve(story)
    assert clusterer.active == 2


def test_time_window(sample, analyze_text):
    # The same follow-up joins the story in the strike's week and starts a new one three weeks later.
    near, late = follow_up(analyze_text, "2026-03-06"), follow_up(analyze_text, "2026-03-26")
    clusterer = StoryClusterer()
    story = [clusterer.add(a) for a in sample.values()][-1]
    assert clusterer.resolve(clusterer.add(near)) == clusterer.resolve(story)
    clusterer = StoryClusterer()
    story = [clusterer.add(a) for a in sample.values()][-1]
    assert clusterer.add(late) != clusterer.resolve(story)


def test_shuffled_input_gives_the_same_partition(sample, wildfire, analyze_text):
    articles = [*sample.values(), wildfire, follow_up(analyze_text, "2026-03-06")]
    expected = None
    for seed in range(6):
        order = list(range(len(articles)))
        random.Random(seed).shuffle(order)
        clusterer = StoryClusterer()
        labels = [0] * len(articles)
        for i in order:
            labels[i] = clusterer.add(articles[i])
        groups = sorted(partition([clusterer.resolve(x) for x in labels]))
        expected = expected or groups
        assert groups == expected
    assert expected == [[0, 1, 2, 3, 4, 6], [5]]


def test_recluster_rebuilds_the_same_stories(sample, wildfire):
    articles = [wildfire, *sample.values()]
    clusterer = StoryClusterer()
    labels = clusterer.recluster(articles)
    assert sorted(partition(labels)) == [[0], [1, 2, 3, 4, 5]]
    assert sorted(partition(clusterer.recluster(list(reversed(articles))))) == [[0, 1, 2, 3, 4], [5]]


def test_stories_retire_outside_the_window(wildfire, analyze_text):
    clusterer = StoryClusterer(max_gap_days=7, retire_days=7)
    clusterer.add(wildfire)
    clusterer.add(follow_up(analyze_text, "2026-04-30"))
    assert clusterer.active == 1


def test_centroid_merge_mends_a_split_story():
    # Two stories on one earthquake, the rescue and the aid pledged, share only "quake"; an article covering
    # both joins the rescue story and brings its centroid near the aid story's: the two are merged.
    # (merge_threshold is out of reach, so only the centroid merge can join them.)
    from crosswire.cluster import Features

    other = [{f"t{i}{j}": 1 for j in range(3)} for i in range(6)]  # unrelated stories, for the idf
    rescue = {"quake": 1, "rubble": 2, "rescue": 2, "survivor": 1}
    aid = {"quake": 1, "donor": 2, "pledge": 2, "aid": 1}
    bridge = {"quake": 1, "rubble": 2, "rescue": 2, "donor": 2, "pledge": 2}
    stream = [*other, rescue, {**rescue, "dog": 1}, aid, {**aid, "fund": 1}, bridge]

    def stories(centroid_merge):
        clusterer = StoryClusterer(centroid_merge=centroid_merge, merge_threshold=2.0)
        ids = [clusterer.add(None, Features(terms, (), 20000)) for terms in stream]
        return [clusterer.resolve(i) for i in ids[6:]], clusterer.merges

    labels, merges = stories(None)
    assert len(set(labels[:4])) == 2 and labels[4] == labels[0]
    labels, merges = stories(0.3)
    assert len(set(labels)) == 1
    assert len(merges) == 1 and merges[0][1] == labels[0]  # the aid story merged into the rescue story
