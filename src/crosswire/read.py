"""Reading: files and folders in, decoded :class:`Source` objects or :class:`Skipped` out.

Every path given, and every file found under a folder, ends as exactly one of the two, so
nothing is lost silently.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import stat
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from charset_normalizer import from_bytes

from crosswire.model import Skipped, Source

if TYPE_CHECKING:
    from crosswire.warc import WarcStats

#: An article is a few thousand words; anything this large is not one article.
DEFAULT_MAX_BYTES = 5_000_000

#: Extensions read as plain text. Anything else is skipped with a reason.
TEXT_SUFFIXES = {"", ".txt", ".text"}

_CONTROL_OK = {"\t", "\n", "\r", "\f", "\v"}


class DecodeError(ValueError):
    """Bytes that are not a text we can read; the message is for the user."""


def article_id(text: str) -> str:
    """Stable content id: the same text gives the same id, whatever its encoding or newlines."""
    norm = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    norm = "\n".join(line.rstrip() for line in norm.strip().split("\n"))
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def decode(data: bytes) -> tuple[str, str]:
    """Decode article bytes; return ``(text, encoding)`` or raise :class:`DecodeError`.

    UTF-8 (with or without BOM) and UTF-16 or UTF-32 with BOM are taken as they are, and so is
    UTF-16 without a BOM when every other byte is NUL (English text). Otherwise the
    single-byte Western encodings news sites still emit: cp1252 when the bytes use its
    0x80-0x9F range (curly quotes, dashes), latin-1 when they do not.
    """
    if not data.strip():
        raise DecodeError("empty file")
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise DecodeError(f"starts with a UTF-8 BOM but is not valid UTF-8 ({exc.reason})") from exc
    codec = bom_codec(data)
    if codec is not None:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as exc:
            name = codec.upper()
            raise DecodeError(f"starts with a {name} BOM but is not valid {name} ({exc.reason})") from exc
        _check_controls(text)
        return text, codec
    if b"\x00" in data:
        codec = bomless_utf16(data)
        if codec is None:
            raise DecodeError("binary file (contains NUL bytes)")
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as exc:
            raise DecodeError(f"binary file (contains NUL bytes; not {codec.upper()}: {exc.reason})") from exc
        _check_controls(text)
        return text, codec
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        _check_controls(text)
        return text, "utf-8"
    if any(0x80 <= b <= 0x9F for b in data):
        try:
            text, encoding = data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            text, encoding = data.decode("latin-1"), "latin-1"
    else:
        text, encoding = data.decode("latin-1"), "latin-1"
    _check_controls(text)
    _check_plausible(data, text, encoding)
    return text, encoding


def bom_codec(data: bytes) -> str | None:
    """``utf-32`` or ``utf-16`` when ``data`` opens with that encoding's BOM (the codec reads the
    byte order from it), else None."""
    # UTF-32's little-endian BOM begins with UTF-16's: it is tested first.
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):  # fmt: skip
        if data.startswith(bom):
            return codec
    return None


def bomless_utf16(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` for English text saved as UTF-16 without a BOM: every
    other byte is NUL, on the same side; else None."""
    sample = data[:20000]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def _check_controls(text: str) -> None:
    sample = text[:20000]
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in _CONTROL_OK)
    if controls > max(2, len(sample) * 0.01):
        raise DecodeError(f"binary file ({controls} control characters in the first {len(sample)})")


def _check_plausible(data: bytes, text: str, encoding: str) -> None:
    """Reject bytes that decode only because a single-byte codec accepts anything."""
    high = [ch for ch in text if ord(ch) > 127]
    if not high:
        return
    # Text in a Western single-byte encoding uses non-ASCII sparingly and mostly as letters
    # and punctuation next to ASCII letters; random or foreign bytes do not.
    letters = sum(1 for ch in high if unicodedata.category(ch)[0] in "LP")
    best = from_bytes(data[:20000], cp_isolation=[encoding.replace("-", "_")]).best()
    chaos = best.chaos if best is not None else 1.0
    if len(high) > len(text) * 0.3 or letters < len(high) * 0.6 or chaos > 0.3:
        raise DecodeError(
            f"undecodable bytes: not UTF-8, and as {encoding} it reads as garbage "
            f"({len(high)} unusual characters, noise {chaos:.0%})"
        )


