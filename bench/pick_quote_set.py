"""Pick the DUC 2004 articles of the next blind quote set, and show what the selection rule has left.

This is the rule the held-out sets from the tenth on were chosen by (``bench/data/README.md``), kept
outside the repository until the thirtieth session. Only marks, lengths and shingles are counted:
no system runs, so picking a set says nothing about crosswire's output on it.

An article is eligible when no gold file holds it, its ``<TEXT>`` body has at most 11,000
characters, it appears in one cluster only, no other article has the same body, it has at least
one `````` opening mark, and it shares at most 0.3 Jaccard of 5-word shingles with every annotated
or already picked article. Four clusters are left out: crosswire's speakers were read on all their
articles before any gold existed (``d30001t``, ``d30003t``, ``d30017t``, ``d31026t``).

A round sorts the clusters by name, shuffles them with ``random.Random(seed)`` and, in that order,
takes from each the eligible article with the most marks (a tie to the first DOCNO) until the set
reaches ``--marks`` opening marks.

Run:

* ``.venv/bin/python bench/pick_quote_set.py --seed 2042``: the next set's articles, one per line
  (``--without FILE`` treats a gold file as not annotated: with ``--seed 2041 --without
  duc2004_quotes_heldout26.jsonl`` it picks the twenty-sixth set again);
* ``.venv/bin/python bench/pick_quote_set.py --pool``: how many eligible articles and opening marks
  are left, and the best the pooled first-run speaker figure could still reach (``--pooled
  RIGHT/TOTAL``, the first runs so far, as BENCHMARKS.md gives them) if every quote left were
  annotated and every one scored right.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import DATA, duc_body, shared_dir

MAX_CHARS = 11_000
MAX_JACCARD = 0.3
SEEN_CLUSTERS = frozenset({"d30001t", "d30003t", "d30017t", "d31026t"})


def shingles(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return {tuple(words[i : i + 5]) for i in range(len(words) - 4)}


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


class Pool:
    """The DUC 2004 articles and which of them the selection rule may still pick."""

    def __init__(self, docs: Path, without: set[str]):
        self.bodies: dict[str, str] = {}
        clusters_of: dict[str, set[str]] = defaultdict(set)
        for cluster in sorted(p.name for p in docs.iterdir() if p.is_dir()):
            for path in sorted((docs / cluster).iterdir()):
                doc = f"{cluster}/{path.name}"
                self.bodies[doc] = duc_body(path.read_text(encoding="ascii"))
                clusters_of[path.name].add(cluster)
        self.docs = sorted(self.bodies)
        self.clusters = sorted({doc.split("/")[0] for doc in self.bodies} - SEEN_CLUSTERS)
        copies: dict[str, int] = defaultdict(int)
        for body in self.bodies.values():
            copies[body] += 1
        self.annotated = annotated_docs(without)
        self.shingles = {doc: shingles(body) for doc, body in self.bodies.items()}
        self.taken = [self.shingles[doc] for doc in self.annotated if doc in self.shingles]
        self._plain = {
            doc
            for doc, body in self.bodies.items()
            if doc not in self.annotated
            and len(body) <= MAX_CHARS
            and len(clusters_of[doc.split("/")[1]]) == 1
            and copies[body] == 1
            and body.count("``") >= 1
        }

    def marks(self, doc: str) -> int:
        return self.bodies[doc].count("``")

    def eligible(self, doc: str) -> bool:
        return doc in self._plain and all(jaccard(self.shingles[doc], s) <= MAX_JACCARD for s in self.taken)

    def pick(self, seed: int, marks: int) -> tuple[list[str], list[str]]:
        """A round: the picked articles, and the clusters reached that had none left. The picks
        then count as taken: one pool makes one round."""
        order = list(self.clusters)
        random.Random(seed).shuffle(order)
        picks, empty, total = [], [], 0
        for cluster in order:
            if total >= marks:
                break
            candidates = [d for d in self.docs if d.startswith(cluster + "/") and self.eligible(d)]
            if not candidates:
                empty.append(cluster)
                continue
            best = max(candidates, key=self.marks)  # max keeps the first of a tie: the first DOCNO
            picks.append(best)
            self.taken.append(self.shingles[best])
            total += self.marks(best)
        return picks, empty

    def left(self) -> list[str]:
        """Every article some sequence of rounds could still pick (each against the gold only)."""
        return [d for d in self.docs if d.split("/")[0] in self.clusters and self.eligible(d)]


def annotated_docs(without: set[str]) -> set[str]:
    docs = set()
    for path in sorted(DATA.glob("duc2004_quotes*.jsonl")):
        if path.name in without:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                docs.add(json.loads(line)["doc"])
    return docs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, help="the round's shuffle seed")
    parser.add_argument("--marks", type=int, default=80, help="opening marks a set reaches (default 80)")
    parser.add_argument("--without", action="append", default=[], help="a gold file to treat as not annotated")
    parser.add_argument("--pool", action="store_true", help="what the rule has left, and the pooled figure's ceiling")
    parser.add_argument("--pooled", default="1175/1358", help="first-run speakers right/total so far")
    args = parser.parse_args(argv)
    if args.seed is None and not args.pool:
        parser.error("give --seed N to pick a set, or --pool")
    pool = Pool(shared_dir() / "data" / "mds" / "duc2004" / "docs", set(args.without))
    if args.pool:
        left = pool.left()
        marks = sum(pool.marks(d) for d in left)
        right, total = (int(x) for x in args.pooled.split("/"))
        print(
            f"{len(pool.annotated)} articles annotated; {len(left)} eligible articles left in "
            f"{len({d.split('/')[0] for d in left})} clusters, {marks} opening marks"
        )
        print(
            f"pooled first runs {right}/{total} = {right / total:.3f}; with every mark left a quote "
            f"and every one right: {right + marks}/{total + marks} = {(right + marks) / (total + marks):.3f}"
        )
        return 0
    picks, empty = pool.pick(args.seed, args.marks)
    for doc in picks:
        print(doc)
    print(
        f"{len(picks)} articles, {sum(pool.marks(d) for d in picks)} opening marks; "
        f"{len(empty)} clusters reached had none left: {' '.join(empty)}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
