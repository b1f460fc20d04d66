"""Claims: the sentences of all articles that state the same fact, and how well each is supported.

Sentences are compared by TF-IDF cosine over content-word stems (quoted words included: what a
person said is part of the fact; an "according to …" source left out) and, when a sentence
encoder is given, by the cosine of their embeddings; the higher of the two decides, so "bolster
its support" and "shore up support" can meet through meaning when they share too few words.
Two sentences naming different places, or stating different numbers, must be closer to count
as one fact. Average-linkage agglomerative clustering (scipy) with a distance threshold groups
them; two sentences of the same article are kept apart, since an article does not corroborate
itself.

Two sentences of different articles that print the same quote (one speaker's words, as
:func:`crosswire.fidelity.compare_quotes` merges their renderings) report the same statement,
however differently each outlet words the rest: after clustering, the claims holding them are
joined, unless that would put two sentences of one article in a claim (a sentence that already
belongs with closer paraphrases stays there).

Each claim counts its outlets and its independent origins (origin groups, see
:mod:`crosswire.origins`). Within a claim, sentences that give different numbers, dates or
speakers for the same fact are a disagreement, reported with each side.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from crosswire.fidelity import shared_run
from crosswire.model import Article, Citation, Claim, Disagreement, QuoteGroup, Side, Support
from crosswire.textsim import STOPWORDS, People, content_stems, words

SIMILARITY = 0.4
"""Average similarity above which sentences are grouped into one claim (TF-IDF cosine)."""
EMBEDDING_SIMILARITY = 0.75
"""The same for sentence-embedding cosine, when an encoder is used."""
OTHER_PLACES = 0.8
"""Factor on the similarity of two sentences that name places, none of them the same: what they
share must be clearly more than a verb and a noun ("died", "floods")."""
PLACE_TYPES = ("GPE", "LOC")
SAME_QUOTE_WORDS = 3
"""Two renderings must share a run of this many words: one word ("terrorists") is a word the
speaker used, not a statement of theirs."""
MIN_WORDS = 4
"""Shorter sentences ("He declined.") state no checkable fact on their own."""

OTHER_NUMBERS = 0.8
"""Factor on the similarity of two sentences that both state numbers, none of them consistent
with another: "Four people were killed across the province on Tuesday" and "Sixty-five more
were killed in the capital on Tuesday" share their words, not their fact. Sentences that tell
one fact with two different numbers are close enough to stay together, and are shown as a
disagreement."""
APPROXIMATE = 0.05
"""How far "about 300" reaches either side of 300, as a fraction of it; at least half a step of
its last significant digit ("about 3 million" allows 2.8 million, "about 50" allows 54 but not
56)."""

_ONES_AND_TEENS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}


def _alternatives(names) -> str:
    return "|".join(sorted(names, key=len, reverse=True))


_DIGIT_WORDS = _alternatives(w for w, v in _ONES_AND_TEENS.items() if v < 10)
_BELOW_100 = rf"(?:{_alternatives(_TENS)})(?:[- ](?:{_DIGIT_WORDS}))?|{_alternatives(_ONES_AND_TEENS)}"
# "One hundred and three", "sixty-five", "twelve", "a dozen"; "one" alone is left out, as in
# "one of the" or "no one" it counts nothing.
_WORD_NUMBER = (
    rf"(?:{_DIGIT_WORDS}|a)[- ]hundred(?:[- ](?:and[- ])?(?:{_BELOW_100}))?"
    rf"|(?:{_alternatives(_TENS)})(?:[- ](?:{_DIGIT_WORDS}))?"
    rf"|{_alternatives(w for w in _ONES_AND_TEENS if w != 'one')}|dozen|hundred"
)
# Digits end on a digit: the comma of "$2,700, according to" is the sentence's. Digits hyphened
# to a word are part of a name ("Bluefin-21", "F-16", "COVID-19"), not a count.
_NUMBER = re.compile(
    r"(?<![\w.])(?<![A-Za-z]-)\d(?:[\d,]*\d)?(?:\.\d+)?(?:\s*(?:%|percent|per cent))?"
    r"|\b(?:" + _WORD_NUMBER + r")\b",
    re.I,
)
_SCALE = re.compile(r"^\s*(million|billion|trillion|thousand|hundred)\b", re.I)
_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# The word a number counts: "19-day", "three weeks", "40 vessels", or a unit printed on the
# number, "2,700km", but not "1990s" or "20th" (after an optional adjective would be guesswork,
# so only the next word).
_UNIT = re.compile(r"^(?:-|\s+)([a-z]{3,}|km|ft|kg|lb|cm|mm)\b|^(?!(?:s|st|nd|rd|th)\b)([a-z]{1,3})\b")
_MEASURED = {"square", "cubic"}
# The word before a number that makes it a bound or an estimate, as the claim's value shows it.
_QUALIFIERS = {
    "more than": "more than",
    "over": "more than",
    "upwards of": "more than",
    "in excess of": "more than",
    "at least": "at least",
    "less than": "less than",
    "fewer than": "less than",
    "under": "less than",
    "up to": "up to",
    "as many as": "up to",
    "at most": "up to",
    "nearly": "almost",
    "almost": "almost",
    "about": "about",
    "around": "about",
    "some": "about",
    "roughly": "about",
    "approximately": "about",
    "an estimated": "about",
    "close to": "about",
}
# A sum of money's mark before its number: "$", "US$", AP's "dlrs", "€".
_MONEY_MARK = r"(?:US)?(\$)|\b(dlrs)\.?\s+|([€£¥])"
_CURRENCY = re.compile(rf"(?:{_MONEY_MARK})\s*$", re.I)
# "…, according to the election commission": who is cited is not what is stated. Two sentences
# that share only their source ("$2,700, according to the commission" and "$73,000, according to
# the commission data") are two facts.
_SOURCING = re.compile(r"\baccording to\b[^,.;:!?]*", re.I)
_BOUNDS = sorted(set(_QUALIFIERS.values()), key=len, reverse=True)
_QUALIFIER = re.compile(rf"\b({'|'.join(sorted(_QUALIFIERS, key=len, reverse=True))})\s+(?:{_MONEY_MARK})?\s*$", re.I)


def sentence_units(articles: Sequence[Article]) -> list[tuple[int, int]]:
    """``(article position, sentence index)`` of every sentence long enough to state a fact."""
    units = []
    for pos, article in enumerate(articles):
        for sent in article.sentences:
            if len(words(sent.text)) >= MIN_WORDS:
                units.append((pos, sent.index))
    return units


def tfidf(texts: list[str]):
    """L2-normalised TF-IDF rows (scipy CSR) over content-word stems, as scikit-learn's
    ``TfidfVectorizer(sublinear_tf=True)`` computes them (smoothed idf).

    Written out rather than imported: scikit-learn takes two seconds to import, which alone would
    break the two-second budget of ``crosswire brief`` on a saved analysis.
    """
    from scipy.sparse import csr_matrix

    vocabulary: dict[str, int] = {}
    rows, cols, values = [], [], []
    for row, text in enumerate(texts):
        counts: dict[int, int] = defaultdict(int)
        for term in content_stems(words(text)):
            counts[vocabulary.setdefault(term, len(vocabulary))] += 1
        for col, count in counts.items():
            rows.append(row)
            cols.append(col)
            values.append(1.0 + np.log(count))
    matrix = csr_matrix((values, (rows, cols)), shape=(len(texts), max(1, len(vocabulary))))
    df = np.bincount(cols, minlength=matrix.shape[1]) if cols else np.zeros(matrix.shape[1])
    idf = np.log((1 + len(texts)) / (1 + df)) + 1.0
    matrix = matrix.multiply(idf).tocsr()
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return csr_matrix(matrix.multiply(1.0 / norms[:, None]))


def similarity_matrix(texts: list[str], embeddings: np.ndarray | None = None) -> np.ndarray:
    """Pairwise similarity in [0, 1]: TF-IDF cosine, raised by embedding cosine where that is higher."""
    if not texts:
        return np.zeros((0, 0))
    matrix = tfidf(texts)
    sim = (matrix @ matrix.T).toarray()
    if embeddings is not None and len(embeddings) == len(texts):
        emb = embeddings @ embeddings.T
        # Map the embedding scale onto the TF-IDF one so one threshold serves both.
        rescaled = np.clip((emb - EMBEDDING_SIMILARITY) / (1 - EMBEDDING_SIMILARITY), 0, 1)
        rescaled = SIMILARITY + rescaled * (1 - SIMILARITY)
        sim = np.where(emb >= EMBEDDING_SIMILARITY, np.maximum(sim, rescaled), sim)
    np.fill_diagonal(sim, 1.0)
    return np.clip(sim, 0.0, 1.0)


def cluster(sim: np.ndarray, owners: list[int], threshold: float = SIMILARITY) -> list[list[int]]:
    """Groups of unit positions whose average similarity reaches ``threshold`` (average-linkage
    agglomerative clustering, scipy)."""
    n = len(owners)
    if n == 0:
        return []
    if n == 1:
        return [[0]]
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    dist = 1.0 - sim
    same = np.equal.outer(owners, owners)
    dist[same] = 2.0  # never join two sentences of one article
    np.fill_diagonal(dist, 0.0)
    dist = (dist + dist.T) / 2.0
    tree = linkage(squareform(dist, checks=False), method="average")
    # fcluster keeps merges at distance <= t; sklearn's threshold is strict, hence the nudge.
    labels = fcluster(tree, t=1.0 - threshold - 1e-9, criterion="distance")
    groups: dict[int, list[int]] = defaultdict(list)
    for i, label in enumerate(labels):
        groups[label].append(i)
    return list(groups.values())


def build_claims(
    articles: Sequence[Article],
    origin_group: dict[str, int],
    embeddings: np.ndarray | None = None,
    threshold: float = SIMILARITY,
    quotes: Sequence[QuoteGroup] = (),
    people: People | None = None,
) -> list[Claim]:
    """Claims over the articles' sentences, most independent support first.

    ``embeddings`` (optional) holds one row per :func:`sentence_units` unit, in that order.
    ``quotes`` (optional) are the story's quotes merged across articles: sentences printing one
    quote are grouped as one statement (see :func:`_same_quote_pairs`). ``people`` are the story's
    people, by whom speakers are compared (by default, those of ``articles``).
    """
    units = sentence_units(articles)
    texts = [articles[a].sentences[s].text for a, s in units]
    sim = similarity_matrix([_SOURCING.sub(" ", t) for t in texts], embeddings)
    sim *= _place_agreement(articles, units)
    sim *= _number_agreement(articles, units, sim)
    owners = [a for a, _ in units]
    people = people or People.of(articles)
    pairs = _same_quote_pairs(articles, units, quotes, people)
    groups = _join_same_quotes(cluster(sim, owners, threshold), pairs, owners)

    claims = []
    for members in groups:
        members.sort(key=lambda m: units[m])
        central = max(members, key=lambda m: (sim[m, members].sum(), -m))
        support = [Support(articles[units[m][0]].id, units[m][1], texts[m]) for m in members]
        support_articles = [articles[units[m][0]] for m in members]
        outlets = {a.outlet or a.id for a in support_articles}
        origins = {origin_group[a.id] for a in support_articles}
        claims.append(
            Claim(
                id=0,
                text=texts[central],
                support=support,
                outlets=len(outlets),
                independent=len(origins),
                single_origin=len(origins) == 1,
                disagreements=disagreements(articles, [units[m] for m in members], people),
            )
        )
    claims.sort(key=lambda c: (-c.independent, -c.outlets, -len(c.support), _first_position(c)))
    for i, claim in enumerate(claims):
        claim.id = i
    return claims


def _same_quote_pairs(
    articles: Sequence[Article], units: list[tuple[int, int]], quotes: Sequence[QuoteGroup], people: People
) -> set[tuple[int, int]]:
    """Positions of unit pairs, in different articles, that print renderings of one quote, each
    given to the same named speaker by its own article, and share a run of its words (see
    :func:`_shares_words`). A quote group alone is not enough: it joins renderings through ones
    whose speaker is unknown, and through a short phrase several quotes contain."""
    position = {(articles[a].id, s): i for i, (a, s) in enumerate(units)}
    speakers: dict[tuple[str, int], set[str]] = defaultdict(set)
    for article in articles:
        for quote in article.quotes:
            if quote.speaker and quote.sentence is not None and quote.kind != "indirect":
                speakers[(article.id, quote.sentence)].add(quote.speaker.name)
    pairs = set()
    for group in quotes:
        placed = [
            (position[(r.article, r.sentence)], words(r.text), speakers[(r.article, r.sentence)])
            for r in group.renderings
            if (r.article, r.sentence) in position and not _title_case(r.text)
        ]
        for (i, wi, si), (j, wj, sj) in itertools.combinations(placed, 2):
            # "Ahmed Qureia" and "Qureia" (an article that never gives the full name) are one speaker.
            one_speaker = any(people.same(a, b) for a in si for b in sj)
            if units[i][0] != units[j][0] and one_speaker and _shares_words(wi, wj):
                pairs.add((min(i, j), max(i, j)))
    return pairs


def _shares_words(a: list[str], b: list[str]) -> bool:
    """A run of words, most of the shorter rendering: "the alt right" inside two different
    quotes is a phrase both use, not one statement."""
    run = shared_run(a, b)
    content = sum(w not in STOPWORDS and len(w) > 1 and not re.search(r"['’]", w) for w in run)  # not "don't"
    return len(run) >= SAME_QUOTE_WORDS and content >= 2 and len(run) >= 0.5 * min(len(a), len(b))


def _title_case(text: str) -> bool:
    """ "Fox News Sunday", "Memorial do Convento", "H.N.I.C.": a name or a title in quote marks
    (every word but function words capitalised), which many sentences print without reporting
    one statement."""
    tokens = [t for t in re.findall(r"[^\W\d_][\w'’.-]*", text) if t.lower() not in STOPWORDS]
    return bool(tokens) and all(t[0].isupper() for t in tokens)


def _join_same_quotes(groups: list[list[int]], pairs: set[tuple[int, int]], owners: list[int]) -> list[list[int]]:
    """Join the groups of each pair of units printing one quote, when no article is in both."""
    group_of = {m: g for g, members in enumerate(groups) for m in members}
    joined = [list(members) for members in groups]
    for i, j in sorted(pairs):
        gi, gj = group_of[i], group_of[j]
        if gi == gj or {owners[m] for m in joined[gi]} & {owners[m] for m in joined[gj]}:
            continue
        joined[gi].extend(joined[gj])
        for m in joined[gj]:
            group_of[m] = gi
        joined[gj] = []
    return [members for members in joined if members]


def _places(articles: Sequence[Article], units: list[tuple[int, int]]) -> list[set[str]]:
    """The places each unit names, as the last word of the place's name or mention, lowercased."""
    named: dict[tuple[int, int], set[str]] = defaultdict(set)
    for pos, article in enumerate(articles):
        for entity in article.entities:
            if entity.type not in PLACE_TYPES:
                continue
            for mention in entity.mentions:
                named[(pos, mention.sentence)].update(
                    w.lower() for w in (entity.name.split()[-1:] + mention.text.split()[-1:])
                )
    return [named.get(unit, set()) for unit in units]


