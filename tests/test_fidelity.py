"""Quotes across outlets (crosswire.fidelity) on small articles written here: how an article's pieces
of a quote become one rendering, and which quotes of unknown speaker join a named speaker's."""

from __future__ import annotations

from crosswire.fidelity import compare_quotes


def _renderings(groups, article):
    return {r.text: r.fidelity for g in groups for r in g.renderings if r.article == article.id}


def test_a_quote_split_around_its_attribution_is_shown_as_printed(analyze_text):
    """The halves are shown one after the other, with no ellipsis between them the outlet never
    printed; an ellipsis an outlet did print is kept. It makes the rendering elided only where
    another outlet prints words there: against the others, an ellipsis for a full stop drops
    nothing."""
    split = analyze_text('"The harbour will reopen on Monday," port director Anna Velk said. "Every crane is ready."')
    whole = analyze_text(
        'Port director Anna Velk said on Friday: "The harbour will reopen on Monday. Every crane is ready."'
    )
    cut = analyze_text(
        'Port director Anna Velk told reporters: "The harbour will reopen on Monday ... every crane is ready."'
    )
    (group,) = compare_quotes([split, whole, cut])
    assert _renderings([group], split) == {"The harbour will reopen on Monday, Every crane is ready": "verbatim"}
    assert _renderings([group], whole) == {"The harbour will reopen on Monday. Every crane is ready": "verbatim"}
    assert _renderings([group], cut) == {"The harbour will reopen on Monday ... every crane is ready": "verbatim"}


def test_an_ellipsis_is_an_elision_only_against_words_another_outlet_prints(analyze_text):
    """The same cut printed by every outlet (the wire's own) is verbatim; the outlet whose
    ellipsis stands for words another prints is elided."""
    first = analyze_text(
        'Port director Anna Velk said: "The harbour will reopen on Monday ... and every crane is ready for work."'
    )
    second = analyze_text(
        '"The harbour will reopen on Monday ... and every crane is ready for work," port director Anna Velk said.'
    )
    (group,) = compare_quotes([first, second])
    assert {r.fidelity for r in group.renderings} == {"verbatim"}
    fuller = analyze_text(
        'Port director Anna Velk said: "The harbour will reopen on Monday, as we promised the shipping lines, '
        'and every crane is ready for work."'
    )
    (group,) = compare_quotes([first, second, fuller])
    assert _renderings([group], first) == {
        "The harbour will reopen on Monday ... and every crane is ready for work": "elided"
    }
    assert _renderings([group], fuller) == {
        "The harbour will reopen on Monday, as we promised the shipping lines, and every crane is ready for work": (
            "verbatim"
        )
    }


def test_a_masked_word_is_the_same_word_however_it_is_masked(analyze_text):
    """ "f***", "****" and "(expletive)" are one word masked three ways, not a change of the quote."""
    stars = analyze_text('"We were not told a f*** thing about the closure of the port," dock worker Tom Reyes said.')
    blank = analyze_text('"We were not told a **** thing about the closure of the port," dock worker Tom Reyes said.')
    wire = analyze_text(
        '"We were not told a (expletive) thing about the closure of the port," dock worker Tom Reyes said.'
    )
    (group,) = compare_quotes([stars, blank, wire])
    assert {r.fidelity for r in group.renderings} == {"verbatim"}


def test_words_printed_where_another_outlet_splits_the_quote_are_not_an_alteration(analyze_text):
    """An outlet may cut words where it breaks a quote for its attribution: the outlet that prints
    "but" there has not changed the quote; the one that split it dropped a word from its middle."""
    split = analyze_text('"Nobody won this strike," union leader Mara Holt said. "The port can breathe again."')
    whole = analyze_text('"Nobody won this strike, but the port can breathe again," union leader Mara Holt said.')
    (group,) = compare_quotes([split, whole])
    assert _renderings([group], whole) == {"Nobody won this strike, but the port can breathe again": "verbatim"}
    assert _renderings([group], split) == {"Nobody won this strike, The port can breathe again": "elided"}


