"""Quotes and their speakers.

Direct and partial quotes come from quotation marks (:mod:`crosswire.quotemarks`); indirect
speech from the parse (a reporting verb with a clausal complement, or "according to X").
Each quote's speaker is found from its reporting verb: the verb's subject, followed through
participles ("…, saying"), pronouns ("he added") and descriptions ("the NATO chief said", "the
writer, who authorities believe was X … the writer warned") to a named person or organisation
of the article; people named together speak jointly ("Dennis and Judy Shepard", then "they").
When that chain breaks, the speaker is None: crosswire never guesses.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from crosswire.entities import SentenceIndex, after_rank, named_by_phrase
from crosswire.lexicon import (
    FEMALE_WORDS,
    MALE_WORDS,
    MANNER_FORMS,
    ORGANISATION_KINDS,
    ORGANISATION_NOUNS,
    PERSON_NOUNS,
    RAISED_VOICE_FORMS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    ROLE_SYNONYMS,
    SPEECH_FORMS,
    inflections,
    is_reporting_verb,
)
from crosswire.model import Entity, Quote, Sentence, Speaker
from crosswire.quotemarks import QuoteSpan, find_quote_spans
from crosswire.sentences import Paragraph
from crosswire.textsim import titled

_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_CLIMB_DEPS = {"advcl", "xcomp", "conj", "ccomp", "pcomp", "acl", "relcl", "parataxis", "prep", "pobj"}
_MALE = {"he", "him", "his"}
_FEMALE = {"she", "her", "hers"}
_PRONOUNS = _MALE | _FEMALE | {"it", "they", "we", "i"}


class SpeakerResolver:
    """Maps a subject token to a named entity of the article."""

    def __init__(
        self,
        entities: list[Entity],
        sentences: list[Sentence],
        sent_spans: list[Span],
        offsets: dict,
        quoted: bytearray,
    ):
        self.entities = entities
        self.quoted = quoted  # 1 where the article text is inside quotation marks
        self.sentences = sentences
        self.sent_spans = sent_spans
        self.offsets = offsets  # id(doc) -> char offset of that doc in the article text
        self.by_char: dict[int, Entity] = {}
        for ent in entities:
            for m in ent.mentions:
                for c in range(m.start, m.end):
                    self.by_char[c] = ent
        self.gender: dict[str, str] = _genders(entities, sent_spans, self.entity_at, self.in_quote)
        self.joint: dict[str, Entity] = {}  # people speaking together, by their joint name
        # A short name two people share ("Pasztor" for Amber and for Rene Pasztor) names neither.
        people = [ent for ent in entities if ent.type == "PERSON"]
        aliases: dict[str, list[Entity]] = {}
        for ent in people:
            for alias in dict.fromkeys(ent.aliases):
                aliases.setdefault(alias, []).append(ent)
        self.person_named = {alias: ents[0] for alias, ents in aliases.items() if len(ents) == 1}
        self.person_named.update((ent.name, ent) for ent in people)
        surnames: dict[str, list[Entity]] = {}
        for ent in entities:
            if ent.type == "PERSON" and len(ent.name.split()) >= 2:
                surnames.setdefault(ent.name.split()[-1], []).append(ent)
        self.by_surname = {name: people[0] for name, people in surnames.items() if len(people) == 1}
        self._pronoun_cache: dict[int, Entity | None] = {}
        # Where each entity stands as a subject: the subject of recent sentences is who a
        # description most likely means ("Netanyahu said … the Israeli leader said"), more
        # than a name last seen as a modifier ("the Clinton administration").
        self.as_subject: dict[str, list[int]] = {}
        self.as_speaker: dict[str, list[int]] = {}  # the same, as the subject of a reporting verb
        # Descriptions the article ties to a name ("the writer, who authorities believe was
        # Haroun Fazil"): (char offset of the noun, the noun, the person).
        self.identities: list[tuple[int, str, Entity]] = []
        # Nouns a naming phrase ties to a name ("a lieutenant colonel named Dane"), by (doc, index).
        self._named_nouns = {
            (id(span.doc), at): name
            for span in sent_spans
            for at, name in named_by_phrase(span.doc, span.start, span.end)
        }
        # The nouns the article introduces each organisation with ("the LCC, a network of
        # activists", "the anti-violence group CeaseFire"), by its name: "the network said" is one
        # of these, not whichever organisation was named last.
        self.introduced_as: dict[str, set[str]] = {}
        # The organisations named in those nouns: "UNICEF, the U.N. children's agency" is under the U.N.
        self.introduced_under: dict[str, set[str]] = {}
        for span in sent_spans:
            for tok in span:
                if self.in_quote(tok):
                    continue
                if tok.dep_ in _SUBJECT_DEPS and (ent := self.entity_at(tok)) is not None:
                    self.as_subject.setdefault(ent.name, []).append(self.char(tok))
                    if is_reporting_verb(tok.head):
                        self.as_speaker.setdefault(ent.name, []).append(self.char(tok))
                if tok.pos_ == "NOUN" and tok.tag_ == "NN" and (person := self._identified_person(tok)) is not None:
                    self.identities.append((self.char(tok), tok.lower_, person))
                if (ent := self.entity_at(tok)) is not None and ent.type == "ORG":
                    for noun in self._introducing_nouns(tok, ent):
                        self.introduced_as.setdefault(ent.name, set()).add(noun.lower_)
                        for word in noun.subtree:
                            parent = self.entity_at(word)
                            if parent is not None and parent is not ent and parent.type == "ORG":
                                self.introduced_under.setdefault(ent.name, set()).add(parent.name)

    def in_quote(self, token: Token) -> bool:
        """Is the token inside quotation marks (the quoted words, not the reporter's)?"""
        at = self.char(token)
        return at < len(self.quoted) and bool(self.quoted[at])

    def char(self, token: Token) -> int:
        return self.offsets.get(id(token.doc), 0) + token.idx

    def entity_at(self, token: Token) -> Entity | None:
        ent = self.by_char.get(self.char(token))
        # "said Sgt. Riley": the parser may make the rank the subject; the name after it speaks
        if ent is None and (after := after_rank(token)) is not None and after < len(token.doc):
            ent = self.by_char.get(self.char(token.doc[after]))
        return ent

    def person_at(self, token: Token) -> Entity | None:
        """The person the token names: its entity, or a person named the same way elsewhere in the article."""
        ent = self.entity_at(token)
        if ent is None and token.pos_ == "PROPN":
            # The model does not tag every mention of a name it tagged elsewhere.
            words = [t for t in token.subtree if t.i == token.i or (t.dep_ in {"compound", "flat"} and t.i < token.i)]
            ent = self.person_named.get(" ".join(t.text for t in words))
        return ent if ent is not None and ent.type == "PERSON" else None

    def _identified_person(self, noun: Token) -> Entity | None:
        """The person a common noun is said to be, within its own noun phrase.

        "the writer, Haroun Fazil"; "the writer, who authorities believe was Haroun Fazil";
        "a woman who … identified herself as Nancy"; "the gunman, identified as John Smith".
        """
        name = self._named_nouns.get((id(noun.doc), noun.i))
        if name is not None and (person := self.person_at(name[-1])) is not None:
            return person  # "a lieutenant colonel named Dane", "who gave his name only as Sami"
        for child in noun.children:
            if child.dep_ == "appos" and (person := self.person_at(child)) is not None:
                return person
            if child.dep_ not in {"relcl", "acl"}:
                continue
            clause = list(child.subtree)
            relative = any(t.lower_ in {"who", "whom"} for t in clause)
            for tok in clause:
                if tok.lower_ in _BE and relative:
                    for arg in tok.children:
                        if arg.dep_ in {"attr", "nsubj"} and (person := self.person_at(arg)) is not None:
                            return person
                if tok.lower_ in _IDENTIFYING:
                    for prep in tok.children:
                        if prep.dep_ == "prep" and prep.lower_ == "as":
                            for obj in prep.children:
                                if obj.dep_ == "pobj" and (person := self.person_at(obj)) is not None:
                                    return person
        return None

    def _introducing_nouns(self, tok: Token, org: Entity) -> list[Token]:
        """The organisation nouns that introduce the organisation a word of its name belongs to:
        "the Riverside Alliance, a network of …", "the anti-violence group SafeStreets", "the
        Xinhua news agency". A noun the name only modifies is not it when the noun has a name or
        a phrase of its own: "Airbus parent company EADS", "the United Nations agency for health"."""
        nouns = [
            c for c in tok.children if c.dep_ == "appos" or (c.dep_ in {"compound", "amod", "nmod"} and c.i < tok.i)
        ]

        def names_another(t: Token) -> bool:
            ent = self.entity_at(t)
            return ent is not None and ent is not org

        noun = tok.head
        own_name = any(c.dep_ in {"appos", "compound", "nmod"} and names_another(c) for c in noun.children) or (
            noun.dep_ in {"appos", "compound", "nmod"} and names_another(noun.head)
        )
        own_phrase = any(c.dep_ == "prep" for c in noun.children)
        if tok.dep_ in {"appos", "compound", "nmod"} and not own_name and not own_phrase:
            nouns.append(noun)
        return [
            n
            for n in nouns
            if n.pos_ == "NOUN" and n.tag_ == "NN" and n.lower_ in _ORGANISATION_WORDS and self.entity_at(n) is None
        ]

    def _identity(self, noun: Token, indefinite: bool) -> Entity | None:
        """The person this description was tied to: the same noun; or, for a definite
        description, the description of the same noun (or a synonym) nearest before it, failing
        that the first one after it ("the author complained … The writer, who … was Fazil")."""
        pos = self.char(noun)
        wanted = ROLE_SYNONYMS.get(noun.lower_, {noun.lower_})
        named = _named_modifiers(noun)
        before = after = None
        for at, word, person in self.identities:
            if at == pos:
                return person
            if named and not _carries_modifier(person, named) and _role_qualifiers(person):
                continue  # "the Yugoslav leader" is not "the ethnic Albanian leader Ibrahim Rugova"
            if word in wanted and not indefinite:
                if at < pos:
                    before = person
                elif after is None:
                    after = person
        return before or after

    def speaker(self, ent: Entity | None) -> Speaker | None:
        if ent is None:
            return None
        role = max(ent.roles, key=len) if ent.roles else None
        return Speaker(ent.name, role)

    # -- the subject of a reporting verb, as an entity
    def resolve_subject(self, subj: Token, sentence: int) -> Entity | None:
        plural_name = subj.tag_ == "NNPS" or (subj.tag_ == "NNP" and any(c.lower_ == "the" for c in subj.children))
        if plural_name and (family := self._family(subj.text)) is not None:
            return family
        # "Bert Ammerman of River Vale, New Jersey, … said": the parser may make the person's home
        # the subject and hang the person on it, with the "of" still the person's.
        for child in subj.children:
            if (
                child.i < subj.i
                and child.dep_ in {"nmod", "compound"}
                and any(c.dep_ == "prep" and c.lower_ == "of" and child.i < c.i < subj.i for c in child.children)
                and (person := self.person_at(child)) is not None
            ):
                return self._jointly(child, person)
        if (holder := _apposition_holder(subj)) is not None and (person := self.person_at(holder)) is not None:
            return person
        if (titled := _titled_person_in(subj)) is not None and (person := self.person_at(titled)) is not None:
            return person
        if (body := self._national_body(subj)) is not None:
            return body
        # The subject noun phrase: a name anywhere in it ("NATO chief Mark Rutte").
        for tok in sorted(subj.subtree, key=lambda t: abs(t.i - subj.i)):
            ent = self.entity_at(tok)
            if ent is not None and ent.type in {"PERSON", "ORG", "GPE", "NORP"}:
                # "the Nezavisimaya Gazeta newspaper said": a name the organisation noun carries
                carried = (
                    ent.type == "ORG"
                    and subj.lower_ in ORGANISATION_NOUNS | _BROADCAST_NOUNS | _GOVERNING_BODIES
                    and not any(c.dep_ == "appos" for c in subj.children)  # "the Vatican newspaper, X,"
                )
                linked = (
                    (
                        tok.head.i == subj.i
                        and (
                            tok.dep_ == "appos"
                            or (tok.dep_ in {"compound", "flat"} and (subj.pos_ == "PROPN" or carried))
                        )
                    )
                    or (carried and tok.dep_ == "poss" and subj.lower_ in _GOVERNING_BODIES)
                    or _appositive_across_of(tok, subj)
                    or _apposition_parsed_as_conjunct(tok, subj, ent)
                    or (ent.type == "PERSON" and _one_of_them_named(tok, subj))
                )
                if tok.i == subj.i and ent.type == "NORP" and _indefinite(subj):
                    return None  # "another Republican said": one member of a group, unnamed
                if tok.i == subj.i and ent.type == "NORP" and subj.tag_ in {"NNS", "NNPS"}:
                    return None  # "Republicans say", "the Austrians said": a people or party, no one named
                if tok.i == subj.i and ent.type == "NORP" and _one_member(subj):
                    return self._member_described(subj, sentence)  # "the Kentucky Republican said"
                if tok.dep_ == "appos" and ent.type == "NORP":
                    continue  # "The governor, a Republican, added": a group describes, not names
                if tok.dep_ == "compound" and ent.type in {"GPE", "NORP"} and _person_in_apposition(subj):
                    continue  # "Virgin Islands Del. Stacey Plaskett": where she holds office
                if carried and tok.i != subj.i and (own := self._introduced_as_noun(subj, ent)) is not None:
                    return own  # "UNICEF, the U.N. children's agency … the U.N. agency said": UNICEF
                if tok.i == subj.i or linked:
                    return self._jointly(tok, ent)
        # "Banks said …" where the model tagged this "Banks" as nothing (or as a plural noun).
        if subj.tag_ == "NNP" and (person := self.person_at(subj)) is not None:
            return person
        # "Page says it's …", "Barling described …": a surname the model took for a common noun
        # or, ending in "-ing", for a verb, alone at a sentence's start.
        bare = subj.tag_ in {"NN", "VBG"} and not any(c.dep_ != "punct" for c in subj.children)
        if subj.is_title and (subj.tag_ == "NNS" or bare):
            person = self.person_named.get(subj.text) or self.by_surname.get(subj.text)
            if person is not None:
                return person
        low = subj.lower_
        if low in {"who", "that"} and subj.head.dep_ == "relcl" and subj.head.head.pos_ in {"NOUN", "PROPN"}:
            return self.resolve_subject(subj.head.head, sentence)  # "Netanyahu, who rejected … as ``bunk''"
        if (example := _example_of_group(subj)) is not None:
            return self.person_at(example)  # "some, like Nabil Shaath, said": the one named speaks
        if low == "they":
            return self.resolve_they(subj, sentence)
        if low in _PRONOUNS:
            return self.resolve_pronoun(subj, sentence)
        # "Nobel's will says": the tagger may take "will" for a modal, even as a subject
        noun_tag = subj.tag_ == "NN" or (subj.tag_ == "MD" and subj.dep_ in _SUBJECT_DEPS)
        if (low in _DOCUMENT_NOUNS | _PRESS_PIECES and noun_tag) or _paper_written(subj):
            return self._document_author(subj, sentence)
        if low in _WORDING_NOUNS and (document := _document_worded(subj)) is not None:
            return self._document_author(document, sentence)  # "the terms of Nobel's will"
        if (person := self._named_before_apposition(subj)) is not None:
            return person
        return self.resolve_description(subj, sentence)

    def _member_described(self, noun: Token, sentence: int) -> Entity | None:
        """ "Sen. Rand Paul … issued a statement. ``…,'' said the Kentucky Republican": one member
        of a party or people, described, is the person the last few sentences were about: the
        nearest main-clause subject before the description, outside quotation marks, that names
        a person (not a subject of a clause inside: "Graham said Obama was …"). None when there
        is none, never the group."""
        pos = self.char(noun)
        for index in range(sentence, max(-1, sentence - 4), -1):
            for tok in sorted(self.sent_spans[index], key=lambda t: -t.i):
                if self.char(tok) >= pos or tok.dep_ not in _SUBJECT_DEPS or self.in_quote(tok):
                    continue
                if tok.head.dep_ != "ROOT" and not (tok.head.dep_ == "conj" and tok.head.head.dep_ == "ROOT"):
                    continue
                if (person := self.person_at(tok)) is not None:
                    return person
        return None

    def _national_body(self, noun: Token) -> Entity | None:
        """ "The Malaysian government called it ``disgusting''": a body of state that a nationality
        word describes ("the Palestinian cabinet"), which the model tags as a group (NORP) before a
        common noun, speaks under the name the article gives it."""
        if noun.pos_ != "NOUN" or noun.tag_ != "NN" or noun.lower_ not in _STATE_BODIES:
            return None
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
            return None
        nation = noun.doc[noun.i - 1]
        if nation.head.i != noun.i or nation.dep_ not in {"amod", "compound"} or not nation.text[:1].isupper():
            return None
        ent = self.entity_at(nation)
        if ent is None or ent.type != "NORP":
            return None
        name = f"{nation.text} {noun.lower_}"
        return self.joint.setdefault(name, Entity(name=name, type="ORG"))

    def _introduced_as_noun(self, noun: Token, carried: Entity) -> Entity | None:
        """The one organisation the article introduced, before the noun, with that noun carrying
        the same name: "the U.N. agency" after "UNICEF, the U.N. children's agency" is UNICEF, not
        the United Nations (but "the Nezavisimaya Gazeta newspaper" after "the Kommersant
        newspaper" is the Nezavisimaya Gazeta)."""
        pos = self.char(noun)
        others = [
            ent
            for ent in self.entities
            if ent.type == "ORG"
            and ent is not carried
            and self._fits_introduction(ent, noun)
            and carried.name in self.introduced_under.get(ent.name, ())
            and any(m.start < pos for m in ent.mentions)
        ]
        return others[0] if len(others) == 1 else None

    def _named_before_apposition(self, noun: Token) -> Entity | None:
        """ "On Wednesday Hishammuddin Hussein, Malaysia's acting transport minister, said": the
        parser may read the name as the object of the opening phrase and the title set off by
        commas after it as the subject; the title is an apposition, and the name speaks."""
        if not _is_role_noun(noun):
            return None
        doc = noun.doc
        first = min(t.i for t in noun.subtree if not t.is_punct)
        last = max(t.i for t in noun.subtree if not t.is_punct)
        if first < 2 or last + 1 >= len(doc) or doc[first - 1].text != "," or doc[last + 1].text != ",":
            return None
        person = self.person_at(doc[first - 2])
        return person if person is not None and doc[first - 2].dep_ not in _SUBJECT_DEPS else None

    # -- words of a document: "said a statement from the Foreign Ministry", "the memo said"
    def _document_author(self, noun: Token, sentence: int) -> Entity | None:
        """The writer of a document that speaks: the author its own noun phrase gives ("a
        statement from the ministry", "Smith's letter", "a memo written by him"); for a definite
        document named without one ("the memo said"), the author given at the nearest earlier
        mention of the same noun in the last few sentences. None when no author is given."""
        if (author := self._author_in_phrase(noun, sentence)) is not None or _indefinite(noun):
            return author
        pos = self.char(noun)
        for index in range(sentence, max(-1, sentence - 4), -1):
            for tok in reversed(self.sent_spans[index]):
                if tok.lower_ == noun.lower_ and self.char(tok) < pos and not self.in_quote(tok):
                    return self._author_in_phrase(tok, index)
        # "The embassy issued a strong condemnation …. ``…,'' the statement said": whoever
        # issued something in this sentence or the one before wrote it.
        for index in range(sentence, max(-1, sentence - 2), -1):
            for tok in reversed(self.sent_spans[index]):
                if tok.lower_ not in _ISSUED or self.char(tok) >= pos or self.in_quote(tok):
                    continue
                for subj in (c for c in tok.children if c.dep_ == "nsubj"):
                    author = self.resolve_subject(subj, index)
                    if author is not None and author.type in {"PERSON", "ORG"}:
                        return author
                return None
        return None

    def _author_in_phrase(self, noun: Token, sentence: int) -> Entity | None:
        authors = []
        for child in noun.children:
            if child.dep_ == "poss" and (child.pos_ == "PROPN" or _is_role_noun(child) or child.lower_ == "its"):
                authors.append(child)  # "Smith's letter", "the queen's message", "its citation"
            elif child.dep_ == "compound" and (child.pos_ == "PROPN" or child.lower_ in ORGANISATION_KINDS):
                authors.append(child)  # "a Foreign Ministry statement", "a ministry statement"
            elif child.dep_ == "prep" and (
                child.lower_ in {"from", "by", "of"} or (child.lower_ == "in" and noun.lower_ in _PRESS_PIECES)
            ):
                authors.extend(c for c in child.children if c.dep_ == "pobj")
            elif child.dep_ == "acl" and child.tag_ == "VBN":  # "a memo written by him"
                for agent in child.children:
                    if agent.dep_ == "agent":
                        authors.extend(c for c in agent.children if c.dep_ == "pobj")
        if noun.dep_ == "dobj" and noun.head.lower_ in _ISSUED | _ADOPTED:
            # "the House passed a resolution that condemned …": who issues or adopts it speaks
            authors.extend(c for c in noun.head.children if c.dep_ == "nsubj")
        for author in authors:
            if author.lower_ in {"him", "her"}:
                ent = self._only_person_before(author, sentence)
            elif author.lower_ == "its":
                ent = self.resolve_pronoun(author, sentence)
            else:
                ent = self.resolve_subject(author, sentence) or self._members_body(author)
            if ent is not None and ent.type in {"PERSON", "ORG"}:
                return ent
        return None

    def _members_body(self, noun: Token) -> Entity | None:
        """ "a statement by the 15 EU countries": members an organisation's name qualifies, as the
        authors of one document, write as that organisation."""
        if noun.tag_ != "NNS":
            return None
        for child in noun.children:
            if child.dep_ == "compound" and (ent := self.entity_at(child)) is not None and ent.type == "ORG":
                return ent
        return None

    def _only_person_before(self, pron: Token, sentence: int) -> Entity | None:
        """An object pronoun's person, when the sentence names exactly one person before it."""
        pos = self.char(pron)
        start = self.sentences[sentence].start
        people = {
            ent.name
            for ent in self.entities
            if ent.type == "PERSON"
            for m in ent.mentions
            if start <= m.start < pos and not self.quoted[m.start]
        }
        if len(people) != 1:
            return None
        return next(e for e in self.entities if e.name in people)

    # -- people who speak together: "wrote Jeffrey Lockwood and Stephen Johnson"
    def _jointly(self, tok: Token, ent: Entity) -> Entity:
        """``ent``, or the people it is coordinated with ("Dennis and Judy Shepard") as one speaker;
        likewise countries or organisations named together ("the Netherlands, Germany and France
        said"), when every one coordinated is named."""
        if ent.type in {"GPE", "ORG"}:
            return self._bodies_jointly(tok, ent)
        if ent.type != "PERSON":
            return ent
        first = tok.head if tok.dep_ == "conj" and self.person_at(tok.head) is not None else tok
        members = [self.person_at(first)] + [
            self.person_at(t) for t in first.children if t.dep_ == "conj" and t.tag_ in {"NNP", "NNPS"}
        ]
        names = list(dict.fromkeys(m.name for m in members if m is not None))
        if len(names) < 2:
            return ent
        name = f"{', '.join(names[:-1])} and {names[-1]}"
        return self.joint.setdefault(name, Entity(name=name, type="PERSON"))

    def _bodies_jointly(self, tok: Token, ent: Entity) -> Entity:
        first = tok
        while first.dep_ == "conj" and first.head is not first:
            first = first.head
        chain = [first]
        for t in chain:
            chain.extend(c for c in t.children if c.dep_ == "conj")
        if len(chain) < 2:
            return ent
        members = [self.entity_at(t) for t in chain]
        if any(m is None or m.type not in {"GPE", "ORG"} for m in members):
            return ent  # "the United States and its allies": not all of them named
        names = list(dict.fromkeys(m.name for m in members if m is not None))
        if len(names) < 2:
            return ent
        name = f"{', '.join(names[:-1])} and {names[-1]}"
        return self.joint.setdefault(name, Entity(name=name, type="ORG"))

    def _family(self, word: str) -> Entity | None:
        """ "the Shepards wrote": the people named together who share that family name."""
        for name, group in self.joint.items():
            last = name.split()[-1]
            if word in {last + "s", last + "es"}:
                return group
        return None

    def resolve_quoted(self, obj: Token, sentence: int) -> Entity | None:
        """The one "quoted … as saying", who is not the one quoting: in "she quoted him as
        saying", "him" is someone other than whoever "she" is (and she is a woman)."""
        quoting = None
        for subj in (c for c in obj.head.children if c.dep_ in _SUBJECT_DEPS and not self.in_quote(c)):
            quoting = self.resolve_subject(subj, sentence)
            if quoting is not None:
                self.note_pronoun(subj, quoting)
        quoted = self.resolve_subject(obj, sentence)
        return None if quoted is not None and quoted is quoting else quoted

    def resolve_they(self, pron: Token, sentence: int, depth: int = 0) -> Entity | None:
        """People named together ("Lockwood and Johnson wrote … they wrote"), when they are the
        nearest plural subject before the pronoun; any other group ("officials") means None."""
        key = self.char(pron)
        if depth > 4:
            return None
        for index in range(sentence, max(-1, sentence - 3), -1):
            for tok in sorted(self.sent_spans[index], key=lambda t: -t.i):
                if self.char(tok) >= key or tok.dep_ not in _SUBJECT_DEPS or self.in_quote(tok):
                    continue
                if tok.lower_ == "they":
                    if index < sentence:
                        return self.resolve_they(tok, index, depth + 1)
                    continue
                plural = tok.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "conj" for c in tok.children)
                if not plural or tok.lower_ in _PRONOUNS:
                    continue
                ent = self.resolve_subject(tok, index)
                if ent is not None and ent.name in self.joint:
                    return ent
                if index < sentence:
                    return None
        return None

    def resolve_pronoun(self, pron: Token, sentence: int, depth: int = 0) -> Entity | None:
        """The person (or, for "it", organisation) a subject pronoun stands for.

        Looks at subjects earlier in the same sentence, then at the main subjects of up to
        three preceding sentences; a preceding subject that is the same pronoun is followed
        back in turn ("He was worried … he wrote").
        """
        low = pron.lower_
        if low in {"i", "we", "they"} or depth > 6:
            return None
        key = self.char(pron)
        if key in self._pronoun_cache:
            return self._pronoun_cache[key]
        want = "PERSON" if low in _MALE | _FEMALE else "ORG"
        gender = "m" if low in _MALE else "f" if low in _FEMALE else None
        same = _MALE if gender == "m" else _FEMALE if gender == "f" else {"it"}
        found = None
        for index in range(sentence, max(-1, sentence - 4), -1):
            span = self.sent_spans[index]
            mismatched = False  # a person is this sentence's subject, but "she" cannot be him
            missed = _lost_subject(span.root)  # the subject the parser hung elsewhere
            for tok in sorted(span, key=lambda t: (len(list(t.ancestors)), -t.i)):
                at = self.char(tok)
                if at >= key or (
                    tok.dep_ not in _SUBJECT_DEPS
                    and (missed is None or tok.i != missed.i)
                    and _named_as_example(tok) is None
                    and not (index == sentence - 1 and gender is not None and _source_according_to(tok))
                ):
                    continue
                if self.in_quote(tok) or (tok.lower_ in {"who", "that"} and tok.head.dep_ == "relcl"):
                    continue  # a relative clause describes its noun; the pronoun goes on a clause's subject
                if tok.dep_ in _SUBJECT_DEPS and _small_clause(tok.head):
                    continue  # "found Adem shot dead": the subject of a small clause is no topic
                if index == sentence and _co_subjects(tok, pron):
                    continue  # "with his fiancee, Rhonda Rouer, he complained": an apposition taken for a subject
                if index == sentence and tok.pos_ == "NOUN" and _in_reported_clause(tok, pron.head):
                    continue  # "the speaker wants …, she says": not who reports what the speaker wants
                if tok.lower_ in _PRONOUNS:
                    if tok.lower_ in same and index < sentence:
                        found = self.resolve_pronoun(tok, index, depth + 1)
                        if found is not None:
                            break
                    continue
                ent = self.resolve_subject(tok, index)
                if ent is None and index < sentence and tok.lower_ in _ANSWER_NOUNS:
                    # "Warren-Boulton's answer was not the one Lacovara had been after. ``…,'' he
                    # said": the one whose answer it is goes on speaking
                    ent = next((p for c in tok.children if c.dep_ == "poss" and (p := self.person_at(c))), None)
                if ent is None and tok.tag_ == "VBG" and (behind := _subject_behind_participle(tok.head)) is not None:
                    ent = self.resolve_subject(behind, index)
                asked = self._asked_one(tok, index, gender) if ent is not None and index < sentence else None
                if asked is not None and asked is not ent and not self._asks_again(pron, sentence):
                    found = asked  # "Host Wallace asked the senator …. ``I think …,'' he said"
                    break
                if ent is not None and want == "PERSON" and _a_thing_named(tok):
                    continue  # "when the Bluefin went deeper …. ``…,'' he told CNN": no one "he" stands for
                if ent is not None and ent.type == want and self._gender_ok(ent, gender):
                    found = ent
                    break
                if ent is not None and ent.type == want:
                    mismatched = True
                if (
                    ent is None
                    and index < sentence
                    and tok.head.dep_ == "ROOT"
                    and (_is_role_noun(tok) or _unnamed_person(tok) or _kin_of_gender(tok, gender))
                ):
                    # "the speaker seemed unable …. he said", "Another witness said …. she said",
                    # "The baby's anguished father … writhed …. “…,” he moaned": the pronoun
                    # stands for someone the article does not name; a person further back would
                    # be a guess.
                    self._pronoun_cache[key] = None
                    return None
            if found is None and mismatched:
                found = self._other_of_gender(index, key, gender)
            if found is not None:
                break
        if found is not None and low in {"him", "her"} and pron.dep_ != "poss":
            # "… bashed Gates. One showed him saying …": "him" is the man named last, when one is
            since = self._named_since(found, key, gender)
            known = [p for p in since if self.gender.get(p.name) == gender]
            if since:
                found = known[0] if len(since) == 1 and known else None
        self._pronoun_cache[key] = found
        return found

    def _asked_one(self, subj: Token, sentence: int, gender: str | None) -> Entity | None:
        """The person the subject asked, when the subject's verb is "ask" with a person as its
        object ("Host Chris Wallace asked the senator what he made of …", "asked Graham
        whether …"): the one who answers in the next sentence."""
        verb = subj.head
        if subj.dep_ != "nsubj" or verb.lower_ not in _ASK_FORMS:
            return None
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            if obj.lower_ in _PRONOUNS or self.in_quote(obj):
                return None
            person = self.person_at(obj)
            if person is None and _is_role_noun(obj):
                person = self.resolve_description(obj, sentence)
            if person is not None and person.type == "PERSON" and self._gender_ok(person, gender):
                return person
        return None

    def _asks_again(self, pron: Token, sentence: int) -> bool:
        """Is the pronoun's own sentence a question, or does it ask ("``Why?'' he said", "he
        asked")? Then the one who asked before asks again."""
        if pron.head.lower_ in _ASK_FORMS:
            return True
        start = self.sentences[sentence].start
        return "?" in self.sentences[sentence].text[: self.char(pron) - start]

    def _named_since(self, ent: Entity, before: int, gender: str | None) -> list[Entity]:
        """The other people who may have the gender named, outside quotation marks, after the
        last mention of ``ent`` before the offset ``before``: an object pronoun ("him") goes on
        the person named last more than on a subject further back."""
        last = max((m.start for m in ent.mentions if m.start < before), default=-1)
        named = {
            other.name: other
            for other in self.entities
            if other is not ent and other.type == "PERSON" and self._gender_ok(other, gender)
            for m in other.mentions
            if last < m.start < before and not self.quoted[m.start]
        }
        return list(named.values())

    def _other_of_gender(self, index: int, before: int, gender: str | None) -> Entity | None:
        """ "Anwar designated his wife, Azizah Ismail, …. She called …": when the subject of a
        sentence is a man, "she" goes on the one woman the sentence names (and the reverse)."""
        sentence = self.sentences[index]
        people = {
            ent.name: ent
            for ent in self.entities
            if ent.type == "PERSON" and gender is not None and self.gender.get(ent.name) == gender
            for m in ent.mentions
            if sentence.start <= m.start < min(sentence.end, before) and not self.quoted[m.start]
        }
        return next(iter(people.values())) if len(people) == 1 else None

    def _gender_ok(self, ent: Entity, gender: str | None) -> bool:
        return gender is None or self.gender.get(ent.name, gender) == gender

    def note_pronoun(self, pron: Token, ent: Entity) -> None:
        low = pron.lower_
        if low in _MALE:
            self.gender.setdefault(ent.name, "m")
        elif low in _FEMALE:
            self.gender.setdefault(ent.name, "f")

    def resolve_description(self, noun: Token, sentence: int) -> Entity | None:
        """ "the minister", "the NATO chief", "the company" -> the entity that role or noun names.

        The head noun must match one of a person's roles (or a synonym: "chief" for "Secretary
        General"), or, for organisations, be a word of its name or the noun the article introduced
        it with ("the network": "the LCC, a network of activists"); a kind of organisation alone
        ("the group", "the ministry") fits none. Modifiers ("NATO", "Ukrainian") break ties; then
        the entity mentioned most recently before the description, or, when none was, the one
        named just after it ("the prime minister … Prime Minister Bulatovic").
        """
        if noun.pos_ not in {"NOUN", "PROPN"} or noun.tag_ in {"NNS", "NNPS"}:
            return None  # "officials say": a group, not one person
        indefinite = _indefinite(noun)
        if not indefinite and self._introduced_unnamed(noun, sentence):
            return None
        if (person := self._identity(noun, indefinite)) is not None:
            return person
        if indefinite:
            return None  # "one resident said": someone the article does not name
        head = noun.lower_
        modifiers = {
            t.lower_.strip(".")
            for t in noun.subtree
            if t.i < noun.i and t.pos_ in {"NOUN", "PROPN", "ADJ"} and t.lower_ not in {"top", "new", "former"}
        }
        named = _named_modifiers(noun)
        # "the Ad-Diyar newspaper": a capitalised word the tagger took for a common noun still names it
        labels = {
            t.lower_
            for t in noun.subtree
            if noun.sent.start < t.i < noun.i and t.pos_ == "NOUN" and t.dep_ == "compound" and t.text[:1].isupper()
        }
        wanted = ROLE_SYNONYMS.get(head, {head})
        pos = self.char(noun)
        scored = []
        # people whose title is the description's own head word (not a synonym: "the Israeli
        # leader" is said of whoever the story is about), none carrying its named modifier
        holders = 0
        for ent in self.entities:
            if ent.type == "PERSON":
                roles = " | ".join(ent.roles).lower()
                if not any(titled(role, w) for role in ent.roles for w in wanted):
                    continue
                role_words = {w.strip(".,") for w in roles.replace("-", " ").split()}
                if (modifiers & _PORTFOLIOS) - role_words:
                    continue  # "the prime minister" is not the "Foreign Minister"
                fit = sum(1 for m in modifiers if m in roles.replace(".", "") or m in roles)
                if named and not _carries_modifier(ent, named):
                    holders += any(titled(role, head) for role in ent.roles)
                    if _role_qualifiers(ent):
                        continue  # "the top U.S. diplomat" is not the "Ukrainian Foreign Minister"
            elif ent.type == "ORG" and (self._fits_name(ent, noun) or self._fits_introduction(ent, noun)):
                # A noun that fits no organisation ("the group said" with only a company and a
                # broadcaster named) leaves them all out: the speaker is someone unnamed.
                fit = 1
                own = {w.lower().strip(".") for w in ent.name.split() if w[:1].isupper()} - {head}
                if (named | labels) and own and not (named | labels) & own:
                    continue  # "the Palestinian cabinet" is not the "Israeli Cabinet"
            else:
                continue
            before = [m.start for m in ent.mentions if m.start < pos]
            after = [m.start for m in ent.mentions if m.start > pos]
            if before:
                as_subject = max((at for at in self.as_subject.get(ent.name, ()) if at < pos), default=-1)
                scored.append((fit, 1, as_subject, max(before), ent))
            elif after and (ent.type == "PERSON" or self._fits_name(ent, noun)):
                # "the agency said" before any agency is named: only one whose name says so
                scored.append((fit, 0, 0, -min(after), ent))
        if not scored:
            return self._anaphoric_description(noun, sentence)
        if holders > 1 and holders == sum(1 for *_, ent in scored if ent.type == "PERSON"):
            # "Yugoslavia's prime minister" with two prime ministers in the article, neither
            # described as Yugoslavia's: which one is meant is a guess.
            return None
        best = max(scored, key=lambda x: x[:4])[4]
        if best.type == "ORG" and not self._fits_name(best, noun) and self._other_organisation_since(best, noun, pos):
            return None  # "X, a group, said …. Y said …. the group said": X or Y, a guess
        return best

    def _introduced_unnamed(self, noun: Token, sentence: int) -> bool:
        """ "An American diplomat familiar with the talks said …. ``…,'' the diplomat said": a
        definite description whose noun last stood, in this sentence or the two before, in an
        indefinite phrase naming no one is that unnamed person, not a named one who fits it."""
        if self._identified_person(noun) is not None:
            return False
        pos = self.char(noun)
        for index in range(sentence, max(-1, sentence - 3), -1):
            for tok in reversed(self.sent_spans[index]):
                if self.char(tok) >= pos or tok.lower_ != noun.lower_ or self.in_quote(tok):
                    continue
                return (  # a name ("the Court of Appeal") after "a court" is who it was
                    tok.pos_ == "NOUN"
                    and _indefinite(tok)
                    and tok.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"}
                    and self._identified_person(tok) is None
                    and not self._named_between(tok, noun)
                )
        return False

    def _named_between(self, first: Token, noun: Token) -> bool:
        """ "an official newspaper reported …. The coach wants them back, the Varna Sports Daily
        said. … the newspaper said": an organisation whose name says it is what the noun is,
        named between the indefinite noun and the definite one, was the one first met unnamed."""
        start, end = self.char(first), self.char(noun)
        return any(
            ent.type == "ORG" and self._fits_name(ent, noun) and any(start < m.start < end for m in ent.mentions)
            for ent in self.entities
        )

    def _other_organisation_since(self, org: Entity, noun: Token, before: int) -> bool:
        """Did another organisation speak (the subject of a reporting verb) after ``org``'s last
        mention before the offset, one whose name says no other kind of body than the noun
        ("the Red Crescent said", not "the Trade Commission said", before "the group said")?
        Then a noun that only the article's introduction ties to ``org`` may as well be it."""
        last = max((m.start for m in org.mentions if m.start < before), default=-1)
        kinds = ORGANISATION_KINDS | ORGANISATION_NOUNS
        fitting = _noun_or_stand_ins(noun)
        return any(
            last < at < before
            for ent in self.entities
            if ent is not org and ent.type == "ORG" and not ({w.lower() for w in ent.name.split()} & kinds) - fitting
            for at in self.as_speaker.get(ent.name, ())
        )

    def _fits_name(self, org: Entity, noun: Token) -> bool:
        """Does the organisation's name say the noun? A name ("Pew") must be a word of it; a common
        noun, or one it stands for, a word of it ("the ministry": "Foreign Ministry"; "the
        company": "Velmont Corp.") or the plural it ends in ("the airline": "American Airlines")."""
        names = [
            [_NAME_ABBREVIATIONS.get(w, w) for w in re.findall(r"[\w'’-]+", name.lower())]
            for name in (org.name, *org.aliases)
        ]
        if noun.pos_ == "PROPN":
            return any(noun.lower_ in words for words in names)
        wanted = _noun_or_stand_ins(noun)
        if noun.lower_ in _PAPER_NOUNS:
            wanted |= _MASTHEAD_WORDS  # "the newspaper said": the China Sports Daily, The Denver Post
        return any(
            words and (wanted & set(words) or any(words[-1] in {w + "s", w + "es"} for w in wanted)) for words in names
        )

    def _fits_introduction(self, org: Entity, noun: Token) -> bool:
        """Did the article introduce the organisation with the common noun, or one it stands for?
        ("the network": "the LCC, a network of activists"; "the company": "X, a telemarketing firm")."""
        return noun.pos_ == "NOUN" and bool(_noun_or_stand_ins(noun) & self.introduced_as.get(org.name, set()))

    def _anaphoric_description(self, noun: Token, sentence: int) -> Entity | None:
        """ "Rubin acknowledged that …. But the former trader … warned that …": a definite
        description no role of the article matches, as the subject of a reporting verb, stands for
        the one person the sentence before names as its main subject, when no one else is named in
        that sentence or in this one before the description, and the noun is not used earlier."""
        if sentence == 0 or not is_reporting_verb(noun.head) or noun.dep_ != "nsubj":
            return None
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
            return None
        if any(c.dep_ in {"poss", "compound", "appos"} or c.pos_ == "PROPN" for c in noun.children):
            return None
        if noun.lower_ in ROLE_HEADS | ORGANISATION_KINDS | ORGANISATION_NOUNS | _DOCUMENT_NOUNS:
            return None  # a title no one holds is someone new ("the spokesman said")
        if not any(c.dep_ == "amod" for c in noun.children):
            return None  # an epithet describes the one it stands for ("the former trader")
        # "met the new envoy. The envoy said": a noun used before is that earlier one
        for span in self.sent_spans[: sentence + 1]:
            if any(t.lower_ == noun.lower_ and t.i != noun.i and self.char(t) < self.char(noun) for t in span):
                return None
        previous, current = self.sentences[sentence - 1], self.sentences[sentence]
        if current.paragraph - previous.paragraph > 1:
            return None
        pos = self.char(noun)
        named = {
            ent.name
            for ent in self.entities
            if ent.type in {"PERSON", "ORG", "NORP"}
            for m in ent.mentions
            if previous.start <= m.start < pos and not self.quoted[m.start]
        }
        if len(named) != 1:
            return None
        (name,) = named
        main = [t for t in self.sent_spans[sentence - 1] if t.dep_ == "nsubj" and t.head.dep_ == "ROOT"]
        if len(main) != 1 or self.in_quote(main[0]) or (ent := self.entity_at(main[0])) is None:
            return None
        return ent if ent.name == name and ent.type == "PERSON" else None


