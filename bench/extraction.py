"""HTML extraction on hand-written news pages: body kept, boilerplate leaked, metadata left in the body.

Systems, same run, same pages: crosswire (``read_paths`` + ``clean``: trafilatura with metadata,
then our cleaning), bare ``trafilatura.extract`` with its defaults, and newspaper4k when it is
installed (``pip install newspaper4k``; it pulls no PyTorch). The bare systems get the page as a
browser would decode it (the charset its meta tag declares); crosswire reads the file itself.

The pages and their gold are in ``tests/fixtures/extraction``: 10 pages imitating real layouts
(WordPress with comments, a national outlet with JSON-LD and inline "Read more:" links, wire copy,
a feature with captions and a pull quote, a live blog, a metered paywall with a cookie dialog, AMP,
paragraphs in <div>s between ads, an author bio with video teasers, a windows-1252 page) plus the
two pages of ``tests/fixtures/formats``. ``gold.json`` lists, per page, fragments of the article
body, of every kind of boilerplate, and the headline, byline and date lines; its ``about`` says how.

* body kept: share of the gold body fragments found in the output;
* boilerplate leaked: share of the gold boilerplate fragments found in the output (and of pull-quote
  repeats: a body fragment the output holds twice);
* metadata in body: share of the headline, byline and date lines found in the body text (crosswire
  moves them to the article's fields; a bare extractor may leave them in its text).

Matching is case-insensitive on whitespace-collapsed text, curly quotes and dashes folded.
Needs no shared data. Run: ``.venv/bin/python bench/extraction.py [--show]``
(``--show`` prints every missed body fragment, leak and metadata line, per page and system).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import REPO, table, versions, write_results

FIXTURES = REPO / "tests" / "fixtures" / "extraction"
GOLD_PATH = FIXTURES / "gold.json"

_FOLD = str.maketrans(
    {"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-", "\u00a0": " ", "\u00ad": ""}
)


def load_gold() -> dict[str, dict]:
    """``{page path relative to tests/fixtures/extraction: its gold}``."""
    with open(GOLD_PATH, encoding="utf-8") as f:
        return json.load(f)["pages"]


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text).translate(_FOLD)).strip().lower()


def page_html(path: Path) -> str:
    """The page's text as a browser decodes it: the charset its meta tag declares, else UTF-8."""
    data = path.read_bytes()
    declared = re.search(rb"<meta[^>]+charset=[\"']?([\w-]+)", data[:4096], re.I)
    try:
        return data.decode(declared.group(1).decode("ascii") if declared else "utf-8")
    except (LookupError, UnicodeDecodeError):
        return data.decode("utf-8", "replace")


def score(text: str, gold: dict) -> dict:
    """What one output keeps, leaks and leaves in, against one page's gold."""
    flat = _norm(text)
    lines = {_norm(line).strip(" .:") for line in text.splitlines()}

    def found(fragment: str) -> bool:
        if fragment.startswith("="):  # a label that must stand as a whole line
            return _norm(fragment[1:]) in lines
        return _norm(fragment) in flat

    missed = [s for s in gold["body"] if not found(s)]
    leaked = [s for s in gold["boilerplate"] if found(s)]
    leaked += [f"(twice) {s}" for s in gold.get("once", []) if flat.count(_norm(s)) > 1]
    return {
        "body_kept": len(gold["body"]) - len(missed),
        "body": len(gold["body"]),
        "missed": missed,
        "leaked": leaked,
        "boilerplate": len(gold["boilerplate"]) + len(gold.get("once", [])),
        "metadata_in_body": [s for s in gold["metadata"] if found(s)],
        "metadata": len(gold["metadata"]),
    }


def crosswire_text(path: Path) -> str:
    from crosswire.clean import clean
    from crosswire.model import Source
    from crosswire.read import read_paths

    (item,) = read_paths([path])
    return clean(item).text if isinstance(item, Source) else ""


def trafilatura_text(path: Path) -> str:
    import trafilatura

    return trafilatura.extract(page_html(path)) or ""


def newspaper_text(path: Path) -> str:
    import newspaper

    article = newspaper.Article("https://example.invalid/" + path.name)
    article.download(input_html=page_html(path))
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


def run(found: dict, gold: dict[str, dict]) -> dict[str, dict]:
    results: dict[str, dict] = {}
    for name, extract in found.items():
        pages = {}
        t0 = time.perf_counter()
        for page, page_gold in gold.items():
            pages[page] = score(extract(FIXTURES / page), page_gold)
        seconds = time.perf_counter() - t0
        kept = sum(p["body_kept"] for p in pages.values())
        leaked = sum(len(p["leaked"]) for p in pages.values())
        meta = sum(len(p["metadata_in_body"]) for p in pages.values())
        results[name] = {
            "body_kept": round(kept / sum(p["body"] for p in pages.values()), 3),
            "boilerplate_leaked": round(leaked / sum(p["boilerplate"] for p in pages.values()), 3),
            "metadata_in_body": round(meta / sum(p["metadata"] for p in pages.values()), 3),
            "seconds": round(seconds, 3),
            "pages": pages,
        }
    return results


def _page_name(page: str) -> str:
    return Path(page).name


def show(results: dict[str, dict]) -> None:
    for page in next(iter(results.values()))["pages"]:
        print(f"\n== {page}")
        for name, r in results.items():
            p = r["pages"][page]
            if not (p["missed"] or p["leaked"] or p["metadata_in_body"]):
                print(f"  {name}: clean")
                continue
            print(f"  {name}:")
            for label, items in (("missed", p["missed"]), ("leaked", p["leaked"]), ("metadata", p["metadata_in_body"])):
                for s in items:
                    print(f"    {label:8} {s}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--show", action="store_true", help="print every miss, leak and metadata line")
    args = parser.parse_args(argv)

    gold = load_gold()
    found, missing = systems()
    results = run(found, gold)

    n_body = sum(len(g["body"]) for g in gold.values())
    n_boiler = sum(len(g["boilerplate"]) + len(g.get("once", [])) for g in gold.values())
    n_meta = sum(len(g["metadata"]) for g in gold.values())
    print(f"{len(gold)} pages: {n_body} body fragments, {n_boiler} boilerplate fragments, {n_meta} metadata lines\n")
    rows = [
        [n, f"{r['body_kept']:.1%}", f"{r['boilerplate_leaked']:.1%}", f"{r['metadata_in_body']:.1%}", r["seconds"]]
        for n, r in results.items()
    ]
    print(table(["system", "body kept", "boilerplate leaked", "metadata in body", "seconds (incl. import)"], rows))
    print("\nper page: body kept / boilerplate leaked / metadata in body\n")
    page_rows = []
    for page in gold:
        cells = []
        for r in results.values():
            p = r["pages"][page]
            cells.append(
                f"{p['body_kept']}/{p['body']} · {len(p['leaked'])}/{p['boilerplate']} · "
                f"{len(p['metadata_in_body'])}/{p['metadata']}"
            )
        page_rows.append([_page_name(page), *cells])
    print(table(["page", *results], page_rows))
    for name, why in missing.items():
        print(f"{name}: {why}")
    if args.show:
        show(results)
    write_results(
        "extraction",
        {
            "pages": list(gold),
            "fragments": {"body": n_body, "boilerplate": n_boiler, "metadata": n_meta},
            "versions": versions("trafilatura", "newspaper4k"),
            "results": results,
            "missing": missing,
            "note": f"{len(gold)} hand-written pages imitating real layouts; gold: tests/fixtures/extraction/gold.json",
        },
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
