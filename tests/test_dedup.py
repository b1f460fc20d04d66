"""Near-duplicates: the same wire story under other boilerplate is found; different coverage is not."""

from __future__ import annotations

from pathlib import Path

from crosswire.clean import clean
from crosswire.dedup import Deduplicator
from crosswire.model import Source

ROOT = Path(__file__).resolve().parents[1]


def wire_copy(article_text: str) -> str:
    """The wire article as another site prints it: its own furniture around the same body."""
    return (
        "Home | News | Business\n\nShare on Facebook  Share on X\n\n"
        + article_text
        + "\n\nRead more: Port Alder strike explained\n\nCopyright 2026 Harbour Daily. All rights reserved.\n"
    )


def test_boilerplate_different_copy_is_a_duplicate(sample):
    wire = sample["01"]
    copy = clean(Source("copy.txt", wire_copy(wire.text), "utf-8"))
    assert copy.id != wire.id
    dedup = Deduplicator()
    for a in sample.values():
        assert dedup.check(a.id, a.text) is None  # five outlets' own articles: no duplicates
    assert dedup.check(copy.id, copy.text) == wire.id


def test_lightly_edited_copy_is_a_near_duplicate(sample):
    wire = sample["01"].text
    edited = wire.replace("Wednesday", "Wednesday night", 1) + "\n\nThis story has been updated."
    dedup = Deduplicator()
    dedup.check("wire", wire)
    assert dedup.check("edited", edited) == "wire"
    assert dedup.check("wire", wire) == "wire"  # the same id again: known, nothing added
    assert len(dedup) == 2


def test_signatures_rebuild_the_index(sample):
    dedup = Deduplicator()
    signatures = [(a.id, dedup.signature(a.text), a.published) for a in sample.values()]
    rebuilt = Deduplicator.from_signatures(signatures)
    assert len(rebuilt) == 5
    wire = sample["01"]
    assert rebuilt.check("copy", wire.text.upper()) == wire.id  # exact up to case: the content hash
    assert rebuilt.check_signature("copy2", dedup.signature(wire.text + "\n\nUpdated.")) == wire.id


def test_window_forgets_old_articles(sample):
    dedup = Deduplicator(window_days=7)
    wire = sample["01"].text
    dedup.check("old", wire, published="2026-01-01")
    dedup.check("other", sample["03"].text, published="2026-03-04")
    assert "old" not in dedup
    assert dedup.check("new", wire, published="2026-03-05") is None


def test_ascii_tokens_are_those_of_the_regular_expression():
    # An ASCII text is tokenised by str.translate and str.split, any other by \w+: the same tokens.
    import random
    import re

    from crosswire.dedup import tokens

    word = re.compile(r"\w+")
    rng = random.Random(0)
    alphabet = "aZ9_' -.,\n\t\"\x00\x7f"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(20000)]
    texts += [f"a{c}b {c}{c}Z" for c in map(chr, range(128))]
    texts += ["Café au lait, naïve", "\u212a is a Kelvin sign", "don’t stop"]  # not ASCII
    for text in texts:
        assert tokens(text) == word.findall(text.lower()), repr(text)
