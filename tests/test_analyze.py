"""Per-article analysis on real text: sentences, entities and roles, quotes and speakers, dates."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from crosswire.analyze import Analyzer
from crosswire.model import Entity
from crosswire.quotes import _titled_person_in

from .conftest import speaker_of


def _quote(article, fragment, kinds=("direct", "partial", "indirect")):
    matches = sorted((q for q in article.quotes if fragment in q.text and q.kind in kinds), key=lambda q: len(q.text))
    assert matches, f"no quote containing {fragment!r}: {[q.text for q in article.quotes]}"
    return matches[0]


# ---------------------------------------------------------------- sentences


def test_sentence_offsets_point_into_the_text(seeds, sample):
    for article in [*seeds.values(), *sample.values()]:
        assert article.sentences
        for i, s in enumerate(article.sentences):
            assert s.index == i
            assert article.text[s.start : s.end] == s.text
        for q in article.quotes:
            if not q.in_title:
                assert article.text[q.start : q.end] == q.text
                sentence = article.sentences[q.sentence]
                assert sentence.start <= q.start and q.end <= sentence.end


def test_quote_over_several_sentences_stays_in_one_sentence(seeds):
    reuters = seeds["003"]
    (sentence,) = [s for s in reuters.sentences if "put on hold and wait" in s.text]
    assert "We need to speed up all critical decisions" in sentence.text
    assert sentence.text.endswith("he said.")


def test_paragraph_breaks_end_sentences(analyze_text):
    article = analyze_text("Port talks collapse\n\nThe talks collapsed on Monday\n\nUnions said they would strike.")
    assert [s.text for s in article.sentences] == ["The talks collapsed on Monday", "Unions said they would strike."]


# ---------------------------------------------------------------- entities


def test_short_names_merge_into_canonical_names_with_roles(seeds):
    voa = seeds["000"]
    blinken = voa.entity("Blinken")
    assert blinken.name == "Antony Blinken" and blinken.type == "PERSON"
    assert "U.S. Secretary of State" in blinken.roles
    assert len(blinken.mentions) >= 5
    assert voa.entity("Mark Rutte").roles == ["NATO Secretary General"]
    assert voa.entity("Andrii Sybiha").roles == ["Ukrainian Foreign Minister"]
    assert "foreign secretary" in voa.entity("David Lammy").roles[0]


def test_model_errors_are_corrected(seeds):
    reuters = seeds["003"]
    # "State" in "Secretary of State" is not an organisation
    assert reuters.entity("State") is None
    # "Blinken" tagged GPE by the model, "Trump" tagged ORG: both people
    assert reuters.entity("Blinken").type == "PERSON"
    assert reuters.entity("Trump").name == "Donald Trump" and reuters.entity("Trump").type == "PERSON"
    # "Meeting Blinken in Brussels": the participle is not part of the name
    assert all(not e.name.startswith("Meeting") for e in reuters.entities)
    # "NATO Supreme Allied Commander Europe General Christopher Cavoli": a title, not an organisation
    assert reuters.entity("Christopher Cavoli").roles[0].startswith("NATO Supreme Allied Commander")
    assert reuters.entity("NATO").type == "ORG"


def test_people_the_model_misses_are_found_by_title_and_reporting_verb(sample):
    wire = sample["01"]
    vask = wire.entity("Elena Vask")
    assert vask is not None and vask.type == "PERSON" and vask.roles == ["Harbor Minister"]
    assert wire.entity("Marrow").name == "Ines Marrow"
    assert wire.entity("Ines Marrow").roles == ["chief executive of the port authority"]
    assert wire.entity("Port Alder") is None or wire.entity("Port Alder").type == "GPE"


def test_a_name_after_a_title_is_one_person_whatever_the_model_made_of_it(analyze_text):
    """The small model splits "Air Chief Marshal Angus Houston" into an organisation and a place,
    types "Sculthorpe" a place, leaves "Molly O'Neal" untagged and parses "Per" as a preposition."""
    article = analyze_text(
        "Search moves to the seabed\n\n"
        "“It is time to go underwater,” said Air Chief Marshal Angus Houston, who leads the search. "
        "Houston said the air search would end within three days.\n\n"
        "Heather Sculthorpe, chief executive of the Tasmanian Aboriginal Center, called the plan an “insult.”\n\n"
        "“I think the sentence is fair,” said Santa Clara County Public Defender Molly O’Neal.\n\n"
        "Councillor Per Dahl said the money would pay for new books."
    )
    houston = article.entity("Angus Houston")
    assert houston is not None and houston.type == "PERSON" and houston.roles[0] == "Air Chief Marshal"
    assert article.entity("Houston").name == "Angus Houston"
    assert speaker_of(article, "time to go underwater") == "Angus Houston"
    assert speaker_of(article, "air search would end") == "Angus Houston"
    assert article.entity("Heather Sculthorpe").type == "PERSON"
    assert speaker_of(article, "insult") == "Heather Sculthorpe"
    assert speaker_of(article, "the sentence is fair") == "Molly O’Neal"
    assert article.entity("Santa Clara County").type == "GPE"
    assert article.entity("Per Dahl").roles == ["Councillor"]
    assert speaker_of(article, "pay for new books") == "Per Dahl"


def test_a_word_before_a_name_is_no_given_name_without_a_title_or_role(analyze_text):
    """ "Alderman Christie said" is the lord mayor named before, not a person called Alderman; a
    country after a capitalised word stays a country."""
    article = analyze_text(
        "Festival row\n\nHobart Lord Mayor Ron Christie said most aldermen backed the festival. "
        "Alderman Christie said the council was not paying for it. "
        "Neighboring Ukraine also criticized the plan."
    )
    assert speaker_of(article, "not paying for it") == "Ron Christie"
    assert article.entity("Alderman Christie") is None
    assert article.entity("Ukraine").type == "GPE"


def test_an_office_named_after_its_holder_speaks_as_the_office(analyze_text):
    """The model tags only "Office" in "the Whitley County Sheriff's Office", often as a person;
    "Sheriff's" is then no title of anyone."""
    article = analyze_text(
        "Search goes on\n\nThe Whitley County Sheriff’s Office said deputies searched the creek overnight. "
        "The U.S. Attorney’s Office said the two men caused thousands of dollars in damage."
    )
    assert speaker_of(article, "searched the creek") == "Whitley County Sheriff’s Office"
    assert article.entity("Whitley County Sheriff’s Office").type == "ORG"
    assert speaker_of(article, "thousands of dollars") == "U.S. Attorney’s Office"
    assert article.entity("Office") is None


def test_a_body_named_by_a_proper_noun_in_front_speaks_under_that_name(analyze_text):
    """ "the Nobel committee" is no person Nobel, nor nobody: the committee speaks, and "the award
    committee" and "its citation" later are the same committee's words."""
    article = analyze_text(
        "Prize for chemists\n\nThe prize went to three chemists. Their finding ``opened a new field,'' said the "
        "Nobel committee at the Karolinska Institute, which makes the awards. Its citation said that the work "
        "had led to new drugs. The award committee said that ``this was the first such discovery.''"
    )
    committee = article.entity("Nobel committee")
    assert committee is not None and committee.type == "ORG"
    assert speaker_of(article, "opened a new field") == "Nobel committee"
    assert speaker_of(article, "led to new drugs") == "Nobel committee"
    assert speaker_of(article, "first such discovery") == "Nobel committee"


def test_roles_stated_as_predicates(sample, analyze_text):
    # "Tomas Okafor, who leads the Estravian Dockworkers' Union, said …"
    assert sample["05"].entity("Tomas Okafor").roles == ["leader of the Estravian Dockworkers' Union"]
    article = analyze_text(
        "Budget fight\n\nMaria Lind became the new finance minister in March. She said taxes would not rise."
    )
    assert article.entity("Maria Lind").roles == ["finance minister"]
    assert speaker_of(article, "taxes would not rise") == "Maria Lind"


def test_acronyms_join_their_organisation(analyze_text):
    article = analyze_text(
        "Ministers meet\n\nThe European Union said on Monday it would extend sanctions. "
        "The EU also pledged new aid, its foreign policy chief Josep Borrell said."
    )
    eu = article.entity("EU")
    assert eu is not None and eu.name == "European Union"


# ---------------------------------------------------------------- quotes


def test_direct_quotes_with_curly_marks_and_named_speakers(seeds):
    voa = seeds["000"]
    q = _quote(voa, "President Biden has committed")
    assert q.kind == "direct" and q.speaker.name == "Antony Blinken" and q.cue == "told"
    assert q.speaker.role == "U.S. Secretary of State"
    assert speaker_of(voa, "These North Korean soldiers") == "Mark Rutte"


def test_pronoun_speakers_are_resolved(seeds, sample):
    voa = seeds["000"]
    q = _quote(voa, "air defenses it needs")
    assert q.cue == "added" and q.speaker.name == "Antony Blinken"
    anadolu = seeds["004"]
    assert speaker_of(anadolu, "Now we see North Koreans") == "Mark Rutte"  # "he said"
    assert speaker_of(anadolu, "present an extra threat") == "Mark Rutte"  # "he added"
    assert speaker_of(sample["01"], "keep every berth open") == "Elena Vask"  # "she said"
    assert speaker_of(sample["01"], "If the hiring pledge is broken") == "Tomas Okafor"  # "he added"


def test_title_speakers_are_resolved(sample):
    # "… national defense problem," the minister said.
    q = _quote(sample["01"], "national defense problem")
    assert q.speaker.name == "Elena Vask" and q.cue == "said"


def test_quote_split_by_its_attribution(sample):
    wire = sample["01"]
    first, second = _quote(wire, "Nobody won this strike"), _quote(wire, "first cranes to be moving")
    assert first.sentence == second.sentence
    assert first.speaker.name == second.speaker.name == "Elena Vask"
    assert first.kind == second.kind == "direct"


def test_partial_quotes(seeds, sample):
    voa = seeds["000"]
    q = _quote(voa, "a two-way street")
    assert q.kind == "partial" and q.speaker.name == "Antony Blinken" and q.cue == "described"
    okafor = _quote(sample["01"], "a fair start, not a final word")
    assert okafor.kind == "partial" and okafor.speaker.name == "Tomas Okafor"
    # Single-word quotes with a reporting verb are reported speech, spoken by the subject of "said".
    reuters = seeds["003"]
    appeasement = _quote(reuters, "appeasement")
    assert appeasement.kind == "partial" and appeasement.speaker.name == "Andrii Sybiha" and appeasement.cue == "called"


def test_quote_in_headline_with_single_marks(seeds):
    anadolu = seeds["004"]
    (title_quote,) = [q for q in anadolu.quotes if q.in_title]
    assert title_quote.text.startswith("We had very productive discussion")
    assert title_quote.sentence is None and title_quote.cue == "says"
    assert title_quote.speaker.name == "Antony Blinken"


def test_straight_quotes_and_multi_sentence_quote(seeds):
    caliber = seeds["001"]
    q = _quote(caliber, "put on hold and wait")
    assert q.kind == "direct" and q.speaker.name == "Andrii Sybiha"
    assert "speed up all critical decisions" in q.text


def test_indirect_speech_and_according_to(sample, analyze_text):
    wire = sample["01"]
    q = _quote(wire, "backlog of more than 40 vessels")
    assert q.kind == "indirect" and q.speaker.name == "Elena Vask" and q.cue == "said"
    assert not q.text.startswith("that")
    article = analyze_text(
        "Storm closes schools\n\nSchools in the region will stay closed until Friday, "
        "according to Governor Maria Lind. Officials said the roads were still flooded."
    )
    acc = [q for q in article.quotes if q.cue == "according to"]
    assert acc and acc[0].speaker.name == "Maria Lind" and acc[0].kind == "indirect"
    officials = _quote(article, "roads were still flooded")
    assert officials.kind == "indirect" and officials.speaker is None  # a group, not a guess


def test_reported_speech_before_its_attribution(analyze_text):
    """The wire's commonest form: the statement first, then "police said" or "said X"."""
    article = analyze_text(
        "Port stays shut\n\nThe harbour of Velm will stay closed until Friday, port director Anna Velk said on "
        "Monday. Two cranes were damaged in the storm, said Tomas Okafor, the union leader. The cranes will be "
        "repaired, officials said. When the storm hit, Velk said she had ordered the port closed."
    )
    velk = _quote(article, "stay closed until Friday")
    assert velk.kind == "indirect" and velk.speaker.name == "Anna Velk" and velk.text.endswith("Friday")
    assert speaker_of(article, "Two cranes were damaged") == "Tomas Okafor"
    assert _quote(article, "cranes will be repaired").speaker is None
    # the clause before the attribution is no statement when the verb reports another clause
    assert not any(q.text.startswith("When the storm") for q in article.quotes)


def test_no_speaker_is_guessed(analyze_text):
    article = analyze_text(
        "Quiet night in the capital\n\nThe streets were empty on Sunday.\n\n"
        '"We have never seen anything like this," one resident said.'
    )
    q = _quote(article, "never seen anything like this")
    assert q.speaker is None and q.cue == "said"


def test_scare_quotes_and_titles_are_not_quotes(analyze_text):
    article = analyze_text('Film review\n\nThe film "Northern Lights" opened in 40 cinemas on Friday.')
    assert article.quotes == []


# ---------------------------------------------------------------- dates


def test_relative_dates_resolve_against_the_dateline(seeds):
    voa = seeds["000"]
    resolved = {(d.text, d.date) for d in voa.dates}
    assert ("Wednesday", "2024-11-13") in resolved
    assert ("January 20th", "2025-01-20") in resolved
    assert ("January", "2025-01") in resolved
    assert all(d.text != "the final months" for d in voa.dates)  # vague spans are not dates


