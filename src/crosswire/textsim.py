"""Words, stems and masks shared by the story stages (origins, claims, quote comparison, brief).

Two views of a sentence matter:

* its *words*: lowercased, with British spellings mapped to American ones, so that
  "defence" and "defense" compare equal;
* its *narrative words*: the same with everything inside quote marks removed. Two outlets that
  quote the same speech are not copying each other; only the reporter's own words show that.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

import snowballstemmer

from crosswire.model import Article
from crosswire.quotemarks import find_quote_spans

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)

# Spelling variants that differ between outlets quoting the same words.
_BRITISH = {
    "defence": "defense",
    "offence": "offense",
    "licence": "license",
    "programme": "program",
    "programmes": "programs",
    "centre": "center",
    "centres": "centers",
    "theatre": "theater",
    "labour": "labor",
    "harbour": "harbor",
    "harbours": "harbors",
    "rumour": "rumor",
    "rumours": "rumors",
    "favour": "favor",
    "honour": "honor",
    "colour": "color",
    "neighbour": "neighbor",
    "neighbours": "neighbors",
    "behaviour": "behavior",
    "endeavour": "endeavor",
    "armour": "armor",
    "armoured": "armored",
    "travelled": "traveled",
    "travelling": "traveling",
    "cancelled": "canceled",
    "judgement": "judgment",
    "grey": "gray",
    "towards": "toward",
}
_ISE = re.compile(r"^(\w{3,}?)(is)(e|es|ed|ing|ation|ations)$")
_ISE_KEEP = {
    "advise",
    "advised",
    "advises",
    "advising",
    "arise",
    "arises",
    "comprise",
    "comprises",
    "compromise",
    "compromised",
    "compromises",
    "demise",
    "despise",
    "devise",
    "devised",
    "disguise",
    "enterprise",
    "enterprises",
    "exercise",
    "exercised",
    "exercises",
    "expertise",
    "franchise",
    "improvise",
    "merchandise",
    "premise",
    "premises",
    "promise",
    "promised",
    "promises",
    "promising",
    "raise",
    "raised",
    "raises",
    "raising",
    "revise",
    "revised",
    "rise",
    "rises",
    "supervise",
    "supervised",
    "surmise",
    "surprise",
    "surprised",
    "surprises",
    "televise",
    "televised",
    "wise",
    "otherwise",
    "likewise",
    "precise",
    "concise",
    "paradise",
    "noise",
    "poise",
    "praise",
    "praised",
    "cruise",
    "bruise",
}

# spaCy's English list, shipped as a resource so that the story stages load without spaCy.
_STOP_FILE = resources.files("crosswire.resources").joinpath("stopwords.txt").read_text("utf-8")
STOPWORDS = frozenset(w for w in _STOP_FILE.split("\n") if w and not w.startswith("#")) | {
    "said",
    "says",
    "told",
    "mr",
    "mrs",
    "ms",
    "also",
    "would",
    "could",
}
_STEMMER = snowballstemmer.stemmer("english")

_NICKNAME_FILE = resources.files("crosswire.resources").joinpath("nicknames.txt").read_text("utf-8")
_FORMAL: dict[str, set[str]] = {}
for _line in _NICKNAME_FILE.splitlines():
    if _line.strip() and not _line.startswith("#"):
        _formal, _shorts = _line.split(":")
        for _name in [_formal.strip(), *_shorts.split()]:
            _FORMAL.setdefault(_name, set()).add(_formal.strip())


def fold_accents(text: str) -> str:
    """The text without accents: outlets spell "Bélanger" and "Belanger" for one man."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


# The Arabic article joined to a name: one outlet prints "Bashar al-Assad", another "Bashar Assad".
ARTICLE_PARTICLE = re.compile(r"\b(?:al|el)[-‐](?=\w)", re.I)


def name_form(name: str) -> str:
    """A name as its spellings share it: without accents, capitals or a joined Arabic article
    ("Bashar al-Assad" and "Bashar Assad"; "Mauril Bélanger" and "Mauril Belanger"; "LEE" and
    "Lee")."""
    return ARTICLE_PARTICLE.sub("", fold_accents(name)).casefold()


