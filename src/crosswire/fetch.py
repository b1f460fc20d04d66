"""Pages and feeds from the web, fetched politely and safely, as :class:`Source` or :class:`Skipped`.

API::

    with Fetcher(user_agent=DEFAULT_USER_AGENT, timeout=10, max_bytes=5_000_000, retries=3,
                 backoff=1.0, per_host_delay=1.0, respect_robots=True, allow_private=False,
                 cache_path=None, extract=None) as fetcher:
        item = fetcher.fetch("https://example.org/story")   # Source | Skipped

* An HTML page goes through ``extract(html, url)`` (:mod:`crosswire.webtext`; ``None`` means
  trafilatura when installed, else the page is skipped with "HTML extraction unavailable") and
  comes back as a ``Source`` with ``kind="url"``, ``source_path`` = the URL asked for, ``url`` =
  the URL after redirects.
* A feed (RSS, Atom, RDF, OPML or any XML) comes back undecoded by any feed parser: a
  ``Source`` with ``kind="feed-url"`` whose ``raw`` is the feed's text, for the feed reader.
* Everything else is a ``Skipped`` with the reason: DNS failure, refused address, timeout,
  HTTP error, robots.txt, size cap, content type, too many redirects, "not modified since last
  fetch".

How it behaves:

* **User agent** ``crosswire/<version> (+PROJECT_URL)``; robots.txt (RFC 9309 through
  ``urllib.robotparser``) is fetched once per origin through the same client: a 4xx means no
  rules, a 5xx or an unreachable server means stay out.
* **Rate limit**: at least ``per_host_delay`` seconds between two requests to one host.
* **Retries**: ``retries`` more attempts on 429/5xx, timeouts and refused connections, waiting
  ``backoff * 2**n`` seconds (or the server's ``Retry-After``, up to 60 s).
* **Size cap**: the body is streamed and dropped past ``max_bytes`` (decompressed) bytes.
* **Conditional requests**: with ``cache_path`` (a small JSON file), each URL's ``ETag`` and
  ``Last-Modified`` are kept and sent back, so a feed polled twice fetches nothing new: the
  server's 304 gives ``Skipped(url, "not modified since last fetch")``.
* **SSRF**: unless ``allow_private``, a host is resolved and refused when any address is
  private, loopback, link-local, multicast, reserved or otherwise not global. Redirects are
  followed by hand (at most 5) and each hop is checked again; the connection itself is made to
  the address that was checked (so a DNS answer that changes in between gains nothing).
  ``resolver(host, port) -> [ip, ...]`` and ``transport`` (an ``httpx`` transport, used as is)
  can be injected, for tests.
"""

from __future__ import annotations

import email.utils
import ipaddress
import json
import os
import socket
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from crosswire import __version__
from crosswire.model import Skipped, Source
from crosswire.read import DecodeError
from crosswire.webtext import NO_EXTRACTION, Extractor, decode_body, default_extractor, is_feed, is_html, media_type

PROJECT_URL = "https://github.com/crosswire/crosswire"
DEFAULT_USER_AGENT = f"crosswire/{__version__} (+{PROJECT_URL})"
MAX_REDIRECTS = 5
ROBOTS_MAX_BYTES = 512_000
RETRY_STATUSES = {429, 500, 502, 503, 504}
NOT_MODIFIED = "not modified since last fetch"

Resolver = Callable[[str, int], list[str]]


def system_resolver(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (raises ``socket.gaierror``)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(info[4][0] for info in infos))


def address_problem(ip: str) -> str | None:
    """Why ``ip`` must not be fetched from (``"loopback"``, ``"private"``, …), or ``None`` when it is public."""
    addr = ipaddress.ip_address(ip.split("%", 1)[0])
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped:
        addr = addr.ipv4_mapped
    for name in ("loopback", "link_local", "multicast", "unspecified", "reserved", "private"):
        if getattr(addr, f"is_{name}"):
            return name.replace("_", "-")
    return None if addr.is_global else "non-public"


class _Stop(Exception):
    """Ends one fetch with a reason for the user."""


@dataclass
class _Response:
    status: int
    phrase: str
    url: str
    headers: httpx.Headers
    body: bytes
    attempts: int


class _GuardedBackend(httpcore.SyncBackend):
    """Connects only to addresses the fetcher has checked, resolving through its resolver."""

    def __init__(self, fetcher: Fetcher):
        self.fetcher = fetcher

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        ips = self.fetcher._safe_addresses(host, port)
        return super().connect_tcp(ips[0], port, timeout, local_address, socket_options)


