"""WARC and ARC archives in, one :class:`Source` or :class:`Skipped` per page record out.

API::

    read_warc(path, *, extract=None, max_record_bytes=DEFAULT_MAX_RECORD_BYTES, stats=None)
        -> Iterator[Source | Skipped]

Reads WARC 1.0/1.1 and ARC files as crawlers and Common Crawl's CC-NEWS write them, through
warcio: uncompressed, gzip per record (the usual ``.warc.gz``) and gzip over the whole file.

* An HTML ``response`` (or ``resource``) record with HTTP status 200 becomes a ``Source`` with
  ``kind="warc"``, ``source_path="PATH#OFFSET"`` (the record's byte offset, as CDX indexes give
  it; in a whole-file gzip, the offset in the uncompressed stream), ``url`` = WARC-Target-URI.
  The payload is decoded by its charset (HTTP header, then ``<meta charset>``, then detection)
  and handed to ``extract(html, url)`` (see :mod:`crosswire.webtext`); what it returns keeps its
  metadata, and ``published`` falls back to the record's WARC-Date, the *fetch* date, with a
  warning saying so. ``extract=None`` uses trafilatura when installed, else every page is
  skipped with "HTML extraction unavailable".
* Non-HTML payloads, statuses other than 200, revisit records, records the crawler truncated
  (``WARC-Truncated``) or that end early, and records over ``max_record_bytes`` each give a
  ``Skipped`` with the reason, at ``PATH#OFFSET``.
* ``warcinfo``, ``request``, ``metadata``, ``conversion`` and non-HTTP (``dns:``) records are
  not articles: they are counted in ``stats.other`` (a :class:`WarcStats` you pass in), never
  yielded.
* A broken record (unparseable headers, a corrupt gzip member) gives one ``Skipped`` naming its
  offset, and reading resumes at the next record found (the next gzip member, or the next
  ``WARC/1.x`` / ARC header line). When none is found, that one ``Skipped`` says the rest of
  the file is unreadable. A whole-file gzip cannot be resynchronised: the rest is skipped.
* A missing, empty or non-archive file gives a single ``Skipped`` for ``path``, and so does an
  archive without a page record (only requests, metadata…), its records counted in the reason.
"""

from __future__ import annotations

import gzip
import os
import re
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

from crosswire.model import Record, Skipped, Source
from crosswire.read import DecodeError
from crosswire.webtext import NO_EXTRACTION, Extractor, decode_body, default_extractor, is_html, media_type

#: A news page with its HTTP headers is well under this; larger records are not one article.
DEFAULT_MAX_RECORD_BYTES = 10_000_000
#: The longest WARC, ARC or HTTP header line read as one.
MAX_HEADER_LINE = 65_536

#: Record types that are part of a crawl but never an article: counted, not yielded.
NOT_ARTICLES = {"warcinfo", "request", "metadata", "conversion", "continuation"}

_READ_ERRORS = (ArchiveLoadFailed, StatusAndHeadersParserException, zlib.error, EOFError, OSError, ValueError)
_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_LINE = re.compile(rb"(?:\r?\n)(WARC/1\.[01]|WARC/0\.1[78])\r?\n")
_ARC_LINE = re.compile(rb"\n((?:https?|dns|ftp|filedesc)://\S+ \S+ \d{14} \S+ \d+\r?\n)")


@dataclass
class WarcStats(Record):
    """What one :func:`read_warc` call saw; pass one in to have it filled.

    ``records``: records read; ``articles``: pages turned into articles; ``skipped``: page
    records skipped (each also yielded as a :class:`Skipped` with its reason); ``broken``:
    unreadable stretches of the file; ``other``: records that are never articles, by type
    ("request", "warcinfo", "dns response"…).
    """

    records: int = 0
    articles: int = 0
    skipped: int = 0
    broken: int = 0
    other: Counter = field(default_factory=Counter)