# Documents that "say" things for whoever wrote them.
_DOCUMENT_NOUNS = {
    "statement",
    "memo",
    "memorandum",
    "letter",
    "message",
    "note",
    "report",
    "communique",
    "filing",
    "leaflet",
    "pamphlet",
    "resolution",
    "declaration",
    "citation",
    "will",
    "testament",
    "manifesto",
}
_ISSUED = {"issued", "released", "published", "posted", "sent"}
#: Kinds of paper that are documents ("position paper", "white paper").
_DOCUMENT_PAPER_KINDS = {"position", "white", "policy", "discussion", "working", "research", "consultation"}
#: Nouns for a broadcaster that carry its name ("Moscow's NTV station said"); not organisation
#: nouns for the entity rules, since a railway or space station is a place.
_BROADCAST_NOUNS = {"station", "channel", "radio", "television"}
#: The body that speaks for an organisation it is named with ("the AAAS board of directors
#: wrote", "Brightwell's board said"): the organisation is the speaker.
_GOVERNING_BODIES = {"board"}
#: Nouns for the words of a document ("the text of the resolution", "the terms of his will").
_WORDING_NOUNS = {"terms", "text", "wording", "language"}


def _paper_written(noun: Token) -> bool:
    """ "the academy's new position paper", "a white paper": a paper that is a document, not a
    newspaper, which "the paper said" usually is."""
    return noun.lower_ in {"paper", "papers"} and any(
        c.dep_ in {"compound", "amod"} and c.lower_ in _DOCUMENT_PAPER_KINDS for c in noun.children
    )


