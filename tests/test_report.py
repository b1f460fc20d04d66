"""Markdown and HTML reports of a story, and the story's JSON Schema, on a story built by hand."""

from __future__ import annotations

import hashlib
import json
import re
from html.parser import HTMLParser
from importlib import resources

import jsonschema
import pytest

from crosswire.model import (
    AlignedPair,
    Article,
    BriefSentence,
    Citation,
    Claim,
    Coverage,
    Derivation,
    Disagreement,
    QuoteGroup,
    Rendering,
    Sentence,
    Side,
    Speaker,
    Story,
    StoryArticle,
    StoryEntity,
    Support,
    TimelineEvent,
)
from crosswire.report import diff_words, newswire_marks, to_html, to_markdown

SCHEMA = json.loads(resources.files("crosswire.schemas").joinpath("story.schema.json").read_text("utf-8"))
EVIL = "<script>alert('x')</script>"

# Five outlets on the Port Alder strike deal (the shipped sample story, shortened): a wire (W), two copies
# of it (B, C), and two independent reports (D, E).
TEXTS = {
    "W": (
        "examples/sample_story/01_wire.txt",
        "Meridian",
        "Estravian dockworkers end 19-day strike at Port Alder after pay deal",
        [
            "Dockworkers at Estravia's largest container port agreed on Wednesday to end a 19-day strike after the "
            "government and port operators offered a phased pay rise, clearing the way for ships that have queued "
            "offshore since mid-February to begin unloading.",
            "The deal, signed overnight at the Harbor Ministry, gives about 6,400 workers a 7% raise this year and a "
            "further 4% in 2027, according to a copy seen by Meridian.",
            "It also commits the state-run Alder Port Authority to hire 300 permanent crane operators by March 31.",
            '"Nobody won this strike, but the port can breathe again," Harbor Minister Elena Vask told reporters '
            "outside the ministry.",
            'The government would "keep every berth open around the clock" until the backlog is cleared, she said.',
            "Tomas Okafor, leader of the Estravian Dockworkers' Union, called the agreement \"a fair start, not a "
            'final word" and warned that members would walk out again if the hiring pledge was not met.',
            '"This cannot happen every two years," she said.',
            "Port Alder's last major strike, in 2024, lasted 11 days.",
        ],
    ),
    "B": (
        "examples/sample_story/02_rewrite_site.txt",
        "Vostrand.info",
        "Estravian dockworkers call off Port Alder strike after pay deal",
        [
            "Dockworkers at Estravia's largest container port agreed on Wednesday to end a 19-day strike after the "
            "government and port operators offered a phased pay rise, Vostrand.info reports, citing foreign media.",
            "The deal, signed overnight at the Harbor Ministry, gives about 6,400 workers a 7% raise this year and a "
            "further 4% in 2027.",
            "It also commits the state-run Alder Port Authority to hire 300 permanent crane operators by March 31.",
            "“A port that closes for three weeks is a national defense problem,” the minister said.",
        ],
    ),
    "C": (
        "examples/sample_story/04_aggregator.txt",
        None,
        "Port Alder strike over: dockworkers accept phased pay rise",
        [
            "Dockworkers at Estravia's biggest container port agreed on Wednesday to end their 19-day strike after "
            "the government and port operators offered a phased pay rise, the Meridian news agency reported.",
            "“Nobody won this strike, but the city can breathe again,” Harbor Minister Elena Vask told reporters.",
            "The government would “keep every berth open around the clock until the backlog is cleared,” Vask said.",
            "“This cannot happen every two years,” she said.",
        ],
    ),
    "D": (
        "examples/sample_story/03_independent.txt",
        "Radio Kell",
        None,
        [
            "Dockworkers in Port Alder began returning to the cranes on Wednesday evening after Estravia’s "
            "government and the national dockworkers’ union struck a deal ending a strike that had emptied the "
            "country’s busiest quays for almost three weeks.",
            "“I have not slept in my own bed since February 14,” Okafor told Radio Kell.",
            "“This cannot happen every two years,” she told reporters.",
            "The agreement covers about 6,000 workers, the union said.",
        ],
    ),
    "E": (
        "examples/sample_story/05_agency_headline_quote.txt",
        None,
        "'Port that closes for three weeks is national defence problem,' says Elena Vask",
        [
            "Dockworkers at Port Alder, the country's largest harbour, voted to end their 19-day strike on "
            "Wednesday, with the harbour minister casting the stoppage as a matter of national security.",
            '"A port that closes for three weeks is a national defence problem, not only a labour problem," '
            "Harbour Minister Elena Vask told journalists in Port Alder.",
            '"This cannot happen every two years," she said.',
            '"If the hiring pledge is broken, the cranes stop again," he said.',
            "The union will hold a ratification vote on Friday.",
        ],
    ),
}
IDS = {key: hashlib.sha256(key.encode()).hexdigest()[:16] for key in TEXTS}