class _Iterator(ArchiveIterator):
    """warcio's iterator, held to one format, without its stderr warning on a bad Content-Length.

    warcio left to guess per record reads any line of five words as an ARC header, so garbage in
    a WARC would pass for records; the format is sniffed once per file instead.
    """

    def __init__(self, fh, fmt: str):
        super().__init__(fh, arc2warc=fmt == "arc")
        self.known_format = fmt
        # warcio gathers a header line of any length, in time quadratic in it: a stretch of
        # zeros (a pre-allocated or padded file) would be read whole as one "line". No real
        # header line is this long, so a longer one is cut and fails as a broken header.
        unbounded = self.reader.readline

        def readline(length: int | None = None) -> bytes:
            return unbounded(MAX_HEADER_LINE if length is None else min(length, MAX_HEADER_LINE))

        self.reader.readline = readline

    def _consume_blanklines(self):
        empty_size = 0
        first_line = True
        while True:
            line = self.reader.readline()
            if len(line) == 0:
                return None, empty_size
            if len(line.rstrip()) == 0 or first_line:
                empty_size += len(line)
                if len(line.rstrip()) != 0:
                    self.err_count += 1
                first_line = False
                continue
            return line, empty_size


class _WholeFileGzip(Exception):
    pass


def read_warc(
    path: str | os.PathLike,
    *,
    extract: Extractor | None = None,
    max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES,
    stats: WarcStats | None = None,
) -> Iterator[Source | Skipped]:
    """Every page record of a WARC/ARC file as a :class:`Source` or :class:`Skipped` (see the module doc)."""
    stats = stats if stats is not None else WarcStats()
    reader = _Reader(str(path), extract or default_extractor(), max_record_bytes, stats)
    yielded = False
    for item in reader.run():
        yielded = True
        yield item
    if not yielded:  # only requests, metadata, DNS lookups…: the archive must still be accounted for
        held = ", ".join(f"{n} {kind}" for kind, n in stats.other.most_common()) or "no records"
        yield Skipped(str(path), f"no page records in the archive ({held})")