def _document_worded(noun: Token) -> Token | None:
    """The document whose words ``noun`` ("terms", "text") is: the object of its "of"."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            return next((c for c in prep.children if c.dep_ == "pobj" and c.lower_ in _DOCUMENT_NOUNS), None)
    return None


# Bodies of a state, which a nationality word names ("the Malaysian government").
_STATE_BODIES = {
    "government",
    "cabinet",
    "parliament",
    "legislature",
    "military",
    "army",
    "navy",
    "embassy",
    "junta",
    "regime",
    "administration",
    "leadership",
}
_ADOPTED = {"passed", "adopted", "approved"}
# What a noun for a kind of organisation also stands for: an article that introduces "a
# telemarketing firm" goes on with "the company said", and the "movement", "network" or
# "organization" it introduced, or a "Front" it named, with "the group said". "The agency" is
# also the Administration or the Service its name says it is.
_STANDS_FOR = {
    "company": {"firm", "corporation"},
    "firm": {"company", "corporation"},
    "corporation": {"company", "firm"},
    "group": {"network", "movement", "organization", "organisation", "front"},
    "network": {"group", "movement"},
    "movement": {"group", "network"},
    "agency": {"administration", "service"},
}


def _noun_or_stand_ins(noun: Token) -> set[str]:
    """The common noun and the nouns it stands for (:data:`_STANDS_FOR`): "company", "firm", "corporation"."""
    return {noun.lower_} | _STANDS_FOR.get(noun.lower_, set())


# "InfoCision Management Corp.", "Velm Foods Inc.", "Ford Motor Co.": what the abbreviation in a
# name says the organisation is.
_NAME_ABBREVIATIONS = {"corp": "corporation", "inc": "corporation", "co": "company", "ltd": "company", "plc": "company"}
# Nouns for an organisation, which an article may introduce one with.
_ORGANISATION_WORDS = ORGANISATION_KINDS | ORGANISATION_NOUNS | {w for ws in _STANDS_FOR.values() for w in ws}
# Nouns for a newspaper, and the words of newspapers' names that say they are one; these
# name words are kept out of _ORGANISATION_WORDS, since "post" and "times" are common nouns too.
_PAPER_NOUNS = {"newspaper", "paper", "daily"}
_MASTHEAD_WORDS = {"daily", "times", "post", "journal", "herald", "gazette", "tribune", "newspaper"}
# Pieces of a publication, which speak for it: "an editorial in the daily Eleftherotypia".
_PRESS_PIECES = {"editorial", "commentary", "column"}
#: What someone says in reply, whose owner is the topic a pronoun goes on with.
_ANSWER_NOUNS = {"answer", "reply", "response", "retort", "testimony"}


# Word forms, not lemmas: the pipeline runs without its lemmatizer.
_BE = {"is", "was", "be", "been", "being", "are", "were", "'s"}
_IDENTIFYING = {"identified", "identifies", "identifying", "named", "names"}
_QUOTE_FORMS = {"quote", "quoted", "quotes", "quoting", "cited", "cites", "citing"}
# Reporting verbs whose object is the one spoken to, not the speaker.
_HEARER_VERBS = frozenset(f for verb in ("tell", "ask", "urge", "warn", "assure", "remind") for f in inflections(verb))
_TELL_FORMS = frozenset(inflections("tell"))
_ASK_FORMS = frozenset(inflections("ask"))
# Role words that say which office a title is ("prime minister", "foreign minister", "deputy …"):
# a description that has one is not a holder whose title lacks it.
_PORTFOLIOS = {
    "prime",
    "foreign",
    "defence",
    "defense",
    "finance",
    "interior",
    "home",
    "labour",
    "labor",
    "health",
    "education",
    "energy",
    "economy",
    "trade",
    "justice",
    "deputy",
    "vice",
}
# Nouns and verbs a quoted offence follows: "charges of ``…''", "convicted of ``…''".
_OFFENCE_NOUNS = {"charge", "charges", "count", "counts", "sentence", "sentences", "conviction", "convictions"}
_CONVICTED = {"convicted", "acquitted", "guilty", "jailed", "sentenced", "imprisoned"}
# Nouns for words a crowd raises: "shouts of ``…''", "a chant of ``…''".
_OUTCRIES = {"shout", "shouts", "chant", "chants", "cry", "cries", "chorus", "cheers", "screams", "yells", "roar"}
_LEAD_FORMS = {"lead", "leads", "led", "leading"}
# Passives whose subject still speaks: "he was quoted (as saying)", "was heard to say", "was reported".
_SPEAKER_PASSIVES = {"quoted", "heard", "overheard", "recorded", "reported", "cited"}
_HEARD = {"heard", "overheard", "hears", "overhears", "recorded", "records", "caught", "saw", "watched"}


def _appositive_across_of(name: Token, subj: Token) -> bool:
    """ "The chairman of the panel, Archbishop Desmond Tutu, said": the parser hangs the name on
    "panel", but a panel is not a person, so the name is the chairman's. Also across a chain of
    phrases ("the leader of the Communist Refounding Party in Parliament, Fausto Bertinotti,"),
    when the name is a person's and no phrase on the way holds one."""
    if name.dep_ != "appos" or not _is_role_noun(subj):
        return False
    holder, depth = name.head, 0
    while depth < 3 and holder.dep_ == "pobj" and holder.head.dep_ == "prep":
        not_a_person = (holder.pos_ == "NOUN" and holder.lower_ not in ROLE_HEADS) or (
            depth + (holder.head.head.i != subj.i) > 0
            and name.ent_type_ == "PERSON"
            and holder.ent_type_ in {"ORG", "GPE", "LOC", "FAC", "NORP"}
        )
        if not not_a_person:
            return False
        if holder.head.head.i == subj.i:
            return True
        holder, depth = holder.head.head, depth + 1
    return False


def _apposition_parsed_as_conjunct(name: Token, subj: Token, ent: Entity) -> bool:
    """ "the minority whip, Rep. David Bonior, Democrat of Michigan, said": the parser may join
    the name to the noun as a second conjunct; with no "and" or "or" between them, it is an
    apposition, and names the one the noun describes."""
    if name.dep_ != "conj" or name.head.i != subj.i or subj.pos_ != "NOUN" or ent.type != "PERSON":
        return False
    first = min(t.i for t in name.subtree)
    return subj.doc[first - 1].text == "," and not any(c.dep_ == "cc" for c in subj.children)


def _one_of_them_named(name: Token, subj: Token) -> bool:
    """ "said one of Anwar's lawyers, Pawancheek Marican": the parser hangs the name on the plural
    noun, but one name in apposition to "one of" a group names the one, not the group (a list of
    names, "two of his aides, X and Y", names no one speaker)."""
    group = name.head
    return (
        name.dep_ == "appos"
        and subj.lower_ in {"one", "another"}
        and group.dep_ == "pobj"
        and group.tag_ == "NNS"
        and group.head.lower_ == "of"
        and group.head.head.i == subj.i
        and not any(c.dep_ == "conj" for c in name.children)
    )


_APPOSITION_PREPOSITIONS = {"to", "for", "of", "at", "with"}


def _apposition_holder(subj: Token) -> Token | None:
    """ "Ken Johnson, an aide to Rep. W.J. (Billy) Tauzin, R-La., said": the parser may take the
    name inside the apposition for the verb's subject. When the subject's phrase follows "NAME, a
    ROLE to|for|of …" with no verb on the way, NAME (its last word) is the subject."""
    if subj.pos_ != "PROPN":
        return None
    doc = subj.doc
    first = min(t.i for t in subj.subtree)
    # spaCy's own sentence may start inside the apposition ("(Billy) | Tauzin"): look back over
    # the tokens instead, up to a verb or a full stop.
    for comma in range(first - 1, max(0, first - 14), -1):
        tok = doc[comma]
        if tok.pos_ in {"VERB", "AUX"} or tok.text in {".", "!", "?", ";"}:
            return None
        if tok.text != "," or doc[comma - 1].ent_type_ != "PERSON":
            continue
        at = comma + 1
        while at < first and doc[at].dep_ in {"det", "amod", "compound"} and not _is_role_noun(doc[at]):
            at += 1
        if (
            at + 1 < first
            and (_is_role_noun(doc[at]) or doc[at].lower_ in PERSON_NOUNS)
            and doc[at + 1].lower_ in _APPOSITION_PREPOSITIONS
            # the subject must lie inside the apposition: "Erskine Bowles, the White House chief
            # of staff, after Carville appeared …" is not Bowles speaking
            and not any(t.text == "," or t.pos_ in {"ADP", "SCONJ"} for t in doc[at + 2 : first])
        ):
            return doc[comma - 1]
        return None
    return None


