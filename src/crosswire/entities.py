"""Entities: spaCy's names, corrected, merged under canonical names, with people's roles.

The small English model makes regular mistakes on news text, and each has a rule here:

* titles it takes for organisations ("State" in "Secretary of State") are dropped;
* spans that swallow a verb or a possessive ("Meeting Blinken", "North Korea's") are trimmed;
* surnames it types as places or organisations ("Blinken" GPE, "Trump" ORG) become people
  when the article names that person in full elsewhere;
* short forms join the full name ("Blinken" -> "Antony Blinken", "EU" -> "European Union");
* a particle joined to a name stays in it ("al-Assad", not "-Assad"); a name keeps no hyphen or
  dash at its edges ("Oscar-" of "Oscar- and Emmy-winning") and ends before a bracket or
  quotation mark it does not close ("Maritime Safety Authority (Amsa");
* spellings of one name with and without the Arabic article, accents or capitals are one entity
  ("Bashar Assad" and "Bashar al-Assad", "LEE" and "Opal Lee").

Roles come from the title before a name ("NATO Secretary General Mark Rutte") and from
appositives ("Tomas Okafor, leader of the dockworkers' union,").
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from crosswire.lexicon import (
    HONORIFICS,
    INFLECTED_SPEECH_FORMS,
    INSTITUTION_BODIES,
    INSTITUTION_PLACES,
    OCCUPATIONS,
    ORGANISATION_KINDS,
    ORGANISATION_NOUNS,
    PERSON_NOUNS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    TITLE_ABBREVIATIONS,
    WEB_PLATFORMS,
    is_reporting_verb,
)
from crosswire.model import Entity, Mention, Sentence
from crosswire.sentences import Paragraph
from crosswire.textsim import ARTICLE_PARTICLE as _ARTICLE_PARTICLE
from crosswire.textsim import fold_accents, name_form, one_letter_off

TYPES = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "NORP": "NORP", "FAC": "LOC"}
MISSPELT_SURNAME = 6
"""A surname alone this long, one letter off the surname of the article's one such person, is that
person's misspelt ("Jendrzejczck" for "Mike Jendrzejczyk")."""
#: Words that head a person's title or role: offices and occupations ("Filmmaker Kenneth Lonergan").
_TITLE_HEADS = ROLE_HEADS | OCCUPATIONS
#: What :func:`_trim` takes off the start of a person's name: titles and honorifics.
_TITLES_BEFORE_NAMES = _TITLE_HEADS | HONORIFICS

GPE_ALIASES = {
    "us": "United States",
    "u.s.": "United States",
    "usa": "United States",
    "u.s.a.": "United States",
    "united states": "United States",
    "america": "United States",
    "the united states": "United States",
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "united kingdom": "United Kingdom",
}
_TITLE_PHRASE = re.compile(r"(?:Secretary|Minister|Ministers|Secretaries)\s+of\s*$")
_APOSTROPHE_S = {"'s", "’s"}
_POSSESSIVE = _APOSTROPHE_S | {"'", "’"}
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
_TITLE_PREPOSITIONS = {"of", "for", "to", "with", "at", "by", "from"}
_ORG_WORDS = {
    "union",
    "party",
    "ministry",
    "department",
    "authority",
    "agency",
    "council",
    "committee",
    "inc",
    "inc.",
    "corp",
    "corp.",
    "bank",
    "group",
    "news",
    "radio",
    "university",
    "court",
    "army",
    "police",
    "company",
}


@dataclass
class RawMention:
    text: str
    type: str
    start: int
    end: int
    sentence: int
    span: Span
    roles: list[str] = field(default_factory=list)
    full_name: str | None = None  # the name the article implies ("Ali Sughayer" for "his brother, Ali")


class SentenceIndex:
    """Which sentence a character offset falls in."""

    def __init__(self, sentences: list[Sentence]):
        self.starts = [s.start for s in sentences]

    def __call__(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.starts, char) - 1)


def _trim(span: Span) -> Span | None:
    start, end = span.start, span.end
    doc = span.doc
    while (
        start < end
        and not _after_honorific(doc[start])
        and not _name_taken_for_verb(span, doc[start])
        and not _joined_particle(doc, start, end)
        and (
            doc[start].lower_ in _DETERMINERS
            # "-" may be tagged a proper noun inside a name the model took in part ("pro-Assad")
            or doc[start].is_punct
            or doc[start].pos_ in {"VERB", "AUX", "PRON", "PUNCT"}
            or (doc[start].pos_ == "ADP" and not _capitalised_in_a_name(span, doc[start]))
            or doc[start].is_lower
            or (span.label_ == "PERSON" and doc[start].lower_.rstrip(".") in _TITLES_BEFORE_NAMES)
            or (span.label_ == "PERSON" and doc[start].pos_ in {"ADV", "SCONJ", "CCONJ", "DET", "INTJ"})
        )
    ):
        start += 1
    # "Meeting Blinken in Brussels, …": a sentence-initial participle the model took for a name;
    # "Said Hunter, ``…''", "Added Stern, …": a reporting verb put first, before the speaker.
    opening = doc[start].lower_ if start < end else ""
    if (
        span.label_ == "PERSON"
        and end - start >= 2
        and doc[start].is_sent_start
        and (opening.endswith("ing") or opening in INFLECTED_SPEECH_FORMS)
    ):
        start += 1
    end = _unclosed_mark(doc, start, end)
    # "Al Qaeda-- what--": a dash the tokenizer left on a word ends the name
    end = next((i + 1 for i in range(start, end - 1) if _ends_in_dash(doc[i].text)), end)
    # "Stephen kicks off", "McLaren hired University of …": a name holds no lower-case verb
    end = next((i for i in range(start + 1, end) if doc[i].is_lower and doc[i].pos_ in {"VERB", "AUX"}), end)
    # "Donald Trump Donald John …": a person's name does not start again inside itself (but
    # "Ziyad Abu Ziyad": a name after a patronymic particle)
    if span.label_ == "PERSON":
        end = next(
            (
                i
                for i in range(start + 2, end)
                if doc[i].text == doc[start].text and doc[i - 1].lower_ not in _PATRONYMIC_PARTICLES
            ),
            end,
        )
    # "National Assembly on", "Defense Department or": the model ran on into the sentence
    while end > start and (
        doc[end - 1].text in _POSSESSIVE
        or doc[end - 1].is_punct
        or (end - 1 > start and doc[end - 1].is_lower and doc[end - 1].pos_ in _TRAILING_FUNCTION_WORDS)
    ):
        end -= 1
    if end <= start:
        return None
    trimmed = doc[start:end]
    trimmed.label_ = span.label_
    return trimmed


_TRAILING_FUNCTION_WORDS = {"ADP", "CCONJ", "SCONJ", "DET", "PRON", "PART", "ADV"}
# Words before a father's or forebear's name inside a person's name ("Ziyad Abu Ziyad").
_PATRONYMIC_PARTICLES = {"abu", "bin", "ibn", "ben", "bint", "ould", "bar", "ap"}


def _capitalised_in_a_name(span: Span, token: Token) -> bool:
    """A capitalised word right after a title, in a person's name, whatever its part of speech
    ("Councillor Per Dahl"; not "In Brussels" opening a sentence, nor "Under Secretary …")."""
    return (
        span.label_ == "PERSON"
        and token.text[:1].isupper()
        and token.is_alpha
        and token.i > 0
        and _role_word(token.doc[token.i - 1])
    )


# Marks that open what a name does not hold: "Maritime Safety Authority (Amsa", "Davis “Abortion
# Barbie" (the model ran the name into a short form or a nickname after it).
_CLOSING_MARKS = {"(": ")", "[": "]", "“": "”", '"': '"'}


def _unclosed_mark(doc, start: int, end: int) -> int:
    """Where a name ends that runs into a bracket or quotation mark it does not close."""
    i = start + 1
    while i < end:
        closing = _CLOSING_MARKS.get(doc[i].text)
        if closing is not None:
            shut = next((k for k in range(i + 1, end) if doc[k].text == closing), None)
            if shut is None:
                return i
            i = shut
        i += 1
    return end


def _ends_in_dash(word: str) -> bool:
    """ "Qaeda--", "Union—": a word with the dash that follows it, typed without a space."""
    return word.endswith(("--", "—")) and word.rstrip("-—")[-1:].isalpha()


# What the tokenizer leaves on a word at a name's edge: "Oscar-" (of "Oscar- and Emmy-winning"),
# "--Funeral", "Household/".
_EDGE_DASHES = "-‐–—/"
_HYPHENS = {"-", "‐"}


def _joined_particle(doc, i: int, end: int) -> bool:
    """ "al-Assad", "el-Sisi": a lower-case particle joined by a hyphen to the capitalised name
    after it is part of the name."""
    return (
        i + 2 < end
        and doc[i].lower_ in _NAME_PARTICLES
        and doc[i + 1].text in _HYPHENS
        and not doc[i].whitespace_
        and not doc[i + 1].whitespace_
        and doc[i + 2].text[:1].isupper()
    )


def _name_taken_for_verb(span: Span, token: Token) -> bool:
    """ "Syed Husin Ali": a capitalised first name the tagger read as a verb, inside a name the
    model tagged a person's, away from the start of a sentence (where "Meeting Blinken", even
    after an opening mark, is a participle)."""
    return (
        span.label_ == "PERSON"
        and token.pos_ == "VERB"
        and token.is_title
        and not token.is_sent_start
        and token.i + 1 < span.end
        and span.doc[token.i + 1].pos_ == "PROPN"
        and not span.doc[token.i - 1].is_sent_start
    )


# Lower-case particles inside family names ("Hans van den Broek", "Osama bin Laden", "Charles de
# Gaulle"); the model often ends the name before them ("Hans van") or after them ("Broek").
_NAME_PARTICLES = {
    "van", "von", "den", "der", "de", "del", "della", "da", "das", "dos", "di", "du", "la", "le",
    "al", "el", "bin", "ibn", "ben", "ter", "ten", "zu",
}  # fmt: skip


