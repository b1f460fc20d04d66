"""Story clustering: the sample story is one story; other topics, and the same topic weeks later, are not."""

from __future__ import annotations

import random

import pytest

from crosswire.cluster import StoryClusterer, partition
from crosswire.dedup import day_number

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
    # retire_idle=1: a story may be retired as soon as one article has arrived after its last one.
    clusterer = StoryClusterer(max_gap_days=7, retire_days=7, retire_idle=1)
    clusterer.add(wildfire)
    clusterer.add(follow_up(analyze_text, "2026-04-30"))
    assert clusterer.active == 1


def test_out_of_order_articles_still_find_their_story(sample, analyze_text):
    # An archive fed out of date order: an article from late June arrives (108 days after the strike, past
    # retire_days), then one from the strike's week. The strike story was touched a moment ago, so it is
    # kept (retire_idle) and the March article joins it; retired at once, the article would start a story.
    june = analyze_text(WILDFIRE.replace("2026-03-05", "2026-06-20"))
    march = follow_up(analyze_text, "2026-03-06")
    for retire_idle, joins in ((5000, True), (1, False)):
        clusterer = StoryClusterer(retire_idle=retire_idle)
        story = [clusterer.add(a) for a in sample.values()][-1]
        clusterer.add(june)
        assert (clusterer.resolve(clusterer.add(march)) == clusterer.resolve(story)) is joins
    # Idle long enough, the old story is retired after all.
    from crosswire.cluster import Features

    clusterer = StoryClusterer(retire_idle=3)
    [clusterer.add(a) for a in sample.values()]
    clusterer.add(june)
    assert clusterer.active == 2
    clusterer.add(None, Features({"unrelated": 1}, (), None))
    assert clusterer.active == 3
    clusterer.add(None, Features({"another": 1}, (), None))  # three arrivals since the strike's last article
    assert clusterer.active == 3  # strike retired, a new story made


def _quake_stream(days):
    """Unrelated stories (for the idf), then two articles on one earthquake that share half their words."""
    from crosswire.cluster import Features

    other = [Features({f"t{i}{j}": 1 for j in range(4)}, (), 20000) for i in range(8)]
    rescue = {"quake": 2, "rubble": 2, "rescue": 2, "survivor": 1, "dog": 1, "night": 1}
    aid = {"quake": 2, "rubble": 2, "rescue": 2, "donor": 1, "pledge": 1, "fund": 1}
    return [*other, Features(rescue, (), days[0]), Features(aid, (), days[1])]


@pytest.mark.parametrize(
    ("days", "merged"),
    [((20000, 20001), True), ((20000, 20010), True), ((20000, 20030), False), ((None, 20030), True)],
)
def test_consolidate_merges_a_split_story_time_allowing(days, merged):
    # Online the two quake articles stay apart (threshold out of reach); consolidate() merges them unless
    # they lie more than max_gap_days apart (30 days here; an undated article is held by no time).
    clusterer = StoryClusterer(threshold=0.9, late_threshold=0.9, centroid_merge=None)
    ids = [clusterer.add(None, f) for f in _quake_stream(days)]
    assert len({clusterer.resolve(i) for i in ids}) == 10
    made = clusterer.consolidate()
    labels = [clusterer.resolve(i) for i in ids]
    assert made == int(merged)
    assert (labels[8] == labels[9]) is merged
    assert len(set(labels[:8])) == 8  # the unrelated stories stay apart


def test_consolidate_needs_more_across_the_window():
    # 10 days apart (past window_days, within max_gap_days) the pair needs consolidate_late more.
    clusterer = StoryClusterer(threshold=0.9, late_threshold=0.9, centroid_merge=None)
    [clusterer.add(None, f) for f in _quake_stream((20000, 20010))]
    score = clusterer._avg_partner(clusterer._stories[10], 0.0)[0]
    for late, merged in ((score - clusterer.consolidate_threshold - 0.01, 1), (score, 0)):
        clusterer = StoryClusterer(threshold=0.9, late_threshold=0.9, centroid_merge=None, consolidate_late=late)
        [clusterer.add(None, f) for f in _quake_stream((20000, 20010))]
        assert clusterer.consolidate() == merged