def _titled_person_in(subj: Token) -> Token | None:
    """ "said University of Sao Paulo political scientist Eduardo Kugelmas": the parser may make the
    institution the head of the subject; the person its role noun introduces speaks."""
    if subj.ent_type_ not in {"ORG", "GPE", "NORP", "FAC"}:
        return None
    doc = subj.doc
    # the parser may make a full stop the subject ("DeOrr Kunz Sr. says" cut at the dot)
    end = max((t.i for t in subj.subtree if not t.is_punct), default=None)
    if end is None:
        return None
    for tok in subj.subtree:
        if tok.i > subj.i and tok.ent_type_ == "PERSON" and tok.ent_iob_ == "B" and _is_role_noun(doc[tok.i - 1]):
            last = tok
            while last.i + 1 < len(doc) and doc[last.i + 1].ent_iob_ == "I":
                last = doc[last.i + 1]
            path, link = [], last
            while link.i != subj.i and link.head.i != link.i:
                path.append(link.dep_)
                link = link.head
            # the name ends the subject's own phrase, not an apposition inside it
            if last.i == end and link.i == subj.i and "appos" not in path:
                return tok
    return None


def _named_modifiers(noun: Token) -> set[str]:
    """The capitalised words before a description's noun ("the top U.S. diplomat": "u.s"; "the
    Yugoslav leader": "yugoslav"), the sentence's first word left out."""
    return {
        t.lower_.strip(".")
        for t in noun.subtree
        if t.i < noun.i and t.pos_ in {"PROPN", "ADJ"} and t.text[:1].isupper() and t.i > noun.sent.start
    }


def _carries_modifier(ent: Entity, named: set[str]) -> bool:
    roles = " | ".join(ent.roles).lower()
    return any(m in roles.replace(".", "") or m in roles for m in named)


def _role_qualifiers(ent: Entity) -> set[str]:
    """The capitalised words of a person's roles that are neither titles nor their usual
    modifiers: "Ukrainian" in "Ukrainian Foreign Minister", "Albanian" in "Albanian leader"."""
    return {
        w.strip(".").lower()
        for role in ent.roles
        for w in role.split()
        if w[:1].isupper() and w.lower() not in ROLE_HEADS and w.lower() not in ROLE_MODIFIERS
    }


def _indefinite(noun: Token) -> bool:
    return any(t.lower_ in {"a", "an", "one", "another", "some"} for t in noun.children)


def _one_member(noun: Token) -> bool:
    """ "the Kentucky Republican", "the Ohio Democrat": a party or people's word in the singular,
    after "the", is one member of it (a person the article names elsewhere), not the group.
    An acronym ("the GOP") is the party itself."""
    return (
        noun.tag_ == "NNP"
        and not noun.text.isupper()
        and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
    )


def _a_thing_named(tok: Token) -> bool:
    """ "the Bluefin went deeper": a one-word name after "the", with nothing else in its phrase,
    names a thing (a vessel, a vehicle, a machine), not a person; people are named without an
    article ("Bluefin said") or with a title ("the Rev. Al Sharpton")."""
    return (
        tok.pos_ == "PROPN"
        and tok.tag_ == "NNP"
        and [c.dep_ for c in tok.children] == ["det"]
        and next(tok.children).lower_ == "the"
    )


_GROUP_WORDS = {"some", "many", "others", "several", "few", "most"}


def _example_of_group(subj: Token) -> Token | None:
    """ "some, like Nabil Shaath, said": the one person named as an example of a group."""
    if subj.lower_ not in _GROUP_WORDS and subj.tag_ not in {"NNS", "NNPS"}:
        return None
    for prep in subj.children:
        if prep.dep_ == "prep" and (prep.lower_ in {"like", "including"} or _such_as(prep)):
            objs = [c for c in prep.children if c.dep_ == "pobj"]
            if len(objs) == 1 and not any(c.dep_ == "conj" for c in objs[0].children):
                return objs[0]
    return None


def _named_as_example(tok: Token) -> Token | None:
    """ "For some, like Pal Martins, 34, …": the person named as an example, whatever the parser
    hung "like" on; None unless a group word stands right before it."""
    prep = tok.head
    if tok.dep_ != "pobj" or not (prep.lower_ in {"like", "including"} or _such_as(prep)):
        return None
    before = prep.i - 1 - (prep.lower_ == "as")
    while before >= 0 and tok.doc[before].is_punct:
        before -= 1
    return tok if before >= 0 and tok.doc[before].lower_ in _GROUP_WORDS else None


def _source_according_to(tok: Token) -> bool:
    """ "…, according to Director Nir Yarkoni. ``…,'' he told The Associated Press": the one a
    sentence is sourced to may go on speaking in the next sentence ("he" or "she"), after its
    subjects (who come first)."""
    to = tok.head
    return tok.dep_ == "pobj" and to.lower_ == "to" and to.i > 0 and tok.doc[to.i - 1].lower_ == "according"


def _such_as(prep: Token) -> bool:
    return prep.lower_ == "as" and prep.i > 0 and prep.doc[prep.i - 1].lower_ == "such"


def _is_role_noun(token: Token) -> bool:
    return token.pos_ in {"NOUN", "PROPN"} and token.lower_ in ROLE_HEADS and token.tag_ not in {"NNS", "NNPS"}


def _subjects_of(verb: Token, in_quote=lambda tok: False) -> list[Token]:
    """Candidate speakers of a reporting verb, nearest first.

    The verb's own subject; for a participle or conjunct ("…, saying", "and called for") the
    subject of the verb it hangs from; beyond that, only subjects of reporting verbs higher up
    ("Sybiha said the war was … and called for 'strength'"). A subject inside quotation marks
    (``in_quote``) is the quoted speaker's word, and counts as none.
    """
    found: list[Token] = []
    token = verb
    # "she quoted him as saying", "the paper quoted sources as saying": the object is the one
    # quoted, whatever it is (a pronoun, a group no one names); the subject only reports.
    if (quoted := _quoted_as_saying(verb)) is not None:
        return [] if in_quote(quoted) else [quoted]
    # A name the parser hung on a noun before it: see the function.
    if (name := _lost_subject(verb)) is not None:
        found.append(name)
    # Words reported through someone else: "Hodler quoted Metaxa as saying", "he overheard
    # Metaxa describing them as ``stupid''": the one quoted is the object, not the subject.
    # "quoted the president telling …": a title stands for the one who holds it.
    if verb.lower_ in _QUOTE_FORMS:
        found.extend(_quoted_ones(verb))
    elif verb.tag_ == "VBG" and verb.dep_ in {"advcl", "xcomp", "pcomp"}:
        head = verb.head.head if verb.dep_ == "pcomp" else verb.head
        if head.lower_ in _QUOTE_FORMS | _HEARD:  # not "Biden called Trump, saying …"
            found.extend(_quoted_ones(head))
    # "with the president, Nikola Poplasen, saying that …": the noun after "with" speaks.
    if verb.tag_ == "VBG" and (absolute := _absolute_subject(verb)) is not None:
        found.append(absolute)
    if (clause_subject := _subject_taken_for_object(verb)) is not None:
        found.append(clause_subject)
    if (behind := _subject_behind_participle(verb)) is not None:
        found.append(behind)
    # "… overheard Spyros Metaxa describing them as ``stupid''": the participle's noun speaks.
    if verb.dep_ == "acl" and verb.head.pos_ == "PROPN":
        found.append(verb.head)
    # "The company issued a statement saying: ``…''": whoever issues the statement speaks.
    if verb.dep_ == "acl" and verb.head.lower_ in _DOCUMENT_NOUNS and verb.head.dep_ == "dobj":
        found.extend(c for c in verb.head.head.children if c.dep_ in _SUBJECT_DEPS)
    # "He reaffirmed that Clinton would not resign, saying: ``…''": the parser may hang the
    # participle on the reported clause; set off by a comma, it goes with the one who reports.
    if (
        verb.tag_ == "VBG"
        and verb.dep_ == "advcl"
        and verb.head.dep_ == "ccomp"
        and is_reporting_verb(verb.head.head)
        and verb.head.head.i < verb.head.i  # not "X made remarks, expressing …, the daily reported"
        and verb.doc[verb.i - 1].text == ","
    ):
        token = verb.head.head
    # "``…,'' the Secretary said, adding that …": the parser may hang the participle on a verb
    # inside the quote; right after "said," it goes on from the reporter's verb.
    elif (
        verb.tag_ == "VBG"
        and verb.i >= 2
        and verb.doc[verb.i - 1].text == ","
        and is_reporting_verb(verb.doc[verb.i - 2])
        and verb.head.i != verb.i - 2
        and in_quote(verb.head)
    ):
        token = verb.doc[verb.i - 2]
    for step in range(5):
        if step == 0 or is_reporting_verb(token) or not found:
            inverted = _fronted_topic(token)
            if inverted is not None:
                found.append(inverted[1])
            for child in _nearest_subject_first(token):
                if inverted is not None and child.i in {inverted[0].i, inverted[1].i}:
                    continue
                if child.dep_ == "nsubjpass" and step == 0 and token.lower_ not in _SPEAKER_PASSIVES:
                    continue  # "he was charged with ``…''", "it was called ``…''": said of, not by, him
                if child.dep_ in _SUBJECT_DEPS and _how_often(child):
                    continue  # "he had several times told reporters": the parser's subject is an adverb
                if child.dep_ in _SUBJECT_DEPS and not in_quote(child):
                    found.append(_document_after_name(child) or child)
                elif child.dep_ in _SUBJECT_DEPS:
                    # "``No police. No firemen,'' 17-year-old Omar Haddi, a disc jockey, said": the
                    # parser may take the quote's last noun for the subject and the speaker after
                    # the closing mark for its apposition.
                    found.extend(a for a in child.children if a.dep_ == "appos" and a.i > child.i and not in_quote(a))
                elif child.dep_ == "agent":  # passive: "was told by X"
                    found.extend(g for g in child.children if g.dep_ == "pobj")
            if step > 0 and (lost := _subject_taken_for_object(token)) is not None:
                found.append(lost)
            if not found and step > 0:
                # "``It will take time,'' he said, but added that …": the parser hangs "added" on
                # the quoted verb, and the attribution beside it is a parataxis of that verb.
                for aside in token.children:
                    if aside.dep_ == "parataxis" and is_reporting_verb(aside):
                        found.extend(c for c in aside.children if c.dep_ in _SUBJECT_DEPS and not in_quote(c))
        if token.dep_ in _CLIMB_DEPS and token.head is not token:
            token = token.head
        elif (
            token.dep_ == "acomp"
            and token.lower_ in _SAID_GLADLY
            and verb.head.i == token.i
            and verb.dep_ == "xcomp"
            and _to_infinitive(verb)
        ):
            token = token.head  # "The speaker was right to say …", "she was quick to add …"
        else:
            break
    return [t for t in found if not in_quote(t)]


def _document_after_name(subj: Token) -> Token | None:
    """ "… at the invitation of President Zine El Abidine Ben Ali, an official statement said":
    the parser may take the name that ends the clause before for the subject, and the document
    after the comma for its apposition. No one is a statement: the document says it."""
    if subj.pos_ != "PROPN":
        return None
    for appos in subj.children:
        if (
            appos.dep_ == "appos"
            and appos.i > subj.i
            and appos.lower_ in _DOCUMENT_NOUNS
            and appos.pos_ == "NOUN"
            and any(c.dep_ == "det" and c.lower_ in {"a", "an", "the"} for c in appos.children)
        ):
            return appos
    return None


#: Adjectives that, with "to" and a verb of saying, tell how someone did say it ("was quick to
#: note", "is happy to announce"); not "likely", "able" or "willing", with which it may be unsaid.
_SAID_GLADLY = frozenset(
    {"quick", "careful", "right", "wrong", "happy", "glad", "pleased", "proud", "excited", "delighted"}
    | {"thrilled", "eager", "keen", "sad", "sorry", "first", "fast", "swift", "honored", "honoured"}
)


def _closing_attribution(cue: Token, char, after: int) -> bool:
    """Is ``cue`` the verb of an attribution closing its sentence after the offset ``after``
    (", SAPA and SABC said.", ", the ministry said in a separate statement."): set off by a
    comma, with no verb between the comma and it, and nothing it reports after it? The comma
    may be the last character before ``after`` (newswire's comma inside the closing mark)."""
    if char(cue) < after or any(c.dep_ in {"ccomp", "xcomp"} and c.i > cue.i for c in cue.children):
        return False
    comma = next((t for t in reversed(cue.doc[cue.sent.start : cue.i]) if t.text == ","), None)
    if comma is None or char(comma) < after - 1:
        return False
    return not any(t.pos_ in {"VERB", "AUX"} for t in cue.doc[comma.i + 1 : cue.i])


def _how_often(noun: Token) -> bool:
    """ "several times", "three times", "on many occasions": how often, no one who speaks."""
    return noun.lower_ in {"times", "occasions"} and any(c.dep_ in {"amod", "nummod"} for c in noun.children)


def _co_subjects(a: Token, b: Token) -> bool:
    """Are both subjects of one verb (a parse that took an apposition for a second subject)?"""
    return a.doc is b.doc and a.head.i == b.head.i and a.dep_ in _SUBJECT_DEPS and b.dep_ in _SUBJECT_DEPS


def _nearest_subject_first(verb: Token) -> list[Token]:
    """The verb's children, with its nearest subject first when the parse gives the verb a second
    subject set off by a comma before it: "With his fiancee, Rhonda Rouer, he complained" is an
    apposition taken for a subject, and "he" is the one who complains; "The Justice Department,
    Warden told the judge, was ``…''" is an attribution set inside the clause it reports, whose
    subject, before the comma, is what the report is about. A name goes first only in that case:
    with a clause the verb runs on to after a comma."""
    children = list(verb.children)
    subjects = [c for c in children if c.dep_ in _SUBJECT_DEPS and c.i < verb.i]
    if len(subjects) < 2:
        return children
    nearest = subjects[-1]
    if not any(t.text == "," for t in verb.doc[subjects[-2].i : nearest.i]):
        return children
    if nearest.lower_ not in _MALE | _FEMALE and not (nearest.pos_ == "PROPN" and _runs_on_to_clause(verb)):
        return children
    return [nearest, *(c for c in children if c.i != nearest.i)]


def _runs_on_to_clause(verb: Token) -> bool:
    """Does a verb with no subject of its own follow the verb after a comma, as its conjunct or
    complement ("…, Warden told the judge, was ``…''")?"""
    return any(
        c.dep_ in {"conj", "ccomp"}
        and c.pos_ in {"VERB", "AUX"}
        and verb.doc[c.i - 1].text == ","
        and not any(g.dep_ in _SUBJECT_DEPS for g in c.children)
        for c in verb.children
        if c.i > verb.i
    )


def _quoted_as_saying(verb: Token) -> Token | None:
    """The object of "quoted X as saying" (or "cited X as saying"), for the quoting verb or
    the participle after its "as"."""
    if verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ == "as":
        verb = verb.head.head
    if verb.lower_ not in _QUOTE_FORMS:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    said = (
        prep
        for prep in verb.children
        if prep.dep_ == "prep"
        and prep.lower_ == "as"
        and prep.i > obj.i
        and any(c.dep_ == "pcomp" and c.tag_ == "VBG" and is_reporting_verb(c) for c in prep.children)
    )
    return obj if next(said, None) is not None else None


def _quoted_ones(verb: Token) -> list[Token]:
    """The objects of "quoted"/"heard" that can speak: a name, or a title for its holder."""
    return [c for c in verb.children if c.dep_ == "dobj" and (c.pos_ == "PROPN" or _is_role_noun(c))]


def _fronted_topic(verb: Token) -> tuple[Token, Token] | None:
    """ "Anwar, says the prime minister, is ``despicable''": a reporting verb set off by commas
    inside the clause it reports has its subject after it; the noun before the comma is the
    subject of the reported clause, though the parser may hang it on the verb as its subject
    (and the real subject as an object). Returns (the fronted noun, the inverted subject)."""
    # "As his uncle, R.W. Eaton, told The Denver Post, …": a subordinate clause has its subject
    # before it, and the object of "told" is the one told
    if not is_reporting_verb(verb) or any(c.dep_ == "mark" for c in verb.children):
        return None
    doc = verb.doc
    before = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS and c.i < verb.i]
    after = [
        c
        for c in verb.children
        if c.i > verb.i
        and (
            c.dep_ in _SUBJECT_DEPS
            or (c.dep_ == "dobj" and c.pos_ in {"NOUN", "PROPN"} and verb.lower_ not in _TELL_FORMS)
        )
        and min(t.i for t in c.subtree) == verb.i + 1
        and max(t.i for t in c.subtree) + 1 < len(doc)
        and doc[max(t.i for t in c.subtree) + 1].text == ","
    ]
    if len(before) != 1 or len(after) != 1 or not any(t.text == "," for t in doc[before[0].i + 1 : verb.i]):
        return None
    return before[0], after[0]