def _article(key: str, sentences: list[str]) -> Article:
    path, outlet, title, _ = TEXTS[key]
    text, sents = "", []
    for i, s in enumerate(sentences):
        start = len(text) + (1 if text else 0)
        text = f"{text} {s}" if text else s
        sents.append(Sentence(i, s, start, start + len(s)))
    return Article(IDS[key], path, text, outlet=outlet, title=title, published="2026-03-04", sentences=sents)


def build_story(evil: bool = False) -> tuple[Story, dict[str, dict]]:
    """The story and its analysed articles by id; ``evil`` puts markup into article text."""
    texts = {k: list(v[3]) for k, v in TEXTS.items()}
    if evil:
        texts["D"][1] = f"“I have not slept in my own bed since February 14,” {EVIL} Okafor told Radio Kell."
    articles = {IDS[k]: _article(k, s) for k, s in texts.items()}
    if evil:
        articles[IDS["D"]].title = f"Dockers go back {EVIL}"

    def sup(key: str, i: int) -> Support:
        return Support(IDS[key], i, texts[key][i])

    def cite(key: str, i: int) -> Citation:
        return Citation(IDS[key], i)

    def pair(key: str, i: int, j: int, sim: float) -> AlignedPair:
        return AlignedPair(i, j, sim, texts[key][i], texts["W"][j])

    claims = [
        Claim(0, texts["W"][0], [sup(k, 0) for k in "WBCDE"], 5, 3, False),
        Claim(
            1,
            texts["W"][1],
            [sup("W", 1), sup("B", 1), sup("D", 3)],
            3,
            2,
            False,
            [Disagreement("number", [Side("6,400", [cite("W", 1), cite("B", 1)]), Side("6,000", [cite("D", 3)])])],
        ),
        Claim(2, texts["W"][2], [sup("W", 2), sup("B", 2)], 2, 1, True),
        Claim(3, texts["W"][6], [sup("W", 6), sup("C", 3), sup("D", 2), sup("E", 2)], 4, 3, False),
        Claim(4, texts["W"][7], [sup("W", 7)], 1, 1, True),
        Claim(5, texts["D"][1], [sup("D", 1)], 1, 1, True),
        Claim(6, texts["E"][4], [sup("E", 4)], 1, 1, True),
        Claim(7, texts["W"][3], [sup("W", 3), sup("C", 1)], 2, 1, True),
    ]
    vask, okafor = Speaker("Elena Vask", "Harbor Minister"), Speaker("Tomas Okafor", "union leader")
    quotes = [
        QuoteGroup(
            vask,
            "keep every berth open around the clock",
            [
                Rendering(IDS["W"], 4, "keep every berth open around the clock", "verbatim", "partial"),
                Rendering(
                    IDS["C"],
                    2,
                    "keep every berth open around the clock until the backlog is cleared,",
                    "extended",
                    "partial",
                    added=["until", "the", "backlog", "is", "cleared"],
                ),
            ],
        ),
        QuoteGroup(
            vask,
            "Nobody won this strike, but the port can breathe again,",
            [
                Rendering(IDS["W"], 3, "Nobody won this strike, but the port can breathe again,", "verbatim"),
                Rendering(
                    IDS["C"],
                    1,
                    "Nobody won this strike, but the city can breathe again,",
                    "altered",
                    added=["city"],
                    missing=["port"],
                ),
            ],
        ),
        QuoteGroup(
            vask,
            "A port that closes for three weeks is a national defense problem, not only a labor problem,",
            [
                Rendering(
                    IDS["E"],
                    1,
                    "A port that closes for three weeks is a national defence problem, not only a labour problem,",
                    "verbatim",
                ),
                Rendering(
                    IDS["B"],
                    3,
                    "A port that closes for three weeks is a national defense problem,",
                    "truncated",
                    missing=["not", "only", "a", "labor", "problem"],
                ),
            ],
        ),
        QuoteGroup(
            vask,
            "This cannot happen every two years,",
            [
                Rendering(IDS[k], i, "This cannot happen every two years,", "verbatim")
                for k, i in (("W", 6), ("C", 3), ("D", 2), ("E", 2))
            ],
        ),
        QuoteGroup(
            okafor,
            "I have not slept in my own bed since February 14,",
            [Rendering(IDS["D"], 1, "I have not slept in my own bed since February 14,", None)],  # only one article
        ),
    ]
    story = Story(
        title=TEXTS["W"][2],
        independent_sources=3,
        articles=[
            StoryArticle(IDS["W"], TEXTS["W"][0], "Meridian", TEXTS["W"][2], "2026-03-04", 0),
            StoryArticle(
                IDS["B"],
                TEXTS["B"][0],
                "Vostrand.info",
                TEXTS["B"][2],
                "2026-03-04",
                0,
                [
                    Derivation(
                        IDS["W"],
                        0.75,
                        [pair("B", 0, 0, 0.86), pair("B", 1, 1, 0.93), pair("B", 2, 2, 1.0)],
                        "credits 'foreign media'; the Meridian sentences are the longer forms",
                    )
                ],
            ),
            StoryArticle(
                IDS["C"],
                TEXTS["C"][0],
                None,
                TEXTS["C"][2],
                "2026-03-04",
                0,
                [Derivation(IDS["W"], 0.5, [pair("C", 0, 0, 0.82)], "credits the Meridian news agency")],
            ),
            StoryArticle(IDS["D"], TEXTS["D"][0], "Radio Kell", articles[IDS["D"]].title, "2026-03-04", 1),
            StoryArticle(IDS["E"], TEXTS["E"][0], None, TEXTS["E"][2], None, 2),
        ],
        brief=[
            BriefSentence(texts["W"][0], 0, [cite("W", 0), cite("D", 0), cite("E", 0)]),
            BriefSentence(texts["W"][1], 1, [cite("W", 1), cite("B", 1)]),
            BriefSentence(texts["W"][6], 3, [cite("W", 6), cite("D", 2), cite("E", 2)]),
            BriefSentence(texts["W"][2], 2, [cite("W", 2)]),
            BriefSentence(texts["D"][1], 5, [cite("D", 1)]),
        ],
        claims=claims,
        quotes=quotes,
        entities=[
            StoryEntity("Elena Vask", "PERSON", ["Harbor Minister"], ["Vask"], [IDS[k] for k in "WBCDE"]),
            StoryEntity(
                "Tomas Okafor",
                "PERSON",
                ["leader of the Estravian Dockworkers' Union"],
                ["Okafor"],
                [IDS[k] for k in "WBDE"],
            ),
            StoryEntity("Estravian Dockworkers' Union", "ORG", [], [], [IDS[k] for k in "WBD"]),
            StoryEntity("Alder Port Authority", "ORG", ["state-run"], [], [IDS[k] for k in "WB"]),
            StoryEntity("Meridian", "ORG", ["news agency"], [], [IDS[k] for k in "WC"]),
            StoryEntity("Port Alder", "GPE", [], [], [IDS[k] for k in "WBCDE"]),
        ],
        timeline=[
            TimelineEvent("2024", texts["W"][7], [cite("W", 7)]),
            TimelineEvent("2026-02-14", texts["D"][1], [cite("D", 1)]),
            TimelineEvent("2026-03-04", texts["W"][0], [cite("W", 0), cite("D", 0)]),
            TimelineEvent("2026-03-06", texts["E"][4], [cite("E", 4)]),
            TimelineEvent("2026-03-31", texts["W"][2], [cite("W", 2)]),
        ],
        coverage={
            IDS["W"]: Coverage([4], []),
            IDS["B"]: Coverage([], [3]),
            IDS["C"]: Coverage([], [1]),
            IDS["D"]: Coverage([5], [2]),
            IDS["E"]: Coverage([6], [1, 2]),
        },
    )
    return story, {aid: a.to_dict() for aid, a in articles.items()}


