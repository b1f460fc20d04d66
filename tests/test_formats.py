"""Structured inputs: HTML pages, feeds, OPML, JSONL and CSV exports (fixtures in tests/fixtures/formats)."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from crosswire.clean import clean
from crosswire.cli import EXIT_SKIPPED, app
from crosswire.formats import PARTIAL_WARNING, FieldError, html_to_text, iso_day, parse_fields, sniff
from crosswire.model import Article, Skipped, Source
from crosswire.read import read_paths

FIXTURES = Path(__file__).parent / "fixtures" / "formats"
SCHEMA = json.loads(resources.files("crosswire.schemas").joinpath("analysis.schema.json").read_text("utf-8"))
MAPPING = ["text=body", "title=headline", "published=date", "url=link", "outlet=site", "byline=writer"]


def _read(name: str, fields: list[str] | None = None) -> list[Source | Skipped]:
    return list(read_paths([FIXTURES / name], fields=parse_fields(fields)))


def _one(name: str) -> Article:
    (source,) = _read(name)
    assert isinstance(source, Source), source
    return clean(source)


def test_html_keeps_the_body_and_drops_the_boilerplate():
    article = _one("harbour_page.html")
    assert "Container ships queued outside the port of Easthaven" in article.text
    assert "diverting vessels to the neighbouring port of Northgate" in article.text
    for leak in ("Subscribe", "cookies", "Related stories", "Ferry fares", "newsletter", "All rights reserved"):
        assert leak not in article.text
    assert article.text.count("\n\n") == 3  # four paragraphs, blank lines between


def test_html_metadata_wins_and_the_title_is_not_searched_again():
    article = _one("harbour_page.html")
    assert article.title == "Harbour cranes stand idle as dock strike enters third day"
    assert article.byline == "Maria Lindqvist"
    assert article.published == "2024-11-13"
    assert article.outlet == "Coastline Courier"
    assert article.url == "https://www.coastlinecourier.example/news/2024/11/13/dock-strike-day-three"
    assert not article.text.startswith("Harbour cranes")
    other = _one("market_page.htm")
    assert (other.title, other.byline, other.published, other.outlet) == (
        "Fish market traders count losses",
        "Peter Okafor",
        "2024-11-14",
        "The Easthaven Gazette",
    )
    assert "Most read" not in other.text and "Share this article" not in other.text


def test_html_without_main_text_is_skipped_with_a_reason():
    (item,) = _read("navigation_only.html")
    assert isinstance(item, Skipped) and "no main text" in item.reason


def test_html_is_sniffed_in_a_text_file(tmp_path):
    page = tmp_path / "saved_page"
    page.write_bytes((FIXTURES / "harbour_page.html").read_bytes())
    (item,) = read_paths([page])
    assert isinstance(item, Source) and item.kind == "html"
    assert sniff(b"<?xml version='1.0'?>\n<rss version='2.0'>") == "feed"
    assert sniff(b"  <!DOCTYPE html><html>") == "html"
    assert sniff(b"Plain text article") is None


def test_rss_full_text_syndicated_source_and_creator():
    first, second = _read("wire.rss")
    assert first.kind == "feed" and first.source_path.endswith("wire.rss#1")
    article = clean(first)
    assert article.outlet == "Reuters"  # <source>: the original publisher, not the feed that carries it
    assert article.byline == "Jonas Berg"
    assert article.published == "2024-11-14"
    assert article.url == "https://regionaldaily.example/2024/11/14/port-talks"
    assert "without preconditions" in article.text and "<p>" not in article.text
    assert not first.partial and PARTIAL_WARNING not in article.warnings
    # no content:encoded: the summary, marked partial; the feed's own title is the outlet
    assert second.partial and clean(second).outlet == "Regional Daily"
    assert PARTIAL_WARNING in clean(second).warnings


def test_atom_and_rdf_entries():
    (atom,) = _read("harbour.atom")
    article = clean(atom)
    assert (article.title, article.byline, article.published, article.outlet) == (
        "Union weighs written offer from port authority",
        "Sofia Marin",
        "2024-11-15",
        "Harbour Watch",
    )
    assert not atom.partial and "night shifts" in article.text
    (rdf,) = _read("coast.rdf")
    assert rdf.partial and rdf.published == "2024-11-16" and rdf.outlet == "Coast Radio News"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_wide_encodings_are_recognised_by_their_markup(tmp_path, codec):
    # Saved from a Windows editor as "Unicode": the markup is seen through the NULs (before,
    # the feed was "an XML file that is not a feed" and the page plain text with its tags).
    feed = (FIXTURES / "wire.rss").read_text(encoding="utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    (tmp_path / "wire.xml").write_bytes(feed.encode(codec))
    (tmp_path / "page").write_bytes((FIXTURES / "harbour_page.html").read_text(encoding="utf-8").encode(codec))
    items = list(read_paths([tmp_path]))
    kinds = sorted(item.kind for item in items if isinstance(item, Source))
    assert kinds == ["feed", "feed", "html"], items
    first = next(item for item in items if item.source_path.endswith("#1"))
    assert clean(first).outlet == "Reuters" and "without preconditions" in clean(first).text


def test_malformed_feed_is_skipped_with_the_reason():
    (item,) = _read("broken.rss")
    assert isinstance(item, Skipped) and item.reason.startswith("malformed feed:")


def test_opml_reads_local_feeds_and_accounts_for_the_rest():
    items = _read("lists/feeds.opml")
    sources = [i for i in items if isinstance(i, Source)]
    skipped = {i.path: i.reason for i in items if isinstance(i, Skipped)}
    assert [Path(s.source_path).name for s in sources] == ["harbour.atom#1", "coast.rdf#1"]
    assert ".." not in sources[0].source_path
    assert skipped["https://wire.example/feed.xml"].startswith("remote feed")
    assert any("not found" in reason for reason in skipped.values())


def test_opml_reads_only_feeds_from_the_files_it_names(tmp_path):
    """A feed list is often someone else's file: one naming a private note, a page or a file under
    /etc must not put that file's text into the output."""
    (tmp_path / "private.txt").write_text("My bank password is hunter2.\n", encoding="utf-8")
    (tmp_path / "page.html").write_text("<html><body><p>A page, not a feed.</p></body></html>", encoding="utf-8")
    feed = (FIXTURES / "coast.rdf").read_bytes()
    (tmp_path / "coast.txt").write_bytes(feed)  # a feed under another name is still a feed
    (tmp_path / "list.opml").write_text(
        "<opml version='2.0'><body>"
        + "".join(
            f"<outline xmlUrl='{u}'/>"
            for u in ("private.txt", f"file://{tmp_path}/page.html", "coast.txt", "ftp://x.example/f.rss")
        )
        + "</body></opml>",
        encoding="utf-8",
    )
    items = list(read_paths([tmp_path / "list.opml"]))
    texts = " ".join(i.raw for i in items if isinstance(i, Source))
    assert "hunter2" not in texts and "A page, not a feed" not in texts
    assert [Path(i.source_path).name for i in items if isinstance(i, Source)] == ["coast.txt#1"]
    reasons = {Path(i.path).name: i.reason for i in items if isinstance(i, Skipped)}
    assert "not an RSS, Atom or RDF feed" in reasons["private.txt"]
    assert "not an RSS, Atom or RDF feed" in reasons["page.html"]
    assert "unsupported address" in reasons["f.rss"]


