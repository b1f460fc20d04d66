"""Stories from a stream: each arriving article joins the story it fits best, or starts a new one.

An article is described by two sparse vectors:

* its *words*: TF-IDF (sublinear tf, smoothed idf) over the content-word stems of its title
  (counted ``title_weight`` times) and the first ``max_words`` words of its text, the first
  ``lede_words`` of them counted twice (news puts the story in its first lines), cut to its
  ``max_terms`` heaviest terms and L2-normalised. Document frequencies grow with the stream, so
  an article is weighted with the idf known when it arrives;
* its *entities*: the PERSON, ORG and GPE names analysis found, idf-weighted and L2-normalised.

A story is the sum of its articles' vectors (a centroid, kept with its squared norm) and the
dates of its dated articles. An arriving article is scored against every live story that shares
a term with it (an inverted index), ``cosine(words) + entity_weight * cosine(entities)``, and
joins the best story whose score reaches ``threshold``, if the story's time allows it:

* dated article, dated story: the article's date lies within ``window_days`` of the story's
  dates (between its first date minus the window and its last date plus the window). Beyond
  that, up to ``max_gap_days``, only a much closer match (``late_threshold``) may join: a story
  followed again weeks later. Further away, never;
* an undated article, or a story with no dated article, is not held by time.

When the article also reaches ``merge_threshold`` with a second story that time allows beside
the first, the two stories are merged (the smaller into the larger): the article links them.
Then the story it joined is compared, centroid to centroid, with the other stories the article
came near (score ``candidate_threshold`` or more, the ``max_candidates`` nearest): those whose
centroids score ``centroid_merge`` are merged too, so a story split early in the stream, while
its centroids were thin and the idf young, is mended as its articles accumulate.

At the end of a stream or of a batch, :meth:`StoryClusterer.consolidate` mends what the one
pass split: average-linkage clustering over the stories (the mean similarity of their articles,
which the stories' vector sums give), merging stories that are each other's nearest at
``consolidate_threshold``, time allowing. One pass cannot do this alone: an article meets a
story of one or two articles at their pairwise similarity, while the stories it will grow into
are not there yet. :meth:`StoryClusterer.recluster` ends with it; a stream calls it when it
pauses (merges are reported in ``merges`` as the stream's are). Calling it often during the
stream does worse than once at the end (early merges, on young stories, are final).

Stories also split as evidence accumulates: each live story keeps its articles' vectors as they
joined (up to ``split_max`` articles), and :meth:`StoryClusterer.consolidate` ends with
:meth:`StoryClusterer.split`, which cuts every story of ``split_min`` articles or more in two by
average linkage over its articles (the score of joining) and, when the two halves score less
than ``split_threshold`` on average (well below the join and consolidation thresholds: a story
that clearly holds two topics, say two stories an article covering both merged), makes the
smaller half a new story, both rebuilt from their articles. Splits are reported in ``splits``
(the article keys moved), for a store to apply; then the merging runs again, as a half split off
may belong with another story. A retired story drops its articles' vectors with it, and so does
a story grown past ``split_max`` articles (it is established, and is no longer split), so memory
stays bounded.

Stories whose last date lies more than ``retire_days`` before the newest date seen, and which
have had no article in the last ``retire_idle`` arrivals, are retired (forgotten), so memory
stays flat on an endless stream; undated stories are retired after ``idle_articles`` arrivals
without a new article, when that is set. The arrival count keeps an archive fed out of date
order (or one article with a wrong, late date) from retiring every story at once.

Only numpy-free Python dictionaries are used at run time: the vectors are short and sparse, and
scikit-learn would cost two seconds of start-up (see :mod:`crosswire.claims`).
"""

from __future__ import annotations

import heapq
import math
import operator
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from crosswire.dedup import day_number
from crosswire.textsim import STOPWORDS, normalize_word, stem

ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE"})
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)


@lru_cache(maxsize=1 << 18)
def _term(token: str) -> str:
    """The content stem of a raw token, or ``""`` for stopwords, numbers and single letters."""
    w = normalize_word(token)
    if w in STOPWORDS or len(w) < 2 or w.isdigit():
        return ""
    return stem(w)


def _second(kv: tuple[str, float]) -> float:
    return kv[1]


@dataclass(slots=True)
class Features:
    """What the clusterer needs of an article: term counts, entity keys and its day.

    A pure function of the article (:meth:`StoryClusterer.features`), so it can be computed in
    another process.
    """

    terms: dict[str, int]
    entities: tuple[str, ...]
    day: int | None