def _place_agreement(articles: Sequence[Article], units: list[tuple[int, int]]) -> np.ndarray:
    """1, or :data:`OTHER_PLACES` for two sentences that both name places and share none: "Eight
    died in Velm in the floods" and "In Oskia, where 40 died in floods, …" are two facts."""
    places = _places(articles, units)
    vocabulary = {name: k for k, name in enumerate(sorted(set().union(*places)))}
    incidence = np.zeros((len(units), max(1, len(vocabulary))))
    for i, names in enumerate(places):
        incidence[i, [vocabulary[n] for n in names]] = 1.0
    located = incidence.any(axis=1)
    apart = np.outer(located, located) & ((incidence @ incidence.T) == 0)
    return np.where(apart, OTHER_PLACES, 1.0)


def _first_position(claim: Claim) -> tuple[int, str]:
    return min((s.sentence, s.article) for s in claim.support)


def numbers(text: str) -> set[str]:
    """Numbers stated in ``text`` with the word they count and the bound or estimate put on them,
    normalised: "two days" → "2 day", "1,200 troops" → "1200 troop", "$5 million" and "dlrs 5
    million" → "$5 million", "7%" → "7%", "sixty-five" → "65", "more than nine hours" → "more
    than 9 hour". A sum of money counts its currency, whatever word follows it."""
    found = set()
    for m in _NUMBER.finditer(text):
        raw = re.sub(r"[\s-]+", " ", m.group(0).lower().replace(",", ""))
        value = _word_value(raw) or raw
        value = re.sub(r"\s*(percent|per cent)$", "%", value)
        rest = text[m.end() :]
        scale = _SCALE.match(rest)
        if scale:
            value = f"{value} {scale.group(1).lower()}"
            rest = rest[scale.end() :]
        currency = _CURRENCY.search(text[: m.start()])
        unit = _UNIT.match(rest)
        counted = unit and (unit.group(1) or unit.group(2)).lower()
        if counted in _MEASURED and (area := _UNIT.match(rest[unit.end() :])) and area.group(1):
            counted = f"{counted} {area.group(1).lower()}"  # "15 square miles" counts square miles
        if currency:
            value = ("$" if currency.group(1) or currency.group(2) else currency.group(3)) + value
        # "18 have been charged": a number before a function word counts nothing named there.
        elif counted and not value.endswith("%") and counted not in STOPWORDS:
            value = f"{value} {_singular(counted)}"
        qualifier = _QUALIFIER.search(text[: m.start()])
        if qualifier:
            value = f"{_QUALIFIERS[' '.join(qualifier.group(1).lower().split())]} {value}"
        found.add(value)
    return found