def test_inputs_with_nothing_in_them_are_reported(tmp_path):
    """An export without records, a zero-byte feed, a leaf outline without a feed address."""
    (tmp_path / "empty.jsonl").write_bytes(b"")
    (tmp_path / "blank.jsonl").write_text("\n\n")
    (tmp_path / "header.csv").write_text("title,text\n")
    (tmp_path / "zero.xml").write_bytes(b"")
    (tmp_path / "list.opml").write_text(
        "<opml version='2.0'><body><outline text='News'><outline text='Gone feed'/></outline>"
        "<outline text='Coast' xmlUrl='../coast.rdf'/></body></opml>"
    )
    items = list(read_paths([tmp_path]))
    reasons = {Path(i.path).name: i.reason for i in items if isinstance(i, Skipped)}
    assert reasons["empty.jsonl"] == "no records: the file is empty"
    assert reasons["blank.jsonl"] == reasons["header.csv"] == "no records: only blank lines, or a header without rows"
    assert reasons["zero.xml"] == "empty file"
    assert reasons["list.opml: Gone feed"] == "outline names no feed (no xmlUrl): not read"
    assert "list.opml: News" not in reasons  # a folder of feeds, not a feed


def test_a_feed_cut_off_says_so(tmp_path):
    data = (FIXTURES / "wire.rss").read_text("utf-8")
    cut = data[: data.rindex("</item>") - 40]  # inside the last entry
    (tmp_path / "cut.rss").write_text(cut, encoding="utf-8")
    items = list(read_paths([tmp_path / "cut.rss"]))
    said = [i.reason if isinstance(i, Skipped) else i.warnings[-1] for i in items]
    assert said and all("the feed is malformed" in note for note in said)
    assert "the feed is malformed" not in " ".join(w for i in _read("wire.rss") for w in i.warnings)