@pytest.mark.parametrize(
    ("sentence", "text", "date"),
    [
        ("The minister resigned on Monday.", "Monday", "2024-11-11"),
        ("The board will meet on Friday.", "Friday", "2024-11-15"),
        ("Biden leaves office on Jan. 20.", "Jan. 20", "2025-01-20"),
        ("The deal expires next year.", "next year", "2025"),
        ("Prices rose last month.", "last month", "2024-10"),
        ("The law passed on March 3, 2021.", "March 3, 2021", "2021-03-03"),
        ("Talks resumed yesterday.", "yesterday", "2024-11-12"),
        ("The river flooded earlier this month.", "earlier this month", "2024-11"),
    ],
)
def test_date_resolution(analyze_text, sentence, text, date):
    article = analyze_text(f"Headline for a test\n\nCity officials spoke to reporters. {sentence}", "2024-11-13")
    assert (text, date) in {(d.text, d.date) for d in article.dates}


def test_decades_and_centuries_are_periods_not_dates(analyze_text):
    article = analyze_text(
        "Headline for a test\n\nSince the 1980s, the port has grown. In the 1990s it doubled. "
        "In the 19th century it was a fishing village. The mayor spoke on Monday.",
        "2024-11-13",
    )
    assert [(d.text, d.date) for d in article.dates if d.date] == [("Monday", "2024-11-11")]


def test_undated_article_keeps_relative_dates_unresolved_and_says_why(seeds):
    reuters = seeds["003"]
    wednesday = [d for d in reuters.dates if d.text == "Wednesday"]
    assert wednesday and wednesday[0].date is None
    assert any("no publication date" in w for w in reuters.warnings)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("77th a year ago", (None, "day")),  # the model's DATE span of "up from 77th a year ago"
        ("Thursday", (None, "day")),
        ("14/03/2021", ("2021-03-14", "day")),
        ("March 5th, 2019 at noon", ("2019-03-05", "day")),
    ],
)
def test_without_the_articles_date_only_absolute_dates_resolve(text, expected):
    """What dateparser reads differently from different days needs the article's date, never today's."""
    from crosswire.dates import resolve

    assert resolve(text, None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dec. 6-20", ("2026-12-06", "day")),
        ("Nov. 14-17", ("2026-11-14", "day")),
        ("March 3 to 5, 2027", ("2027-03-03", "day")),
    ],
)
def test_a_span_of_days_is_dated_by_its_first(text, expected):
    """ "The games run Dec. 6-20": the second number is a day, not a two-digit year (2020)."""
    import datetime as dt

    from crosswire.dates import resolve

    assert resolve(text, dt.date(2026, 11, 24)) == expected


def test_parallel_analysis_gives_the_same_result(analyzer, sample):
    from crosswire.service import prepare

    from .conftest import SAMPLE

    articles, _ = prepare([SAMPLE])
    in_chunks_of_two = Analyzer(nlp=analyzer.nlp, chunk_size=2)  # several chunks per worker
    parallel = list(in_chunks_of_two.analyze_many(articles, n_process=2))
    assert [a.id for a in parallel] == [a.id for a in sample.values()]
    assert [a.to_dict() for a in parallel] == [a.to_dict() for a in sample.values()]
    # the articles given are the ones analysed, as in one process
    assert all(mine is given for mine, given in zip(parallel, articles, strict=True))


def test_words_reported_through_someone_else(analyze_text):
    article = analyze_text(
        "Bid scandal widens\n\nIOC member Karl Brenner said he overheard Spyros Velanis, who led the rival bid, "
        'describing the rules as "stupid" for years. "For me there is only one purpose: winning," '
        "Brenner quoted Velanis as saying."
    )
    assert speaker_of(article, "stupid") == "Spyros Velanis"
    assert speaker_of(article, "only one purpose") == "Spyros Velanis"


def test_the_object_of_an_ordinary_verb_is_not_the_speaker(analyze_text):
    article = analyze_text(
        "Leaders speak\n\nPresident Anna Kerr called Prime Minister Tomas Lind on Monday, saying "
        '"the border must stay open."'
    )
    assert speaker_of(article, "border must stay open") == "Anna Kerr"


def test_descriptions_tied_to_a_name_in_their_noun_phrase(analyze_text):
    article = analyze_text(
        "Leaked letter\n\nThe plan, the author complained, had been made without him. "
        "The writer, who investigators believe was Tomas Wendt, had lived in the flat for a year. "
        '"The network is in danger," the writer warned. He said the police knew the address. '
        '"We have to leave," he wrote.\n\n'
        '"The office is closed today," says a woman who answered the phone and identified herself as Dana. '
        '"Please call again on Monday."'
    )
    assert speaker_of(article, "network is in danger") == "Tomas Wendt"
    assert speaker_of(article, "We have to leave") == "Tomas Wendt"
    assert speaker_of(article, "office is closed today") == "Dana"
    assert speaker_of(article, "call again on Monday") == "Dana"


def test_an_unnamed_description_stays_unnamed(analyze_text):
    article = analyze_text(
        "Flooding\n\nA woman who lives by the river, identified as Ines Roca, said the water rose fast. "
        '"We lost everything," another woman said.'
    )
    assert speaker_of(article, "water rose fast") == "Ines Roca"
    assert speaker_of(article, "lost everything") is None  # "another woman": not the one named


def test_a_description_means_the_subject_of_recent_sentences(analyze_text):
    article = analyze_text(
        "Talks stall\n\nPresident Lars Evertsen visited the region in May. Prime Minister Ana Duarte on Sunday "
        "accused the rebels of bad faith. Duarte, in an interview, said the rebels believed they had the "
        'Evertsen administration on their side. "We will not give up land under fire," said the leader.'
    )
    assert speaker_of(article, "give up land") == "Ana Duarte"


def test_as_someone_put_it(analyze_text):
    article = analyze_text(
        "Budget vote\n\nThe vote failed by two votes. As Rep. Mara Olsen put it, "
        '"When the numbers go down, somebody pays."'
    )
    q = _quote(article, "somebody pays")
    assert q.speaker.name == "Mara Olsen" and q.cue == "put"


def test_a_quote_fragment_continues_the_quote_before_it(analyze_text):
    article = analyze_text(
        'Prize talk\n\nThree Asian writers have won. "Bo Lin is a personal favorite of mine," said Ken Abe, '
        'editor of the magazine Kaze. He has read her for years. "The choice could be seen as political," given '
        "the poet's links to the protest movement, \"but it's clear she's a wonderful poet.\" Others disagree."
    )
    assert speaker_of(article, "could be seen as political") == "Ken Abe"
    assert speaker_of(article, "a wonderful poet") == "Ken Abe"


def test_a_sentence_opening_with_a_quote_mark_inside_a_paragraph(analyze_text):
    article = analyze_text(
        'Prize talk\n\nThree writers have won. "She is a favorite of mine," said Ken Abe. "He is not." Others disagree.'
    )
    assert [s.text for s in article.sentences] == [
        "Three writers have won.",
        '"She is a favorite of mine," said Ken Abe. "He is not."',  # a quotation split by its attribution
        "Others disagree.",
    ]


def test_a_misspelt_surname_joins_the_person(analyze_text):
    article = analyze_text(
        "Rights groups react\n\nMarek Wisniewski, director of a rights group, criticised the sentences. "
        '"That would get their attention," Wisniewsky said.'
    )
    assert speaker_of(article, "get their attention") == "Marek Wisniewski"
    assert [e.name for e in article.entities if e.type == "PERSON"] == ["Marek Wisniewski"]


def test_a_relative_named_in_full_does_not_take_the_bare_surname(analyze_text):
    """Reporters name a relative in full and keep the bare surname for the person the story is about."""
    article = analyze_text(
        "Trial opens\n\nTom Marrow, 47, is charged with setting fire to a warehouse in Velm, prosecutors said. "
        "The calls were with his parents, Karl and Edith Marrow.\n\n"
        '"I was in a room with three other men," Marrow said in one call.\n\n'
        "He also wrote to his wife Lena Marrow in March. "
        '"Something happened inside of me that night," Marrow wrote.'
    )
    assert speaker_of(article, "three other men") == "Tom Marrow"
    assert speaker_of(article, "happened inside of me") == "Tom Marrow"


def test_a_name_set_off_before_he_is_not_the_speaker(analyze_text):
    """The parser reads "his fiancee, Mara Tull," as a second subject of "complained"."""
    article = analyze_text(
        "Calls released\n\nTom Marrow, 47, was convicted on Saturday of setting fire to a warehouse in Velm.\n\n"
        "In the conversation with his fiancee, Mara Tull, he also complained about being in a room by himself, "
        'but added: "But I guess it would be better than being in a room with them."'
    )
    assert speaker_of(article, "better than being in a room") == "Tom Marrow"


def test_the_younger_and_the_elder_of_a_family(analyze_text):
    article = analyze_text(
        "Son backs rival\n\nThe son of Rep. Bob Vell began soliciting donations for his father's rival on Sunday. "
        "His son Jon Vell is a designer in San Francisco.\n\n"
        '"I just gave the maximum donation to the other side," the younger Vell wrote.\n\n'
        '"I think not," the elder Vell said at a hearing. "We will carry on," Vell said.'
    )
    assert speaker_of(article, "maximum donation") == "Jon Vell"
    assert speaker_of(article, "I think not") == "Bob Vell"
    assert speaker_of(article, "carry on") == "Bob Vell"


def test_an_attribution_after_a_quoted_question_stays_with_it(analyze_text):
    article = analyze_text(
        'Talks stall\n\nTalks went on late into the night. "Are you willing to sign on that?" Mira Holt said. '
        'She left the room. "Why?" He did not answer.'
    )
    assert speaker_of(article, "willing to sign") == "Mira Holt"
    assert [s.text for s in article.sentences][-2:] == ['"Why?"', "He did not answer."]
    # an adverb may stand between the speaker and the verb, not open a sentence of its own
    article = analyze_text(
        "Clinic\n\nThe protesters ask questions like ``Is it a boy or a girl?'' Sometimes they accuse people "
        "of murder. ``Is it safe?'' Lena Ruiz, the clinic nurse, often asked."
    )
    texts = [s.text for s in article.sentences]
    assert "Sometimes they accuse people of murder." in texts
    assert "``Is it safe?'' Lena Ruiz, the clinic nurse, often asked." in texts


def test_a_name_set_off_after_an_of_phrase_is_the_title_holder(analyze_text):
    # The parser hangs "Desmond Tutu" on "panel" here; a panel is not a person.
    article = analyze_text(
        "Hearing\n\nThe chairman of the 17-member panel, Archbishop Desmond Tutu, opened the hearing. "
        '"We owe the families the truth," he said in a statement.'
    )
    assert speaker_of(article, "owe the families").endswith("Desmond Tutu")


def test_people_who_speak_together(analyze_text):
    article = analyze_text(
        'Letter\n\n"The plan was rushed," wrote Jeffrey Lund and Stephen Marsh in a letter. Local people, they '
        'wrote, "are tired of being ignored." Officials disagreed. "The plan is sound," they said.\n\n'
        "On Saturday, his parents, Dennis and Judy Bram, released a statement thanking "
        '"the public for their kind words." "He is a trusting person," the Brams wrote.'
    )
    assert speaker_of(article, "plan was rushed") == "Jeffrey Lund and Stephen Marsh"
    assert speaker_of(article, "tired of being ignored") == "Jeffrey Lund and Stephen Marsh"
    assert speaker_of(article, "plan is sound") is None  # "they" after "Officials": a group, unnamed
    assert speaker_of(article, "kind words") == "Dennis and Judy Bram"
    assert speaker_of(article, "trusting person") == "Dennis and Judy Bram"


