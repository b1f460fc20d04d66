"""Cleaning: every part found, every removal recorded, no body sentence lost."""

from __future__ import annotations

import re

import pytest

from crosswire.clean import clean, clean_text, parse_dateline, split_paragraphs
from crosswire.model import Source
from crosswire.read import read_paths

from .conftest import SAMPLE, SEEDS


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _sources(folder):
    if not folder.is_dir():
        pytest.skip(f"{folder} not present")
    return [s for s in read_paths([folder]) if isinstance(s, Source)]


def _all_sources():
    folders = [SAMPLE] + ([SEEDS] if SEEDS.is_dir() else [])
    return [s for f in folders for s in read_paths([f]) if isinstance(s, Source)]


@pytest.mark.parametrize("source", _all_sources(), ids=lambda s: s.source_path.split("/")[-1])
def test_every_input_line_is_accounted_for(source):
    article = clean(source)
    body, title = _norm(article.text), _norm(article.title or "")
    removed = [_norm(r.text) for r in article.removed]
    for line in source.raw.split("\n"):
        line = _norm(line)
        if not line:
            continue
        if line in body or line == title or line in removed:
            continue
        # a dateline: removed prefix + the rest of the line in the body
        prefix = next((r for r in removed if line.startswith(r)), None)
        assert prefix is not None and _norm(line[len(prefix) :]) in body, f"lost: {line!r}"


@pytest.mark.parametrize("source", _all_sources(), ids=lambda s: s.source_path.split("/")[-1])
def test_no_body_sentence_is_lost(source):
    article = clean(source)
    body = _norm(article.text)
    for line in source.raw.split("\n"):
        for sentence in re.split(r"(?<=[.!?])[\"”’]?\s+(?=[A-Z“\"])", _norm(line)):
            if len(sentence.split()) >= 6 and re.search(r"[.!?][\"”’)]?$", sentence):
                if any(r.reason in {"credit line", "copyright notice"} and sentence in r.text for r in article.removed):
                    continue
                tail = re.sub(r"^.*?[—–-]\s+", "", sentence) if article.dateline else sentence
                assert sentence in body or tail in body, f"sentence lost: {sentence!r}"


def test_seed_parts(seeds):
    reuters = seeds["003"]
    assert reuters.title.startswith("Blinken, in Brussels, pledges")
    assert reuters.byline == "Simon Lewis"
    assert reuters.outlet == "Reuters"
    assert (reuters.dateline.place, reuters.dateline.agency) == ("Brussels", "Reuters")
    assert reuters.text.startswith("U.S. Secretary of State Antony Blinken assured NATO")
    reasons = {r.reason for r in reuters.removed}
    assert {"repeated title", "byline", "dateline", "credit line"} <= reasons
    assert "Editing by" not in reuters.text

    voa = seeds["000"]
    assert voa.title is None and voa.published == "2024-11-13" and voa.dateline.place == "Brussels"
    assert voa.outlet == "VOA"  # from "told VOA"

    caliber = seeds["001"]
    assert caliber.outlet == "Caliber.Az" and caliber.byline == "Khagan Isayev"

    turan = seeds["002"]
    assert turan.outlet == "TURAN"
    footer = {r.text for r in turan.removed}
    assert {"Leave a review", "Politics", "Follow us on social networks", "News Line"} <= footer
    assert "Leave a review" not in turan.text

    anadolu = seeds["004"]
    assert anadolu.title.startswith("'We had very productive discussion")
    assert any(r.reason == "subheading" and "Winds of change" in r.text for r in anadolu.removed)
    assert "Winds of change" not in anadolu.text


def test_sample_parts(sample):
    assert sample["01"].byline == "Marta Lindqvist" and sample["01"].outlet == "Meridian"
    assert sample["02"].byline == "Darius Velk" and sample["02"].outlet == "Vostrand.info"
    assert sample["03"].published == "2026-03-04" and sample["03"].outlet == "Radio Kell"
    agg = sample["04"]
    assert agg.encoding == "cp1252" and agg.published == "2026-03-04"
    assert sum(r.reason == "duplicate paragraph" for r in agg.removed) == 1
    assert any(r.reason == "site furniture" and "cookies" in r.text for r in agg.removed)
    assert any(r.reason == "subheading" for r in sample["05"].removed)


_STRIKE = "Dockworkers in Port Alder agreed on Wednesday to end a 19-day strike after a phased pay rise was offered."
_BERTH = "The first ships are expected to berth on Thursday, the port authority said."


def _outlet(*paragraphs: str) -> str | None:
    return clean_text("\n\n".join(paragraphs), find_title=False).outlet


def test_another_outlets_report_is_no_cue_and_the_sites_own_newsletter_prompt_is():
    """A story that cites another outlet's report ("the Kell Times report") was not published by
    that outlet; the site's own newsletter prompt, removed as furniture, names the site."""
    cited = [
        _STRIKE,
        "Within hours of Tuesday's report by The Kell Times, union leaders met the harbour minister.",
        "The harbour ministry denied the Kell Times report, and the union said talks had gone on for a week.",
        _BERTH,
    ]
    assert _outlet(*cited) is None
    prompt = (
        "Sign up here for PORTWATCH Harbour A daily briefing in your inbox. Email Sign Up By signing up you agree "
        "to receive email newsletters or alerts from PORTWATCH. You can unsubscribe at any time."
    )
    assert _outlet(*cited[:2], prompt, *cited[2:]) == "PORTWATCH"


@pytest.mark.parametrize(
    "citation",
    [
        "The Velm Herald reports that the union had asked for 9% before the talks.",
        "The deal was first reported by The Velm Herald on Tuesday night.",
        "According to The Velm Herald, the union had asked for 9% before the talks.",
        "A Velm Herald report said the union had asked for 9% before the talks.",
        "The Velm Herald reported that the union had asked for 9% before the talks.",
        "The deal, confirmed by KELL-TV, gives the workers 7% this year.",
    ],
)
def test_a_citation_of_another_outlet_gives_no_outlet(citation):
    assert _outlet(_STRIKE, citation, _BERTH) is None


