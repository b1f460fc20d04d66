"""Cleaning: how much of each input crosswire's cleaning removes, and why.

For the five seed articles and every article of the Multi-News sample (690 web scrapes):

* every non-empty input line ends as body, title, or removed (with the reason crosswire
  records); a line whose dateline or trailing credit was cut off but whose rest stays in the
  body is counted as *trimmed*, not removed;
* *sentence-like removals* are removed lines that read like a body sentence (>= 8 words,
  ending in sentence punctuation): the candidates for body text lost by mistake (expected: none
  on the seeds); *sentence-like titles* are first paragraphs taken as the title although they
  read like a body sentence (the body loses them; the title keeps them);
* pages cleaning warns *may not be an article* (no sentence of prose, or mostly links and site
  prompts) are counted and listed: the text stays, the warning says why;
* a reproducible random sample (fixed seed) of 40 Multi-News removals is printed with its
  reason for a person to check by eye (the verdicts are in BENCHMARKS.md).

Run: ``.venv/bin/python bench/cleaning.py`` (``--sample N``, ``--seed S``, ``--all-sentences``).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import multinews_documents, read_seed, seed_paths, table, versions, write_results

SAMPLE_SEED = 20041998
SAMPLE_SIZE = 40
_SENTENCE_END = re.compile(r"[.!?…][\"'’”)\]]*$")


@dataclass
class Outcome:
    """What cleaning did with the lines of one input."""

    name: str
    lines: int = 0
    title: int = 0
    body: int = 0
    removed: Counter = field(default_factory=Counter)  # reason -> lines
    trimmed: Counter = field(default_factory=Counter)  # reason -> lines cut partly (dateline, credit)
    removals: list = field(default_factory=list)  # every Removal record
    sentence_like: list = field(default_factory=list)  # (reason, text) of removed sentence-like lines
    title_sentence: str | None = None  # the title, when it reads like a body sentence
    empty: bool = False  # nothing left in the body
    warnings: list = field(default_factory=list)  # cleaning's warnings ("may not be an article: …")


def paragraphs_with_lines(raw: str) -> list[tuple[str, int]]:
    """crosswire's paragraphs of ``raw``, each with the number of non-empty input lines in it."""
    from crosswire.clean import split_paragraphs

    out: list[tuple[str, int]] = []
    block: list[str] = []
    for line in [*raw.split("\n"), ""]:
        line = line.strip()
        if line:
            block.append(line)
            continue
        if block:
            paras = split_paragraphs("\n".join(block))
            if len(paras) == 1 and len(block) > 1:
                out.append((paras[0], len(block)))  # hard-wrapped lines joined into one paragraph
            else:
                out.extend((p, 1) for p in paras)
            block = []
    return out


def sentence_like(text: str) -> bool:
    return len(text.split()) >= 8 and bool(_SENTENCE_END.search(text.strip()))


def measure(name: str, raw: str) -> Outcome:
    from crosswire.clean import clean_text

    cleaned = clean_text(raw)
    out = Outcome(
        name,
        removals=list(cleaned.removed),
        empty=not any(p.strip() for p in cleaned.body),
        warnings=list(cleaned.warnings),
    )
    paras = paragraphs_with_lines(raw)
    out.lines = sum(n for _, n in paras)
    fate: list[str | None] = [None] * len(paras)  # None: body; "title"; or a removal reason
    for removal in cleaned.removed:
        whole = next((i for i, (p, _) in enumerate(paras) if fate[i] is None and p == removal.text), None)
        if whole is not None:
            fate[whole] = removal.reason
            continue
        part = next((i for i, (p, _) in enumerate(paras) if fate[i] is None and removal.text in p), None)
        if part is not None:
            out.trimmed[removal.reason] += paras[part][1]
    if cleaned.title is not None:
        if sentence_like(cleaned.title):
            out.title_sentence = cleaned.title
        i = next((i for i, (p, _) in enumerate(paras) if fate[i] is None and p == cleaned.title), None)
        if i is not None:
            fate[i] = "title"
    for (text, n), what in zip(paras, fate, strict=True):
        if what is None:
            out.body += n
        elif what == "title":
            out.title += n
        else:
            out.removed[what] += n
            if sentence_like(text):
                out.sentence_like.append((what, text))
    return out


