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
import functools
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
        kwargs = {}
        for name, load in _field_loaders(cls):
            if name in data:
                kwargs[name] = load(data[name])
        return cls(**kwargs)


def _dump(value: Any) -> Any:
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [_dump(v) for v in value]
    if isinstance(value, dict):
        return {k: _dump(v) for k, v in value.items()}
    return value


@functools.cache
def _field_loaders(cls: type) -> tuple[tuple[str, Any], ...]:
    # Resolving type hints costs more than loading a small record: done once per class.
    hints = typing.get_type_hints(cls)
    return tuple((f.name, _loader(hints[f.name])) for f in dataclasses.fields(cls))


def _identity(value: Any) -> Any:
    return value


@functools.cache
def _loader(hint: Any):
    """A function turning the JSON value of a field of type ``hint`` back into its Python value."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(inner) != 1:
            return _identity
        load = _loader(inner[0])
        return _identity if load is _identity else (lambda v: None if v is None else load(v))
    if origin is list:
        (item,) = typing.get_args(hint)
        load = _loader(item)
        if load is _identity:
            return lambda v: None if v is None else list(v)
        return lambda v: None if v is None else [load(x) for x in v]
    if origin is dict:
        _, item = typing.get_args(hint)
        load = _loader(item)
        if load is _identity:
            return lambda v: None if v is None else dict(v)
        return lambda v: None if v is None else {k: load(x) for k, x in v.items()}
    if isinstance(hint, type) and issubclass(hint, Record):
        return lambda v: None if v is None else hint.from_dict(v)
    return _identity


@dataclass(slots=True)
class Source(Record):
    """A decoded input, before cleaning.

    ``raw`` is the article's text. Readers of structured inputs (HTML pages, feeds, archives,
    exports) also fill in what their metadata says; cleaning prefers it to what it can infer
    from the text. ``source_path`` names the input: a file path, ``FILE#entry`` inside a feed,
    archive or export, or a URL.
    """

    source_path: str
    raw: str
    encoding: str
    warnings: list[str] = field(default_factory=list)
    kind: str = "text"
    url: str | None = None
    title: str | None = None
    byline: str | None = None
    published: str | None = None
    outlet: str | None = None
    partial: bool = False


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
    ``attributed_to`` is, when ``speaker`` is ``None``, the words the article gives the speaker by
    ("the Secretary", "officials", "a senior official"), which name no one the article names; a
    story whose other articles say who holds the title can resolve them
    (:func:`crosswire.story.build_story`).
    """

    text: str
    kind: str
    speaker: Speaker | None
    cue: str | None
    sentence: int | None
    start: int
    end: int
    in_title: bool = False
    attributed_to: str | None = None


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
    url: str | None = None
    captions: list[int] = field(default_factory=list)
    """Paragraphs (``Sentence.paragraph``) that caption a picture: kept, since they may tell the
    story, but no brief opens on what a photo shows."""
    embeds: list[int] = field(default_factory=list)
    """Paragraphs that are posts embedded from a social network (a tweet, an Instagram post):
    kept, since what a person posted may be the news, but they are that person's words, not the
    outlet's telling."""

    def asides(self) -> set[int]:
        """Paragraphs beside the outlet's own telling of the story: captions and embedded posts."""
        return {*self.captions, *self.embeds}

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


# --- Story: what `crosswire brief` produces from the analysed articles of one story. ---
#
# Sentence references are always (article id, sentence index into that article's ``sentences``).


@dataclass(slots=True)
class Citation(Record):
    article: str
    sentence: int


@dataclass(slots=True)
class AlignedPair(Record):
    """A sentence of the derived article and the sentence of its source it repeats."""

    sentence: int
    source_sentence: int
    similarity: float
    text: str = ""
    source_text: str = ""
    method: str = "words"


@dataclass(slots=True)
class Derivation(Record):
    """This article repeats narrative sentences of ``article``: the evidence and the direction.

    ``score`` is the share of this article's narrative sentences aligned to the source;
    ``direction`` says why this article is taken to copy the other, not the reverse.
    """

    article: str
    score: float
    pairs: list[AlignedPair] = field(default_factory=list)
    direction: str = ""


@dataclass(slots=True)
class StoryArticle(Record):
    id: str
    source_path: str
    outlet: str | None
    title: str | None
    published: str | None
    origin_group: int
    derived_from: list[Derivation] = field(default_factory=list)


@dataclass(slots=True)
class Support(Record):
    article: str
    sentence: int
    text: str


@dataclass(slots=True)
class Side(Record):
    """One side of a disagreement: the value and the sentences that state it."""

    value: str
    support: list[Citation] = field(default_factory=list)


@dataclass(slots=True)
class Disagreement(Record):
    """Outlets state the same claim with different values of ``kind`` (number, date, name)."""

    kind: str
    sides: list[Side] = field(default_factory=list)


@dataclass(slots=True)
class Claim(Record):
    """Sentences from the story's articles that state the same fact.

    ``outlets`` counts distinct outlets (articles without an outlet count once each);
    ``independent`` counts distinct origin groups among the supporting articles.
    """

    id: int
    text: str
    support: list[Support] = field(default_factory=list)
    outlets: int = 0
    independent: int = 0
    single_origin: bool = True
    disagreements: list[Disagreement] = field(default_factory=list)


@dataclass(slots=True)
class Rendering(Record):
    """How one article prints a quote; ``fidelity`` compares it with the other renderings.

    ``fidelity`` is one of ``verbatim``, ``truncated``, ``elided``, ``extended``, ``altered``, or
    ``None`` when no other article prints the quote, so there is nothing to compare it with.
    ``added`` and ``missing`` are the words this rendering has that the fullest other rendering
    lacks, and the reverse. ``attributed_to``: when the article names no speaker for the quote,
    the words it gives them by ("officials", "the spokesman"), as :class:`Quote` has them.
    """

    article: str
    sentence: int | None
    text: str
    fidelity: str | None
    kind: str = "direct"
    added: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    attributed_to: str | None = None


@dataclass(slots=True)
class QuoteGroup(Record):
    speaker: Speaker | None
    text: str
    renderings: list[Rendering] = field(default_factory=list)


@dataclass(slots=True)
class BriefSentence(Record):
    text: str
    claim: int
    citations: list[Citation] = field(default_factory=list)


@dataclass(slots=True)
class TimelineEvent(Record):
    date: str
    text: str
    citations: list[Citation] = field(default_factory=list)


@dataclass(slots=True)
class StoryEntity(Record):
    name: str
    type: str
    roles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Coverage(Record):
    """Claim ids only this article reports, and best-supported claim ids it leaves out."""

    unique: list[int] = field(default_factory=list)
    omitted: list[int] = field(default_factory=list)


@dataclass(slots=True)
class Story(Record):
    title: str | None
    independent_sources: int
    articles: list[StoryArticle] = field(default_factory=list)
    brief: list[BriefSentence] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    quotes: list[QuoteGroup] = field(default_factory=list)
    entities: list[StoryEntity] = field(default_factory=list)
    timeline: list[TimelineEvent] = field(default_factory=list)
    coverage: dict[str, Coverage] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    """What the reader should know about the story as a whole (two articles that may tell two
    different stories); nothing was left out for them."""
