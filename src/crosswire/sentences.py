"""Sentences: spaCy's segmentation per paragraph, repaired around quotations.

The statistical parser cuts sentences inside quotations (``"…wait... We need…," he said``) and
after a closing mark before the attribution (``"…?" he asked``). Both cuts are undone here, so
a quotation and its attribution always sit in one sentence, and paragraph breaks always end
one.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from crosswire.lexicon import MANNER_FORMS, is_reporting_verb
from crosswire.model import Sentence
from crosswire.quotemarks import QuoteSpan, find_quote_spans, inside_quote


@dataclass
class Paragraph:
    """One paragraph of ``Article.text`` with its spaCy parse and quote marks."""

    index: int
    start: int
    doc: Doc
    quotes: list[QuoteSpan]

    @functools.cached_property
    def text(self) -> str:
        # ``Doc.text`` joins every token anew on each call: cached, as callers ask it per quote
        # and per name (it was half of crosswire's time on long single-paragraph articles).
        return self.doc.text


def segment(paragraphs: list[Paragraph]) -> tuple[list[Sentence], list[Span]]:
    """Sentences of the article, with their spaCy spans (same order, same length)."""
    sentences: list[Sentence] = []
    spans: list[Span] = []
    for para in paragraphs:
        for span in _paragraph_sentences(para):
            text = span.text.strip()
            if not text:
                continue
            lead = len(span.text) - len(span.text.lstrip())
            start = para.start + span.start_char + lead
            sentences.append(Sentence(len(sentences), text, start, start + len(text), para.index))
            spans.append(span)
    return sentences, spans


# Title abbreviations the tokenizer keeps whole ("Sen. Ted Kennedy"). Titles precede names, so
# one right after a person's name is the name's last word before a full stop: "… from
# strongman Hun Sen. Hun Sen complained …" is two sentences the model leaves as one.
_TITLE_ABBREVIATIONS = {"Sen.", "Gen.", "Gov.", "Rep.", "Col.", "Maj.", "Capt.", "Lt.", "Sgt.", "Dr.", "St."}


def _name_ending_in_an_abbreviation(doc: Doc) -> list[int]:
    return [
        t.i + 1
        for t in doc[1:-1]
        if t.text in _TITLE_ABBREVIATIONS and doc[t.i - 1].ent_type_ == "PERSON" and doc[t.i + 1].text[:1].isupper()
    ]


# Titles that precede a name: the model sometimes ends a sentence after one ("Sgt. | Maj. | Tom
# Vell were hurt"), which the tokenizer may have split from its full stop.
_TITLE_BEFORE_NAME = re.compile(
    r"\b(?:"
    + "|".join(
        sorted(
            {a.rstrip(".") for a in _TITLE_ABBREVIATIONS}
            | {"Sens", "Gens", "Reps", "Adm", "Cmdr", "Cpl", "Pvt", "Prof", "Rev", "Brig", "Insp", "Supt", "Msgr", "Fr"}
        )
    )
    + r")\s?\.\s*$"
)


def _paragraph_sentences(para: Paragraph) -> list[Span]:
    doc = para.doc
    name_endings = set(_name_ending_in_an_abbreviation(doc))
    starts = sorted({s.start for s in doc.sents} | name_endings | set(_after_quoted_questions(doc, para.quotes)))
    opening_marks = {q.open_at for q in para.quotes}
    kept = [0]
    for following, tok_start in enumerate(starts[1:], start=2):  # starts[following]: the next start
        char = doc[tok_start].idx
        prev_text = doc[kept[-1] : tok_start].text
        token = doc[tok_start]
        if inside_quote(para.quotes, char):
            continue  # a quotation of several sentences stays whole
        # A quotation that opens after a quoted sentence and its attribution goes on it
        # ('"…," he said. "…"'); one that opens after narrative starts a sentence.
        new_quote = char in opening_marks and doc[kept[-1]].idx not in opening_marks
        if token.text[:1].islower() or (token.is_punct and token.text not in {"(", "-", "—", "–"} and not new_quote):
            continue  # '"…?" he asked.' / a stray closing mark / the rest of a split quotation
        if not prev_text.rstrip().endswith((".", "!", "?", "…", '"', "”", "’", "'", ")", ":")):
            continue  # the model cut a sentence with no end punctuation
        if _ends_in_an_aside(prev_text):
            continue  # "Rep. W.J. (Billy) | Tauzin, R-La., said": a bracket inside a name or clause
        if token.is_title and tok_start not in name_endings and _TITLE_BEFORE_NAME.search(prev_text):
            continue  # "Sgt. Maj. Tom Vell": a title before a name, not the end of a sentence
        if _quotation_ends_on(prev_text, ("?", "!")) and _attribution(doc, tok_start):
            continue  # '"Are you willing?" Netanyahu said.'
        sentence_end = starts[following] if following < len(starts) else len(doc)
        if _quotation_ends_on(prev_text, (".",)) and _bare_attribution(doc, tok_start, sentence_end):
            continue  # '… a "case study." Sen. Ann Roe charged on Sunday.': a full stop typed for a comma
        kept.append(tok_start)
    bounds = [*kept, len(doc)]
    return [doc[a:b] for a, b in itertools.pairwise(bounds) if b > a]


_CLOSING_MARKS = ('"', "”", "’", "'")


def _ends_in_an_aside(text: str) -> bool:
    """Does ``text`` end with a bracketed aside that is not itself a sentence ("(Billy)", "(R-La)")?
    A bracket closing a sentence of its own ends in its stop: "(He declined to comment.)"."""
    text = text.rstrip()
    if not text.endswith(")") or "(" not in text:
        return False
    opening = text.rindex("(")
    before = text[:opening].rstrip()
    # "(OPTIONAL TRIM ENDS HERE)" alone, or "… any problems?(end italics)": the aside follows
    # a finished sentence or stands alone, and the break after it stays.
    last_word = before.rsplit(None, 1)[-1] if before else ""
    initials = re.fullmatch(r"(?:[A-Z]\.)+", last_word) is not None or last_word in _TITLE_ABBREVIATIONS
    if not before or (before.endswith((".", "!", "?", "…", ":", '"', "”", "'")) and not initials):
        return False
    return not text[opening + 1 : -1].rstrip().endswith((".", "!", "?", "…"))


def _quotation_ends_on(text: str, stops: tuple[str, ...]) -> bool:
    """Does ``text`` end with a quotation whose last character inside the marks is one of
    ``stops`` ('… willing?"', '… security."')? The model ends a sentence there."""
    text = text.rstrip()
    stripped = text.rstrip("".join(_CLOSING_MARKS))
    return stripped != text and stripped.endswith(stops)


def _bare_attribution(doc: Doc, start: int, end: int) -> bool:
    """Is the sentence from token ``start`` to ``end`` nothing but a speaker, a reporting verb and
    when ("Sen. Ann Roe charged on Sunday.", "Jo Li said Tuesday.")? Such a sentence says only who
    spoke the quotation before it; "The agency demanded payment." and "Republicans agreed." may
    report something of their own, so the day is required and nothing else may follow."""
    verb = _opening_report(doc, start)
    if verb is None or _reports_its_own(verb):
        return False
    rest = [t for t in doc[verb.i + 1 : end] if not t.is_punct and not t.is_space]
    when = [t for t in rest if t.ent_type_ in {"DATE", "TIME"}]
    return bool(when) and len(rest) <= 6 and all(t in when or t.pos_ in {"ADP", "DET"} for t in rest)


def _attribution(doc: Doc, start: int) -> bool:
    """Does the sentence from token ``start`` open with its speaker and a reporting verb
    ("Netanyahu said", "the Israeli prime minister told reporters")?"""
    verb = _opening_report(doc, start)
    return verb is not None and not _reports_its_own(verb)


def _new_report(doc: Doc, start: int) -> bool:
    """Does the text from token ``start`` open a report of something new ("…?'' Salmon said his
    refusal … was based on …"), not the attribution of the quotation before it?"""
    verb = _opening_report(doc, start)
    return verb is not None and _reports_its_own(verb)


def _opening_report(doc: Doc, start: int):
    """The reporting verb of a speaker and verb at token ``start``, if the text opens with them
    ("Netanyahu said", "Silvan Shalom, the science minister, reportedly yelled", "Smith sighed")."""
    for token in doc[start : start + 12]:
        if is_reporting_verb(token) or (token.lower_ in MANNER_FORMS and token.pos_ == "VERB"):
            return token if token.i > start else None
        if token.pos_ not in {"PROPN", "NOUN", "DET", "ADJ", "PRON", "PUNCT"} and not (
            token.pos_ == "ADV" and token.i > start
        ):
            return None  # an adverb only after the speaker ("Sometimes they accuse …" opens a report)
    return None


def _reports_its_own(verb) -> bool:
    """Is the verb followed by words of its own report ("said his refusal … was based on …"),
    not by a time, place or hearer ("said Monday", "said in an interview", "asked the crowd")?"""
    doc = verb.doc
    if verb.i + 1 >= len(doc) or doc[verb.i + 1].is_punct:
        return False
    if any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
        return True
    after = doc[verb.i + 1]
    return (
        verb.lower_ in {"said", "says"}
        and after.pos_ in {"DET", "PRON", "NOUN", "PROPN", "SCONJ", "NUM"}
        and after.ent_type_ not in {"DATE", "TIME"}
    )


def _after_quoted_questions(doc: Doc, quotes: list[QuoteSpan]) -> list[int]:
    """Token starts right after a quotation that ends in "?" or "!" and before a new report:
    the model may read '``… the leadership?'' Salmon said his refusal …' as one sentence."""
    closing = {q.close_at for q in quotes if q.close_at is not None}
    return [
        tok.i + 1
        for tok in doc[1:-1]
        if tok.idx in closing
        and doc[tok.i - 1].text in {"?", "!"}
        and doc[tok.i + 1].is_title
        and _new_report(doc, tok.i + 1)
    ]


def build_paragraphs(text: str, docs: list[Doc]) -> list[Paragraph]:
    """Pair the ``\\n\\n``-separated paragraphs of ``text`` with their parses."""
    paragraphs = []
    offset = 0
    for index, doc in enumerate(docs):
        para_text = doc.text  # Doc.text joins every token anew on each call
        start = text.index(para_text, offset) if para_text else offset
        paragraph = Paragraph(index, start, doc, find_quote_spans(para_text))
        paragraph.text = para_text  # seeds the cached property
        paragraphs.append(paragraph)
        offset = start + len(para_text)
    return paragraphs