def _word_value(raw: str) -> str | None:
    """ "sixty five" → "65", "one hundred and three" → "103", "nine" → "9"; None for digits."""
    total = None
    for word in raw.split():
        if word == "hundred":
            total = (total or 1) * 100
        elif word in _TENS or word in _ONES_AND_TEENS:
            total = (total or 0) + _TENS.get(word, _ONES_AND_TEENS.get(word, 0))
        elif word == "dozen":
            total = (total or 1) * 12
        elif word == "a":
            total = 1
        elif word != "and":
            return None
    return None if total is None else str(total)


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _quantity(value: str) -> tuple[float, float, float, str]:
    """The number a value of :func:`numbers` states, the range it allows, and its unit: "about
    300 ship" → (300, 285, 315, "ship"), "more than 9 hour" → (9, 9, inf, "hour"), "7%" → (7, 7,
    7, "%"), "$5 million" → (5e6, 5e6, 5e6, "$")."""
    bound = next((q for q in _BOUNDS if value.startswith(q + " ")), "")
    parts = value[len(bound) :].split()
    number, rest = parts[0], parts[1:]
    unit = "%" if number.endswith("%") else number[0] if not number[0].isdigit() else ""
    digits = number.strip("%$€£¥")
    x = float(digits)
    # Half a step of the last significant digit: "50" is "about 45 to 55", "1.5" is 1.45 to 1.55.
    step = 10 ** -len(digits.split(".")[1]) if "." in digits else 10 ** (len(digits) - len(digits.rstrip("0")))
    if rest and rest[0] in _SCALES:
        x *= _SCALES[rest[0]]
        step *= _SCALES[rest[0]]
        rest = rest[1:]
    unit = rest[-1] if rest and not unit else unit
    spread = max(APPROXIMATE * x, step / 2)
    lo, hi = {
        "more than": (x, float("inf")),
        "at least": (x, float("inf")),
        "less than": (0.0, x),
        "up to": (0.0, x),
        "almost": (x - spread, x),
        "about": (x - spread, x + spread),
    }.get(bound, (x, x))
    return x, lo, hi, unit


