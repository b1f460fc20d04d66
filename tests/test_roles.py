"""Roles of people from the words around their names."""

from __future__ import annotations


def _roles(article) -> dict[str, list[str]]:
    return {e.name: e.roles for e in article.entities if e.type == "PERSON"}


def test_the_first_of_two_names_is_not_the_second_ones_title(analyze_text):
    roles = _roles(analyze_text("Union leader Mara Holt and Senator Tom Brandt met the strikers on Monday."))
    assert roles["Tom Brandt"] == ["Senator"] and roles["Mara Holt"] == ["Union leader"]
    roles = _roles(analyze_text("Opposition leaders Prince Tevo Ranald and Sam Koy said they could not return."))
    assert not any("and" in r.split() for r in roles.get("Sam Koy", []))


def test_a_title_with_and_in_it_stays_whole(analyze_text):
    roles = _roles(analyze_text("Health and Human Services Secretary Alex Moreau said the plan would work."))
    assert roles["Alex Moreau"] == ["Health and Human Services Secretary"]


def test_a_role_before_the_name_keeps_what_it_heads_and_drops_judging_words(analyze_text):
    roles = _roles(
        analyze_text(
            "The head of the Oskian armed forces, Gen. Mario Hung Pacheco, said 5,000 soldiers were ready. "
            "The embattled President Ivo Darr left the capital. The chief of the port, Tom Vell, resigned."
        )
    )
    assert roles["Mario Hung Pacheco"] == ["Gen.", "head of the Oskian armed forces"]  # a rank is a role
    assert roles["Tom Vell"] == ["chief of the port"]
    assert roles["Ivo Darr"] == ["President"]


def test_a_list_after_a_name_is_not_the_persons_role(analyze_text):
    article = analyze_text(
        "NATO ministers met in Velm on Monday.\n\nBrek was also meeting NATO Supreme Allied Commander Europe "
        "General Tomas Vell, top EU officials and the Estravian foreign minister in Velm on Wednesday.\n"
    )
    assert _roles(article)["Tomas Vell"] == ["NATO Supreme Allied Commander Europe", "General"]


def test_an_organisation_run_into_the_title_after_it_is_cut_back(analyze_text):
    """The model reads "NATO Supreme Allied" as one organisation; merged by its prefix, every
    "NATO" of the article would go under that name."""
    article = analyze_text(
        "NATO met in Velm on Monday.\n\nWhile in Velm she also met with NATO Supreme Allied Commander "
        "Europe General Tomas Vell.\n\nNATO said the talks went well.\n"
    )
    orgs = {e.name: e for e in article.entities if e.type == "ORG"}
    assert list(orgs) == ["NATO"] and len(orgs["NATO"].mentions) == 3
    assert _roles(article)["Tomas Vell"] == ["NATO Supreme Allied Commander Europe", "General"]


def test_an_apposition_after_a_list_of_names_is_the_last_ones(analyze_text):
    """The parser hangs "the second son of …" on the first name of the list; it describes the
    name right before it."""
    article = analyze_text(
        "A service was held in Velm's cathedral, attended by Brek, Foreign Secretary Robin Vell and "
        "Prince Karel, the second son of Queen Mira, on Monday.\n"
    )
    roles = _roles(article)
    assert roles["Robin Vell"] == ["Foreign Secretary"]
    assert "second son of Queen Mira" in roles["Karel"]


def test_a_name_span_trimmed_to_nothing_at_the_end_of_a_text_is_dropped():
    """The model can tag a run of function words as a name; trimmed away at the very end of the
    text, it is no mention (and no crash)."""
    import spacy
    from spacy.tokens import Doc, Span

    from crosswire.entities import _trim

    doc = Doc(spacy.blank("en").vocab, words=["Then", "the", "the"])
    assert _trim(Span(doc, 1, 3, label="PERSON")) is None


def test_a_title_that_governs_the_name_is_not_its_role(analyze_text):
    """ "a spokesperson for Tom Brill": Brill is not the spokesperson."""
    roles = _roles(analyze_text("A spokesperson for Tom Brill said the mayor would not run again."))
    assert roles["Tom Brill"] == []
    roles = _roles(analyze_text("The wife of Karl Ost met Minister for Europe Lena Arden on Monday."))
    assert roles["Karl Ost"] == [] and roles["Lena Arden"] == ["Minister for Europe"]


def test_a_job_whose_object_is_a_titled_name_is_not_that_names_role(analyze_text):
    """ "Pia Holm, a spokeswoman for Mayor Dan Berg": the spokeswoman is Pia Holm; Dan Berg is the
    mayor. "Minister for Education" and "Secretary of State" are titles of their own."""
    roles = _roles(
        analyze_text(
            "Pia Holm, a spokeswoman for Mayor Dan Berg, said the bridge would reopen. Mark Ruiz, an aide "
            "to Prime Minister Lena Brandt, declined to comment. Minister for Education Jane Dole agreed, "
            "as did Secretary of State Ana Lutz."
        )
    )
    assert roles["Dan Berg"] == ["Mayor"]
    assert roles["Lena Brandt"] == ["Prime Minister"]
    assert roles["Mark Ruiz"] == ["aide to Prime Minister Lena Brandt"]
    assert roles["Jane Dole"] == ["Minister for Education"]
    assert roles["Ana Lutz"] == ["Secretary of State"]