def test_interviews_give_the_outlet_only_when_all_were_given_to_one():
    """ "told VOA" in VOA's story names its outlet; a story that quotes interviews given to two
    outlets is quoting their reporting, and names neither."""
    one = "\u201cWe can breathe again,\u201d the harbour minister told KELL-TV on Wednesday."
    assert _outlet(_STRIKE, one, _BERTH) == "KELL-TV"
    again = "The union leader told KELL-TV that the night shift would return first."
    assert _outlet(_STRIKE, one, again, _BERTH) == "KELL-TV"
    other = "The union leader told The Velm Herald that the night shift would return first."
    assert _outlet(_STRIKE, one, other, _BERTH) is None
    # a name stops at its sentence's end, a day after it is not part of it
    assert _outlet(_STRIKE, "The minister told KELL News Friday that the port was open.", _BERTH) == "KELL News"


def test_a_stronger_cue_wins_over_a_mention():
    """The dispatch's agency and the site's copyright notice outrank an interview with another
    outlet; the text naming its own correspondent outranks it too."""
    mention = "The harbour minister told KELL-TV on Wednesday that the cranes would move by midnight."
    assert _outlet(f"PORT ALDER (Meridian) - {_STRIKE}", mention, _BERTH) == "Meridian"
    notice = "Copyright 2024 KVLM-TV (Velm Media Group). All rights reserved."
    assert _outlet(_STRIKE, mention, _BERTH, notice) == "KVLM-TV"
    own = "The minister spoke to VOLNA's Port Alder correspondent at the quay on Wednesday."
    assert _outlet(_STRIKE, mention, own, _BERTH) == "VOLNA"


def test_a_sign_up_prompt_names_the_site_but_not_a_newsletter():
    site = "Sign up for the Velm Courier newsletter to get harbour news in your inbox."
    assert _outlet(_STRIKE, _BERTH, site) == "Velm Courier"
    letter = "Sign up for the Morning Brief newsletter to get harbour news in your inbox."
    assert _outlet(_STRIKE, _BERTH, letter) is None


@pytest.mark.parametrize(
    ("text", "place", "agency", "date"),
    [
        ("BRUSSELS (Reuters) - U.S. officials", "Brussels", "Reuters", None),
        ("WASHINGTON, Nov 13 (Reuters) - The", "Washington", "Reuters", None),
        ("NEW YORK (AP) _ Stocks rose", "New York", "AP", None),
        ("date 2024-11-13 Brussels — U.S. Secretary", "Brussels", None, "2024-11-13"),
        ("KYIV — Ukraine said", "Kyiv", None, None),
        ("SEOUL, South Korea (AP) _ North Korea said", "Seoul, South Korea", "AP", None),
        ("Brussels, Nov. 13, 2024 — The alliance", "Brussels", None, "2024-11-13"),
    ],
)
def test_datelines(text, place, agency, date):
    dateline = parse_dateline(text)
    assert (dateline.place, dateline.agency, dateline.date) == (place, agency, date)


def test_no_dateline_in_ordinary_sentences():
    assert parse_dateline("The minister said on Tuesday that talks would resume.") is None
    assert parse_dateline("US Secretary of State Antony Blinken has assured NATO leaders.") is None


def test_furniture_credit_copyright_and_newsletter_are_removed_with_reasons():
    raw = "\n\n".join(
        [
            "Council approves new tram line after long debate",
            "By Ana Ruiz and Tom Becker",
            "Published: 12 March 2025 10:15 GMT",
            "The city council approved a new tram line on Tuesday, ending a two-year dispute.",
            "Read more: Why trams are back",
            "The mayor said construction would begin in the autumn.",
            "Sign up for our morning newsletter",
            "Residents had objected to the loss of parking spaces.",
            "(Reporting by Ana Ruiz; Editing by Tom Becker)",
            "© 2025 City Wire. All rights reserved.",
            "Share on Facebook",
        ]
    )
    parts = clean_text(raw)
    assert parts.title == "Council approves new tram line after long debate"
    assert parts.byline == "Ana Ruiz and Tom Becker"
    assert parts.published == "2025-03-12"
    assert len(parts.body) == 3
    reasons = [r.reason for r in parts.removed]
    assert reasons.count("site furniture") == 2 and reasons.count("related link") == 1
    assert "credit line" in reasons and "copyright notice" in reasons and "date line" in reasons


def test_trailing_credit_inside_last_paragraph():
    parts = clean_text(
        "Title of the piece here\n\nThe talks ended without a deal.(Reporting by A. B.; Editing by C. D.)"
    )
    assert parts.body == ["The talks ended without a deal."]
    assert parts.removed[-1].reason == "credit line"


def test_the_reporters_a_story_thanks_are_a_credit_line_and_a_story_sentence_stays():
    parts = clean_text(
        "Velm port strike ends\n\nDock workers in Velm returned to work on Monday.\n\n"
        "Lee reported from Velm. Associated Press writer Ana Brek in Oster, N.D., and Tom Ruiz of The "
        "Velm Courier contributed to this report.\n\n"
        "Staff writers Jo Kim and Al Dorn contributed to this story from Oster.\n\n"
        "Kai Lund reported from Velm Harbor.\n\n"
        "The union said the deal was fair. Staff writer Jo Kim contributed reporting."
    )
    assert parts.body == [
        "Dock workers in Velm returned to work on Monday.",
        "The union said the deal was fair. Staff writer Jo Kim contributed reporting.",
    ]
    assert [r.reason for r in parts.removed].count("credit line") == 3