def _consistent(a: tuple[float, float, float, str], b: tuple[float, float, float, str]) -> bool:
    """One number falls in what the other allows: "about 3 million" and "2.8 million", "more than
    nine" and "10"; not "about 50" and "about 56", which a reader takes as two figures."""
    return b[1] <= a[0] <= b[2] or a[1] <= b[0] <= a[2]


def _conflict(x: frozenset[str], y: frozenset[str]) -> bool:
    """Two sentences disagree when they count the same thing with numbers that cannot both be
    true: "nine killed" and "twelve killed", not "more than nine hours" and "10 hours". A
    sentence whose numbers all fit the other's adds detail. Numbers that count nothing named
    are compared one against one, or as two lists that share a value ("Price, 18, and Pasley,
    20" against "Pasley, 21, and Price, 18"); otherwise which matches which is a guess."""
    xq = [_quantity(v) for v in x]
    yq = [_quantity(v) for v in y]
    for unit in {q[3] for q in xq} & {q[3] for q in yq}:
        xs = [q for q in xq if q[3] == unit]
        ys = [q for q in yq if q[3] == unit]
        if not unit and (len(xs) > 1 or len(ys) > 1) and not set(xs) & set(ys):
            continue
        covered = all(any(_consistent(a, b) for b in ys) for a in xs)
        if not (covered or all(any(_consistent(a, b) for a in xs) for b in ys)):
            return True
    return False


