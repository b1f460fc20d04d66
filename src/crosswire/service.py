"""Service functions: what the CLI (and later the web app and API) call.

``analyze_paths`` is the whole per-article pipeline: read, clean, check, analyse. Every input
ends as an analysed article or as a :class:`Skipped` with a reason. ``brief_paths`` goes on to
the story: origins, claims, quotes across outlets and the cited brief.
"""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from crosswire.clean import clean
from crosswire.language import non_english_reason
from crosswire.model import AnalysisResult, Article, Skipped, Story
from crosswire.read import DEFAULT_MAX_BYTES, read_paths
from crosswire.story import build_story

if TYPE_CHECKING:
    from crosswire.analyze import Analyzer
    from crosswire.warc import WarcStats


MAX_PARAGRAPH_CHARS = 100_000
"""The longest paragraph (or title) analysed: about 16,000 words, far beyond any article's, and a
tenth of what the parser takes at all. A longer one is a dump, not an article (parsing one of
990,000 characters took 38 s and 3.6 GB under
``/usr/bin/time crosswire analyze``)."""

AUTOMATIC_WORKERS_FROM = 40
"""Articles from which the analysis runs in one worker process per core when no count is given."""


def worker_count(jobs: int, articles: int) -> int:
    """Worker processes for analysing ``articles`` articles: ``jobs`` (0: one per core from
    :data:`AUTOMATIC_WORKERS_FROM` articles), never more than the cores or the articles."""
    cores = os.cpu_count() or 1
    wanted = jobs or (cores if articles >= AUTOMATIC_WORKERS_FROM else 1)
    return max(1, min(wanted, cores, articles))


def _overlong_paragraph(article: Article) -> str | None:
    longest = max([len(p) for p in article.text.split("\n\n")] + [len(article.title or "")])
    if longest <= MAX_PARAGRAPH_CHARS:
        return None
    return (
        f"a paragraph of {longest:,} characters, over the {MAX_PARAGRAPH_CHARS:,} one paragraph may have: "
        "a dump of text, not an article (split it into paragraphs with blank lines to analyse it)"
    )


def prepare(
    paths: Iterable[str | os.PathLike],
    max_bytes: int = DEFAULT_MAX_BYTES,
    fields: Mapping[str, str] | None = None,
    fetcher=None,
    archives: dict[str, WarcStats] | None = None,
) -> tuple[list[Article], list[Skipped]]:
    """Read and clean; return the articles worth analysing and what was skipped.

    ``fields`` maps article fields to the columns of JSONL and CSV exports (``--field``);
    ``fetcher`` (:class:`crosswire.fetch.Fetcher`) fetches URLs and the remote feeds of OPML files;
    ``archives`` receives the record counts of each web archive read.
    """
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for item in read_paths(paths, max_bytes, fields, fetcher, archives):
        if isinstance(item, Skipped):
            skipped.append(item)
            continue
        article = clean(item)
        if not article.text.strip():
            what = ", ".join(sorted({r.reason for r in article.removed})) or "nothing"
            skipped.append(Skipped(item.source_path, f"no article text: only boilerplate ({what})"))
            continue
        reason = _overlong_paragraph(article) or non_english_reason(article.text)
        if reason:
            skipped.append(Skipped(item.source_path, reason))
            continue
        articles.append(article)
    return articles, skipped


def analyze_paths(
    paths: Iterable[str | os.PathLike],
    *,
    model: str | None = None,
    reference_date: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    analyzer: Analyzer | None = None,
    progress: Callable[[Article], None] | None = None,
    fields: Mapping[str, str] | None = None,
) -> AnalysisResult:
    """Read, clean and analyse every article under ``paths``."""
    articles, skipped = prepare(paths, max_bytes, fields)
    if analyzer is None:
        from crosswire.analyze import Analyzer  # spaCy loads only when something is analysed

        analyzer = Analyzer(model=model, reference_date=reference_date)
    done = []
    for article in analyzer.analyze_many(articles):
        done.append(article)
        if progress:
            progress(article)
    return AnalysisResult(articles=done, skipped=skipped)