class Fetcher:
    """See the module doc. Not thread-safe; use one per thread."""

    def __init__(
        self,
        *,
        user_agent: str = DEFAULT_USER_AGENT,
        timeout: float = 10.0,
        max_bytes: int = 5_000_000,
        retries: int = 3,
        backoff: float = 1.0,
        per_host_delay: float = 1.0,
        respect_robots: bool = True,
        allow_private: bool = False,
        cache_path: str | os.PathLike | None = None,
        extract: Extractor | None = None,
        resolver: Resolver | None = None,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.user_agent = user_agent
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.retries = retries
        self.backoff = backoff
        self.per_host_delay = per_host_delay
        self.respect_robots = respect_robots
        self.allow_private = allow_private
        self.extract = extract or default_extractor()
        self.resolver = resolver or system_resolver
        self.sleep = sleep
        self.clock = clock
        self.cache_path = Path(cache_path) if cache_path else None
        self.cache: dict[str, dict[str, str]] = self._load_cache()
        self._last: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser] = {}
        if transport is None:
            transport = httpx.HTTPTransport(retries=0)
            if not allow_private:
                transport._pool._network_backend = _GuardedBackend(self)
        self.client = httpx.Client(
            headers={"User-Agent": user_agent},
            timeout=timeout,
            follow_redirects=False,
            trust_env=False,
            transport=transport,
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    # --- public ---

    def fetch(self, url: str) -> Source | Skipped:
        try:
            return self._fetch(url)
        except _Stop as stop:
            return Skipped(url, str(stop))

    # --- one URL, redirects followed by hand ---

    def _fetch(self, url: str) -> Source | Skipped:
        current = url
        for _hop in range(MAX_REDIRECTS + 1):
            self._check_url(current)
            if self.respect_robots and not self._robots_allow(current):
                raise _Stop(f"disallowed by robots.txt of {_origin(current)}")
            cached = self.cache.get(current, {})
            conditional = {}
            if cached.get("etag"):
                conditional["If-None-Match"] = cached["etag"]
            if cached.get("last_modified"):
                conditional["If-Modified-Since"] = cached["last_modified"]
            resp = self._get(current, conditional, self.max_bytes)
            if resp.status in (301, 302, 303, 307, 308):
                location = resp.headers.get("Location")
                if not location:
                    raise _Stop(f"HTTP {resp.status} redirect without a Location")
                current = urljoin(current, location)
                continue
            if resp.status == 304:
                return Skipped(url, NOT_MODIFIED)
            if resp.status >= 300:
                tries = f" after {resp.attempts} attempts" if resp.attempts > 1 else ""
                raise _Stop(f"HTTP {resp.status} {resp.phrase}{tries}".rstrip())
            self._remember(current, resp.headers)
            return self._source(url, resp)
        raise _Stop(f"too many redirects (more than {MAX_REDIRECTS})")

    def _source(self, url: str, resp: _Response) -> Source | Skipped:
        content_type = resp.headers.get("Content-Type")
        feed = is_feed(content_type, resp.body)
        if not feed and not is_html(content_type, resp.body):
            return Skipped(url, f"not an HTML page or a feed ({media_type(content_type) or 'no content type'})")
        try:
            text, encoding = decode_body(resp.body, content_type)
        except DecodeError as exc:
            return Skipped(url, str(exc))
        if feed:
            return Source(source_path=url, raw=text, encoding=encoding, kind="feed-url", url=resp.url)
        if self.extract is None:
            return Skipped(url, NO_EXTRACTION)
        try:
            result = self.extract(text, resp.url)
        except Exception as exc:  # an extractor's bug must not end a polling run
            return Skipped(url, f"HTML extraction failed ({type(exc).__name__}: {exc})")
        if isinstance(result, Skipped):
            return Skipped(url, result.reason)
        result.source_path = url
        result.kind = "url"
        result.url = resp.url
        result.encoding = encoding
        return result

    # --- safety ---

    def _check_url(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise _Stop(f"not an http(s) URL: {url}")
        if not parts.hostname:
            raise _Stop(f"no host in URL: {url}")
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError as exc:
            raise _Stop(f"bad port in URL: {url}") from exc
        self._safe_addresses(parts.hostname, port)

    def _safe_addresses(self, host: str, port: int) -> list[str]:
        try:
            ips = [str(ipaddress.ip_address(host.strip("[]")))]
        except ValueError:
            ips = self._resolve(host, port)
        if not self.allow_private:
            for ip in ips:
                problem = address_problem(ip)
                if problem:
                    shown = host if host == ip else f"{host} resolves to {ip}, which"
                    raise _Stop(f"refused: {shown} is a {problem} address (allow it with --allow-private)")
        return ips

    def _resolve(self, host: str, port: int) -> list[str]:
        try:
            ips = list(self.resolver(host, port))
        except (OSError, UnicodeError) as exc:
            raise _Stop(f"DNS lookup failed for {host}: {getattr(exc, 'strerror', None) or exc}") from exc
        if not ips:
            raise _Stop(f"DNS lookup failed for {host}: no address")
        return ips

    # --- robots.txt ---

    def _robots_allow(self, url: str) -> bool:
        origin = _origin(url)
        rp = self._robots.get(origin)
        if rp is None:
            rp = self._robots[origin] = self._load_robots(origin)
        return rp.can_fetch(self.user_agent, url)

    def _load_robots(self, origin: str) -> urllib.robotparser.RobotFileParser:
        rp = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
        current = origin + "/robots.txt"
        try:
            for _hop in range(MAX_REDIRECTS + 1):
                self._check_url(current)
                resp = self._get(current, {}, ROBOTS_MAX_BYTES)
                if resp.status in (301, 302, 303, 307, 308) and resp.headers.get("Location"):
                    current = urljoin(current, resp.headers["Location"])
                    continue
                break
            else:
                resp = None
        except _Stop:
            resp = None
        if resp is None or resp.status >= 500:
            rp.disallow_all = True  # RFC 9309: unreachable robots.txt means stay out
        elif resp.status >= 300:
            rp.allow_all = True
        else:
            rp.parse(resp.body.decode("utf-8", errors="replace").splitlines())
        return rp

    # --- HTTP ---

    def _wait(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            wait = last + self.per_host_delay - self.clock()
            if wait > 0:
                self.sleep(wait)
        self._last[host] = self.clock()

    def _get(self, url: str, headers: dict[str, str], max_bytes: int) -> _Response:
        host = (urlsplit(url).hostname or "").lower()
        attempt = 0
        while True:
            attempt += 1
            last_try = attempt > self.retries
            self._wait(host)
            try:
                with self.client.stream("GET", url, headers=headers) as r:
                    if r.status_code in RETRY_STATUSES and not last_try:
                        self.sleep(self._delay(attempt, r.headers.get("Retry-After")))
                        continue
                    body = b"" if r.status_code >= 300 else _read_capped(r, max_bytes)
                    return _Response(r.status_code, r.reason_phrase, str(r.url), r.headers, body, attempt)
            except httpx.TimeoutException as exc:
                if last_try:
                    raise _Stop(f"timed out after {self.timeout:g} s ({attempt} attempts)") from exc
            except httpx.ConnectError as exc:
                if last_try:
                    raise _Stop(f"cannot connect ({exc or type(exc).__name__}; {attempt} attempts)") from exc
            except httpx.HTTPError as exc:
                raise _Stop(f"request failed ({type(exc).__name__}: {exc})") from exc
            self.sleep(self._delay(attempt, None))

    def _delay(self, attempt: int, retry_after: str | None) -> float:
        if retry_after:
            try:
                return min(60.0, max(0.0, float(retry_after)))
            except ValueError:
                when = email.utils.parsedate_to_datetime(retry_after) if retry_after else None
                if when is not None:
                    return min(60.0, max(0.0, when.timestamp() - time.time()))
        return self.backoff * 2 ** (attempt - 1)

    # --- conditional requests ---

    def _load_cache(self) -> dict[str, dict[str, str]]:
        if self.cache_path is None or not self.cache_path.is_file():
            return {}
        try:
            data = json.loads(self.cache_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _remember(self, url: str, headers: httpx.Headers) -> None:
        if self.cache_path is None:
            return
        entry = {k: v for k, v in (("etag", headers.get("ETag")), ("last_modified", headers.get("Last-Modified"))) if v}
        if not entry and url not in self.cache:
            return
        self.cache[url] = entry
        tmp = self.cache_path.with_name(self.cache_path.name + ".tmp")
        tmp.write_text(json.dumps(self.cache, indent=1, sort_keys=True), encoding="utf-8")
        tmp.replace(self.cache_path)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _read_capped(response: httpx.Response, max_bytes: int) -> bytes:
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise _Stop(f"larger than {max_bytes} bytes (Content-Length {declared})")
    chunks, total = [], 0
    for chunk in response.iter_bytes():
        total += len(chunk)
        if total > max_bytes:
            raise _Stop(f"larger than {max_bytes} bytes")
        chunks.append(chunk)
    return b"".join(chunks)