def same_person(a: str, b: str) -> bool:
    """Whether two full names are one person's: the same but for case and accents, or for a
    given name's short form ("Bob Livingston" and "Robert Livingston"; "Steve" may be Stephen
    or Steven)."""
    x, y = fold_accents(a).lower().split(), fold_accents(b).lower().split()
    if x == y:
        return True
    if len(x) != len(y) or len(x) < 2 or x[1:] != y[1:]:
        return False
    return bool(_FORMAL.get(x[0], {x[0]}) & _FORMAL.get(y[0], {y[0]}))


_INITIAL = re.compile(r"^[^\W\d_]\.?$")


def _middle_initials(name: str) -> tuple[str, tuple[str, ...]] | None:
    """A full name as its first and last words (see :func:`name_form`) and the single-letter
    initials between them ("Christopher R. Miller": "christopher miller", ("r",)); ``None`` when
    something between them is more than an initial ("John Paul Jones")."""
    parts = name.split()
    if len(parts) < 2 or not all(_INITIAL.match(w) for w in parts[1:-1]):
        return None
    return name_form(f"{parts[0]} {parts[-1]}"), tuple(name_form(w.rstrip(".")) for w in parts[1:-1])


def initialled_names(names: Iterable[str]) -> dict[str, str]:
    """Of a story's full names, those that one middle initial is all that tells apart, by
    :func:`name_form`: the names without it ("Christopher Miller", or "Chris Miller" by
    :func:`same_person`) and the name with it ("Christopher R. Miller") → the name with it. Only
    when every name of the story with that last name and that first name (or a short form of it)
    has the same initials or none: where "George W. Bush" and "George H. W. Bush" both appear,
    "George Bush" may be either and stays apart from both."""
    by_surname: dict[str, list[tuple[str, tuple[str, ...], str]]] = {}
    for name in sorted(set(names)):
        split = _middle_initials(name)
        if split:
            by_surname.setdefault(split[0].split()[-1], []).append((split[0], split[1], name))
    result = {}
    for forms in by_surname.values():
        for plain, initials, name in forms:
            if initials:
                continue
            # Every name of the story this one may be a spelling of, and they of each other.
            kin = [f for f in forms if f[0] == plain or same_person(f[0], plain)]
            if any(not (a[0] == b[0] or same_person(a[0], b[0])) for a in kin for b in kin):
                continue
            initialled = {f[1]: f[2] for f in kin if f[1]}
            if len(initialled) == 1:
                result[name_form(name)] = result[name_form(next(iter(initialled.values())))] = next(
                    iter(initialled.values())
                )
    return result


class People:
    """The people of one story by name, so that a surname alone ("Markov", in an article that
    never gives the full name) is the person another article names in full ("Lena Markov").

    A one-word name stands for a full name of a person of the story (``full_names``: the names
    an article tags as a person) that ends with it, when that is the only person of the story
    with that surname: where "Tomas Varga" and "Ilona Varga" both appear, "Varga" is neither.
    Every full name that ends with the surname counts against it (``others`` as well: a speaker's
    name the articles do not tag), and only spellings of one name (see :func:`same_person` and
    :func:`name_form`) are one person."""

    def __init__(self, full_names: Iterable[str], others: Iterable[str] = ()):
        full_names, others = list(full_names), list(others)
        # "Christopher R. Miller" and "Christopher Miller": one person (see initialled_names).
        self._initialled = initialled_names(n for n in full_names + others if len(n.split()) >= 2)
        full_names = [self._initialled.get(name_form(n), n) for n in full_names]
        others = [self._initialled.get(name_form(n), n) for n in others]
        known = {n for n in full_names if len(n.split()) >= 2}
        by_surname: dict[str, list[str]] = {}
        for name in sorted(known | {n for n in others if len(n.split()) >= 2}):
            by_surname.setdefault(name_form(name.split()[-1]), []).append(name)
        self._full: dict[str, str] = {}
        for surname, names in by_surname.items():
            tagged = [n for n in names if n in known]
            if tagged and all(name_form(n) == name_form(tagged[0]) or same_person(n, tagged[0]) for n in names):
                self._full[surname] = tagged[0]

    def full(self, name: str) -> str:
        """The full name ``name`` stands for in the story: itself unless it is a surname alone,
        or the story's one name with a middle initial that it is without ("Christopher Miller" →
        "Christopher R. Miller")."""
        if len(name.split()) != 1:
            return self._initialled.get(name_form(name), name)
        return self._full.get(name_form(name), name)

    def same(self, a: str, b: str) -> bool:
        """Whether ``a`` and ``b`` are one person of the story (see :func:`same_person`)."""
        a, b = self.full(a), self.full(b)
        return same_person(a, b) or name_form(a) == name_form(b)

    @classmethod
    def of(cls, articles: Iterable[Article]) -> People:
        """The people of a story's articles: the names they tag as persons, and their speakers."""
        articles = list(articles)
        tagged = [e.name for a in articles for e in a.entities if e.type == "PERSON"]
        speakers = [q.speaker.name for a in articles for q in a.quotes if q.speaker]
        return cls(tagged, speakers)