class _Reader:
    def __init__(self, path: str, extract: Extractor | None, max_record_bytes: int, stats: WarcStats):
        self.path = path
        self.extract = extract
        self.max_record_bytes = max_record_bytes
        self.stats = stats
        self.failed_at: int | None = None  # offset of a record already reported as unreadable

    def run(self) -> Iterator[Source | Skipped]:
        try:
            size = Path(self.path).stat().st_size
        except OSError as exc:
            yield self._skip(self.path, f"cannot read: {exc.strerror or exc}")
            return
        if size == 0:
            yield self._skip(self.path, "empty file")
            return
        with open(self.path, "rb") as fh:
            head = fh.read(4096)
            gz = head.startswith(b"\x1f\x8b")
            self.fmt = _sniff_format(head)
            if self.fmt is None:
                # Junk before the first record (a partial download) is resynchronised past below;
                # a file with no record header anywhere is not an archive at all.
                found = None if gz else _next_record_start(fh.fileno(), size, 0, gz)
                if found is None:
                    yield self._skip(self.path, f"not a WARC or ARC archive: {_opening(head)}")
                    return
                self.fmt = _sniff_format(os.pread(fh.fileno(), 4096, found)) or "warc"
            fh.seek(0)
            try:
                yield from self._seekable(fh, size, gz)
            except _WholeFileGzip:
                pass
            else:
                return
        # One gzip stream over the whole file: read it decompressed, from the start again.
        with gzip.open(self.path, "rb") as gfh:
            yield from self._whole_gzip(gfh, self.stats.records)

    def _skip(self, where: str, reason: str) -> Skipped:
        self.stats.skipped += 1
        return Skipped(where, reason)

    def _seekable(self, fh, size: int, gz: bool) -> Iterator[Source | Skipped]:
        start = 0
        pending: tuple[int, str] | None = None  # a broken record not yet reported: (offset, reason)
        while True:
            fh.seek(start)
            it = _Iterator(fh, self.fmt)
            offset = start
            try:
                for record in it:
                    offset = it.offset
                    if pending is not None:
                        at, reason = pending
                        pending = None
                        yield self._skip(
                            f"{self.path}#{at}",
                            f"broken record at byte {at} ({reason}); {offset - at} bytes skipped, "
                            f"reading resumed at byte {offset}",
                        )
                    item = self._record(record, offset, it)
                    if item is not None:
                        yield item
                return
            except ArchiveLoadFailed as exc:
                if "non-chunked gzip" in str(exc) and start == 0 and pending is None and not self.stats.broken:
                    raise _WholeFileGzip from exc
                error = exc
            except _READ_ERRORS as exc:
                error = exc
            offset = it.offset  # the record that failed (warcio moves it past each record read)
            if pending is None:
                if self.failed_at != offset:
                    self.stats.broken += 1
                    pending = (offset, _describe(error))
                else:  # already reported while reading its content
                    pending = None
            fail_from = pending[0] if pending else offset
            nxt = _next_record_start(fh.fileno(), size, max(offset, fail_from) + 1, gz)
            if nxt is None:
                if pending is not None:
                    at, reason = pending
                    yield self._skip(
                        f"{self.path}#{at}",
                        f"broken record at byte {at} ({reason}); no readable record after it, "
                        f"the remaining {size - at} bytes are skipped",
                    )
                return
            start = nxt

    def _whole_gzip(self, gfh, already: int) -> Iterator[Source | Skipped]:
        self.stats.records = 0
        it = _Iterator(gfh, self.fmt)
        n = 0
        offset = 0
        try:
            for record in it:
                offset = it.offset
                n += 1
                if n <= already:
                    # Yielded on the first pass, before warcio found the gzip spans the whole file.
                    self.stats.records += 1
                    continue
                item = self._record(record, offset, it)
                if item is not None:
                    yield item
        except _READ_ERRORS as exc:
            offset = it.offset
            if self.failed_at != offset:
                self.stats.broken += 1
                yield self._skip(
                    f"{self.path}#{offset}",
                    f"broken record at byte {offset} of the uncompressed stream ({_describe(exc)}); the file is one "
                    "gzip stream, so the rest of it cannot be read (`warcio recompress` makes it seekable)",
                )

    def _record(self, record, offset: int, it) -> Source | Skipped | None:
        self.stats.records += 1
        rtype = record.rec_type
        headers = record.rec_headers
        uri = headers.get_header("WARC-Target-URI") or ""
        where = f"{self.path}#{offset}"
        if not rtype:
            self.stats.broken += 1
            return self._skip(where, f"broken record at byte {offset}: no WARC-Type header")
        if rtype in NOT_ARTICLES:
            self.stats.other[rtype] += 1
            return None
        if rtype == "revisit":
            return self._skip(where, f"revisit record for {uri}: the page is not stored here (an earlier capture's)")
        if rtype not in ("response", "resource"):
            self.stats.other[rtype] += 1
            return None
        if uri and not uri.lower().startswith(("http:", "https:")):
            self.stats.other[uri.split(":", 1)[0].lower() + " " + rtype] += 1
            return None
        length = (headers.get_header("Content-Length") or "").strip()
        if not length.isdigit():
            # warcio reads on with no length to go by: the record's content is unknown (and the
            # next record is found by resyncing), so nothing of it is read as a page.
            self.stats.broken += 1
            shown = repr(length) if length else "missing"
            return self._skip(where, f"broken record at byte {offset}: Content-Length {shown} is not a length: {uri}")
        truncated = headers.get_header("WARC-Truncated")
        if truncated:
            return self._skip(where, f"record truncated by the crawler (WARC-Truncated: {truncated}): {uri}")
        if record.length and record.length > self.max_record_bytes:
            return self._skip(where, f"record larger than {self.max_record_bytes} bytes ({record.length}): {uri}")
        http = record.http_headers
        if http is not None and rtype == "response":
            status = http.get_statuscode() or "?"
            if status != "200":
                location = http.get_header("Location")
                moved = f" (redirect to {location})" if location and status.startswith("3") else ""
                return self._skip(where, f"HTTP status {status}{moved}, not 200: {uri}")
            content_type = http.get_header("Content-Type")
        else:
            content_type = record.content_type or headers.get_header("Content-Type")
        try:
            body = record.content_stream().read()
            raw = record.raw_stream
            while raw.read(65536):
                pass
        except _READ_ERRORS as exc:
            self.failed_at = offset
            return self._skip(where, f"truncated record, its content cannot be read ({_describe(exc)}): {uri}")
        if getattr(record.raw_stream, "limit", 0) > 0:
            self.failed_at = offset
            return self._skip(where, f"truncated record: the file ends before the record does: {uri}")
        if not is_html(content_type, body):
            return self._skip(where, f"not an HTML page ({media_type(content_type) or 'no content type'}): {uri}")
        try:
            html, encoding = decode_body(body, content_type)
        except DecodeError as exc:
            return self._skip(where, f"{exc}: {uri}")
        if self.extract is None:
            return self._skip(where, NO_EXTRACTION)
        try:
            result = self.extract(html, uri)
        except Exception as exc:  # an extractor's bug must not end the archive
            return self._skip(where, f"HTML extraction failed ({type(exc).__name__}: {exc}): {uri}")
        if isinstance(result, Skipped):
            return self._skip(where, f"{result.reason}: {uri}")
        result.source_path = where
        result.kind = "warc"
        result.url = result.url or uri or None
        result.encoding = encoding
        if not result.published:
            fetched = headers.get_header("WARC-Date")
            if fetched:
                result.published = fetched[:10]
                result.warnings.append(
                    f"no publication date in the page; using the fetch date {fetched} from the WARC record"
                )
        self.stats.articles += 1
        return result