@pytest.fixture(scope="module")
def story():
    return build_story()


@pytest.fixture(scope="module")
def html(story):
    return to_html(story[0].to_dict(), story[1])


def test_story_json_follows_the_schema(story):
    data = json.loads(json.dumps(story[0].to_dict()))
    jsonschema.validate(data, SCHEMA)
    assert Story.from_dict(data).to_dict() == data


@pytest.mark.parametrize(
    "breakage",
    [
        lambda d: d["articles"][0].update(id="not-an-id"),
        lambda d: d["quotes"][0]["renderings"][0].update(fidelity="paraphrased"),
        lambda d: d["claims"][0].update(extra=1),
        lambda d: d.pop("brief"),
        lambda d: d["coverage"].update(nope={"unique": [], "omitted": []}),
        lambda d: d["timeline"][0].update(date="March 2026"),
    ],
)
def test_schema_rejects_broken_stories(story, breakage):
    data = json.loads(json.dumps(story[0].to_dict()))
    breakage(data)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA)


def test_markdown_cites_every_brief_sentence(story):
    md = to_markdown(story[0].to_dict(), story[1])
    assert md.startswith("# Estravian dockworkers end 19-day strike")
    assert "**3 independent sources**" in md
    brief = md.split("## Brief", 1)[1].split("### Sources", 1)[0]
    assert brief.count("[1]") == 1 and "[2] [3]" in brief
    sources = md.split("### Sources", 1)[1].split("## ", 1)[0]
    assert "1. Meridian, sentence 1: Dockworkers at Estravia's largest" in sources
    assert "2. Radio Kell, sentence 1: Dockworkers in Port Alder" in sources
    # quotes: the altered and extended ones come before the verbatim ones
    quotes = md.split("## Quotes", 1)[1].split("## Claims", 1)[0]
    assert quotes.index("altered") < quotes.index("extended") < quotes.index("This cannot happen")
    assert "adds: until the backlog is cleared" in quotes
    # claims table: single-origin flag and the disagreement with each side's outlets
    assert "| 2 | It also commits the state-run Alder Port Authority" in md
    assert "number: 6,400 (Meridian, Vostrand.info) vs 6,000 (Radio Kell)" in md
    assert "**Vostrand.info** copies **Meridian** (score 75%)" in md
    assert "- **2026-02-14**" in md and "**Tomas Okafor**: leader of the Estravian Dockworkers' Union" in md
    assert "Only here: #4 Port Alder's last major strike" in md


