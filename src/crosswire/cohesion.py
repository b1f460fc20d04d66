"""Which articles given as one story are about something else.

A folder, a feed or a cluster handed over as one story often holds a page that is not about it:
a site's index page, a teaser for another story, an op-ed on a neighbouring subject, a lyrics
page. Left in, such a page lends the story its title, brief sentences, names and one more
"independent source". :func:`off_story` finds them.

Two articles are compared by their words and their names:

* *words*: the content-word stems of the title (counted ``title_weight`` times) and the text,
  sublinear term frequencies, L2-normalised, compared by cosine. There are no document
  frequencies: within one story the words every article shares are the evidence, and a
  story-fitted idf would weigh them least;
* *names*: the PERSON, ORG, GPE, NORP and LOC names analysis found, as the share of the shorter
  list that the other article also names.

Their similarity is ``cosine(words) + entity_weight * overlap(names)``. Articles linked by a
similarity of ``threshold`` or more, directly or through others, hang together; when one such
group holds more than half of the articles, every article outside it is off the story. When no
group does (a round-up of unrelated items, or two stories of equal size), nothing is: there is
no story to be off. Two articles that are not alike are never split either: :func:`unlike_pair`
gives their similarity, so that the story can warn that they may tell two stories.

The defaults were set on DUC 2004 and Multi-News stories with articles of other stories mixed in
(``bench/offstory.py``; figures in BENCHMARKS.md): about 1 in 500 DUC articles is taken for
off-story, where DUC's "story" is a loose topic (an article on a team's line-up in a cluster on
the Asian Games).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from crosswire.model import Article
from crosswire.textsim import content_stems, words

#: Similarity at which two articles are about one story (see the module's docstring).
THRESHOLD = 0.22
#: Weight of the names two articles share, beside their words.
ENTITY_WEIGHT = 0.2
#: How many times a title's words count: a headline says what a page is about.
TITLE_WEIGHT = 2
#: Similarity below which two articles, a story of their own, may tell two stories. Lower than
#: ``THRESHOLD``: with two articles there is no majority to weigh a stray against, so a warning
#: needs stronger evidence (on DUC 2004, no pair of one story falls below it; ``bench/offstory.py``).
UNLIKE_PAIR = 0.15
#: Fewer articles than this are never split: of two articles that differ, neither is "the story".
MIN_ARTICLES = 3
#: Entity types that tell what a story is about.
ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC"})


@dataclass(frozen=True, slots=True)
class OffStory:
    """An article that is not about the story the others tell."""

    article: str
    #: The id of the article most like it, and their similarity (below the threshold).
    closest: str
    similarity: float


def off_story(
    articles: Sequence[Article],
    *,
    threshold: float = THRESHOLD,
    entity_weight: float = ENTITY_WEIGHT,
    title_weight: int = TITLE_WEIGHT,
    min_articles: int = MIN_ARTICLES,
) -> list[OffStory]:
    """The articles outside the group of more than half the articles that hang together.

    Parameters
    ----------
    threshold:
        Similarity at or above which two articles are linked.
    entity_weight:
        Weight of the shared names in the similarity.
    title_weight:
        How many times a title's words count.
    min_articles:
        Stories with fewer articles are left whole.
    """
    n = len(articles)
    if n < min_articles:
        return []
    similarity = similarities(articles, entity_weight=entity_weight, title_weight=title_weight)
    outside = outside_majority(similarity, threshold)
    np.fill_diagonal(similarity, -1.0)
    strays = []
    for i in outside:
        j = int(np.argmax(similarity[i]))
        strays.append(OffStory(articles[i].id, articles[j].id, round(float(similarity[i, j]), 3)))
    return strays


def outside_majority(similarity: np.ndarray, threshold: float) -> list[int]:
    """Positions outside the largest group of rows linked at ``threshold`` or above (directly or
    through others); none when no group holds more than half of them."""
    linked = sparse.csr_matrix(similarity >= threshold)
    _, labels = sparse.csgraph.connected_components(linked, directed=False)
    core, size = Counter(labels.tolist()).most_common(1)[0]
    if size * 2 <= len(similarity):
        return []
    return np.flatnonzero(labels != core).tolist()


def unlike_pair(
    articles: Sequence[Article],
    *,
    threshold: float = UNLIKE_PAIR,
    entity_weight: float = ENTITY_WEIGHT,
    title_weight: int = TITLE_WEIGHT,
) -> float | None:
    """For a story of exactly two articles, which :func:`off_story` leaves whole (neither is more
    "the story" than the other): their similarity when it is below ``threshold``, so the caller can
    say the two may tell different stories; ``None`` when they are alike, or not two."""
    if len(articles) != 2:
        return None
    similarity = float(similarities(articles, entity_weight=entity_weight, title_weight=title_weight)[0, 1])
    return round(similarity, 3) if similarity < threshold else None


def similarities(
    articles: Sequence[Article], *, entity_weight: float = ENTITY_WEIGHT, title_weight: int = TITLE_WEIGHT
) -> np.ndarray:
    """The articles' pairwise similarities (an n × n array; see the module's docstring)."""
    terms = [_term_counts(a, title_weight) for a in articles]
    vocabulary: dict[str, int] = {}
    rows, cols, values = [], [], []
    for row, counts in enumerate(terms):
        weights = {t: 1.0 + math.log(c) for t, c in counts.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        for term, weight in weights.items():
            rows.append(row)
            cols.append(vocabulary.setdefault(term, len(vocabulary)))
            values.append(weight / norm)
    terms_matrix = sparse.csr_matrix((values, (rows, cols)), shape=(len(articles), max(len(vocabulary), 1)))
    similarity = (terms_matrix @ terms_matrix.T).toarray()
    if entity_weight:
        similarity += entity_weight * _name_overlap(articles)
    return similarity


def _name_overlap(articles: Sequence[Article]) -> np.ndarray:
    """Of each two articles' names, the share of the shorter list that the other names too."""
    index: dict[str, int] = {}
    rows, cols = [], []
    for row, article in enumerate(articles):
        for name in {e.name.casefold() for e in article.entities if e.type in ENTITY_TYPES}:
            rows.append(row)
            cols.append(index.setdefault(name, len(index)))
    names = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(articles), max(len(index), 1)))
    shared = (names @ names.T).toarray()
    sizes = np.asarray(names.sum(axis=1)).ravel()
    smaller = np.minimum.outer(sizes, sizes)
    return np.divide(shared, smaller, out=np.zeros_like(shared), where=smaller > 0)


def _term_counts(article: Article, title_weight: int) -> Counter[str]:
    counts = Counter(content_stems(words(article.text)))
    for term in content_stems(words(article.title or "")):
        counts[term] += title_weight
    return counts