def _with_name_particles(span: Span) -> Span:
    """A person's name completed across its particles: "Hans van" + "den Broek" is one name, and
    "Van den Broek" (a capitalised particle opening the sentence) is a person's surname, whatever
    the model tagged "Broek" as."""
    doc, start, end = span.doc, span.start, span.end
    label = span.label_
    core = end
    while core - 1 > start and doc[core - 1].lower_ in _NAME_PARTICLES and doc[core - 1].is_lower:
        core -= 1
    after = core
    while after < len(doc) and doc[after].lower_ in _NAME_PARTICLES and doc[after].is_lower:
        after += 1
    if label == "PERSON" and after > core:
        named = after < len(doc) and doc[after].pos_ == "PROPN" and doc[after].text[:1].isupper()
        end = after + 1 if named else core  # "Hans van" and no name after: no particle in it
    before = start
    while before > doc[start].sent.start and doc[before - 1].lower_ in _NAME_PARTICLES:
        before -= 1
    if before < start and doc[before].text[:1].isupper() and before + 1 < start:
        # "Van den Broek said": a capitalised particle, then lower-case ones, then the name
        if all(doc[i].is_lower for i in range(before + 1, start)):
            start, label = before, "PERSON"
    elif before < start and label == "PERSON" and before > doc[start].sent.start:
        first = doc[before - 1]  # "Mohamed bin" missed: "Osama" "bin Laden"
        if first.pos_ == "PROPN" and first.text[:1].isupper() and first.ent_type_ in {"", "PERSON"}:
            start = before - 1
    if (start, end, label) == (span.start, span.end, span.label_):
        return span
    return Span(doc, start, end, label=label)


def _after_honorific(token: Token) -> bool:
    """ "Ms. He said": a capitalised word right after an honorific is a name, though it may look
    like a pronoun or another word ("He" is a family name)."""
    return token.i > 0 and token.text[:1].isupper() and token.doc[token.i - 1].lower_ in HONORIFICS and token.is_alpha


def _is_quoted_title(para: Paragraph, span: Span) -> bool:
    """A name that is all a quotation holds is a work's title: the album “Juvenile Hell,”."""
    for q in para.quotes:
        inner = para.text[q.start : q.end].rstrip(",.;:!? ")
        if q.start == span.start_char and len(inner) == span.end_char - span.start_char:
            return True
    return False


# Words that headline case capitalises and a name keeps in lower case ("Bank of America"):
# capitalised inside a run of capitalised words, they mark a headline. Not "the", which starts
# names and titles ("After The Washington Post reported", "Robert Hughes's The Fatal Shore"),
# nor "to", "he", "will", "can", "do": given names and surnames ("To Lam", "He Lifeng").
_HEADLINE_FUNCTION_WORDS = {
    "at", "for", "in", "on", "of", "from", "by", "with", "into", "over", "after", "and",
    "is", "are", "was", "were", "be", "being", "been", "who", "this", "that", "their", "its",
    "it", "they", "has", "have", "had", "not", "amid", "against", "about", "back",
}  # fmt: skip


def _in_headline_case(span: Span, in_people: set[int]) -> bool:
    """Is the name in a run of words written in headline case ("Passenger Who Arrived At Newark
    Airport Being Evaluated For Ebola", a page's list of other stories)? The model cuts names
    out of such runs at random ("Newark Airport Being Evaluated For Ebola"); the article names
    anything that matters again in its own sentences. A run is capitalised words unbroken by
    punctuation, with a function word capitalised after its first word; not one that is a
    syllable of a person's name ("Kang In-duk", "Lt. Gen. Won In Choul"; ``in_people``: the
    indices of the tokens of the paragraph's names the model tagged as people)."""
    doc = span.doc
    start, end = span.start, span.end
    while start > 0 and _capitalised_word(doc[start - 1]):
        start -= 1
    while end < len(doc) and _capitalised_word(doc[end]):
        end += 1
    words = [t for t in doc[start:end] if t.is_alpha]
    if len(words) < 3:
        return False
    return any(
        t.lower_ in _HEADLINE_FUNCTION_WORDS
        and t.text[:1].isupper()
        and t.text[1:].islower()
        and t.whitespace_
        and t.i not in in_people
        for t in words[1:]
    )


def _capitalised_word(tok: Token) -> bool:
    return tok.text[:1].isupper() or tok.text in _POSSESSIVE or (tok.text == "-" and not tok.whitespace_)


def _after_honorific_word(span: Span) -> bool:
    """The span follows "Mr", "Mrs." or another honorific ("Mr Hishammuddin")."""
    return span.start > 0 and span.doc[span.start - 1].lower_ in HONORIFICS


def _is_title_part(span: Span) -> bool:
    before = span.doc[max(0, span.start - 3) : span.start].text
    return bool(_TITLE_PHRASE.search(before)) and len(span) == 1


def _name_span(head: Token) -> Span | None:
    """The proper-noun chain ending at ``head`` ("Elena Vask"), if it is capitalised words only."""
    if head.pos_ != "PROPN" or not head.text[:1].isupper():
        return None
    start = head.i
    while start > head.sent.start:
        prev = head.doc[start - 1]
        if (
            prev.pos_ == "PROPN"
            and prev.dep_ in {"compound", "flat"}
            and prev.text[:1].isupper()
            and not _role_word(prev)
        ):
            start -= 1
        else:
            break
    span = head.doc[start : head.i + 1]
    if any(not t.text[:1].isupper() or _role_word(t) or t.lower_ in HONORIFICS for t in span):
        return None
    return Span(head.doc, span.start, span.end, label="PERSON")


def _rule_people(doc, taken: set[int]) -> list[Span]:
    """People the model missed: a name after a title ("Harbor Minister Elena Vask") or the
    proper-noun subject of a reporting verb ("Marrow said")."""
    found = []
    for tok in doc:
        if tok.i in taken or tok.pos_ != "PROPN" or tok.dep_ in {"compound", "flat"}:
            continue
        span = _name_span(tok)
        if span is None or any(t.i in taken for t in span):
            continue
        titled = span.start > 0 and _role_word(doc[span.start - 1]) and doc[span.start - 1].text[:1].isupper()
        if _speaking_subject(tok) or titled or _set_off_by_role(tok):
            found.append(span)
    return found


def _speaking_subject(tok: Token) -> bool:
    """ "Marrow said": the subject of a reporting verb."""
    return tok.dep_ in {"nsubj", "nsubjpass"} and is_reporting_verb(tok.head)


def _set_off_by_role(tok: Token) -> bool:
    """ "Ines Marrow, chief executive of …": a role in apposition after the name."""
    return any(c.dep_ == "appos" and any(_role_word(t) for t in c.subtree) for c in tok.children)


def _titled_names(doc) -> list[Span]:
    """People named after a title inside one proper-noun chain, where the model took the name into
    another entity or typed it apart: "said Air Chief Marshal Angus Houston" (an organisation
    "Air Chief Marshal Angus" and a place "Houston"), "said Santa Clara County Public Defender
    Molly O'Neal" (the name untagged), "Heather Sculthorpe, chief executive of …" (a place
    "Sculthorpe"). The name is the two or three capitalised words after the chain's last title
    word, or, with no title word, an untagged given name before a one-word place or
    organisation; either only where the chain speaks or is set off by a role."""
    found = []
    sent_start = _sentence_starts(doc)
    for tok in doc:
        if tok.dep_ in {"compound", "flat"} or not _capitalised_name_word(tok) or _role_word(tok):
            continue
        start = tok.i
        while (
            start > sent_start[tok.i]
            and doc[start - 1].dep_ in {"compound", "flat"}
            and doc[start - 1].head.i > start - 1
        ):
            if not doc[start - 1].text[:1].isupper():
                break
            start -= 1
        chain = doc[start : tok.i + 1]
        titles = [
            t.i
            for t in chain
            if _role_word(t) or (t.lower_ == "defender" and t.i > 0 and doc[t.i - 1].lower_ == "public")
        ]
        first = titles[-1] + 1 if titles else tok.i - 1
        name = doc[first : tok.i + 1]
        if not 2 <= len(name) <= 3 or not all(_capitalised_name_word(t) for t in name):
            continue
        if any(t.lower_ in HONORIFICS or _role_word(t) for t in name):
            continue
        if not titles and not (
            first == start
            and not doc[first].ent_type_
            and doc[first].pos_ == "PROPN"
            and tok.ent_type_ in {"GPE", "LOC", "ORG"}
        ):
            continue
        if any(e.label_ == "PERSON" and e.start <= name.start and name.end <= e.end for e in doc.ents):
            continue  # the model has it, maybe with its title ("Prince Norodom Ranariddh")
        # with no title word, the first word may be one the lexicon lacks ("Alderman Christie
        # said", "Neighboring Ukraine also criticized"): only a role set off after it tells
        if _set_off_by_role(tok) or (titles and _speaking_subject(tok)):
            found.append(Span(doc, name.start, name.end, label="PERSON"))
    # "Councillor Per Dahl said": a title, a name and a reporting verb, whatever the model made of
    # them (here nothing: it parses "Per" as a preposition)
    for tok in doc:
        if not (_role_word(tok) and tok.text[:1].isupper()) or (tok.i > 0 and _role_word(doc[tok.i - 1])):
            continue
        first = tok.i + 1
        while first < len(doc) and _role_word(doc[first]) and doc[first].text[:1].isupper():
            first += 1
        end = first
        while end < len(doc) and end - first < 3 and _capitalised_name_word(doc[end]) and not _role_word(doc[end]):
            end += 1
        if end - first < 2 or end >= len(doc) or not is_reporting_verb(doc[end]) or doc[end].pos_ != "VERB":
            continue
        person = any(e.label_ == "PERSON" and e.start <= first and end <= e.end for e in doc.ents)
        if not person and not any((f.start, f.end) == (first, end) for f in found):
            found.append(Span(doc, first, end, label="PERSON"))
    return found