def test_a_brief_sentence_says_where_outlets_give_its_claim_other_numbers(story, html):
    """The brief tells its claim in one outlet's words ("about 6,400 workers"); where another
    outlet gives another number, the reader of the brief is told so beside the sentence, with
    each side, and the HTML mark leads to the claim."""
    md = to_markdown(story[0].to_dict(), story[1])
    brief = md.split("## Brief", 1)[1].split("### Sources", 1)[0]
    assert "about 6,400 workers" in brief
    assert "*(outlets differ, claim #1: number 6,400 (Meridian, Vostrand.info) vs 6,000 (Radio Kell))*" in brief
    assert brief.count("outlets differ") == 1
    mark = '<a class="differs" href="#claim-1" title="number: 6,400 (Meridian, Vostrand.info) vs 6,000 (Radio Kell)">'
    assert mark in html


def test_markdown_escapes_article_text():
    story, articles = build_story(evil=True)
    md = to_markdown(story.to_dict(), articles)
    assert "<script>" not in md
    assert r"\<script\>" in md


def test_markdown_without_articles_uses_support_texts(story):
    md = to_markdown(story[0].to_dict())
    assert "2. Radio Kell, sentence 1: Dockworkers in Port Alder" in md


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_html_is_self_contained(html):
    parser = _Collect()
    parser.feed(html)
    for tag, attrs in parser.tags:
        for name in ("src", "href", "xlink:href", "action", "srcset", "poster", "data"):
            value = attrs.get(name)
            assert value is None or value.startswith("#"), (tag, name, value)
        assert tag not in {"script", "link", "iframe", "img", "object", "embed"}, tag
    assert not re.search(r"url\(\s*['\"]?(?!#)", html)
    assert "@import" not in html and "http://" not in html and "https://" not in html
    assert html.startswith("<!doctype html>") and "<style>" in html
    ids = {attrs["id"] for _, attrs in parser.tags if attrs.get("id")}
    links = {attrs["href"][1:] for _, attrs in parser.tags if attrs.get("href")}
    assert links <= ids, links - ids  # every internal link lands somewhere


