"""Origins: which articles repeat which, and how many independent sources a story really has.

An article *derives from* another when it repeats the other's narrative sentences verbatim or
lightly reworded. Only the reporter's own words count (quoted words are masked out, see
:mod:`crosswire.textsim`): two outlets quoting the same speech are not copying each other.

1. Every pair of articles is aligned sentence by sentence: sentences that share at least two
   word bigrams are compared with a word-level sequence match (difflib), which rewards the same
   words *in the same order*, the mark of copying, over the same topic words.
2. A pair with enough aligned sentences is a link; its direction comes from the evidence an
   editor would use, in this order: a credit to the other outlet ("(Reuters)", "citing
   Reuters"), a wire service against a non-wire outlet, an admission of copying ("citing foreign
   media"), the earlier publication date, then containment (the article more of whose narrative
   is covered is the copy).
3. A link between two copies of the same source that is explained by their shared source is
   dropped, so the graph shows who copied whom rather than who resembles whom.
4. Linked articles form an origin group; the number of groups is the number of independent sources.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from crosswire.model import AlignedPair, Article, Derivation
from crosswire.outlets import wire_service
from crosswire.textsim import narrative_text, narrative_words

MIN_WORDS = 5
"""Sentences with fewer narrative words than this cannot show copying."""
SENTENCE_THRESHOLD = 0.5
"""Word-sequence similarity above which two sentences are the same sentence, lightly reworded."""
SHORT_WORDS = 10
SHORT_THRESHOLD = 0.8
"""Short narratives ("X told reporters in Y") are formulaic: they count only when near-identical."""
MIN_PAIRS = 2
"""Aligned sentences needed for a link."""
MIN_SHARE = 0.2
"""Share of the copy's narrative sentences that must be aligned for a link…"""
MIN_BLOCK = 3
"""…unless this many aligned sentences run in the same order in both articles: a few paragraphs
of wire copy pasted into a longer story of its own are copying too."""
MEANING_FLOOR = 0.3
MEANING_THRESHOLD = 0.85
"""With a sentence encoder, a pair below the word threshold but above ``MEANING_FLOOR`` is a
rewrite when its narrative embeddings reach this cosine."""
EXPLAINED_SHARE = 0.6
"""A link between two copies is dropped when this share of its pairs goes through a common source."""

_CITING_ANY = re.compile(
    r"\b(?:citing|according to|quoted by|reported by|via)\s+(?:foreign|international|local|western|"
    r"russian|ukrainian|us|u\.s\.|media|news|press|agencies|reports)",
    re.I,
)


@dataclass(slots=True)
class _Profile:
    article: Article
    sentences: dict[int, list[str]]
    bigrams: dict[int, set[tuple[str, str]]]
    credits: str = ""
    wire: str | None = None
    admits_copy: bool = False


@dataclass(slots=True)
class Link:
    """An undirected alignment between two articles, before its direction is chosen."""

    a: int
    b: int
    pairs: list[tuple[int, int, float, str]] = field(default_factory=list)


def _profile(article: Article) -> _Profile:
    sentences, bigrams = {}, {}
    for sent in article.sentences:
        toks = narrative_words(article, sent.index)
        if len(toks) >= MIN_WORDS:
            sentences[sent.index] = toks
            bigrams[sent.index] = set(itertools.pairwise(toks))
    credit_text = " ".join(r.text for r in article.removed if r.reason.startswith("credit"))
    agency = article.dateline.agency if article.dateline else None
    wire = wire_service(article.outlet) or wire_service(agency)
    return _Profile(
        article=article,
        sentences=sentences,
        bigrams=bigrams,
        credits=f"{article.text} {credit_text} {agency or ''}",
        wire=wire,
        admits_copy=bool(_CITING_ANY.search(article.text)),
    )


class _Meaning:
    """Cosine of two sentences' narrative embeddings, each sentence encoded once, on demand."""

    def __init__(self, encoder):
        self.encoder = encoder
        self.vectors: dict[tuple[str, int], object] = {}

    def cosine(self, pa: _Profile, i: int, pb: _Profile, j: int) -> float:
        missing = [(p, k) for p, k in ((pa, i), (pb, j)) if (p.article.id, k) not in self.vectors]
        if missing:
            rows = self.encoder.encode([narrative_text(p.article, k) for p, k in missing])
            for (p, k), row in zip(missing, rows, strict=True):
                self.vectors[(p.article.id, k)] = row
        return float(self.vectors[(pa.article.id, i)] @ self.vectors[(pb.article.id, j)])


def _align(pa: _Profile, pb: _Profile, meaning: _Meaning | None = None) -> list[tuple[int, int, float, str]]:
    candidates = []
    for i, bi in pa.bigrams.items():
        for j, bj in pb.bigrams.items():
            if len(bi & bj) < 2:
                continue
            wa, wb = pa.sentences[i], pb.sentences[j]
            ratio = SequenceMatcher(None, wa, wb, autojunk=False).ratio()
            short = min(len(wa), len(wb)) < SHORT_WORDS
            if ratio >= (SHORT_THRESHOLD if short else SENTENCE_THRESHOLD):
                candidates.append((ratio, i, j, "words"))
            elif meaning is not None and not short and ratio >= MEANING_FLOOR:
                cosine = meaning.cosine(pa, i, pb, j)
                if cosine >= MEANING_THRESHOLD:
                    # Ranked below every word match: a paraphrase is weaker evidence of copying.
                    candidates.append((cosine - 1.0, i, j, "meaning"))
    used_a, used_b, pairs = set(), set(), []
    for score, i, j, method in sorted(candidates, reverse=True):
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            similarity = score + 1.0 if method == "meaning" else score
            pairs.append((i, j, round(similarity, 3), method))
    return sorted(pairs)