def test_a_partial_quote_is_not_joined_to_the_quote_after_it(analyze_text):
    """A phrase quoted inside the reporter's sentence and the full quote in the next sentence are two
    renderings, not one "completely harmless … We do not recommend …"."""
    pieces = analyze_text(
        'Spokeswoman Mira Tal said the crayons were "completely harmless" for children.\n\n'
        '"We do not recommend using them as make-up, lipstick or food," Tal said.'
    )
    full = analyze_text(
        '"Our crayons are completely harmless for children, but we do not recommend using them as make-up, '
        'lipstick or food," spokeswoman Mira Tal said.'
    )
    (group,) = compare_quotes([pieces, full])
    assert _renderings([group], pieces) == {
        "completely harmless": "truncated",
        "We do not recommend using them as make-up, lipstick or food": "truncated",
    }
    assert set(_renderings([group], full).values()) == {"verbatim"}


def test_a_partial_quote_of_words_the_article_quotes_in_full_is_not_a_rendering(analyze_text):
    """Quoted once as a label ("non-toxic") and once in the full quote, spelt "nontoxic" there: the
    article prints the quote once."""
    label = analyze_text(
        'Spokeswoman Mira Tal said the "non-toxic" label was no licence for make-up.\n\n'
        '"Although our crayons are nontoxic, we strongly discourage parents from using them as eyeliner or '
        'lipstick," Tal said.'
    )
    full = analyze_text(
        '"Although our crayons are non-toxic, we strongly discourage parents from using them as eyeliner or '
        'lipstick," spokeswoman Mira Tal said.'
    )
    (group,) = compare_quotes([label, full])
    assert _renderings([group], label) == {
        "Although our crayons are nontoxic, we strongly discourage parents from using them as eyeliner or lipstick": (
            "verbatim"
        )
    }


def test_another_quote_between_two_quotes_keeps_them_apart(analyze_text):
    """Someone else's words between two quotes of a speaker: not one quote broken for its attribution."""
    interrupted = analyze_text(
        '"We regret the long delay," spokeswoman Nora Blix said as a passenger shouted "Give us our money back." '
        '"Service resumes on Monday."'
    )
    whole = analyze_text('"We regret the long delay. Service resumes on Monday," spokeswoman Nora Blix said.')
    groups = compare_quotes([interrupted, whole])
    (group,) = [g for g in groups if any(r.article == whole.id for r in g.renderings)]
    assert set(_renderings([group], interrupted)) == {"We regret the long delay", "Service resumes on Monday"}


def test_a_short_shared_phrase_gives_no_quote_a_speaker(analyze_text):
    """ "black box", quoted with no speaker, is no evidence that it is Tom Rell's words, nor that Tom
    Rell's and Lena Ort's quotes are one quote."""
    rell = analyze_text(
        '"The black box will be almost impossible to find in water this deep," search chief Tom Rell said.'
    )
    unattributed = analyze_text('Rescuers said the "black box" had not been found.')
    ort = analyze_text(
        '"We have a good chance of finding the black box before its battery dies," oceanographer Lena Ort said.'
    )
    groups = compare_quotes([rell, unattributed, ort])
    speakers = {r.article: (g.speaker.name if g.speaker else None) for g in groups for r in g.renderings}
    assert speakers == {rell.id: "Tom Rell", unattributed.id: None, ort.id: "Lena Ort"}
    assert all(len(g.renderings) == 1 for g in groups)


def test_a_quote_of_unknown_speaker_joins_a_named_speaker_over_a_long_run(analyze_text):
    """An aide's unattributed quote holds the senator's whole quote: it is hers, even where she splits
    it around her name and one half ("We won it anyway") is a short phrase on its own."""
    named = analyze_text('"Nobody expected the vote to pass tonight," Senator Ruth Amsel said. "We won it anyway."')
    unattributed = analyze_text('An aide was jubilant. "Nobody expected the vote to pass tonight. We won it anyway."')
    (group,) = compare_quotes([named, unattributed])
    assert group.speaker.name == "Ruth Amsel"
    assert _renderings([group], named) == {"Nobody expected the vote to pass tonight, We won it anyway": "verbatim"}
    assert _renderings([group], unattributed) == {
        "Nobody expected the vote to pass tonight. We won it anyway": "verbatim"
    }