def test_html_escapes_article_text():
    story, articles = build_story(evil=True)
    page = to_html(story.to_dict(), articles)
    assert "<script" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    # and without the articles, from the claims' support texts
    assert "<script" not in to_html(story.to_dict())


def test_html_brief_citations_reveal_their_sentences(html):
    brief = html.split('id="brief"', 1)[1].split('id="origins"', 1)[0]
    assert brief.count('class="cite"') == 10
    first = brief.split('class="pop"', 1)[1].split("</span></span>", 1)[0]
    assert "Meridian" in first and "Dockworkers at Estravia&#39;s largest container port" in first
    assert 'id="src-1"' in brief


def test_html_origin_graph(html):
    svg = html.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert svg.count('class="node"') == 5
    assert svg.count("<line") == 2 and 'marker-end="url(#arrow-' in svg
    for label in ("Meridian", "Vostrand.info", "Radio Kell", "04_aggregator", "05_agency_headline"):
        assert label in svg
    assert "Origin 1 · 2 copies" in svg and svg.count("· independent") == 2


def test_html_claim_matrix(html):
    matrix = html.split('id="claims"', 1)[1].split("</section>", 1)[0]
    table = matrix.split('<table class="matrix', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r'<tr id="claim-(\d+)"', table)
    assert rows[:3] == ["0", "3", "1"]  # most independent support first
    row0 = table.split('id="claim-0"', 1)[1].split("</tr>", 1)[0]
    assert row0.count('class="dot"') == 5
    row2 = table.split('id="claim-2"', 1)[1].split("</tr>", 1)[0]
    assert "single origin" in row2
    row1 = table.split('id="claim-1"', 1)[1].split("</tr>", 1)[0]
    assert "6,400" in row1 and "6,000" in row1 and "differs" in row1
    assert "stated by one article only" in matrix  # the lone claims are folded away


def test_html_quote_diffs_mark_added_words(html):
    quotes = html.split('id="quotes"', 1)[1].split("</section>", 1)[0]
    assert quotes.index("fid-altered") < quotes.index("fid-extended") < quotes.index("fid-truncated")
    assert "<ins>until the backlog is cleared,</ins>" in quotes
    assert "<del>port</del> <ins>city</ins>" in quotes
    assert "<del>not only a labour problem,</del>" in quotes
    lone = quotes.split("printed by one article only</summary>", 1)[1]
    assert "I have not slept in my own bed" in lone and "fid-single" in lone


def test_diff_words_ignores_quote_style_and_case():
    assert diff_words("“Keep every berth open,” she said", '"keep every berth open," she said') == [
        ("eq", "“Keep every berth open,” she said")
    ]
    assert diff_words("a b x c", "a b c d") == [("eq", "a b"), ("ins", "x"), ("eq", "c"), ("del", "d")]