def _recalled_speech(cue: Token, in_quote) -> Token:
    """ "``…,'' the executive recalls Klein saying": when the cue's complement is a participle or
    bare infinitive of speech with a subject of its own and nothing reported of its own, the
    quoted words are what that inner verb reports, and its subject speaks."""
    for comp in cue.children:
        if comp.dep_ not in {"ccomp", "xcomp"} or comp.i < cue.i or comp.tag_ not in {"VBG", "VB"}:
            continue
        if not is_reporting_verb(comp) or in_quote(comp):
            continue
        own = [c for c in comp.children if c.dep_ in {"ccomp", "xcomp", "dobj"}]
        if not own and any(c.dep_ == "nsubj" and c.i < comp.i and not in_quote(c) for c in comp.children):
            return comp
    return cue


def _reports_nothing(verb: Token) -> bool:
    """ "``…,'' said Geir Lundestad, the secretary, said on Sunday": a second reporting verb with
    nothing it reports is the writer's slip, and the name between is the first verb's subject."""
    return is_reporting_verb(verb) and not any(c.dep_ in {"ccomp", "xcomp", "dobj", "parataxis"} for c in verb.children)


def _inverted_subject(verb: Token) -> list[Token]:
    """ "Said Hunter, ``…''" / "… , said Abe Harumasa, editor": a name right after the verb,
    or behind a title ("… exclaimed Pakistani medical officer Yousef Baig")."""
    doc = verb.doc
    nxt = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if nxt is not None and nxt.pos_ == "PROPN":
        end = nxt.i
        while end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN":
            end += 1
        # "he's convinced Naipaul won't win": the name is the subject of what is reported; but not
        # of a verb in a new quote opened after a comma ("``In short,'' said Ann Roe, ``this is …''").
        clause = doc[end].head
        mark = next((t for t in doc[end + 1 : clause.i] if _is_quote_mark(t)), None)
        reported = (
            doc[end].dep_ in _SUBJECT_DEPS
            and clause.dep_ == "ccomp"
            and clause.head.i == verb.i
            and _finite_clause(clause)
            and (mark is None or doc[mark.i - 1].text != ",")
            and not _reports_nothing(clause)
        )
        return [] if reported else [doc[end]]
    if nxt is not None and nxt.lower_ in {"the", "a", "an"} and nxt.head.i > verb.i:
        noun, governor = nxt.head, nxt.head.head
        # "``…,'' recalled the bartender, Matt Galloway": the parser may take the post-posed subject
        # for an object; a role noun, or a noun a name stands in apposition to, is the speaker.
        taken_for_object = (
            nxt.lower_ == "the"
            and governor.i == verb.i
            and noun.dep_ == "dobj"
            and (_is_role_noun(noun) or any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in noun.children))
        )
        # "``…,'' said a ministry statement broadcast on television": the parser may make the
        # participle a clause of what was said, with the post-posed subject as its subject.
        taken_for_clause_subject = (
            noun.dep_ == "nsubj"
            and governor.dep_ == "ccomp"
            and governor.head.i == verb.i
            and governor.tag_ == "VBN"
            and not _finite_clause(governor)
        )
        if taken_for_object or taken_for_clause_subject:
            return [noun]
    run = []
    for tok in doc[verb.i + 1 : min(len(doc), verb.i + 9)]:
        # "said presiding Judge Adolphus Karibi-Whyte": the parser may take a participle before
        # the title for a verb whose object is the name.
        if tok.pos_ not in {"ADJ", "NOUN", "PROPN"} and not (tok.i == verb.i + 1 and tok.tag_ in {"VBG", "VBN"}):
            break
        run.append(tok)
    if run and run[-1].pos_ == "PROPN":
        return [run[-1]]
    return []


_SPEAKING_TYPES = {"PERSON", "ORG", "NORP", "GPE"}
_NOT_SPEAKING_TYPES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "EVENT", "WORK_OF_ART"}


def _lost_subject(verb: Token) -> Token | None:
    """The subject the parser lost before a verb it left without one, having hung the name on a
    noun before it (as an apposition or a conjunct):

    - "Speaking after a meeting with Javier Solana and Wesley K. Clark, Holbrooke said ``…''":
      the name right before the verb, its run of names set off by a comma;
    - "In a front page comment, Sahar Baasiri, said ``…''", "At the mosque, the prayer leader,
      Yousef Abu Sneineh, spoke out", "Price, acknowledging that …, said": a person's name set off
      by commas (or opening the sentence) right before the verb, or before a participle's clause
      that comes right before it;
    - "Dismissing the paper's disapproval …, Saramago, a known atheist, quipped that …": a name
      with its own apposition between it and the verb.

    A participle's subject is elsewhere ("… against his attorney, Mark O'Mara, claiming …"),
    unless the name opens the sentence ("Yeltsin, calling her ``my comrade,'' declared …").
    """
    doc = verb.doc
    if verb.i < 2 or any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
        return None
    if doc[verb.i - 1].text != ",":
        name = doc[verb.i - 1]
        if name.pos_ != "PROPN" or name.dep_ not in {"appos", "conj"} or name.head.i > name.i:
            return None
        if _fronted_phrase_ends_in(name, verb):
            return name
        if name.ent_type_ in _NOT_SPEAKING_TYPES:
            return None
        return name if _run_set_off(name) else None
    comma = verb.i - 1
    for clause in verb.children:  # "Price, acknowledging that his polls showed a tight race, said"
        if clause.dep_ == "advcl" and clause.tag_ == "VBG" and max(t.i for t in clause.subtree) == comma - 1:
            comma = clause.i - 1
    if comma < 1 or doc[comma].text != ",":
        return None
    floor = verb.sent.start
    first = _names_before(doc, comma, floor)
    name = doc[comma - 1]
    if first < comma and (first == floor or (doc[first - 1].text == "," and verb.tag_ != "VBG")):
        return name if name.ent_type_ in {"PERSON", ""} else None
    # "Saramago, a known atheist, quipped": the name before the apposition that ends at the comma
    apposition = next((a for a in [name, *name.ancestors] if a.dep_ == "appos" and a.head.pos_ == "PROPN"), None)
    if apposition is None:
        return None
    opening = min(t.i for t in apposition.subtree) - 1
    if max(t.i for t in apposition.subtree) != comma - 1 or doc[opening].text != ",":
        return None
    name = apposition.head
    if name.i != opening - 1 or name.ent_type_ in _NOT_SPEAKING_TYPES:
        return None
    return name if _run_set_off(name) else None


def _fronted_phrase_ends_in(name: Token, verb: Token) -> bool:
    """ "Of his nephew's shattered body Eaton said": a phrase opening the sentence with no comma
    after it, whose noun the parser gave the name right after it as an apposition, hangs on the
    verb: the name is the verb's subject, whatever the model typed it as (a surname it does not
    know may be a place). The caller has checked that the verb has no subject of its own."""
    noun = name.head
    prep = noun.head
    return (
        noun.dep_ == "pobj"
        and prep.dep_ == "prep"
        and prep.head.i == verb.i
        and prep.i == verb.sent.start
        and max(t.i for t in name.subtree) == verb.i - 1
        and not any(t.is_punct for t in verb.doc[prep.i : verb.i])
    )


def _run_set_off(name: Token) -> bool:
    """Is the run of proper nouns that ends with ``name`` set off by a comma before it?"""
    first = _names_before(name.doc, name.i + 1)
    return first > 0 and name.doc[first - 1].text == ","


def _names_before(doc: Doc, end: int, floor: int = 0) -> int:
    """Where the run of proper nouns that ends right before ``end`` starts (``end`` when there is
    none), not before ``floor``."""
    first = end
    while first > floor and doc[first - 1].pos_ == "PROPN":
        first -= 1
    return first


def _inserted_attribution(verb: Token) -> Token | None:
    """ "The impeachment, said Rep. Tom DeLay, R-Texas, was ``…''": a reporting verb set off by
    commas inside the sentence, with a person's name after it, is that person's; the noun before
    it, which the parser makes the verb's subject, is the subject of what is reported."""
    doc = verb.doc
    if verb.i == 0 or doc[verb.i - 1].text != ",":
        return None
    if any(c.dep_ in _SUBJECT_DEPS and c.i > verb.i for c in verb.children):
        return None
    last = verb.i
    while last + 1 < len(doc) and doc[last + 1].pos_ == "PROPN":
        last += 1
    if last == verb.i or last + 1 >= len(doc) or doc[last + 1].text != ",":
        return None
    # "Clifford's attorney, Michael Avenatti, said Cohen, through his own attorney, …": a subject
    # before the verb that can speak is the one who speaks, and the name after it is reported on.
    for subj in (c for c in verb.children if c.dep_ in _SUBJECT_DEPS and c.i < verb.i):
        heads = [subj, *(a for a in subj.children if a.dep_ == "appos")]
        if any(t.ent_type_ in _SPEAKING_TYPES or t.lower_ in _PRONOUNS or _is_role_noun(t) for t in heads):
            return None
    return doc[last] if doc[last].ent_type_ == "PERSON" else None


def _absolute_subject(verb: Token) -> Token | None:
    """ "…, with the president, Nikola Poplasen, saying that …": the noun "with" governs is
    the participle's subject."""
    doc = verb.doc
    before = verb.i - 1
    while before > verb.sent.start and doc[before].is_punct:
        before -= 1
    for word in doc[verb.sent.start : verb.i]:
        # a sentence adverbial (", with …" on the verb), not "a contrast with the allegations"
        if word.lower_ != "with" or word.head.pos_ not in {"VERB", "AUX"} or doc[word.i - 1].text != ",":
            continue
        for obj in word.children:
            if obj.dep_ == "pobj" and max((t.i for t in obj.subtree if not t.is_punct), default=-1) == before:
                return obj
    return None


_SUBORDINATORS = {"after", "before", "since", "until", "because", "while", "as"}


def _subject_taken_for_object(verb: Token) -> Token | None:
    """The subject of a reporting verb the parser left without one. "… after Libya's news agency,
    JANA, reported that …": the parser may read the clause after "after" as a prepositional
    object; the noun phrase that ends right before the verb is then its subject."""
    if verb.tag_ not in {"VBD", "VBZ", "VBP"} or any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
        return None
    doc = verb.doc
    before = verb.i - 1
    while before > verb.sent.start and doc[before].is_punct:
        before -= 1
    # The noun phrase may end in an apposition with phrases of its own ("after Ahmed Elgazir, a
    # researcher at the Libyan News Centre in Geneva, told …"): climb to the noun it belongs to.
    noun = doc[before]
    while noun.head is not noun and max(t.i for t in noun.head.subtree if not t.is_punct) == before:
        if noun.dep_ == "pobj" and noun.head.lower_ in _SUBORDINATORS:
            break
        noun = noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ in _SUBORDINATORS and noun.pos_ in {"NOUN", "PROPN"}:
        return noun
    # "In a speech celebrating the reforms, the president, Jiang Zemin, emphasized …": the parser
    # may hang the subject on the opening phrase; a name set off by commas right before the verb
    # is its subject.
    name = doc[before]
    if (
        name.pos_ == "PROPN"
        and name.dep_ == "appos"
        and name.head.pos_ == "NOUN"
        and doc[before + 1].text == ","
        and not any(c.dep_ == "det" for c in name.children)  # "The governor, a Republican, added"
    ):
        first = min(t.i for t in name.subtree)
        if first > 0 and doc[first - 1].text == ",":
            return name
    # "Harakat-ul-Ansar, a group labeled a terrorist group by the United States, said": the
    # parser makes the participle the main clause of what was said, with the speaker its subject.
    if doc[verb.i - 1].text == ",":
        for clause in verb.children:
            if clause.dep_ == "ccomp" and clause.tag_ in {"VBN", "VBD"} and clause.i < verb.i:
                subjects = [c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i]
                # the participle hangs on a noun set off by commas: "X, a group labeled …, said"
                if subjects and subjects[0].pos_ in {"NOUN", "PROPN"} and _set_off(subjects[0]):
                    return subjects[0]
    return None


def _subject_behind_participle(verb: Token) -> Token | None:
    """ "Reporting from Beirut, Al Jazeera's Rula Amin said": the parser may take the opening
    participle for the verb's subject and the name for an object inside its clause; the name
    that ends right before the verb, after a comma, is the subject."""
    participle = next((c for c in verb.children if c.dep_ == "nsubj" and c.tag_ == "VBG"), None)
    if participle is None:
        return None
    doc = verb.doc
    before = verb.i - 1
    while before > participle.i and doc[before].is_punct:
        before -= 1
    name = doc[before]
    opening = {t.i for t in participle.subtree}
    if name.pos_ == "PROPN" and name.i in opening and any(doc[i].text == "," for i in range(participle.i, name.i)):
        return name
    return None


def _person_in_apposition(noun: Token) -> bool:
    return any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in noun.children)


def _set_off(noun: Token) -> bool:
    """A noun followed by a comma and an apposition ("Harakat-ul-Ansar, a group …")."""
    return any(c.dep_ == "appos" for c in noun.children) or (
        noun.i + 1 < len(noun.doc) and noun.doc[noun.i + 1].text == ","
    )


def _description(subj: Token, in_quote) -> str | None:
    """The words a subject that names no one gives the speaker by: the noun with what comes
    before it ("the Secretary", "senior U.S. officials"), and a short phrase after it ("a
    spokesman for the ministry"). ``None`` for a pronoun, which says nothing a reader can use."""
    if subj.pos_ not in {"NOUN", "PROPN"} or subj.lower_ in _PRONOUNS:
        return None
    if any(c.dep_ == "mark" and c.lower_ == "for" for c in subj.head.children):
        return None  # "… for the president to express": a purpose, not who spoke
    doc = subj.doc
    first = subj.left_edge.i
    for i in range(subj.i - 1, subj.left_edge.i - 1, -1):
        if (doc[i].is_punct and doc[i].text not in {"-", "–"}) or in_quote(doc[i]):  # "class-action"
            first = i + 1
            break
    last = subj.i
    after = doc[subj.i + 1 : subj.right_edge.i + 1]
    if 0 < len(after) <= 5 and not any(t.is_punct or in_quote(t) or t.pos_ in {"VERB", "AUX"} for t in after):
        last = subj.right_edge.i
    words = doc[first : last + 1]
    if len(words) > 8:
        return None
    return words.text.strip() or None


def _unnamed_person(subj: Token) -> bool:
    """ "A Communist lawmaker", "one official": someone the article does not name here."""
    return (
        subj.pos_ == "NOUN"
        and (subj.lower_ in ROLE_HEADS or subj.lower_ in PERSON_NOUNS)
        and any(c.lower_ in {"a", "an", "another", "one"} and c.dep_ in {"det", "nummod"} for c in subj.children)
    )


def _kin_of_gender(noun: Token, gender: str | None) -> bool:
    """Is the common noun someone's relative of the gender ("his father" for "he", "the baby's
    mother" for "she")? Not "the woman", which may stand for a woman the article has named."""
    words = MALE_WORDS if gender == "m" else FEMALE_WORDS if gender == "f" else frozenset()
    return noun.pos_ == "NOUN" and noun.lower_ in words and any(c.dep_ == "poss" for c in noun.children)


_SPOUSE_OF = {"wife": "his", "widow": "his", "husband": "her", "widower": "her"}


def _genders(entities: list[Entity], sent_spans: list[Span], entity_at, in_quote) -> dict[str, str]:
    """The gender the article gives each person it names, from the words around the names:
    a gendered title or apposition, or "his"/"her" in a clause whose subject is the person
    ("Anwar designated his wife"), with no other person named between the two. A person with
    evidence both ways has none. Pronoun resolution keeps "she" off a man and "he" off a woman."""
    votes: dict[str, set[str]] = {}

    def vote(ent: Entity | None, word: str) -> None:
        low = word.lower()
        if ent is not None and ent.type == "PERSON":
            if low in MALE_WORDS or low in _MALE:
                votes.setdefault(ent.name, set()).add("m")
            elif low in FEMALE_WORDS or low in _FEMALE:
                votes.setdefault(ent.name, set()).add("f")

    for ent in entities:
        for role in ent.roles:
            if role.split():
                vote(ent, role.split()[-1])
    for span in sent_spans:
        for tok in span:
            if in_quote(tok):
                continue
            person = entity_at(tok)
            if person is not None and tok.i > span.start and entity_at(tok.doc[tok.i - 1]) is not person:
                vote(person, tok.doc[tok.i - 1].text)  # "Mrs. Aho": the word right before the name
            if tok.dep_ == "appos":
                vote(entity_at(tok), tok.head.lower_)  # "his wife, Azizah Ismail"
                vote(entity_at(tok.head), tok.lower_)  # "Azizah Ismail, his wife"
            if tok.dep_ == "poss" and tok.head.lower_ in _SPOUSE_OF:
                # "Clinton's wife, Hillary": a wife's husband is a man, whatever "Mrs. Clinton" says
                vote(entity_at(tok), _SPOUSE_OF[tok.head.lower_])
            if tok.dep_ == "poss" and tok.lower_ in {"his", "her"}:
                verb = tok.head.head
                subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS and c.i < tok.i]
                if len(subjects) != 1 or (owner := entity_at(subjects[0])) is None:
                    continue
                between = (entity_at(t) for t in tok.doc[subjects[0].i + 1 : tok.i])
                if not any(e is not None and e is not owner and e.type == "PERSON" for e in between):
                    vote(owner, tok.lower_)
    return {name: next(iter(sides)) for name, sides in votes.items() if len(sides) == 1}