def test_a_title_run_into_the_name_is_no_apposition_of_the_word_before():
    """ "said KTVX senior political analyst Dora Kemp", parsed (as the small model may) with the
    analyst an apposition of "KTVX": with no comma, dash or bracket between, the words are the
    title of the name after them, not a role of the word before."""
    import spacy
    from spacy.tokens import Doc, Span

    from crosswire.entities import appositive_role

    words = ["said", "KTVX", "senior", "political", "analyst", "Dora", "Kemp", ",", "a", "former", "senator", "."]
    heads = [0, 0, 4, 4, 1, 6, 0, 6, 10, 10, 6, 0]
    deps = ["ROOT", "nsubj", "amod", "amod", "appos", "compound", "nsubj", "punct", "det", "amod", "appos", "punct"]
    tags = ["VBD", "NNP", "JJ", "JJ", "NN", "NNP", "NNP", ",", "DT", "JJ", "NN", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags)
    assert appositive_role(Span(doc, 1, 2, label="PERSON")) is None
    assert appositive_role(Span(doc, 5, 7, label="PERSON")) == "a former senator"  # a comma: an apposition


def test_a_doubled_space_does_not_cut_the_title_from_the_name(analyze_text):
    article = analyze_text('"We will hold the line," Velm Port chief  Lotte Brandt said on Monday.')
    (brandt,) = [e for e in article.entities if e.name == "Lotte Brandt"]
    assert brandt.roles == ["Velm Port chief"]


def test_a_rank_after_a_post_is_a_role_of_its_own(analyze_text):
    roles = _roles(
        analyze_text(
            "Army Chief of Staff Gen. Tom Vell said the base would close. Attorney General Mara Holt said the "
            "inquiry would go on. Lieutenant General Sam Koy said the road was shut. Pentagon spokesman Col. "
            "Ivo Darr said the corps was ready."
        )
    )
    assert roles["Tom Vell"] == ["Army Chief of Staff", "Gen."]
    assert roles["Ivo Darr"] == ["Pentagon spokesman", "Col."]  # the rank's full stop is a token of its own
    assert roles["Mara Holt"] == ["Attorney General"]  # a rank that completes the post stays in it
    assert roles["Sam Koy"] == ["Lieutenant General"]


def test_one_people_in_the_plural_and_as_an_adjective_is_one_entity(analyze_text):
    article = analyze_text(
        "Estravian troops crossed the border on Monday.\n\nWe see Estravians being sent to the front, the "
        "minister said.\n\nSecurity in the Indo-Pacific is linked, she said. Ties with Indo-Pacific nations grew.\n"
    )
    norp = [e for e in article.entities if e.type == "NORP"]
    assert [(e.name, e.aliases) for e in norp] == [("Estravian", ["Estravians"])]
    assert {e.name: e.type for e in article.entities}.get("Indo-Pacific") == "LOC"


def test_split_rank_keeps_offices_named_general_and_ranks_of_two_words():
    from crosswire.entities import split_rank

    assert split_rank("Pentagon spokesman Rear Adm.") == ["Pentagon spokesman", "Rear Adm."]
    assert split_rank("Army Chief of Staff Lt. Gen.") == ["Army Chief of Staff", "Lt. Gen."]
    assert split_rank("UN secretary general") == ["UN secretary general"]
    assert split_rank("IOC director general") == ["IOC director general"]
    assert split_rank("U.S. Solicitor General") == ["U.S. Solicitor General"]
    assert split_rank("Air Force Lt. Col.") == ["Air Force Lt. Col."]  # no post before the rank


def test_an_occupation_before_a_name_is_a_role_not_part_of_the_name(analyze_text):
    """ "Filmmaker Kenneth Lonergan" (held-out 34): the occupation is his role; "the rapper said"
    then goes to the rapper named before."""
    article = analyze_text(
        "Premiere\n\nFilmmaker Kenneth Lorimer, who won an award for his last film, spoke to reporters on "
        "Friday. Rapper Dex Marlow arrived late. The rapper said he had been stuck in traffic."
    )
    assert _roles(article) == {"Kenneth Lorimer": ["Filmmaker"], "Dex Marlow": ["Rapper"]}
    (quote,) = article.quotes
    assert quote.speaker is not None and quote.speaker.name == "Dex Marlow"


def test_a_title_comes_off_a_person_the_model_typed_as_an_organisation(analyze_text):
    """ "Actress America Ferrera" is an organisation to the model; once the rules make her a person,
    her title is no part of her name."""
    article = analyze_text(
        "Premiere\n\nActress America Ferrano poses for photographers on the red carpet. Actress America "
        "Ferrano, center, listens to questions during a press conference. Ferrano said the film was a joy."
    )
    assert _roles(article) == {"America Ferrano": ["Actress"]}


def test_a_credit_line_dash_is_not_part_of_the_role(analyze_text):
    article = analyze_text("Credits\n\nSupervising Producer - Alex Redge\n\nThe show airs on Monday.")
    assert _roles(article) == {"Alex Redge": ["Producer"]}


def test_pm_is_a_prime_minister_but_not_after_a_time(analyze_text):
    article = analyze_text(
        "Search\n\n24 March: Based on new data, Malaysian PM says the plane is lost. Japanese PM Taro Sugimo "
        "spoke on Monday. The show airs at 11:35 PM ET/10:35 PM CT on Friday."
    )
    assert _roles(article) == {"Taro Sugimo": ["Japanese PM"]}
    assert all(q.speaker is None for q in article.quotes)