def test_one_quote_under_a_misspelt_name_is_one_quote(analyze_text):
    """One outlet writes "Chief Tom Brennan", another "Chief Tom Brenan": the same eight words and
    more are one quote, shown altered where the words differ. The story takes the two spellings
    for one person (see ``textsim.spelt_surnames``), so a short phrase under them is one quote too;
    two people whose names differ more stay apart."""
    one = analyze_text(
        '"People in Velm are strong enough to carry this town through the worst of the winter," '
        "Police Chief Tom Brennan said."
    )
    other = analyze_text(
        '"People in Velm are strong enough to carry this town through the end of the winter," '
        "Police Chief Tom Brenan said."
    )
    (group,) = compare_quotes([one, other])
    assert {r.fidelity for r in group.renderings} == {"altered"}
    short = analyze_text('"We are ready," Police Chief Tom Brenan said.')
    again = analyze_text('"We are ready," Police Chief Tom Brennan said.')
    assert len(compare_quotes([short, again])) == 1
    stranger = analyze_text(
        '"People in Velm are strong enough to carry this town through the worst of the winter," '
        "Police Chief Tom Bremner said."
    )
    assert len(compare_quotes([one, stranger])) == 2


def test_of_two_printings_the_one_missing_words_inside_is_the_elided_one(analyze_text):
    """Two outlets, one printing "and" and a clause the other lacks: from two printings alone the
    fuller cannot be told to have added them, so the shorter is elided and the fuller verbatim (both
    were flagged before: the fuller as altered). Two printings agreeing on the shorter wording make
    the fuller the one that added words."""
    full = analyze_text(
        '"We are grateful that he was located and reunited with his family this evening," '
        "police spokesman Jon Hale said."
    )
    short = analyze_text(
        '"We are grateful that he was located reunited with his family this evening," police spokesman Jon Hale said.'
    )
    (group,) = compare_quotes([full, short])
    assert _renderings([group], full) == {
        "We are grateful that he was located and reunited with his family this evening": "verbatim"
    }
    assert set(_renderings([group], short).values()) == {"elided"}
    again = analyze_text(
        'Police spokesman Jon Hale said: "We are grateful that he was located reunited with his family this evening."'
    )
    (group,) = compare_quotes([full, short, again])
    assert set(_renderings([group], full).values()) == {"altered"}


def test_british_spellings_in_every_form_are_house_style(analyze_text):
    """ "honoured" in one outlet, "honored" in another: the same word of the speaker."""
    one = analyze_text('"We are honoured to play a part in finding this vessel," explorer Paul Arden said.')
    other = analyze_text('"We are honored to play a part in finding this vessel," explorer Paul Arden said.')
    (group,) = compare_quotes([one, other])
    assert {r.fidelity for r in group.renderings} == {"verbatim"}


def test_two_printings_that_differ_only_from_each_other_both_stay_altered(analyze_text):
    """Two outlets print one word differently and a third prints only a part both share: with no
    third wording to side with either, both printings are flagged (each used to be cleared once
    the other was set aside, and the comparison swung between the two readings)."""
    one = analyze_text('"You say one thing, you say another, and then you vote for the cuts," Mayor Ivo Darr said.')
    other = analyze_text('"You say one thing, you say the other, and then you vote for the cuts," Mayor Ivo Darr said.')
    part = analyze_text('Mayor Ivo Darr accused the council of double talk: "You say one thing," he said.')
    (group,) = compare_quotes([one, other, part])
    assert set(_renderings([group], one).values()) == {"altered"}
    assert set(_renderings([group], other).values()) == {"altered"}
    assert set(_renderings([group], part).values()) == {"truncated"}


def test_a_for_an_is_a_typing_slip_not_an_alteration(analyze_text):
    one = analyze_text('"A crane abandoned by the port is now saving it," harbour master Ivo Darr said.')
    other = analyze_text('"An crane abandoned by the port is now saving it," harbour master Ivo Darr said.')
    (group,) = compare_quotes([one, other])
    assert set(_renderings([group], one).values()) == {"verbatim"}
    assert set(_renderings([group], other).values()) == {"verbatim"}