def test_a_video_players_caption_is_a_caption_and_its_buttons_go():
    parts = clean_text(
        "Storm grounds flights\n\n"
        "CLOSE Skip in Skip x Embed x Share Airlines expect to fly again Friday. Jo Lee, USA TODAY\n\n"
        "Airlines cancelled 1,000 flights on Thursday, officials said.\n\n"
        "CLOSE is the word on the shop's sign."
    )
    assert parts.body[0] == "Airlines expect to fly again Friday. Jo Lee, USA TODAY"
    assert parts.captions == [0]
    assert parts.body[2] == "CLOSE is the word on the shop's sign."
    assert [(r.text, r.reason) for r in parts.removed] == [("CLOSE Skip in Skip x Embed x Share", "video link")]


def test_a_prompt_to_follow_the_reporter_is_site_furniture_and_a_sentence_is_not():
    parts = clean_text(
        "Storm grounds flights\n\nAirlines cancelled 1,000 flights on Thursday, officials said.\n\n"
        "Like many on Twitter, the mayor was angry.\n\n"
        "Follow the money, he said on Twitter.\n\n"
        "Follow Jo Lee on Twitter and Google+. Follow Velm News @velmnews, Facebook & Google+. "
        "Original article on Velm News.\n\n"
        "Rating is available when the video has been rented."
    )
    assert parts.body == [
        "Airlines cancelled 1,000 flights on Thursday, officials said.",
        "Like many on Twitter, the mayor was angry.",
        "Follow the money, he said on Twitter.",
    ]
    assert {r.reason for r in parts.removed} == {"site furniture", "social media widget"}


def test_a_sites_sign_in_screen_is_site_furniture_and_the_page_no_article():
    parts = clean_text(
        "Welcome back. Please sign in\n\nWhy are we asking this?\n\n"
        "By submitting your registration information, you agree to our Terms of Service and Privacy "
        "Policy.\n\nAlready have an account?\n\n"
        "We have sent a confirmation email to {* data_emailAddress *}. Please check your email.\n\n"
        "Thank you for registering!\n\nJoin us on Facebook Like us and you'll find top news in your feed."
    )
    assert parts.body == [] and parts.title is None
    assert {r.reason for r in parts.removed} == {"site furniture"}
    kept = clean_text("Velm vote\n\nThank you, the mayor told voters who had already signed in to vote.")
    assert kept.body == ["Thank you, the mayor told voters who had already signed in to vote."]


def test_hard_wrapped_text_is_joined_into_paragraphs():
    raw = (
        "Cambodian leader Hun Sen on Friday rejected opposition demands \n"
        "for talks outside the country, accusing them of trying to \n"
        "internationalize the crisis.\n"
    )
    assert split_paragraphs(raw) == [
        "Cambodian leader Hun Sen on Friday rejected opposition demands for talks outside the country, "
        "accusing them of trying to internationalize the crisis."
    ]


def test_short_last_sentence_is_kept():
    parts = clean_text("Port reopens\n\nThe port reopened on Monday after a week.\n\nNo one was hurt.")
    assert parts.body[-1] == "No one was hurt."


def test_label_lines_and_lists_are_not_subheadings():
    prose = "The band recorded the album over two years in a converted barn outside the city."
    parts = clean_text(
        "\n\n".join(
            [
                "Ten songs with secret messages",
                prose,
                "Hidden Message: For Ethel",
                prose + " Again.",
                "Trichloroethylene",
                "Benzene",
                "Vinyl chloride",
                prose + " Later.",
            ]
        )
    )
    assert "Hidden Message: For Ethel" in parts.body
    assert {"Trichloroethylene", "Benzene", "Vinyl chloride"} <= set(parts.body)
    assert not [r for r in parts.removed if r.reason == "subheading"]


def test_an_isolated_heading_between_paragraphs_is_a_subheading():
    prose = "The band recorded the album over two years in a converted barn outside the city."
    parts = clean_text("\n\n".join(["Album review", prose, "Winds of change in the studio", prose + " Again."]))
    assert [r.text for r in parts.removed if r.reason == "subheading"] == ["Winds of change in the studio"]


@pytest.mark.parametrize("heading", ["'Barn sessions'", "“Barn sessions”", '"A new sound"'])
def test_a_heading_in_quote_marks_is_a_subheading_not_a_quote(heading):
    prose = "The band recorded the album over two years in a converted barn outside the city."
    said = '"We will play it live next year," the singer said.'
    parts = clean_text("\n\n".join(["Album review", prose, heading, said, prose + " Again."]))
    assert [r.text for r in parts.removed if r.reason == "subheading"] == [heading]
    assert said in parts.body


@pytest.mark.parametrize(
    "line", ['"We will play it live."', "'Never again,' she said", "“Thank you, everyone”", '"Yeah -"', "'Thanks'"]
)
def test_a_quoted_sentence_on_its_own_line_is_not_a_subheading(line):
    prose = "The band recorded the album over two years in a converted barn outside the city."
    parts = clean_text("\n\n".join(["Album review", prose, line, prose + " Again."]))
    assert line in parts.body


def test_a_list_of_quoted_terms_is_not_headings():
    prose = "The report sorts the substances it lists into two groups, by how strong the evidence is:"
    terms = ["“Known to be human carcinogens”", "“Reasonably anticipated to be human carcinogens”"]
    after = "The current version lists about 250 substances and exposures, the agency said on Monday."
    parts = clean_text("\n\n".join(["Cancer list", prose, *terms, after]))
    assert set(terms) <= set(parts.body)


@pytest.mark.parametrize(
    ("text", "furniture"),
    [
        (
            "Subscribe now for unlimited access to our journalism. Just €1 for your first month, then €7.99 a month.",
            True,
        ),
        ("Already a subscriber? Log in to continue reading with full access.", True),
        ("Please turn on JavaScript to receive updates automatically.", True),
        ("You’ve read 3 of your 4 free articles this month", True),
        ("Subscribers to the streaming service will pay 10 euros a month from January, the company said.", False),
        ("Sign up for the scheme by Friday to get access to grants of 500 dollars a month, the ministry said.", False),
        ("Join the union, he urged workers, and get access to legal advice a month later.", False),
    ],
)
def test_a_paywall_pitch_is_furniture_and_news_about_subscriptions_is_not(text, furniture):
    from crosswire.clean import _furniture_reason

    assert (_furniture_reason(text) == "site furniture") is furniture


