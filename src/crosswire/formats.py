"""Structured inputs: HTML pages, RSS/Atom/RDF feeds, OPML lists of feeds, JSONL and CSV exports,
and the SGML newswire files of research corpora (TREC, TDT, DUC/TAC, LDC Gigaword).

Each reader yields :class:`Source` objects carrying what the input's metadata says (title, byline,
publication date, outlet, URL), and a :class:`Skipped` with a reason for anything that does not
become an article, so that the rest of the input goes on. :func:`crosswire.read.read_paths`
chooses the reader by file extension, or by sniffing the first bytes.

trafilatura and feedparser load only when a page or a feed is read.
"""

from __future__ import annotations

import csv
import datetime as dt
import email.utils
import io
import json
import os
import re
import unicodedata
from collections.abc import Iterator, Mapping
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse
from xml.etree import ElementTree
from xml.sax import SAXException

from crosswire.model import Skipped, Source
from crosswire.outlets import wire_service

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom", ".rdf"}
OPML_SUFFIXES = {".opml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
CSV_SUFFIXES = {".csv"}
SGML_SUFFIXES = {".sgml", ".sgm"}

#: Fields a record may map (``--field NAME=COLUMN``); by default each is read from the column of its own name.
FIELDS = ("text", "title", "published", "url", "outlet", "byline")

#: A page's main text needs at least one paragraph this long; menus and link lists have none.
MIN_PROSE_WORDS = 8

PARTIAL_WARNING = "summary only: partial text"
REMOTE_FEED_REASON = "remote feed: use --feeds with network access"


class FieldError(ValueError):
    """A ``--field`` mapping that cannot be used; the message is for the user."""


def parse_fields(specs: list[str] | None) -> dict[str, str]:
    """``["text=body", "title=headline"]`` -> the full field mapping, defaults included."""
    mapping = {name: name for name in FIELDS}
    for spec in specs or []:
        name, sep, column = spec.partition("=")
        name, column = name.strip(), column.strip()
        if not sep or not column:
            raise FieldError(f"--field {spec!r}: expected NAME=COLUMN, e.g. text=body")
        if name not in FIELDS:
            raise FieldError(f"--field {spec!r}: NAME must be one of {', '.join(FIELDS)}")
        mapping[name] = column
    return mapping


def sniff(head: bytes) -> str | None:
    """The kind of markup the first bytes of a file hold: ``html``, ``feed``, ``opml``, ``sgml``
    (``<DOC>`` newswire documents) or None."""
    text = _head_text(head[:8192]).lstrip("\ufeff \t\r\n").lower()
    text = re.sub(r"<\?xml[^>]*\?>|<!--.*?-->", "", text, flags=re.S).lstrip()
    if text.startswith(("<!doctype html", "<html")) or re.match(r"<head[\s>]", text):
        return "html"
    if text.startswith("<opml"):
        return "opml"
    if re.match(r"<(?:rss|feed|rdf:rdf)[\s>]", text):
        return "feed"
    if re.match(r"<doc[\s>]", text) and re.search(r"<(?:docno|text)[\s>]|<doc\s+id=", text):
        return "sgml"
    return None


def _head_text(head: bytes) -> str:
    """The first bytes of a file as text, enough to see its markup: UTF-8, or UTF-16/32 by their
    BOM, or UTF-16 without one (every other byte NUL, as Windows "Unicode" saves English)."""
    from crosswire.read import bom_codec, bomless_utf16

    codec = bom_codec(head) or bomless_utf16(head[: len(head) // 2 * 2]) or "utf-8"
    return head.decode(codec, "ignore")


# --- dates, text --------------------------------------------------------------------------------


def iso_day(value: object) -> str | None:
    """``YYYY-MM-DD`` of a date value in a common format (ISO 8601, RFC 822, struct_time), else None."""
    if value is None:
        return None
    if hasattr(value, "tm_year"):
        try:
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()
        except ValueError:
            return None
    text = str(value).strip()
    if not text:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    try:
        return email.utils.parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    from crosswire.clean import parse_date_line

    return parse_date_line(text)


_BLOCK_TAGS = {
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "pre",
    "section", "article", "header", "footer", "figure", "figcaption", "table", "tr", "hr", "dd", "dt",
}  # fmt: skip
_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "iframe"}


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.current: list[str] = []
        self.skipping = 0

    def _flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self.current)).strip()
        if text:
            self.paragraphs.append(text)
        self.current = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIP_TAGS:
            self.skipping += 1
        elif tag in _BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK_TAGS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.current.append(data)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content): one paragraph per block, blank lines between."""
    if "<" not in fragment:
        return "\n\n".join(p.strip() for p in re.split(r"\n\s*\n", fragment) if p.strip())
    parser = _TextParser()
    parser.feed(fragment)
    parser.close()
    parser._flush()
    return "\n\n".join(parser.paragraphs)


def _norm(text: str | None) -> str | None:
    if text is None:
        return None
    text = unicodedata.normalize("NFC", re.sub(r"[ \t]+", " ", str(text)).strip())
    return text or None


def _outlet(name: str | None) -> str | None:
    name = _norm(name)
    return (wire_service(name) or name) if name else None


def _site_name(name: str | None, url: str | None) -> str | None:
    """The page's own name for its site; trafilatura falls back on the host name, which is not one
    (the outlet then comes from the registered domain)."""
    name = _outlet(name)
    host = (urlparse(url).hostname or "") if url else ""
    if name and host and name.lower().removeprefix("www.") == host.lower().removeprefix("www."):
        return None
    return name


# --- SGML newswire (TREC, TDT, DUC/TAC, Gigaword) ------------------------------------------------

_SGML_DOC = re.compile(r"<DOC(?:\s[^>]*)?>(.*?)</DOC>", re.S | re.I)
_SGML_ID = re.compile(r"<DOC\s[^>]*\bid\s*=\s*\"?([^\"\s>]+)", re.I)
_SGML_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)(\d\d)(\d\d)(?!\d)")
# LDC's source codes at the head of a DOCNO ("APW19981016.0240", "NYT_ENG_20050101.0001").
LDC_SOURCES = {
    "APW": "AP",
    "AP": "AP",
    "NYT": "New York Times",
    "XIE": "Xinhua",
    "XIN": "Xinhua",
    "AFP": "AFP",
    "AFE": "AFP",
    "LTW": "Los Angeles Times/Washington Post",
    "WPB": "Washington Post/Bloomberg",
    "CNA": "Central News Agency",
    "FT": "Financial Times",
    "LA": "Los Angeles Times",
    "WSJ": "Wall Street Journal",
    "SJMN": "San Jose Mercury News",
    "FBIS": "FBIS",
}


def _sgml_field(block: str, *tags: str) -> str | None:
    for tag in tags:
        m = re.search(rf"<{tag}(?:\s[^>]*)?>(.*?)</{tag}>", block, re.S | re.I)
        if m:
            return m[1]
    return None


def _sgml_day(value: str) -> str | None:
    """A date as these corpora write it: "10/16/1998 06:20:00", "19981016", "Oct. 16, 1998"."""
    value = _norm(value) or ""
    us = re.search(r"(?<!\d)(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)(?!\d)", value)
    packed = _SGML_DATE.search(value)
    for y, m, d in ((us[3], us[1], us[2]),) if us else ((packed[1], packed[2], packed[3]),) if packed else ():
        try:
            return dt.date(int(y), int(m), int(d)).isoformat()
        except ValueError:
            return None
    return iso_day(value) if value else None


def _sgml_text(fragment: str) -> str:
    """A TEXT element's words: ``<P>`` elements become paragraphs; the wire's own line breaks stay
    (cleaning joins them as it joins any hard-wrapped text); entities such as ``&amp;`` are decoded."""
    import html

    fragment = re.sub(r"</?P(?:\s[^>]*)?>", "\n\n", fragment, flags=re.I)
    fragment = re.sub(r"<[^>]+>", " ", fragment)
    return html.unescape(fragment).strip("\n")


def read_sgml(shown: str, text: str, encoding: str) -> Iterator[Source | Skipped]:
    """Every ``<DOC>`` of a newswire SGML file: the body from ``<TEXT>``, the title from
    ``<HEADLINE>`` (or ``<HL>``), the date from ``<DATE_TIME>`` / ``<DATE>`` or else the DOCNO's
    ``YYYYMMDD``, the outlet from the DOCNO's LDC source code. A file of several documents names
    each ``FILE#DOCNO``."""
    blocks = _SGML_DOC.findall(text) or ([text] if re.search(r"<TEXT[\s>]", text, re.I) else [])
    if not blocks:
        yield Skipped(shown, "SGML file with no <DOC> ... </DOC> document in it")
        return
    ids = [_sgml_field(b, "DOCNO") for b in blocks]
    opening = [_SGML_ID.search(m[0]) for m in _SGML_DOC.finditer(text)]
    for n, block in enumerate(blocks):
        docno = (ids[n] or (opening[n][1] if n < len(opening) and opening[n] else "") or "").strip()
        where = f"{shown}#{docno or n + 1}" if len(blocks) > 1 else shown
        body = _sgml_field(block, "TEXT")
        body = _sgml_text(body) if body is not None else ""
        if not body.strip():
            yield Skipped(where, "SGML document with no text (its <TEXT> element is missing or empty)")
            continue
        dateline = _norm(_sgml_field(block, "DATELINE"))
        if dateline:  # Gigaword keeps "WASHINGTON, Jan. 1 (AP)" apart: it leads the body, as in print
            body = f"{dateline} -- {body.lstrip()}"
        headline = _sgml_field(block, "HEADLINE", "HL")
        dated = _sgml_field(block, "DATE_TIME", "DATE")
        published = (_sgml_day(dated) if dated else None) or _sgml_day(docno)
        code = re.match(r"[A-Za-z]+", docno)
        yield Source(
            source_path=where,
            raw=unicodedata.normalize("NFC", body),
            encoding=encoding,
            kind="sgml",
            title=_norm(_sgml_text(headline).replace("\n", " ")) if headline else None,
            published=published,
            outlet=LDC_SOURCES.get(code[0].upper()) if code else None,
        )