def test_jsonl_field_mapping_and_bad_lines():
    items = _read("export.jsonl", MAPPING)
    assert [type(i).__name__ for i in items] == ["Source", "Skipped", "Skipped", "Source"]
    first = clean(items[0])
    assert first.source_path.endswith("export.jsonl#1")
    assert (first.title, first.byline, first.published, first.outlet, first.url) == (
        "Dockers return to work after deal",
        "Ines Vale",
        "2024-11-19",
        "Reuters",
        "https://example.org/dockers-return",
    )
    assert "line 2: malformed JSON" in items[1].reason
    assert items[2].reason == "line 3: no text in field 'body'"
    assert items[3].published == "2024-11-20"
    # without the mapping, no record has a 'text' field: each says so
    assert all(isinstance(i, Skipped) for i in _read("export.jsonl"))


def test_csv_field_mapping_and_a_broken_row():
    items = _read("export.csv", MAPPING)
    assert [type(i).__name__ for i in items] == ["Source", "Skipped", "Source"]
    assert items[0].kind == "csv" and items[0].source_path.endswith("export.csv#2")
    assert items[0].outlet == "The Easthaven Gazette" and items[0].byline == "Peter Okafor"
    assert items[1].reason == "line 3: 2 columns where the header has 5"
    (missing,) = _read("export.csv")
    assert "no column 'text'" in missing.reason and "--field text=COLUMN" in missing.reason
    assert "looks like a record" not in missing.reason


def test_csv_without_a_header_says_so(tmp_path):
    row = "2024-11-19,Dockers in Easthaven voted on Tuesday to end the strike that had closed the port for a week."
    (tmp_path / "rows.csv").write_text(row + "\n" + row + "\n", encoding="utf-8")
    (item,) = read_paths([tmp_path / "rows.csv"])
    assert "(columns: 2024-11-19, Dockers in Easthaven voted on Tuesday t…)" in item.reason
    assert "its first row looks like a record, not a header" in item.reason


def test_field_specs_and_helpers():
    assert parse_fields(["text=body"])["text"] == "body"
    with pytest.raises(FieldError):
        parse_fields(["colour=red"])
    with pytest.raises(FieldError):
        parse_fields(["text"])
    assert iso_day("Thu, 14 Nov 2024 09:15:00 GMT") == "2024-11-14"
    assert iso_day("2024-11-15T07:45:00Z") == "2024-11-15" and iso_day("soon") is None
    assert html_to_text("<p>One <b>two</b>.</p><script>x()</script><p>Three.</p>") == "One two.\n\nThree."


def test_plain_text_articles_have_no_url_and_round_trip():
    article = clean(Source("a.txt", "Headline of a story here\n\nBody sentence one. Body two.", "utf-8"))
    assert article.url is None
    html = _one("harbour_page.html")
    assert Article.from_dict(json.loads(json.dumps(html.to_dict()))) == html


def test_cli_on_a_folder_of_mixed_formats(tmp_path):
    report = tmp_path / "report.json"
    args = ["analyze", str(FIXTURES), "--report", str(report), "-q"]
    for spec in MAPPING:
        args += ["--field", spec]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == EXIT_SKIPPED, result.output
    data = json.loads(result.stdout)
    jsonschema.validate(data, SCHEMA)
    by_kind = {}
    for article in data["articles"]:
        by_kind.setdefault(Path(article["source_path"].split("#")[0]).suffix, []).append(article)
    assert {".html", ".htm", ".rss", ".atom", ".rdf", ".jsonl", ".csv"} <= set(by_kind)
    assert by_kind[".html"][0]["url"].startswith("https://www.coastlinecourier.example/")
    summary = json.loads(report.read_text())
    assert summary["inputs"] == len(data["articles"]) + len(data["skipped"])
    assert summary["articles"] == len(data["articles"])
    # the OPML lists two feeds that are also in the folder: the same texts again
    assert len(summary["duplicates"]) == 2
    reasons = " ".join(s["reason"] for s in summary["skipped"])
    for why in ("malformed feed", "no main text", "remote feed", "malformed JSON", "columns where the header"):
        assert why in reasons
    bad = CliRunner().invoke(app, ["analyze", str(FIXTURES / "export.csv"), "--field", "nope=x"])
    assert bad.exit_code == 2


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://edition.cnn.com/2024/11/13/world/story.html", "cnn.com"),
        ("http://news.bbc.co.uk/2/hi/europe/1.stm", "bbc.co.uk"),
        ("https://www.reuters.com/world/europe/story-2024-11-13/", "Reuters"),
        ("https://www.aa.com.tr/en/europe/story/1", "Anadolu Agency"),
        ("http://127.0.0.1:8000/page.html", None),
        ("file:///home/me/page.html", None),
        ("not a url", None),
    ],
)
def test_outlet_from_the_registered_domain(url, outlet):
    from crosswire.outlets import outlet_from_url

    assert outlet_from_url(url) == outlet