ARTICLE = (
    "The city council approved the new budget on Tuesday after a debate that lasted late into the night, "
    "with nine votes in favour and four against. Council leader Ana Brandt said the plan would protect "
    "libraries and bus routes while raising the parking charge in the centre by ten percent. Opposition "
    "members said the increase would hurt small shops and called for a review in the spring. The budget also "
    "sets aside money for repairs to three schools and a new footbridge over the river, which residents had "
    "asked for since the old one closed in 2019. Work on the bridge is due to begin next summer and to take "
    "about a year, the council said."
)


def test_a_web_archive_notice_page_is_not_an_article():
    page = "\n\n".join(
        [
            "The seed for this crawl was a list of the front pages of news sites in 2016.",
            "- Front pages of every listed domain",
            "-- up to 20 linked pages per domain",
            "Sorry, the page you requested could not be found.",
        ]
    )
    parts = clean_text(page, find_title=False)
    assert parts.body == []
    assert {r.reason for r in parts.removed} == {"web archive notice", "web archive page, not an article"}


def test_an_archive_notice_on_an_article_page_takes_only_itself():
    notice = "These crawls are part of an effort to archive pages as they are published."
    parts = clean_text("\n\n".join([notice, ARTICLE]), find_title=False)
    assert parts.body == [ARTICLE]
    assert [(r.text, r.reason) for r in parts.removed] == [(notice, "web archive notice")]


def test_news_about_web_archives_is_kept():
    story = (
        "The Internet Archive said these crawls are part of an effort to archive pages before they vanish, "
        "and that the seed for this crawl was a list of government sites."
    )
    parts = clean_text("\n\n".join([story, ARTICLE]), find_title=False)
    assert parts.body == [story, ARTICLE]


def test_a_social_widget_left_by_a_scraper_is_furniture():
    widget = [
        "Tweet with a location",
        "You can add location information to your Tweets, such as your city, from the web. Learn more",
    ]
    parts = clean_text("\n\n".join([*widget, ARTICLE]), find_title=False)
    assert parts.body == [ARTICLE]
    assert [r.reason for r in parts.removed] == ["social media widget", "social media widget"]


def test_a_wire_pickup_note_at_the_end_is_removed_and_recorded():
    raw = (
        "Ferry service to the island resumed on Tuesday after a month of repairs.\n\n"
        "The operator said the hull had cost more than expected. In Lindholm, 4th graf pvs"
    )
    cleaned = clean_text(raw, find_title=False)
    assert cleaned.body[-1] == "The operator said the hull had cost more than expected."
    assert [(r.text, r.reason) for r in cleaned.removed] == [("In Lindholm, 4th graf pvs", "wire editing note")]
    # The note's other forms: "pickup 4th pvs" (with the opening words of the paragraph picked up,
    # a quotation mark among them) and "graf 5 pvs".
    for note in ("``During the, pickup 4th pvs", "The building, graf 5 pvs"):
        cleaned = clean_text(f"{raw.rsplit(' In ', 1)[0]} {note}", find_title=False)
        assert cleaned.body[-1] == "The operator said the hull had cost more than expected."
        assert [(r.text, r.reason) for r in cleaned.removed] == [(note, "wire editing note")]
    # A last sentence about a paragraph of a law is the article's own.
    law = "The court struck down the 3rd paragraph of the law."
    assert clean_text(f"Judges ruled on Monday.\n\n{law}", find_title=False).body[-1] == law


@pytest.mark.parametrize(
    ("line", "date"),
    [("April 10th, 2016", "2016-04-10"), ("3rd of March, 2025", "2025-03-03"), ("May 1, 2024", "2024-05-01")],
)
def test_a_date_line_with_an_ordinal_is_the_date_not_the_title(line, date):
    article = clean(
        Source("a.txt", f"{line}\n\nThe harbour of Velm reopened on Monday after a week of storms.\n", "utf-8")
    )
    assert article.title is None and article.published == date
    assert {"text": line, "reason": "date line"} in [r.to_dict() for r in article.removed]


def test_a_bracketed_publication_stamp_closing_a_head_paragraph_dates_the_article():
    raw = (
        "Harbour reopens\n\nThe harbour of Velm reopened after a week of storms. Lena Ortiz has the details. "
        "(Published Tuesday, April 23, 2013)\n\nShips queued at the entrance on Monday.\n\n"
        "The crews worked at night.\n\nThe pilots were busy.\n\n"
        "An older clip shows the storm. (Published Friday, April 12, 2013)\n\nThe port expects a busy week.\n\n"
        "Officials thanked the crews.\n\nMore ships are due.\n\nThe storm season ends in May."
    )
    article = clean(Source("a.txt", raw, "utf-8"))
    assert article.published == "2013-04-23"
    assert {"text": "(Published Tuesday, April 23, 2013)", "reason": "date stamp"} in [
        r.to_dict() for r in article.removed
    ]
    assert "Lena Ortiz has the details." in article.text and "(Published Tuesday" not in article.text
    # a stamp deep inside the page belongs to something else, and stays
    assert "(Published Friday, April 12, 2013)" in article.text


