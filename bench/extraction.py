"""HTML extraction on the hand-written pages in tests/fixtures/formats: body kept, boilerplate leaked.

Systems, same run, same pages: crosswire (``read_paths`` + ``clean``: trafilatura with metadata,
then our cleaning), bare ``trafilatura.extract`` with its defaults, and newspaper4k when it is
installed (``pip install newspaper4k``; it pulls no PyTorch).

* body kept: share of the gold body sentences found (whitespace- and case-normalised) in the output;
* boilerplate leaked: share of the gold boilerplate snippets (menus, cookie banner, related links,
  footer, share tools) found in the output;
* metadata in body: share of the headline, byline and date lines found in the body text (crosswire
  moves them to the article's fields; a bare extractor may leave them in its text).

The gold is written below, from the fixtures. Needs no shared data.
Run: ``.venv/bin/python bench/extraction.py``
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import REPO, table, write_results

FIXTURES = REPO / "tests" / "fixtures" / "formats"

GOLD = {
    "harbour_page.html": {
        "body": [
            "Container ships queued outside the port of Easthaven on Wednesday",
            "with no talks scheduled between the union and the port authority",
            "The Harbour Workers Union said about 1,200 members had walked out over pay and shift patterns",
            "We will stay out until the authority puts a real offer on the table",
            "said Tomas Reyes, the union's general secretary",
            "The port authority said the stoppage was costing local businesses an estimated 4 million euros a day",
            "Shipping lines have begun diverting vessels to the neighbouring port of Northgate",
            "could handle a limited number of extra containers this week",
        ],
        "boilerplate": [
            "Subscribe for unlimited access",
            "We use cookies",
            "Related stories",
            "Ferry fares to rise again",
            "Council approves new marina plan",
            "Sign up to our morning newsletter",
            "All rights reserved",
        ],
        "metadata": ["By Maria Lindqvist", "13 November 2024", "Harbour cranes stand idle"],
    },
    "market_page.htm": {
        "body": [
            "Traders at the Easthaven fish market said on Thursday that the dock strike had cut their sales by half",
            "as refrigerated containers waited offshore",
            "Every day the ships sit out there, we lose stock we cannot sell",
            "said Ana Duarte, who runs a wholesale stall near the quay",
            "She said several smaller traders had already sent staff home",
            "The chamber of commerce asked the regional government to appoint a mediator",
            "threatened hundreds of jobs beyond the port itself",
        ],
        "boilerplate": [
            "Log in",
            "E-paper edition",
            "Front page",
            "Obituaries",
            "Share this article",
            "Most read",
            "Weekend weather warning",
            "School bus timetable",
            "Advertise with us",
            "Cookie settings",
        ],
        "metadata": ["Fish market traders count losses"],
    },
}


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().lower()


def crosswire_text(path: Path, html: str) -> str:
    from crosswire.clean import clean
    from crosswire.model import Source
    from crosswire.read import read_paths

    (item,) = read_paths([path])
    return clean(item).text if isinstance(item, Source) else ""


def trafilatura_text(path: Path, html: str) -> str:
    import trafilatura

    return trafilatura.extract(html) or ""


def newspaper_text(path: Path, html: str) -> str:
    import newspaper

    article = newspaper.Article("https://example.invalid/" + path.name)
    article.download(input_html=html)
    article.parse()
    return article.text or ""


def systems() -> tuple[dict, dict]:
    found = {"crosswire": crosswire_text, "trafilatura (bare extract)": trafilatura_text}
    missing = {}
    try:
        import newspaper  # noqa: F401

        found["newspaper4k"] = newspaper_text
    except ImportError as exc:
        missing["newspaper4k"] = f"not installed ({exc})"
    return found, missing


def main() -> int:
    found, missing = systems()
    results: dict[str, dict] = {}
    for name, extract in found.items():
        kept = body_total = leaked = boiler_total = meta = meta_total = 0
        pages = {}
        t0 = time.perf_counter()
        for page, gold in GOLD.items():
            path = FIXTURES / page
            text = _norm(extract(path, path.read_text(encoding="utf-8")))
            k = sum(_norm(s) in text for s in gold["body"])
            leaks = [s for s in gold["boilerplate"] if _norm(s) in text]
            in_body = [s for s in gold["metadata"] if _norm(s) in text]
            pages[page] = {"body_kept": k, "body": len(gold["body"]), "leaked": leaks, "metadata_in_body": in_body}
            meta, meta_total = meta + len(in_body), meta_total + len(gold["metadata"])
            kept, body_total = kept + k, body_total + len(gold["body"])
            leaked, boiler_total = leaked + len(leaks), boiler_total + len(gold["boilerplate"])
        results[name] = {
            "body_kept": round(kept / body_total, 3),
            "boilerplate_leaked": round(leaked / boiler_total, 3),
            "metadata_in_body": round(meta / meta_total, 3),
            "seconds": round(time.perf_counter() - t0, 3),
            "pages": pages,
        }
    rows = [
        [n, f"{r['body_kept']:.1%}", f"{r['boilerplate_leaked']:.1%}", f"{r['metadata_in_body']:.1%}", r["seconds"]]
        for n, r in results.items()
    ]
    print(table(["system", "body kept", "boilerplate leaked", "metadata in body", "seconds (incl. import)"], rows))
    for name, why in missing.items():
        print(f"{name}: {why}")
    note = f"{len(GOLD)} hand-written pages only: a smoke test of extraction, not a corpus measure."
    write_results(
        "extraction",
        {"pages": sorted(GOLD), "results": results, "missing": missing, "note": note},
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