def _subject_of(verb: Token) -> Token | None:
    subjects = _subjects_of(verb)
    return subjects[0] if subjects else None


def _is_name_like(text: str) -> bool:
    """ "Nightline", "Pistol Pete", "Operation Desert Fox": a name in quote marks, not speech."""
    words = re.findall(r"[\w'’-]+", text)
    if not 0 < len(words) <= 4 or re.search(r"[.!?,]$", text.strip()):
        return False
    if len(words) == 1 and words[0].isupper():
        return False  # "NO", "STOP": a shouted word is speech
    return all(w[:1].isupper() or w[:1].isdigit() for w in words)


#: Short function words that title case leaves in lower case ("The History of the Siege"), also
#: in the titles of books from other languages that an article gives as they are ("Terra do
#: Pecado", "Cien Años de Soledad", "Der Zauberberg und …").
_TITLE_LOWER = frozenset(
    {"a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "at", "to", "for", "from", "with", "by", "as", "vs"}
    | {"de", "do", "da", "dos", "das", "del", "della", "di", "du", "des", "la", "le", "les", "el", "los", "las"}
    | {"o", "os", "y", "e", "et", "von", "van", "der", "den", "und"}
)


def _is_headline_cased(text: str, mid_sentence: bool = False) -> bool:
    """ "The Stone Raft,", "The History of the Siege of Lisbon": a title written in title
    case, with newswire's comma inside the marks, and no reporting verb beside it. Speech in
    quotation marks is written in sentence case, so its second and later words are lower case.
    When the marks open inside the reporter's own sentence, the sentence's full stop may sit
    inside them, and one word is enough ("known as a single entity, ``Wintel.''")."""
    words = re.findall(r"[\w'’-]+", text)
    end = r"[.,]?" if mid_sentence else ",?"
    if not (1 if mid_sentence else 2) <= len(words) <= 12 or not re.fullmatch(rf"[^.!?]*[^.!?,;]?{end}", text.strip()):
        return False
    if not words[0][:1].isupper() or all(w.isupper() for w in words):
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _TITLE_LOWER for w in words[1:])


def _names_a_work(span: Span, open_at: int) -> bool:
    """The marks (at ``open_at`` in the paragraph) open right after a common noun, a possessive
    or "in" ("the album, “Murda Muzik,”", "single “Quiet Storm.”", "1996’s “Hell on Earth,”",
    "In ``Competing on Internet Time,'' the authors write"): what they hold names that thing."""
    before = [t for t in span if t.idx < open_at and t.text not in {",", "“", '"', "`", "``"}]
    if not before:
        return False
    last = before[-1]
    return (
        (last.tag_ in {"NN", "NNS"} and last.is_lower)
        # "the musical ``Hamilton''": the tagger may take the noun for an adjective
        or (last.lower_ in _NAMING_NOUNS and last.pos_ in {"NOUN", "ADJ"})
        or last.tag_ == "POS"
        or last.lower_ == "in"  # "In ``Competing on Internet Time,'' the authors write"
        or (last.lower_ == "of" and len(before) > 1 and before[-2].lower_ in _MAKER_NOUNS)
        # "won a best screenplay award for ``Manchester by the Sea,''": the work honoured
        or (last.lower_ == "for" and len(before) > 1 and before[-2].lower_ in _HONOURS)
        or _work_named_before(span, open_at)
    )


#: Honours given for a work, and winning them: "an award for", "nominated for".
_HONOURS = frozenset(
    {"award", "awards", "prize", "prizes", "oscar", "oscars", "emmy", "emmys", "grammy", "grammys", "tony", "bafta"}
    | {"nomination", "nominations", "nod", "nods", "trophy", "won", "wins", "win", "nominated"}
)


#: Who makes a work: "the author of ``Titan,''" names the book.
_MAKER_NOUNS = frozenset({"author", "co-author", "writer", "director", "producer", "composer", "creator"})


def _words_before(span: Span, open_at: int) -> list[Token]:
    """The sentence's tokens before the marks that open at ``open_at``, spaces and marks left out."""
    return [t for t in span if t.idx < open_at and not t.is_space and not _is_quote_mark(t)]


#: Verbs that give a name ("the man whom subordinates dubbed ``Prime Evil''"); not "called" or
#: "branded", which also report how someone judges a thing ("called it ``Totally Unacceptable''").
_NAMING_VERBS = frozenset({"dubbed", "nicknamed", "christened", "named", "titled", "entitled", "renamed"})


def _named_by_verb(span: Span, open_at: int) -> bool:
    """The marks (at ``open_at`` in the paragraph) open right after a verb that gives a name, after
    its "as" ("known as", "billed as"), or after its "the" ("the man dubbed the ``Prime Evil''");
    a title-cased span there is the name given. "called" gives one as a participle, with no subject
    or object ("his device, called the ``Safe Wander,''"), not in "she called it ``…''"."""
    before = _words_before(span, open_at)
    if before and before[-1].text == ",":
        before = before[:-1]
    if len(before) >= 2 and before[-1].lower_ == "the":
        before = before[:-1]
    if len(before) >= 2 and before[-1].lower_ == "as" and before[-2].lower_ in {"known", "billed"}:
        return True
    if not before or before[-1].pos_ != "VERB":
        return False
    verb = before[-1]
    # "a device called ``Safe Wander''": "called" with no subject or object of its own gives a name
    return verb.lower_ in _NAMING_VERBS or (
        verb.lower_ == "called" and not any(c.dep_ in {"dobj", "nsubj", "nsubjpass"} for c in verb.children)
    )


def _slogan_before(span: Span, open_at: int) -> bool:
    """ "end with a slogan: ``It's not about hate ... It's about hope.''": marks opening right
    after a colon that follows a noun for a slogan hold that slogan, which no one is reported to
    say ("with the words: ``Let's roll''" is speech, so only slogan nouns count)."""
    before = _words_before(span, open_at)
    return len(before) >= 2 and before[-1].text == ":" and before[-2].lower_ in _SLOGAN_NOUNS


_SLOGAN_NOUNS = frozenset({"slogan", "slogans", "motto", "mottos", "mottoes", "catchphrase", "tagline", "jingle"})
#: What carries words for all to read: the words on it are its slogan, no one's speech.
_SIGN_NOUNS = frozenset(
    {"sign", "signs", "banner", "banners", "placard", "placards", "poster", "posters", "billboard", "billboards"}
    | {"sticker", "stickers", "t-shirt", "t-shirts", "graffiti", "plaque", "plaques"}
)
#: How an article says what a sign bears ("signs reading", "banners that said"); lower-cased forms,
#: as the pipeline has no lemmatiser.
_SIGN_VERBS = frozenset({"read", "reads", "reading", "say", "says", "said", "saying", "proclaiming", "declaring"})


def _written_on_a_sign(span: Span, open_at: int) -> bool:
    """ "signs reading ``Clinton go home'' were strung along the highway", "banners that said
    ``…''": marks right after a verb of reading or saying whose noun is a sign or banner hold
    what is written on it."""
    before = [t for t in _words_before(span, open_at) if t.text not in {",", ":"}]
    if not before:
        return False
    verb = before[-1]
    return verb.lower_ in _SIGN_VERBS and verb.dep_ in {"acl", "relcl"} and verb.head.lower_ in _SIGN_NOUNS


def _work_named_before(span: Span, open_at: int) -> bool:
    """ "wrote his breakthrough novel in 1982, ``Baltasar and Blimunda.''": marks set off by a
    comma after a noun for a work, with no verb between the noun and the comma, name that work."""
    before = _words_before(span, open_at)
    if len(before) < 2 or before[-1].text != ",":
        return False
    for tok in reversed(before[-8:-1]):
        if tok.pos_ in {"VERB", "AUX"}:
            return False
        if tok.pos_ == "NOUN" and tok.lower_ in _NAMING_NOUNS:
            return True
    return False


def _listed_after_naming_noun(para: Paragraph, q: QuoteSpan) -> bool:
    """ "made the terms ``surreal,'' ``bizarre,'' … and ``politics of personal destruction''
    useless cliches": quotes in a list, with only commas or a conjunction between their marks,
    after a plural noun for words, mention those words; no one says them."""

    def listed(first: QuoteSpan, second: QuoteSpan) -> bool:
        if para.text[first.start : first.end].rstrip().endswith((".", "?", "!")):
            return False  # '"Let's roll." "I cannot see …"': a sentence ends, another begins
        return re.fullmatch(r"[\s,]*(?:(?:and|or)\s*)?", para.text[first.outer_end : second.open_at]) is not None

    quotes = para.quotes
    first = last = quotes.index(q)
    while first > 0 and listed(quotes[first - 1], quotes[first]):
        first -= 1
    while last + 1 < len(quotes) and listed(quotes[last], quotes[last + 1]):
        last += 1
    if first == last:
        return False
    lead = re.search(r"(\w+)[\s,:]*$", para.text[: quotes[first].open_at])
    word = lead.group(1).lower() if lead else ""
    return word.endswith("s") and word[:-1] in _NAMING_NOUNS


#: Words after which quote marks hold the name of a programme or publication one appears on or
#: speaks to ("said on “Capitol Week,”", "told “Morning Ledger”"), not words anyone says.
_BROADCAST_LEADS = {"on"} | _TELL_FORMS


def _names_a_programme(span: Span, open_at: int) -> bool:
    """The marks (at ``open_at`` in the paragraph) open right after "on" ("said on “Fox News
    Sunday.”", "Appearing on “Meet the Press,”") or right after a verb of telling, whose object
    is the hearer ("told “60 Minutes” that …"): a title-cased span there names a programme."""
    before = _words_before(span, open_at)
    return bool(before) and before[-1].lower_ in _BROADCAST_LEADS


#: Nouns for a work or a word, which an apposition after quoted words says they name.
_NAMING_NOUNS = frozenset(
    {"book", "novel", "film", "movie", "documentary", "album", "song", "single", "play", "poem", "opera"}
    | {"musical", "show", "series", "sitcom", "painting", "title", "word", "term", "phrase", "slogan", "nickname"}
    | {"motto", "catchphrase", "biography", "autobiography", "memoir"}
)


def _names_a_kind(span: Span, close_end: int, char) -> bool:
    """ "the White House's ``Made in America'' week", "the ``Safe Wander'' device": title-cased
    words in marks right before a common noun name what the noun is; no one says them."""
    after = [t for t in span if char(t) >= close_end and not t.is_space]
    return bool(after) and after[0].tag_ in {"NN", "NNS"} and after[0].is_lower


def _named_in_apposition(span: Span, close_end: int, char) -> bool:
    """ "``Blindness,'' his most recent book, is …", "calling for ``reformasi,'' the code word
    for …": a noun phrase for a work or a word set off right after the closing mark (which ends
    at ``close_end``, an article offset; ``char`` gives a token's) says what the marks name."""
    after = [t for t in span if char(t) >= close_end and not _is_quote_mark(t)]
    if not after or after[0].dep_ not in {"det", "poss"}:
        return False
    for tok in after[1:6]:
        if tok.lower_ in _NAMING_NOUNS and tok.pos_ == "NOUN":
            nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
            if nxt is not None and (nxt.tag_ == "POS" or nxt.pos_ == "NOUN"):
                return False  # "the book's author", "the film industry"
            return after[0].head.i == tok.i and not (tok.dep_ in _SUBJECT_DEPS and is_reporting_verb(tok.head))
        if tok.pos_ not in {"ADV", "ADJ", "NOUN", "NUM", "PROPN"}:
            return False
    return False


# A dash right after the closing mark and capitalised words up to a comma or the paragraph's end.
_SIGNATURE = re.compile(
    r"[ \t]*(?:[—―–]|--?)[ \t]*(?P<name>(?:[A-Z][\w.'’-]*[ \t]+){0,4}[A-Z][\w.'’-]*?)\.?[ \t]*(?:[,;(]|\s*$)"
)
_WH = {"how", "what", "whether", "why", "who", "whom", "when", "where", "if", "which"}


def _fronted_report(verb: Token) -> Token | None:
    """The reported clause put before its attribution: "The road will reopen on Monday, police
    said", "…, said Tom Vell". The clause opens the sentence and a comma closes it, and the
    reporting verb is the sentence's own verb, not one inside a clause ("… when he said")."""
    if verb.dep_ != "ROOT":
        return None
    comp = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i), None)
    if comp is None:
        return None
    words = _without_trailing_commas(list(comp.subtree))
    sent = verb.sent
    after = words[-1].i + 1
    if words[0].i != sent.start or after >= verb.i or verb.doc[after].text != ",":
        return None
    if words[-1].text in {"?", "!"} or any(t.text in {'"', "“", "”", "``", "''"} for t in words):
        return None  # a question, or a quotation (its marks make it a direct quote)
    return comp


def _without_trailing_commas(words: list[Token]) -> list[Token]:
    while len(words) > 1 and words[-1].text in {",", ";", "--", "—"}:
        words = words[:-1]
    return words


def _finite_clause(head: Token) -> bool:
    """Reported speech is a clause with its own subject and a finite verb: not "how", not "sending …"."""
    first = min(head.subtree, key=lambda t: t.i)
    if first.lower_ in _WH:
        return False
    has_subject = any(c.dep_ in _SUBJECT_DEPS | {"expl"} for c in head.children)
    finite = head.tag_ in {"VBD", "VBZ", "VBP", "MD"} or any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ in {"VBD", "VBZ", "VBP", "MD"} for c in head.children
    )
    return has_subject and finite


def _according_to(span: Span) -> Token | None:
    for tok in span:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            for child in tok.doc[tok.i + 1].children:
                if child.dep_ == "pobj":
                    return child
    return None


def _in_words_of(span: Span, opening: int, closing: int, char) -> Token | None:
    """ "…, in the words of Ed Moll, a consultant, ``a long shot.''": the name the phrase gives,
    when nothing but punctuation stands between the phrase and the quote's marks (at ``opening``
    and ``closing``, article offsets; ``char`` gives a token's)."""
    for tok in span:
        if tok.lower_ != "in" or tok.i + 3 >= len(tok.doc):
            continue
        the, words, of = tok.doc[tok.i + 1 : tok.i + 4]
        if (the.lower_, words.lower_, of.lower_) != ("the", "words", "of"):
            continue
        name = next((c for c in of.children if c.dep_ == "pobj"), None)
        if name is None:
            continue
        if char(tok) < opening:  # the parser may hang the quoted words on the name
            last = max(t.i for t in name.subtree if char(t) < opening)
            between = [t for t in span if last < t.i and char(t) < opening]
        elif char(tok) >= closing:
            between = [t for t in span if closing <= char(t) and t.i < tok.i]
        else:
            continue
        if all(t.is_punct for t in between):
            return name
    return None


#: What one quotes of someone else's: "quoted More's words", "cited Lincoln's line".
_WORDS_NOUNS = frozenset(
    {"words", "line", "lines", "phrase", "remark", "remarks", "verse", "passage", "dictum", "maxim"}
)