def test_a_photo_credit_or_gallery_link_is_neither_title_nor_body():
    raw = (
        "Photo: Velm harbour archives\n\n"
        "The harbour of Velm reopened on Monday after a week of storms.\n\n"
        "(PHOTOS: Storm damage along the coast)\n\n"
        "Picture this: a quay without a single crane.\n\n"
        "Photograph by Ana Brek\n\n"
        "Dockworkers returned to work on Tuesday.\n"
    )
    article = clean(Source("a.txt", raw, "utf-8"))
    removed = [(r.text, r.reason) for r in article.removed]
    assert ("Photo: Velm harbour archives", "photo credit") in removed
    assert ("(PHOTOS: Storm damage along the coast)", "photo gallery link") in removed
    assert ("Photograph by Ana Brek", "photo credit") in removed
    assert article.title is None
    assert article.text.startswith("The harbour of Velm reopened")
    assert "Picture this: a quay without a single crane." in article.text


def test_a_caption_loses_its_credit_keeps_its_words_and_is_never_the_title():
    raw = (
        "Harbour pilot Ana Brek (Photo: Velm Times)\n\n"
        "(Velm Times Staff Photo/Tom Vell)\n\n"
        "People gather at the quay in Velm on Tuesday. (AP Photo/Tom Vell) (Associated Press)\n\n"
        "VELM (AP) — The harbour of Velm reopened on Monday after a week of storms.\n\n"
        "Ships queued outside the breakwater, the port said (Reuters).\n"
    )
    article = clean(Source("a.txt", raw, "utf-8"))
    removed = [(r.text, r.reason) for r in article.removed]
    assert ("(Photo: Velm Times)", "photo credit") in removed
    assert ("(Velm Times Staff Photo/Tom Vell)", "photo credit") in removed
    assert ("(AP Photo/Tom Vell) (Associated Press)", "photo credit") in removed
    assert article.title is None  # the captioned name line is no headline
    assert "People gather at the quay in Velm on Tuesday." in article.text
    assert article.dateline is not None and article.dateline.place == "Velm"
    assert "The harbour of Velm reopened on Monday" in article.text
    assert article.text.endswith("the port said (Reuters).")  # a bare agency is no picture credit


def test_a_file_photo_caption_is_removed_and_file_is_no_dateline():
    raw = (
        "Bridge shooting suspect arrested\n\n"
        "FILE - In this May 3, 2015 photo, police search the Trestle Bridge in Velm. (AP Photo/Ana Brek)\n\n"
        "VELM, Ark. (AP) - Police arrested a man on Monday in the bridge shooting.\n"
    )
    article = clean(Source("a.txt", raw, "utf-8"))
    reasons = {r.reason: r.text for r in article.removed}
    assert reasons["photo caption"].startswith("FILE - In this May 3, 2015 photo")
    assert article.dateline.place == "Velm, Ark" and article.text.startswith("Police arrested")
    assert parse_dateline("FILE - The Senate met on Monday.") is None


def test_photo_captions_without_file_are_removed_and_story_sentences_about_photos_kept():
    caption = (
        "FILE - In this May 3, 2015, file photo, Mayor Ivo Darr speaks at the quay in Velm. Police in Velm say "
        "they are searching for the mayor's son after he was reported missing this week. The son,... "
        "(Associated Press)"
    )
    raw = (
        "Mayor's son found safe\n\n"
        f"{caption} {caption}\n\n"  # the page prints the caption twice: the picture's text, then its caption
        "In this Tuesday, Feb. 26, 2013, file photo, a man walks on the quay in Velm. The port said...\n\n"
        "The mayor's son, in this photograph provided by the Velm police on Monday, is seen at a station.\n\n"
        "Police in Velm said on Friday that the mayor's son had been found safe.\n\n"
        "In this case, the court said the photo was taken illegally.\n\n"
        "In this photo, taken on Monday, the harbour is empty. The port will reopen on Friday, officials said.\n"
    )
    article = clean(Source("a.txt", raw, "utf-8"))
    captions = [r.text for r in article.removed if r.reason == "photo caption"]
    assert len(captions) == 3 and captions[0].startswith("FILE - In this May 3")
    assert article.text.startswith("Police in Velm said on Friday")
    assert "In this case, the court said the photo was taken illegally." in article.text
    assert "The port will reopen on Friday, officials said." in article.text


def test_an_embedded_post_loses_its_signature_and_keeps_its_words():
    lead = "Harbour pilot Ana Brek took to Twitter on Tuesday to say the quay would reopen."
    tweet = "The quay reopens Monday. Thanks to every crew who worked nights!"
    shouting = "Ships wait OUTSIDE --- that should not be the way! Fix it"
    raw = "\n\n".join(
        [
            lead,
            f"{tweet} pic.twitter.com/Ab12Cd34 — Ana Brek (@anabrek) March 25, 2014",
            f"{shouting} — Tom Vell (@tomvell) March 26, 2014",
            "Back home at last A post shared by Lena Ortiz (@lena.ortiz) on Jun 20, 2017 at 10:33am PDT",
            "— Velm Port (@velmport) March 27, 2014",
            "The port authority confirmed the date in a statement on Wednesday.",
        ]
    )
    parts = clean_text(raw, find_title=False)
    assert parts.body == [lead, tweet, shouting, "Back home at last", parts.body[-1]]
    assert parts.embeds == [1, 2, 3]
    assert [r.text for r in parts.removed if r.reason == "social media embed"] == [
        "pic.twitter.com/Ab12Cd34 — Ana Brek (@anabrek) March 25, 2014",
        "— Tom Vell (@tomvell) March 26, 2014",
        "A post shared by Lena Ortiz (@lena.ortiz) on Jun 20, 2017 at 10:33am PDT",
        "— Velm Port (@velmport) March 27, 2014",
    ]


