"""Entity names as one person's spellings share them, and never with stray punctuation."""

from __future__ import annotations

import string

from .conftest import speaker_of


def _people(article) -> dict:
    return {e.name: e for e in article.entities if e.type == "PERSON"}


def _clean_edges(text: str) -> bool:
    return text[:1] not in string.punctuation and text[-1:] not in string.punctuation


def test_a_joined_arabic_article_stays_in_the_name(analyze_text):
    """ "al-Masri's critics": the model tags "al-Masri" and the lower-case "al" is no determiner
    to trim, or the name would be "-Masri"."""
    article = analyze_text(
        "Vote in Qadira\n\nPresident Fadi al-Masri's government held the vote on Sunday. Observers "
        "called it a farce meant to pacify al-Masri's critics. Officials said al-Masri would not step "
        "down.\n\nIn Cairo, Adel el-Tounsi's aides said he would not comment."
    )
    names = [e.name for e in article.entities] + [m.text for e in article.entities for m in e.mentions]
    assert all(_clean_edges(n) for n in names), names
    people = _people(article)
    assert "Fadi al-Masri" in people
    assert "al-Masri" in people["Fadi al-Masri"].aliases
    assert len(people["Fadi al-Masri"].mentions) == 3
    assert "Adel el-Tounsi" in people


def test_a_prefix_joined_to_a_name_leaves_no_hyphen_in_it(analyze_text):
    """ "anti-Masri protesters": the model may take "anti-Masri" whole, and trimming the prefix
    leaves the hyphen, tagged a proper noun."""
    article = analyze_text(
        "Clashes\n\nPresident Fadi al-Masri spoke on Sunday. Militias attacked the town, and anti-Masri "
        "protesters fled. Residents said a pro-Masri gunman shot at them."
    )
    names = [e.name for e in article.entities] + [m.text for e in article.entities for m in e.mentions]
    assert not any(n.startswith("-") for n in names), names


def test_a_name_with_and_without_its_article_is_one_person(analyze_text):
    article = analyze_text(
        "Vote in Qadira\n\nPresident Fadi al-Masri's government held the vote on Sunday. Later, Fadi "
        "Masri spoke on television. Masri said the result was clear."
    )
    people = _people(article)
    assert "Fadi Masri" not in people and "Masri" not in people, list(people)
    assert {"Fadi Masri", "Masri"} <= set(people["Fadi al-Masri"].aliases)


def test_a_bare_surname_typed_otherwise_is_the_person_named_with_the_article(analyze_text):
    """The model may type a bare "Qasimi" a nationality; the article names "Nadia al-Qasimi"."""
    article = analyze_text(
        "Court ruling\n\nA court upheld the verdict against activist Nadia al-Qasimi on Monday. Her lawyers "
        "said Qasimi disagrees with the court. The judges told Qasimi to pay a fine. A statement by Qasimi "
        "called the ruling unjust, and friends of Qasimi protested."
    )
    assert [e.name for e in article.entities] == ["Nadia al-Qasimi"]
    assert len(article.entities[0].mentions) == 5


def test_a_bare_surname_the_model_misses_is_found_without_the_article(analyze_text):
    article = analyze_text(
        "Court ruling\n\nA court upheld the verdict against the activist Nadia al-Tarawneh on Monday. "
        "Officials say the fine is fair, but Tarawneh disagrees. The judges asked Tarawneh to pay."
    )
    assert [e.name for e in article.entities] == ["Nadia al-Tarawneh"]
    assert [m.text for m in article.entities[0].mentions] == ["Nadia al-Tarawneh", "Tarawneh", "Tarawneh"]


def test_the_article_joins_no_different_people(analyze_text):
    article = analyze_text(
        "Vote in Qadira\n\nPresident Fadi al-Masri held the vote on Sunday. His brother Rami al-Masri "
        "stayed away, and the lawyer Nadia Masri called the vote unfair."
    )
    assert {"Fadi al-Masri", "Rami al-Masri", "Nadia Masri"} <= set(_people(article))


