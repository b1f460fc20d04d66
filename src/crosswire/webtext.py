"""Helpers shared by the web readers (:mod:`crosswire.warc`, :mod:`crosswire.fetch`).

API:

* ``Extractor = Callable[[str, str], Source | Skipped]``: the hook that turns a page's HTML text
  and its URL into a :class:`Source` (main text in ``raw``, metadata in ``title``, ``byline``,
  ``published``, ``outlet``) or a :class:`Skipped`. The readers then set ``source_path``,
  ``kind``, ``url`` and ``encoding`` themselves, so an extractor need not.
* :func:`default_extractor` returns the extractor HTML files get
  (:func:`crosswire.formats.extract_html`) when trafilatura is importable, else ``None``;
  readers given ``None`` skip HTML with :data:`NO_EXTRACTION`.
* :func:`decode_body` decodes a web payload: the charset the HTTP header declares, else the one
  the document declares (``<meta charset>``, the XML declaration), else the same detection
  :func:`crosswire.read.decode` applies to text files.
* :func:`is_html` / :func:`is_feed` classify a ``Content-Type`` (and sniff the body when the
  type says nothing).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Callable

from crosswire.model import Skipped, Source
from crosswire.read import DecodeError, decode

Extractor = Callable[[str, str], "Source | Skipped"]

NO_EXTRACTION = "HTML extraction unavailable (install trafilatura, or pass an extractor)"

HTML_TYPES = {"text/html", "application/xhtml+xml"}
FEED_TYPES = {
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
    "application/x-rss+xml",
    "application/feed+json",
}

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""", re.I)


def media_type(content_type: str | None) -> str:
    """``text/html; charset=utf-8`` -> ``text/html``."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def header_charset(content_type: str | None) -> str | None:
    m = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", content_type or "", re.I)
    return m.group(1) if m else None


def is_html(content_type: str | None, body: bytes = b"") -> bool:
    kind = media_type(content_type)
    if kind in HTML_TYPES:
        return True
    if kind in ("", "text/plain", "application/octet-stream"):
        head = body[:1024].lstrip().lower()
        return head.startswith((b"<!doctype html", b"<html"))
    return False


def is_feed(content_type: str | None, body: bytes = b"") -> bool:
    kind = media_type(content_type)
    if kind in FEED_TYPES:
        return True
    if kind in ("", "text/plain", "application/octet-stream"):
        head = body[:1024].lstrip().lower()
        return head.startswith(b"<?xml") or head.startswith((b"<rss", b"<feed", b"<rdf:rdf", b"<opml"))
    return False


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_body(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Decode a web payload to ``(text, encoding)``; raise :class:`DecodeError` when it is not text."""
    if not body.strip():
        raise DecodeError("empty response")
    head = body[:4096]
    m = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    for declared in (header_charset(content_type), m.group(1).decode("ascii") if m else None):
        codec = _codec(declared)
        if codec is None:
            continue
        if codec in ("latin-1", "iso8859-1", "ascii"):
            codec = "cp1252"  # what browsers do with these labels (WHATWG Encoding)
        try:
            text = body.decode(codec)
        except UnicodeDecodeError:
            continue
        if text.startswith("\ufeff"):
            text = text[1:]
        return unicodedata.normalize("NFC", text), codec
    text, encoding = decode(body)
    return unicodedata.normalize("NFC", text), encoding


def default_extractor() -> Extractor | None:
    """The extractor HTML files get (:func:`crosswire.formats.extract_html`, trafilatura), or
    ``None`` when trafilatura is not installed."""
    try:
        import trafilatura  # noqa: F401
    except ImportError:
        return None
    from crosswire.formats import extract_html

    return extract_html
