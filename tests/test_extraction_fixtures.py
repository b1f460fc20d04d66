"""HTML extraction on the hand-written news pages of tests/fixtures/extraction, against gold.json.

For every page, crosswire (``read_paths`` + ``clean``, as ``bench/extraction.py`` runs it) must keep
at least 90% of the gold body fragments, leak at most 20% of the gold boilerplate fragments, and
leave no headline, byline or date line in the body. Matching is the benchmark's: case-insensitive
on whitespace-collapsed text, curly quotes and dashes folded; a fragment starting with ``=`` must be
a whole line of the output.

At the time of writing crosswire keeps every body fragment and leaks 3 of 15 fragments on the live
blog, 1 of 15 on the paywalled page and none elsewhere (see BENCHMARKS.md, section 9).
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import lxml.html
import pytest

from crosswire.clean import clean
from crosswire.model import Source
from crosswire.read import read_paths

FIXTURES = Path(__file__).parent / "fixtures" / "extraction"
GOLD = json.loads((FIXTURES / "gold.json").read_text(encoding="utf-8"))["pages"]

MIN_BODY_KEPT = 0.9
MAX_BOILERPLATE_LEAKED = 0.2

_BLOCKS = (
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "header", "footer", "nav", "section", "article", "aside",
    "figure", "figcaption", "blockquote", "br", "td", "tr", "form", "button", "time", "address", "cite",
)  # fmt: skip

_FOLD = str.maketrans(
    {"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-", "\u00a0": " ", "\u00ad": ""}
)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text).translate(_FOLD)).strip().lower()


def _found(fragment: str, text: str) -> bool:
    if fragment.startswith("="):
        return _norm(fragment[1:]) in {_norm(line).strip(" .:") for line in text.splitlines()}
    return _norm(fragment) in _norm(text)


def _leaked(gold: dict, text: str) -> list[str]:
    leaks = [s for s in gold["boilerplate"] if _found(s, text)]
    leaks += [f"(twice) {s}" for s in gold.get("once", []) if _norm(text).count(_norm(s)) > 1]
    return leaks


def _page_text(path: Path) -> str:
    """Every visible line of the page, as a browser decodes it (the charset its meta tag declares)."""
    data = path.read_bytes()
    declared = re.search(rb"<meta[^>]+charset=[\"']?([\w-]+)", data[:4096], re.I)
    root = lxml.html.fromstring(data.decode(declared.group(1).decode() if declared else "utf-8"))
    for node in root.xpath("//script|//style|//noscript|//template|//head"):
        node.drop_tree()
    for node in root.iter(*_BLOCKS):
        node.text, node.tail = "\n" + (node.text or ""), "\n" + (node.tail or "")
    return "\n".join(line.strip() for line in root.text_content().splitlines() if line.strip())


def _crosswire_text(path: Path) -> str:
    (item,) = read_paths([path])
    assert isinstance(item, Source), item
    return clean(item).text


def _check(gold: dict, text: str) -> list[str]:
    """The thresholds a page's output misses, with the fragments behind them; empty when it passes."""
    problems = []
    missed = [s for s in gold["body"] if not _found(s, text)]
    if len(missed) > (1 - MIN_BODY_KEPT) * len(gold["body"]):
        problems.append(f"body kept {len(gold['body']) - len(missed)}/{len(gold['body'])}, missed: {missed}")
    leaks = _leaked(gold, text)
    total = len(gold["boilerplate"]) + len(gold.get("once", []))
    if len(leaks) > MAX_BOILERPLATE_LEAKED * total:
        problems.append(f"boilerplate leaked {len(leaks)}/{total}: {leaks}")
    meta = [s for s in gold["metadata"] if _found(s, text)]
    if meta:
        problems.append(f"headline, byline or date left in the body: {meta}")
    return problems


@pytest.mark.parametrize("page", sorted(GOLD))
def test_gold_matches_its_page(page):
    """The gold describes the page: every fragment is on it, and body fragments appear once (pull quotes twice)."""
    text = _norm(_page_text(FIXTURES / page))
    once = {_norm(s) for s in GOLD[page].get("once", [])}
    for fragment in GOLD[page]["body"]:
        assert text.count(_norm(fragment)) == (2 if _norm(fragment) in once else 1), fragment
    for fragment in GOLD[page]["boilerplate"] + GOLD[page]["metadata"]:
        assert _norm(fragment.removeprefix("=")) in text, fragment


@pytest.mark.parametrize("page", sorted(GOLD))
def test_crosswire_extracts_the_article(page):
    assert _check(GOLD[page], _crosswire_text(FIXTURES / page)) == []


@pytest.mark.parametrize("page", sorted(p for p in GOLD if not p.startswith("..")))
def test_whole_page_text_fails(page):
    """The check can fail: all of a page's visible text leaks far more boilerplate than it allows."""
    problems = _check(GOLD[page], _page_text(FIXTURES / page))
    assert any(p.startswith("boilerplate leaked") for p in problems)
