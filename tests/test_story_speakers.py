"""Speakers the story resolves and one article cannot: a quote an article gives to "the
Secretary", when the story's other articles say which person it names holds that title."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from crosswire.quotes import _subjects_of
from crosswire.story import build_story

_BRIEFING = (
    "Tarsa clinics to reopen\n\nHealth Secretary Dana Orlov said on Monday that the clinics closed by the flood "
    'would reopen. "We will open every clinic in the valley by Friday," Orlov said at a briefing in Tarsa. '
    "The flood closed twelve clinics last week."
)
_VISIT = (
    "Valley clinics reopen Friday\n\nDana Orlov visited the flooded clinics of Tarsa on Monday. "
    '"The nurses we hire this week will start on Monday," the Secretary said. '
    "The flood closed twelve clinics last week."
)


def _group(story, fragment):
    (group,) = [g for g in story.quotes if fragment in g.text]
    return group


def test_the_article_keeps_the_words_it_gives_an_unnamed_speaker_by(analyze_text):
    article = analyze_text(_VISIT)
    (quote,) = [q for q in article.quotes if "nurses" in q.text]
    assert quote.speaker is None  # the article never says Orlov is a secretary
    assert quote.attributed_to == "the Secretary"
    named = analyze_text('"We are ready," Mayor Lotte Brandt said. "It will take a week," she added.')
    assert all(q.speaker is not None and q.attributed_to is None for q in named.quotes)


def test_a_hyphenated_word_stays_in_the_description(analyze_text):
    article = analyze_text(
        "Rally ends quietly\n\nThe march was held in May. A 75-year-old history professor said the rally "
        "was peaceful from start to finish."
    )
    assert [q.attributed_to for q in article.quotes] == ["A 75-year-old history professor"]


def test_the_story_gives_the_quote_to_the_one_holder_of_the_title(analyze_text):
    briefing, visit = analyze_text(_BRIEFING), analyze_text(_VISIT)
    group = _group(build_story([briefing, visit]), "nurses we hire")
    assert group.speaker is not None and group.speaker.name == "Dana Orlov"
    assert group.speaker.role == "Health Secretary"
    # the article is the analysis: the story resolves the speaker without changing it
    assert next(q for q in visit.quotes if "nurses" in q.text).speaker is None


def test_two_holders_of_the_title_leave_the_quote_without_a_speaker(analyze_text):
    briefing = analyze_text(_BRIEFING.replace("in Tarsa.", "in Tarsa beside Transport Secretary Ilan Brek."))
    visit = analyze_text(_VISIT.replace("on Monday.", "on Monday with Ilan Brek.", 1))
    assert _group(build_story([briefing, visit]), "nurses we hire").speaker is None


@pytest.mark.parametrize(("description", "resolved"), [("the Italian minister", True), ("the French minister", False)])
def test_every_word_of_the_description_must_be_in_the_title(analyze_text, description, resolved):
    briefing = analyze_text(_BRIEFING.replace("Health Secretary", "Italian Health Minister"))
    visit = analyze_text(_VISIT.replace("the Secretary", description))
    speaker = _group(build_story([briefing, visit]), "nurses we hire").speaker
    assert (speaker is not None and speaker.name == "Dana Orlov") is resolved


def test_a_participle_after_said_goes_on_from_the_reporter_not_the_quote():
    """'"…," the Secretary said, adding that …': the parser may hang "adding" on a verb inside
    the quote, where it would find the quote's own subject."""
    words = ['"', "We", "are", "ready", ",", '"', "the", "Secretary", "said", ",", "adding"]
    words += ["that", "it", "would", "end"]
    heads = [8, 2, 2, 2, 8, 8, 7, 8, 8, 8, 2, 14, 14, 14, 10]
    deps = ["punct", "nsubj", "ROOT", "acomp", "punct", "punct", "det", "nsubj", "ROOT", "punct",
            "advcl", "mark", "nsubj", "aux", "ccomp"]  # fmt: skip
    tags = ["``", "PRP", "VBP", "JJ", ",", "''", "DT", "NNP", "VBD", ",", "VBG", "IN", "PRP", "MD", "VB"]
    pos = ["PUNCT", "PRON", "AUX", "ADJ", "PUNCT", "PUNCT", "DET", "PROPN", "VERB", "PUNCT", "VERB", "SCONJ",
           "PRON", "AUX", "VERB"]  # fmt: skip
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos)
    adding = doc[10]
    assert adding.head.text == "are"  # the misparse the rule is for
    subjects = _subjects_of(adding, in_quote=lambda tok: 1 <= tok.i <= 3)
    assert [t.text for t in subjects] == ["Secretary"]


def test_seeds_the_secretary_is_blinken_whom_the_other_outlets_title(seeds):
    """TURAN never gives Blinken a title; its "the Secretary said" quote is his in the story, and
    VOA's four words of the same remarks are a truncation of it, not a quote of their own."""
    turan = seeds["002"]
    (quote,) = [q for q in turan.quotes if q.text.startswith("Everyone is focused")]
    assert quote.speaker is None and quote.attributed_to == "the Secretary"
    story = build_story([seeds[k] for k in sorted(seeds)])
    group = _group(story, "Everyone is focused")
    assert group.speaker.name == "Antony Blinken"
    fidelity = {r.article: r.fidelity for r in group.renderings}
    assert fidelity == {turan.id: "verbatim", seeds["000"].id: "truncated"}