def _words_quoted(before: list[Token], cue: Token | None = None) -> Token | None:
    """ "He quoted More's words as an admonition for today: ``What you have hunted me for …''":
    marks opened by a colon or comma after "quoted" (or "cited") and someone's words hold that
    one's words, not the quoting speaker's; the one named, a possessive or the object itself
    ("quoted Lincoln:"). A reporting verb ``cue`` found before the quoting verb belongs to
    another clause ("Asked to comment, he quoted Claude Bernard: ``…''") and does not stop it."""
    if len(before) < 3 or before[-1].text not in {":", ","}:
        return None
    for verb in reversed(before[-12:-1]):
        if verb.lower_ not in _QUOTE_FORMS or verb.pos_ != "VERB":
            continue
        if cue is not None and cue.i > verb.i:
            return None
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is None:
            return None
        if obj.pos_ == "PROPN":
            return obj
        if (named := next((c for c in obj.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)) is not None:
            return named  # "quoted the Victorian engineer Isambard Brunel:"
        if obj.lower_ in _WORDS_NOUNS:
            # "More's words": the tagger may take a name for a word ("More" as a comparative)
            return next((c for c in obj.children if c.dep_ == "poss" and c.text[:1].isupper()), None)
        return None
    return None


def _whole_clause_quoted(span: Span, start: int, end: int, char) -> bool:
    """ "Because of the research, ``we know today that nitric oxide acts as …''": the sentence's
    verbs all stand inside the marks (at ``[start, end)``, article offsets), and the reporter
    adds only a phrase before them, with no subject ("the Community of Christ ``affirms …''"
    makes the words a description of the church). Such a quote is a sentence of the speaker's,
    whose attribution, as for a quote standing alone, is the one before it."""
    outside = [t for t in span if not start <= char(t) < end]
    return (
        start <= char(span.root) < end
        and any(t.pos_ in {"VERB", "AUX"} for t in span)
        and not any(t.pos_ in {"VERB", "AUX"} or t.dep_ in _SUBJECT_DEPS for t in outside)
    )


def _framed_by(span: Span) -> Token | None:
    """ "For union leader Felicio, the swap ``is a clear sign of …''": a sentence that opens on
    "For" and a name set off by a comma gives that person's view; the name's head word."""
    if span[0].lower_ != "for":
        return None
    phrase = list(itertools.takewhile(lambda t: t.text != ",", span[1:9]))
    if not phrase or len(phrase) == len(span) - 1 or span[len(phrase) + 1].text != ",":
        return None
    if phrase[-1].pos_ != "PROPN" or any(t.pos_ not in {"DET", "ADJ", "NOUN", "PROPN"} for t in phrase):
        return None
    return phrase[-1]


def _cue_for(span: Span, q_start: int, q_end: int, base: int, quoted: bytearray | None = None) -> Token | None:
    """The reporting verb that governs the quote at ``[q_start, q_end)`` (article offsets).

    A verb inside quotation marks (``quoted``: 1 where the article text is quoted) is the
    quoted speaker's own word ("``They say, `Who knows …?' '' Gett said"), never the article's
    attribution. A reporting verb the quote reaches only through an adverbial clause, inside
    what another reporting verb reports ("Gisin said Sharon took the post so that he could
    ``stem the tide''"), does not report the quote: the outer one does.
    """

    def quoted_word(tok: Token) -> bool:
        at = base + tok.idx
        return quoted is not None and at < len(quoted) and bool(quoted[at])

    inside = [t for t in span if q_start <= base + t.idx < q_end]
    outside = [
        t
        for t in span
        if not (q_start <= base + t.idx < q_end) and is_reporting_verb(t) and not quoted_word(t) and not _hearsay(t)
    ]
    if not outside:
        return _verb_after_quote(span, inside, q_end, base, quoted_word)
    # A cue verb that heads the quote, or that the quote's words hang from.
    inside_ids = {t.i for t in inside}
    for tok in inside:
        node = tok
        for _ in range(6):
            head = node.head
            if head is node:
                break
            reports = (
                head.i not in inside_ids and is_reporting_verb(head) and not quoted_word(head) and not _hearsay(head)
            )
            if reports and not (node.dep_ == "advcl" and _reports_under(head) and not _urged_to(node, head)):
                return head
            node = head
    for cue in outside:
        if any(child.i in inside_ids for child in cue.children):
            return cue
        if cue.head.i in inside_ids:
            return cue
    if (after := _verb_after_quote(span, inside, q_end, base, quoted_word)) is not None:
        return after
    # Otherwise the nearest reporting verb; a raised voice only reports what hangs from it, or
    # what a colon after it opens ("Blix said as a passenger shouted ``Give …'' ``Service resumes
    # …''": the last words are Blix's; "a guard shouted to an officer: ``…''": the guard's).
    lead = [t for t in span if base + t.idx < q_start and not t.is_space and not _is_quote_mark(t)]
    opened_by_colon = bool(lead) and lead[-1].text == ":"
    outside = [t for t in outside if t.lower_ not in RAISED_VOICE_FORMS or (opened_by_colon and t.i < lead[-1].i)]
    outside = [t for t in outside if not _extraposed_infinitive(t)]
    if not outside:
        return None
    # "``…?'' he added in comments first reported by The Times. ``…''": a participle that
    # describes a noun tells who reported or published the words, not who said them; the
    # nearest verb that is not one reports the quote.
    outside = [t for t in outside if not (t.tag_ == "VBN" and t.dep_ == "acl")] or outside
    # "his long-promised wall", "a written release": a past participle that only describes a
    # noun reports nothing. The noun phrase around it (see _describes_noun) tells such a modifier
    # from a verb the parser hung on a noun ("Lonergan, who won an award, joked backstage: ``…''").
    outside = [t for t in outside if not _describes_noun(t)]
    if not outside:
        return None
    return min(outside, key=lambda t: min(abs(base + t.idx - q_start), abs(base + t.idx - q_end)))


def _describes_noun(participle: Token) -> bool:
    """Is this past participle a modifier inside a noun phrase ("his long-promised wall",
    "so-called ``over-votes''", "previously released photos")?"""
    if participle.tag_ != "VBN" or participle.dep_ != "amod" or participle.head.i < participle.i:
        return False
    doc = participle.doc
    hyphenated = participle.i > 1 and doc[participle.i - 1].text == "-" and not doc[participle.i - 2].whitespace_
    return (
        hyphenated
        or any(c.dep_ == "advmod" and c.i < participle.i for c in participle.children)
        or any(c.dep_ in {"det", "poss"} and c.i < participle.i for c in participle.head.children)
    )


def _verb_after_quote(
    span: Span, inside: list[Token], q_end: int, base: int, quoted_word: Callable[[Token], bool]
) -> Token | None:
    """ "``…,'' sighed Henry Hyde, another tormenter of the president who also had to admit …",
    "``…?'' Silvan Shalom, the science minister, reportedly yelled at Netanyahu": a verb of
    speaking, of a raised voice or of a manner of speaking that follows a quote ending in a comma,
    a question or an exclamation mark, with nothing but its own subject (or, inverted, nothing)
    between, tells who spoke it, before any reporting verb further on. ``quoted_word`` tells a
    token inside quotation marks, which is no one's attribution."""
    if not inside or inside[-1].text not in {",", "?", "!"}:
        return None
    after = [t for t in span if base + t.idx >= q_end and not t.is_space and not _is_quote_mark(t)]
    verb = next((t for t in after if t.pos_ in {"VERB", "AUX"}), None)
    if verb is None or verb.tag_ == "VBG" or any(quoted_word(t) for t in after if t.i <= verb.i):
        return None
    low = verb.lower_
    if not (low in MANNER_FORMS or is_reporting_verb(verb)):  # a raised voice is a reporting verb
        return None
    own = [c for c in verb.children if c.i > verb.i]
    if any(c.dep_ == "ccomp" or (c.dep_ == "dobj" and low not in _HEARER_VERBS) for c in own):
        return None  # "“How did you do it?” This book reveals the strategies …": a report of its own
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    between = {t.i for t in after if t.i < verb.i}
    if not between:
        return verb if any(s.i > verb.i for s in subjects) else None
    allowed = {t.i for s in subjects if s.i < verb.i for t in s.subtree}
    allowed |= {c.i for c in verb.children if c.dep_ in {"advmod", "punct"} and c.i < verb.i}
    return verb if subjects and between <= allowed else None


#: Participles of the passive of hearsay ("is said to", "was reported to", "are believed to").
_HEARSAY_FORMS = {"said", "reported", "rumored", "rumoured", "alleged", "claimed", "believed", "thought", "understood"}


def _to_infinitive(verb: Token) -> bool:
    """Does the verb have its infinitive's "to"?"""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _hearsay(verb: Token) -> bool:
    """ "a page …, which is said to be organized by ``close family members''", "he is reported to
    have left": a passive verb of saying with an infinitive tells what is rumoured of its
    subject; no one in the sentence says anything. Not an order ("were told to keep", "are
    instructed to answer"), which someone gives."""
    if verb.lower_ not in _HEARSAY_FORMS:
        return False
    return any(c.dep_ == "auxpass" for c in verb.children) and any(
        c.dep_ == "xcomp" and _to_infinitive(c) for c in verb.children
    )


def _urged_to(clause: Token, verb: Token) -> bool:
    """ "Hassan urged Demirel in a call to ``exert all efforts …''": the infinitive after the
    hearer of "urge", "ask", "tell" is what the verb reports, even where the parser makes it an
    adverbial clause."""
    return (
        verb.lower_ in _HEARER_VERBS
        and clause.tag_ == "VB"
        and _to_infinitive(clause)
        and any(c.dep_ == "dobj" and c.i < clause.i for c in verb.children)
    )


def _extraposed_infinitive(verb: Token) -> bool:
    """ "it's another matter to call for a change": an infinitive after "it is …" says what
    one might do, and reports no one's words."""
    if verb.tag_ != "VB" or verb.dep_ not in {"xcomp", "ccomp", "acl", "relcl"}:
        return False
    if not _to_infinitive(verb):
        return False
    be = verb.head if verb.head.lemma_ == "be" or verb.head.dep_ != "attr" else verb.head.head  # "a matter to call"
    return be.lemma_ == "be" and any(c.dep_ in {"nsubj", "expl"} and c.lower_ == "it" for c in be.children)


def _cried_out(before: list[Token]) -> bool:
    """Does a quote whose sentence has the tokens ``before`` before its opening mark follow
    "shouts of", "chants of", "cries of" with no one's name on the noun ("then came the shouts of
    ``You resign!''")? Those words are a crowd's, not the speaker's the sentence reports; but one
    who leads the chant voices it ("leading the crowd in a chant of ``Now!''")."""
    if not before or before[-1].lower_ != "of" or before[-1].dep_ != "prep":
        return False
    noun = before[-1].head
    if noun.lower_ not in _OUTCRIES or any(c.dep_ == "poss" for c in noun.children):
        return False
    return not (noun.head.lower_ == "in" and noun.head.head.lower_ in _LEAD_FORMS)


def _named_offence(before: list[Token]) -> bool:
    """Does a quote whose sentence has the tokens ``before`` before its opening mark follow
    "charges of", "a sentence for", "convicted of" ("a one-year sentence for ``insulting a public
    officer''")? The quote names an offence in the words of a charge sheet, not of the one charged."""
    if len(before) < 2 or before[-1].lower_ not in {"of", "for"}:
        return False
    return before[-1].head.lower_ in _OFFENCE_NOUNS or before[-2].lower_ in _CONVICTED


def _is_quote_mark(tok: Token) -> bool:
    return all(c in "`'\"“”‘’" for c in tok.text)


def _author_of_content(span: Span, q_start: int, q_end: int, base: int, cue: Token | None) -> Token | None:
    """ "objected to a finding by the commission that he was ``an accessory''": words in the
    content clause of a noun whose author is given ("by the commission") are that author's."""
    for tok in span:
        if not q_start <= base + tok.idx < q_end:
            continue
        node = tok
        for _ in range(8):
            if (cue is not None and node.i == cue.i) or node.head is node:
                break
            clause, noun = node, node.head
            if (
                clause.dep_ in {"acl", "ccomp"}
                and noun.pos_ == "NOUN"
                and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
            ):
                for prep in noun.children:
                    if prep.dep_ == "prep" and prep.lower_ == "by":
                        return next((c for c in prep.children if c.dep_ == "pobj"), None)
                return None
            node = noun
        return None
    return None


def _small_clause(verb: Token) -> bool:
    """ "found his brother shot dead": a clause a verb of finding or seeing takes, not a report."""
    return (
        verb.dep_ == "ccomp"
        and verb.head.pos_ == "VERB"
        and not is_reporting_verb(verb.head)
        and not any(c.dep_ == "mark" for c in verb.children)
        and any(c.dep_ == "acomp" for c in verb.children)
    )


def _in_reported_clause(tok: Token, verb: Token) -> bool:
    """Is ``tok`` inside what reporting verb ``verb`` reports? "The mayor wants …, she says": the
    parser hangs the clause under "says", or "says" under the clause (parataxis)."""
    if not is_reporting_verb(verb):
        return False
    if verb in tok.ancestors:
        return True
    # "…, she says" with no complement of its own reports the clause it hangs from
    own = any(c.dep_ in {"ccomp", "xcomp"} for c in verb.children)
    return verb.dep_ == "parataxis" and not own and verb.head in tok.ancestors


def _reports_under(verb: Token) -> bool:
    """Is ``verb`` inside the clause another reporting verb reports ("X said Y accepted …")?"""
    node = verb
    for _ in range(6):
        if node.dep_ not in {"ccomp", "conj", "xcomp", "advcl"} or node.head is node:
            return False
        node = node.head
        if is_reporting_verb(node):
            return True
    return False


def _kind(text: str, q: QuoteSpan, sent_start: int) -> str:
    before = text[sent_start : q.open_at].rstrip()
    inner = text[q.start : q.end]
    starts_upper = inner[:1].isupper() or inner[:1].isdigit()
    if not before or (before.endswith((":", ",", "—", "–", ".", "!", "?")) and starts_upper):
        return "direct"
    return "partial"


def _quote_words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower().replace("’", "'")))


def _said_again(quotes: list[Quote], standing_alone: list[Quote]) -> None:
    """A quote printed on its own with no speaker (in a headline, or as a pull quote above the
    story) takes the speaker of the quote that repeats its words with attribution ("'I'm as
    shocked as you people'" over a story that prints the whole quote and who said it), when
    every such quote gives them to one speaker. A quote inside the narrative is left alone: a
    crowd's chant repeated later is not the words of whoever the repetition is pinned on."""
    spoken = [(q, f" {_quote_words(q.text)} ") for q in quotes if q.kind != "indirect" and q.speaker is not None]
    for quote in standing_alone:
        words = _quote_words(quote.text)
        if quote.speaker is not None or quote.kind == "indirect" or len(words.split()) < 3:
            continue
        speakers = {(q.speaker.name, q.speaker.role): q.speaker for q, text in spoken if f" {words} " in text}
        if len(speakers) == 1:
            quote.speaker = next(iter(speakers.values()))
            quote.attributed_to = None