@dataclass(slots=True, eq=False)
class _Story:
    id: int
    terms: dict[str, float] = field(default_factory=dict)
    ents: dict[str, float] = field(default_factory=dict)
    norm2: float = 0.0
    enorm2: float = 0.0
    norm: float = 0.0  # sqrt(norm2), kept with it: the scoring loop divides by it for every candidate
    enorm: float = 0.0
    size: int = 0
    first: int | None = None
    last: int | None = None
    seen: int = 0  # arrival number of its latest article
    # key -> (words vector, entities vector, day) of each article, as it joined (for split())
    members: dict = field(default_factory=dict)


class StoryClusterer:
    """Online story assignment by words, entities and time.

    Parameters
    ----------
    threshold : float, default=0.25
        Score (words cosine + ``entity_weight`` × entities cosine) from which an article joins
        a story.
    window_days : float, default=7
        How far, in days, an article's date may lie outside a story's dates for it to join at
        ``threshold``.
    max_gap_days : float, default=14
        Beyond ``window_days`` and up to this many days outside the story's dates, an article
        joins only at ``late_threshold``; further away never. Stories this far apart are never
        merged by :meth:`consolidate`.
    late_threshold : float, default=0.35
        Score needed to join a story from outside its time window.
    entity_weight : float, default=0.3
        Weight of the entities cosine in the score.
    merge_threshold : float, default=0.45
        Score with a second story at which an article merges that story into the one it joins.
    title_weight : int, default=2
        How many times the title's words are counted.
    max_words : int, default=1000
        Words of the text read (from its start: news puts the story first).
    max_terms : int, default=80
        Heaviest terms kept per article.
    idle_articles : int or None, default=None
        Retire a story with no dated article after this many arrivals without a new article.
    retire_days : float, default=90
        Retire a story whose last date lies this many days before the newest date seen (at
        least ``max_gap_days``), once it is also ``retire_idle`` arrivals old. Larger than
        ``max_gap_days`` so that articles arriving late (a stream out of date order) still find
        their story.
    centroid_merge : float or None, default=0.35
        After an article joins a story, every other story it scored at least
        ``candidate_threshold`` against (time allowing, as for merges) is merged into it when the
        two stories' centroids score this much (words cosine + ``entity_weight`` × entities
        cosine): the article's arrival made the two look alike. ``None`` turns this off.
    candidate_threshold : float, default=0.12
        Article score from which a story is a candidate for ``centroid_merge``.
    max_candidates : int, default=3
        Centroid comparisons per article: only the candidates the article scored highest are
        compared (a centroid comparison walks every term of the smaller story).
    lede_words : int, default=50
        The first words of the text counted twice (0: none). With :meth:`consolidate` at the end
        of the stream, 35 to 100 words score alike on both benchmark sets (DUC 2004 and
        Multi-News, BENCHMARKS.md section 8) and better than none.
    retire_idle : int, default=5000
        A story is retired by date only after this many arrivals without a new article, so
        that a stream out of date order does not lose its stories (a shuffled archive spanning
        years would otherwise retire each dated story as soon as a later date arrives). Memory
        stays bounded: at most this many stories are kept past ``retire_days``.
    consolidate_threshold : float, default=0.15
        Mean similarity (words cosine + ``entity_weight`` × entities cosine, averaged over the
        two stories' pairs of articles) from which :meth:`consolidate` merges two stories.
    consolidate_late : float, default=0.05
        What :meth:`consolidate` needs more for stories more than ``window_days`` apart (up to
        ``max_gap_days``).
    split_min : int or None, default=4
        Stories of at least this many articles are checked by :meth:`split` (which
        :meth:`consolidate` runs). Each live story then keeps its articles' vectors as they
        joined (retired stories drop them). ``None`` turns splitting off and keeps no vectors.
    split_threshold : float, default=0.1
        A story whose two halves (its 2-way average-linkage split) score less than this on
        average (words cosine + ``entity_weight`` × entities cosine over their pairs of
        articles) is split in two. Well below ``consolidate_threshold``: only a story that
        clearly holds two topics is split, and :meth:`consolidate` does not merge the halves
        back.
    split_max : int or None, default=200
        A story's articles' vectors are kept, and the story checked by :meth:`split`, only while
        it has at most this many articles (``None``: always). It bounds the memory and the time
        of the check: a story grown past it is established, and it drops them.

    Attributes
    ----------
    merges : list of (int, int)
        ``(merged, into)`` for every merge so far, in order: a store applies these.
    splits : list of (int, int, list)
        ``(story, new story, keys)`` for every split so far, in order: the articles ``keys``
        (each article's ``id``, or its arrival number) moved from ``story`` to ``new story``.
    n_articles : int
        Articles added.

    Examples
    --------
    >>> clusterer = StoryClusterer()
    >>> story = clusterer.add(article)  # doctest: +SKIP
    >>> clusterer.resolve(story)  # the story it is in now, after later merges  # doctest: +SKIP
    """

    def __init__(
        self,
        threshold: float = 0.25,
        window_days: float = 7,
        max_gap_days: float = 14,
        late_threshold: float = 0.35,
        entity_weight: float = 0.3,
        merge_threshold: float = 0.45,
        title_weight: int = 2,
        max_words: int = 1000,
        max_terms: int = 80,
        idle_articles: int | None = None,
        retire_days: float = 90,
        centroid_merge: float | None = 0.35,
        candidate_threshold: float = 0.12,
        max_candidates: int = 3,
        lede_words: int = 50,
        retire_idle: int = 5000,
        consolidate_threshold: float = 0.15,
        consolidate_late: float = 0.05,
        split_min: int | None = 4,
        split_threshold: float = 0.1,
        split_max: int | None = 200,
    ) -> None:
        self.threshold = threshold
        self.window_days = window_days
        self.max_gap_days = max(max_gap_days, window_days)
        self.late_threshold = late_threshold
        self.entity_weight = entity_weight
        self.merge_threshold = merge_threshold
        self.title_weight = title_weight
        self.max_words = max_words
        self.max_terms = max_terms
        self.idle_articles = idle_articles
        self.retire_days = max(retire_days, self.max_gap_days)
        self.centroid_merge = centroid_merge
        self.candidate_threshold = candidate_threshold
        self.max_candidates = max_candidates
        self.lede_words = lede_words
        self.retire_idle = retire_idle
        self.consolidate_threshold = consolidate_threshold
        self.consolidate_late = consolidate_late
        self.split_min = split_min
        self.split_threshold = split_threshold
        self.split_max = split_max
        self.reset()

    def reset(self) -> None:
        """Forget every story."""
        self.merges: list[tuple[int, int]] = []
        self.splits: list[tuple[int, int, list]] = []
        self.n_articles = 0
        self._stories: dict[int, _Story] = {}
        self._postings: dict[str, dict[int, float]] = defaultdict(dict)
        self._epostings: dict[str, dict[int, float]] = defaultdict(dict)
        self._df: dict[str, int] = defaultdict(int)
        self._edf: dict[str, int] = defaultdict(int)
        self._parent: dict[int, int] = {}
        self._next_id = 1
        self._today: int | None = None
        self._expiry: list[tuple[int, int]] = []  # (last day or arrival, story id), lazy
        self._idle: list[tuple[int, int]] = []
        self._deferred: list[tuple[int, int]] = []  # (arrival of last article, story id): old, not idle
        self._keep_all = False

    @property
    def active(self) -> int:
        """Stories held in memory (not retired)."""
        return len(self._stories)

    # -- features ----------------------------------------------------------------------------

    def features(self, article: Any) -> Features:
        """Term counts, entity keys and day of an analysed :class:`~crosswire.model.Article`
        (or any object with ``title``, ``text``, ``published`` and ``entities`` of ``name``
        and ``type``)."""
        text = article.text or ""
        toks = _WORD.findall(text, 0, self.max_words * 12)  # ample for max_words words
        if len(toks) < self.max_words and len(text) > self.max_words * 12:
            toks = _WORD.findall(text)
        counts = Counter(map(_term, toks[: self.max_words]))
        if self.lede_words:
            counts.update(map(_term, toks[: self.lede_words]))
        if article.title:
            for term in map(_term, _WORD.findall(article.title)):
                counts[term] += self.title_weight
        counts.pop("", None)
        ents = sorted({f"{e.type}:{e.name.lower()}" for e in article.entities or () if e.type in ENTITY_TYPES})
        return Features(dict(counts), tuple(ents), day_number(article.published))

    # -- the stream --------------------------------------------------------------------------

    def add(self, article: Any, features: Features | None = None, key: Any = None) -> int:
        """Assign an article to a story and return the story's id (a new id for a new story).

        ``features`` may be given when computed elsewhere (see :meth:`features`). ``key`` names
        the article in ``splits`` and :meth:`assignments`: by default its ``id``, or its
        arrival number when it has none.
        """
        f = features if features is not None else self.features(article)
        self.n_articles += 1
        if key is None:
            key = getattr(article, "id", None)
            if key is None:
                key = self.n_articles
        if f.day is not None and (self._today is None or f.day > self._today):
            self._today = f.day
        vec = self._weigh(f.terms, self._df, self.max_terms, sublinear=True)
        evec = self._weigh(dict.fromkeys(f.entities, 1), self._edf, None, sublinear=False)
        dots = self._dots(vec, self._postings)
        edots = self._dots(evec, self._epostings) if evec else {}
        ranked, near = [], []
        # this loop runs for every story sharing a term with the article: kept lean
        day, threshold, window, max_gap = f.day, self.threshold, self.window_days, self.max_gap_days
        late = max(threshold, self.late_threshold)
        merging = self.centroid_merge is not None
        candidate = self.candidate_threshold if merging else threshold
        floor = min(threshold, candidate)  # below it a story is neither joined nor a candidate
        stories, eget, ew = self._stories, edots.get, self.entity_weight
        for sid, dot in dots.items():
            story = stories[sid]
            score = dot / story.norm if story.norm else 0.0
            edot = eget(sid)
            if edot and story.enorm:
                score += ew * edot / story.enorm
            if score < floor:
                continue
            if day is None or story.first is None or story.first - window <= day <= story.last + window:
                need = threshold
            elif story.first - max_gap <= day <= story.last + max_gap:
                need = late
            else:
                need = None
            if need is not None and score >= need:
                ranked.append((score, story.size, -sid, sid))
            elif merging and score >= candidate:
                near.append((score, sid))
        ranked.sort(reverse=True)
        if ranked:
            story = self._stories[ranked[0][3]]
            self._join(story, vec, evec, dots.get(story.id, 0.0), edots.get(story.id, 0.0), f.day, key)
            for score, _, _, sid in ranked[1:]:
                other = self._stories.get(sid)
                if score < self.merge_threshold:
                    break
                if other is not None and other is not story and self._compatible(story, other):
                    story = self._merge(story, other)
            if self.centroid_merge is not None:
                near.extend((score, sid) for score, _, _, sid in ranked[1:])
                near.sort(reverse=True)
                for _, sid in near[: self.max_candidates]:
                    other = self._stories.get(sid)
                    if (
                        other is not None
                        and other is not story
                        and self._compatible(story, other)
                        and self._similarity(story, other) >= self.centroid_merge
                    ):
                        story = self._merge(story, other)
        else:
            story = _Story(self._next_id)
            self._next_id += 1
            self._stories[story.id] = story
            self._join(story, vec, evec, 0.0, 0.0, f.day, key)
        self._retire()
        return story.id

    def resolve(self, story_id: int) -> int:
        """The story a story id belongs to now (stories merged since it was returned)."""
        root = story_id
        while root in self._parent:
            root = self._parent[root]
        while story_id != root:  # path compression
            nxt = self._parent[story_id]
            self._parent[story_id] = root
            story_id = nxt
        return root

    def recluster(self, articles: Sequence[Any], features: Sequence[Features] | None = None) -> list[int]:
        """Rebuild every story from scratch (``crosswire recluster``); one story id per article.

        Articles are taken in date order (an undated article keeps its place after the dated
        article before it in the input), each joins as in :meth:`add`, then the stories are
        consolidated (:meth:`consolidate`).
        """
        self.reset()
        feats = list(features) if features is not None else [self.features(a) for a in articles]
        keys, carry = [], -1
        for i, f in enumerate(feats):
            if f.day is not None:
                carry = f.day
            keys.append((f.day if f.day is not None else carry, i))
        order = sorted(range(len(feats)), key=keys.__getitem__)
        self._keep_all = True  # a batch keeps every story to the end
        try:
            ids = [0] * len(feats)
            for i in order:
                ids[i] = self.add(articles[i], feats[i], key=i)
            self.consolidate()
        finally:
            self._keep_all = False
        return self.current(ids)

    def merge_pass(self) -> int:
        """Merge live stories whose centroids match at ``merge_threshold``; returns the merges made.

        The older end-of-batch pass, by centroid cosine; :meth:`consolidate` (average linkage)
        replaced it in :meth:`recluster` and scores better on both benchmark sets.
        """
        made = 0
        for sid in sorted(self._stories, key=lambda s: -self._stories[s].size):
            story = self._stories.get(sid)
            if story is None:
                continue
            while True:
                best = self._best_partner(story)
                if best is None:
                    break
                story = self._merge(story, best)
                made += 1
        return made

    def consolidate(self, threshold: float | None = None, split: bool = True) -> int:
        """Merge live stories whose articles match on average, split those holding two topics;
        returns the merges made.

        Call it at the end of a stream or of a batch (:meth:`recluster` does): it mends the
        stories the one pass split. Average linkage over the stories' articles: two stories score
        the mean, over their pairs of articles, of words cosine + ``entity_weight`` × entities
        cosine, which the stories' vector sums give at once (``dot(A, B) / (|A| |B|)``). Stories
        that are each other's best partner at ``threshold`` (default ``consolidate_threshold``)
        or more are merged, best pair first, round after round until no pair is left (average
        linkage clustering over the stories, by reciprocal nearest neighbours). Time as for
        merges: stories more than ``window_days`` apart need ``consolidate_late`` more, and more
        than ``max_gap_days`` apart are never merged.

        With ``split`` (and ``split_min`` set), :meth:`split` follows, and when it split a story
        the merging runs again: a half split off may belong with another story.
        """
        made = self._consolidate(threshold)
        if split and self.split_min is not None and self.split():
            made += self._consolidate(threshold)
        return made

    def split(self) -> int:
        """Split the live stories that hold two topics; returns the splits made.

        A story of ``split_min`` articles or more is cut in two by average linkage over its
        articles (as they joined, scored as when joining): two groups, each article in the one
        it is closer to on average (leaving itself out), refined from the article least like
        the rest. When the two groups score less than ``split_threshold`` on average over their
        pairs of articles, the smaller becomes a new story, and both stories are rebuilt from
        their articles (sums, norms, dates). Splits are reported in ``splits``.
        """
        if self.split_min is None:
            return 0
        made = 0
        for sid in sorted(self._stories):
            story = self._stories.get(sid)
            if story is None or story.size < self.split_min or len(story.members) != story.size:
                continue
            moved = self._split_keys(story)
            if moved:
                self._split_off(story, moved)
                made += 1
        return made

    def current(self, ids: Sequence[int], keys: Sequence[Any] | None = None) -> list[int]:
        """The story each article is in now, from the story :meth:`add` returned for it (``ids``)
        and its key (``keys``, default ``0, 1, ...``): splits since, then merges, followed."""
        moved: dict[Any, int] = {}
        for _, new, moved_keys in self.splits:
            for key in moved_keys:
                moved[key] = new
        keys = range(len(ids)) if keys is None else keys
        return [self.resolve(moved.get(key, sid)) for key, sid in zip(keys, ids, strict=True)]

    def assignments(self) -> dict[Any, int]:
        """The live story of every article key (see :meth:`add`) held in memory."""
        return {key: s.id for s in self._stories.values() for key in s.members}

    def _consolidate(self, threshold: float | None) -> int:
        base = self.consolidate_threshold if threshold is None else threshold
        best: dict[int, tuple[float, int] | None] = {}
        dirty = set(self._stories)
        made = 0
        while dirty:
            for sid in dirty:
                best[sid] = self._avg_partner(self._stories[sid], base)
            pairs = []
            for a in dirty:
                found = best[a]
                if found is None:
                    continue
                b = found[1]
                if b not in best:
                    best[b] = self._avg_partner(self._stories[b], base)
                back = best[b]
                if back is not None and back[1] == a and (a < b or b not in dirty):
                    pairs.append((found[0], a, b))
            if not pairs:
                break
            pairs.sort(reverse=True)
            gone = set()
            dirty = set()
            for _, a, b in pairs:
                survivor = self._merge(self._stories[a], self._stories[b])
                made += 1
                gone.update((a, b))
                dirty.add(survivor.id)
            for sid in gone:
                best.pop(sid, None)
            dirty.update(sid for sid, found in best.items() if found is not None and found[1] in gone)
            for sid in dirty:
                best.pop(sid, None)
        return made

    def stories(self) -> dict[int, dict]:
        """The live stories: ``{id: {"size", "first", "last"}}`` (dates as day numbers)."""
        return {s.id: {"size": s.size, "first": s.first, "last": s.last} for s in self._stories.values()}

    # -- internals ---------------------------------------------------------------------------

    def _weigh(self, counts: dict[str, int], df: dict[str, int], top: int | None, sublinear: bool) -> dict[str, float]:
        if not counts:
            return {}
        # idf = log((1 + n) / (1 + df)) + 1
        ln = math.log
        base = ln(1 + self.n_articles) + 1.0
        weights = {}
        for term, c in counts.items():
            d = df[term] + 1
            df[term] = d
            weights[term] = (1.0 + ln(c) if sublinear and c > 1 else 1.0) * (base - ln(1 + d))
        if top is not None and len(weights) > top:
            # what heapq.nlargest returns (ties in insertion order), sorted in C
            weights = dict(sorted(weights.items(), key=_second, reverse=True)[:top])
        values = list(weights.values())
        norm = math.sqrt(sum(map(operator.mul, values, values)))
        return {t: w / norm for t, w in weights.items()}

    @staticmethod
    def _dots(vec: dict[str, float], postings: dict[str, dict[int, float]]) -> dict[int, float]:
        acc: dict[int, float] = {}
        get, aget = postings.get, acc.get
        for term, w in vec.items():
            posting = get(term)
            if posting:
                for sid, cw in posting.items():
                    acc[sid] = aget(sid, 0.0) + w * cw
        return acc

    def _compatible(self, a: _Story, b: _Story) -> bool:
        if a.first is None or b.first is None:
            return True
        return max(0, a.first - b.last, b.first - a.last) <= self.window_days

    def _join(
        self, story: _Story, vec: dict, evec: dict, dot: float, edot: float, day: int | None, key: Any = None
    ) -> None:
        sid, terms, postings = story.id, story.terms, self._postings
        if self.split_min is not None:
            if self.split_max is None or story.size < self.split_max:
                story.members[key] = (vec, evec, day)
            elif story.members:
                story.members = {}  # grown past split_max: no longer split
        get = terms.get
        for term, w in vec.items():
            c = get(term, 0.0) + w
            terms[term] = c
            postings[term][sid] = c
        for key, w in evec.items():
            c = story.ents.get(key, 0.0) + w
            story.ents[key] = c
            self._epostings[key][sid] = c
        story.norm2 += 2 * dot + (1.0 if vec else 0.0)
        story.enorm2 += 2 * edot + (1.0 if evec else 0.0)
        story.norm, story.enorm = _root(story.norm2), _root(story.enorm2)
        story.size += 1
        story.seen = self.n_articles
        if day is not None:
            story.first = day if story.first is None else min(story.first, day)
            story.last = day if story.last is None else max(story.last, day)
            heapq.heappush(self._expiry, (story.last, story.id))
        elif self.idle_articles is not None and story.first is None:
            heapq.heappush(self._idle, (story.seen, story.id))

    def _merge(self, a: _Story, b: _Story) -> _Story:
        """Merge the smaller story into the larger; returns the survivor."""
        if (b.size, -b.id) > (a.size, -a.id):
            a, b = b, a
        dot, edot = _dot(a.terms, b.terms), _dot(a.ents, b.ents)
        self._drop(b)
        for term, w in b.terms.items():
            c = a.terms.get(term, 0.0) + w
            a.terms[term] = c
            self._postings[term][a.id] = c
        for key, w in b.ents.items():
            c = a.ents.get(key, 0.0) + w
            a.ents[key] = c
            self._epostings[key][a.id] = c
        a.norm2 += b.norm2 + 2 * dot
        a.enorm2 += b.enorm2 + 2 * edot
        a.norm, a.enorm = _root(a.norm2), _root(a.enorm2)
        a.size += b.size
        a.seen = max(a.seen, b.seen)
        if self.split_max is not None and a.size > self.split_max:
            a.members = {}
        elif b.members:
            a.members.update(b.members)
        if b.first is not None:
            a.first = b.first if a.first is None else min(a.first, b.first)
            a.last = b.last if a.last is None else max(a.last, b.last)
            heapq.heappush(self._expiry, (a.last, a.id))
        self._parent[b.id] = a.id
        self.merges.append((b.id, a.id))
        return a

    def _similarity(self, a: _Story, b: _Story) -> float:
        """Centroid score of two stories: words cosine + ``entity_weight`` × entities cosine."""
        if a.norm2 <= 0 or b.norm2 <= 0:
            return 0.0
        score = _dot(a.terms, b.terms) / math.sqrt(a.norm2 * b.norm2)
        if a.enorm2 > 0 and b.enorm2 > 0:
            score += self.entity_weight * _dot(a.ents, b.ents) / math.sqrt(a.enorm2 * b.enorm2)
        return score

    def _best_partner(self, story: _Story) -> _Story | None:
        if story.norm2 <= 0:
            return None
        norm, enorm = math.sqrt(story.norm2), math.sqrt(story.enorm2) if story.enorm2 > 0 else 0.0
        dots = self._dots({t: w / norm for t, w in story.terms.items()}, self._postings)
        edots = self._dots({k: w / enorm for k, w in story.ents.items()}, self._epostings) if enorm else {}
        best, best_score = None, self.merge_threshold
        for sid, dot in dots.items():
            other = self._stories[sid]
            if other is story or other.norm2 <= 0 or not self._compatible(story, other):
                continue
            score = dot / math.sqrt(other.norm2)
            if edots.get(sid) and other.enorm2 > 0:
                score += self.entity_weight * edots[sid] / math.sqrt(other.enorm2)
            if score >= best_score:
                best, best_score = other, score
        return best

    def _avg_partner(self, story: _Story, base: float) -> tuple[float, int] | None:
        """The story's best partner by average linkage, time allowing, if it scores ``base`` (or the late margin)."""
        if story.norm2 <= 0:
            return None
        n = story.size
        dots = self._dots({t: w / n for t, w in story.terms.items()}, self._postings)
        edots = self._dots({k: w / n for k, w in story.ents.items()}, self._epostings) if story.ents else {}
        late = self.consolidate_late
        best = None
        for sid, dot in dots.items():
            other = self._stories[sid]
            if other is story:
                continue
            score = (dot + self.entity_weight * edots.get(sid, 0.0)) / other.size
            if best is not None and score <= best[0]:
                continue
            gap = self._story_gap(story, other)
            if gap <= self.window_days:
                need = base
            elif gap <= self.max_gap_days:
                need = base + late
            else:
                continue
            if score >= need:
                best = (score, sid)
        return best

    def _split_keys(self, story: _Story) -> list | None:
        """The keys of the smaller half of ``story`` when its halves score below ``split_threshold``.

        Two groups, refined from the article least like the rest: each article goes to the group
        it is closer to on average (leaving itself out). Only the smaller group's vector sums are
        built; the other's follow from the story's (``dot(v, B) = dot(v, story) - dot(v, A)``).
        """
        ew = self.entity_weight
        keys = list(story.members)
        vecs = [story.members[k][0] for k in keys]
        evecs = [story.members[k][1] for k in keys]
        n = len(keys)
        t_all, e_all = story.terms, story.ents
        selfs = [_dot(v, v) + ew * _dot(e, e) for v, e in zip(vecs, evecs, strict=True)]
        to_all = [_dot(v, t_all) + ew * _dot(e, e_all) for v, e in zip(vecs, evecs, strict=True)]

        def sums(members: Iterable[int]) -> tuple[dict[str, float], dict[str, float]]:
            t_s: dict[str, float] = {}
            e_s: dict[str, float] = {}
            for i in members:
                for term, w in vecs[i].items():
                    t_s[term] = t_s.get(term, 0.0) + w
                for term, w in evecs[i].items():
                    e_s[term] = e_s.get(term, 0.0) + w
            return t_s, e_s

        side = [False] * n  # True: in the group grown from the seed
        side[min(range(n), key=lambda i: (to_all[i] - selfs[i], i))] = True
        for _ in range(10):
            m = sum(side)
            if m == 0 or m == n:
                return None
            small = m * 2 <= n  # build the sums of the smaller group
            t_s, e_s = sums(i for i in range(n) if side[i] == small)
            new_side = side[:]
            for i in range(n):
                to_s = _dot(vecs[i], t_s) + ew * _dot(evecs[i], e_s)
                to_seed, to_rest = (to_s, to_all[i] - to_s) if small else (to_all[i] - to_s, to_s)
                if side[i]:
                    to_seed -= selfs[i]
                else:
                    to_rest -= selfs[i]
                n_seed, n_rest = m - side[i], n - m - (not side[i])
                seed_mean = to_seed / n_seed if n_seed else -1.0
                rest_mean = to_rest / n_rest if n_rest else -1.0
                new_side[i] = seed_mean > rest_mean if (n_seed if side[i] else n_rest) else side[i]
            if new_side == side:
                break
            side = new_side
        m = sum(side)
        if m == 0 or m == n:
            return None
        moved = m * 2 < n if m * 2 != n else not side[0]  # the smaller group; tied: the one without the first article
        group = [i for i in range(n) if side[i] == moved]
        t_s, e_s = sums(group)
        # pairs between the groups: dot(S, story) - dot(S, S)
        between = _dot(t_s, t_all) - _dot(t_s, t_s) + ew * (_dot(e_s, e_all) - _dot(e_s, e_s))
        if between / (len(group) * (n - len(group))) >= self.split_threshold:
            return None
        return [keys[i] for i in group]

    def _split_off(self, story: _Story, moved: list) -> _Story:
        """Move the articles ``moved`` of ``story`` to a new story; both rebuilt from their articles."""
        new = _Story(self._next_id)
        self._next_id += 1
        for key in moved:
            new.members[key] = story.members.pop(key)
        self._drop(story)
        self._stories[story.id] = story
        self._stories[new.id] = new
        for s in (story, new):
            self._rebuild(s)
            s.seen = story.seen
            if s.last is not None:
                heapq.heappush(self._expiry, (s.last, s.id))
            elif self.idle_articles is not None:
                heapq.heappush(self._idle, (s.seen, s.id))
        self.splits.append((story.id, new.id, list(moved)))
        return new

    def _rebuild(self, story: _Story) -> None:
        """Sums, norms, size, dates and postings of ``story`` from its members."""
        terms: dict[str, float] = {}
        ents: dict[str, float] = {}
        days = []
        for vec, evec, day in story.members.values():
            for term, w in vec.items():
                terms[term] = terms.get(term, 0.0) + w
            for key, w in evec.items():
                ents[key] = ents.get(key, 0.0) + w
            if day is not None:
                days.append(day)
        story.terms, story.ents = terms, ents
        story.norm2, story.enorm2 = _dot(terms, terms), _dot(ents, ents)
        story.norm, story.enorm = _root(story.norm2), _root(story.enorm2)
        story.size = len(story.members)
        story.first, story.last = (min(days), max(days)) if days else (None, None)
        for term, w in terms.items():
            self._postings[term][story.id] = w
        for key, w in ents.items():
            self._epostings[key][story.id] = w

    def _story_gap(self, a: _Story, b: _Story) -> float:
        if a.first is None or b.first is None:
            return 0.0
        return max(0, a.first - b.last, b.first - a.last)

    def _drop(self, story: _Story) -> None:
        for term in story.terms:
            posting = self._postings.get(term)
            if posting is not None:
                posting.pop(story.id, None)
                if not posting:
                    del self._postings[term]
        for key in story.ents:
            posting = self._epostings.get(key)
            if posting is not None:
                posting.pop(story.id, None)
                if not posting:
                    del self._epostings[key]
        del self._stories[story.id]

    def _retire(self) -> None:
        if self._keep_all:
            return
        if self._today is not None:
            limit = self._today - self.retire_days
            recent = self.n_articles - self.retire_idle
            while self._expiry and self._expiry[0][0] < limit:
                last, sid = heapq.heappop(self._expiry)
                story = self._stories.get(sid)
                if story is not None and story.last == last:
                    if story.seen > recent:
                        heapq.heappush(self._deferred, (story.seen, sid))
                    else:
                        self._drop(story)
            while self._deferred and self._deferred[0][0] <= recent:
                _, sid = heapq.heappop(self._deferred)
                story = self._stories.get(sid)
                if story is None or story.last is None or story.last >= limit:
                    continue  # gone, or a newer date put it back on the expiry heap
                if story.seen > recent:  # an undated article joined it since
                    heapq.heappush(self._deferred, (story.seen, sid))
                else:
                    self._drop(story)
        if self.idle_articles is not None:
            limit = self.n_articles - self.idle_articles
            while self._idle and self._idle[0][0] < limit:
                seen, sid = heapq.heappop(self._idle)
                story = self._stories.get(sid)
                if story is not None and story.seen == seen and story.first is None:
                    self._drop(story)


def _root(norm2: float) -> float:
    """``sqrt(norm2)``, or 0 for an empty vector (the scores' denominators)."""
    return math.sqrt(norm2) if norm2 > 0 else 0.0


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    """Dot product of two sparse vectors (the key intersection is taken in C, and the products)."""
    keys = a.keys() & b.keys()
    return sum(map(operator.mul, map(a.__getitem__, keys), map(b.__getitem__, keys)))


def partition(labels: Iterable[int]) -> list[list[int]]:
    """Positions grouped by label, groups in order of their first position (for comparisons)."""
    groups: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        groups.setdefault(label, []).append(i)
    return list(groups.values())
