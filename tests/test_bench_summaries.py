"""The summary benchmark's ``--set`` option: which brief constants a development run may change."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from crosswire import brief

BENCH = Path(__file__).resolve().parents[1] / "bench"


@pytest.fixture(scope="module")
def summaries():
    sys.path.insert(0, str(BENCH))
    try:
        spec = importlib.util.spec_from_file_location("bench_summaries", BENCH / "summaries.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # its dataclasses look their module up there
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop("bench_summaries", None)
        sys.path.remove(str(BENCH))


def test_set_changes_the_constants_the_brief_reads(summaries, monkeypatch):
    monkeypatch.setattr(brief, "MIN_ORIGINS", brief.MIN_ORIGINS)
    monkeypatch.setattr(brief, "QUOTED", brief.QUOTED)
    done = summaries.set_brief_constants(["MIN_ORIGINS=3", "QUOTED=1"])
    assert done == ["MIN_ORIGINS=3", "QUOTED=1.0"]
    assert brief.MIN_ORIGINS == 3 and isinstance(brief.MIN_ORIGINS, int)
    assert brief.QUOTED == 1.0 and isinstance(brief.QUOTED, float)


@pytest.mark.parametrize(
    "assignment",
    ["NO_SUCH_CONSTANT=1", "MIN_ORIGINS", "MIN_ORIGINS=two", "MIN_ORIGINS=2.5", "_DANGLING=1", "concepts=1"],
)
def test_set_refuses_what_is_not_a_numeric_constant(summaries, assignment):
    before = {name: getattr(brief, name) for name in dir(brief) if name.isupper()}
    with pytest.raises(ValueError, match="--set"):
        summaries.set_brief_constants([assignment])
    assert {name: getattr(brief, name) for name in dir(brief) if name.isupper()} == before


def test_no_assignment_changes_nothing(summaries):
    assert summaries.set_brief_constants([]) == []
