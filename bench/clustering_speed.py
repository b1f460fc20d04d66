"""Dedup + clustering throughput against an earlier revision of crosswire, measured in one run.

This machine's speed drifts by a third from one hour to the next, so a throughput figure alone
says little. This script runs ``bench/clustering.py``'s ``throughput()`` (the same synthetic
stream of DUC sentences, two worker processes, the same back-pressure) alternately on the
``src`` of ``--ours`` (default HEAD) and of ``--peer``, each a git revision checked out into a
temporary worktree (so uncommitted edits never leak into a figure), ``--rounds`` times each,
every run in a fresh process, and prints the median articles per second of each and their ratio.
Both sides must find the same near-duplicates and make the same stories (same code path, same data); the script says so.

Run: ``.venv/bin/python bench/clustering_speed.py --peer REV`` (``--ours REV``; ``--synthetic N``, default
100,000; ``--rounds N``, default 2). Results: ``bench/results/clustering_speed.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from statistics import median

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import REPO, table, write_results

_CHILD = """
import json, sys
sys.path.insert(0, {bench!r})
import clustering
articles, gold, _ = clustering.load("duc2004")
result = clustering.throughput(clustering.pools_from(articles, gold), {n})
keep = ("articles_per_second", "seconds", "peak_rss_mb_main", "near_duplicates_found", "false_alarms", "stories_made")
print("RESULT " + json.dumps({{k: result[k] for k in keep}}))
"""


def run(src: Path, n: int) -> dict:
    env = {**os.environ, "PYTHONPATH": str(src)}
    code = _CHILD.format(bench=str(REPO / "bench"), n=n)
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False)
    lines = [line for line in out.stdout.splitlines() if line.startswith("RESULT ")]
    if out.returncode or not lines:
        sys.exit(f"throughput run failed with {src}:\n{out.stderr[-2000:]}")
    return json.loads(lines[-1][len("RESULT ") :])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--peer", required=True, help="git revision to compare with (e.g. HEAD~3)")
    parser.add_argument("--ours", default="HEAD", help="git revision measured (default HEAD)")
    parser.add_argument("--synthetic", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()

    def rev(name: str) -> str:
        return subprocess.run(
            ["git", "rev-parse", "--short", name], cwd=REPO, capture_output=True, text=True, check=True
        ).stdout.strip()

    ours_rev, peer_rev = rev(args.ours), rev(args.peer)
    names = {f"ours {ours_rev}": ours_rev, f"peer {peer_rev}": peer_rev}
    runs: dict[str, list[dict]] = {name: [] for name in names}
    with tempfile.TemporaryDirectory(prefix="cw-speed-") as tmp:
        trees = {}
        try:
            for k, (name, revision) in enumerate(names.items()):
                trees[name] = Path(tmp) / f"tree{k}"
                subprocess.run(
                    ["git", "worktree", "add", "-q", "--detach", str(trees[name]), revision], cwd=REPO, check=True
                )
            for k in range(args.rounds):
                for name in list(names) if k % 2 == 0 else list(reversed(names)):
                    runs[name].append(run(trees[name] / "src", args.synthetic))
                    print(f"round {k + 1}, {name}: {runs[name][-1]['articles_per_second']} articles/s", file=sys.stderr)
        finally:
            for tree in trees.values():
                subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=REPO, check=False)

    summary = {}
    for name, rs in runs.items():
        summary[name] = {
            "articles_per_second": [r["articles_per_second"] for r in rs],
            "median_articles_per_second": median(r["articles_per_second"] for r in rs),
            "median_peak_rss_mb_main": round(median(r["peak_rss_mb_main"] for r in rs), 1),
            "near_duplicates_found": sorted({r["near_duplicates_found"] for r in rs}),
            "stories_made": sorted({r["stories_made"] for r in rs}),
        }
    ours, peer = summary[f"ours {ours_rev}"], summary[f"peer {peer_rev}"]
    same = (
        ours["near_duplicates_found"] == peer["near_duplicates_found"] and ours["stories_made"] == peer["stories_made"]
    )
    ratio = round(ours["median_articles_per_second"] / peer["median_articles_per_second"], 2)
    rows = [
        [name, s["articles_per_second"], s["median_articles_per_second"], s["median_peak_rss_mb_main"],
         s["near_duplicates_found"], s["stories_made"]]
        for name, s in summary.items()
    ]  # fmt: skip
    print(table(["code", "articles/s per run", "median", "peak RSS main MB", "near-dups found", "stories"], rows))
    print(f"ratio {ratio}; same near-duplicates and stories: {same}")
    path = write_results(
        "clustering_speed",
        {
            "synthetic_articles": args.synthetic,
            "rounds": args.rounds,
            "ours": ours_rev,
            "peer": peer_rev,
            "systems": summary,
            "ratio_median": ratio,
            "same_results": same,
            "command": "python bench/clustering_speed.py " + " ".join(sys.argv[1:]),
        },
    )
    print(f"results: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
