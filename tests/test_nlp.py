"""The pipeline crosswire loads annotates exactly as the model as shipped: its attribute table gives
what the model's attribute ruler gives, NumPy's BLAS multiplies as blis does, and a word with a
curly apostrophe is read as the model reads it with a straight one."""

from __future__ import annotations

import os
from pathlib import Path

import numpy
import pytest
from thinc.api import NumpyOps

from crosswire.nlp import AttributeTable, NumpyBlasOps, load_pipeline, load_stock_pipeline

TEXTS = [
    "We are gonna win this, let's go. He ain't here, and they gotta leave by 9 p.m. on Jan. 20th.",
    "``It will take time,'' he said. U.S. Secretary of State Antony Blinken met NATO's chief in Brussels.",
    "Ms. He, who has been married to Xu since 1971, said she'd see him in prison. Don't! Isn't it?",
    "   The  ministers\n\nmet (again) -- twice -- at 10:30; 3.5% of 1,200 votes were cast…",
]


ROOT = Path(__file__).resolve().parents[1]
SEEDS = Path(os.environ.get("CROSSWIRE_SHARED", ROOT.parent / "shared")) / "seeds"


def _straight(text: str) -> str:
    return text.replace("’", "'")


def _annotations(doc):
    return [(_straight(t.text), t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_) for t in doc]


def test_the_pipeline_annotates_as_the_model_as_shipped():
    ours, stock = load_pipeline(), load_stock_pipeline()
    assert isinstance(ours.get_pipe("attribute_ruler"), AttributeTable)
    for name in ("tok2vec", "parser", "ner"):
        assert isinstance(ours.get_pipe(name).model.ops, NumpyBlasOps)
        assert type(stock.get_pipe(name).model.ops) is NumpyOps
    assert [name for name in ours.pipe_names if name != "crosswire_apostrophe_features"] == stock.pipe_names
    files = sorted((ROOT / "examples" / "sample_story").glob("*.txt")) + sorted(SEEDS.glob("*.txt"))
    texts = TEXTS + [f.read_text(encoding="utf-8", errors="replace") for f in files]
    assert len(texts) >= len(TEXTS) + 4
    assert any("’" in text for text in texts)
    # the model as shipped, given the same texts with straight apostrophes
    for mine, theirs in zip(ours.pipe(texts), stock.pipe(_straight(t) for t in texts), strict=True):
        if [_straight(t.text) for t in mine] != [t.text for t in theirs]:
            continue  # crosswire's tokenizer keeps outlets' web addresses whole; compare the rest
        assert _annotations(mine) == _annotations(theirs)


def test_a_name_with_a_curly_apostrophe_is_a_name():
    """ "said O’Dwyer": the model as shipped finds no person with "’", and one with "'"; crosswire
    reads both alike and keeps the text as written."""
    text = "“It’s got to be the cornerstone of his pitch,” said O’Dwyer."
    assert not load_stock_pipeline()(text).ents
    doc = load_pipeline()(text)
    assert [(e.text, e.label_) for e in doc.ents] == [("O’Dwyer", "PERSON")]
    assert doc.text == text


def test_the_table_applies_multi_token_rules():
    doc = load_pipeline()("We are gonna win. He ain't here. Let's go.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["gon"] == "go" and lemmas["na"] == "to" and lemmas["ai"] == "be"


@pytest.mark.parametrize("trans1", [False, True])
@pytest.mark.parametrize("trans2", [False, True])
def test_numpy_blas_ops_multiply_as_thinc_does(trans1, trans2):
    rng = numpy.random.default_rng(7)
    x = rng.standard_normal((5, 3) if trans1 else (3, 5), dtype="float32")
    y = rng.standard_normal((4, 5) if trans2 else (5, 4), dtype="float32")
    expected = NumpyOps().gemm(x, y, trans1=trans1, trans2=trans2)
    got = NumpyBlasOps().gemm(x, y, trans1=trans1, trans2=trans2)
    assert got.shape == (3, 4) and numpy.allclose(got, expected, atol=1e-5)
    out = numpy.zeros((3, 4), dtype="float32")
    assert NumpyBlasOps().gemm(x, y, out=out, trans1=trans1, trans2=trans2) is out
    assert numpy.allclose(out, expected, atol=1e-5)
