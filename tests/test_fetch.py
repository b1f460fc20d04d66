"""URL fetching against a local HTTP server this test starts (never the internet)."""

from __future__ import annotations

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from crosswire.fetch import DEFAULT_USER_AGENT, NOT_MODIFIED, Fetcher, address_problem
from crosswire.model import Skipped, Source

PAGE = b"<html><head><title>Strike ends</title></head><body><p>Dockers voted to end the strike.</p></body></html>"
FEED = b"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Harbour</title>
<item><title>Strike ends</title><link>http://h.test/a</link></item></channel></rss>"""


def extract(html: str, url: str) -> Source:
    return Source(url, html.split("<p>")[1].split("</p>")[0], "utf-8", kind="html", title="Strike ends")


class Handler(BaseHTTPRequestHandler):
    hits: dict[str, int]
    agents: list[str]

    def log_message(self, *args):
        pass

    def _send(self, status, body=b"", ctype="text/html; charset=utf-8", headers=None):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        self.hits[self.path] = self.hits.get(self.path, 0) + 1
        self.agents.append(self.headers.get("User-Agent", ""))
        path = self.path
        if path == "/robots.txt":
            self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        elif path == "/page":
            self._send(200, PAGE)
        elif path == "/feed":
            if self.headers.get("If-None-Match") == '"v1"':
                self.send_response(304)
                self.end_headers()
            else:
                self._send(200, FEED, "application/rss+xml", {"ETag": '"v1"'})
        elif path == "/flaky":
            if self.hits[path] < 3:
                self._send(503, b"busy")
            else:
                self._send(200, PAGE)
        elif path == "/down":
            self._send(503, b"busy")
        elif path == "/big":
            self._send(200, b"<html>" + b"x" * 5000 + b"</html>")
        elif path == "/stream-big":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<html>" + b"x" * 5000)
            self.close_connection = True
        elif path == "/private/page":
            self._send(200, PAGE)
        elif path == "/pdf":
            self._send(200, b"%PDF-1.4", "application/pdf")
        elif path == "/missing":
            self._send(404, b"no")
        elif path == "/hop":
            self._send(302, headers={"Location": "/page"})
        elif path == "/loop":
            self._send(302, headers={"Location": "/loop"})
        else:
            self._send(404, b"no")


@pytest.fixture()
def server():
    handler = type("H", (Handler,), {"hits": {}, "agents": []})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", handler
    finally:
        httpd.shutdown()
        httpd.server_close()


def local(**kw) -> Fetcher:
    kw = {"allow_private": True, "per_host_delay": 0, "backoff": 0, "extract": extract, "timeout": 5, **kw}
    return Fetcher(**kw)


def test_page_and_robots(server):
    base, handler = server
    with local() as f:
        page = f.fetch(base + "/page")
        assert isinstance(page, Source), page
        assert page.kind == "url" and page.raw == "Dockers voted to end the strike." and page.url == base + "/page"
        hop = f.fetch(base + "/hop")
        assert isinstance(hop, Source) and hop.source_path == base + "/hop" and hop.url == base + "/page"
        blocked = f.fetch(base + "/private/page")
        assert isinstance(blocked, Skipped) and "robots.txt" in blocked.reason
        assert "/private/page" not in handler.hits
        assert handler.hits["/robots.txt"] == 1
        assert "HTTP 404" in f.fetch(base + "/missing").reason
        assert "not an HTML page or a feed (application/pdf)" in f.fetch(base + "/pdf").reason
        assert "too many redirects" in f.fetch(base + "/loop").reason
    assert all(agent == DEFAULT_USER_AGENT for agent in handler.agents)
    assert DEFAULT_USER_AGENT.startswith("crosswire/")


def test_feed_conditional_poll(server, tmp_path):
    base, handler = server
    cache = tmp_path / "cache.json"
    with local(cache_path=cache) as f:
        feed = f.fetch(base + "/feed")
        assert isinstance(feed, Source) and feed.kind == "feed-url" and "<rss" in feed.raw
    with local(cache_path=cache) as f:  # a later run: the validators were kept on disk
        again = f.fetch(base + "/feed")
    assert again == Skipped(base + "/feed", NOT_MODIFIED)
    assert handler.hits["/feed"] == 2