def _describe(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    if text.startswith(("Unknown archive format", "Invalid WARC record", "Invalid ARC record")):
        text = "not a WARC or ARC record header"
    return f"{type(exc).__name__}: {text[:160]}" if text else type(exc).__name__


def _sniff_format(head: bytes) -> str | None:
    """``warc``, ``arc`` or None, from the first bytes of the file (decompressed when gzipped)."""
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(wbits=31).decompress(head)
        except zlib.error:
            return "warc"
    start = head.lstrip()
    if start.startswith(b"WARC/") or not start:
        return "warc"
    # An ARC file opens with its "filedesc://" record; a fragment of one, with a record header
    # line (URL, IP, 14-digit date, type, length). Anything else is not an archive.
    if _ARC_HEADER.match(start):
        return "arc"
    return None


def _opening(head: bytes) -> str:
    if head.startswith(b"\x1f\x8b"):
        return "gzip data with no record header"
    if b"\x00" in head[:512]:
        return "binary data with no record header"
    line = head.lstrip()[:40].decode("utf-8", "replace").splitlines()
    return f"it starts with {line[0] if line else ''!r}"


_ARC_HEADER = re.compile(rb"(?:filedesc|https?|dns|ftp)://\S* \S+ \d{14} \S+ \d+\r?\n")


def _next_record_start(fd: int, size: int, pos: int, gz: bool) -> int | None:
    """The offset of the next plausible record start at or after ``pos`` in the file ``fd``.

    Read chunk by chunk (memory stays flat on a file of any size), and the regexes are run only
    on a chunk holding a literal anchor: over gigabytes of garbage they alone take a minute.
    """
    chunk, overlap = 1 << 24, 4096
    while pos < size:
        base = max(pos - 2, 0)
        window = os.pread(fd, chunk + overlap + pos - base, base)
        if gz:
            found = window.find(_GZIP_MAGIC, pos - base)
            if found >= 0:
                return base + found
        elif b"WARC/" in window or b"://" in window:
            starts = []
            for rx in (_WARC_LINE, _ARC_LINE):
                first = next((m.start(1) for m in rx.finditer(window) if base + m.start(1) >= pos), None)
                if first is not None:
                    starts.append(base + first)
            if starts:
                return min(starts)
        pos += chunk
    return None