# One case a rule: (article text, a fragment of the quote, its speaker).
SPEAKER_CASES = {
    # "ask" belongs to the quoted speaker's words; the article's attribution is "Ortiz said".
    "a reporting verb inside a quote is not the attribution": (
        "Shipyards compete\n\nLena Ortiz runs a small yard on the coast. "
        "``They ask, `Who builds boats better than Harbor Works?''' Ortiz said. ``We answer with prices.''",
        "Who builds boats",
        "Lena Ortiz",
    ),
    # The quote hangs on "took" only through a purpose clause; Vance reports it, not Marrow.
    "a partial quote in what someone reports is the reporter's": (
        "Cabinet\n\nDaniel Marrow will join the cabinet. An aide, Peter Vance, said Marrow took the post so "
        "that he could ``calm the markets and protect the currency.''",
        "calm the markets",
        "Peter Vance",
    ),
    # "expressing" reports Hollis's words; the newspaper only relays them.
    "the nearest reporting verb of a relayed quote speaks": (
        "Visit\n\nGovernor Ana Hollis toured the port on Sunday. At a dinner, Hollis made long remarks, "
        "expressing her delight with the ``docks and warehouses'' she never saw, the Harbor Gazette reported.",
        "docks and warehouses",
        "Ana Hollis",
    ),
    "an unnamed inner speaker is not the outlet that relays the words": (
        "Health\n\nThe governor has not been seen for a week. A Liberal lawmaker also called for "
        "``an urgent inquiry into the governor's health,'' the Coastal Wire news agency said.",
        "urgent inquiry",
        None,
    ),
    # The parser may take a word of the quote for the verb's subject.
    "a speaker named after the verb behind a title": (
        "Games\n\nThe team doctors met on Monday. ``Oh, curfews,'' exclaimed Norwegian team doctor Erik Lund. "
        "``They know the rules.''",
        "Oh, curfews",
        "Erik Lund",
    ),
    "with someone saying gives that someone": (
        "Arrest\n\nThe rebels reacted angrily to the arrest, with the rebel leader, Tomas Kerr, saying that his "
        "men would cut contacts with the peacekeepers ``to the bare minimum.''",
        "bare minimum",
        "Tomas Kerr",
    ),
    # A brother shares the family name; the article never writes it out.
    "a first name set off after a kinship noun takes the family name": (
        "Bomber\n\nPolice named the driver as Samir Haddad. ``We ate together that night,'' said Haddad's "
        "oldest brother, Karim, who worked with him at the shop. ``He had plans,'' Karim continued.",
        "He had plans",
        "Karim Haddad",
    ),
    # The title comes only as the job Kessler holds, never before the name or in apposition.
    "a role held as a job names the description": (
        "Vote\n\nPublicly, Mara Kessler has expressed confidence about keeping her job as mayor. "
        "The mayor seemed tired at a news conference on Wednesday. ``We lost the vote,'' she said.",
        "lost the vote",
        "Mara Kessler",
    ),
    # A name carried by "newspaper" is an organisation, which "it" can stand for.
    "a newspaper named in a compound speaks as it": (
        "Governor ill\n\nThe governor has not been seen for a week. But the Novaya Vesti newspaper said in an "
        "editorial on Tuesday that his illness is serious. It said his absence ``amounts to a crisis'' and "
        "called on him to resign.",
        "amounts to a crisis",
        "Novaya Vesti",
    ),
    "a relative pronoun speaks for its noun": (
        "Settlements\n\nPrime Minister Daniel Orev met his cabinet on Sunday. Orev, who dismissed reports of "
        "new settlements as ``nonsense,'' was interviewed after the meeting.",
        "nonsense",
        "Daniel Orev",
    ),
    "someone named as an example of a group speaks": (
        "Reactions\n\nLeaders were divided. Some professed to be shocked, and some, like Tarek Nassim, the "
        "transport minister, said they were willing to ``forget the past'' if a deal was signed.",
        "forget the past",
        "Tarek Nassim",
    ),
    # The example is not a subject, and the model may not take the name for a person.
    "a pronoun goes back to a person named as an example with an age": (
        "Commission\n\nFew issues stir the country more. For some, like Pal Veron, 34, a former member of "
        "the party's youth wing, the uproar is a good thing. ``It means the commission has done its work,'' "
        "he said.",
        "done its work",
        "Pal Veron",
    ),
    # Lind is the subject of the clause "convinced" reports, not a speaker named after the verb.
    "the subject of a reported clause is not an inverted speaker": (
        "Vote\n\nThe race is close. Most analysts are convinced Marek Lind will lose because of his "
        "``cold ... distant'' manner.",
        "cold ... distant",
        None,
    ),
    # The words come from the indictment; the indicted man is no speaker of them.
    "the subject of a passive does not speak a partial quote": (
        "Arrest\n\nGeneral Boris Kalin was arrested on Wednesday. He is indicted both in connection with "
        "``direct personal involvement in these crimes'' and for his command responsibility.",
        "direct personal involvement",
        None,
    ),
    # The finding is the commission's; Varga objects to it.
    "a content clause of a noun with its author": (
        "Report\n\nThe Harbor Inquiry Commission published its report on Monday. Paul Varga, 62, had "
        "objected to a finding by the commission that he was ``an accessory after the fact'' in the fire.",
        "accessory after the fact",
        "Harbor Inquiry Commission",
    ),
    # "the mayor" is who Dana talks about, not who "she" is.
    "a pronoun does not stand for a subject inside its own reported clause": (
        "Calls\n\nMayor Tom Brandt is raising money. ``The mayor is busy today,'' says a woman who answered "
        "the phone and identified herself as Dana. The mayor wants a bigger majority, she says, adding, ``To "
        "help us do that, the mayor is inviting you to join his council.''",
        "help us do that",
        "Dana",
    ),
    # A name set off after "news agency" is the agency, though the model does not tag it; and
    # "Marsh", named later, is no agency.
    "an untagged agency name after its noun speaks": (
        "Talks\n\nThe meeting with Oduya took place after Tavaria's official news agency, TNA, reported that "
        "Marsh might not be able to meet the president because Oduya was ``on the coast.''",
        "on the coast",
        "TNA",
    ),
    # The parser reads "after … agency" as a prepositional phrase and leaves "reported" without subject.
    "a subject the parser took for a prepositional object": (
        "Visit\n\nThe visit ended after Albania's official news agency, ATA, reported that the envoy would not "
        "meet the Albanian leader because he was ``in the mountains.''",
        "in the mountains",
        "ATA",
    ),
    # A directive is a speech act: the words are Brandt's, not the prosecutors'.
    "the one who directs someone to do the quoted thing speaks": (
        "Cell\n\nProsecutors said that Ivo Brandt, a Berlin-based associate of the gang, directed Kurt Lenz to "
        "``report weekly to the boss about the state of the cell.''",
        "report weekly",
        "Ivo Brandt",
    ),
    # One member of a group, unnamed: no speaker, not the party.
    "another member of a party is unnamed": (
        "Call\n\nRep. Dan Forde said the leader was bitter. Another Republican described the call this way: "
        "``He started off calm, but then you could see the anger building.''",
        "started off calm",
        None,
    ),
    # The paper named in apposition speaks, not the owner whose name the noun carries.
    "a newspaper named in apposition beats the owner in a compound": (
        "Prize\n\nEven on the day he won the prize, the Vatican newspaper Il Corriere Santo attacked the "
        "academy's choice, describing Lorne Vasco as an ``old-school communist.''",
        "old-school communist",
        "Il Corriere Santo",
    ),
    # "Bashir" stays the one written "Bashir Kovac"; the implied "Adem Kovac" is only "Adem".
    "an implied family name does not take over the bare family name": (
        "Village\n\nBashir Kovac, 41, hid in the woods for two days. Imer Kovac said the shooting "
        "stopped on Monday. They went to one of the houses and found Imer Kovac's brother, Adem, 33, shot "
        "dead. ``I looked in the window and saw only ruins,'' Kovac said.",
        "saw only ruins",
        "Imer Kovac",
    ),
    # The tagger reads "Meneses" as a plural common noun; it is still the surname of the man named before.
    "a surname the tagger takes for a common noun": (
        "Floods\n\nTwelve relief flights were carrying food to the valley towns, said Col. Pedro Meneses of "
        "the army's flood task force. ``We can manage with the planes we have because there is little food,'' "
        "Meneses said.",
        "little food",
        "Pedro Meneses",
    ),
    # "He" after "Ms." is the family name of "He Xiaoling", not a pronoun for Lin.
    "a word after an honorific is a name, not a pronoun": (
        "Detained\n\nPolice detained the activist Lin Bo on Monday night. His wife, He Xiaoling, said the police "
        "had searched their flat. Lin had tried for months to register a new party. ``We knew for weeks that they "
        "were watching the house,'' Ms. He said.",
        "watching the house",
        "He Xiaoling",
    ),
    # "says the prime minister" set off inside the reported clause: the name before the comma is
    # who the words are about, the noun phrase after the verb is who speaks.
    "a reporting verb set off inside its clause has its subject after it": (
        "Feud\n\nPrime Minister Daniel Orev sacked his deputy, Paul Kessel, in May. Kessel, says the prime "
        "minister, is ``a liar and a coward.'' Orev, says his former deputy, is ``tired and confused.''",
        "liar and a coward",
        "Daniel Orev",
    ),
    "an inverted subject the parser took for an object": (
        "Feud\n\nPrime Minister Daniel Orev sacked his deputy, Paul Kessel, in May. Kessel, says the prime "
        "minister, is ``a liar and a coward.'' Orev, says his former deputy, is ``tired and confused.''",
        "tired and confused",
        "Paul Kessel",
    ),
    # Rowe recalls; the words are what Lind said.
    "someone recalled saying the quote speaks it": (
        "Plant\n\nThe union met Governor Marta Lind in March. Union leader Paul Rowe asked her about the plant. "
        "``We will not let the plant close,'' Rowe recalls Lind saying.",
        "plant close",
        "Marta Lind",
    ),
    "a statement speaks for the one it comes from": (
        "Plant\n\nWorkers gathered at the gate on Friday. ``The plant will close at the end of June,'' said a "
        "statement from the Harbor Steel Company, which had denied the reports a week ago.",
        "close at the end of June",
        "Harbor Steel Company",
    ),
    # "The memo" is the one "written by him" before; "him" is the only person named before it.
    "a definite document speaks for the author given at its earlier mention": (
        "Trial\n\nThe court heard from Director Karl Holm on Monday. The evidence includes notes taken by Ivo "
        "Marek, an engineer who attended the meeting, and a memo written by him two days later. The memo, still "
        "sealed, said that Holm ``shouted at everyone'' in the room.",
        "shouted at everyone",
        "Ivo Marek",
    ),
    # An epithet no role matches stands for the one person the sentence before has as its subject.
    "a definite epithet after a named subject is that person": (
        "Budget\n\nSpeaking to reporters on Monday, Carl Brenner admitted that the deficit had grown. But the "
        "former banker, known for his caution, warned that ``the worst is still ahead of us.''",
        "worst is still ahead",
        "Carl Brenner",
    ),
    # The envoy was introduced as someone Brenner met: not Brenner.
    "a description used before is not the named subject": (
        "Talks\n\nCarl Brenner met the new envoy on Monday. The tired envoy warned that ``the worst is still "
        "ahead of us.''",
        "worst is still ahead",
        None,
    ),
    # "observed", "reflected", "remarked" are reporting verbs like "said" beside a quotation.
    "a verb of remarking after a quote names its speaker": (
        "Harbor\n\nDock Industries hired Mara Quist, a pilot, in May. Dock Industries makes cranes.\n\n"
        "``I still trust the tide,'' Quist observed. ``The tide decides everything.''",
        "tide decides",
        "Mara Quist",
    ),
    "a verb of remarking before its subject names the speaker": (
        "Harbor\n\nBen Vold and Mara Quist run the harbor. Dock Industries makes cranes.\n\n"
        "``Avoid the big ships _ that is the lesson,'' reflected Quist, the harbor master.",
        "big ships",
        "Mara Quist",
    ),
    # A named modifier ("Palestinian") that the organisation's own qualifier ("Israeli") contradicts:
    # not the Israeli Cabinet, but the body the description names.
    "a description with another place's modifier is not that organisation": (
        "Talks\n\nThe attack led the Israeli Cabinet to suspend its talks on the accord. Officials said on "
        "Saturday that the bombers came from Gaza.\n\nThe Palestinian cabinet, in a statement issued after a "
        "meeting on Friday night, accused ``outside forces'' of standing behind the attack.",
        "outside forces",
        "Palestinian cabinet",
    ),
    # Two prime ministers, neither described as Norway's: which one is meant is a guess.
    "a description no holder of the role fits is left unnamed": (
        "Talks\n\nPrime Minister Lena Berg met reporters. Prime Minister Olaf Hest arrived later. "
        "Meanwhile, Norway's prime minister told parliament that the country ``faces a hard winter.''",
        "hard winter",
        None,
    ),
    # Quotative inversion: the parser takes the post-posed subject for the verb's object.
    "a role noun after an inverted reporting verb is its subject": (
        "Bar\n\nMatt Olsen works at the Harbor Bar. Jon Reed owns it.\n\n``He definitely wasn't drunk when "
        "he came in,'' recalled the bartender, Matt Olsen. ``He was calm.''",
        "definitely wasn't drunk",
        "Matt Olsen",
    ),
    # "a natural extension of that case" stands in apposition to the quote; Litan speaks.
    "a name after the verb speaks when the phrase before it is no one": (
        "Case\n\nRobert Litan led the case at the Justice Department. He left in 1996.\n\nThe next year the "
        "department charged Dock Corp. with violating the consent agreement by tying sales. ``It seemed "
        "like a slam-dunk violation of the consent decree,'' a natural extension of that case, recalled "
        "Litan, who had left the department by then.",
        "slam-dunk",
        "Robert Litan",
    ),
    # The parser hangs the name on "Senate"; the phrases between hold no person.
    "a name set off after a chain of phrases is the title holder": (
        "Budget\n\nThe government of Prime Minister Olaf Hest may survive the week. But the leader of the "
        "Communist Refounding Party in Parliament, Fausto Kell, seems to have no such compunctions. On Friday, "
        "he told journalists that he was not worried about new elections. ``Sometimes you step back to go "
        "forward,'' he said.",
        "step back",
        "Fausto Kell",
    ),
    # The parser reads "labeled" as the main verb of what was said, with the group as its subject.
    "a name before a participle phrase set off by commas is the speaker": (
        "Threats\n\nMilitants rallied in Kano on Friday.\n\nTarik Front, a Kano-based organization labeled "
        "a terrorist group by Nigeria, said, however, that visitors ``have nothing to fear from us.''",
        "nothing to fear",
        "Tarik Front",
    ),
    "a statement named by the organisation noun speaks for the one named before": (
        "Fighting\n\nIn Kinshasa, the Ministry of Defense said Tuesday that the army had held the town. "
        "``The town is in the hands of the army,'' said a ministry statement broadcast on television.",
        "in the hands of the army",
        "Ministry of Defense",
    ),
    "an editorial speaks for the newspaper it appears in": (
        "Asylum\n\nKurdish refugees began a fast in Athens. ``He must not be extradited,'' said an editorial "
        "Saturday in the Greek daily Kathimerini.",
        "must not be extradited",
        "Kathimerini",
    ),
    "a title no one holds is someone new": (
        "Talks\n\nCarl Brenner met union leaders on Monday. The senior spokesman warned that ``the worst is "
        "still ahead of us.''",
        "worst is still ahead",
        None,
    ),
    # Web pages sign quotes with a dash after the closing mark, one quote per paragraph.
    "a name after a dash signs the quote before it": (
        "Winners backstage\n\nThe winners talked to reporters after the show on Sunday.\n\n"
        "“It is a dream. I will call my mother tonight.” — Anna Pell, asked how she would celebrate\n\n"
        "“I never expected to win. My speech was a mess.” — Tom Varga, on his surprise victory",
        "never expected",
        "Tom Varga",
    ),
    "a title before the name that signs a quote": (
        "Final\n\nThe Harbor Hawks lost the final on Saturday.\n\n"
        '"We will be back next year, stronger than ever." -- Coach Mike Dunn, after the game',
        "back next year",
        "Mike Dunn",
    ),
    "a dash that goes on with the narrative signs nothing": (
        "Vote\n\n“The vote is lost,” Mayor Ines Dara said on Monday. “We tried.” — Tom Varga left the hall soon after.",
        "We tried",
        "Ines Dara",
    ),
    "the one name in a verbless label before a colon speaks": (
        "Shelter opens\n\nThe Velm shelter opened on Monday after two years of work. Tom Varga, in a statement: "
        "“We are so grateful to everyone who helped.”",
        "so grateful",
        "Tom Varga",
    ),
    "a clause before a colon is no label": (
        "Theft\n\nPolice arrested Tom Varga on Tuesday: “We found the money in the trunk of his car.”",
        "found the money",
        None,
    ),
    "a surname the model took for a plural noun is still the person": (
        "Bakery fire\n\nMara Banks opened a bakery on the corner of her block two years ago. A fire destroyed it "
        "on Wednesday night. Her neighbor, Nadia Orlov, called the fire brigade.\n\nBanks had a message for the "
        "landlord. “You never fixed the wiring,” she said.",
        "fixed the wiring",
        "Mara Banks",
    ),
    "a name the parser hid inside an opening participle clause speaks": (
        "Bakery fire\n\nA fire destroyed a bakery in Velm on Wednesday night.\n\nReporting from Velm, Kell TV's "
        "Rula Amin said: “Residents are telling us the fire burned for hours.”",
        "burned for hours",
        "Rula Amin",
    ),
    "a one-word name set off as a member is a person, and her pronoun finds her": (
        "Bakery fire\n\nA fire destroyed a bakery in Velm on Wednesday night, police said.\n\nTamar, a member of "
        "the Velm residents' council, told the Kell Gazette that the fire started at midnight.\n\n"
        "“People ran out of their houses. The smoke was everywhere,” she said.",
        "smoke was everywhere",
        "Tamar",
    ),
    "a pronoun after an unnamed witness does not reach back to a named person": (
        "Bakery fire\n\nA fire destroyed a bakery in Velm on Wednesday night. Nadia Orlov, a neighbor, told the "
        "Kell Gazette that the fire started at midnight. “The smoke was everywhere,” she said.\n\nAnother witness "
        "who lives nearby said the fire brigade came late. “We waited an hour,” she said.",
        "waited an hour",
        None,
    ),
    "whoever issues a statement speaks its words": (
        "Elevator death\n\nA man died on Tuesday after a fall down an elevator shaft. The Harlow Corporation, "
        "which owns the building, issued a statement saying: “We are saddened by this tragic incident.”",
        "saddened",
        "Harlow Corporation",
    ),
    # "quoted X telling": the one quoted speaks, and a title stands for its holder.
    "a title quoted by a spokesman is the speaker": (
        "Talks\n\nPresident Ana Hollis spoke with Premier Tomas Kerr of Velm on Monday. ``What happens next "
        "depends on the rebels,'' press secretary Peter Vance quoted the president telling the premier.",
        "What happens next",
        "Ana Hollis",
    ),
    # The queen speaks through her message; her son's title does not make him "the queen".
    "a document speaks for the title that owns it, not for one named of that title": (
        "Anniversary\n\nPrince Karel, the second son of Queen Mira, laid a wreath. Later Queen Mira sent a "
        "message to the town. ``We pray for the families,'' the queen's message said.",
        "pray for the families",
        "Mira",
    ),
    # The words belong to the clause around them, whose subject the article does not name here.
    "a partial quote in a clause with its own unnamed subject is not the main subject's": (
        "Memorial\n\nEarlier in the day, Prince Karel laid a wreath in the town cemetery, where the town's "
        "parish priest spoke to about 200 relatives about the ``ticking bomb'' of justice. ``A bomb was "
        "ticking,'' the Rev. Lena Ortiz told the crowd.",
        "ticking bomb",
        None,
    ),
    # A man is the subject before "She": she is the one woman that sentence names.
    "she is the woman named beside a man": (
        "Arrests\n\nBefore his arrest, Tomas Kerr named his wife, Ana Kerr, as leader of his movement. But "
        "police have banned her from speaking. On Thursday she was questioned at police headquarters. She "
        "called the interviews ``pressure and harassment.''",
        "pressure and harassment",
        "Ana Kerr",
    ),
    "a reporting verb put before the speaker": (
        "Season\n\nLeague commissioner Daniel Marrow and his deputy, Peter Vance, met the players. ``We will "
        "see,'' Vance said. Added Marrow, ``We owe it to the fans to look again at the tax.''",
        "owe it to the fans",
        "Daniel Marrow",
    ),
    "a name before a title set off by commas speaks, when the parser makes the title the subject": (
        "Banks\n\nOn Friday Ibrahim Hussein, Oskia’s acting finance minister, said the banks would reopen. He "
        "described the run on the banks as “the worst panic we have seen”.",
        "worst panic",
        "Ibrahim Hussein",
    ),
    "a record quoting someone as saying gives that someone": (
        "Warship\n\nShe was an awe-inspiring sight. “I had never,” the War Database records gunner Karl Dunst of "
        "the carrier Velm as saying, “seen anything as big in my entire life.”",
        "seen anything as big",
        "Karl Dunst",
    ),
    # "she quoted him as saying": the one quoted is the object, never the one who quotes.
    "a pronoun quoted as saying is someone other than the one quoting": (
        "Tour\n\nMara Quist, a singer from Velm, says she met the golfer Tomas Kerr at a party in 2008. In a "
        'radio interview, she recalled her first meeting with Mr. Kerr. "Hi, I\'m Tomas. Nice to meet you," '
        "she quoted him as saying.",
        "Nice to meet you",
        "Tomas Kerr",
    ),
    "sources quoted as saying are unnamed, not the paper that quotes them": (
        "Talks\n\nTomas Kerr met the president on Friday. Saturday's Velm Herald newspaper quoted sources as "
        "saying that Kerr was ``outraged'' by the meeting.",
        "outraged",
        None,
    ),
    # "shouted" reports the words: the unnamed guard shouts them, not the one named before.
    "an unnamed person who shouts the quote is its speaker": (
        "Resignation\n\nSpeaker Tomas Kerr left the chamber on Friday. ``I will not stay,'' Kerr said. In the "
        "corridor outside, a guard shouted to a police officer: ``Kerr just quit!''",
        "Kerr just quit",
        None,
    ),
    "joked reports the words": (
        "Show\n\nThe writers cheered as the host, Nora Vale, left her dressing room. Backstage, the band leader "
        'Tomas Kerr told reporters the crowd was huge. "It\'s not really going to be the best show ever," Vale '
        "joked as she walked to the stage.",
        "best show ever",
        "Nora Vale",
    ),
    # "shouts of ``…''": a crowd's words, not those of the one the sentence reports.
    "words shouted at someone by a crowd are no one's named": (
        "Visit\n\nMayor Tomas Kerr came to Velm on Friday. During a walk through the market he was greeted with "
        "shouts of ``We love you,'' and Kerr told donors at a lunch: ``I don't even mind the protesters.''",
        "We love you",
        None,
    ),
    "one who leads a chant voices it": (
        "Rally\n\nMayor Tomas Kerr urged passage of the budget on Friday, leading the crowd in a chant of "
        "``Now! Now! Now!''",
        "Now! Now!",
        "Tomas Kerr",
    ),
    # An object pronoun goes on the person named last, not on a subject further back.
    "him after a man named since the last speaker is that man": (
        "Brand\n\nMichael Dunn founded Velmsoft in 1985. ``When a company has such a visible chief, the chief "
        "is the brand,'' said Peter Vance, a marketing expert at Velm University. ``This will hurt the "
        "company.'' Already cartoons in newspapers across the country mocked Mr. Dunn last week. One showed "
        "him holding a globe and saying, ``If you don't play my way, I'll take my ball and go home.''",
        "take my ball",
        "Michael Dunn",
    ),
    "him after a person of unknown gender named since the last speaker is a guess": (
        "Brand\n\nMichael Dunn founded Velmsoft in 1985. ``When a company has such a visible chief, the chief "
        "is the brand,'' said Peter Vance, a marketing expert at Velm University. ``This will hurt the "
        "company.'' Already cartoons in newspapers across the country mocked Dunn last week. One showed "
        "him holding a globe and saying, ``If you don't play my way, I'll take my ball and go home.''",
        "take my ball",
        None,
    ),
    # A demand is a speech act: "…, demanding that X do ``…''" reports the one who demands.
    "a participle of demanding reports the words": (
        "Strike\n\nThe Velm Teachers Union ended talks with the city on Monday, demanding that the mayor offer "
        "``a fair and lasting contract.''",
        "fair and lasting",
        "Velm Teachers Union",
    ),
    # Bodies named together speak together, as people named together do.
    "organisations named together speak jointly": (
        "Deal\n\nMicrosoft and Intel said on Monday that they would build ``the fastest chips in the world.''",
        "fastest chips",
        "Microsoft and Intel",
    ),
    "a country named with others it does not name speaks alone": (
        "Talks\n\nThe United States and its allies said the talks had stalled, citing ``deep divisions'' among "
        "the members.",
        "deep divisions",
        "United States",
    ),
    # "the prime minister" is not a foreign minister, though both are ministers of the country.
    "a description naming an office is not a holder of another office": (
        "Border\n\nPrime Minister Rafik Harun met the army chief on Monday. Lebanese Foreign Minister Faris "
        "Bazzi said the border was calm. ``We stand by our neighbours in their call for a peaceful "
        "dialogue,'' the Lebanese prime minister said in an interview with a daily.",
        "We stand by our neighbours",
        "Rafik Harun",
    ),
    "a description naming an office is not a holder of another office, with a third minister named": (
        "Border\n\nPrime Minister Rafik Harun met the army chief on Monday. Lebanese Foreign Minister Faris "
        "Bazzi said the border was calm. Israeli Defense Minister Yitzhak Moran said his troops would stay. "
        "``We stand by our neighbours in their call for a peaceful dialogue,'' the Lebanese prime minister "
        "said in an interview with a daily.",
        "We stand by our neighbours",
        "Rafik Harun",
    ),
    # An offence quoted after "charges of" or "a sentence for" is the charge sheet's wording.
    "an offence quoted after a sentence for it is not the convicted person's words": (
        "Appeal\n\nMara Quist has been arrested several times since 2011. She is also appealing two "
        "convictions, including a six-month sentence for ``insulting a public officer'' and a fine on two "
        "charges of ``damaging public property.''",
        "insulting a public officer",
        None,
    ),
    "an offence quoted after charges of it is not the charged person's words": (
        "Appeal\n\nMara Quist has been arrested several times since 2011. She is also appealing two "
        "convictions, including a six-month sentence for ``insulting a public officer'' and a fine on two "
        "charges of ``damaging public property.''",
        "damaging public property",
        None,
    ),
    "a participle after a reported clause goes with the one who reports": (
        "Resignation\n\nPress secretary Peter Vance said Hollis was ``disappointed'' at the news. He reaffirmed "
        "that Hollis would not resign, saying: ``The governor is going to do what is best for the state.''",
        "what is best for the state",
        "Peter Vance",
    ),
    "a name set off right before a verb the parser left without a subject": (
        "Party\n\nIn a speech on Friday celebrating 20 years of economic reforms, the president and Communist "
        "Party chief, Tomas Kerrigan, emphasized the primacy of the party, saying, ``The Western mode of "
        "political systems must never be adopted.''",
        "Western mode",
        "Tomas Kerrigan",
    ),
    "whoever issued something just before speaks for ``the statement''": (
        "Verdicts\n\nAfter learning of the sentences, the Velm Embassy issued a strong condemnation of what "
        "it termed the ``deplorable decisions.'' ``We are deeply disappointed with the harsh sentences,'' the "
        "statement said.",
        "deeply disappointed",
        "Velm Embassy",
    ),
    # The family name comes first; a daughter introduced by her full name keeps it.
    "a bare family name stays with the person, not a relative introduced as one": (
        "Trial\n\nThe dissident Xu Wenli was tried on Monday. The couple has a daughter, Xu Jin, who studies in "
        "Boston. ``And if I die,'' Xu said as they parted, ``please plant a tree for me.''",
        "plant a tree",
        "Xu Wenli",
    ),
    # "the Ohio Republican" is one member of the party: the person just written about, not "Republican".
    "a party member described after ``the'' is the person the sentences before were about": (
        "Tax deal\n\nSen. Tom Harlan, who first backed the bill, issued a statement on Friday criticising Mayor "
        'Ruth Bell. "Her plan is wrong and I will vote against it," said the Ohio Republican, who may run for '
        "governor.",
        "vote against it",
        "Tom Harlan",
    ),
    # "reported by" describes the remarks: the newspaper published them, the mayor said them.
    "a participle describing the remarks is not the quote's reporting verb": (
        'Vote row\n\nMayor Ruth Bell spoke to supporters on Friday. "Why would they stop now?" she added in '
        'remarks first reported by The Harbor Gazette and later seen on video. "They never learned how to stop.',
        "never learned",
        "Ruth Bell",
    ),
    # the one asked answers; a question after "he said" is the asker's again
    "``he said'' after someone asked a person is the one asked": (
        "Iran talks\n\nSen. Tom Harlan spoke about Iran on Sunday. Host Mark Pollin asked the senator what he "
        'made of the report. "I think it is a clever move," he said.',
        "clever move",
        "Tom Harlan",
    ),
    "a question after someone asked a person is the asker's": (
        "Iran talks\n\nSen. Tom Harlan spoke about Iran on Sunday. Host Mark Pollin asked Harlan whether talks "
        'would help. "Will they stop?" he said.',
        "Will they stop",
        "Mark Pollin",
    ),
    # "the Kestrel" (the model tags it a person) is a vehicle: "he" goes back to the captain.
    "a one-word name after ``the'' is a thing no pronoun stands for": (
        "Sea search\n\nCapt. Mark Dorran, who heads the navy team in the search, said the Kestrel aborted so the "
        "crew could refine the mission. Charts showed the sea was at most 4,400 meters deep, so when the Kestrel "
        'went deeper than that, it was returned to the surface.\n\n"It happened in the far corner of the area, '
        'so we are shifting the search box," he told reporters.',
        "far corner",
        "Mark Dorran",
    ),
    # "which is said to be organized by" is hearsay about the page: the boy says nothing.
    "``is said to'' reports no one's words": (
        "Allergy death\n\nRiverton officials are investigating the death of a toddler whose family said had an "
        "allergic reaction to the cheese sandwich a preschool employee allegedly fed him last week.\n\n"
        "Daniel, 3, was at the Oak Street Center for Family Services in Harlem Nov. 3 when a supervising adult "
        'allegedly gave him a cheese sandwich, "despite them knowing and having documented that he has a severe '
        'allergy to dairy," according to a page set up on crowdfunding site GoFundMe, which is said to be '
        'organized by "close family members" of Daniel\'s parents.',
        "severe allergy",
        None,
    ),
    # The parser makes the name after "said" the subject of the verb in the second half of the
    # split quote; a subject outside the marks is not part of the quoted clause.
    "a name after the verb of a split quote is not the subject of its second half": (
        "Port budget\n\nThe harbor board met on Tuesday. ``On paper,'' said Walter Brenick, a former "
        "chief of the city finance office, ``this is the best year in a decade.'' The board agreed.",
        "On paper",
        "Walter Brenick",
    ),
    # The parser takes the noun phrase after the quote for an object of the quoted verb and the
    # verb for a conjunct; the name a description introduces after the quote said it.
    "a name after the quote behind a description set off by a comma speaks": (
        "Hearing\n\nThe arguments continued in court. ``I cannot show my client a map,'' a third lawyer, "
        "Dora Quillen, who represents Amos Petrel, told the judge.",
        "show my client",
        "Dora Quillen",
    ),
    # "in the words of" names whose words the quote is, whatever verb the sentence has.
    "the name after ``in the words of'' right before the quote speaks": (
        "Campaign\n\nAsking voters to think about a trial next year while they pick a mayor now is, in the "
        "words of Ed Moll, a Democratic consultant, ``a very long shot.'' Such plans, he said, rarely work.",
        "long shot",
        "Ed Moll",
    ),
    # The model tags the nationality word as a group and leaves "government" a common noun.
    "a body of state a nationality word names speaks under that name": (
        "Trade row\n\nThe envoy spoke in the capital on Monday. The Velmarian government called it "
        "``an insult'' and an ``interference in internal affairs.''",
        "an insult",
        "Velmarian government",
    ),
    # "to call for" after "it's another matter" is the reporter's aside, not an attribution: the
    # quotes around it go on with the speaker of the one before.
    "an infinitive after ``it is'' reports no one's words": (
        "Regime change\n\nNo one asked the small states for their views. ``The rules are murky,'' said "
        "Mira Stoll, a historian at Dunmore College. ``When they want a leader gone, they find a reason. "
        "But the country itself usually has little weight'' _ it's another matter to call for a change of "
        "leaders in a big capital _ ``and it helps if there is an opposition to point to.'' The debate goes on.",
        "opposition to point to",
        "Mira Stoll",
    ),
    # The parser hangs the infinitive after "urged the … president in a … call" as an adverbial
    # clause; it is still what Odo urged, not words of the minister who relays them.
    "an infinitive after the hearer of ``urged'' is what the one who urges says": (
        "Border crisis\n\nThe two neighbours moved troops to the border this week. In Velmar, Crown Prince "
        "Odo urged the Tarnish president in a telephone call to ``exert all efforts to end the crisis without "
        "resorting to force,'' said Information Minister Lem Tavi.",
        "exert all efforts",
        "Crown Prince Odo",
    ),
    # Wire copy sometimes types the opening ``TeX'' mark as two apostrophes: it still opens a quote.
    "two apostrophes before a word open a quote": (
        "Fire\n\nThe survivors spoke angrily of a slow response. ''No help. No police. No firemen,'' "
        "17-year-old Omar Haddi, one of the disc jockeys, said Friday. ''Just kids helping kids.''",
        "No firemen",
        "Omar Haddi",
    ),
    # The parser takes the quote's last noun for the subject and the name after it for its apposition.
    "a speaker parsed as the apposition of a quoted noun": (
        "Storm\n\n``We had no power. No water. No phones,'' 62-year-old Rita Solberg, a retired nurse, said Sunday.",
        "No phones",
        "Rita Solberg",
    ),
    # Words inside what someone is reported to have said are theirs, not those of the agency whose
    # attribution closes the sentence (the parser may hang that attribution inside the report).
    "a partial quote relayed by an agency is the words of the one reported": (
        "Report\n\nThe Truth Commission will publish its report on Thursday. But in preliminary findings sent "
        "to the parties last month, the commission also said the two movements were ``morally and politically "
        "accountable'' for gross rights violations, Tarnish Press Association and Tarnish Broadcasting Corp. said.",
        "morally and politically",
        "Truth Commission",
    ),
    "a partial quote in a reported clause closed by a news agency's attribution": (
        "Duma feud\n\nDuma speaker Gennady Orlov denied any part in the killing. Orlov responded in kind on "
        "Monday, suggesting that the ``extremists from liberal groups'' might have staged the attack in order "
        "to win elections, the Interfax news agency reported.",
        "extremists from liberal",
        "Gennady Orlov",
    ),
    # "ensure" is on the reporting-verb list it comes from, but reports nothing.
    "a purpose clause's 'ensure' reports nothing": (
        "Talks\n\nJustice Minister Omar Zawi spoke to the congress. He said Velmar is seeking guarantees from "
        "the West to ensure that the trial will be ``honest and without loopholes.''",
        "honest and without",
        "Omar Zawi",
    ),
    # The parser may take "several times" for the subject of "told" (as in a DUC article; here it
    # parses right, so this guards the rule from taking the wrong subject).
    "how often is no subject": (
        "Confession\n\nRobert Linde admitted the affair on Thursday. Linde noted he had several times told "
        "reporters during his campaign that ``I was running for mayor, not sainthood.''",
        "not sainthood",
        "Robert Linde",
    ),
    # The owner of the answer goes on speaking, not the one named in the relative clause after it.
    "a pronoun after someone's answer": (
        "Trial\n\nThe lawyer Mark Tovey asked the economist Frank Pell about the merger. Pell's answer was "
        "probably not the one Tovey had been after. ``To the extent that this merger is the result of these "
        "contracts,'' he said, ``it is unfortunate.''",
        "To the extent",
        "Frank Pell",
    ),
    # The parser takes "presiding" for a verb whose object is the judge's name.
    "a participle before a title after an inverted verb": (
        "Trial\n\nThe court convicted Tomas Rell of fraud on Monday.\n\n``Mr. Rell ignored every warning he "
        "was given,'' said presiding Judge Ana Kovac-Lind.",
        "ignored every warning",
        "Ana Kovac-Lind",
    ),
    # A reporting verb set off by commas inside the sentence: the noun before it is what is reported on.
    "an attribution set off inside a sentence names its speaker": (
        "Budget\n\nThe Senate voted late on Friday. The bill, said Sen. Mara Olsen, R-Utah, was ``a gift to "
        "the lobbyists.''",
        "gift to the lobbyists",
        "Mara Olsen",
    ),
    # ... but not when a person before the verb is its subject: the name after it is reported on.
    "a name after a verb whose subject is a person is reported on": (
        "Budget\n\nReached late on Friday, the mayor's lawyer, Tom Brill, said Olsen, through her own "
        "spokesman, Ed Park, had ``nothing to add.''",
        "nothing to add",
        "Tom Brill",
    ),
    # The parser joins the name to "whip" as a second conjunct; with no "and" it is an apposition.
    "a name joined to a role noun without a conjunction is its apposition": (
        "Debate\n\nThe House met on Saturday.\n\n``We are here to vote on the budget,'' the majority whip, "
        "Rep. Hal Vance, Republican of Ohio, said during the debate.",
        "vote on the budget",
        "Hal Vance",
    ),
    # The parser hangs the name on the phrase before it and leaves "said" without a subject.
    "a name set off by commas before a verb without a subject": (
        "Press\n\nThe papers attacked the plan. In a front page comment, Dana Feld, said ``The plan is a "
        "disaster for the city.''",
        "disaster for the city",
        "Dana Feld",
    ),
    # The parser hangs "Holm" on "achievement" as an apposition; "quipped" has no subject of its own.
    "a name and its apposition right before a verb that has no subject": (
        "Prize\n\nThe prize went on Thursday to the novelist Peter Holm.\n\nDismissing the Vatican paper's "
        "disapproval Thursday of his achievement, Holm, a known atheist, quipped that he was aware "
        "that ``if the Pope had been among the jury, I would not have won the prize.''",
        "Pope had been among",
        "Peter Holm",
    ),
    "a name before a participle clause before the verb": (
        "Race\n\nNell Carter is running again. Here in the 4th District, Carter, acknowledging that her own "
        "polls showed a tight race, said: ``This is a swing district that follows every trend.''",
        "swing district",
        "Nell Carter",
    ),
    # the same lost subject for a report in no quotation marks
    "a name before a participle clause before a verb of an indirect report": (
        "Speaker-elect\n\nThe vote is set for Friday. Olaf Brenn, saying he had sought counseling and had "
        "the forgiveness of his family, noted he had several times told reporters that ``I was running for "
        "speaker, not sainthood.''",
        "he had several times told reporters",
        "Olaf Brenn",
    ),
    # The parser hangs "the prayer leader" on the place before it; "spoke" has no subject, and "he"
    # goes back to the name set off after the leader.
    "a described name set off before a verb with no subject, then a pronoun": (
        "Sermon\n\nAt Jerusalem's Al Aqsa Mosque, Islam's third holiest site, the prayer leader, Yousef Abu "
        "Sneineh, spoke out sharply against the agreement. ``America supports an agreement that reinforces "
        "the occupation,'' he said.",
        "America supports",
        "Yousef Abu Sneineh",
    ),
    "a participle after a described name is not that name's": (
        "Suit\n\nThe plan was drawn up by a detective whose company, Associated Investigative Services Inc., "
        "filed suit last week against Zimmerman and his attorney, Mark O'Mara, claiming they owe $27,000 for "
        "security services.",
        "they owe",
        "Associated Investigative Services Inc.",
    ),
    "the one a sentence is sourced to speaks on with a pronoun in the next": (
        "Airport\n\nPalestinian airport workers refused to allow Israeli security officials to check the "
        "passengers, according to Civilian Airport Authority Director Nir Yarkoni. ``The minister asked me "
        "to tell the Palestinians that we won't allow the airport to operate,'' he told The Associated Press.",
        "minister asked me",
        "Nir Yarkoni",
    ),
    "a description whose named modifier another person's role contradicts": (
        "Kosovo\n\nPresident Slobodan Milosevic met the envoy on Monday. Shortly after the meeting, the "
        "Yugoslav leader issued a defiant statement on Serbian television in which he said the ``threats of "
        "aggression'' were ``a criminal act.''\n\nOn Tuesday the envoy travels to Pristina, where he will "
        "meet the ethnic Albanian leader Ibrahim Rugova.",
        "criminal act",
        "Slobodan Milosevic",
    ),
    "a description that an indefinite phrase just introduced names no one": (
        "Kosovo\n\nRichard Holbrooke, the American envoy, met Milosevic on Monday. An American diplomat "
        "familiar with the talks said there had been no expectation of an agreement. ``It was not quite an "
        "ultimatum,'' the diplomat said.",
        "not quite an ultimatum",
        None,
    ),
    "a court introduced as a court and then named is that court": (
        "Drugs\n\nThe emergency law came after a court struck down the ban on certain drugs. In what the "
        "Court of Appeal said was a constitutional issue of importance, the three-judge court unanimously "
        "said a regulation making possession of the drug illegal was invalid.",
        "regulation making possession",
        "Court of Appeal",
    ),
    "a people or a party in the plural names no one": (
        "Budget\n\nThe president wants the money spent on hiring teachers. Republicans, railing against "
        "``Beltway bureaucrats,'' say that local school districts should decide how the money is spent.",
        "local school districts",
        None,
    ),
    # a manner of speaking right after the quote, before a reporting verb in a relative clause
    "a verb of how the words came out, right after the quote, attributes it": (
        "Resignation\n\nThe speaker stepped down on Saturday. ``We cannot go on like this,'' sighed Ann "
        "Porter, a veteran lawmaker who also had to admit that she had erred.",
        "cannot go on",
        "Ann Porter",
    ),
    # a raised voice after a question, with the speaker's apposition and an adverb between
    "a raised voice after a quoted question, its subject set off before it": (
        "Cabinet row\n\nA shouting match broke out at the weekly meeting, according to army radio. "
        "``Who asked the president to come here?'' Mark Duval, the energy minister, reportedly yelled at "
        "the premier. The premier said it was not his idea.",
        "Who asked",
        "Mark Duval",
    ),
    "a document's terms are the words of the one whose document it is": (
        "Prize\n\nThe prize is one of five established by Alfred Nobel, the industrialist. According to "
        "the terms of Nobel's will, the prize is to reward work ``in an ideal direction.''",
        "ideal direction",
        "Alfred Nobel",
    ),
    "a broadcaster's station carries the broadcaster's name": (
        "Yeltsin ill\n\nYeltsin cut short his trip on Monday. Moscow's NTV station said it was a crucial "
        "time for Russia, when ``presidential decisions'' are needed.",
        "presidential decisions",
        "NTV",
    ),
    # the one named before the unnamed relative is not who "he" is
    "a relative no one names, the sentence before, is who the pronoun stands for": (
        "Elevator\n\nThe repairman, Tom Garrick, pulled the mother from the shaft. The baby's anguished "
        "father, climbing into a car outside the building, writhed as if in pain. ``No, no,'' he said. "
        "``Oh, no.''",
        "No, no",
        None,
    ),
    # "boasting" reports the quote that hangs from it; "long-promised" describes the wall
    "a boast reports a quote, and a participle describing a noun does not": (
        "Budget fight\n\nSenator Dana Whitcomb has raised her demand to $9 billion for her long-promised "
        "canal and is not giving in, boasting on Friday that \u201cI am glad to own this fight.\u201d",
        "own this fight",
        "Dana Whitcomb",
    ),
    # "in a written release": the participle describes the release; "said" reports the words
    "a past participle before a noun is not the reporting verb": (
        "Found\n\nThe remains were identified on May 4. \u201cWe are thankful to know at last,\u201d her "
        "father Peter Lindqvist said in a written release. \u201cShe was loved. She was kind.\u201d",
        "She was loved",
        "Peter Lindqvist",
    ),
    # the tagger reads a surname in "-ing" at a sentence's start as a verb
    "a surname the tagger takes for a gerund still names the speaker": (
        "Arrests made\n\nPolice arrested a woman on Monday, Lt. Chris Dowling said. She was charged on June 2. "
        "Dowling described the woman as an \u201cassociated gang member.\u201d Charges were filed later.",
        "associated gang member",
        "Chris Dowling",
    ),
}