@lru_cache(maxsize=262144)
def normalize_word(word: str) -> str:
    """Lowercase, straight apostrophe, American spelling."""
    w = word.lower().replace("’", "'")
    if w in _BRITISH:
        return _BRITISH[w]
    if w not in _ISE_KEEP:
        m = _ISE.match(w)
        if m:
            return m.group(1) + "iz" + m.group(3)
    return w


def words(text: str) -> list[str]:
    """Normalised word tokens; punctuation and ellipses dropped."""
    return [normalize_word(w) for w in raw_words(text)]


# In an ASCII text, every character but letters, digits and apostrophes becomes a space, then every
# apostrophe not between two letters or digits: what is left, split, is what _WORD finds, found
# in half the time of the regular expression.
_ASCII_WORD_CHARS = str.maketrans({c: " " for c in map(chr, range(128)) if not (c.isalnum() or c == "'")})


def raw_words(text: str) -> list[str]:
    """The word tokens of ``text`` as written (runs of letters and digits, joined by single
    apostrophes): the tokens :func:`words` normalises."""
    if not text.isascii():
        return _WORD.findall(text)
    padded = f" {text.translate(_ASCII_WORD_CHARS)} "
    if "'" in padded:
        # no two apostrophes left side by side, then none beside a space (the padding stands for
        # the ends of the text)
        padded = padded.replace("''", "  ").replace(" '", "  ").replace("' ", "  ")
    return padded.split()


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _STEMMER.stemWord(word)


def content_stems(tokens: list[str]) -> list[str]:
    """Stems of the tokens that carry content (no stopwords, no one-letter tokens)."""
    return [stem(t) for t in tokens if t not in STOPWORDS and len(t) > 1 and not t.isdigit()]


def quoted_spans(article: Article, sentence_index: int) -> list[tuple[int, int]]:
    """Character spans, relative to the sentence, of the words inside quote marks."""
    sent = article.sentences[sentence_index]
    spans = [(s.start, s.end) for s in find_quote_spans(sent.text)]
    for q in article.quotes:
        if q.in_title or q.kind == "indirect" or q.start >= sent.end or q.end <= sent.start:
            continue
        spans.append((max(q.start, sent.start) - sent.start, min(q.end, sent.end) - sent.start))
    return sorted(spans)


def narrative_text(article: Article, sentence_index: int) -> str:
    """The sentence with its quoted words blanked out: what the reporter wrote."""
    text = article.sentences[sentence_index].text
    chars = list(text)
    for start, end in quoted_spans(article, sentence_index):
        for i in range(max(start, 0), min(end, len(chars))):
            chars[i] = " "
    return "".join(chars)


def narrative_words(article: Article, sentence_index: int) -> list[str]:
    return words(narrative_text(article, sentence_index))
