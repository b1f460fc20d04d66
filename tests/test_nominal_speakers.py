"""Speakers given by a common noun ("the network said", "said the man"): the organisation or
person the noun fits, or no speaker, never the name mentioned nearest."""

from __future__ import annotations

from .conftest import speaker_of


def test_the_network_is_the_organisation_introduced_as_a_network(analyze_text):
    article = analyze_text(
        "Thirty people died in the shelling of Tarsa on Monday, said the Kelvar Relief Committees, a network "
        'of opposition activists. "Reports said gunmen seized the women among them," the network said in a '
        "statement."
    )
    assert speaker_of(article, "gunmen seized the women") == "Kelvar Relief Committees"


def test_the_group_is_the_one_introduced_as_an_organization_not_the_body_named_since(analyze_text):
    article = analyze_text(
        "Funding will soon run out for SafeStreets, an organization that relies on former gang members to stop "
        "shootings. The Harlow County Board approved a new budget on Monday. The deal will put 40 "
        '"interrupters," as the group calls them, on the streets of the west side.'
    )
    assert speaker_of(article, "interrupters") == "SafeStreets"


def test_the_company_is_the_one_introduced_as_a_firm(analyze_text):
    article = analyze_text(
        "The calls are made at the offices of Velmont Systems, a telemarketing firm in Akron. The Tarsa Trade "
        'Commission has asked to see the scripts. "Every word in the script is approved by our clients," the '
        "company says."
    )
    assert speaker_of(article, "Every word in the script") == "Velmont Systems"


def test_the_agency_is_the_administration_its_name_says_it_is(analyze_text):
    article = analyze_text(
        "The Federal Aviation Administration grounded the new jets on Monday. Orlan Aircraft said its engineers "
        'were working on a fix. "Safety is our first concern and the jets stay on the ground," the agency said.'
    )
    assert speaker_of(article, "Safety is our first concern") == "Federal Aviation Administration"


def test_a_noun_that_fits_no_organisation_named_leaves_the_speaker_unnamed(analyze_text):
    """Neither a ministry nor a group is named: the words are not the aid society's, which is
    the only organisation the article names."""
    article = analyze_text(
        "The Red Lantern Society said its convoy reached the city on Tuesday. "
        '"The two parties call for a daily truce to reach the wounded," the foreign ministry said. '
        '"We will not leave our homes," the group said in a statement.'
    )
    assert speaker_of(article, "daily truce") is None
    assert speaker_of(article, "leave our homes") is None


def test_the_man_is_not_an_organisation_whose_name_holds_those_letters(analyze_text):
    article = analyze_text(
        "The Tarsa Council for Human Rights said forty people died in the raid. "
        '"We heard three strong explosions," said the man who spoke on condition of anonymity for fear of reprisal.'
    )
    assert speaker_of(article, "three strong explosions") is None


def test_the_company_a_name_only_qualifies_is_not_that_names(analyze_text):
    """ "Velda Airways parent company Korrin Industries": the company is Korrin Industries, though
    Velda Airways is named after it."""
    article = analyze_text(
        "Engineers from Velda Airways parent company Korrin Industries designed the seats. Velda Airways "
        'fitted them last year. "The seats will last for ten years," the company said.'
    )
    assert speaker_of(article, "last for ten years") == "Korrin Industries"


def test_an_agency_with_a_phrase_of_its_own_is_not_the_name_before_it(analyze_text):
    """ "the Keldar League agency for refugee health" is an agency of the league, not the league."""
    article = analyze_text(
        "The government is cutting its funding to the Keldar League agency for refugee health. "
        '"We refute this claim, as all of our work is voluntary," the agency said in a statement.'
    )
    assert speaker_of(article, "We refute this claim") is None


def test_a_newspaper_with_a_name_of_its_own_is_not_the_newspaper_named_before(analyze_text):
    """The tagger takes "Ad-Diyar" for a common noun; it still names another newspaper."""
    article = analyze_text(
        "Kalima newspaper, which often speaks for the government, called the appointment a disaster. The "
        'conservative Ad-Diyar newspaper said in a front-page comment: "The history of the general is known to all."'
    )
    assert speaker_of(article, "The history of the general") is None


def test_a_firm_named_only_after_the_firm_spoke_is_not_who_spoke(analyze_text):
    """Velmar is not called a firm, and the firm the article names later did not speak."""
    article = analyze_text(
        "Velmar said on Friday it had implanted its first artificial heart. "
        '"The operation went smoothly and the patient is awake," the biomedical firm said in a statement. '
        "The heart's valves were supplied by Korrin Industries, a firm that builds pumps."
    )
    assert speaker_of(article, "The operation went smoothly") is None


def test_a_name_is_not_an_organisation_whose_name_holds_it_as_letters(analyze_text):
    """ "Ban" is a word of no organisation the article names: "Bank Korsakova" only holds the letters."""
    article = analyze_text(
        'Bank Korsakova froze the accounts on Monday. Interfax quoted Ban as saying that he was "deeply '
        'concerned" by the situation.'
    )
    assert speaker_of(article, "deeply concerned") is None