class QuoteExtractor:
    """Quotes of one article; call :meth:`extract` once per article."""

    def __init__(
        self,
        text: str,
        paragraphs: list[Paragraph],
        sentences: list[Sentence],
        sent_spans: list[Span],
        entities: list[Entity],
    ):
        self.text = text
        self.paragraphs = paragraphs
        self.sentences = sentences
        self.sent_spans = sent_spans
        self.sent_of = SentenceIndex(sentences)
        offsets = {id(p.doc): p.start for p in paragraphs}
        quoted = bytearray(len(text))
        for para in paragraphs:
            for q in para.quotes:
                quoted[para.start + q.open_at : para.start + q.outer_end] = b"\x01" * (q.outer_end - q.open_at)
        self.resolver = SpeakerResolver(entities, sentences, sent_spans, offsets, quoted)
        self.cue_of: dict[int, Token] = {}  # id(quote) -> its reporting verb

    def extract(self, title_doc: Doc | None = None) -> list[Quote]:
        quotes: list[Quote] = []
        by_sentence: dict[int, list[Quote]] = {}
        for para in self.paragraphs:
            for q in para.quotes:
                start, end = para.start + q.start, para.start + q.end
                index = self.sent_of(start)
                quote = self._marked_quote(q, para, index, start, end, by_sentence)
                if quote is not None:
                    quotes.append(quote)
                    by_sentence.setdefault(index, []).append(quote)
        indirect = self._indirect(quotes)
        self._relayed(quotes, indirect)
        quotes.extend(indirect)
        quotes.sort(key=lambda q: (q.start, q.kind))
        if title_doc is not None:
            quotes[:0] = self._title_quotes(title_doc)
        _said_again(quotes, [q for q in quotes if q.in_title or self._stands_alone(q)])
        return quotes

    def _stands_alone(self, quote: Quote) -> bool:
        """Is the quote a paragraph of its own, with no word of narrative (a pull quote)?"""
        para = next((p for p in reversed(self.paragraphs) if p.start <= quote.start), None)
        if para is None:
            return False
        rest = para.text[: quote.start - para.start] + para.text[quote.end - para.start :]
        return not re.search(r"\w", rest)

    def _marked_quote(
        self, q: QuoteSpan, para: Paragraph, index: int, start: int, end: int, by_sentence: dict[int, list[Quote]]
    ) -> Quote | None:
        sentence = self.sentences[index]
        span = self.sent_spans[index]
        kind = _kind(self.text, QuoteSpan(start, end, para.start + q.open_at, None), sentence.start)
        inner = self.text[start:end]
        cue = _cue_for(span, start, end, para.start, self.resolver.quoted)
        if cue is not None:
            cue = _recalled_speech(cue, self.resolver.in_quote)
        according = _according_to(span) if cue is None else None
        if (
            _is_name_like(inner)
            or (
                _is_headline_cased(inner, True)
                and (
                    _names_a_work(span, q.open_at)
                    or _names_a_programme(span, q.open_at)
                    or _named_by_verb(span, q.open_at)
                )
            )
            or (
                inner.rstrip().endswith(",")
                and _named_in_apposition(span, para.start + q.outer_end, self.resolver.char)
            )
            or (_is_headline_cased(inner, True) and _names_a_kind(span, para.start + q.outer_end, self.resolver.char))
            or _listed_after_naming_noun(para, q)
            or _slogan_before(span, q.open_at)
            or _written_on_a_sign(span, q.open_at)
            or (
                cue is None
                and according is None
                and _is_headline_cased(inner, bool(self.text[sentence.start : start].strip(" `\n")))
            )
            or (
                kind == "partial"
                and cue is None
                and according is None
                and len(inner.split()) < 3
                and self._sentence_subject(span, index) is None
            )
        ):
            return None  # a title, show, nickname or scare quote: not reported speech
        speaker = None
        cue_text = None
        attributed = None  # the words of a subject that names no one ("the Secretary said")
        signed = self._signed_by(para, q)
        before = [t for t in span if self.resolver.char(t) < para.start + q.open_at and not t.is_space]
        if _cried_out(before) or _named_offence(before):
            cue = None  # "he was greeted with shouts of ``We love you''": a crowd, no one named
        elif signed is not None and (cue is None or self.resolver.char(cue) > signed[1]):
            speaker, cue = signed[0], None
        elif (author := _author_of_content(span, start, end, para.start, cue)) is not None:
            speaker = self.resolver.resolve_subject(author, index)
        elif (
            words_of := _in_words_of(span, para.start + q.open_at, para.start + q.outer_end, self.resolver.char)
        ) is not None:
            speaker, cue, according = self.resolver.resolve_subject(words_of, index), None, None
            cue_text = "in the words of"
        elif (author := _words_quoted(before, cue)) is not None:
            # an untagged surname of someone named in full before ("More's words")
            speaker = self.resolver.resolve_subject(author, index) or self.resolver.by_surname.get(author.text)
            cue = None  # a reporting verb before "quoted" reports something else
        elif cue is not None:
            # A subject inside quotation marks is the quoted speaker's word ("``Oh,'' exclaimed …").
            subjects = _subjects_of(cue, self.resolver.in_quote)
            if (inserted := _inserted_attribution(cue)) is not None:
                subjects = [inserted, *(t for t in subjects if t.i != inserted.i)]
            # "… told Al Jazeera that …": the name after "told" is the hearer, and so is the one
            # after "asked" or "urged" when the quote follows ("``…?'' asked Smith" is inverted).
            hearer_next = cue.lower_ in _TELL_FORMS or (cue.lower_ in _HEARER_VERBS and self.resolver.char(cue) < start)
            quoted_one = _quoted_as_saying(cue)
            for subj in subjects or ([] if hearer_next else _inverted_subject(cue)):
                speaker = self._resolve_subject(subj, quoted_one, index)
                if speaker is not None:
                    self.resolver.note_pronoun(subj, speaker)
                    break
                attributed = attributed or _description(subj, self.resolver.in_quote)
                if _unnamed_person(subj):
                    break  # "a lawmaker called for ``…'', the agency said": not the agency's words
            else:
                # "``…,'' a natural extension of that case, recalled Litan": after the quote, a noun
                # phrase no one can be is an apposition to the quote, and the name after the verb
                # speaks (not with verbs whose object is the hearer: "told Smith").
                if (
                    subjects
                    and quoted_one is None
                    and self.resolver.char(cue) >= end
                    and cue.lower_ not in _HEARER_VERBS
                ):
                    for subj in _inverted_subject(cue):
                        speaker = self.resolver.resolve_subject(subj, index)
                if not subjects and self.resolver.char(cue) >= end:
                    speaker = self._named_after_quote(span, end, cue)
        elif according is not None:
            speaker = self.resolver.resolve_subject(according, index)
            attributed = _description(according, self.resolver.in_quote)
        elif (framed := _framed_by(span)) is not None and (person := self.resolver.person_at(framed)) is not None:
            speaker = person
        elif kind == "direct":
            speaker = (
                self._labelled_by(span, para.start + q.open_at)
                or self._credited_after(para, q)
                or self._floating_speaker(index, by_sentence)
            )
        else:
            speaker = self._sentence_subject(span, index, start) or self._earlier_in_sentence(index, by_sentence)
            if speaker is None and _whole_clause_quoted(span, start, end, self.resolver.char):
                speaker = self._floating_speaker(index, by_sentence)
        quote = Quote(
            text=inner,
            kind=kind,
            speaker=self.resolver.speaker(speaker),
            cue=cue.text if cue is not None else ("according to" if according is not None else cue_text),
            sentence=index,
            start=start,
            end=end,
            attributed_to=attributed if speaker is None else None,
        )
        if cue is not None and quote.cue == cue.text:
            self.cue_of[id(quote)] = cue
        return quote

    def _relayed(self, marked: list[Quote], indirect: list[Quote]) -> None:
        """A partial quote inside what someone is reported to have said, whose own reporting verb
        closes the sentence after it (", the agency reported."), is the words of the one
        reported: "the commission said the movements were ``morally accountable'', the press
        agency said" (the commission's words); "X responded, suggesting that the ``extremists''
        …, the Interfax news agency reported" (X's). The innermost report holding the quote
        tells, where it names its speaker; with no report found around it, the reporting verb
        the parser hung the closing attribution on (:meth:`_relayed_by_outer_verb`)."""
        for quote in marked:
            cue = self.cue_of.get(id(quote))
            if quote.kind != "partial" or cue is None or not _closing_attribution(cue, self.resolver.char, quote.end):
                continue
            holders = [
                i
                for i in indirect
                if i.sentence == quote.sentence
                and i.start <= quote.start
                and quote.end <= i.end
                and i.speaker is not None
            ]
            if not holders:
                self._relayed_by_outer_verb(quote, cue)
                continue
            inner = min(holders, key=lambda i: i.end - i.start)
            reported = self.cue_of.get(id(inner))
            # the parser may hang the sentence's closing attribution inside the report: order tells
            if reported is None or reported is cue or self.resolver.char(reported) >= quote.start:
                continue
            quote.speaker, quote.cue, quote.attributed_to = inner.speaker, inner.cue, None

    def _relayed_by_outer_verb(self, quote: Quote, cue: Token) -> None:
        """ "Houghton also said that Yang … ``could become …,'' the newspaper reported": with no
        report found around the quote, the parser may still hang the closing attribution on the
        reporting verb before the quote; that verb's subject, where it names someone, spoke."""
        outer = cue.head
        if cue.dep_ != "ccomp" or outer.i == cue.i or not is_reporting_verb(outer):
            return
        if self.resolver.char(outer) >= quote.start or self.resolver.in_quote(outer):
            return
        subjects = [c for c in outer.children if c.dep_ == "nsubj" and not self.resolver.in_quote(c)]
        if subjects and (speaker := self.resolver.resolve_subject(subjects[0], quote.sentence)) is not None:
            quote.speaker, quote.cue, quote.attributed_to = self.resolver.speaker(speaker), outer.text, None

    def _resolve_subject(self, subj: Token, quoted: Token | None, sentence: int) -> Entity | None:
        """The speaker a reporting verb's subject names; when it is the ``quoted`` one of "X quoted
        Y as saying" (see :func:`_quoted_as_saying`), Y, and never X."""
        if quoted is not None and subj.i == quoted.i:
            return self.resolver.resolve_quoted(subj, sentence)
        return self.resolver.resolve_subject(subj, sentence)

    def _named_after_quote(self, span: Span, end: int, cue: Token) -> Entity | None:
        """ "``…,'' Syed Husin Ali, head of the party, said Thursday.": the parser lost the
        verb's subject in a name it misread, but the person named right after the quote, before
        the verb, is who said it."""
        cue_at = self.resolver.char(cue)
        after = [t for t in span if end <= self.resolver.char(t) < cue_at and not t.is_punct]
        # "``…,'' a third lawyer, Bruce Nell, who …, told the judge": a description set off by a
        # comma may come before the name.
        if after and after[0].lower_ in {"a", "an", "the"}:
            doc = cue.doc
            comma = next((k for k, t in enumerate(after) if t.i + 1 < len(doc) and doc[t.i + 1].text == ","), None)
            if (
                comma is not None
                and after[comma].pos_ == "NOUN"
                and all(t.pos_ in {"DET", "ADJ", "NOUN", "NUM"} for t in after[:comma])
            ):
                after = after[comma + 1 :]
        for tok in itertools.takewhile(lambda t: t.text[:1].isupper(), after[:4]):
            if (ent := self.resolver.entity_at(tok)) is not None:
                return ent if ent.type == "PERSON" else None
        return None

    def _signed_by(self, para: Paragraph, q: QuoteSpan) -> tuple[Entity | None, int] | None:
        """The name a dash sets after the quote, as a signature ("“…” — Claire Danes, on her win",
        "'…' -- Coach Mike Dunn"), with the dash's offset. Only capitalised words that end the
        paragraph or stop at a comma sign a quote: a dash that goes on with the narrative ("— Tom
        Varga left the hall") signs nothing. A signature in which the model found no name still
        signs the quote: then it has no speaker, and it is not taken for more words of the
        speaker before it."""
        if q.close_at is None:
            return None
        signature = _SIGNATURE.match(para.text, q.outer_end)
        if signature is None:
            return None
        first, last = para.start + signature.start("name"), para.start + signature.end("name")
        span = self.sent_spans[self.sent_of(first)]
        for tok in span:
            ent = self.resolver.entity_at(tok)
            # Any type: the model tags some names as places ("Julia Louis-Dreyfus" GPE), and a
            # signature names whoever speaks.
            if first <= self.resolver.char(tok) < last and ent is not None:
                return ent, para.start + signature.start()
        return None, para.start + signature.start()

    def _labelled_by(self, span: Span, opening: int) -> Entity | None:
        """The one person or organisation in a verbless label that a colon ends before the quote
        mark at ``opening`` ("Tom Varga, in a statement: “…”", "The ministry, on Twitter: “…”")."""
        label = [t for t in span if self.resolver.char(t) < opening and not t.is_space]
        if not label or label[-1].text != ":" or any(t.pos_ in {"VERB", "AUX"} for t in label):
            return None
        entities = (self.resolver.entity_at(t) for t in label)
        named = {id(e): e for e in entities if e is not None and e.type in {"PERSON", "ORG"}}
        return next(iter(named.values())) if len(named) == 1 else None

    def _credited_after(self, para: Paragraph, q: QuoteSpan) -> Entity | None:
        """ "“… in America.” Senator Ted Cruz": a pull quote whose paragraph holds nothing but the
        quote and, after it, a credit of at most eight capitalised words with no verb that name one
        person (a credit after a dash is :meth:`_signed_by`'s)."""
        if para.text[: q.open_at].strip() or q.close_at is None:
            return None
        credit = [t for t in para.doc if t.idx >= q.outer_end and not t.is_space]
        if not credit or len(credit) > 8 or any(t.pos_ in {"VERB", "AUX"} or t.is_lower for t in credit):
            return None
        people = {id(e): e for t in credit if (e := self.resolver.person_at(t)) is not None}
        return next(iter(people.values())) if len(people) == 1 else None

    def _floating_speaker(self, index: int, by_sentence: dict[int, list[Quote]]) -> Entity | None:
        """Who speaks a quote that stands alone, with no reporting verb of its own.

        It continues the quote just before it (in this sentence or the previous one); failing
        that, it belongs to whoever the previous sentence of the same or the previous paragraph
        reports on: the subject of its reporting verb, or its main subject when that is a person
        ("Patrick Ewing did not want to sound like a striker. ``I'm not going to …''").
        """
        for prev in (index, index - 1):
            for quote in reversed(by_sentence.get(prev, [])):
                if quote.speaker is not None:
                    return self._entity_named(quote.speaker)
        if index == 0 or self.sentences[index].paragraph - self.sentences[index - 1].paragraph > 1:
            return None
        span = self.sent_spans[index - 1]
        subjects = [t for t in span if t.dep_ in _SUBJECT_DEPS and not self.resolver.in_quote(t)]
        cues = [t for t in subjects if is_reporting_verb(t.head)]
        main = [t for t in subjects if t.head.dep_ == "ROOT"]
        for subj in cues + main:
            ent = self.resolver.resolve_subject(subj, index - 1)
            if ent is not None and ent.type in {"PERSON", "ORG"}:
                return ent
        return None

    def _earlier_in_sentence(self, index: int, by_sentence: dict[int, list[Quote]]) -> Entity | None:
        """A quote fragment with no verb of its own goes on the quote before it in the same
        sentence ("``The choice could be …,'' given the poet's …, ``but it's clear he's …''")."""
        for quote in reversed(by_sentence.get(index, [])):
            if quote.kind != "indirect":
                return self._entity_named(quote.speaker)
        return None

    def _entity_named(self, speaker: Speaker | None) -> Entity | None:
        if speaker is None:
            return None
        joint = self.resolver.joint.get(speaker.name)
        return joint or next((e for e in self.resolver.entities if e.name == speaker.name), None)

    def _sentence_subject(self, span: Span, index: int, at: int | None = None) -> Entity | None:
        """A partial quote with no reporting verb: the words of the person the sentence is about,
        when its main subject names one ("Holbrooke spoke …, where he planned to drive home to
        Milosevic ``the extreme gravity of the situation''"). Descriptions do not count here, nor
        does the subject of a passive: "He is indicted for ``direct involvement''" quotes the
        indictment, not him.

        With ``at``, the quote's offset, a clause around the quote that has a subject of its own
        speaks for it, not the main clause: in "Philip laid a wreath, where the parish priest spoke
        about the ``ticking bomb''" the words are the priest's, whom the article does not name
        here."""
        tok = self._clause_subject(span, at) if at is not None else None
        if tok is None:
            main = (t for t in span if t.dep_ in _SUBJECT_DEPS and t.head.dep_ == "ROOT")
            tok = next((t for t in main if not self.resolver.in_quote(t)), None)
        if tok is None or (tok.pos_ != "PROPN" and tok.lower_ not in _MALE | _FEMALE) or tok.dep_ == "nsubjpass":
            return None
        ent = self.resolver.resolve_subject(tok, index)
        return ent if ent is not None and ent.type == "PERSON" else None

    def _clause_subject(self, span: Span, at: int) -> Token | None:
        """The subject of the innermost clause around the word at offset ``at``, when that clause
        is not the sentence's main one."""
        tok = next((t for t in span if self.resolver.char(t) >= at and not t.is_punct), None)
        while tok is not None and tok.head is not tok:
            tok = tok.head
            if tok.dep_ == "ROOT":
                return None
            subjects = [c for c in tok.children if c.dep_ in _SUBJECT_DEPS and not self.resolver.in_quote(c)]
            if subjects:
                return subjects[0]
        return None

    def _indirect(self, marked: list[Quote]) -> list[Quote]:
        found = []
        for index, span in enumerate(self.sent_spans):
            base = self.resolver.offsets[id(span.doc)]
            for verb in span:
                if verb.pos_ != "VERB" or verb.lower_ not in SPEECH_FORMS:
                    continue
                comp = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
                comp = comp or _fronted_report(verb)
                if comp is None or not _finite_clause(comp):
                    continue
                words = _without_trailing_commas(list(comp.subtree))
                start, end = base + words[0].idx, base + words[-1].idx + len(words[-1])
                if words[0].lower_ == "that":
                    start = base + words[1].idx if len(words) > 1 else start
                subj = _subject_of(verb)
                if (inserted := _inserted_attribution(verb)) is not None:
                    # "The impeachment, said Rep. Tom DeLay, R-Texas, was …": the report is the
                    # sentence around the attribution, as with "according to"; when the words
                    # after it are a quote of their own, the quote is the report.
                    if any(q.sentence == index and q.kind == "direct" for q in marked):
                        continue
                    subj, start, end = inserted, self.sentences[index].start, self.sentences[index].end
                if self._mostly_quoted(start, end, marked) or end - start < 12:
                    continue
                if subj is None:
                    continue
                speaker = self._resolve_subject(subj, _quoted_as_saying(verb), index)
                found.append(
                    Quote(
                        self.text[start:end],
                        "indirect",
                        self.resolver.speaker(speaker),
                        verb.text,
                        index,
                        start,
                        end,
                        attributed_to=None if speaker is not None else _description(subj, self.resolver.in_quote),
                    )
                )
                self.cue_of[id(found[-1])] = verb
            acc = _according_to(span)
            if acc is not None and not any(q.sentence == index for q in marked):
                speaker = self.resolver.resolve_subject(acc, index)
                # "according to Republicans", "according to a former employee": people the
                # article does not name still report; "according to the data" is no one
                unnamed = speaker is None and (
                    acc.ent_type_ == "NORP" or acc.lemma_.lower() in ROLE_HEADS | PERSON_NOUNS
                )
                if speaker is not None or unnamed:
                    s = self.sentences[index]
                    found.append(
                        Quote(
                            s.text,
                            "indirect",
                            self.resolver.speaker(speaker),
                            "according to",
                            index,
                            s.start,
                            s.end,
                            attributed_to=_description(acc, self.resolver.in_quote) if unnamed else None,
                        )
                    )
        return found

    @staticmethod
    def _mostly_quoted(start: int, end: int, marked: list[Quote]) -> bool:
        covered = sum(max(0, min(end, q.end) - max(start, q.start)) for q in marked if q.kind != "indirect")
        return covered > (end - start) * 0.5

    def _title_quotes(self, doc: Doc) -> list[Quote]:
        quotes = []
        self.resolver.offsets[id(doc)] = 0
        saved = self.resolver.by_char
        # Entity offsets refer to the body; in the title, match people by name instead.
        self.resolver.by_char = {}
        names = {}
        for ent in self.resolver.entities:
            for alias in [ent.name, *ent.aliases]:
                names[alias] = ent
        for ent in doc.ents:
            target = names.get(ent.text)
            if target is not None:
                for c in range(ent.start_char, ent.end_char):
                    self.resolver.by_char[c] = target
        for q in find_quote_spans(doc.text):
            cue = _cue_for(doc[:], q.start, q.end, 0)
            speaker = None
            if cue is not None and (subj := _subject_of(cue)) is not None and subj.lower_ not in _PRONOUNS:
                speaker = self.resolver.resolve_subject(subj, 0)
            kind = _kind(doc.text, q, 0)
            quotes.append(
                Quote(
                    doc.text[q.start : q.end],
                    kind,
                    self.resolver.speaker(speaker),
                    cue.text if cue is not None else None,
                    None,
                    q.start,
                    q.end,
                    in_title=True,
                )
            )
        self.resolver.by_char = saved
        return quotes