ARCHIVE_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


def _is_archive(path: Path) -> bool:
    return path.name.lower().endswith(ARCHIVE_SUFFIXES)


def sniff_file(path: Path, size: int = 4096) -> str | None:
    """The kind of markup a file opens with, from its first ``size`` bytes (see
    :func:`crosswire.formats.sniff`); raises OSError when it cannot be read."""
    from crosswire import formats

    with open(path, "rb") as f:
        return formats.sniff(f.read(size))


_OPML_BEING_READ: set[Path] = set()
"""The OPML files whose feeds are being read: one listing itself, or two listing each other,
would otherwise be read without end."""


def read_file(
    path: Path,
    max_bytes: int = DEFAULT_MAX_BYTES,
    fields: Mapping[str, str] | None = None,
    fetcher=None,
    archives: dict[str, WarcStats] | None = None,
) -> Iterator[Source | Skipped]:
    """Every article one file holds: one for a text file or an HTML page, one per feed entry or export record.

    The reader is chosen by extension (``.html``, ``.rss``, ``.atom``, ``.rdf``, ``.xml``, ``.opml``,
    ``.jsonl``, ``.ndjson``, ``.csv``, ``.sgml``, plain text) and, for ``.xml``, plain text and
    unknown extensions, by the first bytes (``<html``, ``<rss``, ``<feed``, ``<rdf:RDF``, ``<opml``,
    ``<DOC>``). ``fields`` maps article fields
    to export columns (:func:`crosswire.formats.parse_fields`). ``archives``, when given, receives
    each web archive's :class:`~crosswire.warc.WarcStats` under its path.
    """
    from crosswire import formats

    shown = str(path)
    suffix = path.suffix.lower()
    try:
        info = path.stat()
    except OSError as exc:
        yield Skipped(shown, f"cannot read: {exc.strerror or exc}")
        return
    if not stat.S_ISREG(info.st_mode):
        # A pipe, a device ("/dev/zero" behind a link) or a socket: reading would wait or never end.
        yield Skipped(shown, "not a regular file (a pipe, a device or a socket)")
        return
    if _is_archive(path):
        # Web archives are streamed record by record, each page extracted as an HTML file is.
        from crosswire.warc import WarcStats, read_warc

        stats = WarcStats()
        if archives is not None:
            archives[shown] = stats
        yield from read_warc(path, extract=formats.extract_html, stats=stats)
        return
    if suffix in formats.JSONL_SUFFIXES or suffix in formats.CSV_SUFFIXES:
        # Exports are streamed record by record: their size is not one article's.
        mapping = formats.parse_fields(None) if fields is None else dict(fields)
        read = formats.read_jsonl if suffix in formats.JSONL_SUFFIXES else formats.read_csv
        records = 0
        try:
            for item in read(path, shown, mapping, max_bytes):
                records += 1
                yield item
        except OSError as exc:
            yield Skipped(shown, f"cannot read: {exc.strerror or exc}")
            return
        if not records:
            why = "the file is empty" if not info.st_size else "only blank lines, or a header without rows"
            yield Skipped(shown, f"no records: {why}")
        return
    size = info.st_size
    if size > max_bytes:
        yield Skipped(
            shown,
            f"file too large: {size / 1e6:.1f} MB is over the {max_bytes / 1e6:g} MB limit "
            "for one article (raise it with --max-bytes)",
        )
        return
    known = (
        TEXT_SUFFIXES
        | formats.HTML_SUFFIXES
        | formats.FEED_SUFFIXES
        | formats.OPML_SUFFIXES
        | formats.SGML_SUFFIXES
        | {".xml"}
    )
    try:
        # Research corpora name newswire files by their DOCNO ("APW19981016.0240"): an unknown
        # extension is read when the file is SGML newswire.
        data = path.read_bytes() if suffix in known or sniff_file(path) == "sgml" else None
    except OSError as exc:
        yield Skipped(shown, f"cannot read: {exc.strerror or exc}")
        return
    if data is None:
        yield Skipped(
            shown,
            f"unsupported file type '{path.suffix}': plain text, HTML, RSS/Atom/RDF feeds, OPML, JSONL, "
            "CSV, SGML newswire (<DOC>) and WARC/ARC archives are read",
        )
        return
    if not data.strip():
        yield Skipped(shown, "empty file")
        return
    kind = {
        **dict.fromkeys(formats.HTML_SUFFIXES, "html"),
        **dict.fromkeys(formats.FEED_SUFFIXES, "feed"),
        **dict.fromkeys(formats.OPML_SUFFIXES, "opml"),
        **dict.fromkeys(formats.SGML_SUFFIXES, "sgml"),
    }.get(suffix) or formats.sniff(data)
    if suffix == ".xml" and kind is None:
        yield Skipped(shown, "XML file that is not an RSS, Atom or RDF feed, nor OPML")
        return
    try:
        text, encoding = decode(data)
    except DecodeError as exc:
        yield Skipped(shown, str(exc))
        return
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if kind == "html":
        yield formats.read_html(shown, text, encoding)
    elif kind == "feed":
        yield from formats.read_feed(shown, data, encoding)
    elif kind == "sgml":
        yield from formats.read_sgml(shown, text, encoding)
    elif kind == "opml":
        here = path.resolve()
        if here in _OPML_BEING_READ:
            yield Skipped(shown, "feed list already being read: the OPML files list each other")
            return
        url_reader = (lambda u: read_url(u, fetcher)) if fetcher is not None else None
        _OPML_BEING_READ.add(here)
        try:
            yield from formats.read_opml(
                path, shown, text, lambda p: _read_listed_feed(p, shown, max_bytes, fields), url_reader
            )
        finally:
            _OPML_BEING_READ.discard(here)
    else:
        yield Source(source_path=shown, raw=text, encoding=encoding)