def test_an_empty_story_still_renders():
    empty = Story(title=None, independent_sources=0).to_dict()
    jsonschema.validate(empty, SCHEMA)
    assert "# Untitled story" in to_markdown(empty) and "No brief" in to_markdown(empty)
    page = to_html(empty)
    assert "<svg" in page and "No brief" in page and "No claims." in page


def test_unknown_references_do_not_break_the_report(story):
    data = json.loads(json.dumps(story[0].to_dict()))
    ghost = "f" * 16
    data["brief"][0]["citations"].append({"article": ghost, "sentence": 3})
    data["claims"][0]["support"].append({"article": ghost, "sentence": 3, "text": "A ghost sentence."})
    data["articles"][1]["derived_from"][0]["article"] = ghost
    assert "A ghost sentence." in to_html(data) and "A ghost sentence." in to_markdown(data)


def test_timeline_sources_are_listed_with_the_timeline(story, html):
    md = to_markdown(story[0].to_dict(), story[1])
    brief_sources = md.split("### Sources", 1)[1].split("## ", 1)[0]
    timeline = md.split("## Timeline", 1)[1].split("## ", 1)[0]
    assert "11. Meridian, sentence 8: Port Alder's last major strike" in timeline
    assert "Port Alder's last major strike" not in brief_sources
    page_timeline = html.split('id="timeline"', 1)[1].split("</section>", 1)[0]
    assert 'id="src-11"' in page_timeline and 'href="#src-11"' in page_timeline


def test_articles_of_one_outlet_count_as_one_outlet(story):
    data = json.loads(json.dumps(story[0].to_dict()))
    for art in data["articles"][:3]:
        art["outlet"] = "AP"
    outlets = {a["outlet"] or a["id"] for a in data["articles"]}
    page = to_html(data)
    assert re.search(r"<dt>Outlets</dt><dd>(\d+)</dd>", page)[1] == str(len(outlets))
    assert '<span class="who">AP</span> (3 articles)' in page
    assert f"from {len(outlets)} outlets" in to_markdown(data)


def test_origins_of_one_outlet_are_not_called_independent_confirmations(story):
    """Ten stories by one agency over a month are ten origins but one outlet: the header says so."""
    data = json.loads(json.dumps(story[0].to_dict()))
    for n, art in enumerate(data["articles"]):
        art["outlet"], art["origin_group"], art["derived_from"] = "Kell Wire", n, []
    data["independent_sources"] = len(data["articles"])
    n = len(data["articles"])
    markdown = to_markdown(data)
    assert f"**{n} independent origins, all from Kell Wire**" in markdown
    assert "not independent confirmations" in markdown
    assert "<dt>Independent origins</dt>" in to_html(data) and "all from Kell Wire" in to_html(data)
    # two outlets, one of which wrote two of the origins
    data["articles"][0]["outlet"] = "Radio Kell"
    assert f"{n - 1} from Kell Wire" in to_markdown(data)
    # every origin from its own outlet: nothing to say
    for i, art in enumerate(data["articles"]):
        art["outlet"] = f"Outlet {i}"
    assert "not independent confirmations" not in to_markdown(data)
    assert f"**{n} independent sources**" in to_markdown(data)


def test_left_out_claims_show_their_origins_not_only_outlets(story):
    """A claim two AP stories state is left out by a third: '(2 origins, 1 outlet)', not '(1 outlet)'."""
    data = json.loads(json.dumps(story[0].to_dict()))
    claim = data["claims"][0]
    claim["outlets"], claim["independent"] = 1, 2
    aid = data["articles"][0]["id"]
    data["coverage"][aid] = {"unique": [], "omitted": [claim["id"]]}
    assert "(2 origins, 1 outlet)" in to_markdown(data)
    assert "2 origins · 1 outlet" in to_html(data)