def test_a_report_sourced_to_a_group_is_kept_without_a_speaker(analyze_text):
    """ "According to Republicans" reports what people the article does not name said: the report
    stays, with no speaker and the words the article gives them by; "according to the data" is no one."""
    article = analyze_text(
        "Budget\n\nFunding for the State Department would fall by 13 percent, according to Republicans. "
        "Spending on roads would rise by 2 percent, according to the data."
    )
    group = _quote(article, "State Department")
    assert (group.kind, group.speaker, group.cue) == ("indirect", None, "according to")
    assert group.attributed_to == "Republicans"
    assert not [q for q in article.quotes if "roads" in q.text]


def test_a_pull_quote_takes_the_speaker_of_its_attributed_repeat(analyze_text):
    """A quote printed on its own above the story, with no attribution, is the same words as the
    attributed quote below it; a chant repeated inside the narrative is not pinned on anyone."""
    article = analyze_text(
        'Winners backstage\n\n"I never expected to win tonight."\n\n'
        "The winners talked to reporters after the show on Sunday.\n\n"
        "“I never expected to win tonight. My speech was a mess.” — Tom Varga, on his surprise victory"
    )
    assert [q.speaker.name if q.speaker else None for q in article.quotes if "expected" in q.text] == [
        "Tom Varga",
        "Tom Varga",
    ]
    article = analyze_text(
        "Vote\n\nLawmakers shouted ``Step down now!'' at the mayor on Monday. Later Mayor Ines Dara said: "
        "``Step down now! That is all they say.''"
    )
    assert [q.speaker.name if q.speaker else None for q in article.quotes if "Step down" in q.text] == [
        None,
        "Ines Dara",
    ]


