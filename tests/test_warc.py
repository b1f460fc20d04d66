"""WARC/ARC reading: archives built here with warcio, every record accounted for."""

from __future__ import annotations

import gzip
import io
import re

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from crosswire.model import Skipped, Source
from crosswire.warc import WarcStats, read_warc

PAGE = (
    "<html><head><meta charset='windows-1252'><title>Dock strike ends</title></head>"
    "<body><p>Dockers in Antwerp voted to end the strike on Tuesday, the union said “today”.</p></body></html>"
).encode("cp1252")


def strip_tags(html: str, url: str) -> Source:
    title = re.search(r"<title>(.*?)</title>", html)
    text = re.sub(r"<[^>]+>", " ", re.sub(r"<title>.*?</title>", "", html))
    return Source(url, " ".join(text.split()), "utf-8", kind="html", title=title and title.group(1))


def _response(writer, uri, payload, status="200 OK", content_type="text/html", extra=None, date=None):
    http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    headers = {"WARC-Date": date or "2024-11-13T08:12:44Z", **(extra or {})}
    rec = writer.create_warc_record(
        uri, "response", payload=io.BytesIO(payload), http_headers=http, warc_headers_dict=headers
    )
    writer.write_record(rec)


def build(gz: bool) -> bytes:
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    w.write_record(w.create_warcinfo_record("test.warc", {"software": "crosswire tests"}))
    req = StatusAndHeaders("GET /a HTTP/1.1", [("Host", "news.test")], protocol="HTTP/1.1", is_http_request=True)
    w.write_record(w.create_warc_record("https://news.test/a", "request", payload=io.BytesIO(b""), http_headers=req))
    _response(w, "https://news.test/a", PAGE, content_type="text/html")
    _response(w, "https://news.test/missing", b"<html>gone</html>", status="404 Not Found")
    _response(w, "https://news.test/report.pdf", b"%PDF-1.4 ...", content_type="application/pdf")
    _response(w, "https://news.test/long", PAGE[:60], extra={"WARC-Truncated": "length"})
    _response(w, "https://news.test/b", b"<html><body><p>Second story.</p></body></html>", content_type="text/html")
    return buf.getvalue()


def read(path, **kw):
    stats = WarcStats()
    items = list(read_warc(path, extract=strip_tags, stats=stats, **kw))
    return items, stats


def check_standard(items, stats, path):
    sources = [i for i in items if isinstance(i, Source)]
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert [s.url for s in sources] == ["https://news.test/a", "https://news.test/b"]
    a = sources[0]
    assert a.kind == "warc" and a.title == "Dock strike ends"
    assert "“today”" in a.raw and a.encoding == "cp1252"
    assert a.source_path.startswith(f"{path}#") and a.published == "2024-11-13"
    assert any("fetch date 2024-11-13T08:12:44Z" in w for w in a.warnings)
    reasons = [s.reason for s in skipped]
    assert len(reasons) == 3, reasons
    assert "HTTP status 404" in reasons[0]
    assert "not an HTML page (application/pdf)" in reasons[1]
    assert "truncated by the crawler" in reasons[2]
    assert stats.other == {"warcinfo": 1, "request": 1}
    assert stats.records == 7 and stats.articles == 2 and stats.skipped == 3


@pytest.mark.parametrize("form", ["plain", "gzip-per-record", "gzip-whole-file"])
def test_record_kinds(tmp_path, form):
    data = build(gz=form == "gzip-per-record")
    if form == "gzip-whole-file":
        data = gzip.compress(data)
    path = tmp_path / ("a.warc" if form == "plain" else "a.warc.gz")
    path.write_bytes(data)
    items, stats = read(path)
    check_standard(items, stats, path)


def test_offsets_point_at_records(tmp_path):
    from warcio.archiveiterator import ArchiveIterator

    path = tmp_path / "a.warc.gz"
    path.write_bytes(build(gz=True))
    items, _ = read(path)
    offset = int(items[0].source_path.rsplit("#", 1)[1])
    with open(path, "rb") as f:
        f.seek(offset)
        record = next(iter(ArchiveIterator(f)))
    assert record.rec_headers.get_header("WARC-Target-URI") == "https://news.test/a"


def test_broken_record_mid_file_plain(tmp_path):
    data = build(gz=False)
    at = data.rfind(b"WARC/1.", 0, data.index(b"https://news.test/missing"))
    broken = data[:at] + b"GARBAGE" + data[at + 7 :]
    path = tmp_path / "broken.warc"
    path.write_bytes(broken)
    items, stats = read(path)
    urls = [i.url for i in items if isinstance(i, Source)]
    assert urls == ["https://news.test/a", "https://news.test/b"]
    broken_skips = [i for i in items if isinstance(i, Skipped) and "broken record" in i.reason]
    assert len(broken_skips) == 1 and f"#{at}" in broken_skips[0].path
    assert "reading resumed" in broken_skips[0].reason
    assert stats.broken == 1