def test_outlet_precedence_metadata_then_domain_then_text():
    text = "BRUSSELS (Reuters) - NATO ministers met on Wednesday to discuss aid to Ukraine, officials said."
    # the text alone: the dateline's agency
    assert clean(Source("a.txt", text, "utf-8")).outlet == "Reuters"
    # a URL beats the text: the page carrying the wire copy is the outlet
    page = Source("p", text, "utf-8", kind="html", url="https://www.example-news.co.uk/world/nato")
    assert clean(page).outlet == "example-news.co.uk"
    # the page's own metadata beats both
    named = Source("p", text, "utf-8", kind="html", url="https://www.example-news.co.uk/x", outlet="Example News")
    assert clean(named).outlet == "Example News"


def test_a_jsonl_record_with_only_a_url_gets_its_outlet_from_the_domain(tmp_path):
    record = {
        "body": "Dockers in Antwerp voted to end the strike on Tuesday, the union said.",
        "link": "https://www.dw.com/en/x",
    }
    path = tmp_path / "export.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (source,) = read_paths([path], fields=parse_fields(["text=body", "url=link"]))
    assert clean(source).outlet == "dw.com"


_TREC = """<DOC>
<DOCNO> APW20260304.0112 </DOCNO>
<DOCTYPE> NEWS </DOCTYPE>
<TEXT>
Dockworkers at Port Alder voted on Wednesday to accept a phased pay
rise, ending a strike that had closed the harbour for 19 days. ``Nobody
won this strike,'' Harbour Minister Elena Vask told reporters.
</TEXT>
</DOC>
<DOC>
<DOCNO> NYT20260305.0007 </DOCNO>
<HEADLINE> Cranes move again at Port Alder </HEADLINE>
<DATE_TIME> 03/05/2026 09:14:00 </DATE_TIME>
<TEXT>
<P>
The first cranes moved at Port Alder on Thursday morning &amp; the queue of ships began to shorten.
</P>
<P>
Union leader Tomas Okafor said members would watch the port authority closely.
</P>
</TEXT>
</DOC>
<DOC>
<DOCNO> APW20260305.0200 </DOCNO>
<TEXT>
</TEXT>
</DOC>
"""


def test_sgml_newswire_documents(tmp_path):
    path = tmp_path / "port_alder.sgml"
    path.write_text(_TREC, encoding="ascii")
    first, second, empty = read_paths([path])
    assert first.source_path.endswith("port_alder.sgml#APW20260304.0112")
    assert (first.kind, first.outlet, first.published, first.title) == ("sgml", "AP", "2026-03-04", None)
    assert second.outlet == "New York Times" and second.published == "2026-03-05"
    assert second.title == "Cranes move again at Port Alder"
    assert "<P>" not in second.raw and "morning & the queue" in second.raw
    assert isinstance(empty, Skipped) and "no text" in empty.reason and empty.path.endswith("#APW20260305.0200")
    article = clean(first)
    assert article.text.startswith("Dockworkers at Port Alder voted") and "Nobody" in article.text


def test_sgml_file_named_by_its_docno_is_read(tmp_path):
    """Research corpora (DUC, TDT) name each file by its DOCNO: the extension is no file type."""
    one = _TREC.split("</DOC>")[0] + "</DOC>\n"
    (tmp_path / "APW20260304.0112").write_text(one, encoding="ascii")
    (tmp_path / "notes.0113").write_text("Just some notes.", encoding="ascii")
    doc, notes = read_paths([tmp_path])
    assert isinstance(doc, Source) and doc.source_path.endswith("APW20260304.0112") and doc.published == "2026-03-04"
    assert isinstance(notes, Skipped) and "unsupported file type '.0113'" in notes.reason
    assert sniff(b"<DOC>\n<DOCNO> X1 </DOCNO>") == "sgml" and sniff(b"<doc>shopping list</doc>") is None


def test_gigaword_style_sgml(tmp_path):
    path = tmp_path / "afp_eng_202603.sgm"
    path.write_text(
        '<DOC id="AFP_ENG_20260306.0042" type="story" >\n<HEADLINE>\nShips leave Port Alder\n</HEADLINE>\n'
        "<DATELINE>\nPORT ALDER, March 6 (AFP)\n</DATELINE>\n<TEXT>\n<P>\nThe last of the ships that waited "
        "out the strike left Port Alder on Friday, the port authority said.\n</P>\n</TEXT>\n</DOC>\n",
        encoding="utf-8",
    )
    (source,) = read_paths([path])
    assert (source.outlet, source.published, source.title) == ("AFP", "2026-03-06", "Ships leave Port Alder")
    article = clean(source)
    assert article.text.startswith("The last of the ships") and article.dateline is not None