def test_markdown_marks_a_rendering_printed_in_the_headline(story):
    """A headline quote compared with its own body shows the same outlet twice: the Markdown says
    which of the two is the headline, as the HTML does."""
    data = json.loads(json.dumps(story[0].to_dict()))
    group = data["quotes"][0]
    body = group["renderings"][0]
    group["renderings"].append({**body, "sentence": None, "fidelity": "truncated", "text": body["text"]})
    markdown = to_markdown(data)
    assert markdown.count("(in the headline)") == 1


def test_a_timeline_entry_lists_its_citations_in_order(story):
    """The timeline cites its dated sentence first; numbers already given by the brief may then
    come out of order ('[9] [11] [10]'): they are listed in order."""
    data = json.loads(json.dumps(story[0].to_dict()))
    brief_cite = data["brief"][0]["citations"][0]
    new = {"article": data["articles"][-1]["id"], "sentence": 0}
    data["timeline"] = [{"date": "2026-03-04", "text": "A dated line.", "citations": [new, brief_cite]}]
    line = next(x for x in to_markdown(data).splitlines() if "A dated line." in x)
    numbers = [int(n) for n in re.findall(r"\[(\d+)\]", line)]
    assert numbers == sorted(numbers) and len(numbers) == 2


def test_html_brief_says_how_its_sentences_are_ordered(html):
    """The brief is in the order of its articles' dates, not 'best-supported facts first'."""
    assert "best-supported facts first" not in html
    assert "in the order of their articles" in html


def test_newswire_marks_show_as_curly_quotes_and_stay_raw_in_json(story):
    """DUC-style ``...'' marks read as “...” in Markdown and HTML; the JSON keeps the article's
    characters (offsets index them)."""
    data = story[0].to_dict()
    raw = "``We will reopen the berths tonight,'' the minister said."
    data["brief"][0]["text"] = raw
    md, page = to_markdown(data), to_html(data)
    for out in (md, page):
        assert "“We will reopen the berths tonight,” the minister said." in out
        assert "``" not in out and "\\`\\`" not in out
    assert data["brief"][0]["text"] == raw
    assert newswire_marks("the ``Lions' Den'' bar") == "the “Lions' Den” bar"  # apostrophes untouched


def test_markdown_gives_a_speaker_one_heading_for_consecutive_quotes(story):
    data = story[0].to_dict()
    speaker = data["quotes"][0]["speaker"]
    data["quotes"] = [data["quotes"][0], {**data["quotes"][0], "text": "a second quote"}]
    section = to_markdown(data).split("## Quotes", 1)[1].split("## Claims", 1)[0]
    assert section.count(f"### {speaker['name']}") == 1
    assert section.count("> ") == 2


def test_html_brief_has_no_drop_cap_on_an_acronym(story):
    data = story[0].to_dict()
    assert 'class="plain-start"' not in to_html(data)  # "Dockworkers …": a drop cap
    data["brief"][0]["text"] = "US officials said the port of Velm reopened on Monday."
    assert 'class="plain-start"' in to_html(data)


def test_a_speakers_quotes_stand_together_after_the_changed_ones(story):
    """Changed quotes come first; within each part one speaker's quotes are not scattered among
    another's (the story's order puts quotes quoted by more outlets first)."""
    data = story[0].to_dict()
    base = data["quotes"][0]
    alike = [{"article": r["article"], "text": r["text"], "fidelity": "verbatim"} for r in base["renderings"][:1]]
    single = [{**alike[0], "fidelity": None}]

    def group(name, text, renderings):
        return {"speaker": {"name": name, "role": None}, "text": text, "renderings": renderings}

    data["quotes"] = [
        group("Ana Brek", "one", alike * 2),
        group("Tom Vell", "two", alike * 2),
        group("Ana Brek", "three", single),
        group("Tom Vell", "four", single),
    ]
    section = to_markdown(data).split("## Quotes", 1)[1].split("## Claims", 1)[0]
    assert section.count("### Ana Brek") == 1 and section.count("### Tom Vell") == 1
    assert section.index("> one") < section.index("> three") < section.index("### Tom Vell")
