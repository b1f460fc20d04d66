"""The pipeline crosswire loads: its attribute table gives what the model's attribute ruler gives."""

from __future__ import annotations

import os
from pathlib import Path

import spacy

from crosswire.nlp import DEFAULT_MODELS, AttributeTable, load_pipeline

TEXTS = [
    "We are gonna win this, let's go. He ain't here, and they gotta leave by 9 p.m. on Jan. 20th.",
    "``It will take time,'' he said. U.S. Secretary of State Antony Blinken met NATO's chief in Brussels.",
    "Ms. He, who has been married to Xu since 1971, said she'd see him in prison. Don't! Isn't it?",
    "   The  ministers\n\nmet (again) -- twice -- at 10:30; 3.5% of 1,200 votes were cast…",
]


ROOT = Path(__file__).resolve().parents[1]
SEEDS = Path(os.environ.get("CROSSWIRE_SHARED", ROOT.parent / "shared")) / "seeds"


def _stock():
    for name in DEFAULT_MODELS:
        try:
            return spacy.load(name, exclude=["lemmatizer"])
        except OSError:
            continue
    raise RuntimeError("no English pipeline")


def _annotations(doc):
    return [(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_) for t in doc]


def test_the_attribute_table_replaces_the_ruler_and_annotates_the_same():
    ours, stock = load_pipeline(), _stock()
    assert isinstance(ours.get_pipe("attribute_ruler"), AttributeTable)
    assert ours.pipe_names == stock.pipe_names
    files = sorted((ROOT / "examples" / "sample_story").glob("*.txt")) + sorted(SEEDS.glob("*.txt"))
    texts = TEXTS + [f.read_text(encoding="utf-8", errors="replace") for f in files]
    assert len(texts) >= len(TEXTS) + 4
    for mine, theirs in zip(ours.pipe(texts), stock.pipe(texts), strict=True):
        if [t.text for t in mine] != [t.text for t in theirs]:
            continue  # crosswire's tokenizer keeps outlets' web addresses whole; compare the rest
        assert _annotations(mine) == _annotations(theirs)


def test_the_table_applies_multi_token_rules():
    doc = load_pipeline()("We are gonna win. He ain't here. Let's go.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["gon"] == "go" and lemmas["na"] == "to" and lemmas["ai"] == "be"