# "As his uncle, R.W. Eaton, told The Denver Post, …" (held-out 24): a subordinate "as" clause
# is no attribution set inside the clause it reports, and the one told is no speaker.
_VIGIL = (
    "Vigil\n\nThe town mourned Matt Reyes on Sunday. As his uncle, R.W. Austin, told The Boulder Post, Matt "
    "was ``a small person with a big heart.'' Of his nephew's shattered body Austin said, ``It's like "
    "something you might see in war.''"
)
SPEAKER_CASES["a subordinate attribution with a hearer keeps its subject"] = (_VIGIL, "small person", "R.W. Austin")
# "Of his nephew's shattered body Eaton said, ``…''" (held-out 24): a phrase opening the sentence
# with no comma, and the name after it that the parser hung on its noun (and typed as a place).
SPEAKER_CASES["a name after a fronted phrase with no comma is the subject"] = (_VIGIL, "you might see", "R.W. Austin")
# "Page says it's ``reassuring'' …", "Camp defended the release. ``…,'' he said": a surname that is
# also a common word, tagged as a common noun at the start of a sentence.
SPEAKER_CASES["a surname the model took for a common noun is its person"] = (
    "Reissues\n\nThe guitarist Nora Page has remastered the band's albums. Page says it is ``reassuring'' "
    "to hear the songs again after all this time.",
    "reassuring",
    "Nora Page",
)
# "The speaker was right to say this was ``…''" (held-out 24): the adjective's subject says it.
SPEAKER_CASES["an adjective with to and a verb of saying has the copula's subject"] = (
    "Senate vote\n\nSenator Mary Lowe spoke to the chamber on Tuesday. She was quick to add that the vote "
    "``would not be the last word.''",
    "last word",
    "Mary Lowe",
)