#: Bodies news names by a proper noun and a common noun in lower case ("the Nobel committee").
_NAMED_BODIES = {"committee", "commission", "council", "academy", "jury", "panel", "tribunal"}


def _speaking_bodies(doc) -> list[Span]:
    """A body named by a proper noun before a common noun, that speaks: "said the Nobel committee
    at the Karolinska Institute", "the Nobel committee cited …". The model tags "Nobel" alone,
    if at all (a person, here); the body is "Nobel committee"."""
    found = []
    for tok in doc:
        if tok.lower_ not in _NAMED_BODIES or tok.pos_ != "NOUN" or not tok.is_lower:
            continue
        start = tok.i
        while start > tok.sent.start and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound":
            start -= 1
        if (
            start in {tok.i, 0}
            or doc[start - 1].lower_ != "the"
            or not all(_capitalised_name_word(t) for t in doc[start : tok.i])
        ):
            continue
        verb = tok.head
        if tok.dep_ in {"nsubj", "nsubjpass"} and (is_reporting_verb(verb) or verb.lower_ in {"cited", "cites"}):
            found.append(Span(doc, start, tok.i + 1, label="ORG"))
    return found


def _capitalised_name_word(tok: Token) -> bool:
    """A capitalised word of letters, with an apostrophe or hyphen inside ("O'Neal", "Louis-Dreyfus")."""
    return tok.text[:1].isupper() and tok.text.replace("'", "").replace("’", "").replace("-", "").isalpha()


def _naming_phrase_end(doc, tok: Token, end: int) -> int | None:
    """The index of the last word of a phrase that gives a name, if one starts at ``tok``:
    "named", "identified (only) as", "known as", "gave his (first) name (only) as"."""
    low = tok.lower_
    if low == "named":
        return tok.i if tok.tag_ == "VBN" else None
    if low not in {"identified", "known", "gave", "gives", "giving"}:
        return None
    i = tok.i + 1
    if low not in {"identified", "known"}:
        words = [t.lower_ for t in doc[i : min(end, i + 3)]]
        if len(words) < 2 or words[0] not in {"his", "her", "their"}:
            return None
        i += 2 if words[1] == "name" else 3 if words[1:3] == ["first", "name"] else end
    while i < end and doc[i].lower_ in _NAMING_HEDGES:
        i += 1
    return i if i < end and doc[i].lower_ == "as" else None


_NAMING_HEDGES = {"only", "just", "simply"}


def named_by_phrase(doc, start: int = 0, end: int | None = None) -> list[tuple[int, Span]]:
    """People an article names through a phrase that gives a name, with the index of the noun
    for the person: "a lieutenant colonel named Dane", "a pilot identified only as Capt. Mike",
    "a young man who gave his name only as Sami". The model may type such a lone name a place or
    an organisation, or miss it."""
    found = []
    end = len(doc) if end is None else end
    for tok in doc[start:end]:
        last = _naming_phrase_end(doc, tok, end)
        noun = _person_noun_before(doc, tok.i) if last is not None else None
        if noun is None:
            continue
        i = last + 1
        while i < end and (doc[i].lower_.rstrip(".") in _RANKS or doc[i].text == "."):
            i += 1  # "Capt. Mike": the rank is no part of the name
        first = i
        i = _capitalised_run(doc, first, end)
        if i > first:
            found.append((noun, Span(doc, first, i, label="PERSON")))
    return found


def _capitalised_run(doc, first: int, end: int) -> int:
    """The index after the name starting at ``first``: up to three capitalised words of letters."""
    i = first
    while i < end and i - first < 3 and doc[i].text[:1].isupper() and doc[i].is_alpha:
        i += 1
    return i


_RANKS = HONORIFICS | TITLE_ABBREVIATIONS.keys()


def after_rank(token: Token) -> int | None:
    """Where the name a rank abbreviation titles starts: the index after ``token`` ("Sgt" or
    "Sgt.") and its full stop; None when ``token`` is no rank."""
    if token.lower_.rstrip(".") not in TITLE_ABBREVIATIONS:
        return None
    doc = token.doc
    return token.i + (2 if token.i + 1 < len(doc) and doc[token.i + 1].text == "." else 1)


def _past_rank(span: Span) -> Span | None:
    """A name without the rank abbreviation the model took into it or took for it: "Indiana State
    Police Sgt" before "Kim Riley" is the police; "Sgt" in "said Sgt. Riley" is Riley, or nothing
    when Riley is a name of its own. A rank abbreviation is a title, never a name (see
    :func:`title_before`)."""
    doc = span.doc
    after = after_rank(span[-1])
    end = after if after is None else _capitalised_run(doc, after, len(doc))
    if end == after:
        return span
    if len(span) > 1:
        return Span(doc, span.start, span.end - 1, label=span.label_)
    if doc[after].ent_type_:
        return None
    return Span(doc, after, end, label="PERSON")


def _person_noun_before(doc, cue: int) -> int | None:
    """The index of a noun for a person right before a naming phrase ("a young man who gave …")."""
    for k in range(cue - 1, max(-1, cue - 4), -1):
        word = doc[k]
        if word.lower_ in {"who", ","}:
            continue
        if word.pos_ == "NOUN" and (word.lower_ in PERSON_NOUNS or word.lower_ in _TITLE_HEADS):
            return k
        return None
    return None


def _rule_organisations(doc, taken: set[int]) -> list[Span]:
    """Organisations the model missed: a name set off after an organisation noun ("Libya's news
    agency, JANA,")."""
    found = []
    for tok in doc:
        if tok.i in taken or tok.dep_ != "appos" or tok.head.lower_ not in ORGANISATION_NOUNS:
            continue
        span = _name_span(tok)
        if span is not None and not any(t.i in taken for t in span):
            found.append(Span(doc, span.start, span.end, label="ORG"))
    return found


def collect_mentions(
    paragraphs: list[Paragraph], sent_of: SentenceIndex, known: dict[str, str] | None = None
) -> list[RawMention]:
    """Entity mentions of an article; ``known`` maps names the cleaning stage established
    (the dateline's place, the outlet) to their type."""
    known = known or {}
    mentions = []
    for para in paragraphs:
        named = [span for _, span in named_by_phrase(para.doc)] + _titled_names(para.doc) + _speaking_bodies(para.doc)
        named_tokens = {t.i for span in named for t in span}
        model = [ent for ent in para.doc.ents if not any(t.i in named_tokens for t in ent)]
        taken = {t.i for ent in model if ent.label_ in TYPES for t in ent} | named_tokens
        in_people = {t.i for ent in para.doc.ents if ent.label_ == "PERSON" for t in ent}
        found: list[RawMention] = []
        for ent in [*model, *named, *_rule_people(para.doc, taken), *_rule_organisations(para.doc, taken)]:
            if ent.label_ not in TYPES or _is_title_part(ent):
                continue
            span = _trim(ent)
            if span is None or not any(ch.isalpha() for ch in span.text):
                continue
            span = _past_rank(_with_name_particles(span))
            if span is None:
                continue
            span = _with_suffix_dot(_with_possessor(span))
            if span.label_ in {"PERSON", "ORG"} and _is_quoted_title(para, span):
                continue
            if _in_headline_case(span, in_people):
                continue
            text = span.text.rstrip(_EDGE_DASHES)
            if not text.lstrip(_EDGE_DASHES)[:1].isdigit():  # "-25 C.": a minus sign
                text = text.lstrip(_EDGE_DASHES)
            start = para.start + span.start_char + span.text.index(text)
            kind = known.get(text, TYPES[span.label_])
            found.append(RawMention(text, kind, start, start + len(text), sent_of(start), span))
        # a name completed across its particles covers the piece the model tagged apart ("Broek")
        mentions.extend(
            m for m in found if not any(o is not m and o.start <= m.start and m.end <= o.end for o in found)
        )
    _retype_organisations(mentions)
    _retype_people(mentions)
    for m in mentions:
        _drop_leading_title(m)
    _kin_family_names(mentions)
    mentions.extend(_surname_mentions(paragraphs, sent_of, mentions))
    mentions = _without_named_things(mentions, paragraphs)
    _retype_places(mentions)
    for m in mentions:
        # "wrote on Twitter": no person, whatever the model says; an institution again, in case a
        # rule above retyped it (first in _retype_organisations, so that no surname is taken from it)
        if m.text in WEB_PLATFORMS or _institution(m):
            m.type = "ORG"
    mentions.sort(key=lambda m: m.start)
    return mentions


def _drop_leading_title(m: RawMention) -> None:
    """ "Actress America Ferrera", typed an organisation by the model and a person by the rules
    above, starts with her title, which :func:`_trim` takes off the people the model finds. A
    title before one word may be the whole name of a character or a work ("King Kong")."""
    span = m.span
    if m.type != "PERSON" or len(span) < 3 or span[0].lower_.rstrip(".") not in _TITLE_HEADS:
        return
    if not m.text.startswith(span[0].text) or not span[1].text[:1].isupper():
        return
    rest = span.doc[span.start + 1 : span.end]
    rest.label_ = "PERSON"
    cut = span[1].idx - span[0].idx
    m.text, m.start, m.span = m.text[cut:], m.start + cut, rest


def _sentence_starts(doc) -> list[int]:
    """The start of each token's sentence, in one pass: ``Token.sent`` finds the sentence anew on
    every call, which costs more than the rules that ask for it."""
    starts = [0] * len(doc)
    for sent in doc.sents:
        starts[sent.start : sent.end] = [sent.start] * len(sent)
    return starts


def _with_suffix_dot(span: Span) -> Span:
    """ "DeOrr Kunz Sr.": spaCy's tokenizer keeps "Jr." whole but cuts "Sr." at its dot, so the
    name would end without it."""
    doc = span.doc
    if span[-1].text != "Sr" or span[-1].whitespace_ or span.end >= len(doc) or doc[span.end].text != ".":
        return span
    return Span(doc, span.start, span.end + 1, label=span.label_)