def _read_listed_feed(path: Path, listed_in: str, max_bytes: int, fields) -> Iterator[Source | Skipped]:
    """A local file an OPML list names: read only when it is a feed (or another OPML list).

    A feed list is often someone else's file; were any file it names read, an OPML naming
    ``/etc/passwd`` or a private note would put that file's text into the output.
    """
    try:
        kind = sniff_file(path) if path.is_file() else "feed"
    except OSError:
        kind = "feed"  # read_file gives the reason
    if kind not in ("feed", "opml"):
        yield Skipped(str(path), f"listed as a feed in {listed_in}, but not an RSS, Atom or RDF feed: not read")
        return
    yield from read_file(path, max_bytes, fields)


def iter_files(paths: Iterable[str | os.PathLike]) -> Iterator[Path | Skipped]:
    """Expand paths into files, in a stable order; folders are walked recursively.

    Hidden files and folders (``.git``) inside a folder are passed over, as a shell glob would,
    each reported as skipped (one entry for a hidden folder). Links to folders are followed,
    once each; a folder that cannot be entered is skipped with the reason.
    """
    for raw in paths:
        path = Path(raw)
        try:
            path.lstat()
        except FileNotFoundError:
            pass  # reported below, as a broken link or a missing path
        except OSError as exc:  # a name too long, a folder on the way that cannot be entered
            yield Skipped(str(path), f"cannot read: {exc.strerror or exc}")
            continue
        if path.is_dir():
            yield from _walk(path)
        elif path.is_file():
            yield path
        elif path.is_symlink():
            yield Skipped(str(path), "cannot read: broken symbolic link")
        elif path.exists():
            yield Skipped(str(path), "not a regular file")
        else:
            yield Skipped(str(path), "no such file or folder")


