"""Story clustering: the sample story is one story; other topics, and the same topic weeks later, are not."""

from __future__ import annotations

import random
from collections import defaultdict

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
    ("days", "far", "merged"),
    [
        ((20000, 20001), 0.1, True),
        ((20000, 20010), 0.1, True),
        ((20000, 20030), 0.1, True),
        ((20000, 20030), None, False),
        ((20000, 20120), 0.1, False),
        ((None, 20030), None, True),
    ],
)
def test_consolidate_merges_a_split_story_time_allowing(days, far, merged):
    # Online the two quake articles stay apart (threshold out of reach); consolidate() merges them unless
    # they lie more than max_gap_days apart (14) and consolidate_far is off, or more than retire_days (90)
    # apart (30 and 120 days here; an undated article is held by no time).
    clusterer = StoryClusterer(threshold=0.9, late_threshold=0.9, centroid_merge=None, consolidate_far=far)
    ids = [clusterer.add(None, f) for f in _quake_stream(days)]
    assert len({clusterer.resolve(i) for i in ids}) == 10
    made = clusterer.consolidate()
    labels = [clusterer.resolve(i) for i in ids]
    assert made == int(merged)
    assert (labels[8] == labels[9]) is merged
    assert len(set(labels[:8])) == 8  # the unrelated stories stay apart


def _misplaced(refine=True, day=None):
    """Two stories, a flood and a fire, and an article mostly on the fire put in the flood story (as the one
    pass may, when the fire story did not exist yet)."""
    from crosswire.cluster import Features

    other = [Features({f"t{i}{j}": 1 for j in range(4)}, (), None) for i in range(8)]
    flood = [{"flood": 2, "levee": 2, "river": 1}, {"flood": 2, "levee": 1, "river": 2}]
    fire = [{"fire": 2, "blaze": 2, "crew": 1, "smoke": 1}, {"fire": 2, "blaze": 1, "crew": 2, "smoke": 1}]
    mixed = {"flood": 1, "fire": 2, "blaze": 2, "crew": 1}
    days = [None, None, day, 20000, 20001]
    clusterer = StoryClusterer(
        threshold=2, late_threshold=2, centroid_merge=None, refine=refine, consolidate_threshold=0.3
    )  # the two stories score 0.28 on average: not merged
    stream = [*other, *(Features(t, (), d) for t, d in zip([*flood, mixed, *fire], days, strict=True))]
    ids = [clusterer.add(None, f, key=k) for k, f in enumerate(stream)]
    s = clusterer._stories
    clusterer._merge(clusterer._merge(s[ids[8]], s[ids[9]]), s[ids[10]])
    clusterer._merge(s[ids[11]], s[ids[12]])
    return clusterer, ids


def test_refine_moves_an_article_to_the_story_it_matches_best():
    clusterer, ids = _misplaced()
    before = clusterer.current(ids)[8:]
    assert before[2] == before[0] != before[3]
    assert clusterer.refine_pass() == 1
    labels = clusterer.current(ids)[8:]
    assert labels[0] == labels[1] and labels[2] == labels[3] == labels[4] and labels[0] != labels[2]
    # reported as a split (to a new story) and a merge of that story into the fire story, for a store
    _, new, keys = clusterer.splits[-1]
    assert keys == [10] and clusterer.resolve(new) == labels[3]
    assert clusterer.assignments()[10] == labels[3]
    assert clusterer.refine_pass() == 0  # stable


def test_refine_runs_in_consolidate_time_allowing():
    for refine, day, moved in ((True, None, True), (False, None, False), (True, 20200, False)):
        clusterer, ids = _misplaced(refine, day)
        clusterer.consolidate()
        labels = clusterer.current(ids)[8:]
        assert (labels[2] == labels[3]) is moved, (refine, day)


