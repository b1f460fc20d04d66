"""Dates: spaCy's DATE expressions resolved to the calendar against the article's own date.

News text dates events relative to the day it was written: "on Wednesday" is the Wednesday
of the publication week (the one before it for past events, the next for future ones),
"Jan. 20" is the January 20 nearest to publication, "next year" is publication year + 1.
Durations and vague spans ("four years", "the final months") are not dates and are left out.
Absolute dates in other formats go to ``dateparser``.
"""

from __future__ import annotations

import datetime as dt
import re

import dateparser
from spacy.tokens import Span

from crosswire.entities import SentenceIndex
from crosswire.model import DateMention
from crosswire.sentences import Paragraph

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_MONTH_RE = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_FUTURE = re.compile(
    r"\b(will|'ll|shall|is to|are to|going to|expected|plans?|scheduled|due|next|set to|would)\b", re.I
)
_DURATION = re.compile(
    r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|few|many)[- ]"
    r"(day|week|month|year|decade|hour)s?\b|\b(days|weeks|months|years|decades)\b",
    re.I,
)


_LEADING_WORD = r"^(on|by|in|since|until|from|before|after|earlier|later|early|late|mid|end of|the end of)[- ]"
# Decades and centuries are periods, not dates ("since the 1980s"); dateparser would read the
# digits as a day.
_PERIOD = re.compile(r"\d0'?s\b|'\d0s\b|\bcentur(?:y|ies)\b", re.I)


_UNTIL_DAY = r"(?: ?(?:-|–|to|through|and) ?\d{1,2}(?:st|nd|rd|th)?)?"


def _month(name: str) -> int:
    return next(i for i, m in enumerate(_MONTHS, 1) if m.startswith(name.lower().rstrip(".")[:3]))


def _nearest_year(month: int, day: int, ref: dt.date) -> int:
    options = [ref.year - 1, ref.year, ref.year + 1]

    def dist(y: int) -> int:
        try:
            return abs((dt.date(y, month, min(day, 28)) - ref).days)
        except ValueError:
            return 10**6

    return min(options, key=dist)