def _number_agreement(articles: Sequence[Article], units: list[tuple[int, int]], sim: np.ndarray) -> np.ndarray:
    """1, or :data:`OTHER_NUMBERS` for two related sentences that both state numbers and have no
    value in common, whatever each says it counts ("four killed" and "sixty-five more killed")."""
    stated = [[_quantity(v) for v in _values(articles[a], s)["number"]] for a, s in units]
    factor = np.ones_like(sim)
    numbered = [i for i, q in enumerate(stated) if q]
    for k, i in enumerate(numbered):
        for j in numbered[k + 1 :]:
            if sim[i, j] > 0 and not any(_consistent(a, b) for a in stated[i] for b in stated[j]):
                factor[i, j] = factor[j, i] = OTHER_NUMBERS
    return factor


@functools.lru_cache(maxsize=4096)  # each pair of a claim's dates asks for the same few spans
def _date_span(value: str) -> tuple[str, dt.date, dt.date] | None:
    """``(precision, first day, last day)`` of a resolved date: a day, an ISO week, a month or a year."""
    try:
        if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
            first = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return "week", first, first + dt.timedelta(days=6)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            day = dt.date.fromisoformat(value)
            return "day", day, day
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            first = dt.date(int(m[1]), int(m[2]), 1)
            return "month", first, (first + dt.timedelta(days=31)).replace(day=1) - dt.timedelta(days=1)
        if re.fullmatch(r"\d{4}", value):
            return "year", dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
    except ValueError:
        return None
    return None