@pytest.mark.parametrize(("cohesion", "stories"), [(None, 1), (0.4, 2)])
def test_consolidate_keeps_two_cohesive_stories_on_one_subject_apart(cohesion, stories):
    # A blizzard and a flood, two articles each, share "storm": the two stories score 0.25 on average (above
    # consolidate_threshold), their own pairs 0.95. consolidate_cohesion keeps them apart.
    from crosswire.cluster import Features

    other = [Features({f"t{i}{j}": 1 for j in range(4)}, (), None) for i in range(8)]
    snow = [{"storm": 2, "snow": 2, "blizzard": 2, "boston": 1}, {"storm": 2, "snow": 2, "blizzard": 1, "boston": 2}]
    flood = [{"storm": 2, "rain": 2, "flood": 2, "texas": 1}, {"storm": 2, "rain": 1, "flood": 2, "texas": 2}]
    clusterer = StoryClusterer(threshold=2, late_threshold=2, centroid_merge=None, consolidate_cohesion=cohesion)
    ids = [clusterer.add(None, f) for f in [*other, *(Features(t, (), None) for t in (*snow, *flood))]]
    s = clusterer._stories
    clusterer._merge(s[ids[8]], s[ids[9]])
    clusterer._merge(s[ids[10]], s[ids[11]])
    clusterer.consolidate()
    labels = clusterer.current(ids)[8:]
    assert labels[0] == labels[1] and labels[2] == labels[3]
    assert len(set(labels)) == stories


@pytest.mark.parametrize(("gap", "param"), [(10, "consolidate_late"), (30, "consolidate_far")])
def test_consolidate_needs_more_across_the_window(gap, param):
    # 10 days apart (past window_days, within max_gap_days) the pair needs consolidate_late more; 30 days
    # apart (past max_gap_days, within retire_days), consolidate_far more.
    clusterer = StoryClusterer(threshold=0.9, late_threshold=0.9, centroid_merge=None)
    [clusterer.add(None, f) for f in _quake_stream((20000, 20000 + gap))]
    score = clusterer._avg_partner(clusterer._stories[10], 0.0)[0]
    for extra, merged in ((score - clusterer.consolidate_threshold - 0.01, 1), (score, 0)):
        clusterer = StoryClusterer(threshold=0.9, late_threshold=0.9, centroid_merge=None, **{param: extra})
        [clusterer.add(None, f) for f in _quake_stream((20000, 20000 + gap))]
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
        assert all(sid in clusterer._postings[t] for t in s.terms)
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


def test_ascii_words_are_those_of_the_regular_expression():
    # An ASCII text is split into words by str.translate and str.split, any other by the regular
    # expression (runs of letters and digits joined by single apostrophes): the same words.
    import random

    from crosswire.textsim import _WORD, raw_words

    rng = random.Random(0)
    alphabet = "aZ9'' _-.,\n\"\x00\x7f"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(20000)]
    texts += [f"a{c}b {c}{c}Z{c}'x" for c in map(chr, range(128))]
    texts += ["the union's ''vote'' 'n' rock'n'roll '", "l’union’s vote", "naïve café"]
    for text in texts:
        assert raw_words(text) == _WORD.findall(text), repr(text)


def _assert_bulk_index_matches(clusterer: StoryClusterer) -> None:
    """The arrays that score articles in bulk hold every live story's weights and norms, and nothing
    else; the centroid dot products kept for pairs of stories are those of their sums."""
    from crosswire.cluster import _dot

    bulk = clusterer._bulk
    held = {}
    for key, entries in bulk.entries.items():
        for column, cell in zip(entries[0::2], entries[1::2], strict=True):
            held[(bulk.story_at[column >> 1].id, column & 1, key)] = bulk.weights[cell]
    expected = {(s.id, 0, t): w for s in clusterer._stories.values() for t, w in s.terms.items()}
    expected |= {(s.id, 1, k): w for s in clusterer._stories.values() for k, w in s.ents.items()}
    assert held == expected
    assert set(bulk.slot_of) == set(clusterer._stories)
    for sid, slot in bulk.slot_of.items():
        story = clusterer._stories[sid]
        assert bulk.story_at[slot] is story and (bulk.norms[2 * slot], bulk.norms[2 * slot + 1]) == (
            story.norm,
            story.enorm,
        )
    for (a, b), (dot, edot) in bulk.pairs.items():
        sa, sb = clusterer._stories[a], clusterer._stories[b]
        assert dot == pytest.approx(_dot(sa.terms, sb.terms), rel=1e-12)
        assert edot == pytest.approx(_dot(sa.ents, sb.ents), rel=1e-12, abs=1e-300)