def test_a_spelling_without_accents_is_the_same_person(analyze_text):
    article = analyze_text(
        "Anthem bill\n\nLiberal MP Lucien Bérubé introduced a bill on Wednesday. Lucien Berube has "
        "tried before, and Berube said he would try again."
    )
    people = _people(article)
    assert "Lucien Berube" not in people and "Berube" not in people, list(people)
    assert {"Lucien Berube", "Berube"} <= set(people["Lucien Bérubé"].aliases)


def test_a_name_in_capitals_is_the_same_person(analyze_text):
    """A transcript's speaker labels ("REED:") name the person the text names in full."""
    article = analyze_text(
        "Walk\n\nOPAL REED: I kept telling family and friends. And let me just mention that Opal Reed is 91 "
        "years old. REED: I just walked. REED: But I got some people together."
    )
    people = _people(article)
    assert "REED" not in people, list(people)
    assert "REED" in people["Opal Reed"].aliases


def test_a_name_ends_before_a_bracket_or_quotation_mark_it_does_not_close(analyze_text):
    article = analyze_text(
        "Search\n\nThe search is now run by the Northern Maritime Rescue Authority (Nmra). It said planes "
        "had flown. The blogger Tom Vale called Senator Ames “Budget Barbie.” Then he left."
    )
    names = {e.name for e in article.entities}
    assert "Northern Maritime Rescue Authority" in names, names
    assert "Ames" in names, names
    assert not any("(" in n or "“" in n for n in names), names


def test_a_dash_the_tokenizer_leaves_on_a_word_is_no_part_of_the_name(analyze_text):
    """ "an Oscar- and Emmy-winning star"; a transcript's dashes typed as two hyphens ("Steel--")."""
    article = analyze_text(
        "Awards\n\nThe actor, an Oscar- and Emmy-winning star, came back. He said the Harbor Workers "
        "Union-- or what is left of it-- would strike. And Harbor Union-- Harbor Union-- said no."
    )
    names = [e.name for e in article.entities] + [m.text for e in article.entities for m in e.mentions]
    assert {"Oscar", "Harbor Workers Union", "Harbor Union"} <= set(names), names
    assert all(_clean_edges(n) and "--" not in n for n in names), names


def test_a_name_spelt_with_a_hyphen_or_a_space_is_one_entity(analyze_text):
    """ "Al Jazeera" and "Al-Jazeera", "Abu Dhabi" and "Abu-Dhabi" (typed a place in one article
    and a body in another) are one name; "Salvador" is not "El Salvador" with a word left out."""
    from crosswire.story import build_story

    first = analyze_text(
        "Talks resume\n\nThe broadcaster Al Jazeera reported on Monday that the talks in Abu Dhabi would resume. "
        "Delegates from El Salvador arrived in the evening."
    )
    second = analyze_text(
        "Talks\n\nAl-Jazeera said the talks in Abu-Dhabi would resume on Tuesday. A delegation flew in from "
        "Salvador, the Brazilian port city."
    )
    both = analyze_text(
        "Talks\n\nAl Jazeera said on Monday that the talks would resume, and Al-Jazeera showed the delegates "
        "arriving in Abu-Dhabi."
    )
    assert [e.aliases for e in both.entities if e.name.startswith("Al")] == [["Al-Jazeera"]]
    entities = build_story([first, second, both]).entities
    (jazeera,) = [e for e in entities if "Jazeera" in e.name]
    assert {jazeera.name, *jazeera.aliases} == {"Al Jazeera", "Al-Jazeera"}
    (dhabi,) = [e for e in entities if "Dhabi" in e.name]
    assert {dhabi.name, *dhabi.aliases} == {"Abu Dhabi", "Abu-Dhabi"}
    assert {"El Salvador", "Salvador"} <= {e.name for e in entities}


