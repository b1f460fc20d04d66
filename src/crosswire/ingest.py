"""Ingest: articles into the store, each deduplicated, analysed once and assigned to a story.

``ingest_paths`` reads and cleans the inputs, then works in batches. For each batch:

1. every new article is checked against everything stored (MinHash LSH, :mod:`crosswire.dedup`):
   a near-duplicate is stored linked to its twin, in its twin's story, and is not analysed;
2. the others are analysed (:class:`crosswire.analyze.Analyzer`) and assigned to a story as they
   arrive (:class:`crosswire.cluster.StoryClusterer`); stories the clusterer merges are merged in
   the store (and, with ``consolidate``, stories it splits at the end are split: the articles
   moved, their near-duplicates with them, go to a new story);
3. the batch is written in one transaction, so a batch reported as ingested is on disk and a
   crash loses at most the batch in flight.

Re-ingesting the same content changes nothing: ids are content hashes and stored ids are skipped.
Stories whose membership changed are rebuilt (:func:`crosswire.story.build_story`) at the end,
so ``crosswire stories`` and ``crosswire brief --story`` need no analysis.

The clusterer's state is saved in the store at the end of an ingest that added articles; the
next ingest takes it up and replays only what was stored after it (after a crash, the batches
committed since the last save). Without a state that fits, it is rebuilt from every stored
article, which costs time in proportion to the store's size.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import json
import os
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crosswire.cluster import StoryClusterer
from crosswire.dedup import Deduplicator
from crosswire.model import Article, Record, Skipped
from crosswire.read import DEFAULT_MAX_BYTES
from crosswire.service import prepare, worker_count
from crosswire.store import Store
from crosswire.story import build_story

BATCH = 50
DUPLICATE_REASON = "near-duplicate text (MinHash LSH, estimated Jaccard >= {:.2f})"


@dataclass(slots=True)
class IngestReport(Record):
    """What one ingest did with every input."""

    inputs: int = 0
    added: list[str] = field(default_factory=list)
    already_stored: list[str] = field(default_factory=list)
    #: inputs whose text is the same as an earlier input's in this ingest: {id, source_path, same_as}
    repeats: list[dict] = field(default_factory=list)
    duplicates: list[dict] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    stories_touched: list[int] = field(default_factory=list)
    #: each web archive's record counts (:class:`crosswire.warc.WarcStats`), by path
    archives: dict = field(default_factory=dict)


class _Assigner:
    """The clusterer, with its story ids mapped to the store's.

    Its state is saved in the store after an ingest (:meth:`save`) and taken up by the next one
    (:meth:`replay`), which then feeds the clusterer only the articles stored since; without a
    saved state that fits (another crosswire, other clusterer settings, a recluster since) every
    stored article is replayed.
    """

    def __init__(self, store: Store, clusterer: StoryClusterer):
        self.store = store
        self.clusterer = clusterer
        self.to_store: dict[int, int] = {}
        self.merges_seen = 0
        self.replayed = False
        self.resumed = False  # the saved state was taken up

    @functools.cached_property
    def fingerprint(self) -> str:
        """What a saved state must match: the clusterer's code and its settings (the same for a
        state taken up, which is made with them)."""
        import inspect

        cls = type(self.clusterer)
        names = [n for n in inspect.signature(cls.__init__).parameters if n != "self"]
        settings = repr([(n, getattr(self.clusterer, n, None)) for n in names])
        code = Path(inspect.getfile(cls)).read_bytes()
        return hashlib.sha256(code + cls.__qualname__.encode() + settings.encode()).hexdigest()

    def replay(self) -> None:
        """Bring the clusterer up to the store: from the saved state if one fits, else from scratch."""
        self.replayed = True
        after = None
        saved = self.store.load_cluster_state()
        if saved is not None and saved["fingerprint"] == self.fingerprint:
            try:
                clusterer, to_store, merges_seen = _load_state(saved["data"], type(self.clusterer))
            except (ValueError, TypeError, KeyError, zlib.error):  # an unreadable state: a slower start
                pass
            else:
                self.clusterer, self.to_store, self.merges_seen = clusterer, to_store, merges_seen
                self.resumed = True
                after = saved["upto"]
        infos = self.store.article_infos(after=after)
        for article in self.store.articles(after=after):
            info = infos[article.id]
            if info["duplicate_of"] or info["story_id"] is None:
                continue
            cid = self.clusterer.resolve(self.clusterer.add(article))
            self.to_store.setdefault(cid, info["story_id"])
        self.merges_seen = len(self.clusterer.merges)

    def save(self) -> None:
        """Keep the clusterer's state in the store, up to the last article stored."""
        try:
            data = _dump_state((self.clusterer, self.to_store, self.merges_seen))
        except (TypeError, KeyError):  # a clusterer holding something the state format does not know
            return
        self.store.save_cluster_state(data, self.fingerprint, self.store.last_position())

    def consolidate(self) -> list[tuple]:
        """Mend the stories the one pass split and split those holding two topics
        (:meth:`StoryClusterer.consolidate`); what to do to the store, in order:
        ``("merge", merged, into)`` and ``("split", story, new_story, article_ids)``."""
        if not self.replayed:
            self.replay()
        self.clusterer.consolidate(split=False)
        ops: list[tuple] = [("merge", *m) for m in self._store_merges()]
        seen = len(self.clusterer.splits)
        if self.clusterer.split():
            ops.extend(self._store_splits(seen))
            self.clusterer.consolidate(split=False)  # a half split off may belong with another story
            ops.extend(("merge", *m) for m in self._store_merges())
        return ops

    def _store_splits(self, seen: int) -> list[tuple]:
        splits = []
        for story, new, keys in self.clusterer.splits[seen:]:
            source = self.to_store.get(self.clusterer.resolve(story))
            if source is None:  # no stored article in it: nothing to move
                continue
            target = self.store.create_story()
            self.to_store[new] = target
            splits.append(("split", source, target, list(keys)))
        return splits

    def _store_merges(self) -> list[tuple[int, int]]:
        merges = []
        for merged, into in self.clusterer.merges[self.merges_seen :]:
            gone = self.to_store.pop(merged, None)
            target = self.to_store.get(self.clusterer.resolve(into))
            if gone is not None and target is None:
                self.to_store[self.clusterer.resolve(into)] = gone
            elif gone is not None and gone != target:
                merges.append((gone, target))
        self.merges_seen = len(self.clusterer.merges)
        return merges

    def assign(self, article: Article) -> tuple[int, list[tuple[int, int]]]:
        """The store story for ``article`` and the ``(merged, into)`` store stories to merge."""
        if not self.replayed:
            # Only a run that adds an article pays for the replay: polling with nothing new is cheap.
            self.replay()
        cid = self.clusterer.resolve(self.clusterer.add(article))
        merges = self._store_merges()
        story = self.to_store.get(cid)
        if story is None:
            story = self.store.create_story()
            self.to_store[cid] = story
        return story, merges