# "said one of Anwar's lawyers, Pawancheek Marican" (held-out 25): the name the parser hangs on
# the group names the one of them who speaks.
SPEAKER_CASES["one of a group with a name in apposition is that person"] = (
    "Appeal\n\nThe court heard the appeal of Tomas Reyne on Monday. ``We claim that his detention is illegal,'' "
    "said one of Reyne's lawyers, Anika Sollberg. The judge did not rule.",
    "detention is illegal",
    "Anika Sollberg",
)
# "Sidek Baba, deputy rector …, was released. ``…,'' Sidek was quoted as saying" (held-out 25): a
# person who goes by the first word of the name, which the model did not tag there.
SPEAKER_CASES["the first word of a full name, alone as a subject, is that person"] = (
    "Released\n\nYusof Baba, deputy rector of the National Islamic University, was released Wednesday after "
    "16 days in jail. ``I may have been detained because I knew the minister,'' Yusof was quoted as saying by "
    "The Star daily.",
    "detained because",
    "Yusof Baba",
)
# "Li … also ``is very willing to come back,'' the newspaper said" (held-out 25): the newspaper is
# the one whose name says it is one, though the article introduced it only as "a newspaper".
SPEAKER_CASES["the newspaper is the organisation whose name says it is one"] = (
    "Squad\n\nThe national team may recall two players from abroad, an official newspaper reported Monday. "
    "The coach wants them back, the Varna Sports Daily said. Ilse Moor, who plays in Austria, also ``is very "
    "willing to come back,'' the newspaper said.",
    "willing to come back",
    "Varna Sports Daily",
)
# "Houghton also said that Yang … ``could become …,'' the newspaper reported." (held-out 25): the
# parser hung the closing attribution on "said"; the words are the one the paper reports.
SPEAKER_CASES["a partial quote in a report the paper relays is the reported speaker's"] = (
    "Squad\n\nCoach Bram Pemberton picked the squad on Monday, the Varna Sports Daily said. Pemberton also "
    "said that Wei, who plays in Frankfurt, ``very possibly could become an extremely important player in the "
    "national team,'' the newspaper reported.",
    "important player",
    "Bram Pemberton",
)
# "Nobel's will says the prize should go to work ``in an ideal direction''" (held-out 25): the
# tagger takes "will" for a modal, even as the subject.
SPEAKER_CASES["a will that says something speaks for whose will it is"] = (
    "Prize\n\nThe founder, Alfred Krupp, died in 1896. Arguments over the choices are inevitable. Krupp's "
    "will says the prize should recognize literature that works ``in an ideal direction.''",
    "ideal direction",
    "Alfred Krupp",
)
# "a party manifesto that states, in part, ``Only by …''" (held-out 25)
SPEAKER_CASES["a manifesto speaks for the party that wrote it"] = (
    "Trial\n\nPolice arrested members of the Free Harbor Party on Monday. Its founder is charged with "
    "helping draft a party manifesto that states, in part, ``Only an open vote can end this rule.''",
    "open vote",
    "Free Harbor Party",
)
# "a hideous scene that … Lennart Olin likened to a ``gas chamber''" (held-out 25)
SPEAKER_CASES["what someone likens a thing to is their word"] = (
    "Fire\n\nThe fire gutted the hall and left rescuers facing a scene that the rescue chief Maja Berg "
    "likened to a ``furnace.'' The cause was not known.",
    "furnace",
    "Maja Berg",
)

# "The Justice Department, Warden told the judge, was ``trying to …''" (held-out 26): the name
# before the verb speaks; the subject before the comma is what the report is about.
SPEAKER_CASES["an attribution inside the clause it reports has the name as speaker"] = (
    "Trial\n\nAt the same time, Paul Dresner, the company's lawyer, argued that the new claims had no place "
    "in the case. The Trade Commission, Dresner told the judge, was ``trying to turn this into a much bigger "
    "case than it is.''",
    "much bigger case",
    "Paul Dresner",
)
# "``…,'' said Geir Lundestad, the committee's secretary, said on Sunday" (held-out 26)
SPEAKER_CASES["a second said with nothing to report leaves the name to the first"] = (
    "Prize\n\n``The committee wanted to give the prize to all three,'' said Ola Brekke, the current "
    "committee's nonvoting secretary, said on Sunday. The rules did not allow it.",
    "all three",
    "Ola Brekke",
)
# "``…,'' a statement by the 15 EU countries said" (held-out 26)
SPEAKER_CASES["a statement by an organisation's members is the organisation's"] = (
    "BRUSSELS (AP) - The European Union on Friday voiced concern over the arrest of Tomas Reyne. ``The EU "
    "urges the authorities to treat him correctly while in custody,'' a statement by the 15 EU countries "
    "said.",
    "treat him correctly",
    "European Union",
)

# "Because of the research, ``we know today that …''" after "The citation by the Karolinska Institute
# said ``…''" (held-out 27): the sentence's verbs are all inside the marks, so it is the next
# sentence of the words before it.
SPEAKER_CASES["a whole clause quoted after a lead-in phrase continues the quote before"] = (
    "Prize\n\nTwo chemists won the prize on Monday. The citation by the Royal Academy said ``their work "
    "opened a field that did not exist.'' Because of their research, ``we know today that cells talk to "
    "each other with light.'' The winners share the money.",
    "cells talk",
    "Royal Academy",
)
# "He quoted More's words as an admonition for today: ``…''" (held-out 27): the words quoted are
# the one whose words they are, and "More" the tagger takes for a comparative.
SPEAKER_CASES["someone's words another quotes are that one's"] = (
    "Debate\n\nRep. Ann Sawyer compared the president to Sir Thomas More, who was executed in 1535. She "
    "quoted More's words as a warning for today: ``It is a long road you have opened.'' The vote was set for "
    "Friday.",
    "long road",
    "Thomas More",
)
# "On Friday he quoted Teddy Roosevelt: ``…''" (a Multi-News story seen in the scratch check)
SPEAKER_CASES["a name another quotes after a colon is the speaker"] = (
    "Speech\n\nThe governor spoke to students on Friday. He quoted Abraham Lincoln: ``The best way to "
    "predict your future is to create it.'' The students cheered.",
    "predict your future",
    "Abraham Lincoln",
)
# "Asked on Sunday to comment on his discovery, he quoted the ... scientist Claude Bernard: ``…''"
# (Multi-News held-out 29): a reporting verb in the clause before "quoted" does not make the words
# the quoting speaker's.
SPEAKER_CASES["a name quoted after a colon wins over a reporting verb in an earlier clause"] = (
    "Lecture\n\nDr. Maria Keller gave a lecture on the new valve. Asked by a student to comment on her "
    "work, she quoted the Victorian engineer Isambard Brunel: ``Every machine is a question asked of "
    "nature.'' The hall applauded.",
    "question asked of nature",
    "Isambard Brunel",
)
# "… arrived for ``a visit of brotherhood and rest'' at the invitation of President Zine El Abidine
# Ben Ali, an official statement said." (held-out 27): the parser makes the name the subject and
# the statement its apposition; the statement names no author.
SPEAKER_CASES["a statement the parser hangs on a name before it is no one's words"] = (
    "Visit\n\nCol. Tarhouni, whose country is under a U.N. air embargo, arrived by land for ``a visit of "
    "brotherhood and rest'' at the invitation of President Zine El Abidine Ben Salah, an official statement "
    "said. He met several ministers.",
    "brotherhood and rest",
    None,
)

# "South African Broadcasting Corp. radio said it had been leaked a ``preliminary document''"
# (held-out 28): a broadcaster's name carried by "radio" or "television", as by "station".
SPEAKER_CASES["a broadcaster's name before radio names who reports"] = (
    "Report\n\nThe commission will hand its report to the president on Thursday. Varna Broadcasting Corp. "
    "radio said it had been given a ``draft report'' which blames both sides.",
    "draft report",
    "Varna Broadcasting Corp.",
)


def test_a_title_cased_nickname_after_dubbed_is_not_a_quote(analyze_text):
    """ "the man whom subordinates dubbed ``Prime Evil''" (held-out 27) is a nickname, not the words
    of the one whose sentence it is in; so is a name after "known as"."""
    article = analyze_text(
        "Hearing\n\n``He was an ordinary man,'' Dan Reiss said about the colonel whom his men dubbed "
        "``Iron Fist.'' Reiss called the killings ``a stain on us all.'' ``It was cruel,'' he said of his unit "
        "known as ``Night Watch.''"
    )
    texts = [q.text for q in article.quotes if q.kind != "indirect"]
    assert not [t for t in texts if "Iron Fist" in t or "Night Watch" in t]
    assert any("ordinary man" in t for t in texts) and any("stain on us" in t for t in texts)


def test_a_title_cased_name_after_called_with_no_object_is_not_a_quote(analyze_text):
    """ "his device, called the ``Safe Wander,''" (held-out 32) names the device; "called it ``…''"
    still reports how someone judges a thing."""
    article = analyze_text(
        "Sensor sock\n\nKenji Arata fitted his device, called the ``Night Guard,'' to his grandfather's sock. "
        "The mayor called it ``A Small Miracle,'' Arata said. A podcast called ``The Morning Brief'' "
        "interviewed him on Monday."
    )
    texts = [q.text for q in article.quotes if q.kind != "indirect"]
    assert not [t for t in texts if "Night Guard" in t or "Morning Brief" in t], texts
    assert any("Small Miracle" in t for t in texts), texts