def test_record_with_a_negative_length_is_called_broken(tmp_path):
    data = build(gz=False)
    head_end = data.index(b"\r\n\r\n", data.index(b"WARC-Target-URI: https://news.test/missing"))
    at = data.rindex(b"Content-Length: ", 0, head_end)
    end = data.index(b"\r\n", at)
    path = tmp_path / "neglen.warc"
    path.write_bytes(data[:at] + b"Content-Length: -" + data[at + 16 : end] + data[end:])
    items, stats = read(path)
    assert [i.url for i in items if isinstance(i, Source)] == ["https://news.test/a", "https://news.test/b"]
    reasons = [i.reason for i in items if isinstance(i, Skipped)]
    # Before: "not an HTML page (application/http)", as if it were a record of another kind.
    assert any(r.startswith("broken record at byte") and "Content-Length '-" in r for r in reasons), reasons
    assert not any("application/http" in r for r in reasons) and stats.broken >= 1


def test_broken_gzip_member_resyncs(tmp_path):
    data = build(gz=True)
    # Corrupt the deflate data of the 404 record's member (the 4th member).
    starts = [m.start() for m in re.finditer(re.escape(b"\x1f\x8b\x08"), data)]
    bad = starts[3]
    corrupted = data[: bad + 20] + bytes(b ^ 0xFF for b in data[bad + 20 : bad + 60]) + data[bad + 60 :]
    path = tmp_path / "broken.warc.gz"
    path.write_bytes(corrupted)
    items, _ = read(path)
    urls = [i.url for i in items if isinstance(i, Source)]
    assert urls == ["https://news.test/a", "https://news.test/b"]
    reasons = [i.reason for i in items if isinstance(i, Skipped)]
    assert sum("broken record" in r for r in reasons) == 1
    assert any("not an HTML page (application/pdf)" in r for r in reasons)


def test_file_cut_mid_record(tmp_path):
    data = build(gz=False)
    cut = data.index(b"Second story") + 3
    path = tmp_path / "cut.warc"
    path.write_bytes(data[:cut])
    items, _ = read(path)
    assert [i.url for i in items if isinstance(i, Source)] == ["https://news.test/a"]
    last = items[-1]
    assert isinstance(last, Skipped) and "truncated record" in last.reason and "news.test/b" in last.reason


def test_cut_gzip_file(tmp_path):
    data = build(gz=True)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[:-30])
    items, _ = read(path)
    assert [i.url for i in items if isinstance(i, Source)] == ["https://news.test/a"]
    assert isinstance(items[-1], Skipped)


def test_garbage_tail_without_resync(tmp_path):
    data = build(gz=False) + b"this is not a record\n" * 5
    path = tmp_path / "tail.warc"
    path.write_bytes(data)
    items, _ = read(path)
    assert len([i for i in items if isinstance(i, Source)]) == 2
    assert "the remaining 105 bytes are skipped" in items[-1].reason


def test_arc_file(tmp_path):
    def arc_record(url: str, date: str, mime: str, body: bytes) -> bytes:
        return f"{url} 93.184.216.34 {date} {mime} {len(body)}\n".encode() + body + b"\n"

    desc_body = b"1 0 crosswire\nURL IP-address Archive-date Content-type Archive-length\n"
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
    http += b"<html><body><p>ARC story.</p></body></html>"
    data = arc_record("filedesc://test.arc", "20241113081244", "text/plain", desc_body) + arc_record(
        "http://news.test/arc", "20241113081244", "text/html", http
    )
    path = tmp_path / "test.arc"
    path.write_bytes(data)
    items, _ = read(path)
    assert len(items) == 1 and isinstance(items[0], Source), items
    assert items[0].url == "http://news.test/arc" and items[0].raw == "ARC story."
    assert items[0].published == "2024-11-13"
    gz = tmp_path / "test.arc.gz"
    gz.write_bytes(gzip.compress(data))
    assert [i.url for i in read(gz)[0]] == ["http://news.test/arc"]


def test_not_an_archive_and_missing(tmp_path):
    path = tmp_path / "notes.warc"
    path.write_text("just some notes\n")
    items, _ = read(path)
    assert len(items) == 1 and isinstance(items[0], Skipped)
    assert items[0].reason == "not a WARC or ARC archive: it starts with 'just some notes'"
    # lines of five words would pass for ARC record headers: no text is read as records
    path.write_text("Dockers in Antwerp end strike\nThe union said it would vote\n")
    items, stats = read(path)
    assert [i.reason[:24] for i in items] == ["not a WARC or ARC archiv"] and stats.records == 0
    assert read(tmp_path / "nope.warc")[0][0].reason.startswith("cannot read")
    (tmp_path / "empty.warc").write_bytes(b"")
    assert read(tmp_path / "empty.warc")[0][0].reason == "empty file"


def test_junk_before_the_first_record_is_passed_over(tmp_path):
    path = tmp_path / "partial.warc"
    path.write_bytes(b"a partial download\n" * 400 + build(False))  # past the first bytes sniffed
    items, _ = read(path)
    assert items[0].reason.startswith("broken record at byte 0") and "reading resumed at byte 7600" in items[0].reason
    assert [i.url for i in items if isinstance(i, Source)] == ["https://news.test/a", "https://news.test/b"]


