"""The ``crosswire`` command line: a thin layer over :mod:`crosswire.service`."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import click
import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from crosswire import __version__
from crosswire.model import AnalysisResult, Article, Skipped
from crosswire.read import DEFAULT_MAX_BYTES, is_url
from crosswire.render import render_result, shorten
from crosswire.service import load_analysis, prepare, run_report, worker_count
from crosswire.story import build_story

app = typer.Typer(
    help="crosswire: what happened in a news story, who said what, and how well each piece is supported.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

#: Exit codes: 0 everything was analysed; 1 some inputs were skipped (listed); 2 usage error;
#: 3 nothing could be analysed; 4 an output file could not be written; 141 the reader of the
#: output went away (``| head``): what a shell shows for a writer a broken pipe killed.
EXIT_SKIPPED = 1
EXIT_NOTHING = 3
EXIT_CANNOT_WRITE = 4
EXIT_BROKEN_PIPE = 141


def _broken_pipe():
    # The reader of the output went away (| head): the rest goes nowhere, quietly, and the
    # exit code says so rather than "some inputs were skipped".
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    raise typer.Exit(EXIT_BROKEN_PIPE)


class _Stdout(Console):
    """The console for standard output: a broken pipe exits with its own code."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        _broken_pipe()


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _emit(text: str) -> None:
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        _broken_pipe()


class Format(StrEnum):
    json = "json"
    text = "text"


FIELD_OPTION = typer.Option(
    "--field",
    metavar="NAME=COLUMN",
    help="JSONL/CSV exports: read article field NAME (text, title, published, url, outlet, byline) from COLUMN.",
)


def _fields(specs: list[str] | None) -> dict[str, str]:
    from crosswire.formats import FieldError, parse_fields

    try:
        return parse_fields(specs)
    except FieldError as exc:
        raise typer.BadParameter(str(exc)) from None


# Options shared by several commands.


def _writable(path: Path | None) -> Path | None:
    """Refuse, before any work, a file that cannot be written: its folder missing, a folder."""
    if path is None:
        return None
    if path.is_dir():
        raise typer.BadParameter(f"{path} is a folder, not a file")
    if not path.parent.is_dir():
        raise typer.BadParameter(f"folder {path.parent} does not exist")
    return path


def _write(path: Path, text: str) -> None:
    """Write an output file; a disk that is full or refuses the file ends the run with a message."""
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        reason = escape(exc.strerror or str(exc))
        Console(stderr=True).print(f"[red]error:[/] cannot write {escape(str(path))}: {reason}", soft_wrap=True)
        raise typer.Exit(EXIT_CANNOT_WRITE) from None


OutputOption = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.", callback=_writable)
]
ReportOption = Annotated[
    Path | None, typer.Option(help="Write what happened to every input as JSON.", callback=_writable)
]
MaxBytesOption = Annotated[int, typer.Option(min=1, help="Skip files larger than this.")]
ModelOption = Annotated[str | None, typer.Option(help="spaCy pipeline name or path (default: en_core_web_sm).")]
DB_OPTION = typer.Option("--db", help="Store URL: sqlite:///FILE (default: crosswire.db here) or postgresql://…")