def test_a_title_before_a_noun_or_after_an_award_for_is_not_a_quote(analyze_text):
    """ "the ``Made in America'' week" and "an award for ``Manchester by the Sea,''" (held-out 34)
    name a thing and a work; the words someone says beside them are still quotes."""
    article = analyze_text(
        "Gala\n\nDirector Lena Voss spoke on Monday. Voss also took aim at the council's declaration of "
        "``Built in Oslo'' week, noting that it cost too much. Voss, who "
        "won a best screenplay award for ``Harbor of the North,'' said the gala was ``a gift to all of us.'' "
        "``We waited long for this,'' Voss said."
    )
    texts = [q.text for q in article.quotes if q.kind != "indirect"]
    assert not [t for t in texts if "Built in Oslo" in t or "Harbor of the North" in t], texts
    assert any("gift to all" in t for t in texts) and any("waited long" in t for t in texts), texts


def test_an_adjective_of_what_may_be_unsaid_reports_nothing(analyze_text):
    """ "was quick to add that …" reports; "is unlikely to declare that …" does not."""
    article = analyze_text(
        "Talks\n\nMayor Ruth Dale met the union on Monday. Dale is unlikely to declare the talks have failed. "
        "She was happy to announce that the buses would run on Friday."
    )
    assert [(q.cue, q.speaker.name if q.speaker else None) for q in article.quotes if q.kind == "indirect"] == [
        ("announce", "Ruth Dale")
    ]


def test_a_short_name_two_people_share_names_neither():
    """The model tagged "Pasztor" for Amber and for Rene Pasztor: a bare "Pasztor" it took for a
    common noun is neither (it went to whichever came last)."""
    from crosswire.quotes import SpeakerResolver

    amber = Entity(name="Amber Pasztor", type="PERSON", aliases=["Pasztor"])
    rene = Entity(name="Rene Pasztor", type="PERSON", aliases=["Pasztor"])
    frank = Entity(name="Frank Macomber", type="PERSON", aliases=["Macomber"])
    resolver = SpeakerResolver([amber, rene, frank], [], [], {}, bytearray())
    assert "Pasztor" not in resolver.person_named
    assert resolver.person_named["Macomber"] is frank
    assert resolver.person_named["Rene Pasztor"] is rene and resolver.person_named["Amber Pasztor"] is amber


@pytest.mark.parametrize("case", list(SPEAKER_CASES))
def test_speaker_rules(analyze_text, case):
    text, fragment, speaker = SPEAKER_CASES[case]
    assert speaker_of(analyze_text(text), fragment) == speaker


TITLE_CASES = {
    "a title-cased span with no reporting verb is a title": (
        "Novels\n\nMara Quist writes about the sea. Her best book, ``The Keeper of the Northern Light,'' "
        "sold well, and she borrowed its plot from the film ``Harbor Nights,'' a thriller.\n\n"
        "``Good Books Sell Themselves,'' Quist said. ``I only write them.''",
        ["Keeper", "Harbor Nights"],
        ["Good Books", "only write"],
    ),
    # a sentence of its own ("``Thank God.''") may be speech; a title closing the reporter's
    # sentence keeps the full stop inside its marks
    "a title closing the reporter's sentence keeps its full stop inside": (
        "Shipyards\n\nMara Quist runs two yards. The yards are so closely tied that they are often referred "
        "to as one firm, ``Quistworks.'' Her warning came in a letter headed ``Notice of Final Payment.''"
        "\n\n``Thank God.'' Quist said that was all she could add.",
        ["Quistworks", "Notice of"],
        ["Thank God."],
    ),
    # after "on" or "told", a title-cased span names a programme, even with the reporter's comma
    # or full stop inside its marks
    "a programme one speaks on or to is a title": (
        "Budget fight\n\nSenator Ilsa Marran defended the plan on Sunday. “We will not cut the schools,” "
        "Marran said on “Capitol Week Today.” Appearing on “The Morning Ledger,” her rival Tom Feld said "
        "the plan was weak. Feld later told “Evening Watch Live,” a radio show, that he would vote no.",
        ["Capitol Week", "Morning Ledger", "Evening Watch"],
        ["will not cut"],
    ),
    # a title in another language keeps its particles in lower case ("do", "das")
    "a foreign title's lower-case particles do not make it speech": (
        "Novelist\n\nAna Reis was born in a small town near the coast. Her first novel, published in 1951 _ "
        "``Casa do Vento,'' or ``House of Wind'' _ sold badly. She won fame abroad with her 1980 fantasy "
        "``Cidade das Pedras,'' published in English as ``City of Stones.'' ``I write slowly,'' Reis said.",
        ["Casa do", "Cidade das"],
        ["I write slowly"],
    ),
    # an apposition right after the marks says what they name: a book, a code word; not a noun
    # that only starts the speaker's description ("the book's author")
    "a work or word noun in apposition after the marks makes them a name": (
        "Novelist\n\nAna Reis rarely gives interviews. ``Silence,'' her most recent book to be translated "
        "into English, is a grim fable. Crowds in the capital chanted for ``renovasi,'' the code word on the "
        "streets for a new government. ``I write slowly,'' the book's author said.",
        ["Silence", "renovasi"],
        ["I write slowly"],
    ),
    # "said Ronald Chernow, the author of ``Titan,'' a biography of …" (held-out 24)
    "a title after the author of it, or before a biography noun, is not a quote": (
        "Oil\n\n``They are tired giants,'' said Ellen Park, the author of ``Harbor Kings,'' a history of the "
        "port. Her friend wrote ``Iron Will,'' a biography of the founder. ``I write slowly,'' Park said.",
        ["Harbor Kings", "Iron Will"],
        ["tired giants", "I write slowly"],
    ),
    # "The commercials … end with a slogan: ``It's not about hate ... It's about hope.''"
    "a slogan after a colon is not a quote": (
        "Ads\n\nThe group paid for a new round of ads. The commercials end with a slogan: ``It's not about "
        "fear ... It's about faith.'' ``We will run them all month,'' said Lee Harmon, its director.",
        ["not about fear"],
        ["run them all month"],
    ),
    # "In ``Competing on Internet Time: …,'' the authors … write" (held-out 25), and "the musical
    # ``Hamilton''", where the tagger takes "musical" for an adjective
    "a title after in, or after a work noun tagged as an adjective, is not a quote": (
        "Book\n\nIn ``Sailing on Harbor Time: Lessons from Velm and Its Fight with Norra,'' the authors, Ines "
        "Dahl and Piet Loor, argue that the firm moved too fast. Dahl likened the two founders to the brothers "
        "made famous by the musical ``Tidewater.'' ``We wrote it in a year,'' Dahl said.",
        ["Sailing on Harbor", "Tidewater"],
        ["wrote it in a year"],
    ),
    # "signs reading ``Clinton go home'' were strung along the highway" (held-out 28)
    "words on a sign or banner are not a quote": (
        "Visit\n\nOn Thursday, signs reading ``Mayor go home'' were strung along the highway. Marchers carried "
        "banners that said ``No more tolls.'' ``We will keep marching,'' said Ida Berg, who led them.",
        ["go home", "No more tolls"],
        ["keep marching"],
    ),
}


@pytest.mark.parametrize("case", list(TITLE_CASES))
def test_titles_are_not_quotes(analyze_text, case):
    text, titles, speech = TITLE_CASES[case]
    texts = [q.text for q in analyze_text(text).quotes if q.kind != "indirect"]
    assert not [t for t in texts if any(title in t for title in titles)]
    assert all(any(words in t for t in texts) for words in speech)
    if "Good Books" in speech:
        assert speaker_of(analyze_text(text), "only write") == "Mara Quist"


def test_storms_operations_and_named_rivers_are_not_people(analyze_text):
    article = analyze_text(
        "VELM, May 20, 2026 (AP) -- Hurricane Orla killed 40 people in Oskia, officials said on Monday.\n\n"
        "Orla weakened over the mountains on Tuesday, and Operation Orla brought food to the coast.\n\n"
        "The mayor, Ana Brek, said the Tamu river and the Casita volcano were being watched."
    )
    people = {e.name for e in article.entities if e.type == "PERSON"}
    assert not people & {"Orla", "Hurricane Orla", "Operation Orla", "Tamu", "Casita"}, people
    assert "Ana Brek" in people


def test_family_names_with_particles_are_one_name(analyze_text):
    article = analyze_text(
        "Hostages\n\nIn a statement, EU Commissioner Hans van den Broek ``condemned in the strongest terms the "
        "killing of the hostages.'' Van den Broek said the EU wanted the others freed."
    )
    people = {e.name: e for e in article.entities if e.type == "PERSON"}
    assert "Hans van den Broek" in people
    assert "Van den Broek" in people["Hans van den Broek"].aliases
    assert not any(e.name in {"Broek", "Hans van"} for e in article.entities)
    assert speaker_of(article, "strongest terms") == "Hans van den Broek"


def test_an_apostrophe_inside_a_transliterated_name_opens_no_quote(analyze_text):
    article = analyze_text(
        "Prison rules\n\nThe rule applies to Mohamed Odeh and Rashed al-'Owhali. The rule permits calls "
        "to lawyers. Michael Young, Odeh's lawyer, said he was ``concerned because these are pretrial "
        "defendants.'' ``You can't punish them in advance,'' he said. Leonard Joy, al-'Owhali's lawyer, said "
        "little."
    )
    assert not any("rule permits" in q.text for q in article.quotes)
    assert speaker_of(article, "pretrial defendants") == "Michael Young"
    assert speaker_of(article, "punish them in advance") == "Michael Young"


def test_web_style_names_join_their_full_form(analyze_text):
    article = analyze_text(
        "Search widens\n\nOn Wednesday Hamzah Rahman, Malaysia's acting transport minister, said new images had "
        "been found. “We cannot tell whether the objects are from the plane,” Mr Hamzah said.\n\n"
        "Players at Brookfield University won the right to unionize on Wednesday. Brookfield said it will "
        "appeal. “Our athletes are students,” Brookfield said in a statement."
    )
    assert speaker_of(article, "cannot tell whether") == "Hamzah Rahman"
    assert speaker_of(article, "athletes are students") == "Brookfield University"
    assert not any(e.name in {"Hamzah", "Brookfield"} for e in article.entities)


def test_a_name_that_is_all_a_quotation_holds_is_a_title(analyze_text):
    article = analyze_text(
        "Rapper dies\n\nThe duo's 1993 debut album, “Juvenile Deltas,” sold poorly. Kerr Mavin, who made it, "
        "said the label dropped them."
    )
    assert "Juvenile Deltas" not in {e.name for e in article.entities}
    assert "Kerr Mavin" in {e.name for e in article.entities if e.type == "PERSON"}


def test_the_place_of_an_office_is_not_the_speaker(analyze_text):
    article = analyze_text(
        "Stalking case\n\nTwo aides were indicted. Guam Del. Tessa Orlan (D) confirmed in a statement that she "
        "is the official, saying that “my privacy was invaded.”"
    )
    assert speaker_of(article, "privacy was invaded") == "Tessa Orlan"


def test_a_title_set_off_after_the_phrase_of_its_noun_is_not_a_quote(analyze_text):
    """ "wrote his breakthrough novel in 1982, ``Title.''": the noun for the work is further back;
    a quoted sentence after a noun that is no work noun stays speech."""
    article = analyze_text(
        "Prize\n\nThe novelist wrote his breakthrough novel in 1982, ``Blue Harbour Nights.'' He told a "
        "friend in 1990, ``I Write Only At Night.''"
    )
    assert not any("Harbour" in q.text for q in article.quotes)
    assert any("Only At Night" in q.text for q in article.quotes)


def test_quotes_listed_after_a_plural_noun_for_words_are_mentions(analyze_text):
    """A list of quoted terms after "the terms" mentions them; a quoted sentence after "the words"
    and the quote that follows it are still speech."""
    article = analyze_text(
        "Capital\n\nIn a few days we have made the terms ``surreal,'' ``bizarre,'' ``runaway train'' and "
        "``politics of personal destruction'' useless cliches.\n\n"
        "``What is the difference?'' asked Dan Beamer, whose son led the revolt with the words, ``Let's "
        "roll.'' ``I cannot see the upside to this.''"
    )
    assert not any("surreal" in q.text or "personal destruction" in q.text for q in article.quotes)
    assert speaker_of(article, "cannot see the upside") == "Dan Beamer"


def test_a_title_after_the_noun_it_names_is_not_a_quote(analyze_text):
    article = analyze_text(
        "Rapper dies\n\nThe duo released a debut album, “Juvenile Deltas,” in 1993, and their 1996 song "
        "“Hell on Harbor Street,” mocked a rival, the label said. “We will miss him,” the label said."
    )
    assert not any("Deltas" in q.text or "Harbor Street" in q.text for q in article.quotes)
    assert any("miss him" in q.text for q in article.quotes)


def _speakers(article) -> list[str | None]:
    return [q.speaker.name if q.speaker else None for q in article.quotes]