def test_the_company_is_the_corporation_its_abbreviated_name_says_it_is(analyze_text):
    article = analyze_text(
        "The calls are placed by Velmont Systems Corp. of Akron. The Tarsa Trade Commission has asked to see "
        'the scripts. "Every word in the script is approved by our clients," the company says.'
    )
    assert speaker_of(article, "Every word in the script") == "Velmont Systems Corp."


def test_the_airline_is_the_one_whose_name_ends_in_airlines(analyze_text):
    article = analyze_text(
        "Orlan Airlines cancelled forty flights on Monday. The Tarsa Trade Commission said it would look into "
        'the delays. "Our passengers will be rebooked for free," the airline said.'
    )
    assert speaker_of(article, "rebooked for free") == "Orlan Airlines"


def test_the_company_is_one_whose_name_ends_in_inc_or_ltd(analyze_text):
    """ "Inc.", "Co." and "Ltd." say a company as "Corp." does."""
    said = '"We are working with regulators to find the cause," the company said in a statement.'
    for name in ("Brightline Foods Inc.", "Brightline Foods Ltd."):
        article = analyze_text(f"Shares of {name} fell 4% on Monday after a recall. {said}")
        assert speaker_of(article, "working with regulators") == name


def test_the_un_agency_is_the_agency_introduced_under_the_un_not_the_un(analyze_text):
    """ "the U.N. agency" carries the name of the United Nations, but the article introduced an
    agency of the U.N. by name: that agency speaks."""
    article = analyze_text(
        "UNICEF, the U.N. children's agency, said on Monday that 300 schools had closed. The United Nations "
        'will hold talks in Geneva. "Children are paying the highest price," the U.N. agency said.'
    )
    assert speaker_of(article, "highest price") == "UNICEF"
    article = analyze_text(
        "More than 20,000 people fled across the border last week, the United Nations refugee agency UNHCR "
        "said on Monday. The United Nations Security Council will meet on Friday. "
        '"The camps are full and more people arrive every hour," the U.N. agency said.'
    )
    assert speaker_of(article, "camps are full") == "UNHCR"


def test_a_newspaper_that_carries_its_own_name_is_that_newspaper(analyze_text):
    """Another newspaper introduced as a newspaper does not take over one that carries its name."""
    article = analyze_text(
        "The Velmsky Vestnik newspaper said the minister was ill. But the Tarsa Gazeta newspaper said in an "
        'editorial that his absence "amounts to a state catastrophe" for the country.'
    )
    assert speaker_of(article, "state catastrophe") == "Tarsa Gazeta"


def test_the_group_is_a_guess_when_another_organisation_spoke_since(analyze_text):
    """Only the introduction calls the committee a group; the Red Crescent, which spoke in
    between, may as well be the group that speaks next. A ministry could not."""
    first = "The Tarsa Peace Committee, a group of local activists, said 30 people died in the shelling on Monday. "
    said = '"We could not reach the wounded," the group said.'
    article = analyze_text(first + "The Velm Red Crescent said its convoy was blocked at the border. " + said)
    assert speaker_of(article, "reach the wounded") is None
    article = analyze_text(first + "The Velm Interior Ministry said its convoy was blocked at the border. " + said)
    assert speaker_of(article, "reach the wounded") == "Tarsa Peace Committee"


def test_the_congressman_is_the_representative_named_before(analyze_text):
    # "Rep." makes its holder a representative, whom American news calls "the congressman"; the
    # pronoun after the description goes on him.
    article = analyze_text(
        'Rep. Dale Whitcombe, R-Ohio, spoke on the House floor on Tuesday. "The ruling was a disgrace," '
        "Whitcombe said. The congressman ended his remarks with a request for a new hearing. "
        '"As a father, I want a system that protects children," he continued.'
    )
    assert speaker_of(article, "As a father") == "Dale Whitcombe"


def test_an_organisations_board_speaks_for_the_organisation(analyze_text):
    article = analyze_text(
        "The Royal Society of Chemists backed the plan on Monday. The proposal "
        '"rests on sound evidence," wrote the RSC board of directors. Shares of Brightwell Corp. fell '
        'sharply. "We remain confident in our strategy," Brightwell\'s board said in a statement.'
    )
    assert speaker_of(article, "rests on sound evidence") == "Royal Society of Chemists"
    assert speaker_of(article, "We remain confident") == "Brightwell Corp."


def test_a_board_with_no_organisation_named_is_no_speaker(analyze_text):
    article = analyze_text(
        'The plan was approved on Monday. "We see no reason for delay," the board said in a statement.'
    )
    assert speaker_of(article, "We see no reason") is None


def test_a_pull_quote_credited_to_a_name_after_it_is_that_person_s(analyze_text):
    """ "“… in America.” Senator Ted Cruz" (held-out 33): a paragraph of one quote and, after it,
    a name with no verb credits the quote to that name, not to the speaker of the quote before."""
    article = analyze_text(
        "Bridge vote\n\n"
        '"The bridge will pay for itself within ten years," said Councillor Piet Amsel, who backs the plan.\n\n'
        '"We cannot spend money we do not have on a bridge nobody asked for." Mayor Lena Ostrova\n\n'
        'Ostrova has opposed the bridge since March. "We cannot spend money we do not have," she said.'
    )
    assert speaker_of(article, "nobody asked for") == "Lena Ostrova"
    assert speaker_of(article, "pay for itself") == "Piet Amsel"
