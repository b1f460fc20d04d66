"""Analysis: a cleaned :class:`Article` in, the same article with sentences, entities, quotes
and dates out.

The :class:`Analyzer` runs spaCy once over every paragraph (batched across articles for
speed), then hands the parses to the rule stages in order: sentences, entities, quotes, dates.
"""

from __future__ import annotations

import dataclasses
import itertools
import logging
import multiprocessing
import multiprocessing.pool
from collections import deque
from collections.abc import Callable, Iterable, Iterator

from spacy.language import Language
from threadpoolctl import threadpool_limits

from crosswire.dates import extract_dates
from crosswire.entities import SentenceIndex, extract_entities
from crosswire.model import Article
from crosswire.nlp import load_pipeline
from crosswire.quotes import QuoteExtractor
from crosswire.sentences import build_paragraphs, segment

log = logging.getLogger(__name__)


class Analyzer:
    """Analyse articles with one spaCy pipeline.

    Parameters
    ----------
    model:
        A spaCy pipeline name or path; None takes the default English pipeline.
    reference_date:
        ISO date used to resolve relative dates ("on Wednesday") in articles that state no
        publication or dateline date of their own.
    batch_size:
        Paragraphs per spaCy batch.
    n_process:
        Worker processes for :meth:`analyze_many` (1: analyse in this process).
    chunk_size:
        Articles per task of a worker process.
    """

    def __init__(
        self,
        model: str | None = None,
        reference_date: str | None = None,
        batch_size: int = 64,
        n_process: int = 1,
        nlp: Language | None = None,
        chunk_size: int = 8,
    ):
        self.nlp = nlp or load_pipeline(model)
        self.reference_date = reference_date
        self.batch_size = batch_size
        self.n_process = n_process
        self.chunk_size = chunk_size

    def analyze(self, article: Article) -> Article:
        """Analyse one article in place and return it."""
        return next(iter(self.analyze_many([article], n_process=1)))

    def analyze_many(self, articles: Iterable[Article], n_process: int | None = None) -> Iterator[Article]:
        """Analyse articles lazily, in order, streaming their paragraphs through one spaCy pipe.

        With ``n_process`` > 1 the articles are analysed in that many worker processes (worth it
        from a few dozen articles on): each takes a chunk of ``chunk_size`` articles, parses and
        analyses it whole, and sends the results back, which are copied into the articles given.
        """
        n_process = self.n_process if n_process is None else n_process
        if n_process > 1 and "fork" in multiprocessing.get_all_start_methods():
            yield from self._analyze_in_workers(articles, n_process)
            return
        yield from self._analyze_here(articles, n_process)

    def _analyze_here(self, articles: Iterable[Article], n_process: int) -> Iterator[Article]:
        waiting: deque[tuple[Article, int]] = deque()

        def texts() -> Iterator[str]:
            for article in articles:
                parts = [*article.text.split("\n\n"), article.title or ""]
                waiting.append((article, len(parts)))
                yield from parts

        # Where processes cannot fork (n_process > 1 only there), spaCy's own worker processes
        # parse, and the rule stages run here.
        docs = iter(self.nlp.pipe(texts(), batch_size=self.batch_size, n_process=n_process))
        for doc in docs:
            article, count = waiting.popleft()
            batch = [doc, *(next(docs) for _ in range(count - 1))]
            self._annotate(article, batch[:-1], batch[-1] if article.title else None)
            yield article

    def _analyze_in_workers(self, articles: Iterable[Article], n_process: int) -> Iterator[Article]:
        """Analyse chunks of articles in forked worker processes that inherit this analyser
        (model loaded), keeping at most two chunks per worker in flight, so that the articles
        are read, and the results held, only a little ahead of the caller.

        Analyses travel back, not spaCy's parses, so the rule stages run in the workers too
        instead of in this process beside them (17% more articles/s on DUC, two workers)."""
        global _WORKER_ANALYZER
        given = iter(articles)
        chunks = iter(lambda: list(itertools.islice(given, self.chunk_size)), [])
        _WORKER_ANALYZER = self  # also for a worker the pool starts to replace one that died
        try:
            with multiprocessing.get_context("fork").Pool(n_process, initializer=_one_blas_thread) as pool:
                in_flight: deque[tuple[list[Article], multiprocessing.pool.AsyncResult]] = deque()
                for chunk in chunks:
                    in_flight.append((chunk, pool.apply_async(_analyze_chunk, (chunk,))))
                    if len(in_flight) >= 2 * n_process:
                        yield from _take_results(*in_flight.popleft())
                while in_flight:
                    yield from _take_results(*in_flight.popleft())
        finally:
            _WORKER_ANALYZER = None

    def _annotate(self, article: Article, docs, title_doc) -> None:
        paragraphs = build_paragraphs(article.text, docs)
        sentences, spans = segment(paragraphs)
        sent_of = SentenceIndex(sentences)
        article.sentences = sentences
        known = {}
        if article.dateline and article.dateline.place:
            known[article.dateline.place] = "GPE"
        if article.outlet:
            known[article.outlet] = "ORG"
        article.entities = _stage(article, "entities", lambda: extract_entities(paragraphs, sent_of, known))
        article.quotes = _stage(
            article,
            "quotes",
            lambda: QuoteExtractor(article.text, paragraphs, sentences, spans, article.entities).extract(title_doc),
        )
        reference = article.published or (article.dateline.date if article.dateline else None) or self.reference_date
        article.dates = _stage(article, "dates", lambda: extract_dates(paragraphs, sent_of, reference))
        if reference is None and any(d.date is None for d in article.dates):
            article.warnings.append(
                "no publication date found: relative dates are left unresolved (give one with --reference-date)"
            )


# The analyser a forked worker process inherits (set while its pool runs).
_WORKER_ANALYZER: Analyzer | None = None


def _one_blas_thread() -> None:
    """In each worker process: one BLAS thread (``crosswire.nlp.NumpyBlasOps``), so that two
    workers do not fight over two cores. Set in the workers only: the caller, which clusters
    and writes between results, keeps its own threads."""
    global _WORKER_BLAS_LIMIT
    _WORKER_BLAS_LIMIT = threadpool_limits(limits=1, user_api="blas")


_WORKER_BLAS_LIMIT = None  # held for the worker's life: the limit lasts until it is restored


def _analyze_chunk(articles: list[Article]) -> list[Article]:
    return list(_WORKER_ANALYZER._analyze_here(articles, 1))


def _take_results(given: list[Article], result) -> Iterator[Article]:
    """The given articles, each with what a worker made of it copied in (callers may hold the
    articles they passed in, as in one process)."""
    for article, analysed in zip(given, result.get(), strict=True):
        for field in dataclasses.fields(article):
            setattr(article, field.name, getattr(analysed, field.name))
        yield article


def _stage(article: Article, what: str, run: Callable[[], list]) -> list:
    """Run one rule stage; a bug it hits on this article costs that stage's results for this
    article only, with a warning on it, not the whole run."""
    try:
        return run()
    except Exception as exc:  # any rule bug: the article is still analysed, and says what is missing
        log.debug("%s failed on %s", what, article.source_path, exc_info=True)
        article.warnings.append(
            f"{what} could not be extracted from this article ({type(exc).__name__}: {exc}); "
            "please report it with the article"
        )
        return []