def resolve(text: str, ref: dt.date | None, future: bool = False) -> tuple[str | None, str | None] | None:
    """``(iso_date, granularity)`` for a date expression; None when it is not a calendar date.

    Returns ``(None, granularity)`` for a calendar expression that needs a reference date
    when ``ref`` is None.
    """
    t = re.sub(r"\s+", " ", text.lower().strip()).removeprefix("the ")
    t = re.sub(_LEADING_WORD, "", t).strip()
    t = re.sub(r"^(on|by|in|the)\s+", "", t)
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t):
        return _day(int(m[1]), int(m[2]), int(m[3]))
    if t in {"today", "tonight", "this morning", "this afternoon", "this evening", "yesterday", "tomorrow"}:
        if ref is None:
            return None, "day"
        shift = {"yesterday": -1, "tomorrow": 1}.get(t, 0)
        return (ref + dt.timedelta(days=shift)).isoformat(), "day"
    if m := re.fullmatch(
        r"(last|next|this|coming|past)?\s*("
        + "|".join(_WEEKDAYS)
        + r")(?:'s)?(?: (?:morning|afternoon|evening|night))?",
        t,
    ):
        if ref is None:
            return None, "day"
        target = _WEEKDAYS.index(m[2])
        delta = (target - ref.weekday()) % 7
        back = (ref.weekday() - target) % 7
        if m[1] in {"next", "coming"}:
            day = ref + dt.timedelta(days=delta or 7)
        elif m[1] in {"last", "past"}:
            day = ref - dt.timedelta(days=back or 7)
        elif future:
            day = ref + dt.timedelta(days=delta)
        else:
            day = ref - dt.timedelta(days=back)
        return day.isoformat(), "day"
    if m := re.fullmatch(r"(last|next|this|coming|past) (year|month|week)", t):
        if ref is None:
            return None, m[2]
        step = {"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0}[m[1]]
        if m[2] == "year":
            return str(ref.year + step), "year"
        if m[2] == "month":
            month = ref.month - 1 + step
            return f"{ref.year + month // 12:04d}-{month % 12 + 1:02d}", "month"
        year, week, _ = (ref + dt.timedelta(weeks=step)).isocalendar()
        return f"{year:04d}-W{week:02d}", "week"
    # "Dec. 6-20", "March 3 to 5, 1999": a span of days is dated by its first (dateparser would
    # take the second number for a two-digit year).
    if m := re.fullmatch(_MONTH_RE + r" (\d{1,2})(?:st|nd|rd|th)?" + _UNTIL_DAY + r"(?:,? (\d{4}))?", t):
        month, day = _month(m[1]), int(m[2])
        if m[3]:
            return _day(int(m[3]), month, day)
        return _day(_nearest_year(month, day, ref), month, day) if ref else (None, "day")
    if m := re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)? (?:of )?" + _MONTH_RE + r"(?:,? (\d{4}))?", t):
        month, day = _month(m[2]), int(m[1])
        if m[3]:
            return _day(int(m[3]), month, day)
        return _day(_nearest_year(month, day, ref), month, day) if ref else (None, "day")
    if m := re.fullmatch(_MONTH_RE + r"(?:,? (\d{4}))?", t):
        month = _month(m[1])
        if m[2]:
            return f"{int(m[2]):04d}-{month:02d}", "month"
        if ref is None:
            return None, "month"
        year = _nearest_year(month, 15, ref)
        if future and dt.date(year, month, 28) < ref:
            year += 1
        return f"{year:04d}-{month:02d}", "month"
    if m := re.fullmatch(r"(?:the )?(?:year )?(\d{4})", t):
        year = int(m[1])
        return (str(year), "year") if 1800 <= year <= 2200 else None
    if _DURATION.search(t) or _PERIOD.search(t) or not re.search(r"\d", t):
        return None
    if ref is not None:
        parsed = _dateparser(text, ref)
        return None if parsed is None else (parsed.isoformat(), "day")
    # Without the article's date, only what reads the same from any day is a date: "a year ago"
    # read against today would be a date the article never meant.
    readings = {_dateparser(text, base) for base in _ANY_DAYS}
    if readings == {None}:
        return None
    return (readings.pop().isoformat(), "day") if len(readings) == 1 else (None, "day")


# Two days far apart that share no weekday, month or year.
_ANY_DAYS = (dt.date(2003, 2, 11), dt.date(2017, 9, 28))


def _dateparser(text: str, base: dt.date) -> dt.date | None:
    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={"RELATIVE_BASE": dt.datetime.combine(base, dt.time()), "STRICT_PARSING": True},
    )
    return None if parsed is None else parsed.date()


def _day(year: int, month: int, day: int) -> tuple[str | None, str] | None:
    try:
        return dt.date(year, month, day).isoformat(), "day"
    except ValueError:
        return None


def _is_future(ent: Span) -> bool:
    """Does the clause around a date speak of the future?"""
    verb = ent.root.head
    for _ in range(3):
        if verb.pos_ in {"VERB", "AUX"}:
            break
        verb = verb.head
    clause = " ".join(t.text for t in verb.children if t.dep_ in {"aux", "auxpass"}) + " " + verb.text
    if verb.tag_ == "VBZ" or verb.tag_ == "VBP":
        # "Biden leaves office on Jan. 20": a scheduled event, in the present tense.
        return True
    return bool(_FUTURE.search(clause)) or bool(_FUTURE.search(ent.sent.text[: ent.start_char - ent.sent.start_char]))


def extract_dates(paragraphs: list[Paragraph], sent_of: SentenceIndex, reference: str | None) -> list[DateMention]:
    ref = dt.date.fromisoformat(reference) if reference else None
    found = []
    for para in paragraphs:
        for ent in para.doc.ents:
            if ent.label_ != "DATE":
                continue
            result = resolve(ent.text, ref, future=_is_future(ent))
            if result is None:
                continue
            date, granularity = result
            start = para.start + ent.start_char
            found.append(DateMention(ent.text, date, sent_of(start), granularity, start, start + len(ent.text)))
    return found
