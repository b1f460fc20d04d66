"""Quotation-mark spans in a paragraph: straight, curly, single, double, guillemets, ``TeX''.

This is the one place that decides where quoted words start and end; sentence splitting uses
it so that no quote is cut in two, and quote extraction uses it to find direct quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPEN_DOUBLE = {"“", "„", "«", "``", "`"}
_CLOSE_DOUBLE = {"”", "»", "''"}
_TOKEN = re.compile(r"``|''|[“”„«»\"`‘’']")
_WORD = re.compile(r"\w", re.UNICODE)


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """Quoted words at ``[start, end)``; marks at ``open_at`` / ``close_at`` (None if unclosed)."""

    start: int
    end: int
    open_at: int
    close_at: int | None
    double: bool = True
    close_len: int = 1  # 2 for a ``TeX'' closing mark

    @property
    def outer_end(self) -> int:
        return self.end if self.close_at is None else self.close_at + self.close_len


def _is_word(ch: str) -> bool:
    return bool(ch) and bool(_WORD.match(ch))


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Quote spans in one paragraph, in order; single quotes inside double ones are not listed.

    An opening double mark with no closing mark runs to the end of the paragraph: newswire
    style for a quote that continues in the next paragraph.
    """
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    open_len = 0
    for match in _TOKEN.finditer(text):
        mark, pos = match.group(0), match.start()
        if mark in {"‘", "’", "'"}:
            continue
        before = text[pos - 1] if pos else ""
        after = text[match.end()] if match.end() < len(text) else ""
        if mark == "`" and after == "`":
            continue
        if mark in _OPEN_DOUBLE:
            opening = True
        elif mark == "''" and open_at is None and (not before or before in " \t\n([") and _is_word(after):
            opening = True  # wire copy typed '' for `` ("evening. ''The earlier information …,'' he said")
        elif mark in _CLOSE_DOUBLE:
            opening = False
        else:  # straight double quote: decide by position
            if open_at is None:
                opening = not (before and not before.isspace() and (not after or after.isspace() or after in ",.;:!?)"))
            else:
                opening = False
        if opening:
            if open_at is not None and pos > open_at + open_len:
                spans.append(_make(text, open_at, open_len, pos, None))
            open_at, open_len = pos, len(mark)
        elif open_at is not None:
            spans.append(_make(text, open_at, open_len, pos, pos, len(mark)))
            open_at = None
    if open_at is not None:
        spans.append(_make(text, open_at, open_len, len(text), None))
    spans = [s for s in spans if s.end > s.start]
    return sorted(spans + _single_spans(text, spans), key=lambda s: s.open_at)


def _make(text: str, open_at: int, open_len: int, end: int, close_at: int | None, close_len: int = 1) -> QuoteSpan:
    start = open_at + open_len
    while start < end and text[start].isspace():
        start += 1
    stop = end
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    return QuoteSpan(start, stop, open_at, close_at, close_len=close_len)


def _single_spans(text: str, doubles: list[QuoteSpan]) -> list[QuoteSpan]:
    """Single-quoted spans outside double quotes, telling quote marks from apostrophes."""
    inside = [(s.open_at, s.outer_end) for s in doubles]
    spans = []
    open_at: int | None = None
    for match in re.finditer(r"[‘’']", text):
        pos = match.start()
        if any(a <= pos < b for a, b in inside):
            continue
        before = text[pos - 1] if pos else ""
        after = text[pos + 1] if pos + 1 < len(text) else ""
        if _is_word(before) and _is_word(after):
            continue  # don't, Korea's
        if before == "-" and _is_word(after) and pos > 1 and _is_word(text[pos - 2]):
            continue  # a transliterated glottal stop inside a name: al-'Owhali
        can_open = (not before or before.isspace() or before in "([{—–-/") and after and not after.isspace()
        can_close = before and not before.isspace() and (not after or after.isspace() or after in ",.;:!?)]—–-")
        if open_at is None:
            if can_open and match.group(0) != "’":
                open_at = pos
        elif can_close and match.group(0) != "‘":
            body = text[open_at + 1 : pos]
            # "allies’ support" after an unrelated opening: a plural possessive, not a quote end.
            if before.lower() == "s" and after == " " and pos + 2 < len(text) and text[pos + 2].islower():
                continue
            if body.strip():
                spans.append(_make(text, open_at, 1, pos, pos))
                spans[-1] = QuoteSpan(spans[-1].start, spans[-1].end, open_at, pos, double=False)
            open_at = None
    return spans


def inside_quote(spans: list[QuoteSpan], pos: int) -> QuoteSpan | None:
    """The span whose marks enclose character ``pos``, if any."""
    for span in spans:
        if span.open_at < pos < span.outer_end:
            return span
    return None