def _with_possessor(span: Span) -> Span:
    """ "Office" alone, in "the Whitley County Sheriff's Office said", is the whole office's name:
    a lone institution word the model tagged after a capitalised possessor takes the possessor in."""
    doc = span.doc
    if len(span) != 1 or span[0].lower_ not in INSTITUTION_BODIES or not span[0].text[:1].isupper():
        return span
    i = span.start - 1
    if i <= span.sent.start or doc[i].lower_ not in _APOSTROPHE_S:
        return span
    start = i
    while start > span.sent.start and doc[start - 1].text[:1].isupper() and doc[start - 1].pos_ in {"PROPN", "NOUN"}:
        start -= 1
    if start == i:
        return span
    return Span(doc, start, span.end, label="ORG")


def _institution(m: RawMention) -> bool:
    """Is the mention an institution's name the model typed as something else ("Heritage
    Foundation" a person, "Orange County Sheriff's Office" a place)? See
    :data:`crosswire.lexicon.INSTITUTION_BODIES`."""
    words = m.text.split()
    if len(words) < 2 or m.type == "ORG":
        return False
    last = words[-1].lower()
    return last in INSTITUTION_BODIES or (m.type == "PERSON" and last in INSTITUTION_PLACES)


# Names the model takes for people: storms ("Hurricane Mitch", "Tropical Storm Fifi") and
# operations named after them or after anything else ("Operation Mitch").
_STORM_WORDS = {"hurricane", "storm", "typhoon", "cyclone", "tropical", "supertyphoon"}
_NAMED_THING_WORDS = _STORM_WORDS | {"operation"}


def _without_named_things(mentions: list[RawMention], paragraphs: list[Paragraph]) -> list[RawMention]:
    """The "people" that are storms or operations, and the storm's bare name wherever the article
    uses it ("Mitch killed 231 people"), left out."""
    named: set[str] = set()
    things: set[int] = set()
    for para in paragraphs:
        words = [t for t in para.doc if not t.is_space]
        for tok, after in itertools.pairwise(words):
            if tok.lower_ in _STORM_WORDS and tok.lower_ != "tropical" and after.is_title and after.pos_ == "PROPN":
                named.add(after.text)  # "Hurricane Mitch", "Tropical Storm Fifi", whatever the tagger made of it
    for i, m in enumerate(mentions):
        if m.type != "PERSON":
            continue
        words = m.text.split()
        before = m.span.doc[m.span.start - 1].lower_ if m.span.start > 0 else ""
        storm = words[0].lower() in _STORM_WORDS or before in _STORM_WORDS
        if storm or words[0].lower() in _NAMED_THING_WORDS:
            things.add(i)
        if storm:
            named.add(words[-1])
    return [
        m
        for i, m in enumerate(mentions)
        if i not in things and not (m.type == "PERSON" and len(m.text.split()) == 1 and m.text in named)
    ]


_OPENING_MARKS = {"`", "``", '"', "“", "‘"}


def _surname_mentions(
    paragraphs: list[Paragraph], sent_of: SentenceIndex, mentions: list[RawMention]
) -> list[RawMention]:
    """Later bare surnames the model missed ("Turecki disagrees") of people it named in full.

    The tagger may take a rare surname for a plural common noun ("Caceres said", NNS); a
    capitalised word inside a sentence that is exactly such a surname is still the name. A
    name's first word standing alone as a proper noun and as a verb's subject after the full
    name ("Sidek Baba" … "Sidek was quoted as saying"), where a person goes by a given name or
    the family name comes first, is that person too when only that person's name begins with it
    and it is no one's surname."""
    full_names = [m.text for m in mentions if m.type == "PERSON" and len(m.text.split()) >= 2]
    surnames = _surnames(full_names)
    first_words: dict[str, set[str]] = {}
    for name in full_names:
        first_words.setdefault(name.split()[0], set()).add(name)
    # a word that begins a place or organisation ("Wolfram", "Broward") names that, not a person
    other_names = {m.text.split()[0] for m in mentions if m.type != "PERSON"}
    first_at: dict[str, int] = {}
    for m in mentions:
        first_at[m.text] = min(m.start, first_at.get(m.text, m.start))
    given = {
        word: min(first_at[name] for name in names)
        for word, names in first_words.items()
        if len(names) == 1
        and word not in surnames | other_names
        and word[:1].isupper()
        and word.isalpha()
        and not word.isupper()
    }
    covered = {c for m in mentions for c in range(m.start, m.end)}
    extra = []
    for para in paragraphs:
        sent_start = _sentence_starts(para.doc)
        for tok in para.doc:
            if tok.text not in surnames and tok.text not in given:
                continue
            mid_sentence = tok.i > sent_start[tok.i] and tok.nbor(-1).text not in _OPENING_MARKS
            tagged = tok.pos_ == "PROPN" or (tok.pos_ == "NOUN" and mid_sentence)
            alone = (
                tok.pos_ == "PROPN"
                and tok.dep_ in {"nsubj", "nsubjpass"}
                and not any(c.dep_ in {"compound", "flat"} for c in tok.children)
                and tok.text in given
                and given[tok.text] < para.start + tok.idx
            )
            if para.start + tok.idx in covered or not ((tok.text in surnames and tagged) or alone):
                continue
            first = tok.i - 2 if tok.i >= 2 and _joined_particle(para.doc, tok.i - 2, tok.i + 1) else tok.i
            span = Span(para.doc, first, tok.i + 1, label="PERSON")
            start = para.start + span.start_char
            if start not in covered:
                extra.append(RawMention(span.text, "PERSON", start, start + len(span.text), sent_of(start), span))
    return extra


def _retype_organisations(mentions: list[RawMention]) -> None:
    """A name that an organisation noun carries is an organisation, whatever the model typed it:
    "the Nezavisimaya Gazeta newspaper", "Libya's official news agency, JANA,"."""
    for m in mentions:
        root = m.span.root
        carried = (
            root.dep_ in {"compound", "appos"} and root.head.lower_ in ORGANISATION_NOUNS and root.head.pos_ == "NOUN"
        )
        # "Harakat-ul-Ansar, a Pakistan-based organization": set off by an organisation noun
        described = any(
            c.dep_ == "appos" and c.pos_ == "NOUN" and c.lower_ in ORGANISATION_NOUNS | ORGANISATION_KINDS
            for t in m.span
            for c in t.children
            if c.i >= m.span.end
        )
        # "the Greek daily Eleftherotypia", "the newspaper Le Monde"
        labelled = any(
            c.lower_ in ORGANISATION_NOUNS and c.dep_ in {"amod", "compound", "nmod"} and c.i < m.span.start
            for c in root.children
        )
        if carried or described or labelled or _institution(m):
            m.type = "ORG"


# Relatives through the father's line, who share the family name in news naming.
_PATERNAL_KIN = {"father", "son", "brother", "grandfather", "grandson"}