# The clusterer's state is written as JSON, not pickled: a store may be shared (PostgreSQL), and
# unpickling what others can write would run their code. Only plain values, the containers below,
# the clusterer's own class and the dataclasses of crosswire.cluster are read back.
_FACTORIES = {dict: "dict", int: "int", float: "float", list: "list", set: "set"}
_PLAIN = {int, float, str, bool, type(None)}


def _dump_state(value: Any) -> bytes:
    return zlib.compress(json.dumps(_encode(value), separators=(",", ":")).encode("utf-8"), 1)


def _encode(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if type(value) is list:
        return [_encode(v) for v in value]
    if isinstance(value, (tuple, set, frozenset)):
        return {"~": "tuple" if isinstance(value, tuple) else "set", "v": [_encode(v) for v in value]}
    if isinstance(value, dict):
        kind = "dict"
        if isinstance(value, defaultdict):
            kind = "defaultdict:" + _FACTORIES[value.default_factory]  # KeyError: not a known factory
        elif isinstance(value, Counter):
            kind = "counter"
        elif type(value) is not dict:
            raise TypeError(f"cannot save a {type(value).__name__}")
        values = value.values()
        if all(type(v) in _PLAIN for v in values):
            # Term weights and counts, the bulk of the state: saved as they are, keys by type.
            keys = value.keys()
            if all(type(k) is str for k in keys):
                return {"~": kind, "s": value}
            if all(type(k) is int for k in keys):
                return {"~": kind, "i": list(keys), "x": list(values)}
        return {"~": kind, "v": [[_encode(k), _encode(v)] for k, v in value.items()]}
    cls = type(value)
    if dataclasses.is_dataclass(value):
        fields = {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    elif isinstance(value, StoryClusterer):
        fields = {k: _encode(v) for k, v in vars(value).items()}
    else:
        raise TypeError(f"cannot save a {cls.__name__}")
    return {"~": "object", "class": f"{cls.__module__}.{cls.__qualname__}", "v": fields}


def _load_state(data: bytes, clusterer_class: type) -> Any:
    import crosswire.cluster

    allowed = {f"{clusterer_class.__module__}.{clusterer_class.__qualname__}": clusterer_class}
    for obj in vars(crosswire.cluster).values():
        if isinstance(obj, type) and dataclasses.is_dataclass(obj) and obj.__module__ == crosswire.cluster.__name__:
            allowed[f"{obj.__module__}.{obj.__qualname__}"] = obj
    return _decode(json.loads(zlib.decompress(data)), allowed)


def _decode(value: Any, allowed: dict[str, type]) -> Any:
    if isinstance(value, list):
        return [_decode(v, allowed) for v in value]
    if not isinstance(value, dict):
        return value
    kind = value["~"]
    if "s" in value:
        return _mapping(kind, value["s"].items())
    if "i" in value:
        return _mapping(kind, zip(value["i"], value["x"], strict=True))
    items = value["v"]
    if kind == "tuple":
        return tuple(_decode(v, allowed) for v in items)
    if kind == "set":
        return {_decode(v, allowed) for v in items}
    if kind == "object":
        cls = allowed[value["class"]]  # KeyError: a class that is not allowed
        obj = cls.__new__(cls)
        for name, field_value in items.items():
            object.__setattr__(obj, name, _decode(field_value, allowed))
        return obj
    return _mapping(kind, ((_decode(k, allowed), _decode(v, allowed)) for k, v in items))


def _mapping(kind: str, pairs: Iterable[tuple[Any, Any]]) -> dict:
    if kind == "dict":
        return dict(pairs)
    if kind == "counter":
        return Counter(dict(pairs))
    if kind.startswith("defaultdict:"):
        factory = {name: f for f, name in _FACTORIES.items()}[kind.split(":", 1)[1]]
        return defaultdict(factory, pairs)
    raise ValueError(f"unknown value kind {kind!r} in a saved clusterer state")


def _merge_stories(store: Store, gone: int, into: int, touched: set[int]) -> None:
    for article_id in store.article_infos(story_id=gone):
        store.set_story(article_id, into)
    store.delete_story(gone)
    touched.discard(gone)
    touched.add(into)


def _split_story(store: Store, target: int, article_ids: Iterable[str]) -> set[int]:
    """Move the stored ``article_ids`` to story ``target``, their near-duplicates with them; the
    stories they left."""
    moving = {}
    for article_id in article_ids:
        if isinstance(article_id, str):  # other keys are arrival numbers of unstored articles
            with contextlib.suppress(KeyError):
                moving[article_id] = store.article_info(article_id)
    left = {info["story_id"] for info in moving.values() if info["story_id"] not in (None, target)}
    infos = {a: info for sid in left for a, info in store.article_infos(story_id=sid).items()}
    while True:  # near-duplicates follow their twins (and twins of twins)
        more = {a: info for a, info in infos.items() if info["duplicate_of"] in moving and a not in moving}
        if not more:
            break
        moving.update(more)
    for article_id in sorted(moving):
        store.set_story(article_id, target)
    return left


def ingest_paths(
    paths: Iterable[str | os.PathLike],
    store: Store,
    *,
    analyzer=None,
    model: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    batch: int = BATCH,
    clusterer: StoryClusterer | None = None,
    dedup_threshold: float = 0.8,
    rebuild: bool = True,
    on_batch: Callable[[int, int], None] | None = None,
    fields: Mapping[str, str] | None = None,
    fetcher=None,
    consolidate: bool = False,
    jobs: int = 1,
) -> IngestReport:
    """Add the articles under ``paths`` to ``store``; see the module docstring.

    ``analyzer``: an :class:`~crosswire.analyze.Analyzer`, or a function returning one, called
    only when there is something new to analyse (None: ``Analyzer(model=model)``, likewise).
    ``consolidate``: after the last batch, merge the stories the one pass split
    (:meth:`StoryClusterer.consolidate`) and split those that hold two topics
    (:meth:`StoryClusterer.split`): best once a collection is complete (see BENCHMARKS.md); run
    after every small batch of a stream, it can merge too early.
    ``on_batch(done, total)`` is called after each committed batch (for progress bars).
    ``jobs``: worker processes for the analysis (0: one per core when 40 or more articles
    are new). One stream runs through all the batches, so the workers analyse the next batch
    while the main process assigns and writes this one.
    """
    archives: dict = {}
    cleaned, skipped = prepare(paths, max_bytes, fields, fetcher, archives)
    report = IngestReport(inputs=len(cleaned) + len(skipped), skipped=list(skipped), archives=archives)
    with store.transaction():
        for item in skipped:
            store.add_skipped(item.path, item.reason)

    dedup = Deduplicator(threshold=dedup_threshold)
    for article_id, signature in store.signatures():
        dedup.add_signature(article_id, signature)
    assigner = _Assigner(store, clusterer or StoryClusterer())

    def load_analyzer():
        # spaCy loads only when something new is to be analysed: re-ingesting costs no model load.
        nonlocal analyzer
        if analyzer is None:
            from crosswire.analyze import Analyzer

            analyzer = Analyzer(model=model)
        elif callable(analyzer) and not hasattr(analyzer, "analyze_many"):
            analyzer = analyzer()
        return analyzer

    # Which articles are new is decided for every batch before any is analysed (dedup needs
    # only the text), so one analysis stream can run ahead across batch boundaries.
    plan: list[tuple[list[Article], list[tuple[Article, bytes]], list[tuple[Article, bytes, str]]]] = []
    first_path: dict[str, str] = {}  # where each text of this ingest was met first
    for start in range(0, len(cleaned), batch):
        chunk = cleaned[start : start + batch]
        fresh: list[tuple[Article, bytes]] = []
        twins: list[tuple[Article, bytes, str]] = []
        for article in chunk:
            signature = dedup.signature(article.text)
            stored = store.has_article(article.id)
            twin = None if stored else dedup.check_signature(article.id, signature)
            if stored:
                report.already_stored.append(article.id)  # the same content, ingested before
                continue
            if twin == article.id:  # the same content, met earlier in this ingest
                same_as = first_path.get(article.id, "an earlier input of this ingest")
                report.repeats.append({"id": article.id, "source_path": article.source_path, "same_as": same_as})
                continue
            first_path.setdefault(article.id, article.source_path)
            if twin is None:
                fresh.append((article, signature))
            else:
                twins.append((article, signature, twin))
        plan.append((chunk, fresh, twins))
    n_fresh = sum(len(fresh) for _, fresh, _ in plan)
    workers = worker_count(jobs, n_fresh)
    stream = iter(())
    if n_fresh:
        everything_fresh = (article for _, fresh, _ in plan for article, _ in fresh)
        stream = load_analyzer().analyze_many(everything_fresh, n_process=workers)

    touched: set[int] = set()
    done = 0
    for chunk, fresh, twins in plan:
        analysed = {done_article.id: done_article for done_article in (next(stream) for _ in fresh)}
        with store.transaction():
            story_of: dict[str, int] = {}
            for article, signature in fresh:
                done_article = analysed[article.id]
                story, merges = assigner.assign(done_article)
                for gone, into in merges:
                    _merge_stories(store, gone, into, touched)
                store.add_article(done_article, story_id=story, signature=signature)
                story_of[article.id] = story
                touched.add(story)
                report.added.append(article.id)
            for article, signature, twin in twins:
                story = story_of.get(twin)
                if story is None:
                    story = store.article_info(twin)["story_id"]
                store.add_article(
                    article,
                    story_id=story,
                    duplicate_of=twin,
                    duplicate_reason=DUPLICATE_REASON.format(dedup_threshold),
                    signature=signature,
                )
                report.duplicates.append({"id": article.id, "source_path": article.source_path, "twin": twin})
                if story is not None:
                    touched.add(story)
        done += len(chunk)
        if on_batch:
            on_batch(done, len(cleaned))
    if consolidate and report.added:
        with store.transaction():
            for op in assigner.consolidate():
                if op[0] == "split":
                    _, source, target, article_ids = op
                    touched.update(_split_story(store, target, article_ids))
                    touched.update((source, target))
                else:
                    _, gone, into = op
                    _merge_stories(store, gone, into, touched)
    if assigner.replayed:
        assigner.save()
    report.stories_touched = sorted(touched)
    if rebuild:
        rebuild_stories(store, report.stories_touched)
    return report


def story_articles(store: Store, story_id: int) -> list[Article]:
    """The analysed articles of a story (near-duplicates, stored unanalysed, left out)."""
    infos = store.article_infos(story_id=story_id)
    return [a for a in store.articles(story_id=story_id) if not infos[a.id]["duplicate_of"]]


def rebuild_stories(store: Store, story_ids: Iterable[int]) -> None:
    """Build and save the Story of each id (from stored articles, no analysis)."""
    known = {s["id"] for s in store.stories()}
    for story_id in story_ids:
        if story_id in known:
            store.save_story(story_id, build_story(story_articles(store, story_id)))


def recluster(store: Store, clusterer: StoryClusterer | None = None) -> list[int]:
    """Rebuild every story from scratch over the stored articles; the new story ids."""
    clusterer = clusterer or StoryClusterer()
    originals, twins = [], []
    infos = store.article_infos()
    for article in store.articles():
        info = infos[article.id]
        (twins if info["duplicate_of"] else originals).append((article, info))
    labels = clusterer.recluster([a for a, _ in originals])
    with store.transaction():
        store.clear_stories()
        to_store: dict[int, int] = {}
        story_of: dict[str, int] = {}
        for (article, _), label in zip(originals, labels, strict=True):
            if label not in to_store:
                to_store[label] = store.create_story()
            store.set_story(article.id, to_store[label])
            story_of[article.id] = to_store[label]
        for article, info in twins:
            story = story_of.get(info["duplicate_of"])
            if story is not None:
                store.set_story(article.id, story)
    ids = sorted(set(to_store.values()))
    rebuild_stories(store, ids)
    return ids
