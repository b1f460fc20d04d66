from __future__ import annotations

import os
from pathlib import Path

import pytest

from crosswire.analyze import Analyzer
from crosswire.clean import clean
from crosswire.model import Article, Source
from crosswire.service import analyze_paths

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "sample_story"
SHARED = Path(os.environ.get("CROSSWIRE_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "seeds"


def speaker_of(article: Article, fragment: str) -> str | None:
    """The speaker's name of the shortest quote holding ``fragment``; fails when no quote holds it."""
    matches = sorted((q for q in article.quotes if fragment in q.text), key=lambda q: len(q.text))
    assert matches, f"no quote containing {fragment!r}: {[q.text for q in article.quotes]}"
    return matches[0].speaker.name if matches[0].speaker else None


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    return Analyzer()


@pytest.fixture(scope="session")
def sample(analyzer) -> dict[str, Article]:
    result = analyze_paths([SAMPLE], analyzer=analyzer)
    assert not result.skipped
    return {Path(a.source_path).name[:2]: a for a in result.articles}


@pytest.fixture(scope="session")
def seeds(analyzer) -> dict[str, Article]:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds not present")
    result = analyze_paths([SEEDS], analyzer=analyzer)
    assert not result.skipped
    return {Path(a.source_path).name[:3]: a for a in result.articles}


@pytest.fixture()
def analyze_text(analyzer):
    """Clean and analyse an article given as a string."""

    def run(raw: str, reference_date: str | None = None) -> Article:
        article = clean(Source("inline.txt", raw, "utf-8"))
        saved = analyzer.reference_date
        analyzer.reference_date = reference_date
        try:
            return analyzer.analyze(article)
        finally:
            analyzer.reference_date = saved

    return run