def _kin_family_names(mentions: list[RawMention]) -> None:
    """ "Sughayer's oldest brother, Ali": a first name set off after a kinship noun whose
    possessor is a family name the article gives a person is that person's relative, "Ali
    Sughayer". Only fathers, sons and brothers: a wife or a mother may keep another name."""
    surnames = {m.text.split()[-1] for m in mentions if m.type == "PERSON" and len(m.text.split()) >= 2}
    for m in mentions:
        name = m.span.root
        if len(m.text.split()) != 1 or name.dep_ != "appos" or name.pos_ != "PROPN":
            continue
        kin = name.head
        if kin.lower_ not in _PATERNAL_KIN or kin.tag_ != "NN":
            continue
        possessor = next((c for c in kin.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        if possessor is not None and possessor.text in surnames and possessor.text != m.text:
            m.type = "PERSON"  # the model may take a first name for a place ("Karim" GPE)
            m.full_name = f"{m.text} {possessor.text}"


_KIN = _PATERNAL_KIN | {
    "mother",
    "daughter",
    "sister",
    "wife",
    "husband",
    "widow",
    "widower",
    "granddaughter",
    "grandmother",
    "parents",
    "sons",
    "daughters",
    "brothers",
    "sisters",
    "children",
    "fiancee",
    "fiancée",
    "fiance",
}


_CHILDREN = {"son", "daughter", "sons", "daughters", "children", "grandson", "granddaughter"}


def _relatives(names: list[str], mentions: list[RawMention]) -> dict[str, str]:
    """Those of ``names`` the article introduces as someone's relative, with the kinship noun:
    "The couple has a daughter, Xu Jin", "his parents, Phillip and Sandra Dunn"."""
    return {m.text: noun for m in mentions if m.text in names and (noun := _kin_noun(m)) is not None}


def _kin_noun(m: RawMention) -> str | None:
    """The kinship noun a name is set in apposition to, alone or in a list of names."""
    name = m.span.root
    while name.dep_ == "conj" and name.head.i < name.i:
        name = name.head
        if name.lower_ in _KIN:
            return name.lower_  # "his parents, Phillip and …": the parse joins the names to the noun
    return name.head.lower_ if name.dep_ == "appos" and name.head.lower_ in _KIN else None


def _generation(m: RawMention) -> str | None:
    """ "younger" or "elder" when the mention says which of a family it is ("the younger Goodlatte")."""
    doc = m.span.doc
    before = doc[m.span.start - 1].lower_ if m.span.start > 0 else ""
    if before == "younger":
        return "younger"
    return "elder" if before in {"elder", "older"} else None


def _with_age(m: RawMention) -> bool:
    """ "Pal Martins, 34, a former member …": a full name with an age set off after it is a person."""
    words = m.text.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
        return False
    return any(
        c.dep_ == "appos" and c.tag_ == "CD" and c.text.isdigit() and 0 < int(c.text) < 120 and c.i == m.span.end + 1
        for c in m.span.root.children
    )


# What only a person is, set off after a name: "Lena, a member of the council".
_PERSON_APPOSITIONS = _TITLE_HEADS | {
    "member",
    "activist",
    "resident",
    "witness",
    "student",
    "mother",
    "father",
    "wife",
    "husband",
    "daughter",
    "son",
    "neighbor",
    "neighbour",
}


def _after_job_title(m: RawMention) -> bool:
    """ "U.N. prosecutor Terree Bowers", typed an organisation: a name of up to three capitalised
    words right after a word only a person's title ends in is a person (not "NATO" or "Acme
    Corp.": initials and words of organisations' names keep it one)."""
    span = m.span
    return (
        _short_organisation_name(m)
        and span.start > 0
        and _role_word(span.doc[span.start - 1])
        and all(w[:1].isupper() and not w.isupper() for w in m.text.split())
    )


def _described_as_person(m: RawMention) -> bool:
    """ "Lena, a member of the Revolutionary Leadership Council, told …": a name of up to three
    words the model typed an organisation, set off by a noun only a person can be, is a person
    (not "Acme Corp., a member of the consortium": a word of organisations' names keeps it one)."""
    return _short_organisation_name(m) and any(
        c.dep_ == "appos" and c.tag_ == "NN" and c.lower_ in _PERSON_APPOSITIONS and c.i > m.span.end
        for c in m.span.root.children
    )


def _short_organisation_name(m: RawMention) -> bool:
    """A name of up to three words typed an organisation, none of them a word organisations'
    names hold ("Corp.", "Union"): it may be a person's the model mistyped."""
    words = m.text.split()
    return m.type == "ORG" and len(words) <= 3 and not any(w.lower() in _ORG_WORDS for w in words)


# Nouns of geography: a name that modifies one, or is listed before one, is a place ("the Casita
# volcano", "the Coco, Segovia and Cruta rivers"), whatever the model typed it.
_PLACE_NOUNS = {
    "river",
    "rivers",
    "lake",
    "lakes",
    "volcano",
    "mountain",
    "mountains",
    "valley",
    "island",
    "islands",
    "bay",
    "peninsula",
    "desert",
    "canyon",
    "gulf",
    "strait",
    "reservoir",
    "airport",
}


_DEMONYM = re.compile(r"[A-Z][a-z]+(?:ian|ese|ish|i)")  # "Ukrainian", "Chinese", "Kurdish", "Iraqi"

# Plural nouns of places, with the type of a name listed as one of them: "Crimea and other
# territories", "cities such as Homs and Hama", "regions, including Manang and Ghorka" (a name
# given as an instance of a kind of place is that kind of place, whatever the model typed it).
_PLACE_KINDS = {
    **dict.fromkeys(
        [
            "countries",
            "nations",
            "states",
            "cities",
            "towns",
            "villages",
            "provinces",
            "territories",
            "capitals",
            "districts",
            "counties",
            "republics",
        ],
        "GPE",
    ),
    **dict.fromkeys(["regions", "areas", "islands", "continents"], "LOC"),
}

_LIST_REACH = 12
"""How many words of other names a list may hold between a name and the kind of place it is."""


# A region named by two geographic words joined with a hyphen ("Indo-Pacific", "Euro-Atlantic",
# "Asia-Pacific"), which the model often takes for an organisation.
_REGION = re.compile(
    r"[A-Z][a-z]+-(?:Pacific|Atlantic|Arctic|Mediterranean|Caribbean|Baltic|Asia|Africa|Europe|America)"
)


def _retype_places(mentions: list[RawMention]) -> None:
    for m in mentions:
        if m.type in {"ORG", "PERSON"} and _REGION.fullmatch(m.text):
            m.type = "LOC"
        # "Ukrainian Foreign Minister": the model calls the adjective a place; one word the tagger
        # reads as an adjective, with a demonym's ending, is the people ("Arctic ice" stays a place)
        if m.type in {"GPE", "LOC"} and len(m.span) == 1 and m.span[0].tag_ == "JJ" and _DEMONYM.fullmatch(m.text):
            m.type = "NORP"
        if m.type not in {"PERSON", "ORG", "NORP"}:
            continue
        token = m.span.root
        while token.dep_ == "conj" and token.head is not token:
            token = token.head
        # "the Casita volcano", "the Coco, Segovia and Cruta rivers"
        before_place_noun = token.dep_ in {"compound", "nmod"} and token.head.lower_ in _PLACE_NOUNS
        kind = _listed_place_kind(m.span)
        if kind is not None:
            m.type = kind
        elif m.type != "NORP" and before_place_noun and token.head.pos_ == "NOUN":
            m.type = "LOC"


def _listed_place_kind(span: Span) -> str | None:
    """The place type of a name the text gives as an instance of a kind of place: "X and other
    territories", "cities such as X", "such cities as X", "regions, including X". Read from the
    words around the name's list, not the parse, which hangs these lists in many ways
    ("Dunvale and other territories" with the name an adjective of the noun)."""
    doc = span.doc

    def in_list(token) -> bool:
        return token.pos_ == "PROPN" or token.text in {",", "-"} or token.lower_ in {"the", "and"}

    after = span.end
    while after < len(doc) and after - span.end < _LIST_REACH and in_list(doc[after]) and doc[after].lower_ != "and":
        after += 1
    tail = [t for t in doc[after : after + 6] if not t.is_space]
    if tail and tail[0].lower_ in {"and", "or"}:
        rest = tail[1:]
        while rest and rest[0].lower_ in {"some", "several", "many", "the"}:
            rest = rest[1:]
        if rest and rest[0].lower_ == "other":
            kinds = [t for t in rest[1:] if t.tag_ not in {"JJ", "JJR", "JJS"}]
            if kinds and kinds[0].tag_ == "NNS" and kinds[0].lower_ in _PLACE_KINDS:
                return _PLACE_KINDS[kinds[0].lower_]
    before = span.start - 1
    while before >= 0 and span.start - before < _LIST_REACH and in_list(doc[before]):
        before -= 1
    head = [t for t in doc[max(0, before - 4) : before + 1] if not t.is_space and t.text not in {",", "—", "-"}][-3:]
    words = [t.lower_ for t in head]
    kind = None
    if words[-2:] == ["such", "as"] and len(head) == 3:
        kind = head[0]  # "cities such as X", "cities, such as X"
    elif words[-1:] == ["as"] and len(head) == 3 and words[0] == "such":
        kind = head[1]  # "such cities as X"
    elif words[-1:] == ["including"] and len(head) >= 2:
        kind = head[-2]  # "regions, including X"
    if kind is not None and kind.tag_ == "NNS":
        return _PLACE_KINDS.get(kind.lower_)
    return None


def _retype_people(mentions: list[RawMention]) -> None:
    """Surnames typed as places or organisations become people when the article names them in full,
    gives their age or puts an honorific before them; and a one-word "person" that starts the name
    of an organisation the article gives becomes that organisation."""
    for m in mentions:
        if m.type != "PERSON" and (
            _with_age(m) or _after_honorific_word(m.span) or _described_as_person(m) or _after_job_title(m)
        ):
            m.type = "PERSON"  # "X, 34,", "Mr Hishammuddin said", "Lena, a member of …", "prosecutor X"
    # "Northwestern said in a statement", in an article about Northwestern University: a single
    # word the model took for a person is the organisation whose name it starts, unless a
    # person's full name ends in it or an honorific gives it to a person.
    org_firsts = {
        m.text.split()[0]
        for m in mentions
        if m.type == "ORG" and len(m.text.split()) >= 2 and m.text.split()[-1].lower() in _ORG_WORDS
    }
    surnames_of_people = _surnames(m.text for m in mentions if m.type == "PERSON" and len(m.text.split()) >= 2)
    for m in mentions:
        if (
            m.type == "PERSON"
            and m.text in org_firsts
            and m.text not in surnames_of_people
            and not _after_honorific_word(m.span)
        ):
            m.type = "ORG"
    full_names = {m.text for m in mentions if m.type == "PERSON" and len(m.text.split()) >= 2}
    full_names -= {m.text for m in mentions if m.type != "PERSON"}
    person_tokens = _surnames(full_names) | full_names
    surnames = {m.text for m in mentions if m.type == "PERSON" and len(m.text.split()) == 1}
    name_words = {w for n in full_names for w in n.split()[:-1] if w[:1].isupper() and len(w) > 2}
    for m in mentions:
        if m.type == "PERSON" or m.text.lower() in GPE_ALIASES:
            continue
        words = m.text.split()
        if m.text in person_tokens or (m.text in name_words and _speaks_or_titled(m)):
            m.type = "PERSON"  # "said Bhichai" (Bhichai Rattakul), "its director general, Muttaleb"
        elif (
            2 <= len(words) <= 3
            and words[-1] in surnames
            and all(w[:1].isupper() for w in words)
            and not any(w.lower() in _ORG_WORDS for w in words)
        ):
            m.type = "PERSON"  # "Lidia Farrow" typed ORG, while "Farrow said" is a person


def _speaks_or_titled(m: RawMention) -> bool:
    """A one-word name that says or holds something: the subject of a reporting verb, the name
    right after one ("said Bhichai"), or a name set off after a title ("its director general,
    Muttaleb")."""
    root = m.span.root
    before = m.span.doc[m.span.start - 1] if m.span.start > 0 else None
    return (
        (root.dep_ in {"nsubj", "nsubjpass"} and is_reporting_verb(root.head))
        or (before is not None and is_reporting_verb(before) and root.head.i == before.i)
        or (root.dep_ == "appos" and _role_word(root.head))
    )


def _acronym(name: str) -> str:
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in {"of", "the", "and", "for", "&"}]
    return "".join(w[0] for w in words).upper()


def short_form_of(name: str, longer: str) -> bool:
    """Is ``name`` the initials of ``longer`` ("EU", "European Union"), or ``longer`` spelt with
    full stops ("US Congress", "U.S. Congress")?"""
    bare = name.replace(".", "")
    return (name.isupper() and _acronym(longer) == bare) or (bare != longer and bare == longer.replace(".", ""))


def _key(text: str) -> str:
    return re.sub(r"^the\s+", "", text.strip(), flags=re.I)


def _surnames(full_names) -> set[str]:
    """The last words of full names, also without a joined article ("al-Assad", "Assad")."""
    last = {name.split()[-1] for name in full_names}
    return last | {_ARTICLE_PARTICLE.sub("", word) for word in last}


def spelling_rank(name: str) -> tuple[bool, bool, bool]:
    """Which of the spellings of one name (see :func:`name_form`) is the one to go by, the
    highest: the one with its article ("Bashar al-Assad"), not in capitals (a transcript's
    "LEE:"), with its accents ("Bélanger")."""
    return bool(_ARTICLE_PARTICLE.search(name)), not name.isupper(), not name.isascii()


_HYPHEN = re.compile(r"[-‐‑]")


def unhyphenated(name: str) -> str:
    """The name with a space wherever it joins two words with a hyphen: "Al-Jazeera" → "Al Jazeera"."""
    return " ".join(_HYPHEN.sub(" ", name).split())


def spaced_form(name: str) -> str:
    """A name as spellings that join its words with a hyphen or a space share it ("Al Jazeera"
    and "Al-Jazeera", "Kim Jong-un" and "Kim Jong Un"): the same words in the same order, without
    accents or capitals. A name with a word fewer ("Salvador" beside "El Salvador") is another."""
    return fold_accents(unhyphenated(name)).casefold()


def merge_mentions(mentions: list[RawMention]) -> list[Entity]:
    """Group mentions into entities with canonical names, in order of first mention."""
    groups: dict[tuple[str, str], list[RawMention]] = {}
    order: list[tuple[str, str]] = []

    def add(key: tuple[str, str], m: RawMention) -> None:
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(m)

    # Longest names first, then in the order the article names them (never a set's order, which
    # changes from run to run: a bare surname two people share goes to the first one named).
    first_at: dict[str, int] = {}
    for m in mentions:
        if m.type == "PERSON":
            first_at.setdefault(m.text, m.start)
    people = sorted(first_at, key=lambda t: (-len(t.split()), first_at[t]))
    full_people = [p for p in people if len(p.split()) >= 2]
    # Names the article implies ("his brother, Ali" -> "Ali Sughayer") join the first name only:
    # a bare family name stays with the people it is written for.
    implied = sorted({m.full_name for m in mentions if m.full_name} - set(full_people))
    for m in mentions:
        if m.type == "PERSON":
            add(("PERSON", m.full_name or _person_canonical(m, full_people, mentions, implied)), m)
        elif m.type == "GPE" and m.text.lower() in GPE_ALIASES:
            add(("GPE", GPE_ALIASES[m.text.lower()]), m)
        else:
            add((m.type, _key(m.text)), m)
    _one_type_per_name(groups, order)

    def merge_spellings(form, rank) -> None:
        """Merge the groups of one type whose names ``form`` makes one, into the one ``rank``
        puts first, then the spelling used most, then the first."""
        spellings: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for key in order:
            if key in groups:
                spellings.setdefault((key[0], form(key[1])), []).append(key)
        for keys in spellings.values():
            kept = max(keys, key=lambda k: (rank(k[1]), len(groups[k]), -groups[k][0].start))
            for key in keys:
                if key != kept:
                    groups[kept].extend(groups.pop(key))

    # One name spelt with and without its article, accents or capitals is one entity; and with a
    # hyphen or a space between its words ("Al-Jazeera", "Al Jazeera"), where the spelling used
    # most goes, whichever it is.
    merge_spellings(name_form, spelling_rank)
    merge_spellings(spaced_form, lambda name: spelling_rank(name)[1:])
    # "North Koreans" and "North Korean": one people, under the adjective.
    for key in list(order):
        kind, name = key
        singular = (kind, name[:-1])
        if kind == "NORP" and name.endswith("s") and key in groups and singular in groups:
            groups[singular].extend(groups.pop(key))

    # Organisations: "EU" joins "European Union", "State Department" joins "U.S. State Department".
    for key in list(order):
        kind, name = key
        if kind not in {"ORG", "GPE", "LOC"} or key not in groups:
            continue
        for other in order:
            okind, oname = other
            if other == key or okind != kind or other not in groups or len(oname) <= len(name):
                continue
            if short_form_of(name, oname) or (
                (len(name.split()) >= 2 and oname.endswith(" " + name))
                # "InfoCision" for "InfoCision Management Corp.", "Labor" for "Labor Party"
                or (
                    kind == "ORG"
                    and " " not in name
                    and _short_name_of(name, oname, named_first=_first_start(groups[other]) < _first_start(groups[key]))
                )
            ):
                groups[other].extend(groups.pop(key))
                break

    entities = []
    for key in order:
        if key not in groups:
            continue
        kind, name = key
        group = sorted(groups[key], key=lambda m: m.start)
        aliases = sorted({m.text for m in group} - {name})
        roles = _merge_roles([r for m in group for r in m.roles])
        entities.append(
            Entity(
                name=name,
                type=kind,
                aliases=aliases,
                roles=roles,
                mentions=[Mention(m.text, m.start, m.end, m.sentence) for m in group],
            )
        )
    entities.sort(key=lambda e: e.mentions[0].start)
    return entities


# Last words of an organisation's full name that say only what kind of body it is, and that its
# short name leaves out: "Exxon Corp.", "Northwestern University", "the Labor Party".
_KIND_OF_BODY = {
    "inc",
    "corp",
    "co",
    "company",
    "corporation",
    "incorporated",
    "ltd",
    "limited",
    "llc",
    "lp",
    "plc",
    "ag",
    "sa",
    "nv",
    "gmbh",
    "group",
    "holdings",
    "industries",
    "international",
    "airlines",
    "airways",
    "motors",
    "studios",
    "pictures",
    "productions",
    "media",
    "university",
    "college",
    "party",
    "department",
    "ministry",
    "agency",
    "press",
    "representatives",
    "delegates",
    "commons",
}


# Last words of a longer name that make it a part of the organisation its first word names: the
# "U.N. Security Council" is not the U.N., nor the "House Judiciary Committee" the House.
_PART_OF_BODY = {
    "council",
    "committee",
    "subcommittee",
    "commission",
    "fund",
    "forum",
    "forums",
    "awards",
    "program",
    "programme",
    "caucus",
    "force",
    "division",
    "bureau",
    "office",
    "channel",
    "network",
    "list",
}


def _first_start(mentions: list[RawMention]) -> int:
    return min(m.start for m in mentions)


def _short_name_of(name: str, full: str, named_first: bool) -> bool:
    """Is the one-word organisation name ``name`` the short name of ``full``? When ``full`` starts
    with it and ends in a word that says only what kind of body it is ("InfoCision" for
    "InfoCision Management Corp.", "Labor" for "the Labor Party"); or when ``full`` was named
    first (``named_first``), as a short name refers back to a full one, and either starts with it
    and does not end in a word for a part of the organisation ("Pew Research Center … Pew said",
    not "U.N. Security Council"), or has it as the head of an "X of Y" name ("the American
    Academy of Neurology … the Academy said"). A longer name named only after the short one,
    ending otherwise, is a part or a product of it: "Apple … the Apple Support Forums", "Google …
    Google Books"."""
    words = full.split()
    if words[0] != name:
        # "the American Academy of Neurology … the Academy said": the head of an "X of Y" name
        return named_first and any(w == name and after == "of" for w, after in itertools.pairwise(words[1:]))
    last = words[-1].lower().rstrip(".")
    return last in _KIND_OF_BODY or (named_first and last not in _PART_OF_BODY)


def _one_type_per_name(groups: dict[tuple[str, str], list[RawMention]], order: list[tuple[str, str]]) -> None:
    """One name in one article names one thing, which the model may type differently sentence by
    sentence ("Lisbon" a place, then an organisation). The place, body and people groups of one
    name join under the type most of their mentions have. Mentions before a noun count only for a
    people whose name ends like one ("Honduran officials"): the model types towns as bodies in
    "Anaheim police" and "Newtown officials". On a tie, such a people first ("Sri Lankan", "Thai"),
    else a place.

    A name typed a person is left apart: the model takes unknown capitalised words (a mountain, a
    drug, a village) for people more often than the reverse, so neither side can be trusted.
    """
    by_name: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key in order:
        if key[0] != "PERSON":
            by_name[key[1]].append(key)
    for name, keys in by_name.items():
        if len(keys) < 2:
            continue
        people = bool(_DEMONYM_ENDING.search(name))
        first = _TIE_ORDER_PEOPLE if people else _TIE_ORDER
        kept = min(keys, key=lambda k: (-_type_votes(groups[k], people and k[0] == "NORP"), first.index(k[0])))
        for key in keys:
            if key != kept:
                groups[kept].extend(groups.pop(key))
        for m in groups[kept]:
            m.type = kept[0]


_TIE_ORDER = ("GPE", "LOC", "ORG", "NORP")
_TIE_ORDER_PEOPLE = ("NORP", "GPE", "LOC", "ORG")
_DEMONYM_ENDING = re.compile(r"[a-z](?:an|ans|ese|ish|i|is|ite|ites)$")


def _type_votes(mentions: list[RawMention], adjective: bool) -> int:
    return len(mentions) if adjective else sum(not _modifier(m) for m in mentions)


def _modifier(m: RawMention) -> bool:
    """Does the mention stand before a noun it modifies ("the Anaheim police")?"""
    root = m.span.root
    return root.dep_ in {"compound", "nmod", "amod"} and root.head.i > root.i


def _person_canonical(
    m: RawMention, full_people: list[str], mentions: list[RawMention], implied: list[str] = ()
) -> str:
    if len(m.text.split()) >= 2:
        # "Joe Biden" may itself be the short form of "President Joe R. Biden" rarely; keep it.
        # "Van den Broek" opening a sentence is "Hans van den Broek"
        fold = str.lower if m.text.split()[0].lower() in _NAME_PARTICLES else str
        longer = [p for p in full_people if p != m.text and fold(p).endswith(fold(" " + m.text))]
        if not longer and m.text + "s" in full_people and _before_possessive(m.span):
            return m.text + "s"  # "Carl Conyer's mother": the possessive of "Carl Conyers" mistyped
        return longer[0] if len(longer) == 1 else m.text
    candidates = [p for p in full_people if name_form(p.split()[-1]) == name_form(m.text)]
    if not candidates:
        # Family name first ("Kim Dae-jung" … "Kim said"), when no one has it as a last name.
        candidates = [p for p in [*full_people, *implied] if p.split()[0] == m.text]
        if len(candidates) > 1:
            # "Xu Wenli" … "a daughter, Xu Jin" … "Xu said": a relative introduced as one
            # shares the family name; the bare name stays with the other.
            relatives = _relatives(candidates, mentions)
            candidates = [p for p in candidates if p not in relatives]
        if not candidates:
            # A middle name used alone ("Muttaleb" for "Abdul Muttaleb al-Ahmad").
            candidates = [p for p in full_people if m.text in p.split()[1:-1]]
        if not candidates:
            # A misspelt surname ("Jendrzejczck" for "Mike Jendrzejczyk"): one letter off a long one.
            candidates = [p for p in full_people if one_letter_off(p.split()[-1], m.text, MISSPELT_SURNAME)]
        return candidates[0] if len(candidates) == 1 else m.text
    if len(candidates) == 1:
        return candidates[0]
    # Two people share the surname. One introduced as another's relative ("his mother, Sandra
    # Dunn", "her second husband Jeff Davis") is named in full again when meant: the bare name
    # stays with the other. Otherwise it is the one named most recently before this mention.
    kin = _relatives(candidates, mentions)
    if (generation := _generation(m)) is not None:
        # "the younger Goodlatte" after "His son Bobby Goodlatte"; "the elder Goodlatte": the other one.
        children = [p for p in candidates if kin.get(p) in _CHILDREN]
        pick = children if generation == "younger" else [p for p in candidates if p not in children]
        if len(pick) == 1:
            return pick[0]
    if len(others := [p for p in candidates if p not in kin]) == 1:
        return others[0]
    candidates = others or candidates
    best, best_pos = candidates[0], -1
    for other in mentions:
        if other.text in candidates and best_pos < other.start < m.start:
            best, best_pos = other.text, other.start
    return best


def _before_possessive(span: Span) -> bool:
    return span.end < len(span.doc) and span.doc[span.end].text in _POSSESSIVE


def _merge_roles(roles: list[str]) -> list[str]:
    unique: list[str] = []
    for role in roles:
        role = re.sub(r"\s+", " ", role).strip(" ,").rstrip(" -–—")  # "Supervising Producer - Alex Edge"
        if role and role.lower() not in {r.lower() for r in unique}:
            unique.append(role)
    return [r for r in unique if not any(r != o and r.lower() in o.lower() for o in unique)]


# ---------------------------------------------------------------- roles


def _role_word(token: Token) -> bool:
    low = token.lower_.rstrip(".")
    if low == "pm" and (token.text != "PM" or (token.i > 0 and any(c.isdigit() for c in token.doc[token.i - 1].text))):
        return False  # "10:35 PM CT": a time of day, not a prime minister
    return (
        low in _TITLE_HEADS
        or low.split("-")[0] in _TITLE_HEADS
        or (token.text[:1].isupper() and low in TITLE_ABBREVIATIONS and _with_full_stop(token))
    )


def _with_full_stop(token: Token) -> bool:
    """ "Capt." as one token, or "Capt" and "." as two."""
    doc = token.doc
    split_off = token.i + 1 < len(doc) and doc[token.i + 1].text == "." and not token.whitespace_
    return token.text.endswith(".") or split_off


def title_before(span: Span) -> Span | None:
    """The title written right before a name: "NATO Secretary General" in "NATO Secretary General Mark Rutte"."""
    doc = span.doc
    i = span.start - 1
    if i >= span.sent.start and doc[i].lower_ in _TITLE_PREPOSITIONS:
        return None  # "a spokesperson for Ban Ki-moon", "the wife of X": the name is the object
    if i >= span.sent.start and doc[i].lower_ in _APOSTROPHE_S:
        return None  # "the County Sheriff's Office": the name is the title-holder's, not titled
    start = span.start
    root = span.root
    while i >= span.sent.start:
        tok = doc[i]
        low = tok.lower_
        if tok.dep_ == "cc" and root.dep_ == "conj" and tok.head == root.head:
            break  # "leaders A and B": A is not B's title ("Health and Human Services" is no conjunction of names)
        if tok.text in {"-", "–"} or low in {"of", "'s", "’s"} or low in {"-elect", "elect"} or tok.is_space:
            i -= 1  # a doubled space is a token of its own: "NATO chief  Mark Rutte"
            continue
        if tok.text == "." and i > span.sent.start and after_rank(doc[i - 1]) == i + 1:
            i -= 1  # "Col" "." when the tokenizer splits the rank's full stop off
            continue
        if tok.is_punct or low in _DETERMINERS or low in HONORIFICS:
            break
        capitalised = tok.text[:1].isupper()
        if capitalised and tok.pos_ in {"VERB", "AUX"} and i == tok.sent.start:
            break  # "Meeting NATO Secretary General …"
        if capitalised or low in ROLE_MODIFIERS or _role_word(tok):
            start = i
            i -= 1
            continue
        break
    while start < span.start and doc[start].lower_ in {"of", "'s", "’s", "-", "and"}:
        start += 1
    if start >= span.start:
        return None
    title = doc[start : span.start]
    if not any(_role_word(t) for t in title):
        return None
    # Drop leading words that are neither part of the title nor names ("Speaking").
    while len(title) > 1 and title[0].pos_ in {"VERB", "ADV", "ADP", "SCONJ", "CCONJ"} and not _role_word(title[0]):
        title = doc[title.start + 1 : title.end]
    # "spokeswoman for House Speaker Paul Ryan", "an aide to Prime Minister X": a job in lower
    # case before "for"/"to"/"of" whose object is a title of its own is someone else's job (the
    # spokeswoman's); the name's title is what follows ("Minister for Education" and "Secretary
    # of State" stay whole: their heads are capitalised, and "Education" is no title).
    for tok in reversed(title):
        if (
            tok.lower_ in {"for", "to", "of"}
            and tok.i > title.start
            and doc[tok.i - 1].is_lower
            and _role_word(doc[tok.i - 1])
            and any(_role_word(t) for t in doc[tok.i + 1 : title.end])
        ):
            return doc[tok.i + 1 : title.end]
    return title


# Military ranks, written between a post and the name ("NATO Supreme Allied Commander Europe
# General Christopher Cavoli", "Army Chief of Staff Gen. X"), and the words that open a rank of two
# ("Rear Adm.", "Staff Sgt.", "Flight Lt.").
_FULL_RANKS = {"general", "admiral", "colonel", "lieutenant", "captain", "major", "sergeant", "brigadier", "commodore",
               "corporal"}  # fmt: skip
# With their abbreviations: those the lexicon lists as titles ("Gen.", "Lt."), and three it does not.
_MILITARY_RANKS = (
    _FULL_RANKS | {abbr for abbr, full in TITLE_ABBREVIATIONS.items() if full in _FULL_RANKS} | {"maj", "brig", "cpl"}
)
_RANK_OPENERS = {"rear", "vice", "staff", "master", "first", "second", "flight", "group", "wing", "lance"}
# Offices named "X General" whose first word is no role of its own ("Judge Advocate General").
_COMPLETED_BY_GENERAL = {"advocate", "surgeon", "solicitor", "postmaster", "paymaster", "quartermaster", "comptroller",
                         "auditor", "accountant", "registrar", "adjutant", "provost", "vicar", "consul"}  # fmt: skip


def split_rank(title: str) -> list[str]:
    """A title as the post and the rank that ends it, when the words before the rank are a post of
    their own: "NATO Supreme Allied Commander Europe General" is the post "NATO Supreme Allied
    Commander Europe" held by a "General", "Pentagon spokesman Rear Adm." one held by a "Rear
    Adm.". "General" after an office stays in it: "Secretary General", "Attorney General"."""
    words = title.split()
    post = len(words)
    while post > 0 and words[post - 1].lower().rstrip(".") in _MILITARY_RANKS:
        post -= 1
    opener = 0 < post < len(words) and words[post - 1].lower() in _RANK_OPENERS
    if opener and not (post > 1 and words[post - 2].lower() == "of"):  # "Chief of Staff Gen."
        post -= 1
    if post in (0, len(words)) or not _role_words(words[:post]):
        return [title]
    rank, before = words[post:], words[post - 1].lower()
    if [w.lower() for w in rank] == ["general"] and (_role_words([before]) or before in _COMPLETED_BY_GENERAL):
        return [title]
    return [" ".join(words[:post]), " ".join(rank)]


def appositive_role(span: Span) -> str | None:
    """A role in apposition: "Tomas Okafor, leader of the union," / "Britain's foreign secretary, David Lammy"."""
    head = span.root
    # In a list ("Robin Cook and Prince Andrew, the second son of …") the parser hangs the
    # apposition on the first name; it belongs to the name right before it.
    coordinated = [head, *(c for c in head.children if c.dep_ == "conj")]
    if head.dep_ == "conj":
        coordinated += [head.head, *(c for c in head.head.children if c.dep_ == "conj")]
    appositions = [c for t in coordinated for c in t.children if c.dep_ == "appos"]
    for child in appositions:
        if any(span.end <= t.i < child.i for t in coordinated):
            continue
        # A plural ("X, top EU officials and …") is the parser reading a list as an apposition:
        # a group is no one person's role.
        # Nor is a noun run on into the name after it with no comma, dash or bracket between:
        # "CNN senior political analyst David Gergen", parsed as "CNN" and its apposition.
        if child.i >= span.end and child.tag_ not in {"NNS", "NNPS"}:
            words = list(child.subtree)
            if not any(t.is_punct for t in span.doc[span.end : words[0].i]):
                continue
            if any(_role_word(t) for t in words):
                text = span.doc[words[0].i : words[-1].i + 1].text
                return text.strip(" ,")
    if head.dep_ == "appos" and head.head.i < span.start and _role_word(head.head):
        noun = head.head
        # "The head of the armed forces, Gen. X": the noun with what it governs before the name.
        name_part = {t.i for t in head.subtree}
        before = [t.i for t in noun.subtree if t.i < span.start and t.i not in name_part]
        text = span.doc[min(before) : max(before) + 1].text
        return text.split(",")[0].strip()
    return None


def attach_roles(mentions: list[RawMention]) -> list[tuple[int, int]]:
    """Find roles of people; returns the character ranges those titles cover."""
    covered = []
    for m in mentions:
        if m.type != "PERSON":
            continue
        title = title_before(m.span)
        if title is not None:
            m.roles.extend(split_rank(_strip_possessor(title.text)))
            base = m.start - (m.span.start_char - title.start_char)
            covered.append((base, m.start))
        role = appositive_role(m.span) or predicate_role(m.span)
        if role and any(w.lower().strip(".") in _TITLE_HEADS for w in _tidy_appositive(role).split()):
            m.roles.append(_tidy_appositive(role))
    _job_roles(mentions)
    return covered


_JOB_NOUNS = {"job", "post", "position", "role", "seat", "term", "tenure", "office"}


def _job_roles(mentions: list[RawMention]) -> None:
    """ "Gingrich … keeping his job as speaker", "Lund's term as mayor": a role held as a job.

    The job's holder is its possessor: a name, or "his"/"her" standing for the person named
    last before it in the same sentence."""
    people = [m for m in mentions if m.type == "PERSON"]
    for m in people:
        sent = m.span.sent
        for prep in sent:
            if prep.lower_ != "as" or prep.i < m.span.start:
                continue
            # "his job as speaker", or "keeping his job as speaker" with "as" on the verb
            job = prep.head
            if job.lower_ not in _JOB_NOUNS:
                job = next((c for c in job.children if c.dep_ == "dobj" and c.lower_ in _JOB_NOUNS), None)
            role = next((c for c in prep.children if c.dep_ == "pobj" and _role_word(c)), None)
            owner = next((c for c in job.children if c.dep_ == "poss"), None) if job is not None else None
            if role is None or owner is None:
                continue
            if owner.lower_ in {"his", "her"}:
                last = [p for p in people if p.span.sent == sent and p.span.end <= owner.i]
                holds = bool(last) and last[-1] is m
            else:
                holds = m.span.start <= owner.i < m.span.end
            if holds:
                left = min(t.i for t in role.subtree)
                words = [t for t in m.span.doc[left : role.i + 1] if t.lower_ not in _DETERMINERS]
                m.roles.append(" ".join(t.text for t in words))


_COPULAS = {"is", "was", "became", "becomes", "remains", "remained", "serves", "served"}
_LEADS = {"leads": "leader", "led": "leader", "heads": "head", "headed": "head", "chairs": "chair", "runs": "head"}


def predicate_role(span: Span) -> str | None:
    """A role stated as a predicate: "Gingrich became the first Republican House Speaker",
    "Tomas Okafor, who leads the dockworkers' union," -> "leader of the dockworkers' union"."""
    head = span.root
    relcl = next((c for c in head.children if c.dep_ == "relcl"), None)
    subj = next((c for c in relcl.children if c.dep_ == "nsubj"), None) if relcl is not None else None
    if subj is not None and subj.lower_ == "who":
        verb = relcl
    elif head.dep_ == "nsubj":
        verb = head.head
    else:
        return None
    if verb.lower_ in _LEADS:
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is not None:
            words = span.doc[min(t.i for t in obj.subtree) : obj.i + 1]
            return f"{_LEADS[verb.lower_]} of {words.text}"
    if verb.lower_ in _COPULAS:
        attr = next((c for c in verb.children if c.dep_ in {"attr", "oprd"}), None)
        if attr is not None and _role_word(attr):
            left = min(t.i for t in attr.subtree)
            words = [t for t in span.doc[left : attr.i + 1] if t.lower_ not in {"the", "a", "an", "first", "new"}]
            return " ".join(t.text for t in words)
    return None


def _tidy_appositive(text: str) -> str:
    """ "a 34-year-old crane operator who joined …" -> "34-year-old crane operator"; "The
    embattled President" -> "President" (a word that judges is no part of a formal title)."""
    text = re.split(r"\s(?:who|which|that|whose|whom)\s|[,;(]", text)[0]
    text = re.sub(r"(?:\s+(?:at|in|of|for|with|to|and|_))+$", "", text.strip())  # "strategist in Tokyo at"
    text = re.sub(r"^(?:also|now|then|still)\s+", "", text.strip(), flags=re.I)  # "also chairman of …"
    text = re.sub(r"^(?:a|an|the|its|his|her|their)\s+", "", text, flags=re.I)
    words = text.split()
    lead = 0
    while lead < len(words) - 1 and words[lead][:1].islower() and words[lead].lower() not in ROLE_MODIFIERS:
        lead += 1
    # but not a job the capitalised words are the object of: "aide to Prime Minister X" is an
    # aide's role, not a prime minister's (a relative clause goes: "that implicate X's president").
    relative = bool(words) and words[0].lower() in {"who", "which", "that", "whose", "whom"}
    if 0 < lead < len(words) and words[lead][:1].isupper() and (relative or not _role_words(words[:lead])):
        words = words[lead:]
    return " ".join(words)


def _role_words(words: list[str]) -> bool:
    return any(w.lower().strip(".,") in _TITLE_HEADS for w in words)


def _strip_possessor(text: str) -> str:
    """ "the alliance's Secretary General" -> "Secretary General"; keeps "Britain's foreign secretary"."""
    return re.sub(r"^(?:the\s+)?[a-z][\w-]*['’]s\s+", "", text.strip())


def extract_entities(
    paragraphs: list[Paragraph], sent_of: SentenceIndex, known: dict[str, str] | None = None
) -> list[Entity]:
    """Entities of one article."""
    mentions = collect_mentions(paragraphs, sent_of, known)
    covered = attach_roles(mentions)
    org_names = {m.text for m in mentions if m.type == "ORG"}
    mentions = [_cut_at_title(m, covered, org_names) for m in mentions]
    # An organisation inside a person's title is part of the title when it holds a title word
    # ("NATO Supreme Allied Commander Europe"), but "NATO" alone stays an organisation.
    kept = [m for m in mentions if m.type == "PERSON" or not _inside(m, covered) or not any(map(_role_word, m.span))]
    text = "\n".join(p.text for p in paragraphs)
    return [
        e
        for e in merge_mentions(kept)
        if not _common_word_as_person(e, kept, text) and not _thing_named_like_person(e, kept)
    ]


def _thing_named_like_person(entity: Entity, mentions: list[RawMention]) -> bool:
    """Is a "person" a thing with a name, as "an Amber Alert", "a September Amber Alert", "the Amber
    Alert"? A person's name takes no article of its own; a name the article gives only right after
    one (or after one and a month), never with a role (not "the Prophet Mohammed") and never as
    the subject of a reporting verb, is the model's mistake. Words between would make it a person
    described ("the late Mary Kennedy", "the Rev. Anne Kitch", "the erratic Andy Pettitte")."""
    if entity.type != "PERSON" or entity.roles:
        return False
    spans = {(m.start, m.end) for m in entity.mentions}
    own = [m for m in mentions if (m.start, m.end) in spans]
    return bool(own) and all(
        _after_article(m.span) and not _speaks_or_titled(m) and not any(map(_role_word, m.span)) for m in own
    )


def _after_article(span: Span) -> bool:
    """Does an article the name's head governs stand right before the name, or before it and a
    month or day or a word of the name the model left out ("an Amber Alert" tagged "Alert")?"""
    doc = span.doc
    root = span.root

    def name_or_date(tok: Token) -> bool:
        if tok.ent_type_ in {"DATE", "TIME"} and tok.is_title:
            return True  # "a September Amber Alert"; not an age ("the 21-year-old Matt")
        return (
            tok.head.i == root.i
            and tok.dep_ == "compound"
            and tok.text[:1].isupper()
            and not tok.text.endswith(".")  # "the Rev. Anne Kitch", "the Gen. …": a title
            and tok.lower_ not in HONORIFICS
            and not _role_word(tok)
        )

    return root.tag_ == "NNP" and any(
        c.dep_ == "det"
        and c.lower_ in {"a", "an", "the"}
        and c.i < span.start
        and all(name_or_date(t) for t in doc[c.i + 1 : span.start])
        for c in root.children
    )


def _common_word_as_person(entity: Entity, mentions: list[RawMention], text: str) -> bool:
    """Is a one-word "person" a common word the article also writes in lower case ("Rebels said
    …" beside "the rebels", "Grandfather", "Browsers have the potential")? A person named by
    one word alone, with no full name for it to join, no role and no honorific, whose name the
    article uses as an ordinary word, is the model's mistake."""
    name = entity.name
    if entity.type != "PERSON" or not name.isalpha() or not name[:1].isupper() or name.isupper() or entity.roles:
        return False
    if any(m.text == name and (m.roles or _after_honorific_word(m.span)) for m in mentions):
        return False
    return re.search(rf"\b{name.lower()}\b", text) is not None


def _cut_at_title(m: RawMention, covered: list[tuple[int, int]], org_names: set[str]) -> RawMention:
    """An organisation the model ran into the title after it ("NATO Supreme Allied" before
    "Commander Europe General Christopher Cavoli") is cut back to the organisation the article
    names elsewhere ("NATO"); otherwise every "NATO" of the article would merge under the longer
    name."""
    span = m.span
    if m.type != "ORG" or span.end >= len(span.doc) or not _role_word(span.doc[span.end]) or not _inside(m, covered):
        return m
    for end in range(span.end - 1, span.start, -1):
        prefix = span.doc[span.start : end]
        if prefix.text in org_names:
            prefix.label_ = span.label_
            return replace(m, text=prefix.text, end=m.start + len(prefix.text), span=prefix)
    return m


def _inside(m: RawMention, ranges: list[tuple[int, int]]) -> bool:
    """Does the mention lie within one of the character ranges (a person's title)?"""
    return any(a <= m.start and m.end <= b for a, b in ranges)