def test_an_archive_without_pages_says_what_it_holds(tmp_path):
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)
    w.write_record(w.create_warcinfo_record("crawl.warc", {"software": "crosswire tests"}))
    req = StatusAndHeaders("GET /a HTTP/1.1", [("Host", "news.test")], protocol="HTTP/1.1", is_http_request=True)
    w.write_record(w.create_warc_record("https://news.test/a", "request", payload=io.BytesIO(b""), http_headers=req))
    path = tmp_path / "requests.warc.gz"
    path.write_bytes(buf.getvalue())
    (item,) = read(path)[0]
    assert item.path == str(path) and item.reason == "no page records in the archive (1 warcinfo, 1 request)"


def test_max_record_bytes_and_extractor_skip(tmp_path):
    path = tmp_path / "a.warc"
    path.write_bytes(build(gz=False))
    items, _ = read(path, max_record_bytes=50)
    assert all(isinstance(i, Skipped) for i in items)
    assert any("record larger than 50 bytes" in i.reason for i in items)

    def refuse(html, url):
        return Skipped(url, "no main text found in the HTML")

    items = list(read_warc(path, extract=refuse))
    assert sum("no main text" in i.reason for i in items) == 2


def test_default_extractor(tmp_path, monkeypatch):
    import crosswire.warc as warc

    path = tmp_path / "a.warc"
    path.write_bytes(build(gz=False))
    monkeypatch.setattr(warc, "default_extractor", lambda: None)
    items = list(read_warc(path))
    assert sum("HTML extraction unavailable" in i.reason for i in items if isinstance(i, Skipped)) == 2


def test_trafilatura_extraction(tmp_path):
    pytest.importorskip("trafilatura")
    body = " ".join(["Dockers in Antwerp voted on Tuesday to end the strike that had shut the port for a week."] * 6)
    page = (
        "<html><head><title>Dock strike ends | Harbour Times</title>"
        '<meta name="author" content="Ann Lee"><meta property="article:published_time" content="2024-11-12">'
        f"</head><body><nav>Home | World | Sport</nav><article><h1>Dock strike ends</h1><p>{body}</p>"
        f"<p>{body}</p></article><footer>Copyright Harbour Times</footer></body></html>"
    ).encode()
    buf = io.BytesIO()
    _response(WARCWriter(buf, gzip=True), "https://harbour.test/strike", page)
    path = tmp_path / "t.warc.gz"
    path.write_bytes(buf.getvalue())
    (item,) = read_warc(path)
    assert isinstance(item, Source), item
    assert "Dockers in Antwerp" in item.raw and "Sport" not in item.raw
    assert item.published == "2024-11-12" and not item.warnings
    assert item.url == "https://harbour.test/strike" and item.kind == "warc"


def test_archives_are_read_wherever_a_path_is(tmp_path):
    """``crosswire analyze`` on a folder holding a WARC: its HTML page becomes an article."""
    import json

    from typer.testing import CliRunner
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from crosswire.cli import app

    page = (
        b"<html><head><title>Dockers end strike</title></head><body><nav>Home | News</nav><article>"
        b"<h1>Dockers end strike</h1><p>Dockworkers at the country's largest port agreed on Wednesday to end "
        b"a nineteen-day strike after the government offered a phased pay rise to about six thousand workers.</p>"
        b"<p>The union said its members would vote on the deal on Friday, and the first ships were expected "
        b"to be unloaded before midnight.</p></article><footer>Share this article</footer></body></html>"
    )
    archive = tmp_path / "crawl.warc.gz"
    with open(archive, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            "https://news.example.org/dockers", "response", payload=io.BytesIO(page), http_headers=headers
        )
        writer.write_record(record)
        request = StatusAndHeaders("GET /dockers HTTP/1.1", [("Host", "news.example.org")], is_http_request=True)
        writer.write_record(
            writer.create_warc_record(
                "https://news.example.org/dockers", "request", payload=io.BytesIO(b""), http_headers=request
            )
        )
        _response(writer, "https://news.example.org/old", b"<html>gone</html>", status="404 Not Found")
    report = tmp_path / "report.json"
    result = CliRunner().invoke(app, ["analyze", str(archive), "--format", "json", "--report", str(report)])
    assert result.exit_code == 1, result.output  # the 404 record is skipped, with its reason
    (article,) = json.loads(result.stdout)["articles"]
    assert article["url"] == "https://news.example.org/dockers"
    assert article["outlet"] == "example.org"  # no site name in the page: the registered domain
    assert "nineteen-day strike" in article["text"] and "Share this article" not in article["text"]
    accounting = json.loads(report.read_text())
    assert accounting["articles"] == 1 and [s["reason"] for s in accounting["skipped"]] == [
        "HTTP status 404, not 200: https://news.example.org/old"
    ]
    counts = accounting["archives"][str(archive)]
    assert (counts["records"], counts["articles"], counts["skipped"], counts["other"]) == (3, 1, 1, {"request": 1})