def _credits(credits: str, outlet: str | None) -> bool:
    if not outlet:
        return False
    return re.search(rf"(?<!\w){re.escape(outlet)}(?!\w)", credits, re.I) is not None


def _direction(pa: _Profile, pb: _Profile, share_a: float, share_b: float) -> tuple[bool, str]:
    """``(a_copies_b, reason)``."""
    oa, ob = pa.article.outlet, pb.article.outlet
    if oa != ob:
        a_credits_b, b_credits_a = _credits(pa.credits, ob), _credits(pb.credits, oa)
        if a_credits_b != b_credits_a:
            name = ob if a_credits_b else oa
            return a_credits_b, f"credits {name}"
    if bool(pa.wire) != bool(pb.wire):
        return bool(pb.wire), f"{pb.wire or pa.wire} is a wire service"
    if pa.admits_copy != pb.admits_copy:
        return pa.admits_copy, "says it is citing other media"
    da, db = pa.article.published, pb.article.published
    if da and db and da != db:
        return da > db, "published later"
    if abs(share_a - share_b) >= 0.05:
        return share_a > share_b, "more of its narrative is repeated (containment)"
    longer_b = len(pb.sentences) >= len(pa.sentences)
    return longer_b, "shorter of two near-identical texts"


def _longest_run(pairs: list[tuple[int, int, float, str]]) -> int:
    """The most aligned pairs that follow one another in both articles, in the same order (a
    sentence or two between them allowed: a quote or a short line that shows no copying)."""
    best = run = 0
    last = None
    for i, j, *_ in sorted(pairs):
        if last is not None and 1 <= i - last[0] <= 2 and 1 <= j - last[1] <= 2:
            run += 1
        else:
            run = 1
        best = max(best, run)
        last = (i, j)
    return best


def _find_links(profiles: list[_Profile], encoder=None) -> list[Link]:
    """Undirected links between articles that share enough narrative sentences."""
    meaning = _Meaning(encoder) if encoder is not None else None
    links = []
    for x, y in itertools.combinations(range(len(profiles)), 2):
        pairs = _align(profiles[x], profiles[y], meaning)
        if len(pairs) < MIN_PAIRS:
            continue
        smaller = max(1, min(len(profiles[x].sentences), len(profiles[y].sentences)))
        if len(pairs) / smaller >= MIN_SHARE or _longest_run(pairs) >= MIN_BLOCK:
            links.append(Link(x, y, pairs))
    return links


def derivations(articles: list[Article], encoder=None) -> tuple[dict[str, list[Derivation]], dict[str, int]]:
    """``derived_from`` per article id, and the origin group (0, 1, …) of every article id.

    Groups are numbered by the order of their first article in ``articles``. With a sentence
    ``encoder``, sentences reworded beyond the word threshold also align when their meaning agrees.
    """
    profiles = [_profile(a) for a in articles]
    links = _find_links(profiles, encoder)
    directed: dict[tuple[int, int], tuple[list[tuple[int, int, float, str]], float, str]] = {}
    for link in links:
        pa, pb = profiles[link.a], profiles[link.b]
        share_a = len(link.pairs) / max(1, len(pa.sentences))
        share_b = len(link.pairs) / max(1, len(pb.sentences))
        a_copies, reason = _direction(pa, pb, share_a, share_b)
        if a_copies:
            directed[(link.a, link.b)] = (link.pairs, share_a, reason)
        else:
            flipped = [(j, i, r, m) for i, j, r, m in link.pairs]
            directed[(link.b, link.a)] = (sorted(flipped), share_b, reason)
    directed = _drop_explained(directed)

    result: dict[str, list[Derivation]] = {a.id: [] for a in articles}
    for (copy, source), (pairs, share, reason) in sorted(directed.items()):
        ca, sa = articles[copy], articles[source]
        mean_sim = sum(r for _, _, r, _ in pairs) / len(pairs)
        result[ca.id].append(
            Derivation(
                article=sa.id,
                score=round(share * mean_sim, 3),
                pairs=[
                    AlignedPair(i, j, r, ca.sentences[i].text, sa.sentences[j].text, method)
                    for i, j, r, method in sorted(pairs)
                ],
                direction=reason,
            )
        )
    return result, _groups(articles, directed.keys())


def _drop_explained(directed: dict) -> dict:
    """Drop copy→copy links whose pairs mostly run through a source both copy."""
    sources: dict[int, dict[int, dict[int, int]]] = {}
    for (copy, source), (pairs, _, _) in directed.items():
        sources.setdefault(copy, {})[source] = {i: j for i, j, *_ in pairs}
    kept = {}
    for (copy, source), value in directed.items():
        pairs = value[0]
        explained = 0
        for i, j, *_ in pairs:
            for common, via_copy in sources.get(copy, {}).items():
                via_source = sources.get(source, {}).get(common)
                if common != source and via_source and i in via_copy and via_source.get(j) == via_copy[i]:
                    explained += 1
                    break
        if explained < EXPLAINED_SHARE * len(pairs):
            kept[(copy, source)] = value
    return kept


def _groups(articles: list[Article], edges) -> dict[str, int]:
    parent = list(range(len(articles)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        parent[find(a)] = find(b)
    numbering: dict[int, int] = {}
    groups = {}
    for i, article in enumerate(articles):
        root = find(i)
        groups[article.id] = numbering.setdefault(root, len(numbering))
    return groups
