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
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources

import snowballstemmer

from crosswire.lexicon import TITLE_ABBREVIATIONS
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
# "honoured", "favourite", "neighbourhood", "colourful": British -our words in every form (a list of
# stems: "tour", "hour", "your" and "flour" are no such words).
_OUR_STEMS = [
    "arbour",
    "ardour",
    "armour",
    "behaviour",
    "candour",
    "clamour",
    "colour",
    "demeanour",
    "endeavour",
    "favour",
    "fervour",
    "flavour",
    "harbour",
    "honour",
    "humour",
    "labour",
    "neighbour",
    "odour",
    "parlour",
    "rancour",
    "rigour",
    "rumour",
    "saviour",
    "savour",
    "splendour",
    "valour",
    "vapour",
    "vigour",
]
_OUR_ENDINGS = ("", "s", "ed", "ing", "able", "ably", "ite", "ites", "ful", "hood", "hoods", "less", "er", "ers")
_BRITISH.update({stem + end: stem[:-2] + "r" + end for stem in _OUR_STEMS for end in _OUR_ENDINGS})
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


def one_edit(a: str, b: str) -> bool:
    """Whether ``a`` becomes ``b`` by inserting, deleting or replacing one letter."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)) :] == b[i + 1 :]


def one_letter_off(a: str, b: str, shortest: int) -> bool:
    """Two spellings of a name, each ``shortest`` letters or more, that differ by one letter
    changed, added or dropped after the same first letter ("Gustafsson", "Gustavsson")."""
    return min(len(a), len(b)) >= shortest and a != b and a[0] == b[0] and one_edit(a, b)


def one_word_apart(a: Sequence[str], b: Sequence[str]) -> tuple[str, str] | None:
    """The one pair of words at which two names of as many words differ (["steve", "mullin"] and
    ["steve", "mullins"]: ("mullin", "mullins")); ``None`` when their lengths differ, or they
    differ at no word or at several."""
    if len(a) != len(b):
        return None
    differ = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return differ[0] if len(differ) == 1 else None


def same_person(a: str, b: str) -> bool:
    """Whether two full names are one person's: the same but for case and accents, or for a
    given name's short form ("Bob Livingston" and "Robert Livingston"; "Steve" may be Stephen
    or Steven)."""
    x, y = fold_accents(a).lower().split(), fold_accents(b).lower().split()
    if x == y:
        return True
    if len(x) != len(y) or len(x) < 2 or x[1:] != y[1:]:
        return False
    return _short_form(x[0], y[0])


def _short_form(a: str, b: str) -> bool:
    """Whether two given names (casefolded) are one, or one a short form of the other, or both
    short forms of one name ("bob" and "robert"; "bob" and "rob")."""
    return a == b or bool(_FORMAL.get(a, {a}) & _FORMAL.get(b, {b}))


_VOWELS = frozenset("aeiouy")


def spelling_variant(a: str, b: str) -> bool:
    """Whether two given names of five letters or more are one name spelt two ways by one letter
    after the first two: a vowel for a vowel ("Lindsey", "Lindsay"; "Jonathan", "Jonathon"), a
    vowel more ("Micheal" against "Michael" is a vowel swapped with its neighbour; "Jeffery",
    "Jeffrey" too) or a letter doubled ("Mohamad", "Mohammad"; "Philip", "Phillip"). Not at the
    last letter, where Romance names mark a woman or a man ("Mario", "Maria"; "Daniel",
    "Daniela"; "Louis", "Louise"), except the "i" or "y" of a transliteration ("Sergei",
    "Sergey")."""
    a, b = name_form(a), name_form(b)
    if a == b or min(len(a), len(b)) < 5 or not (a.isalpha() and b.isalpha()) or a[:2] != b[:2]:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            i = diff[0]
            return a[i] in _VOWELS and b[i] in _VOWELS and (i < len(a) - 1 or {a[i], b[i]} == {"i", "y"})
        i = diff[0]
        return (
            len(diff) == 2
            and diff[1] == i + 1 < len(a) - 1
            and (a[i], a[i + 1]) == (b[i + 1], b[i])
            and bool({a[i], b[i]} & _VOWELS)
        )
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    if len(longer) != len(shorter) + 1:
        return False
    return any(
        longer[:i] + longer[i + 1 :] == shorter and (longer[i] in _VOWELS or longer[i] == longer[i - 1])
        for i in range(2, len(longer) - 1)
    )


def spelt_names(names: Iterable[str]) -> dict[str, str]:
    """Of a story's full names, those that are one person's under two spellings of the given name,
    by :func:`name_form`: the name → the first of its spellings (sorted). Two spellings are a short
    form and its name or two short forms of one name ("Jon Hale", "Jonathan Hale": see
    :func:`same_person`), or one name spelt two ways (see :func:`spelling_variant`), the rest of
    the name the same. Only when every given name of the story with that surname that may be one
    of them may be each of them: where "Steve Hale", "Stephen Hale" and "Steven Hale" all appear,
    "Steve" may be either and none of the three joins another. A spelling variant only where the
    story has no third given name with that surname (a family's "Kristen" and "Kristin" stay
    apart from "Karl")."""
    by_surname: dict[str, dict[str, str]] = {}
    for name in sorted(set(names)):
        if len(name.split()) >= 2:
            by_surname.setdefault(name_form(name.split()[-1]), {}).setdefault(name_form(name), name)
    result = {}
    for forms in by_surname.values():
        given = sorted({f.split()[0] for f in forms})

        def kin(g: str, h: str, variants: bool = len(given) == 2) -> bool:
            return _short_form(g, h) or (variants and spelling_variant(g, h))

        seen: set[str] = set()
        for g in given:
            if g in seen:
                continue
            group, todo = {g}, [g]  # every given name joined to g through others
            while todo:
                h = todo.pop()
                for k in given:
                    if k not in group and kin(h, k):
                        group.add(k)
                        todo.append(k)
            seen |= group
            if len(group) < 2 or any(not kin(h, k) for h in group for k in group):
                continue
            # One person: the names of the group with the same rest of the name.
            rests: dict[tuple[str, ...], list[str]] = {}
            for form, name in forms.items():
                if form.split()[0] in group:
                    rests.setdefault(tuple(form.split()[1:]), []).append(name)
            for spellings in rests.values():
                if len(spellings) >= 2:
                    for name in spellings:
                        result[name_form(name)] = spellings[0]
    return result


SURNAME_VARIANT_LENGTH = 5
"""Family names this long that differ by one letter, after the first, are one name misspelt
("Gustafsson", "Gustavsson"; "Hastert", "Hassert"); shorter ones may be two families ("Kerr",
"Kern")."""


def spelt_surnames(names: Iterable[str]) -> dict[str, str]:
    """Of a story's full names, those that are one person's under two spellings of the last word:
    the same words before it, and last words one letter apart (see :func:`one_letter_off`), of
    :data:`SURNAME_VARIANT_LENGTH` letters or more, with the same first letter ("Lasse
    Gustafsson" and "Lasse Gustavsson", "Steve Mullin" and "Steve Mullins", "Qin Yongmin" and
    "Qin Yongming"): the name → the first of its spellings (sorted), by :func:`name_form`. Only a
    pair: where a third name is one letter from either, none joins."""
    forms: dict[str, str] = {}
    for name in sorted(set(names)):
        if len(name.split()) >= 2:
            forms.setdefault(name_form(name), name)
    by_rest: dict[tuple[str, ...], list[str]] = {}
    for form in forms:
        by_rest.setdefault(tuple(form.split()[:-1]), []).append(form)

    result = {}
    for group in by_rest.values():
        partners = {
            f: [g for g in group if one_letter_off(f.split()[-1], g.split()[-1], SURNAME_VARIANT_LENGTH)] for f in group
        }
        for form, found in partners.items():
            if len(found) == 1 and partners[found[0]] == [form]:
                first = min(forms[form], forms[found[0]])
                result[form] = first
    return result


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
        # One person under two forms of a full name, folded to one in turn, each on the names the
        # fold before left: "Christopher R. Miller" and "Christopher Miller" (initialled_names);
        # "Jon Hale" and "Jonathan Hale", "Lindsey Hale" and "Lindsay Hale" (spelt_names); "Lasse
        # Gustafsson" and "Lasse Gustavsson" (spelt_surnames).
        self._folds: list[dict[str, str]] = []
        for names_alike in (initialled_names, spelt_names, spelt_surnames):
            alike = names_alike(n for n in full_names + others if len(n.split()) >= 2)
            full_names = [alike.get(name_form(n), n) for n in full_names]
            others = [alike.get(name_form(n), n) for n in others]
            self._folds.append(alike)
        known = {n for n in full_names if len(n.split()) >= 2}
        by_surname: dict[str, list[str]] = {}
        for name in sorted(known | {n for n in others if len(n.split()) >= 2}):
            by_surname.setdefault(name_form(name.split()[-1]), []).append(name)
        self._full: dict[str, str] = {}
        for surname, names in by_surname.items():
            tagged = [n for n in names if n in known]
            # Spellings of one name are one name by now (spelt_names).
            if tagged and all(name_form(n) == name_form(tagged[0]) for n in names):
                self._full[surname] = tagged[0]
        # "Gustavsson" alone, where "Lasse Gustavsson" is the story's "Lasse Gustafsson".
        for form, name in self._folds[-1].items():  # spelt_surnames
            canonical = self._full.get(name_form(name.split()[-1]))
            if canonical is not None and form.split()[-1] not in by_surname:
                self._full[form.split()[-1]] = canonical
        self._seen = {name_form(n) for names in by_surname.values() for n in names}

    def full(self, name: str) -> str:
        """The full name ``name`` stands for in the story: itself unless it is a surname alone,
        or the story's one name with a middle initial that it is without ("Christopher Miller" →
        "Christopher R. Miller"), or the story's other spelling of it (see :func:`spelt_names` and
        :func:`spelt_surnames`)."""
        if len(name.split()) != 1:
            for alike in self._folds:
                name = alike.get(name_form(name), name)
            return name
        return self._full.get(name_form(name), name)

    def same(self, a: str, b: str) -> bool:
        """Whether ``a`` and ``b`` are one person of the story: the same full name, or for a name
        the story does not have, spellings of one name (see :func:`same_person`). Two names of the
        story are one only as :func:`spelt_names` has it: with "Steve Hale", "Stephen Hale" and
        "Steven Hale" all in the story, "Steve Hale" is neither of the others."""
        a, b = self.full(a), self.full(b)
        if name_form(a) == name_form(b):
            return True
        return not {name_form(a), name_form(b)} <= self._seen and same_person(a, b)

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


def titled(role: str, word: str) -> bool:
    """Does the role make its holder "the <word>"? Only the title's head nouns count, not what
    the title governs or qualifies: "the queen" is not the "son of the Queen", "the campaign" is
    not "Sinema's campaign manager"; "chairman and chief executive" is both."""
    role = role.lower()
    if " of " in word:  # "secretary of state"
        return re.search(rf"\b{re.escape(word)}\b", role) is not None
    title = re.split(r"\b(?:of|for|at|to|in|with|on|from)\b", role, maxsplit=1)[0]
    for part in re.split(r"\band\b|[,&]", title):
        words = part.replace("’", "'").split()
        if not words:
            continue
        words[-1] = TITLE_ABBREVIATIONS.get(words[-1].rstrip("."), words[-1])  # "Wyoming Gov."
        # "president-elect" is a president; "prime minister" ends a part as one head
        if re.match(rf"{re.escape(word)}(?:-|\.?$)", words[-1]) or f" {' '.join(words)}".endswith(f" {word}"):
            return True
    return False