def _dates_agree(a: str, b: str) -> bool:
    """The same date, or one within the other ("Oct. 5" in "October"; "Monday" in "this week")."""
    x, y = _date_span(a), _date_span(b)
    if a == b or x is None or y is None:
        return a == b
    return (x[1] <= y[1] and y[2] <= x[2]) or (y[1] <= x[1] and x[2] <= y[2])


def _dates_comparable(a: str, b: str) -> bool:
    x, y = _date_span(a), _date_span(b)
    return _dates_agree(a, b) or (x is not None and y is not None and x[0] == y[0])


def _dates_conflict(x: frozenset[str], y: frozenset[str]) -> bool:
    """Different dates for the same thing. Two lists of dates that share some ("Oct. 12, 13 and
    14" and "13, 14 and 16": a schedule told from different ends) each add detail; a date within
    another ("Oct. 5" and "October") agrees with it; and dates of different precision that do not
    overlap ("in 1984" and "on Friday") date different things: only days are compared with days,
    weeks with weeks, months with months and years with years."""
    x = frozenset(a for a in x if any(_dates_comparable(a, b) for b in y))
    y = frozenset(b for b in y if any(_dates_comparable(a, b) for a in x))
    if not x or not y:
        return False

    def within(p: frozenset[str], q: frozenset[str]) -> bool:
        return all(any(_dates_agree(a, b) for b in q) for a in p)

    if within(x, y) or within(y, x):
        return False
    return len(x) == 1 or len(y) == 1 or not any(_dates_agree(a, b) for a in x for b in y)


def _values(article: Article, sentence: int) -> dict[str, set[str]]:
    sent = article.sentences[sentence]
    text = sent.text
    dates = set()
    for d in article.dates:
        if d.sentence == sentence and d.date:
            dates.add(d.date)
            text = text.replace(d.text, " ")
    speakers = {q.speaker.name for q in article.quotes if q.sentence == sentence and q.speaker}
    return {"number": numbers(text), "date": dates, "speaker": speakers}


def disagreements(
    articles: Sequence[Article], members: list[tuple[int, int]], people: People | None = None
) -> list[Disagreement]:
    """Kinds of value on which the sentences of one claim conflict, with each side.

    Sentences that leave a value out do not disagree with those that give it, and a sentence
    whose values include another's adds detail rather than contradicting it. Speakers are
    compared as the story's ``people`` (by default, those of ``articles``) name them: "Markov"
    is "Lena Markov" when she is the story's only Markov.
    """
    people = people or People.of(articles)
    stated = [(Citation(articles[pos].id, sentence), _values(articles[pos], sentence)) for pos, sentence in members]
    found = []
    for kind in ("number", "date", "speaker"):
        by_value: dict[frozenset[str], list[Citation]] = defaultdict(list)
        for citation, values in stated:
            if values[kind]:
                by_value[frozenset(values[kind])].append(citation)
        if len(by_value) < 2:
            continue
        sets = list(by_value)
        if kind == "number":
            conflict = any(_conflict(x, y) for i, x in enumerate(sets) for y in sets[i + 1 :])
        elif kind == "date":
            conflict = any(_dates_conflict(x, y) for i, x in enumerate(sets) for y in sets[i + 1 :])
        else:

            def within(x: frozenset[str], y: frozenset[str]) -> bool:  # "Bob X" is "Robert X"
                return all(any(people.same(a, b) for b in y) for a in x)

            conflict = any(not (within(x, y) or within(y, x)) for i, x in enumerate(sets) for y in sets[i + 1 :])
        if conflict:
            sides = [Side(", ".join(sorted(v)), cites) for v, cites in by_value.items()]
            found.append(Disagreement(kind=kind, sides=sides))
    return found