def _loop_scores(clusterer: StoryClusterer, vec: dict, evec: dict) -> dict[int, float]:
    """Each story's score against an article, one posting entry at a time in the order of the
    article's terms (the clusterer's arithmetic before the bulk index)."""
    dots: dict[int, float] = {}
    edots: dict[int, float] = {}
    for acc, v, kind in ((dots, vec, "terms"), (edots, evec, "ents")):
        for key, w in v.items():
            for s in clusterer._stories.values():
                weights = getattr(s, kind)
                if key in weights:
                    acc[s.id] = acc.get(s.id, 0.0) + w * weights[key]
    scores = {}
    for sid, dot in dots.items():
        s = clusterer._stories[sid]
        score = dot / s.norm if s.norm else 0.0
        if edots.get(sid) and s.enorm:
            score += clusterer.entity_weight * edots[sid] / s.enorm
        scores[sid] = score
    return scores


def _feature_stream(n: int, seed: int) -> list:
    """Articles on four topics that share words, each topic in bursts, the days moving on: joins,
    merges, centroid comparisons and retirement."""
    from crosswire.cluster import Features

    rng = random.Random(seed)
    shared = [f"common{i}" for i in range(20)]
    topics = [[f"t{t}w{i}" for i in range(25)] + shared[t * 4 : t * 4 + 8] for t in range(4)]
    stream, day = [], 20000
    for i in range(n):
        t = (i // 7) % 4 if rng.random() < 0.8 else rng.randrange(4)
        words = rng.sample(topics[t], 12) + rng.sample(shared, 3)
        if rng.random() < 0.1:  # an article on two topics
            words += rng.sample(topics[(t + 1) % 4], 8)
        ents = tuple(sorted({f"ORG:org{t}", f"PERSON:p{t}{rng.randrange(3)}"}))
        day += rng.random() < 0.2
        stream.append(Features({w: rng.randint(1, 3) for w in words}, ents, day))
    return stream


@pytest.mark.parametrize(
    "params", [{}, {"retire_idle": 3, "centroid_merge": 0.2, "merge_threshold": 0.3}, {**OVER_EAGER, "split_min": 3}]
)
def test_bulk_scores_are_the_loop_scores(sample, seeds, wildfire, params):
    # The scores from the arrays are the loop's to the last bit, and the arrays follow joins,
    # merges, splits, retirement and a saved state taken up.
    from crosswire.ingest import _dump_state, _load_state

    articles = [*sample.values(), *seeds.values(), wildfire]
    random.Random(3).shuffle(articles)
    stream = [(a, None) for a in articles] + [(None, f) for f in _feature_stream(300, 1)]
    clusterer = StoryClusterer(**params)
    for i, (article, f) in enumerate(stream):
        f = f or clusterer.features(article)
        clusterer.n_articles += 1  # weighed as add() will weigh it, the document frequencies untouched
        vec = clusterer._weigh(f.terms, defaultdict(int, clusterer._df), clusterer.max_terms, sublinear=True)
        evec = clusterer._weigh(dict.fromkeys(f.entities, 1), defaultdict(int, clusterer._edf), None, sublinear=False)
        clusterer.n_articles -= 1
        scored, _ = clusterer._bulk.scores(vec, evec, clusterer.entity_weight, 0.0)
        assert {s.id: score for s, score in scored} == _loop_scores(clusterer, vec, evec)
        clusterer.add(article, f, key=i)
        if i % 7 == 0:
            _assert_bulk_index_matches(clusterer)
        if i in (6, 150):
            clusterer = _load_state(_dump_state((clusterer, {}, 0)), StoryClusterer)[0]
            _assert_bulk_index_matches(clusterer)
    _assert_bulk_index_matches(clusterer)
    clusterer.consolidate()
    _assert_bulk_index_matches(clusterer)