def test_links_to_other_stories_are_removed_with_the_headlines_listed_under_them():
    kept = [
        "UPDATE: Police named the driver on Tuesday.",
        "Related costs rose by ten percent last year, the port said.",
        "The quay reopened on Monday after a week of storms, and ships queued at the entrance.",
        "Dockworkers said the repairs had taken longer than planned.",
    ]
    links = [
        "MORE: Storm closes Velm quay for a week",
        "(Also on VELM TIMES: Harbour fees to rise in spring)",
        "RELATED: Who is harbour pilot Ana Brek?",
        "WATCH: Waves break over the Velm breakwater in Calif.",
        "Related Velm's Harbour Master on Storms, Ships and Night Shifts The pilot who has guided ships into "
        "Velm for thirty years talks about the worst winter she remembers",
    ]
    listed = ["ALSO:", "Ferry fares frozen until summer", "Dogs or cats? Velm votes on its mascot"]
    raw = "\n\n".join([kept[0], links[0], kept[1], links[1], kept[2], links[2], links[3], links[4], *listed, kept[3]])
    parts = clean_text(raw, find_title=False)
    assert parts.body == kept
    assert [r.text for r in parts.removed if r.reason == "related link"] == links + listed


def test_a_related_heading_takes_no_sentence_of_the_article():
    after = "The harbour of Velm reopened on Monday after a week of storms."
    parts = clean_text("\n\n".join(["The quay had been closed since May.", "ALSO READ:", after]), find_title=False)
    assert after in parts.body
    assert [(r.text, r.reason) for r in parts.removed] == [("ALSO READ:", "related link")]


def test_picture_labels_and_credits_go_and_the_caption_stays_a_caption():
    raw = "\n\n".join(
        [
            "Image copyright Velm Times Image caption The quay was closed for a week",
            "The harbour of Velm reopened on Monday after a week of storms.",
            "Media playback is unsupported on your device Media caption Ana Brek: the worst storm in years",
            "Image copyright PA",
            "Enlarge this image toggle caption Tom Vell/Getty Images Tom Vell/Getty Images",
            "Facebook Twitter Pinterest Photograph: Tom Vell/Getty Images",
            "Pilots at the quay on Monday. Photo: Velm Times",
            "The breakwater in 2005. Tom Vell/Getty Images",
            "The new crane arrives. AP Photo/Tom Vell",
            "Tom Vell/Getty Images Harbour master Lena Ortiz said ships would queue for days.",
            "Ships queued outside the breakwater until Tuesday.",
        ]
    )
    article = clean(Source("a.txt", raw, "utf-8"))
    removed = [(r.text, r.reason) for r in article.removed]
    assert removed == [
        ("Image copyright Velm Times Image caption", "photo credit"),
        ("Media playback is unsupported on your device Media caption", "site furniture"),
        ("Image copyright PA", "photo credit"),
        ("Enlarge this image toggle caption Tom Vell/Getty Images Tom Vell/Getty Images", "photo credit"),
        ("Facebook Twitter Pinterest", "site furniture"),
        ("Photograph: Tom Vell/Getty Images", "photo credit"),
        ("Photo: Velm Times", "photo credit"),
        ("Tom Vell/Getty Images", "photo credit"),
        ("AP Photo/Tom Vell", "photo credit"),
        ("Tom Vell/Getty Images", "photo credit"),
    ]
    assert article.title is None  # a caption is never the title
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == "The quay was closed for a week"
    assert "Harbour master Lena Ortiz said ships would queue for days." in paragraphs
    captions = {paragraphs[i] for i in article.captions}
    assert captions == {
        "The quay was closed for a week",
        "Ana Brek: the worst storm in years",
        "Pilots at the quay on Monday.",
        "The breakwater in 2005.",
        "The new crane arrives.",
    }


def test_link_lines_and_sign_up_pitches_are_furniture():
    furniture = [
        "Follow Velm Times: http://twitter.com/velmtimes",
        "Logo - http://photos.example.com/velm/181266",
        "Sign up for our daily email newsletter and get top stories and breaking news delivered to your inbox.",
        "[Sign up for The Harbour Letter and get all the news you need on the storm season]",
        "Most Popular Stories Most Popular Stories More>>",
    ]
    kept = [
        "Readers who sign up for the harbour newsletter get a discount on ferry tickets, the port said.",
        "The harbour of Velm reopened on Monday after a week of storms.",
    ]
    parts = clean_text("\n\n".join([furniture[4], kept[0], *furniture[:4], kept[1]]))
    assert parts.title is None and parts.body == kept
    assert sorted(r.text for r in parts.removed if r.reason == "site furniture") == sorted(furniture)


def test_a_mailing_list_form_is_no_article():
    form = (
        "Just fill in your contact details in the form below to join our mailing list and keep up to date "
        "with the Velm harbour project as it develops."
    )
    article = clean(Source("a.txt", form, "utf-8"))
    assert article.text == ""
    assert [(r.text, r.reason) for r in article.removed] == [(form, "site furniture")]


def test_a_short_caption_or_post_between_paragraphs_is_no_subheading():
    prose = "The harbour of Velm reopened on Monday after a week of storms, the port said."
    raw = "\n\n".join(
        [
            prose,
            "Image caption The quay at dawn",
            "Ships queued outside the breakwater until Tuesday, when the pilots came back.",
            "Home at last A post shared by Lena Ortiz (@lena.ortiz) on Jun 20, 2017 at 10:33am PDT",
            "Dockworkers said the repairs had taken longer than planned, and cost more.",
        ]
    )
    parts = clean_text(raw, find_title=False)
    assert "The quay at dawn" in parts.body and "Home at last" in parts.body
    assert not [r for r in parts.removed if r.reason == "subheading"]


