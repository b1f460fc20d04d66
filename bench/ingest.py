"""Ingest throughput: ``crosswire ingest`` over the 500 DUC 2004 articles, analysis included.

The peer, measured in the same run on the same files, is the analysis alone (read, clean, analyse
with ``Analyzer.analyze_many``): the floor below which ingest cannot go, since every new article
is analysed once. Ingest adds dedup, story assignment, the SQLite writes (one transaction per
batch) and the story rebuilds at the end.

The DUC bodies are written to a temporary folder as text files, each headed by its date
(``October 16, 1998``, from the DOCNO) so the cleaner sets ``published``; nothing is kept.

Both run with the same number of worker processes (``--jobs``, default one per core, as
``crosswire ingest`` does for 40 or more new articles).

Run: ``.venv/bin/python bench/ingest.py [--limit N] [--jobs N]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import resource
import tempfile
import time
from pathlib import Path

from _common import REPO, duc_body, duc_paths, table, versions, write_results

GOAL = 20.0


def write_corpus(folder: Path, limit: int | None) -> int:
    seen = set()
    n = 0
    for path in duc_paths():
        if path.name in seen:  # a few DOCNOs sit in two clusters
            continue
        seen.add(path.name)
        m = re.match(r"[A-Z]+(\d{4})(\d\d)(\d\d)\.", path.name)
        date = dt.date(int(m[1]), int(m[2]), int(m[3])).strftime("%B %-d, %Y") if m else ""
        body = duc_body(path.read_text(encoding="ascii"))
        (folder / f"{path.name}.txt").write_text(f"{date}\n\n{body.strip()}\n", encoding="utf-8")
        n += 1
        if limit and n >= limit:
            break
    return n


def peak_rss_gb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024, 2)


def peak_child_gb() -> float:
    """The largest finished worker's peak (getrusage reports the maximum over children, not a sum)."""
    return round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024 / 1024, 2)


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="articles (default: all 500)")
    parser.add_argument(
        "--jobs", type=int, default=0, help="analysis worker processes for both (default 0: one per core, as the CLI)"
    )
    args = parser.parse_args(argv)
    workers = args.jobs or (os.cpu_count() or 1)

    from crosswire.analyze import Analyzer
    from crosswire.ingest import ingest_paths
    from crosswire.service import prepare
    from crosswire.store import Store

    analyzer = Analyzer()
    analyzer.analyze_many(prepare([REPO / "examples" / "sample_story"])[0])  # warm the model: cold start excluded
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "duc"
        corpus.mkdir()
        n = write_corpus(corpus, args.limit)

        start = time.perf_counter()
        articles, _ = prepare([corpus])
        done = list(analyzer.analyze_many(articles, n_process=workers))
        analysis_s = time.perf_counter() - start

        start = time.perf_counter()
        with Store(f"sqlite:///{Path(tmp) / 'bench.db'}") as store:
            report = ingest_paths([corpus], store, analyzer=analyzer, jobs=workers)
            ingest_s = time.perf_counter() - start
            stories = len(store.stories())
        again_start = time.perf_counter()
        with Store(f"sqlite:///{Path(tmp) / 'bench.db'}") as store:
            again = ingest_paths([corpus], store, analyzer=analyzer)
        again_s = time.perf_counter() - again_start

    rows = [
        ["analysis alone (read, clean, analyse)", len(done), round(analysis_s, 1), round(len(done) / analysis_s, 2)],
        ["crosswire ingest (+ dedup, stories, SQLite, rebuilds)", n, round(ingest_s, 1), round(n / ingest_s, 2)],
        ["ingest again (everything already stored)", n, round(again_s, 1), round(n / again_s, 2)],
    ]
    print(table(["what", "articles", "seconds", "articles/s"], rows))
    rate = n / ingest_s
    print(
        f"ingest: {len(report.added)} added, {len(report.duplicates)} near-duplicates, "
        f"{len(report.skipped)} skipped; {stories} stories; re-ingest added {len(again.added)}"
    )
    print(
        f"ingest is {rate / (len(done) / analysis_s):.2f} of the analysis-only rate ({workers} worker processes); "
        f"peak RSS of the main process {peak_rss_gb()} GB, of one worker {peak_child_gb()} GB"
    )
    print(f"goal ingest >= {GOAL:g} articles/s: {rate:.2f} -> {'met' if rate >= GOAL else 'NOT met'}")
    results = {
        "articles": n,
        "jobs": workers,
        "analysis_only": {"seconds": round(analysis_s, 2), "articles_per_second": round(len(done) / analysis_s, 2)},
        "ingest": {
            "seconds": round(ingest_s, 2),
            "articles_per_second": round(rate, 2),
            "added": len(report.added),
            "duplicates": len(report.duplicates),
            "skipped": len(report.skipped),
            "stories": stories,
        },
        "reingest": {"seconds": round(again_s, 2), "added": len(again.added)},
        "peak_rss_gb": peak_rss_gb(),
        "peak_rss_gb_largest_worker": peak_child_gb(),
        "goal": {"ingest_articles_per_second": GOAL, "met": rate >= GOAL},
    }
    if args.limit is None:
        path = write_results(
            "ingest",
            {"command": ".venv/bin/python bench/ingest.py", "versions": versions("crosswire", "spacy"), **results},
        )
        print(f"wrote {path.relative_to(REPO)}")
    return results


if __name__ == "__main__":
    main()