def test_a_name_the_parser_hung_on_an_earlier_name_is_the_subject_of_the_verb_after_it():
    """ "Speaking after talks with Ana Pell, Olaf Brenn said …": the small model sometimes makes the
    name before "said" an apposition of the name before it and leaves "said" without a subject
    (seen in a DUC 2004 article; the parse is built here by hand, as the model's output varies with
    the words around it)."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from crosswire.quotes import _lost_subject

    words = ["Speaking", "after", "talks", "with", "Ana", "Pell", ",", "Olaf", "Brenn", "said", "it", "ended", "."]
    pos = ["VERB", "ADP", "NOUN", "ADP", "PROPN", "PROPN", "PUNCT", "PROPN", "PROPN", "VERB", "PRON", "VERB", "PUNCT"]
    ents = ["O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O"]

    def parsed(brenn_dep: str, brenn_head: int):
        heads = [9, 0, 1, 2, 5, 3, 5, 8, brenn_head, 9, 11, 9, 9]
        deps = ["advcl", "prep", "pobj", "prep", "compound", "pobj", "punct", "compound", brenn_dep, "ROOT"]
        deps += ["nsubj", "ccomp", "punct"]
        return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, ents=ents)

    assert _lost_subject(parsed("appos", 5)[9]).text == "Brenn"
    assert _lost_subject(parsed("nsubj", 9)[9]) is None  # parsed right: nothing to mend


def test_a_name_after_a_job_title_is_a_person_even_when_typed_an_organisation(analyze_text):
    """The small model types "Lorree Bowers" an organisation; after "prosecutor" only a person
    can stand, so "Bowers told judges" has a speaker, with the title as her role."""
    article = analyze_text(
        "Opening the trial, U.N. prosecutor Lorree Bowers said the mechanic had a list. "
        "``We will never know the exact number,'' Bowers told judges."
    )
    person = article.entity("Lorree Bowers")
    assert person is not None and person.type == "PERSON" and person.roles == ["U.N. prosecutor"]
    assert _speakers(article) == ["Lorree Bowers", "Lorree Bowers"]


def test_a_web_platform_is_an_organisation_whatever_the_model_types_it(analyze_text):
    """The small model takes "Twitter" in "wrote on Twitter" for a person; a platform named
    as where something was posted is an organisation, and no speaker."""
    article = analyze_text(
        "Representative Dana Kerr wrote on Twitter on Tuesday that the vote was rigged. Her aides "
        "later posted the letter on Instagram."
    )
    types = {e.name: e.type for e in article.entities}
    assert types.get("Twitter") == "ORG", types
    assert types.get("Dana Kerr") == "PERSON", types


def test_an_institution_name_is_an_organisation_whatever_the_model_types_it(analyze_text):
    """The small model takes "Tarnow Embassy" for a person; a name of two or more words ending in
    an institution's noun is an organisation. A surname that is also such a noun ("Frank Church")
    is not in the list, and a hospital typed as a place stays one (a building as well as a body)."""
    article = analyze_text(
        "Visa ring broken up\n\nThe fake office sold visas for years, officials said. Kwame Osei said "
        "the Tarnow Embassy never issued them. Senator Frank Church spoke at Coney Island Hospital."
    )
    types = {e.name: e.type for e in article.entities}
    assert types.get("Tarnow Embassy") == "ORG", types
    assert types.get("Frank Church") == "PERSON", types
    assert types.get("Kwame Osei") == "PERSON", types
    assert types.get("Coney Island Hospital") in {"LOC", "ORG"}, types
    # "Cooperation" and "Forum" end the names of bodies too; the model calls this one a building
    summit = analyze_text("Talks in Lima\n\nHe will join Biden at the Andean-Pacific Economic Cooperation forum.")
    assert {e.name: e.type for e in summit.entities}.get("Andean-Pacific Economic Cooperation") == "ORG"


def test_a_common_word_the_model_takes_for_a_person_is_no_entity(analyze_text):
    """ "Browsers have the potential …": the small model takes the capitalised word opening the
    sentence for a person; the article writes "browsers" in lower case too, and no full name,
    role or honorific makes it one. "Mr. Young" stays a person though the article writes "young"."""
    article = analyze_text(
        "The ruling matters to every software maker. Browsers have the potential to threaten the "
        "monopoly, and rival browsers are free. Mr. Young said young users switch."
    )
    people = {e.name for e in article.entities if e.type == "PERSON"}
    assert "Browsers" not in people, people
    assert "Young" in people, people


def test_a_speaker_named_before_the_verb_when_the_parse_loses_the_subject(analyze_text):
    """ "Syed" is tagged a verb, which costs the name its first word and "said" its subject; the
    person named between the quote and the verb said it."""
    article = analyze_text(
        "``What I went through was nothing compared to him,'' Syed Karim Ali, head of the "
        "opposition Velm People's Party, said Thursday."
    )
    assert _speakers(article) == ["Syed Karim Ali"]


def test_a_person_of_a_place_is_the_speaker_not_the_place(analyze_text):
    """ "Karl Ostermann of Glen Vale, New Jersey, …, said": the parser makes the town the subject."""
    article = analyze_text(
        "``It was a long and painful week,'' Karl Ostermann of Glen Vale, New Jersey, whose sister "
        "Ana died in the flood, said after the service."
    )
    assert _speakers(article) == ["Karl Ostermann"]


def test_the_one_told_is_not_the_speaker_when_the_parse_loses_the_subject(analyze_text):
    """The parser reads "after Omar Haddad, …, told" as a prepositional phrase and leaves "told"
    without a subject; the name after "told" is who heard it, and the name the phrase ends on
    (past its apposition with phrases of its own) is who said it."""
    article = analyze_text(
        "The comments came hours after Omar Haddad, a researcher at the Libyan News Centre (LNC) in "
        'Geneva, Switzerland, told Al Jazeera that police were "hunting" protesters.'
    )
    assert _speakers(article) and set(_speakers(article)) == {"Omar Haddad"}


def test_a_description_matches_the_head_of_a_title_not_what_it_qualifies(analyze_text):
    """ "Holt's campaign" is not "Varga's campaign manager"; "the chairman" is the "chairman and
    chief executive"."""
    article = analyze_text(
        "Tom Brill, Varga’s campaign manager, said the count would take days. Holt’s campaign also "
        "tweeted that she was “dreading a long and painful count.” Karl Ost, the chairman and chief "
        'executive of Velm Steel, spoke after the vote. "We are ready," the chairman said.'
    )
    assert _speakers(article)[-2:] == [None, "Karl Ost"]


def test_a_wifes_husband_is_a_man_whatever_a_mrs_before_the_surname_says(analyze_text):
    """ "Mrs. Varga" is merged with the president "Varga"; "Varga's wife" says he is a man too, so
    the evidence is split and "he" may still stand for him."""
    article = analyze_text(
        "President Ivo Varga flew to Velm on Sunday. Varga's wife, Lena, and their daughter, Mira, set "
        "out on their own schedule. Mrs. Varga toured a school in a village. Varga said the United "
        "States shares Velm's concerns about security. ``Peace is not simply an option among many,'' he said."
    )
    assert _speakers(article) == ["Ivo Varga", "Ivo Varga"]


def test_a_group_in_apposition_describes_the_speaker_and_an_abbreviated_title_is_a_role(analyze_text):
    """ "The governor, a Republican, added": not the Republicans; "the governor" is "Gov. Tom Brill"."""
    article = analyze_text(
        "Wyoming Gov. Tom Brill had warned that protesters were ``not welcome.'' The governor, a "
        "Republican, added, ``What we don't need is a crowd of agitators.''"
    )
    assert article.entity("Tom Brill").roles == ["Wyoming Gov."]
    assert _speakers(article)[-1] == "Tom Brill"


def test_a_first_or_middle_name_alone_is_the_person_who_speaks(analyze_text):
    """ "said Somchai" (Thai usage: the given name) and "its director general, Karim" (a middle
    name) are the people named in full before, not places."""
    article = analyze_text(
        "In a welcoming speech, Deputy Prime Minister Somchai Ratana told delegates to cast aside their "
        "doubts. ``I can confirm that we have met every request,'' said Somchai."
    )
    assert _speakers(article) == ["Somchai Ratana"]
    article = analyze_text(
        "``We are relieved,'' said Abdul Karim al-Hadi, director general of the Asian Games Council. The "
        "council is working on a contingency plan, said its director general, Karim."
    )
    person = article.entity("Abdul Karim al-Hadi")
    assert "Karim" in person.aliases


def test_the_subject_of_a_passive_is_not_who_is_quoted(analyze_text):
    """ "he was charged with ``…''": the charge's words are not his."""
    article = analyze_text(
        "Ivo Darr was arrested in March. His family was told that he was charged with ``plotting to "
        "subvert the state,'' a crime that carries long sentences."
    )
    assert _speakers(article) == [None]


def test_for_a_named_person_opening_the_sentence_gives_that_persons_view(analyze_text):
    article = analyze_text(
        "Joao Tomas Vell leads the federation. For union leader Vell, the proposed product-for-cash swap "
        "``is a clear sign of the despair the business sector is feeling because of the recessive economic "
        "policies'' brought by the Real Plan, the stabilization program put together in 1994 when Ostrov "
        "was finance minister."
    )
    assert _speakers(article) == ["Joao Tomas Vell"]
    assert "union leader" in article.entity("Joao Tomas Vell").roles  # not "For union leader"


def test_who_adopts_a_resolution_speaks_its_words(analyze_text):
    article = analyze_text(
        "On Thursday, the Velm City Council passed a resolution that condemned the attack as ``cowardly and shameful.''"
    )
    assert _speakers(article) == ["Velm City Council"]


def test_a_subject_inside_quotation_marks_does_not_stop_the_search_for_the_speaker(analyze_text):
    """ "… ``when we reminded him …'' and said of his doctors": "we" is the quoted speaker's
    word; the parser hangs "said" on "reminded", and the one who waved (Brek) said it."""
    article = analyze_text(
        "Ostrov said afterward that Brek waved his hand dismissively ``when we reminded him that he should "
        "stay in bed during his illness'' and said of his doctors: ``Don't listen to them.''"
    )
    assert _speakers(article) == ["Ostrov", "Brek"]


def test_a_person_named_through_a_naming_phrase_is_an_entity_and_speaks(analyze_text):
    """ "a lieutenant colonel named Dane", "who gave his name only as Sami": the model types such
    a lone name a nationality or an organisation, or misses it."""
    article = analyze_text(
        "As a pilot identified only as Capt. Mike embarked on a mission, a lieutenant colonel named Dane "
        'said: "It\'s a constant tempo." A young man who gave his name only as Sami said he had lost two '
        'friends. "It was terrible," he said.'
    )
    people = {e.name for e in article.entities if e.type == "PERSON"}
    assert {"Mike", "Dane", "Sami"} <= people
    assert _speakers(article) == ["Dane", "Sami", "Sami"]


def test_words_added_after_an_attribution_hung_on_the_quoted_verb_are_the_same_speakers(analyze_text):
    """ "``It will take time,'' he said, but added that investigators ``have tips''": the parser
    hangs "added" on the quoted verb; the attribution beside it names who added it."""
    article = analyze_text(
        "Igor Dorn, head of investigations for the Interior Ministry, told Interfax on Tuesday that he was "
        "confident the case would be solved. ``It will take time,'' he said, but added that investigators "
        "``have tips, they have something to work on.''"
    )
    assert _speakers(article)[-1] == "Igor Dorn"


def test_a_leaflet_signed_by_the_group_is_the_groups_not_the_radio_that_carried_it(analyze_text):
    article = analyze_text(
        "Omar Sadek, leader of the Velm Front, said ``martyrs'' from his movement had carried out the attack. "
        "He spoke in an interview with Monte Carlo Radio, an Arabic station broadcasting from Paris. A "
        "leaflet signed by the group and faxed to Reuters in Jerusalem said the ``heroic attack'' had been "
        "carried out by two men."
    )
    assert _speakers(article)[-1] == "Velm Front"


def test_a_rule_bug_on_one_article_costs_that_stage_only_with_a_warning(analyze_text, monkeypatch):
    """A bug a rule stage hits on one article leaves the article analysed, says what is missing,
    and does not stop the run."""

    def broken(*args, **kwargs):
        raise IndexError("index out of range")

    monkeypatch.setattr("crosswire.analyze.extract_entities", broken)
    article = analyze_text('Port strike\n\nTomas Kerr said on Monday: "We will strike."')
    assert article.entities == []
    assert [q.text for q in article.quotes] == ["We will strike."]
    assert article.sentences
    assert any("entities could not be extracted" in w and "IndexError" in w for w in article.warnings)


def test_a_name_inside_an_apposition_is_not_the_speaker(analyze_text):
    """The parser took the congressman inside "Ken Johnson, an aide to Rep. …," for the subject;
    a name after the apposition closes is still not the apposition's holder."""
    article = analyze_text(
        "Some moderates said they were prepared to support him. Ken Johnson, an aide to Rep. W.J. (Billy) "
        "Tauzin, R-La., said that his boss was ``emblematic'' of the confusion in the party.\n\n"
        "Rep. Dan Gebb, the minority leader, complained to Erin Boyle, the White House chief of staff, "
        "after Carville appeared on a talk show and declared, ``Carville will be rolling into battle.''"
    )
    assert _speakers(article)[-3:] == ["Ken Johnson", "Ken Johnson", "Carville"]


def test_the_person_a_title_introduces_speaks_not_the_institution_before_it(analyze_text):
    article = analyze_text(
        "Brazil's governors will decide the vote. ``The influence governors have on their blocs is "
        "overwhelming,'' said University of Sao Paulo political scientist Eduardo Kugelmas."
    )
    assert _speakers(article) == ["Eduardo Kugelmas"]


def test_a_full_stop_parsed_as_an_organisation_subject_costs_no_quotes():
    """ "DeOrr Kunz Sr. says …" (a Multi-News article): cut at the dot of "Sr.", the parser made the
    full stop the subject, inside an entity the model typed ORG, and the look-up for a person
    introduced by a role inside an institution's name found no word to end on. That lost every
    quote of the article (a warning said so); a subject with no word has no such person."""
    words = ["Kunz", "Sr", ".", "says", "so"]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=[1, 3, 3, 3, 3],
        deps=["compound", "nsubj", "nsubj", "ROOT", "advmod"],
        ents=["B-ORG", "I-ORG", "I-ORG", "O", "O"],
    )
    assert _titled_person_in(doc[2]) is None