def test_a_name_and_outlet_credit_run_into_the_first_sentence_goes():
    lead = "Velm Harbour is buying two tugboats from a Danish yard in a $20 million deal."
    rest = "The tugboats will arrive in May, the harbour master said."
    parts = clean_text(f"Tom Vell, Business Insider {lead}\n\n{rest}", find_title=False)
    assert parts.body == [lead, rest]
    assert [(r.text, r.reason) for r in parts.removed] == [("Tom Vell, Business Insider", "photo credit")]
    kept = [
        # an apposition, a sentence's subject, a time before the outlet: the story's own words
        "Ana Brek, Reuters Velm Bureau Chief, said the harbour would reopen on Monday.",
        "Ana Brek, CNN Anchor Tom Vell and the harbour master met on Monday at the quay.",
        "On Tuesday, Reuters Breakingviews wrote that the harbour would need a new crane.",
        "Last Tuesday, Bloomberg Velm Index fell 3% as the harbour closed for the storm.",
        "Lena Ortiz, AP Velm correspondent, reported that ships were queueing.",
    ]
    for text in kept:
        assert clean_text(f"{text}\n\n{rest}", find_title=False).body == [text, rest], text
    # only where the picture was, above the story's first sentence
    later = f"{rest}\n\nTom Vell, Business Insider {lead}"
    assert clean_text(later, find_title=False).body == [rest, f"Tom Vell, Business Insider {lead}"]


def test_a_page_of_links_or_without_prose_is_warned_as_maybe_no_article():
    video = "\n\n".join(
        [
            "Tom Vell takes a tour of the new Velm harbour crane and tries to work its controls.",
            "Subscribe NOW to The Velm Show: http://example.com/velmshow",
            "Follow Tom: http://twitter.example.com/tomvell",
            "Like Tom: http://facebook.example.com/tomvell",
            "Follow The Velm Show: http://twitter.example.com/velmshow",
            "The Velm Show features highlights from the show: sketches, games and interviews.",
        ]
    )
    parts = clean_text(video, find_title=False)
    assert len(parts.body) == 2  # the text stays; the warning says why it may be no story
    assert parts.warnings == [
        "may not be an article: 4 lines of links and site prompts removed against 2 paragraphs of prose"
    ]
    campaign = (
        "Please check weekly to see her current location\n\nHelp her route\n\nMeet Ana at the Following Locations"
    )
    article = clean(Source("a.txt", campaign, "utf-8"))
    assert article.text and article.warnings == ["may not be an article: no sentence of prose in its text"]
    # An article's stub with its furniture, a wire story in capitals, a feed's summary: no warning.
    stub = "\n\n".join(
        [
            "The harbour of Velm reopened on Monday after a week of storms, the port said.",
            "Share this story",
            "Follow us on Twitter",
            "Ships queued outside the breakwater until Tuesday, when the pilots returned.",
        ]
    )
    capitals = "VELM (AP) - THE HARBOUR OF VELM REOPENED ON MONDAY AFTER A WEEK OF STORMS, THE PORT SAID."
    for text in (stub, capitals):
        assert clean_text(text, find_title=False).warnings == [], text
    summary = Source("feed.xml#1", "Velm harbour reopens", "utf-8", kind="feed", partial=True)
    assert not any("may not be" in w for w in clean(summary).warnings)


def test_a_cnn_photo_gallery_is_captions_and_its_labels_go():
    raw = (
        "Photos: Storms over Velm Photos: Storms over Velm Waves break over the harbour wall of Velm on"
        " Monday, March 2. Hide Caption 1 of 2 Photos: Storms over Velm Crews clear a fallen crane from"
        " the quay on March 3. Hide Caption 2 of 2\n\n"
        "VELM — The harbour of Velm reopened on Monday after a week of storms, the port authority said.\n\n"
        "JUST WATCHED Storm hits Velm harbour Replay More Videos ... MUST WATCH Storm hits Velm harbour 01:37\n\n"
        "Dockworkers returned to work on Tuesday, and the first ships docked in the afternoon.\n"
    )
    cleaned = clean_text(raw)
    removed = [(r.text, r.reason) for r in cleaned.removed]
    assert ("Hide Caption 1 of 2", "photo gallery label") in removed
    assert ("Photos: Storms over Velm Photos: Storms over Velm", "photo gallery label") in removed
    assert ("Photos: Storms over Velm", "photo gallery label") in removed
    assert any(reason == "video link" and text.startswith("JUST WATCHED") for text, reason in removed)
    captions = [cleaned.body[i] for i in cleaned.captions]
    assert captions == [
        "Waves break over the harbour wall of Velm on Monday, March 2.",
        "Crews clear a fallen crane from the quay on March 3.",
    ]
    assert not any("Hide Caption" in p or "WATCHED" in p or "Photos:" in p for p in cleaned.body)
    assert cleaned.title is None and cleaned.dateline is not None and not cleaned.warnings


@pytest.mark.parametrize(
    "credit",
    ["REUTERS/Ana Brek", "REUTERS/Ana Brek/File Photo", "(REUTERS/Ana Brek)", "(AP Photo/Ana Brek)", "(AP Photo/An..."],
)
def test_a_caption_ending_with_a_wire_credit_is_a_caption(credit):
    caption = "A crane lies on the quay of Velm harbour after the storm on March 2, 2026."
    raw = f"{caption} {credit}\n\nThe harbour of Velm reopened on Monday after a week of storms, officials said.\n"
    cleaned = clean_text(raw)
    assert (credit, "photo credit") in [(r.text, r.reason) for r in cleaned.removed]
    assert cleaned.body[0] == caption and cleaned.captions == [0]


def test_a_wire_name_inside_a_sentence_is_no_credit():
    raw = "STORM NEWS - Reuters/Velm: Ships left the harbour of Velm on Monday as the storm neared.\n"
    assert clean_text(raw).captions == []


def test_a_drop_cap_joins_its_word_again():
    text = "T\n\nhe harbour of Velm reopened on Monday after the storm, the mayor said.\n\nI\n\nIt was calm."
    assert split_paragraphs(text) == [
        "The harbour of Velm reopened on Monday after the storm, the mayor said.",
        "I",  # a capital before a capitalised line is no drop cap
        "It was calm.",
    ]


