"""The data model every stage shares.

An article flows through the pipeline as one object that each stage fills in:

* :func:`crosswire.read.read_paths` yields a :class:`Source` (the decoded file) or a
  :class:`Skipped` (with a reason a person can read);
* :func:`crosswire.clean.clean` turns a :class:`Source` into an :class:`Article` with its
  title, byline, dateline, publication date and body ``text``, and records every removal;
* :func:`crosswire.analyze.Analyzer.analyze` adds sentences, entities, quotes and dates.

All offsets (``start``/``end``) are character offsets into ``Article.text``.
Every class serialises to the JSON contract published in ``schemas/`` with ``to_dict`` and
comes back with ``from_dict``, so later stages (stores, briefs) never need to analyse again.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from typing import Any, TypeVar

T = TypeVar("T", bound="Record")


class Record:
    """Mixin: dataclass <-> plain JSON-compatible dict."""

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _dump(getattr(self, f.name)) for f in dataclasses.fields(self)}

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        hints = typing.get_type_hints(cls)
        kwargs = {}
        for f in dataclasses.fields(cls):
            if f.name in data:
                kwargs[f.name] = _load(hints[f.name], data[f.name])
        return cls(**kwargs)


def _dump(value: Any) -> Any:
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [_dump(v) for v in value]
    if isinstance(value, dict):
        return {k: _dump(v) for k, v in value.items()}
    return value


def _load(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(hint) if a is not type(None)]
        return _load(inner[0], value) if len(inner) == 1 else value
    if origin is list:
        (item,) = typing.get_args(hint)
        return [_load(item, v) for v in value]
    if isinstance(hint, type) and issubclass(hint, Record):
        return hint.from_dict(value)
    return value


@dataclass(slots=True)
class Source(Record):
    """A decoded input file, before cleaning."""

    source_path: str
    raw: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Skipped(Record):
    """An input that did not become an article, and why."""

    path: str
    reason: str


@dataclass(slots=True)
class Removal(Record):
    """A piece of the raw text that cleaning took out of the body."""

    text: str
    reason: str


@dataclass(slots=True)
class Dateline(Record):
    """``BRUSSELS (Reuters) -`` or ``date 2024-11-13 Brussels —``."""

    text: str
    place: str | None = None
    agency: str | None = None
    date: str | None = None


@dataclass(slots=True)
class Sentence(Record):
    index: int
    text: str
    start: int
    end: int
    paragraph: int = 0


@dataclass(slots=True)
class Mention(Record):
    text: str
    start: int
    end: int
    sentence: int


@dataclass(slots=True)
class Entity(Record):
    """One real-world thing named in an article, its mentions merged under one name."""

    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


@dataclass(slots=True)
class Speaker(Record):
    name: str
    role: str | None = None


@dataclass(slots=True)
class Quote(Record):
    """Reported speech.

    ``kind`` is ``direct`` (a clause in quote marks), ``partial`` (a fragment in quote marks
    inside the reporter's own sentence) or ``indirect`` (``X said that …``, ``according to X``).
    ``sentence`` is the index of the sentence holding the quote, or ``None`` for a quote in the
    title (then ``in_title`` is true and ``start``/``end`` point into the title).
    """

    text: str
    kind: str
    speaker: Speaker | None
    cue: str | None
    sentence: int | None
    start: int
    end: int
    in_title: bool = False


@dataclass(slots=True)
class DateMention(Record):
    """A date expression and the calendar date it refers to.

    ``date`` is ISO 8601 at the precision of the text: ``2024-11-13`` (day), ``2024-11``
    (month), ``2025`` (year) or ``2024-W47`` (week); ``None`` when the article gives no
    reference date to resolve a relative expression against.
    """

    text: str
    date: str | None
    sentence: int
    granularity: str | None = None
    start: int = 0
    end: int = 0


@dataclass(slots=True)
class Article(Record):
    id: str
    source_path: str
    text: str
    outlet: str | None = None
    title: str | None = None
    byline: str | None = None
    published: str | None = None
    dateline: Dateline | None = None
    removed: list[Removal] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)

    def entity(self, name: str) -> Entity | None:
        """The entity whose canonical name or alias is ``name``."""
        for ent in self.entities:
            if ent.name == name or name in ent.aliases:
                return ent
        return None


@dataclass(slots=True)
class AnalysisResult(Record):
    """What ``crosswire analyze`` prints: the analysed articles and what was skipped."""

    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