class BriefFormat(StrEnum):
    json = "json"
    md = "md"
    html = "html"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"crosswire {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """crosswire reads articles from many outlets and tells you what actually happened."""


def _check_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD)") from exc


def _analyse(analyzer, articles: list[Article], jobs: int, quiet: bool, err: Console) -> list[Article]:
    """Analyse with a progress bar (on a terminal, unless quiet)."""
    done = []
    with _bar("analysing", err, quiet or len(articles) <= 1) as bar:
        task = bar.add_task("analyse", total=len(articles))
        workers = worker_count(jobs, len(articles))
        for article in analyzer.analyze_many(articles, n_process=workers):
            done.append(article)
            bar.advance(task)
    return done


def _load_analyzer(model: str | None, reference_date: str | None, err: Console):
    # spaCy loads here, not at start-up: a brief from a saved analysis never needs it.
    from crosswire.analyze import Analyzer
    from crosswire.nlp import PipelineError

    try:
        return Analyzer(model=model, reference_date=reference_date)
    except PipelineError as exc:
        err.print(f"[red]error:[/] {escape(str(exc))}", soft_wrap=True)
        raise typer.Exit(EXIT_NOTHING) from None


def _report_skipped(skipped: list[Skipped], err: Console) -> None:
    for item in skipped:
        err.print(f"[yellow]skipped[/] {escape(item.path)}: {escape(item.reason)}", soft_wrap=True)


ReferenceDateOption = Annotated[
    str | None,
    typer.Option(callback=_check_date, help="Date (YYYY-MM-DD) to resolve 'on Wednesday' in undated articles."),
]


@app.command()
def analyze(
    paths: Annotated[
        list[str], typer.Argument(help="Article files, folders of them, or http(s) URLs.", show_default=False)
    ],
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.json,
    output: OutputOption = None,
    model: ModelOption = None,
    reference_date: ReferenceDateOption = None,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            min=0,
            help="worker processes for the analysis (0: one per core for 40+ articles; at most the cores).",
        ),
    ] = 0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    field: Annotated[list[str] | None, FIELD_OPTION] = None,
    report: ReportOption = None,
) -> None:
    """Clean and analyse articles: sentences, entities with roles, quotes with speakers, dates."""
    err = Console(stderr=True)
    fields = _fields(field)
    analyzer = _load_analyzer(model, reference_date, err)
    archives: dict = {}
    articles, skipped = prepare(paths, max_bytes, fields, archives=archives)
    result = AnalysisResult(articles=_analyse(analyzer, articles, jobs, quiet, err), skipped=skipped)
    if report:
        text = _json(run_report(result.articles, skipped, archives))
        _write(report, text)
    if format is Format.json:
        text = _json(result.to_dict())
        if output:
            _write(output, text)
        else:
            _emit(text)
    else:
        buffer = io.StringIO() if output else None
        render_result(Console(file=buffer, width=140) if output else _Stdout(), result)
        if output:
            _write(output, buffer.getvalue())
    _report_skipped(skipped, err)
    if not result.articles and skipped:
        raise typer.Exit(EXIT_NOTHING)
    if skipped:
        raise typer.Exit(EXIT_SKIPPED)


@app.command()
def brief(
    paths: Annotated[
        list[str] | None, typer.Argument(help="The articles of one story: files, folders or URLs.", show_default=False)
    ] = None,
    format: Annotated[BriefFormat, typer.Option("--format", "-f", help="Output format.")] = BriefFormat.md,
    output: OutputOption = None,
    words: Annotated[int, typer.Option("--words", "-w", min=10, help="Length of the brief, in words.")] = 120,
    analysis: Annotated[
        Path | None,
        typer.Option(help="Use articles saved by 'crosswire analyze --format json' instead of analysing PATHS."),
    ] = None,
    embeddings: Annotated[
        bool, typer.Option(help="Also group claims by sentence embeddings (MiniLM, ONNX Runtime).")
    ] = False,
    story_id: Annotated[
        int | None, typer.Option("--story", help="Brief a stored story (see 'crosswire stories'), no analysis.")
    ] = None,
    db: Annotated[str | None, DB_OPTION] = None,
    model: ModelOption = None,
    reference_date: ReferenceDateOption = None,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs", "-j", min=0, help="worker processes for the analysis (0: automatic; at most the cores)."
        ),
    ] = 0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    field: Annotated[list[str] | None, FIELD_OPTION] = None,
    report: ReportOption = None,
    keep_off_story: Annotated[
        bool,
        typer.Option(help="Keep articles that are not about the story the others tell (by default they are skipped)."),
    ] = False,
) -> None:
    """Brief one story: who copies whom, claims by independent sources, quotes across outlets, a cited brief."""
    err = Console(stderr=True)
    if not paths and not analysis and story_id is None:
        raise typer.BadParameter("give the story's articles (PATH...), --analysis FILE or --story ID")
    fields = _fields(field)
    articles: list[Article] = []
    skipped: list[Skipped] = []
    if story_id is not None:
        from crosswire.ingest import story_articles

        with _open_store(db, err) as store:
            known = {s["id"] for s in store.stories()}
            if story_id not in known:
                err.print(f"[red]error:[/] no story {story_id} in the store (see 'crosswire stories')", soft_wrap=True)
                raise typer.Exit(EXIT_NOTHING)
            articles += story_articles(store, story_id)
    if analysis:
        try:
            saved = load_analysis(analysis)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            err.print(f"[red]error:[/] cannot read {escape(str(analysis))}: {escape(str(exc))}", soft_wrap=True)
            raise typer.Exit(EXIT_NOTHING) from None
        articles += saved.articles
        skipped += saved.skipped
    archives: dict = {}
    if paths:
        analyzer = _load_analyzer(model, reference_date, err)
        fresh, more_skipped = prepare(paths, max_bytes, fields, archives=archives)
        articles += _analyse(analyzer, fresh, jobs, quiet, err)
        skipped += more_skipped
    _report_skipped(skipped, err)
    if not articles:
        if report:
            _write(report, _json(run_report([], skipped, archives)))
        err.print("[red]error:[/] no article to brief", soft_wrap=True)
        raise typer.Exit(EXIT_NOTHING)
    _warn_if_several_stories(articles, err)
    encoder = _encoder(err) if embeddings else None
    story = build_story(articles, words=words, encoder=encoder, skipped=skipped, keep_off_story=keep_off_story)
    left_out = story.skipped[len(skipped) :]
    _report_skipped(left_out, err)
    if report:
        # Repeats of a text the story holds stay articles, which the report lists as duplicates;
        # articles not about the story move from the articles to the skipped inputs.
        in_story = {a.id for a in story.articles}
        kept = [a for a in articles if a.id in in_story]
        kept_paths = {a.source_path for a in kept}
        off_story = [s for s in left_out if s.path not in kept_paths]
        _write(report, _json(run_report(kept, [*skipped, *off_story], archives)))
    for warning in story.warnings:
        err.print(f"[yellow]warning:[/] {escape(warning)}", soft_wrap=True)
    text = _render_story(story, articles, format)
    if output:
        _write(output, text)
    else:
        _emit(text)
    if story.skipped:
        raise typer.Exit(EXIT_SKIPPED)


def _warn_if_several_stories(articles: list[Article], err: Console) -> None:
    """Say so when the articles given as one story fall apart into unrelated groups."""
    from crosswire.service import LOOSE_STORY, story_groups

    if len(articles) < 4:
        return
    groups = [g for g in story_groups(articles, **LOOSE_STORY) if len(g) >= 2]
    if len(groups) < 2:
        return
    parts = "; ".join(f"{len(g)} articles ({escape(shorten(g[0].title or g[0].source_path, 60))})" for g in groups[:4])
    err.print(
        f"[yellow]warning:[/] these {len(articles)} articles look like {len(groups)} separate stories: {parts}. "
        "The brief covers them as one; brief each group on its own, or ingest them and see 'crosswire stories'.",
        soft_wrap=True,
    )


def _open_store(db: str | None, err: Console, create: bool = False):
    """The store ``--db`` (else ``$CROSSWIRE_DB``, else ``crosswire.db``) names; only ``ingest``
    creates one, so a mistyped name does not leave an empty store behind."""
    from crosswire.store import DEFAULT_URL, Store, StoreError, shown_url

    if db is not None and not db.strip():
        raise typer.BadParameter("the store URL is empty", param_hint="'--db'")
    url = db or os.environ.get("CROSSWIRE_DB") or DEFAULT_URL
    try:
        return Store(url, create=create)
    except Exception as exc:  # any driver or migration error: one readable line, not a traceback
        reason = str(exc) if isinstance(exc, StoreError) else _driver_message(exc)
        password = _password(url)
        if password:
            reason = reason.replace(password, "***")
        err.print(f"[red]error:[/] cannot open the store {escape(shown_url(url))}: {escape(reason)}", soft_wrap=True)
        raise typer.Exit(EXIT_NOTHING) from None


def _driver_message(exc: Exception) -> str:
    # SQLAlchemy wraps the driver's error with its class name and a link to its docs.
    inner = getattr(exc, "orig", None) or exc
    return " ".join(str(inner).split()) or type(inner).__name__


def _password(url: str) -> str | None:
    from crosswire.store import store_url

    try:
        return store_url(url).password
    except Exception:
        return None


@app.command()
def ingest(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Article files, folders of them, or http(s) URLs.", show_default=False)
    ] = None,
    db: Annotated[str | None, DB_OPTION] = None,
    model: ModelOption = None,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    report: ReportOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, no summary.")] = False,
    field: Annotated[list[str] | None, FIELD_OPTION] = None,
    feeds: Annotated[
        list[Path] | None, typer.Option(help="An OPML list of feeds to fetch (network access); repeatable.")
    ] = None,
    allow_private: Annotated[
        bool, typer.Option(help="Let URLs reach private, loopback and link-local addresses.")
    ] = False,
    fetch_cache: Annotated[
        Path, typer.Option(help="ETag / Last-Modified cache, so polling a feed again fetches only what changed.")
    ] = Path(".crosswire-fetch.json"),
    consolidate: Annotated[
        bool,
        typer.Option(help="After the last batch, merge stories the one pass split (best on a complete collection)."),
    ] = False,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            min=0,
            help="analysis worker processes (0: one per core for 40+ new articles; at most the cores).",
        ),
    ] = 0,
) -> None:
    """Add articles to the store: each deduplicated, analysed once and assigned to a story as it arrives."""
    from crosswire.fetch import NOT_MODIFIED
    from crosswire.ingest import ingest_paths

    err = Console(stderr=True)
    paths = paths or []
    if not paths and not feeds:
        raise typer.BadParameter("give articles to ingest (PATH or URL...) or --feeds FILE.opml")
    for listing in feeds or []:
        _check_feed_list(listing)
    fields = _fields(field)
    with _open_store(db, err, create=True) as store, _bar("ingesting", err, quiet) as bar:
        task = bar.add_task("ingest", total=None)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        fetcher = None
        if feeds or allow_private or any(is_url(p) for p in paths):
            from crosswire.fetch import Fetcher

            fetcher = Fetcher(allow_private=allow_private, cache_path=fetch_cache)
        inputs = [*paths, *(str(f) for f in feeds or [])]
        result = ingest_paths(
            inputs,
            store,
            analyzer=lambda: _load_analyzer(model, None, err),
            max_bytes=max_bytes,
            on_batch=advance,
            fields=fields,
            fetcher=fetcher,
            consolidate=consolidate,
            jobs=jobs,
        )
    if report:
        _write(report, _json(result.to_dict()))
    _report_skipped(result.skipped, err)
    if not quiet:
        err.print(
            f"{result.inputs} inputs: {len(result.added)} added, {len(result.duplicates)} near-duplicates linked, "
            f"{len(result.already_stored)} already stored, "
            + (f"{len(result.repeats)} repeated in this ingest, " if result.repeats else "")
            + f"{len(result.skipped)} skipped; "
            f"{len(result.stories_touched)} stories updated",
            soft_wrap=True,
        )
    # A feed polled again with nothing new is not a failure: it counts as handled, as a stored article does.
    unchanged = any(s.reason == NOT_MODIFIED for s in result.skipped)
    handled = result.added or result.duplicates or result.already_stored or result.repeats or unchanged
    if result.skipped and not handled:
        raise typer.Exit(EXIT_NOTHING)
    if result.skipped:
        raise typer.Exit(EXIT_SKIPPED)


class StoryOrder(StrEnum):
    id = "id"
    size = "size"
    recent = "recent"


# Story titles for wire copy are whole lead sentences: the text listing cuts them to one line.
TITLE_WIDTH = 140


@app.command()
def stories(
    db: Annotated[str | None, DB_OPTION] = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    sort: Annotated[
        StoryOrder, typer.Option(help="id (oldest first), size (most articles first) or recent (latest first).")
    ] = StoryOrder.id,
    min_articles: Annotated[int, typer.Option(min=1, help="Leave out stories with fewer articles.")] = 1,
) -> None:
    """List the stored stories."""
    err = Console(stderr=True)
    with _open_store(db, err) as store:
        listing = [s for s in store.stories() if len(s["articles"]) >= min_articles]
    if sort is StoryOrder.size:
        listing.sort(key=lambda s: (-len(s["articles"]), s["id"]))
    elif sort is StoryOrder.recent:
        listing.sort(key=lambda s: (s["last"] or "", s["id"]), reverse=True)
    if format is Format.json:
        _emit(_json({"stories": listing}))
        return
    console = _Stdout()
    if not listing:
        err.print(
            "no stories stored yet: 'crosswire ingest' adds articles"
            if min_articles == 1
            else f"no story has {min_articles} or more articles"
        )
        return

    def count(n: int, noun: str) -> str:
        return f"{n} {noun}{'' if n == 1 else 's'}"

    for story in listing:
        sources = story["independent_sources"]
        first, last = story["first"] or "?", story["last"] or "?"
        console.print(
            f"[bold]{story['id']}[/] {escape(shorten(story['title'] or '(untitled)', TITLE_WIDTH))}\n"
            f"    {count(len(story['articles']), 'article')}, {count(len(story['outlets']), 'outlet')}"
            f"{'' if sources is None else ', ' + count(sources, 'independent source')}; "
            f"{first if first == last else f'{first} to {last}'}",
            soft_wrap=True,
        )


@app.command(name="recluster")
def recluster_command(
    db: Annotated[str | None, DB_OPTION] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary.")] = False,
) -> None:
    """Rebuild every story from scratch over the stored articles (for batches)."""
    from crosswire.ingest import recluster

    err = Console(stderr=True)
    with _open_store(db, err) as store:
        ids = recluster(store)
    if not quiet:
        err.print(f"{len(ids)} stories", soft_wrap=True)


def _bar(label: str, err: Console, quiet: bool) -> Progress:
    return Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.speed}/s"),
        TimeRemainingColumn(),
        console=err,
        disable=quiet or not err.is_terminal,
    )


def _check_feed_list(path: Path) -> None:
    """``--feeds`` takes OPML lists (or a feed): anything else is a usage error, said as such, not
    a skipped input of an "unsupported file type"."""
    from crosswire.read import sniff_file

    if not path.is_file():
        return  # reported as a skipped input, with the reason
    try:
        kind = sniff_file(path, 8192)
    except OSError:
        return
    if kind not in ("opml", "feed"):
        raise typer.BadParameter(
            f"{path} is not an OPML list of feeds (nor a feed); give articles as PATH", param_hint="'--feeds'"
        )


def _encoder(err: Console):
    from crosswire import embed

    if not embed.available():
        err.print("[red]error:[/] --embeddings needs the MiniLM model packages (see README, Models)", soft_wrap=True)
        raise typer.Exit(2)
    return embed.default_encoder()


def _render_story(story, articles: list[Article], format: BriefFormat) -> str:
    from crosswire import report

    data = story.to_dict()
    if format is BriefFormat.json:
        return _json(data)
    by_id = {a.id: a.to_dict() for a in articles}
    if format is BriefFormat.md:
        return report.to_markdown(data, by_id)
    return report.to_html(data, by_id)


def run(prog_name: str | None = None) -> None:
    """The ``crosswire`` console script: :data:`app`, with a broken pipe told apart from skipped inputs.

    Output is written through :func:`_emit` and :class:`_Stdout`, which exit with
    :data:`EXIT_BROKEN_PIPE`; a broken pipe met elsewhere is caught by Typer, which silences the
    output and exits 1, the code that means "some inputs were skipped" here: the silenced
    output is how it is recognised.
    """
    try:
        app(prog_name=prog_name)
    except SystemExit:
        if isinstance(sys.stdout, click.utils.PacifyFlushWrapper):
            raise SystemExit(EXIT_BROKEN_PIPE) from None
        raise


if __name__ == "__main__":
    run()