def test_a_time_ago_stamp_is_no_title():
    story = "Velm harbour reopened on Monday after the storm, the harbour master said on the quay."
    parts = clean_text(f"2 years ago\n\n{story}\n\nShips queued all day.")
    assert parts.title != "2 years ago"
    assert story in parts.body or parts.title == story
    assert ("2 years ago", "site furniture") in [(r.text, r.reason) for r in parts.removed]


def test_an_encyclopedia_page_is_warned_and_its_tagline_is_no_title():
    wiki = "\n\n".join(
        [
            "From Wikipedia, the free encyclopedia",
            "The Velm Harbour Crane is a steam-powered crane built in 1888 on the north quay of Velm, "
            "and one of the oldest working cranes of its kind.",
            "History [ edit ]",
            "The crane was ordered by the harbour board after the storm of 1885 destroyed the old "
            "wooden jib, and it was rebuilt twice in the twentieth century.",
            "Restoration [ edit ]",
            "A volunteer society restored the boiler in 1994, and the crane now lifts boats twice a year.",
        ]
    )
    article = clean(Source("wiki.txt", wiki, "utf-8"))
    assert article.title != "From Wikipedia, the free encyclopedia"
    assert ("From Wikipedia, the free encyclopedia", "site furniture") in [(r.text, r.reason) for r in article.removed]
    assert [w.split(":")[0] for w in article.warnings] == ["may not be an article"]
    assert "encyclopedia page" in article.warnings[0]
    # One heading with an edit link, in an article, is not enough.
    news = wiki.replace("From Wikipedia, the free encyclopedia\n\n", "").replace("Restoration [ edit ]", "Restoration")
    assert clean(Source("news.txt", news, "utf-8")).warnings == []


def test_captions_contacts_station_prompts_share_widgets_and_correction_notes_are_removed():
    lead = "The Velm harbour crane lifted its first boat in ten years on Monday, the harbour board said."
    more = "Volunteers spent four years restoring its boiler, and the board plans two lifts a year."

    def cleaned(line):
        return clean_text(f"{lead}\n\n{line}\n\n{more}", find_title=False)

    # A caption keeps its words, marked as a caption; its credit goes.
    captions = {
        "The old quay at dawn. (Courtesy of the Velm Harbour Board)": "(Courtesy of the Velm Harbour Board)",
        "Divers at the wreck off Velm on Tuesday (U.S. Navy photo)": "(U.S. Navy photo)",
        "Harbour clerk Ana Brek (Courtesy photo)": "(Courtesy photo)",
        "CREDIT: AP Photo/Tom Vell The crane at work in 1962.": "CREDIT: AP Photo/Tom Vell",
    }
    for line, credit in captions.items():
        parts = cleaned(line)
        assert parts.captions == [1] and credit not in parts.body[1], line
        assert (credit, "photo credit") in [(r.text, r.reason) for r in parts.removed], line
    cases = {
        "Call Star reporter Ana Brek at 555-0100, email her at abrek@example.com.": "credit line",
        "Stay with KVLM-TV.com for the latest on this developing story.": "site furniture",
        "Download the KVLM News app in your app store to stay up-to-date while you're on the go.": ("site furniture"),
        "Join The Conversation On The KVLM Facebook Page": "site furniture",
        "Stay Up To Date, Follow KVLM On Twitter": "site furniture",
        "Help spread the word! Share Tweet 1.2k total shares": "site furniture",
        "Interested in Velm? Add Velm as an interest to stay up to date on the latest Velm news.": "site furniture",
        "RELATED | Why the crane stood idle for ten years": "related link",
        "Updated at 9:23 a.m. to correct the name of the harbour master.": "correction note",
        "This story has been corrected to show the crane was built in 1888, not 1898.": "correction note",
    }
    for line, reason in cases.items():
        parts = cleaned(line)
        assert parts.body == [lead, more], line
        assert (line, reason) in [(r.text, r.reason) for r in parts.removed], line
    # Sentences of the story that look alike stay.
    kept = [
        "The board's photos (taken in 1962) show the crane at work on the north quay.",
        "Officials said they would stay with the plan for more inspections next year.",
        "The harbour master said she would call the reporter at the end of the week.",
        "The board updated its plans on Monday to include a second lift in the autumn.",
        "Slideshow (2 Images)",
    ]
    for line in kept[:-1]:
        assert cleaned(line).body == [lead, line, more], line
    assert ("Slideshow (2 Images)", "site furniture") in [(r.text, r.reason) for r in cleaned(kept[-1]).removed]
    # A sentence that opens on "Updated" is no note of a change to the story.
    line = "Updated figures were released Monday to include the harbour's winter traffic."
    assert cleaned(line).body == [lead, line, more]


def test_invisible_control_characters_are_removed_and_reported():
    """A right-to-left override makes a title display in another order than it reads (a
    "Trojan Source" title); a NUL from an export's field is no text either."""
    raw = (
        "\u202eFerry hits pier in Halvik\n\n"
        "The ferry Nordlys struck the pier at Halvik on Sunday,\x00 the harbour master said.\n"
    )
    article = clean(Source("halvik.txt", raw, "utf-8", title=None, byline="Ane\u2066 Berg\u2069"))
    assert article.title == "Ferry hits pier in Halvik" and article.byline == "Ane Berg"
    assert "\x00" not in article.text and "Sunday, the harbour master said." in article.text
    assert (
        "removed 4 invisible control characters (U+0000 control character, U+202E right-to-left override, "
        "U+2066 left-to-right isolate, U+2069 pop directional isolate)" in article.warnings
    )
    assert not any("invisible" in w for w in clean(Source("plain.txt", raw[1:].replace("\x00", ""), "utf-8")).warnings)


def test_a_dateline_run_into_the_story_without_a_space_is_a_dateline():
    assert parse_dateline("VELM—The harbour reopened on Monday.").place == "Velm"
    assert parse_dateline("VELM--A crane fell on Monday.").place == "Velm"
    assert parse_dateline("NATO—the alliance met.") is None