def test_a_name_the_model_ran_into_the_sentence_is_cut_back(analyzer):
    """The model may run a name on into a verb ("Stephen kicks off", "Pryor hired Velm University")
    or end it on a function word ("National Assembly on"): a name holds no lower-case verb and
    ends on none of those words. Lower-case words inside a name stay ("Focus on the Family")."""
    from spacy.tokens import Span

    from crosswire.entities import _trim

    def trimmed(text: str, name: str, label: str) -> str | None:
        doc = analyzer.nlp(text)
        start = next(t.i for t in doc if t.idx == text.index(name))
        end = next(t.i + 1 for t in doc if t.idx + len(t.text) == text.index(name) + len(name))
        span = _trim(Span(doc, start, end, label=label))
        return span.text if span is not None else None

    assert trimmed("Stephen kicks off the week with a joke.", "Stephen kicks off", "PERSON") == "Stephen"
    assert trimmed("Coach Pryor hired Velm University staff.", "Pryor hired Velm University", "ORG") == "Pryor"
    assert trimmed("The National Assembly on Friday voted.", "National Assembly on", "ORG") == "National Assembly"
    assert trimmed("Members of Focus on the Family met.", "Focus on the Family", "ORG") == "Focus on the Family"
    # a widget's links run into the name: "Donald Trump Donald John Trump Jr. …" (held-out 33)
    assert trimmed("Donald Trump Donald John said it.", "Donald Trump Donald", "PERSON") == "Donald Trump"
    assert trimmed("Boutros Boutros Ghali said it.", "Boutros Boutros Ghali", "PERSON") == "Boutros Boutros Ghali"
    assert trimmed("Ziyad Abu Ziyad said it.", "Ziyad Abu Ziyad", "PERSON") == "Ziyad Abu Ziyad"


def test_no_name_is_cut_out_of_a_run_of_headline_case_words(analyze_text):
    """A page's list of other stories in headline case ("Ferry Carrying Tourists Sinks Off
    Port Alder Harbour Coast") gives the model runs of capitalised words to cut names out of
    at random; names of the article's own sentences stay, as do names in a normal sentence
    that reads like headline case ("the court in The Hague", "Former President Ana Lutz")."""
    article = analyze_text(
        "Vote in Qadira\n\nMinister Farid Haddad Resigns Over Port Alder Harbour Contract Row\n\nFarid "
        "Haddad stepped down on Monday. Former President Ana Lutz praised him, and the court in The "
        "Hague will hear the case against Boral Shipping.\n\nTrawler Crew Rescued Off Kessling Bay "
        "Coast After Storm"
    )
    names = {e.name for e in article.entities}
    assert not any(" Over " in n or " After " in n or n.endswith(" Resigns") for n in names), names
    assert not any("Kessling" in n for n in names), names
    assert "Farid Haddad" in names and "Ana Lutz" in names, names
    assert "Boral Shipping" in names, names


def test_a_rank_abbreviation_is_no_name_and_its_speaker_is_the_name_after_it(analyze_text):
    """ "said Sgt. Brek": the model may tag "Sgt" a person, or end an organisation on it
    ("Indiana State Police Sgt"); the rank is a title, and the one who speaks is the name after it."""
    article = analyze_text(
        "Search goes on\n\nCrews searched the river again on Tuesday.\n\n"
        '"We are hopeful," said Sgt. Brek of the county police.\n\n'
        "Velm State Police Sgt. Ana Brek said divers would return on Wednesday."
    )
    names = {e.name for e in article.entities}
    assert not any(n in {"Sgt", "Sgt."} or n.endswith((" Sgt", " Sgt.")) for n in names), names
    (quote,) = [q for q in article.quotes if q.kind == "direct"]
    assert quote.speaker is not None and quote.speaker.name.endswith("Brek")