# --- HTML ---------------------------------------------------------------------------------------


def read_html(shown: str, text: str, encoding: str, url: str | None = None) -> Source | Skipped:
    """One web page: its main text and metadata through trafilatura (``url``: where it was fetched)."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        text,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        # The date the page states, not a guess from its copyright year or its links.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    body = doc.text if doc is not None else None
    paragraphs = [re.sub(r"\s+", " ", line).strip() for line in (body or "").split("\n")]
    if not any(len(p.split()) >= MIN_PROSE_WORDS for p in paragraphs):
        return Skipped(shown, "HTML page with no main text: no paragraph of prose (navigation, a form or an index?)")
    raw = "\n\n".join(p for p in paragraphs if p)
    url = _norm(doc.url) or url
    return Source(
        source_path=shown,
        raw=unicodedata.normalize("NFC", raw),
        encoding=encoding,
        kind="html",
        url=url,
        title=_norm(doc.title),
        byline=_norm(doc.author),
        published=iso_day(doc.date),
        outlet=_site_name(doc.sitename, url),
    )


def extract_html(text: str, url: str) -> Source | Skipped:
    """The ``crosswire.webtext.Extractor`` hook for archived or fetched pages: HTML text and URL in."""
    return read_html(url, text, "utf-8", url=url)


# --- feeds --------------------------------------------------------------------------------------


def read_feed(shown: str, data: bytes, encoding: str) -> Iterator[Source | Skipped]:
    """Every entry of an RSS 2.0, Atom or RDF feed."""
    import feedparser

    if encoding.startswith(("utf-16", "utf-32")):
        # feedparser's sniffing stops at a wide encoding's BOM (or its absence): it is given the
        # text as UTF-8, and the declaration no longer names another encoding.
        text = data.decode(encoding).lstrip("\ufeff")
        data = re.sub(r"^(<\?xml[^>]*?)\s+encoding=([\"'])[^\"']*\2", r"\1", text).encode("utf-8")
    parsed = feedparser.parse(data)
    if not parsed.entries:
        if parsed.bozo:
            exc = parsed.get("bozo_exception")
            yield Skipped(shown, f"malformed feed: {exc or 'not well-formed'}")
        elif not parsed.version:
            yield Skipped(shown, "not a feed (no RSS, Atom or RDF channel found)")
        else:
            yield Skipped(shown, "feed has no entries")
        return
    feed_title = parsed.feed.get("title")
    exc = parsed.get("bozo_exception")
    # feedparser reads on past a break in the XML (a file cut off mid-entry): what it gives is
    # kept, saying so, as the last entry may be cut short.
    broken = f"the feed is malformed ({exc})" if isinstance(exc, SAXException) else None
    for n, entry in enumerate(parsed.entries, 1):
        yield _feed_entry(f"{shown}#{n}", entry, feed_title, encoding, broken)


def _feed_entry(
    shown: str, entry, feed_title: str | None, encoding: str, broken: str | None = None
) -> Source | Skipped:
    contents = [c.get("value", "") for c in entry.get("content", []) if c.get("value", "").strip()]
    partial = False
    warnings: list[str] = []
    if contents:
        raw = html_to_text(max(contents, key=len))
    else:
        raw = html_to_text(entry.get("summary", "") or "")
        partial = True
        warnings.append(PARTIAL_WARNING)
    if not raw.strip():
        why = f"; {broken}, which may have cut it off" if broken else ""
        return Skipped(shown, f"feed entry with no text (neither content nor summary){why}")
    if broken:
        warnings.append(f"{broken}: this entry may be incomplete")
    source = entry.get("source") or {}
    # A syndicated entry names its original publisher in <source>: it counts as that outlet.
    outlet = _outlet(source.get("title")) or _outlet(feed_title)
    published = entry.get("published_parsed") or entry.get("updated_parsed") or entry.get("created_parsed")
    return Source(
        source_path=shown,
        raw=unicodedata.normalize("NFC", raw),
        encoding=encoding,
        warnings=warnings,
        kind="feed",
        url=_norm(entry.get("link")),
        title=_norm(html_to_text(entry.get("title", "")) or None),
        byline=_norm(entry.get("author")),
        published=iso_day(published) or iso_day(entry.get("published") or entry.get("updated")),
        outlet=outlet,
        partial=partial,
    )


def read_opml(path: Path, shown: str, text: str, reader, url_reader=None) -> Iterator[Source | Skipped]:
    """The feeds an OPML file lists: local ones are read with ``reader(path)``, remote ones with
    ``url_reader(url)`` when the user allowed network access (``--feeds``), else skipped."""
    try:
        root = ElementTree.fromstring(text.encode("utf-8"))
    except ElementTree.ParseError as exc:
        yield Skipped(shown, f"malformed OPML: {exc}")
        return
    urls = []
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if url:
            urls.append(url)
        elif not len(outline):  # a leaf without a feed (an outline with children is a folder of feeds)
            name = outline.get("text") or outline.get("title") or outline.get("url") or "(unnamed)"
            yield Skipped(f"{shown}: {name}", "outline names no feed (no xmlUrl): not read")
    if not urls:
        yield Skipped(shown, "OPML lists no feeds (no outline with an xmlUrl)")
        return
    for url in urls:
        scheme = urlparse(url).scheme.lower()
        if scheme in ("http", "https"):
            if url_reader is None:
                yield Skipped(url, REMOTE_FEED_REASON)
            else:
                yield from url_reader(url)
            continue
        if scheme not in ("", "file") and not re.match(r"^[a-z]$", scheme):  # "C:" is a drive, not a scheme
            yield Skipped(url, f"feed listed in {shown} has an unsupported address: only http(s) and local files")
            continue
        local = Path(unquote(urlparse(url).path)) if scheme == "file" else Path(url)
        if not local.is_absolute():
            local = Path(os.path.normpath(path.parent / local))
        if not local.is_file():
            yield Skipped(str(local), f"feed listed in {shown} not found")
            continue
        yield from reader(local)


# --- JSONL and CSV exports ----------------------------------------------------------------------


def _record(
    shown: str, line: int, record: Mapping, fields: Mapping[str, str], kind: str, max_bytes: int
) -> Source | Skipped:
    def get(name: str) -> str | None:
        value = record.get(fields[name])
        if value is None or isinstance(value, (dict, list)):
            return None
        return _norm(str(value))

    raw = record.get(fields["text"])
    if not isinstance(raw, str) or not raw.strip():
        return Skipped(shown, f"line {line}: no text in field '{fields['text']}'")
    if len(raw.encode("utf-8")) > max_bytes:
        return Skipped(shown, f"line {line}: text over the {max_bytes / 1e6:g} MB limit for one article")
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    warnings = []
    published = iso_day(get("published"))
    if get("published") and not published:
        warnings.append(f"unreadable date in field '{fields['published']}': {get('published')}")
    url = get("url")
    return Source(
        source_path=shown,
        raw=unicodedata.normalize("NFC", raw),
        encoding="utf-8",
        warnings=warnings,
        kind=kind,
        url=url,
        title=get("title"),
        byline=get("byline"),
        published=published,
        outlet=_outlet(get("outlet")),
    )


def _line_limit(max_bytes: int) -> int:
    # A record holds one article's text (at most ``max_bytes``), JSON- or CSV-escaped, and a few fields.
    return 2 * max_bytes + 1_000_000


def _too_long(limit: int) -> str:
    return f"over the {limit / 1e6:g} MB limit for one record"


def _bounded_lines(f, limit: int) -> Iterator:
    """The lines of ``f``, with None for a line longer than ``limit``: it is read past in pieces,
    never held whole (a file of zeros is one line of gigabytes)."""
    newline = b"\n" if isinstance(f.read(0), bytes) else "\n"
    while True:
        line = f.readline(limit + 1)
        if not line:
            return
        if len(line) > limit:
            while line and not line.endswith(newline):
                line = f.readline(1 << 20)
            yield None
        else:
            yield line


def read_jsonl(path: Path, shown: str, fields: Mapping[str, str], max_bytes: int) -> Iterator[Source | Skipped]:
    """One article per JSON object per line; streamed, so an export of any size is read."""
    limit = _line_limit(max_bytes)
    with path.open("rb") as f:
        for n, line in enumerate(_bounded_lines(f, limit), 1):
            where = f"{shown}#{n}"
            if line is None:
                yield Skipped(where, f"line {n}: {_too_long(limit)}")
                continue
            if n == 1:
                line = line.removeprefix(b"\xef\xbb\xbf")
            if not line.strip():
                continue
            try:
                record = json.loads(line.decode("utf-8"))
            except UnicodeDecodeError:
                yield Skipped(where, f"line {n}: not UTF-8")
                continue
            except json.JSONDecodeError as exc:
                yield Skipped(where, f"line {n}: malformed JSON ({exc})")
                continue
            except RecursionError:
                yield Skipped(where, f"line {n}: malformed JSON (nested too deeply)")
                continue
            if not isinstance(record, dict):
                yield Skipped(where, f"line {n}: a JSON {type(record).__name__}, not an object")
                continue
            yield _record(where, n, record, fields, "jsonl", max_bytes)


def read_csv(path: Path, shown: str, fields: Mapping[str, str], max_bytes: int) -> Iterator[Source | Skipped]:
    """One article per row; the first row names the columns. Streamed."""
    with path.open("rb") as fb:
        f = io.TextIOWrapper(fb, encoding="utf-8-sig", newline="")
        too_long: list[int] = []  # line numbers of lines over the limit, read as empty lines

        def lines() -> Iterator[str]:
            for n, line in enumerate(_bounded_lines(f, limit), 1):
                if line is None:
                    too_long.append(n)
                    line = "\n"
                yield line

        limit = _line_limit(max_bytes)
        # csv's own cap on a field (128 KB) is below one article's; the line limit bounds memory.
        csv.field_size_limit(max(csv.field_size_limit(), limit))
        try:
            reader = csv.reader(lines(), strict=True)
            header = next(reader, None)
        except (csv.Error, UnicodeDecodeError) as exc:
            yield Skipped(shown, f"unreadable CSV header: {exc}")
            return
        if too_long:
            yield Skipped(shown, f"unreadable CSV header: line 1 is {_too_long(limit)}")
            return
        if not header:
            yield Skipped(shown, "empty CSV file")
            return
        header = [h.strip() for h in header]
        if fields["text"] not in header:
            columns = ", ".join(h if len(h) <= 40 else h[:39] + "…" for h in header[:12])
            columns += ", …" if len(header) > 12 else ""
            # A header names columns: a long cell is a record's text, and the file has no header.
            hint = "; its first row looks like a record, not a header" if max(map(len, header)) > 80 else ""
            yield Skipped(
                shown,
                f"no column '{fields['text']}' for the article text (columns: {columns})"
                f"{hint}; map one with --field text=COLUMN",
            )
            return
        while True:
            try:
                row = next(reader)
            except StopIteration:
                row = None
            except csv.Error as exc:
                n = reader.line_num
                yield Skipped(f"{shown}#{n}", f"line {n}: malformed CSV ({exc})")
                continue
            except UnicodeDecodeError:
                yield Skipped(shown, f"after line {reader.line_num}: not UTF-8; the rest of the file is not read")
                return
            while too_long:
                n = too_long.pop(0)
                yield Skipped(f"{shown}#{n}", f"line {n}: {_too_long(limit)}")
            if row is None:
                break
            n = reader.line_num
            where = f"{shown}#{n}"
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                yield Skipped(where, f"line {n}: {len(row)} columns where the header has {len(header)}")
                continue
            yield _record(where, n, dict(zip(header, row, strict=True)), fields, "csv", max_bytes)
