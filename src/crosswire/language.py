"""Language identification (py3langid), so non-English text is reported rather than mis-analysed."""

from __future__ import annotations

import functools

from py3langid.langid import MODEL_FILE, LanguageIdentifier

#: Texts shorter than this many words are not judged: identification is unreliable on them.
MIN_WORDS = 12

#: Or shorter than this many letters: Chinese, Japanese and Thai do not put spaces between words.
MIN_LETTERS = 60


@functools.cache
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> tuple[str, float]:
    """``(ISO 639-1 code, probability)`` for ``text``."""
    lang, prob = _identifier().classify(text[:5000])
    return lang, float(prob)


def non_english_reason(text: str, threshold: float = 0.9) -> str | None:
    """A reason to skip ``text`` when it is confidently not English, else None."""
    if len(text.split()) < MIN_WORDS and sum(ch.isalpha() for ch in text[:5000]) < MIN_LETTERS:
        return None
    lang, prob = detect(text)
    if lang != "en" and prob >= threshold:
        return f"not English (detected language '{lang}', confidence {prob:.2f}); crosswire analyses English text"
    return None
