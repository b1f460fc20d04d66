"""Helpers shared by the benchmark scripts: where the data is, how to read it, where results go.

The data lives outside the repository, in ``../shared`` next to the repo root (override with the
environment variable ``CROSSWIRE_SHARED``). Its text is never copied into the repository: the
gold files in ``bench/data`` hold offsets only, and ``bench/results`` holds numbers only.
"""

from __future__ import annotations

import ast
import csv
import datetime as dt
import json
import os
import platform
import sys
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "bench"
DATA = BENCH / "data"
RESULTS = BENCH / "results"


def shared_dir() -> Path:
    """The shared data folder; exit with a clear message when it is missing."""
    env = os.environ.get("CROSSWIRE_SHARED")
    root = Path(env) if env else REPO.parent / "shared"
    needed = [root / "seeds", root / "data" / "mds" / "duc2004" / "docs"]
    missing = [p for p in needed if not p.is_dir()]
    if missing:
        where = f"CROSSWIRE_SHARED={env}" if env else f"{root} (../shared next to the repository)"
        sys.exit(
            f"benchmark data not found: {', '.join(str(p) for p in missing)} missing under {where}. "
            "Point CROSSWIRE_SHARED at the shared data folder (the one holding seeds/ and data/mds/)."
        )
    return root


def seed_paths() -> list[Path]:
    return sorted((shared_dir() / "seeds").glob("*.txt"))


def read_seed(path: Path) -> str:
    """A seed file's text as the gold offsets see it."""
    with open(path, encoding="utf-8") as f:
        return f.read()


def duc_docs_dir() -> Path:
    return shared_dir() / "data" / "mds" / "duc2004" / "docs"


def duc_paths() -> list[Path]:
    """All DUC 2004 documents (``dNNNNNt/DOCNO``), in a stable order."""
    return sorted(p for p in duc_docs_dir().glob("d*t/*") if p.is_file())


def duc_body(raw: str) -> str:
    """The text between ``<TEXT>`` and ``</TEXT>`` of one DUC SGML document."""
    return raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]


def read_duc(doc: str) -> str:
    """The body of DUC document ``dNNNNNt/DOCNO``, as the gold offsets see it."""
    with open(duc_docs_dir() / doc, encoding="ascii") as f:
        return duc_body(f.read())


def multinews_rows(limit: int | None = None) -> Iterator[tuple[int, list[str], str]]:
    """Every story of the Multi-News sample as ``(row, its articles' texts, reference summary)``."""
    path = shared_dir() / "data" / "mds" / "multinews_sample250" / "sample_validation.csv"
    if not path.is_file():
        sys.exit(f"benchmark data not found: {path}")
    csv.field_size_limit(1 << 30)
    with open(path, encoding="utf-8", newline="") as f:
        for row_no, row in enumerate(csv.DictReader(f)):
            if limit is not None and row_no >= limit:
                break
            yield row_no, ast.literal_eval(row["documents"]), row["summary"]


_MULTINEWS: dict[int, list[str]] = {}


def read_multinews(doc: str) -> str:
    """The text of Multi-News article ``multinews/<row>/<pos>``, as the gold offsets see it.

    ``row`` is the 0-based row of the sample's CSV and ``pos`` the article's index in that row's
    ``documents`` list; the text is the list item itself, untouched. The rows are read once.
    """
    prefix, row, pos = doc.split("/")
    if prefix != "multinews":
        raise ValueError(f"not a Multi-News document id: {doc}")
    if not _MULTINEWS:
        _MULTINEWS.update((row_no, texts) for row_no, texts, _ in multinews_rows())
    return _MULTINEWS[int(row)][int(pos)]


def multinews_documents() -> list[tuple[int, int, str]]:
    """Every article of the Multi-News sample as ``(row, position in row, text)``."""
    return [(row_no, pos, text) for row_no, texts, _ in multinews_rows() for pos, text in enumerate(texts)]


def load_gold(name: str) -> list[dict]:
    with open(DATA / name, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def machine() -> dict:
    return {
        "cores": os.cpu_count(),
        "cpu": _cpu_model(),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def _cpu_model() -> str | None:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or None


def versions(*packages: str) -> dict:
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for name in packages:
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = None
    return out


def code_version() -> dict:
    """The commit benchmarked, and whether src/ had uncommitted changes."""
    import subprocess

    def git(*args: str) -> str | None:
        try:
            out = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, timeout=30, check=True)
        except (OSError, subprocess.SubprocessError):
            return None
        return out.stdout.strip()

    status = git("status", "--porcelain", "--", "src")
    return {"commit": git("rev-parse", "--short", "HEAD"), "src_modified": bool(status) if status is not None else None}


def write_results(name: str, data: dict) -> Path:
    """Write ``bench/results/<name>.json`` with the date and machine added."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    payload = {
        "benchmark": name,
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "code": code_version(),
        **data,
    }
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def table(headers: list[str], rows: list[list]) -> str:
    """A plain-text table (also valid Markdown)."""
    cells = [[str(h) for h in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |" for r in cells]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)
