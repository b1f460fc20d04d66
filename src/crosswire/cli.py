"""The ``crosswire`` command line: a thin layer over :mod:`crosswire.service`."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from crosswire import __version__
from crosswire.analyze import Analyzer
from crosswire.model import AnalysisResult
from crosswire.nlp import PipelineError
from crosswire.read import DEFAULT_MAX_BYTES
from crosswire.render import render_result
from crosswire.service import prepare

app = typer.Typer(
    help="crosswire: what happened in a news story, who said what, and how well each piece is supported.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

#: Exit codes: 0 everything was analysed; 1 some inputs were skipped (listed); 2 usage error;
#: 3 nothing could be analysed.
EXIT_SKIPPED = 1
EXIT_NOTHING = 3


class Format(StrEnum):
    json = "json"
    text = "text"


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


@app.command()
def analyze(
    paths: Annotated[list[Path], typer.Argument(help="Article files or folders of them.", show_default=False)],
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.json,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")] = None,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline name or path (default: en_core_web_sm).")] = None,
    reference_date: Annotated[
        str | None,
        typer.Option(callback=_check_date, help="Date (YYYY-MM-DD) to resolve 'on Wednesday' in undated articles."),
    ] = None,
    max_bytes: Annotated[int, typer.Option(help="Skip files larger than this.")] = DEFAULT_MAX_BYTES,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", help="spaCy worker processes (0: one per core for 40+ articles).")
    ] = 0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Clean and analyse articles: sentences, entities with roles, quotes with speakers, dates."""
    err = Console(stderr=True)
    try:
        analyzer = Analyzer(model=model, reference_date=reference_date)
    except PipelineError as exc:
        err.print(f"[red]error:[/] {escape(str(exc))}", soft_wrap=True)
        raise typer.Exit(EXIT_NOTHING) from None
    articles, skipped = prepare(paths, max_bytes)
    show = not quiet and err.is_terminal and len(articles) > 1
    with Progress(
        TextColumn("analysing"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.speed}/s"),
        TimeRemainingColumn(),
        console=err,
        disable=not show,
    ) as bar:
        task = bar.add_task("analyse", total=len(articles))
        result = AnalysisResult()
        workers = jobs or ((os.cpu_count() or 1) if len(articles) >= 40 else 1)
        for article in analyzer.analyze_many(articles, n_process=workers):
            result.articles.append(article)
            bar.advance(task)
    result.skipped = skipped
    if format is Format.json:
        text = json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
        if output:
            output.write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
    else:
        console = Console(file=output.open("w", encoding="utf-8") if output else None, width=140 if output else None)
        render_result(console, result)
    for item in skipped:
        err.print(f"[yellow]skipped[/] {escape(item.path)}: {escape(item.reason)}", soft_wrap=True)
    if not result.articles and skipped:
        raise typer.Exit(EXIT_NOTHING)
    if skipped:
        raise typer.Exit(EXIT_SKIPPED)


if __name__ == "__main__":
    app()
