"""Human-readable renderings of analysed articles (the JSON rendering is ``to_dict``)."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from crosswire.model import AnalysisResult, Article


def render_article(console: Console, article: Article) -> None:
    console.rule(f"[bold]{escape(article.title or article.source_path)}")
    facts = [
        ("id", article.id),
        ("file", article.source_path),
        ("outlet", article.outlet),
        ("byline", article.byline),
        ("published", article.published),
        (
            "dateline",
            article.dateline
            and ", ".join(x for x in (article.dateline.place, article.dateline.agency, article.dateline.date) if x),
        ),
        ("encoding", article.encoding),
        ("sentences", str(len(article.sentences))),
    ]
    for key, value in facts:
        if value:
            console.print(f"[dim]{key:>10}[/] {escape(str(value))}")
    if article.removed:
        console.print(
            f"[dim]{'removed':>10}[/] "
            + "; ".join(f"{escape(r.reason)}: [italic]{escape(shorten(r.text, 60))}[/]" for r in article.removed)
        )
    people = [e for e in article.entities if e.type in {"PERSON", "ORG"}]
    if people:
        table = Table(title="People and organisations", show_edge=False, title_justify="left")
        for col in ("name", "type", "roles", "mentions"):
            table.add_column(col)
        for ent in people:
            table.add_row(escape(ent.name), ent.type, escape("; ".join(ent.roles)), str(len(ent.mentions)))
        console.print(table)
    if article.quotes:
        table = Table(title="Quotes", show_edge=False, title_justify="left")
        for col in ("#", "kind", "speaker", "cue", "text"):
            table.add_column(col)
        for q in article.quotes:
            who = (
                q.speaker.name + (f" ({q.speaker.role})" if q.speaker.role else "") if q.speaker else "[red]unknown[/]"
            )
            where = "title" if q.in_title else str(q.sentence)
            table.add_row(
                where, q.kind, who if not q.speaker else escape(who), escape(q.cue or ""), escape(shorten(q.text, 90))
            )
        console.print(table)
    if article.dates:
        console.print("[bold]Dates[/] " + "; ".join(f"{escape(d.text)} → {d.date or '?'}" for d in article.dates))
    for warning in article.warnings:
        console.print(f"[yellow]warning:[/] {escape(warning)}")


def render_result(console: Console, result: AnalysisResult) -> None:
    for article in result.articles:
        render_article(console, article)
    if result.skipped:
        console.rule("[bold yellow]Skipped")
        for item in result.skipped:
            console.print(f"[yellow]{escape(item.path)}[/]: {escape(item.reason)}")
    console.print(f"\n[bold]{len(result.articles)} analysed, {len(result.skipped)} skipped[/]")


def shorten(text: str, width: int) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