def test_consolidate_is_average_linkage():
    # Three one-article stories: A and B each other's nearest (cosine 0.87), C nearest to B (0.55) but B
    # prefers A; C and A: 0.28. The first round merges A and B; C then joins AB only if its mean similarity
    # to AB's two articles, 0.42, reaches the threshold (single linkage would take 0.55, complete 0.28).
    from crosswire.cluster import Features

    other = [Features({f"t{i}{j}": 1 for j in range(4)}, (), None) for i in range(8)]
    a = {"x1": 3, "x2": 3, "x3": 3, "y1": 1}
    b = {"x1": 3, "x2": 3, "x3": 2, "y1": 2, "y2": 2}
    c = {"y1": 2, "y2": 2, "y3": 2, "x3": 1}
    for threshold, stories in ((0.45, 2), (0.40, 1)):
        clusterer = StoryClusterer(threshold=2, late_threshold=2, centroid_merge=None, consolidate_threshold=threshold)
        stream = [*other, Features(a, (), None), Features(b, (), None), Features(c, (), None)]
        ids = [clusterer.add(None, f) for f in stream]
        clusterer.consolidate()
        labels = [clusterer.resolve(i) for i in ids[8:]]
        assert labels[0] == labels[1]
        assert len(set(labels)) == stories


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


# An over-eager clusterer: every article joins and merges whatever story shares a word with it, whatever the date.
OVER_EAGER = dict(threshold=0.01, merge_threshold=0.01, late_threshold=0.01, window_days=10**4, max_gap_days=10**4)


def test_split_undoes_an_over_eager_merge_of_two_topics(sample, seeds):
    articles = [*sample.values(), *seeds.values()]
    clusterer = StoryClusterer(**OVER_EAGER)
    ids = {clusterer.resolve(clusterer.add(a)) for a in articles}
    assert len(ids) == 1 and clusterer.active == 1  # the two topics in one story
    assert clusterer.split() == 1
    ((story, new, keys),) = clusterer.splits
    assert sorted(keys) == sorted(a.id for a in seeds.values())  # the smaller (later-numbered) half moved
    where = clusterer.assignments()
    assert {where[a.id] for a in sample.values()} == {story}
    assert {where[a.id] for a in seeds.values()} == {new}
    # both halves rebuilt from their articles: sums, norms, dates and the inverted index
    for sid, members in ((story, sample.values()), (new, seeds.values())):
        s = clusterer._stories[sid]
        words = set().union(*(clusterer._stories[sid].members[a.id][0] for a in members))
        assert s.terms.keys() == words and s.norm2 == pytest.approx(sum(w * w for w in s.terms.values()))
        assert all(clusterer._postings[t][sid] == w for t, w in s.terms.items())
    assert not any(new in p for t, p in clusterer._postings.items() if t not in clusterer._stories[new].terms)
    for sid, members in ((story, sample.values()), (new, seeds.values())):
        days = [d for d in (day_number(a.published) for a in members) if d is not None]
        assert days and clusterer.stories()[sid] == {"size": 5, "first": min(days), "last": max(days)}


def test_consolidate_splits_and_split_can_be_turned_off(sample, seeds):
    articles = [*sample.values(), *seeds.values()]
    for split_min, stories in ((4, 2), (None, 1)):
        clusterer = StoryClusterer(**OVER_EAGER, split_min=split_min)
        for a in articles:
            clusterer.add(a)
        clusterer.consolidate()
        assert clusterer.active == stories
        assert len(clusterer.splits) == stories - 1


@pytest.mark.parametrize("which", ["sample", "seeds"])
def test_a_coherent_story_is_never_split(which, request):
    articles = list(request.getfixturevalue(which).values())
    for seed in range(3):
        random.Random(seed).shuffle(articles)
        clusterer = StoryClusterer(split_min=2)
        for a in articles:
            clusterer.add(a)
        clusterer.consolidate()
        assert clusterer.split() == 0 and clusterer.splits == [] and clusterer.active == 1


def test_recluster_labels_follow_a_split(sample, seeds):
    articles = [*sample.values(), *seeds.values()]
    labels = StoryClusterer(**OVER_EAGER).recluster(articles)
    assert len(set(labels[:5])) == 1 and len(set(labels[5:])) == 1 and labels[0] != labels[5]
    assert StoryClusterer(**OVER_EAGER, split_min=None).recluster(articles) == [labels[0]] * 10


def test_retired_stories_drop_their_articles_vectors(sample, wildfire):
    clusterer = StoryClusterer(retire_days=0, retire_idle=0, max_gap_days=0, window_days=0)
    for a in sample.values():
        clusterer.add(a)
    clusterer.add(wildfire)  # a year later: the sample story retires
    assert clusterer.active == 1
    assert list(clusterer.assignments()) == [wildfire.id]


def test_a_story_grown_past_split_max_drops_its_vectors_and_is_not_split(sample, seeds):
    articles = [*sample.values(), *seeds.values()]
    for split_max, stories in ((10, 2), (9, 1)):
        clusterer = StoryClusterer(**OVER_EAGER, split_max=split_max)
        for a in articles:
            clusterer.add(a)
        assert len(clusterer.assignments()) == (10 if stories == 2 else 0)
        clusterer.consolidate()
        assert clusterer.active == stories