def brief_paths(
    paths: Iterable[str | os.PathLike],
    *,
    words: int = 120,
    encoder=None,
    model: str | None = None,
    reference_date: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    analyzer: Analyzer | None = None,
    fields: Mapping[str, str] | None = None,
    keep_off_story: bool = False,
) -> tuple[Story, list[Article]]:
    """Analyse the articles under ``paths`` as one story; return the story and the articles
    (all of them: the story's ``skipped`` says which it set aside, see
    :func:`crosswire.story.build_story`)."""
    result = analyze_paths(
        paths, model=model, reference_date=reference_date, max_bytes=max_bytes, analyzer=analyzer, fields=fields
    )
    story = build_story(
        result.articles, words=words, encoder=encoder, skipped=result.skipped, keep_off_story=keep_off_story
    )
    return story, result.articles


# A folder handed to `brief` is meant as one story, which may run for weeks and across
# sub-events: only groups that share almost nothing count as separate. On the 35 DUC 2004
# topics of the quote development sets every topic stays one group; 13 mixes of two topics (five
# articles each) and the sample story mixed with the seeds all come apart.
LOOSE_STORY = dict(
    consolidate_threshold=0.05,
    consolidate_far=0,
    consolidate_late=0,
    consolidate_cohesion=None,
    max_gap_days=365,
    retire_days=365,
)


def story_groups(articles: Sequence[Article], **params) -> list[list[Article]]:
    """The articles grouped into stories as ``crosswire recluster`` groups them
    (:meth:`~crosswire.cluster.StoryClusterer.recluster`), largest group first. ``params`` go to
    the clusterer; ``crosswire brief`` uses :data:`LOOSE_STORY` to check that a folder holds one
    story."""
    from crosswire.cluster import StoryClusterer

    groups: dict[int, list[Article]] = {}
    for article, story in zip(articles, StoryClusterer(**params).recluster(articles), strict=True):
        groups.setdefault(story, []).append(article)
    return sorted(groups.values(), key=len, reverse=True)


class AnalysisFileError(ValueError):
    """A file that is not an analysis ``crosswire analyze --format json`` wrote; the message says where."""


def load_analysis(path: str | os.PathLike) -> AnalysisResult:
    """Articles saved by ``crosswire analyze --format json``, so a brief needs no re-analysis.

    The file is checked against the published schema (``crosswire/schemas/analysis.schema.json``)
    first: a file of another kind raises :class:`AnalysisFileError` naming the first misfit.
    """
    import jsonschema

    with open(path, encoding="utf-8") as f:
        try:
            data = json.load(f)
        except json.JSONDecodeError as exc:
            raise AnalysisFileError(f"not JSON ({exc})") from None
        except UnicodeDecodeError:
            raise AnalysisFileError("not UTF-8 text") from None
    error = jsonschema.exceptions.best_match(_analysis_validator().iter_errors(data))
    if error is not None:
        where = "/".join(str(part) for part in error.absolute_path) or "the top level"
        raise AnalysisFileError(
            f"not an analysis as 'crosswire analyze --format json' writes: at {where}, {error.message}"
        )
    return AnalysisResult.from_dict(data)


@functools.cache
def _analysis_validator():
    from importlib import resources

    import jsonschema

    schema = json.loads(resources.files("crosswire.schemas").joinpath("analysis.schema.json").read_text("utf-8"))
    return jsonschema.Draft202012Validator(schema)


def run_report(
    articles: list[Article], skipped: list[Skipped], archives: Mapping[str, WarcStats] | None = None
) -> dict:
    """What one run did with every input, for ``--report``: the same keys as an ingest's report.

    ``duplicates`` are articles whose text is the same as an earlier one's in the run (same id);
    ``archives`` gives each web archive's records: read, made articles, skipped, broken, and
    the records that are never articles (requests, warcinfo…) by type.
    """
    first: dict[str, str] = {}
    duplicates = []
    for article in articles:
        if article.id in first:
            duplicates.append({"source_path": article.source_path, "duplicate_of": first[article.id]})
        else:
            first[article.id] = article.source_path
    reasons: dict[str, int] = {}
    for item in skipped:
        key = re.split(r"[:(]", re.sub(r"^(?:after )?line \d+: ", "", item.reason))[0].strip()
        reasons[key] = reasons.get(key, 0) + 1
    return {
        "inputs": len(articles) + len(skipped),
        "articles": len(articles),
        "duplicates": duplicates,
        "skipped": [item.to_dict() for item in skipped],
        "skipped_by_reason": dict(sorted(reasons.items(), key=lambda kv: -kv[1])),
        "archives": {path: stats.to_dict() for path, stats in (archives or {}).items()},
    }