def _walk(top: Path) -> Iterator[Path | Skipped]:
    errors: list[OSError] = []
    seen: set[tuple[int, int]] = set()
    found = False
    for root, dirs, files in os.walk(top, onerror=errors.append, followlinks=True):
        while errors:
            exc = errors.pop(0)
            yield Skipped(exc.filename or root, f"cannot read the folder: {exc.strerror or exc}")
        try:
            info = os.stat(root)
        except OSError as exc:
            yield Skipped(root, f"cannot read the folder: {exc.strerror or exc}")
            dirs[:] = []
            continue
        if (info.st_dev, info.st_ino) in seen:  # a link back up the tree, or a second link to one folder
            yield Skipped(root, "link to a folder already read (a loop, or a second way in): not read again")
            dirs[:] = []
            continue
        seen.add((info.st_dev, info.st_ino))
        for name in sorted(d for d in dirs if d.startswith(".")):
            yield Skipped(os.path.join(root, name), "hidden folder: passed over (give its path to read it)")
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                yield Skipped(os.path.join(root, name), "hidden file: passed over (give its path to read it)")
                continue
            found = True
            yield Path(root) / name
    while errors:
        exc = errors.pop(0)
        yield Skipped(exc.filename or str(top), f"cannot read the folder: {exc.strerror or exc}")
    if not found:
        yield Skipped(str(top), "folder holds no files")


def is_url(value: str | os.PathLike) -> bool:
    return str(value).lower().startswith(("http://", "https://"))


def read_url(url: str, fetcher) -> Iterator[Source | Skipped]:
    """A web page (one article) or a feed (one per entry), fetched with ``fetcher``
    (:class:`crosswire.fetch.Fetcher`)."""
    from crosswire import formats

    item = fetcher.fetch(url)
    if isinstance(item, Source) and item.kind == "feed-url":
        yield from formats.read_feed(url, item.raw.encode("utf-8"), "utf-8")
    else:
        yield item


def read_paths(
    paths: Iterable[str | os.PathLike],
    max_bytes: int = DEFAULT_MAX_BYTES,
    fields: Mapping[str, str] | None = None,
    fetcher=None,
    archives: dict[str, WarcStats] | None = None,
) -> Iterator[Source | Skipped]:
    """Every input as :class:`Source` or :class:`Skipped` items (feeds and exports give several per file).

    ``http(s)://`` inputs, and remote feeds listed in OPML files, are fetched with ``fetcher``
    (:class:`crosswire.fetch.Fetcher`); without one, a URL is fetched with the default settings
    (giving a URL is asking for the network) and remote feeds in OPML files are skipped.
    ``archives`` receives the record counts of every web archive read (see :func:`read_file`).
    """
    read: dict[tuple[int, int], str] = {}  # (device, inode) of each file read: a file given twice is read once
    for raw in paths:
        if is_url(raw):
            if fetcher is None:
                from crosswire.fetch import Fetcher

                fetcher = Fetcher()
            yield from read_url(str(raw), fetcher)
            continue
        for item in iter_files([raw]):
            if isinstance(item, Skipped):
                yield item
                continue
            if item.is_symlink() and not item.exists():
                yield Skipped(str(item), "cannot read: broken symbolic link")
                continue
            try:
                info = item.stat()
                key = (info.st_dev, info.st_ino)
            except OSError:
                key = None  # read_file gives the reason
            if key in read:
                yield Skipped(str(item), f"the same file as {read[key]}, already read (given twice, or through a link)")
                continue
            if key is not None:
                read[key] = str(item)
            yield from read_file(item, max_bytes, fields, fetcher, archives)
