"""The blind quote sets' selection rule (``bench/pick_quote_set.py``) picks the committed sets again."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from tests.conftest import SHARED

BENCH = Path(__file__).resolve().parents[1] / "bench"
DOCS = SHARED / "data" / "mds" / "duc2004" / "docs"


@pytest.fixture(scope="module")
def pick():
    if not DOCS.is_dir():
        pytest.skip("../shared DUC 2004 documents not present")
    sys.path.insert(0, str(BENCH))
    try:
        spec = importlib.util.spec_from_file_location("bench_pick", BENCH / "pick_quote_set.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.path.remove(str(BENCH))


def _docs(name: str) -> list[str]:
    lines = (BENCH / "data" / name).read_text(encoding="utf-8").splitlines()
    return sorted({json.loads(line)["doc"] for line in lines if line.strip()})


SET_25 = "duc2004_quotes_heldout25.jsonl"
SET_26 = "duc2004_quotes_heldout26.jsonl"


@pytest.mark.parametrize(("seed", "gold", "later"), [(2040, SET_25, {SET_26}), (2041, SET_26, set())])
def test_a_seed_picks_its_set_again_once_it_and_later_sets_are_left_out(pick, seed, gold, later):
    pool = pick.Pool(DOCS, {gold} | later)
    picks, _ = pool.pick(seed, 80)
    assert sorted(picks) == _docs(gold)


def test_no_annotated_article_is_left_in_the_pool(pick):
    pool = pick.Pool(DOCS, set())
    left = set(pool.left())
    assert left and not left & pool.annotated
    assert all(pool.marks(doc) >= 1 and len(pool.bodies[doc]) <= pick.MAX_CHARS for doc in left)