def test_a_demonym_the_model_calls_a_place_is_a_people(analyze_text):
    """The model types "Ukrainian" in "Ukrainian Defence Minister" as a place; an adjective with a
    demonym's ending is the people (NORP), and the country the article names stays a place."""
    article = analyze_text(
        "Ukrainian Defence Minister Oleg Marchuk visited the plant on Friday. Ukrainian grain exports rose "
        "in May, and Ukraine expects more."
    )
    types = {e.name: e.type for e in article.entities}
    assert types["Ukrainian"] == "NORP"
    assert types["Ukraine"] == "GPE"


def test_a_name_given_as_one_of_a_kind_of_place_is_a_place(analyze_text):
    """The model types rare place names as people or organisations; "X and other towns", "villages
    such as X and Y", "provinces including X" say what they are, however the parser hangs the list."""
    article = analyze_text(
        "KORVA, May 3 (AP) -- Government troops shelled Brekmoor and other towns held by the rebels on Sunday, "
        "and aid workers said villages, such as Hallow Tern and Mossgate, were cut off. The army wants to retake "
        "Dunvale and other territories lost last year. Floods hit provinces including Velmar and Oskot.\n\n"
        "Governor Ana Brek and other officials visited Korva, as did firms such as Acme Holdings."
    )
    types = {e.name: e.type for e in article.entities}
    for place in ("Brekmoor", "Hallow Tern", "Mossgate", "Dunvale", "Velmar", "Oskot"):
        assert types.get(place) == "GPE", (place, types)
    assert types.get("Ana Brek") == "PERSON"  # "and other officials": not a kind of place
    assert types.get("Acme Holdings") == "ORG"


def test_one_name_in_one_article_is_one_entity_of_one_type(analyze_text):
    """The model types "the Tarnvik mayor" an organisation and every other "Tarnvik" a place: one
    town, one entity, under the type of the mentions that are not modifiers of a noun."""
    article = analyze_text(
        "A mine collapsed near Tarnvik on Tuesday. Tarnvik officials said 12 miners were trapped. Rescue teams "
        "from Tarnvik worked through the night, and the Tarnvik mayor asked for calm. Tarnvik lies north of the "
        "Arctic Circle."
    )
    (town,) = [e for e in article.entities if e.name == "Tarnvik"]
    assert town.type == "GPE"
    assert len(town.mentions) == 5


def test_a_mistyped_possessive_of_a_full_name_is_that_person(analyze_text):
    """ "Peter Vells's" typed "Peter Vell's" would be another person."""
    article = analyze_text(
        'Student found\n\nPeter Vells was found safe on Friday. "He is home," said Anna Vells, Peter Vell\'s mother.\n'
    )
    assert "Peter Vell" not in _people(article) and "Peter Vells" in _people(article)


def test_a_senior_keeps_the_dot_of_sr(analyze_text):
    """ "Briggs Sr.": spaCy's tokenizer keeps "Jr." whole but cuts "Sr." at its dot; the name is
    written as the article writes it, and so is the speaker of the quote."""
    article = analyze_text(
        "Lost hiker found\n\nRescuers found a missing hiker on Sunday after a two-day search, his family "
        "said.\n\nWalt Briggs Sr. says his son was last seen near the ridge trail on Friday.\n\n"
        '"We never stopped believing," said Briggs Sr. "He is tired, but he is fine."'
    )
    names = {e.name for e in article.entities}
    assert "Briggs Sr." in names and "Briggs Sr" not in names, names
    quote = next(q for q in article.quotes if "never stopped" in q.text)
    assert quote.speaker is not None and quote.speaker.name == "Briggs Sr."


def _organisations(article) -> dict:
    return {e.name: e for e in article.entities if e.type == "ORG"}


