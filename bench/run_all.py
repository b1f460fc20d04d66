"""Run every benchmark (``make bench``), each in its own process; then print the headline figures.

Each runs in its own process, so the throughput benchmark's peak memory is its own. Arguments
after ``--`` are not supported; run a script alone for its options, e.g.
``.venv/bin/python bench/throughput.py --jobs 2``.

Run: ``.venv/bin/python bench/run_all.py``
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import BENCH, RESULTS, shared_dir

SCRIPTS = [
    "quotes.py",
    "cleaning.py",
    "throughput.py",
    "matmul.py",
    "components.py",
    "summaries.py",
    "origins.py",
    "offstory.py",
    "brief_speed.py",
    "embeddings.py",
    "clustering.py",
    "extraction.py",
    "warc_speed.py",
    "ingest.py",
    "ingest_state.py",
]


def main() -> int:
    shared_dir()  # fail early, with the message, when the data is missing
    failed = []
    for script in SCRIPTS:
        print(f"\n=== bench/{script}", flush=True)
        t0 = time.perf_counter()
        code = subprocess.call([sys.executable, str(BENCH / script)])
        status = "ok" if code == 0 else f"FAILED (exit {code})"
        print(f"=== bench/{script}: {status} in {time.perf_counter() - t0:.0f} s")
        if code:
            failed.append(script)
    print("\n=== summary")
    summary()
    if failed:
        print(f"failed: {', '.join(failed)}")
        return 1
    return 0


def summary() -> None:
    def load(name: str) -> dict | None:
        path = RESULTS / f"{name}.json"
        return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None

    if quotes := load("quotes"):
        for dataset, systems in quotes["results"].items():
            for system, r in systems.items():
                print(f"quotes {dataset:8} {system:24} P {r['precision']:.3f} R {r['recall']:.3f} F1 {r['f1']:.3f}")
    if cleaning := load("cleaning"):
        for dataset, r in cleaning["results"].items():
            print(
                f"cleaning {dataset:9} removed {r['removed_share']:.1%} of {r['non_empty_lines']} lines; "
                f"sentence-like removals {r['sentence_like_removals']}, "
                f"sentence-like titles {r['sentence_like_titles']}"
            )
    if throughput := load("throughput"):
        cw, floor = throughput["crosswire"], throughput["spacy_pipe"]
        print(
            f"throughput crosswire {cw['articles_per_second']} articles/s, spaCy floor {floor['articles_per_second']}"
            f" articles/s; peak RSS crosswire {cw['peak_rss_gb']} GB, floor {floor['peak_rss_gb']} GB"
        )
        for name, goal in throughput["goals"].items():
            print(f"goal {name} {goal['goal']}: {goal['value']} -> {'met' if goal['met'] else 'NOT met'}")
    if summaries := load("summaries"):
        for dataset, r in summaries["results"].items():
            for system, e in r["systems"].items():
                if e["kind"] in ("crosswire", "baseline"):
                    r1, r2 = e["rouge1"], e["rouge2"]
                    print(
                        f"summaries {dataset:9} {system:14} recall R-1 {r1['recall']:.2f} R-2 {r2['recall']:.2f},"
                        f" F1 R-1 {r1['f1']:.2f} R-2 {r2['f1']:.2f}"
                    )
            if goal := r.get("goal"):
                print(f"goal summaries {dataset}: {goal['goal']} -> {'met' if goal['met'] else 'NOT met'}")
    if origins := load("origins"):
        for system, per_category in origins["results"].items():
            for category in ("seeds", "synthetic (brief)", "synthetic (all)"):
                r = per_category.get(category)
                if r:
                    d, p = r["directed"], r["pairs"]
                    print(
                        f"origins {category:17} {system:14} directed P {_num(d['precision'])} R {_num(d['recall'])}"
                        f" pairs P {_num(p['precision'])} R {_num(p['recall'])};"
                        f" groups right {r['groups_right']}/{r['stories']}"
                    )
    if clustering := load("clustering"):
        _clustering_summary(clustering)
    if extraction := load("extraction"):
        for system, r in extraction["results"].items():
            print(
                f"extraction {system:26} body kept {r['body_kept']:.1%}, boilerplate leaked "
                f"{r['boilerplate_leaked']:.1%}, metadata in body {r['metadata_in_body']:.1%}"
            )
    if warc := load("warc"):
        for system, r in warc["results"].items():
            print(f"warc {system:22} {r['records_per_second']} records/s, {r['ratio_to_warcio_bare']}x warcio bare")
    if speed := load("brief_speed"):
        for name, goal in speed["goals"].items():
            print(f"goal {name} {goal['goal']}: {goal['value']} s -> {'met' if goal['met'] else 'NOT met'}")


def _clustering_summary(clustering: dict) -> None:
    for dataset in ("duc2004", "multinews"):
        r = clustering.get(dataset)
        if not r:
            continue
        for system, e in r["systems"].items():
            b = e["bcubed"]
            print(f"clustering {dataset:9} {system:44} B3 P {b['precision']:.3f} R {b['recall']:.3f} F1 {b['f1']:.3f}")
        print(f"goal clustering {dataset}: {r['goal']['goal']} -> {'met' if r['goal']['met'] else 'NOT met'}")
    if t := clustering.get("throughput"):
        print(f"clustering throughput {t['articles_per_second']} articles/s, peak RSS main {t['peak_rss_mb_main']} MB")
    if d := clustering.get("dedup"):
        for system in ("crosswire Deduplicator", "datasketch MinHashLSH"):
            print(f"dedup {system}: recall {d[system]['recall']}, {d[system]['seconds']} s")


def _num(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


if __name__ == "__main__":
    sys.exit(main())
