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
``consolidate_threshold``, time allowing (stories more than ``max_gap_days`` and at most
``retire_days`` apart need ``consolidate_far`` more: a story followed again weeks later).
One pass cannot do this alone: an article meets a story of one or two articles at their
pairwise similarity, while the stories it will grow into are not there yet.
:meth:`StoryClusterer.recluster` ends with it; a stream calls it when it pauses (merges are
reported in ``merges`` as the stream's are). Calling it often during the
stream does worse than once at the end (early merges, on young stories, are final).

Stories also split as evidence accumulates: each live story keeps its articles' vectors as they
joined (up to ``split_max`` articles), and :meth:`StoryClusterer.consolidate` ends with
:meth:`StoryClusterer.split`, which cuts every story of ``split_min`` articles or more in two by
average linkage over its articles (the score of joining) and, when the two halves score less
than ``split_threshold`` on average (well below the join and consolidation thresholds: a story
that clearly holds two topics, say two stories an article covering both merged), makes the
smaller half a new story, both rebuilt from their articles. Splits are reported in ``splits``
(the article keys moved), for a store to apply. Then (``refine``) every article the stories
keep moves to the story it matches best on average, when that beats the rest of its own story
(k-means-like; a move is a split and a merge). Then the merging runs again, as a half split off
may belong with another story. A retired story drops its articles' vectors with it, and so does
a story grown past ``split_max`` articles (it is established, and is no longer split), so memory
stays bounded.

Stories whose last date lies more than ``retire_days`` before the newest date seen, and which
have had no article in the last ``retire_idle`` arrivals, are retired (forgotten), so memory
stays flat on an endless stream; undated stories are retired after ``idle_articles`` arrivals
without a new article, when that is set. The arrival count keeps an archive fed out of date
order (or one article with a wrong, late date) from retiring every story at once.

The vectors are Python dictionaries: they are short and sparse, and scikit-learn would cost two
seconds of start-up (see :mod:`crosswire.claims`). An arriving article is scored against every
story at once with numpy, over arrays that mirror the stories' weights (``_BulkIndex``).
"""

from __future__ import annotations

import heapq
import math
import operator
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain, repeat
from typing import Any

import numpy as np

from crosswire.dedup import Memo, day_number
from crosswire.textsim import STOPWORDS, normalize_word, raw_words, stem

ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE"})


def _content_stem(token: str) -> str:
    """The content stem of a raw token, or ``""`` for stopwords, numbers and single letters."""
    w = normalize_word(token)
    if w in STOPWORDS or len(w) < 2 or w.isdigit():
        return ""
    return stem(w)


_term = Memo(_content_stem, 1 << 18).__getitem__


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


class _BulkIndex:
    """The stories' postings again, as arrays that numpy scores an article with in bulk.

    Scoring an article walks every posting entry of its terms (about 1,600 on the synthetic
    stream of BENCHMARKS.md section 8): one entry at a time, that was half the time of
    :meth:`StoryClusterer.add`. Here each live story has a slot (a small integer, reused once the
    story is gone) and every (story, key) pair a cell of ``weights`` that holds its weight; each
    key lists the column (``2 * slot`` for a term, ``2 * slot + 1`` for an entity) and the cell of
    every story holding it, and one ``np.bincount`` sums an article's products per column. A new
    weight changes only its cell. The posting dictionaries stay the reference (the
    end-of-stream passes walk them in their order, which breaks their ties), and the saved state
    holds them, not this index: it is rebuilt from the stories when missing.

    It also keeps the dot products of the pairs of stories whose centroids were compared
    (:meth:`pair_dots`): a story's centroid is compared with the same few stories again and
    again (94% of the comparisons on the synthetic stream), and each time its words, thousands
    of terms, were walked again. An article joining a story adds its own dot product with the
    other story, which scoring it gave. Summed in another order than a fresh :func:`_dot`, the
    kept value can differ from it in the last bits, as a fresh one already does from run to run
    (it sums in the order of a set of strings, which the hash seed sets).
    """

    __slots__ = (
        "cells_at",
        "entries",
        "free_cells",
        "free_slots",
        "norms",
        "pairs",
        "partners",
        "slot_of",
        "story_at",
        "weights",
    )

    def __init__(self) -> None:
        # key -> column, cell, column, cell, ... of the stories holding it (array("q"), no order)
        self.entries: dict[str, array] = {}
        self.weights = array("d")
        self.free_cells: list[int] = []
        self.slot_of: dict[int, int] = {}  # story id -> slot
        self.story_at: list[_Story | None] = []
        self.cells_at: list[dict[str, int] | None] = []  # slot -> {key: cell}
        self.norms = array("d")  # by column: the story's norm, its entities' norm (0 for a free slot)
        self.free_slots: list[int] = []
        self.pairs: dict[tuple[int, int], list[float]] = {}  # (id, larger id) -> [words dot, entities dot]
        self.partners: dict[int, set[int]] = {}  # story id -> the ids it has a pair with

    def slot(self, story: _Story) -> int:
        slot = self.slot_of.get(story.id)
        if slot is None:
            if self.free_slots:
                slot = self.free_slots.pop()
                self.story_at[slot] = story
                self.cells_at[slot] = {}
            else:
                slot = len(self.story_at)
                self.story_at.append(story)
                self.cells_at.append({})
                self.norms.extend((0.0, 0.0))
            self.slot_of[story.id] = slot
        return slot

    def add(self, column: int, keys: list[str], weights: list[float]) -> None:
        """The story of ``column`` (its slot's term or entity column) newly holding ``keys``."""
        cells_at, entries, free, all_weights = self.cells_at[column >> 1], self.entries, self.free_cells, self.weights
        for key, weight in zip(keys, weights, strict=True):
            if free:
                cell = free.pop()
                all_weights[cell] = weight
            else:
                cell = len(all_weights)
                all_weights.append(weight)
            cells_at[key] = cell
            pairs = entries.get(key)
            if pairs is None:
                entries[key] = array("q", (column, cell))
            else:
                pairs.extend((column, cell))

    def add_story(self, story: _Story) -> None:
        """A story none of whose keys is indexed yet."""
        slot = self.slot(story)
        self.add(2 * slot, list(story.terms), list(story.terms.values()))
        self.add(2 * slot + 1, list(story.ents), list(story.ents.values()))
        self.set_norms(story)

    def set_norms(self, story: _Story) -> None:
        column = 2 * self.slot_of[story.id]
        self.norms[column], self.norms[column + 1] = story.norm, story.enorm

    def pair_dots(self, a: _Story, b: _Story) -> list[float]:
        """``[words dot, entities dot]`` of two stories' sums."""
        key = (a.id, b.id) if a.id < b.id else (b.id, a.id)
        found = self.pairs.get(key)
        if found is None:
            found = self.pairs[key] = [_dot(a.terms, b.terms), _dot(a.ents, b.ents)]
            self.partners.setdefault(a.id, set()).add(b.id)
            self.partners.setdefault(b.id, set()).add(a.id)
        return found

    def joined(self, story: _Story, dots: np.ndarray) -> None:
        """An article joined ``story``: its :meth:`dots` by column (as it was scored) added to the
        story's pairs."""
        partners = self.partners.get(story.id)
        if not partners:
            return
        slot_of, pairs, sid = self.slot_of, self.pairs, story.id
        for other in partners:
            found = pairs[(sid, other) if sid < other else (other, sid)]
            column = 2 * slot_of[other]
            found[0] += float(dots[column])
            found[1] += float(dots[column + 1])

    def forget_pairs(self, story: _Story) -> None:
        """The story's sums changed other than by :meth:`joined`, or it is gone."""
        sid = story.id
        for other in self.partners.pop(sid, ()):
            del self.pairs[(sid, other) if sid < other else (other, sid)]
            self.partners[other].discard(sid)

    def drop(self, story: _Story) -> None:
        self.forget_pairs(story)
        slot = self.slot_of.pop(story.id, None)
        if slot is None:
            return
        for key, cell in self.cells_at[slot].items():
            pairs = self.entries[key]
            if len(pairs) == 2:
                del self.entries[key]
            else:
                i = pairs.index(cell)
                while not i & 1:  # a column that happens to equal the cell
                    i = pairs.index(cell, i + 1)
                pairs[i - 1], pairs[i] = pairs[-2], pairs[-1]
                del pairs[-2:]
            self.free_cells.append(cell)
        self.story_at[slot] = self.cells_at[slot] = None
        self.norms[2 * slot] = self.norms[2 * slot + 1] = 0.0
        self.free_slots.append(slot)

    def dots(self, vec: dict[str, float], evec: dict[str, float]) -> tuple[np.ndarray, np.ndarray] | None:
        """By column: the dot product of ``vec`` with each story's words and of ``evec`` with its
        entities; and by slot, how many terms of ``vec`` the story holds. ``None`` when no story
        holds any key.

        ``np.bincount`` adds the products in the order of ``vec`` (``evec``), as a loop over it and
        the postings does: the same sums to the last bit.
        """
        keys = [*vec, *evec]
        found = list(map(self.entries.get, keys, repeat(_NO_ENTRIES)))
        entries = np.frombuffer(b"".join(found), dtype=np.int64)
        if not len(entries):
            return None
        columns, cells = entries[0::2], entries[1::2]
        products = np.frombuffer(self.weights, dtype=np.float64)[cells]
        lengths = np.fromiter(map(len, found), np.int64, len(found)) >> 1
        products *= np.repeat(np.fromiter(chain(vec.values(), evec.values()), np.float64, len(keys)), lengths)
        size = 2 * len(self.story_at)
        return np.bincount(columns, products, size), np.bincount(columns, minlength=size)[0::2]

    def scores(
        self, vec: dict[str, float], evec: dict[str, float], entity_weight: float, floor: float
    ) -> tuple[list[tuple[_Story, float]], np.ndarray | None]:
        """``(story, score)`` of the stories sharing a term with the article (``vec``, ``evec``) whose
        score, words cosine + ``entity_weight`` × entities cosine, reaches ``floor``; and the
        article's :meth:`dots` by column.

        The scores take the same operations in the same order as ``dot / norm + entity_weight *
        edot / enorm`` in a loop over the stories (an entity part of 0 when either is 0): the same
        numbers to the last bit.
        """
        found = self.dots(vec, evec)
        if found is None:
            return [], None
        dots, hits = found
        weighted = dots.copy()
        weighted[1::2] *= entity_weight
        norms = np.frombuffer(self.norms, dtype=np.float64)
        parts = np.divide(weighted, norms, out=np.zeros(len(norms)), where=norms != 0)
        del norms  # a view of an array that grows: not kept past this call
        scores = parts[0::2] + parts[1::2]
        keep = np.flatnonzero((scores >= floor) & (hits != 0))
        return list(zip(map(self.story_at.__getitem__, keep.tolist()), scores[keep].tolist(), strict=True)), dots


_NO_ENTRIES = array("q")


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
    consolidate_far : float or None, default=0.1
        What :meth:`consolidate` (and :meth:`split`'s moves) needs more for stories more than
        ``max_gap_days`` and at most ``retire_days`` apart: a story followed again weeks later,
        which the one pass cannot join (``None``: never merged beyond ``max_gap_days``).
    consolidate_cohesion : float or None, default=0.4
        Two stories of two articles or more are merged by :meth:`consolidate` only when their
        mean score also reaches this share of the mean score of the pairs within the looser of
        the two: two established stories on one broad subject (two storms, two budget fights)
        match each other well above ``consolidate_threshold`` but far less than their own
        articles match (``None``: off).
    refine : bool, default=True
        :meth:`split` ends by moving each article (of the stories that keep their articles'
        vectors) to the story it matches best on average, when that story's mean score with it
        reaches ``consolidate_threshold`` (time allowing, as for :meth:`consolidate`) and beats
        the mean score with the rest of its own story (a k-means-like refinement).

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

    # The bulk index is derived from the stories: kept out of vars(), which a saved state holds.
    __slots__ = ("__dict__", "_bulk")

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
        consolidate_far: float | None = 0.1,
        refine: bool = True,
        consolidate_cohesion: float | None = 0.4,
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
        self.consolidate_far = consolidate_far
        self.refine = refine
        self.consolidate_cohesion = consolidate_cohesion
        self.reset()

    def reset(self) -> None:
        """Forget every story."""
        self.merges: list[tuple[int, int]] = []
        self.splits: list[tuple[int, int, list]] = []
        self.n_articles = 0
        self._stories: dict[int, _Story] = {}
        # term (entity) -> the stories holding it, in the order they took it: a dictionary as an
        # ordered set (the weights are the stories'), which the end-of-stream passes walk in this
        # order (it breaks their ties)
        self._postings: dict[str, dict[int, None]] = defaultdict(dict)
        self._epostings: dict[str, dict[int, None]] = defaultdict(dict)
        self._df: dict[str, int] = defaultdict(int)
        self._edf: dict[str, int] = defaultdict(int)
        self._parent: dict[int, int] = {}
        self._next_id = 1
        self._today: int | None = None
        self._expiry: list[tuple[int, int]] = []  # (last day or arrival, story id), lazy
        self._idle: list[tuple[int, int]] = []
        self._deferred: list[tuple[int, int]] = []  # (arrival of last article, story id): old, not idle
        self._keep_all = False
        self._bulk = _BulkIndex()

    def __getattr__(self, name: str) -> Any:
        if name != "_bulk":
            raise AttributeError(name)
        # a clusterer restored from a saved state (made without __init__): index its stories
        bulk = _BulkIndex()
        for story in self._stories.values():
            bulk.add_story(story)
        self._bulk = bulk
        return bulk

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
        toks = raw_words(text[: self.max_words * 12])  # ample for max_words words
        if len(toks) < self.max_words and len(text) > self.max_words * 12:
            toks = raw_words(text)
        terms = list(map(_term, toks[: max(self.max_words, self.lede_words)]))
        counts = Counter(terms[: self.max_words])
        if self.lede_words:
            counts.update(terms[: self.lede_words])
        if article.title:
            for term in map(_term, raw_words(article.title)):
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
        ranked, near = [], []
        day, threshold, window, max_gap = f.day, self.threshold, self.window_days, self.max_gap_days
        late = max(threshold, self.late_threshold)
        merging = self.centroid_merge is not None
        candidate = self.candidate_threshold if merging else threshold
        floor = min(threshold, candidate)  # below it a story is neither joined nor a candidate
        scored, dots = self._bulk.scores(vec, evec, self.entity_weight, floor)
        for story, score in scored:
            sid = story.id
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
            column = 2 * self._bulk.slot_of[story.id]
            self._join(story, vec, evec, float(dots[column]), float(dots[column + 1]), f.day, key)
            self._bulk.joined(story, dots)
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

        With ``refine``, each article then moves to the story it matches best on average
        (:meth:`refine`); the articles moved count as splits too.
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
        if self.refine:
            made += self.refine_pass()
        return made

    def refine_pass(self, passes: int = 3) -> int:
        """Move each article to the story it matches best on average; returns the articles moved.

        A k-means-like refinement of the partition, over the stories that keep their articles'
        vectors: an article's mean score (words cosine + ``entity_weight`` × entities cosine, as
        it joined) with every other story is compared with its mean score with the rest of its
        own story (none for an article alone). It moves to the best other story when that mean
        reaches ``consolidate_threshold``, time allowing (as for :meth:`consolidate`: the
        article's date against the story's dates), and beats its own. Moves are decided for every
        article on the partition as it stands, then made, up to ``passes`` times or until none is
        left. A move is a split (the articles moved to a new story, reported in ``splits``) and a
        merge of that story into the one they join (in ``merges``); an article that was alone
        just merges.
        """
        if self.split_min is None:
            return 0
        ew, bulk, base = self.entity_weight, self._bulk, self.consolidate_threshold
        total = 0
        for _ in range(passes):
            sizes = np.fromiter((s.size if s is not None else 1 for s in bulk.story_at), np.float64, len(bulk.story_at))
            moves: dict[tuple[int, int], list] = {}
            for sid in sorted(self._stories):
                story = self._stories[sid]
                n = story.size
                if len(story.members) != n:
                    continue
                own_column = 2 * bulk.slot_of[sid]
                for key, (vec, evec, day) in story.members.items():
                    found = bulk.dots(vec, evec)
                    if found is None:
                        continue
                    dots = found[0]
                    means = (dots[0::2] + ew * dots[1::2]) / sizes[: len(dots) >> 1]
                    means[own_column >> 1] = -math.inf
                    own = -math.inf
                    if n > 1:  # the rest of its own story: its own pair left out
                        own_sum = float(dots[own_column]) + ew * float(dots[own_column + 1])
                        own = (own_sum - (1.0 if vec else 0.0) - (ew if evec else 0.0)) / (n - 1)
                    for slot in np.flatnonzero(means >= max(base, own)).tolist():
                        if bulk.story_at[slot] is None:
                            means[slot] = -math.inf
                    target = None
                    for slot in np.argsort(-means, kind="stable")[:5].tolist():
                        score = float(means[slot])
                        if score < base or score <= own:
                            break
                        other = bulk.story_at[slot]
                        gap = 0 if day is None or other.first is None else max(0, other.first - day, day - other.last)
                        need = self._need(gap, base)
                        if need is not None and score >= need:
                            target = other.id
                            break
                    if target is not None:
                        moves.setdefault((sid, target), []).append(key)
            if not moves:
                break
            for (src, dst), keys in moves.items():
                source, target = self._stories.get(self.resolve(src)), self._stories.get(self.resolve(dst))
                if source is None or target is None or source is target:
                    continue
                keys = [k for k in keys if k in source.members]
                if not keys:
                    continue
                if len(keys) == len(source.members):
                    self._merge(source, target)
                else:
                    self._merge(self._split_off(source, keys), target)
                total += len(keys)
        return total

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
        keys = list(counts)
        dfs = np.fromiter(map(df.__getitem__, keys), np.int64, len(keys)) + 1  # df: a defaultdict
        df.update(zip(keys, dfs.tolist(), strict=True))
        # idf = log((1 + n) / (1 + df)) + 1, and tf = 1 + log(count) (1 for a count of 1)
        weights = math.log(1 + self.n_articles) + 1.0 - _logs(dfs + 1)
        if sublinear:
            weights = (1.0 + _logs(np.fromiter(counts.values(), np.int64, len(keys)))) * weights
        if top is not None and len(keys) > top:
            # what sorting by weight, ties in insertion order, gives
            order = np.argsort(-weights, kind="stable")[:top]
            keys = list(map(keys.__getitem__, order.tolist()))
            weights = weights[order]
        values = weights.tolist()
        norm = math.sqrt(sum(map(operator.mul, values, values)))
        return dict(zip(keys, (weights / norm).tolist(), strict=True))

    def _dots(self, vec: dict[str, float], evec: dict[str, float]) -> tuple[dict[int, float], dict[int, float]]:
        """The dot product of ``vec`` with the words, and of ``evec`` with the entities, of every story
        sharing a key with them, each story in the order it first appears in the postings of their
        keys in turn (the order the end-of-stream passes break ties in)."""
        found = self._bulk.dots(vec, evec)
        if found is None:
            return {}, {}
        dots = found[0]
        slot_of = self._bulk.slot_of.__getitem__

        def ordered(keys: Iterable[str], postings: dict[str, dict[int, None]], values: np.ndarray) -> dict:
            sids = dict.fromkeys(chain.from_iterable(filter(None, map(postings.get, keys))))
            return dict(zip(sids, values[list(map(slot_of, sids))].tolist(), strict=True))

        return ordered(vec, self._postings, dots[0::2]), ordered(evec, self._epostings, dots[1::2])

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
        slot = self._bulk.slot(story)
        self._add_weights(terms, vec, postings, sid, 2 * slot)
        self._add_weights(story.ents, evec, self._epostings, sid, 2 * slot + 1)
        story.norm2 += 2 * dot + (1.0 if vec else 0.0)
        story.enorm2 += 2 * edot + (1.0 if evec else 0.0)
        story.norm, story.enorm = _root(story.norm2), _root(story.enorm2)
        self._bulk.set_norms(story)
        story.size += 1
        story.seen = self.n_articles
        if day is not None:
            story.first = day if story.first is None else min(story.first, day)
            story.last = day if story.last is None else max(story.last, day)
            heapq.heappush(self._expiry, (story.last, story.id))
        elif self.idle_articles is not None and story.first is None:
            heapq.heappush(self._idle, (story.seen, story.id))

    def _add_weights(
        self, into: dict[str, float], vec: dict[str, float], postings: dict[str, dict[int, None]], sid: int, column: int
    ) -> None:
        """Add ``vec`` to a story's sum ``into`` (its words or its entities: ``column`` in the bulk
        index), its postings and their cells."""
        bulk = self._bulk
        get, weights, cells = into.get, bulk.weights, bulk.cells_at[column >> 1]
        new_keys, new_weights = [], []
        for key, w in vec.items():
            old = get(key)
            if old is None:
                c = w
                new_keys.append(key)
                new_weights.append(c)
                postings[key][sid] = None
            else:
                c = old + w
                weights[cells[key]] = c
            into[key] = c
        if new_keys:
            bulk.add(column, new_keys, new_weights)

    def _merge(self, a: _Story, b: _Story) -> _Story:
        """Merge the smaller story into the larger; returns the survivor."""
        if (b.size, -b.id) > (a.size, -a.id):
            a, b = b, a
        dot, edot = _dot(a.terms, b.terms), _dot(a.ents, b.ents)
        self._drop(b)
        self._bulk.forget_pairs(a)
        slot = self._bulk.slot(a)
        self._add_weights(a.terms, b.terms, self._postings, a.id, 2 * slot)
        self._add_weights(a.ents, b.ents, self._epostings, a.id, 2 * slot + 1)
        a.norm2 += b.norm2 + 2 * dot
        a.enorm2 += b.enorm2 + 2 * edot
        a.norm, a.enorm = _root(a.norm2), _root(a.enorm2)
        self._bulk.set_norms(a)
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
        dot, edot = self._bulk.pair_dots(a, b)
        score = dot / math.sqrt(a.norm2 * b.norm2)
        if a.enorm2 > 0 and b.enorm2 > 0:
            score += self.entity_weight * edot / math.sqrt(a.enorm2 * b.enorm2)
        return score

    def _best_partner(self, story: _Story) -> _Story | None:
        if story.norm2 <= 0:
            return None
        norm, enorm = math.sqrt(story.norm2), math.sqrt(story.enorm2) if story.enorm2 > 0 else 0.0
        evec = {k: w / enorm for k, w in story.ents.items()} if enorm else {}
        dots, edots = self._dots({t: w / norm for t, w in story.terms.items()}, evec)
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
        dots, edots = self._dots({t: w / n for t, w in story.terms.items()}, {k: w / n for k, w in story.ents.items()})
        best, cohesion = None, self.consolidate_cohesion
        for sid, dot in dots.items():
            other = self._stories[sid]
            if other is story:
                continue
            score = (dot + self.entity_weight * edots.get(sid, 0.0)) / other.size
            if best is not None and score <= best[0]:
                continue
            need = self._need(self._story_gap(story, other), base)
            if need is None or score < need:
                continue
            if (
                cohesion is not None
                and story.size > 1
                and other.size > 1
                and score < cohesion * min(self._within(story), self._within(other))
            ):
                continue  # two stories that hold together far better than with each other
            best = (score, sid)
        return best

    def _within(self, story: _Story) -> float:
        """The mean score of a story's pairs of articles (two or more articles), from its sums: the
        articles' own pairs left out (each scores 1 + ``entity_weight``, less without entities;
        counted from the articles kept, or taken as that when they are not)."""
        n, ew = story.size, self.entity_weight
        if len(story.members) == n:
            selfs = sum((1.0 if v else 0.0) + (ew if e else 0.0) for v, e, _ in story.members.values())
        else:
            selfs = n * (1.0 + ew)
        return (story.norm2 + ew * story.enorm2 - selfs) / (n * (n - 1))

    def _need(self, gap: float, base: float) -> float | None:
        """The mean score two stories (an article and a story) ``gap`` days apart need to be
        merged by :meth:`consolidate` (moved by :meth:`refine`); ``None``: never."""
        if gap <= self.window_days:
            return base
        if gap <= self.max_gap_days:
            return base + self.consolidate_late
        if self.consolidate_far is not None and gap <= self.retire_days:
            return base + self.consolidate_far
        return None

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
        for term in terms:
            self._postings[term][story.id] = None
        for key in ents:
            self._epostings[key][story.id] = None
        self._bulk.add_story(story)

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
        self._bulk.drop(story)
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


_LOGS = np.zeros(2)  # _LOGS[i] = math.log(i) from i = 1; _LOGS[0] = 0 stands for log 1 of a count of 0
_LOGS_MAX = 1 << 16  # entries kept; larger arguments are computed one by one


def _logs(x: np.ndarray) -> np.ndarray:
    """``math.log`` of each positive integer of ``x`` (``np.log`` may differ in the last bit, and the
    weights must not: they decide ties, and the saved states and benchmarks compare them)."""
    global _LOGS
    top = int(x.max())
    if top >= len(_LOGS) and len(_LOGS) < _LOGS_MAX:
        start, size = len(_LOGS), min(_LOGS_MAX, max(top + 1, 2 * len(_LOGS)))
        _LOGS = np.concatenate([_LOGS, np.fromiter(map(math.log, range(start, size)), np.float64, size - start)])
    if top < len(_LOGS):
        return _LOGS[np.maximum(x, 0)]
    out = _LOGS[np.clip(x, 0, len(_LOGS) - 1)]
    beyond = np.flatnonzero(x >= len(_LOGS))
    out[beyond] = list(map(math.log, x[beyond].tolist()))
    return out


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