def test_an_organisation_is_not_a_part_of_it_named_after_it(analyze_text):
    """ "Google … Google Books": a longer name that starts with an organisation's name and is given
    after it names a part or a product of it, and "Google said" is Google's. Before, every
    one-word organisation name joined the longer name that starts with it."""
    article = analyze_text(
        "Search changes\n\nGoogle changed how its search results look on Monday. Pages from Google Books "
        "will show up first. Google said the change would help readers."
    )
    assert {"Google", "Google Books"} <= set(_organisations(article))
    assert speaker_of(article, "help readers") == "Google"


def test_a_chamber_is_not_its_committee(analyze_text):
    for body, part in (("House", "House Judiciary Committee"), ("U.N.", "U.N. Security Council")):
        article = analyze_text(
            f"Vote next week\n\nThe {body} will vote next week. The {part} approved the plan on Friday. "
            f'"This is a sad day," the {body} said in a statement.'
        )
        assert {body, part} <= set(_organisations(article)), body
        assert speaker_of(article, "sad day") == body


def test_a_short_name_is_the_full_name_given_before_it_or_a_company_s_without_its_form(analyze_text):
    """ "The Halvard Policy Institute … Halvard said": a short name refers back to the full one.
    "Velmont … Velmont Systems Corp.": a full name that adds only what kind of body it is (a
    company's legal form, "University", "Party") is the same organisation, named first or not."""
    article = analyze_text(
        "Pay dispute\n\nThe Halvard Policy Institute published a survey of 2,000 workers on Monday. Most "
        'said their pay had not kept up with prices. "Wages are falling behind," Halvard said in its report.'
    )
    assert "Halvard" in _organisations(article)["Halvard Policy Institute"].aliases
    assert speaker_of(article, "falling behind") == "Halvard Policy Institute"
    article = analyze_text(
        "Velmont cuts jobs\n\nVelmont said on Monday it would cut 400 jobs. Velmont Systems Corp. makes "
        'sensors for cars. "We expect a better year," the company said.'
    )
    assert "Velmont" in _organisations(article)["Velmont Systems Corp."].aliases
    assert speaker_of(article, "better year") == "Velmont Systems Corp."


def test_a_thing_named_only_with_an_article_is_no_person(analyze_text):
    """ "an Amber Alert", "a September Amber Alert": the model may take the alert for a woman,
    and a pronoun after it would then go to her. A person's name takes no article."""
    article = analyze_text(
        "Mother charged\n\nPolice found two children safe on Monday, hours after an Amber Alert was issued. "
        "Tessa Marlow, the mother at the center of a September Amber Alert, was charged with kidnapping. "
        'She told the station she "didn\'t have the heart" to call police.'
    )
    assert set(_people(article)) == {"Tessa Marlow"}, list(_people(article))
    assert speaker_of(article, "have the heart") == "Tessa Marlow"


def test_a_person_described_after_an_article_stays_a_person(analyze_text):
    article = analyze_text(
        "Memorial\n\nHundreds gathered on Sunday. He hired the late Bob Warrick, one of the first sports "
        "agents. The Rev. Anne Kittering led the prayers, and the 21-year-old Matt Dorsey read a poem."
    )
    assert {"Bob Warrick", "Anne Kittering", "Matt Dorsey"} <= set(_people(article)), list(_people(article))


def test_the_head_of_an_of_name_given_before_is_that_organisation(analyze_text):
    """ "The National Academy of Pediatrics … the Academy said": the head noun of an "X of Y" name,
    capitalised on its own, refers back to it; and "the academy's new position paper" is a
    document whose words are the academy's (a paper that is no newspaper)."""
    article = analyze_text(
        "Study drugs\n\nThe National Academy of Pediatrics published guidance on Monday. Prescribing the pills "
        'to healthy children is "not justifiable," according to the academy\'s new position paper. Prescribing '
        'them is "inadvisable" in teenagers, the Academy said.'
    )
    assert "Academy" in _organisations(article)["National Academy of Pediatrics"].aliases
    assert speaker_of(article, "inadvisable") == "National Academy of Pediatrics"
    assert speaker_of(article, "not justifiable") == "National Academy of Pediatrics"