def summarise(outcomes: list[Outcome]) -> dict:
    lines = sum(o.lines for o in outcomes)
    removed = Counter()
    trimmed = Counter()
    for o in outcomes:
        removed.update(o.removed)
        trimmed.update(o.trimmed)
    n_removed = sum(removed.values())
    sentence_like_by_reason = Counter(reason for o in outcomes for reason, _ in o.sentence_like)
    return {
        "articles": len(outcomes),
        "non_empty_lines": lines,
        "body_lines": sum(o.body for o in outcomes),
        "title_lines": sum(o.title for o in outcomes),
        "removed_lines": n_removed,
        "removed_share": round(n_removed / lines, 4) if lines else 0.0,
        "removed_by_reason": {
            r: {"lines": n, "share": round(n / lines, 4)} for r, n in sorted(removed.items(), key=lambda kv: -kv[1])
        },
        "trimmed_lines_by_reason": dict(sorted(trimmed.items())),
        "removal_records": sum(len(o.removals) for o in outcomes),
        "articles_with_no_body_left": sum(o.empty for o in outcomes),
        "articles_warned_not_an_article": sum(bool(o.warnings) for o in outcomes),
        "sentence_like_removals": sum(sentence_like_by_reason.values()),
        "sentence_like_removals_by_reason": dict(sentence_like_by_reason.most_common()),
        "sentence_like_titles": sum(o.title_sentence is not None for o in outcomes),
    }


def _short(text: str, width: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sample", type=int, default=SAMPLE_SIZE, help="removals to sample from Multi-News")
    parser.add_argument("--seed", type=int, default=SAMPLE_SEED, help="random seed of the sample")
    parser.add_argument("--all-sentences", action="store_true", help="print every sentence-like removal")
    args = parser.parse_args(argv)

    datasets = {
        "seeds": [measure(p.name, read_seed(p)) for p in seed_paths()],
        "multinews": [measure(f"row {row} doc {pos}", text) for row, pos, text in multinews_documents()],
    }
    results = {name: summarise(outs) for name, outs in datasets.items()}

    rows = []
    for name, r in results.items():
        lines = r["non_empty_lines"]
        reasons = ", ".join(f"{k} {v['lines'] / lines:.1%}" for k, v in r["removed_by_reason"].items())
        rows.append(
            [
                name,
                r["articles"],
                r["non_empty_lines"],
                f"{r['removed_lines']} ({r['removed_lines'] / lines:.1%})",
                r["title_lines"],
                r["sentence_like_removals"],
                r["sentence_like_titles"],
                reasons or "-",
            ]
        )
    headers = [
        "dataset",
        "articles",
        "lines",
        "removed",
        "title",
        "sentence-like removed",
        "sentence-like title",
        "removed by reason",
    ]
    print(table(headers, rows))
    for name, r in results.items():
        if r["trimmed_lines_by_reason"]:
            print(f"{name}: lines trimmed (prefix/suffix cut, rest kept): {r['trimmed_lines_by_reason']}")
        if r["articles_with_no_body_left"]:
            print(f"{name}: {r['articles_with_no_body_left']} articles left with no body text")
        if r["articles_warned_not_an_article"]:
            print(f"{name}: {r['articles_warned_not_an_article']} pages warned they may not be articles:")
            for o in datasets[name]:
                for warning in o.warnings:
                    print(f"  {o.name:16} {warning}")

    for name, outs in datasets.items():
        found = [(o.name, reason, text) for o in outs for reason, text in o.sentence_like]
        if found and (args.all_sentences or name == "seeds"):
            print(f"\nsentence-like removals in {name}:")
            for doc, reason, text in found:
                print(f"  {doc} [{reason}] {_short(text)}")
        titles = [(o.name, o.title_sentence) for o in outs if o.title_sentence]
        if titles and (args.all_sentences or name == "seeds"):
            print(f"\nsentence-like titles in {name} (a lead sentence taken out of the body as the title?):")
            for doc, text in titles:
                print(f"  {doc} {_short(text)}")

    pool = [(o.name, i, rem) for o in datasets["multinews"] for i, rem in enumerate(o.removals)]
    sample = random.Random(args.seed).sample(pool, min(args.sample, len(pool)))
    print(f"\nrandom sample of {len(sample)} of {len(pool)} Multi-News removals (seed {args.seed}):")
    for k, (doc, _, rem) in enumerate(sample, 1):
        print(f"{k:3}. {doc:16} [{rem.reason}] {_short(rem.text)}")

    path = write_results(
        "cleaning",
        {
            "command": ".venv/bin/python bench/cleaning.py",
            "versions": versions("crosswire"),
            "results": results,
            "sample": {
                "seed": args.seed,
                "size": len(sample),
                "pool": len(pool),
                # where each sampled removal is (no article text is stored in the repository)
                "items": [{"doc": doc, "removal_index": i, "reason": rem.reason} for doc, i, rem in sample],
            },
        },
    )
    print(f"wrote {path.relative_to(path.parents[2])}")
    return results


if __name__ == "__main__":
    main()