def test_size_cap(server):
    base, _ = server
    with local(max_bytes=1000) as f:
        assert f.fetch(base + "/big").reason == "larger than 1000 bytes (Content-Length 5013)"
        assert f.fetch(base + "/stream-big").reason == "larger than 1000 bytes"


def test_retries_then_success(server):
    base, handler = server
    slept = []
    with local(sleep=slept.append, backoff=0.5) as f:
        page = f.fetch(base + "/flaky")
        assert isinstance(page, Source)
        assert handler.hits["/flaky"] == 3 and slept == [0.5, 1.0]
        down = f.fetch(base + "/down")
        assert down.reason == "HTTP 503 Service Unavailable after 4 attempts"


def test_timeout_and_dns_failure():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)  # accepts, never answers
    port = listener.getsockname()[1]
    try:
        with local(timeout=0.3, retries=1, respect_robots=False) as f:
            assert f.fetch(f"http://127.0.0.1:{port}/").reason == "timed out after 0.3 s (2 attempts)"
    finally:
        listener.close()

    def no_dns(host, port):
        raise socket.gaierror(-2, "Name or service not known")

    with Fetcher(resolver=no_dns) as f:
        assert (
            f.fetch("https://nowhere.test/").reason == "DNS lookup failed for nowhere.test: Name or service not known"
        )


def test_rate_limit_per_host(server):
    base, _ = server
    now = [100.0]
    slept = []

    def sleep(s):
        slept.append(round(s, 3))
        now[0] += s

    with local(per_host_delay=1.0, sleep=sleep, clock=lambda: now[0]) as f:
        f.fetch(base + "/page")
        f.fetch(base + "/page")
    assert slept == [1.0, 1.0]  # robots.txt, page, page: one per-host wait before each later request


@pytest.mark.parametrize(
    ("ip", "problem"),
    [("127.0.0.1", "loopback"), ("10.1.2.3", "private"), ("169.254.169.254", "link-local"), ("::1", "loopback")],
)
def test_address_problem(ip, problem):
    assert address_problem(ip) == problem
    assert address_problem("93.184.216.34") is None


def test_ssrf_refused_directly_and_via_redirect(server):
    base, handler = server
    resolved = {"news.test": ["93.184.216.34"], "inside.test": ["10.0.0.7"]}
    requested = []

    def resolver(host, port):
        return resolved[host]

    def app(request: httpx.Request) -> httpx.Response:
        requested.append(str(request.url))
        target = {
            "/to-loopback": base + "/page",
            "/to-metadata": "http://169.254.169.254/latest/meta-data/",
            "/to-ten": "http://10.0.0.1/admin",
            "/to-inside": "http://inside.test/",
        }.get(request.url.path)
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        if target:
            return httpx.Response(302, headers={"Location": target})
        return httpx.Response(200, html=PAGE.decode())

    with Fetcher(resolver=resolver, transport=httpx.MockTransport(app), per_host_delay=0, extract=extract) as f:
        assert isinstance(f.fetch("http://news.test/ok"), Source)
        for url, what in [
            (base + "/page", "127.0.0.1 is a loopback address"),
            ("http://169.254.169.254/", "169.254.169.254 is a link-local address"),
            ("http://10.0.0.1/", "10.0.0.1 is a private address"),
            ("http://news.test/to-loopback", "127.0.0.1 is a loopback address"),
            ("http://news.test/to-metadata", "169.254.169.254 is a link-local address"),
            ("http://news.test/to-ten", "10.0.0.1 is a private address"),
            ("http://news.test/to-inside", "inside.test resolves to 10.0.0.7, which is a private address"),
        ]:
            item = f.fetch(url)
            assert isinstance(item, Skipped) and item.reason.startswith("refused: ") and what in item.reason, item
    assert not handler.hits  # the local server was never reached
    assert all(u.startswith("http://news.test/") for u in requested)


def test_guarded_connection_checks_the_address_it_connects_to(server):
    base, handler = server
    port = base.rsplit(":", 1)[1]
    answers = iter([["93.184.216.34"], ["127.0.0.1"]])  # the DNS answer changes after the check

    with Fetcher(resolver=lambda h, p: next(answers), respect_robots=False, per_host_delay=0, extract=extract) as f:
        item = f.fetch(f"http://rebind.test:{port}/page")
    assert isinstance(item, Skipped) and "resolves to 127.0.0.1, which is a loopback address" in item.reason
    assert not handler.hits
