"""From the analysed articles of one story to the :class:`~crosswire.model.Story`.

The stages, each in its own module:

0. :mod:`crosswire.cohesion`: articles that are not about the story the others tell are set aside;
1. :mod:`crosswire.origins`: which articles copy which; origin groups = independent sources;
2. :mod:`crosswire.claims`: sentences that state the same fact, with their support;
3. :mod:`crosswire.fidelity`: each quote's renderings across outlets, with a fidelity class;
4. :mod:`crosswire.brief`: the cited brief, the title, the timeline, entities and coverage.

Nothing here parses text again: everything comes from the analysed articles, so a story can be
rebuilt from stored articles.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from crosswire import brief as briefing
from crosswire.claims import build_claims, sentence_units
from crosswire.cohesion import THRESHOLD, UNLIKE_PAIR, off_story, unlike_pair
from crosswire.fidelity import compare_quotes
from crosswire.lexicon import ROLE_HEADS, ROLE_SYNONYMS
from crosswire.model import Article, QuoteGroup, Skipped, Speaker, Story, StoryArticle, StoryEntity
from crosswire.origins import derivations
from crosswire.textsim import People, titled


def build_story(
    articles: Sequence[Article],
    *,
    words: int = briefing.DEFAULT_WORDS,
    encoder=None,
    skipped: Sequence[Skipped] = (),
    keep_off_story: bool = False,
) -> Story:
    """The story told by ``articles`` (analysed, as :class:`crosswire.analyze.Analyzer` returns them).

    Parameters
    ----------
    words:
        Length of the brief, in words (about: the last sentence may run over).
    encoder:
        Optional sentence encoder (an object with ``encode(list[str]) -> ndarray`` of normalised
        rows, such as :class:`crosswire.embed.SentenceEncoder`) to group claims by meaning as well
        as by shared words.
    skipped:
        Inputs that did not become articles; carried into the story so nothing is lost silently.
    keep_off_story:
        Keep articles that are not about the story the others tell
        (:func:`crosswire.cohesion.off_story`). By default they go to ``skipped``, with the
        article they are closest to: an index page or a teaser for another story would otherwise
        lend the story its title, brief sentences, names and one more independent source.
    """
    articles, skipped = _distinct(articles, skipped)
    if not keep_off_story:
        articles, skipped = _on_story(articles, skipped)
    entities = briefing.entities(articles)
    articles = [_titles_resolved(article, entities) for article in articles]
    derived, groups = derivations(articles, encoder)
    embeddings = None
    if encoder is not None:
        units = sentence_units(articles)
        embeddings = encoder.encode([articles[a].sentences[s].text for a, s in units])
    people = People.of(articles)
    quotes = compare_quotes(articles, groups, people)
    claims = build_claims(articles, groups, embeddings=embeddings, quotes=quotes, people=people)
    misquoting = {
        (r.article, r.sentence)
        for group in quotes
        for r in group.renderings
        if r.fidelity in ("extended", "altered", "elided") and r.sentence is not None
    }
    support = briefing.ConceptSupport(articles, groups)
    brief = briefing.select(articles, claims, groups, words, misquoting, support)
    return Story(
        title=briefing.title(articles, groups, brief, support),
        independent_sources=len(set(groups.values())),
        articles=[
            StoryArticle(
                id=a.id,
                source_path=a.source_path,
                outlet=a.outlet,
                title=a.title,
                published=a.published,
                origin_group=groups[a.id],
                derived_from=derived[a.id],
            )
            for a in articles
        ],
        brief=brief,
        claims=claims,
        quotes=_named_as_in_story(quotes, entities),
        entities=entities,
        timeline=briefing.timeline(articles, claims),
        coverage=briefing.coverage(articles, claims),
        skipped=skipped,
        warnings=_warnings(articles),
    )


def _named_as_in_story(quotes: list[QuoteGroup], entities: Sequence[StoryEntity]) -> list[QuoteGroup]:
    """Each speaker under the name and first role the story's people list gives them: one outlet's
    "US Secretary of State" and another's "U.S. Secretary of State", or an article that only says
    "Blinken", would otherwise put one person's quotes under two headings."""
    known: dict[str, StoryEntity] = {}
    for entity in entities:  # most-cited first: a name keeps the entity it is most likely to mean
        for name in (entity.name, *entity.aliases):
            known.setdefault(name, entity)
    for group in quotes:
        entity = known.get(group.speaker.name) if group.speaker else None
        if entity is not None:
            role = entity.roles[0] if entity.roles else group.speaker.role
            group.speaker = Speaker(entity.name, role)
    return quotes


_TITLE_WORDS = re.compile(r"[^\W_]+(?:[.’'][^\W_]+)*\.?")
_POSSESSIVE = re.compile(r"[’']s$")
_NOT_A_TITLE = {"official"}  # "the official said": often one the article will not name
_EVALUATIVE = {"top"}  # "the top U.S. diplomat": no title says "top"


def _titles_resolved(article: Article, entities: Sequence[StoryEntity]) -> Article:
    """The article with each quote attributed to "the <title>" ("the Secretary said") given to
    the one person the article names who holds that title by the story's account of them. TURAN
    calls Blinken "the Secretary" and never gives him a title; the other outlets say he is the
    U.S. Secretary of State. Every other word of the description must be in the title ("the U.S.
    diplomat" is not the Ukrainian foreign minister); two holders, or none, leave the quote without
    a speaker. The article itself is not changed: the story gets a copy.

    Analysis resolves "the <title>" within an article by
    :meth:`crosswire.quotes.SpeakerResolver.resolve_description`, on the parse; here there is no
    parse, only the words the article gave (:attr:`Quote.attributed_to`), so the match is on those
    words, and stricter: one holder, every modifier in the title."""
    quotes = []
    for quote in article.quotes:
        holder = None
        if quote.speaker is None and quote.attributed_to:
            holder = _title_holder(quote.attributed_to, article.id, entities)
        if holder is not None:
            quote = dataclasses.replace(quote, speaker=Speaker(holder.name, holder.roles[0]))
        quotes.append(quote)
    if quotes == article.quotes:
        return article
    return dataclasses.replace(article, quotes=quotes)


def _title_holder(description: str, article: str, entities: Sequence[StoryEntity]) -> StoryEntity | None:
    words = _TITLE_WORDS.findall(description)
    if len(words) < 2:
        return None
    first, *modifiers, head = words
    if _POSSESSIVE.search(first):  # "Yugoslavia's prime minister"
        modifiers.insert(0, _POSSESSIVE.sub("", first))
    elif first.lower() != "the":
        return None  # "a senior official", "officials": not one person
    head = head.lower()
    if head in _NOT_A_TITLE or not (head in ROLE_HEADS or head in ROLE_SYNONYMS):
        return None  # "the government announced": a body, whatever title a person holds in it
    wanted = ROLE_SYNONYMS.get(head, {head})
    holders = [
        e
        for e in entities
        if e.type == "PERSON"
        and article in e.articles
        and any(any(titled(role, w) for w in wanted) and _qualifies(modifiers, role) for role in e.roles)
    ]
    return holders[0] if len(holders) == 1 else None


def _qualifies(modifiers: list[str], role: str) -> bool:
    """Is every modifier of a description ("U.S.", "prime") a word of the title? A country may
    be named for its people ("Yugoslavia" in "Yugoslav"): one word may begin the other."""
    title = {w.replace(".", "") for w in re.findall(r"[\w.]+", role.lower())}
    for modifier in modifiers:
        word = modifier.lower().replace(".", "")
        if word in _EVALUATIVE or word in title:
            continue
        if not any(len(t) >= 4 and len(word) >= 4 and (t.startswith(word) or word.startswith(t)) for t in title):
            return False
    return True


def _on_story(articles: list[Article], skipped: list[Skipped]) -> tuple[list[Article], list[Skipped]]:
    strays = {s.article: s for s in off_story(articles)}
    if not strays:
        return articles, skipped
    by_id = {a.id: a for a in articles}
    telling = len(articles) - len(strays)
    for stray in strays.values():
        closest = by_id[stray.closest].source_path
        reason = (
            f"not about the story the other {telling} articles tell: closest to {closest}, "
            f"similarity {stray.similarity:.2f} (articles of one story reach {THRESHOLD})"
        )
        skipped.append(Skipped(by_id[stray.article].source_path, reason))
    return [a for a in articles if a.id not in strays], skipped


def _warnings(articles: list[Article]) -> list[str]:
    """Two articles that are not alike: each may tell its own story, and neither can be set aside
    as off the story (see :func:`crosswire.cohesion.unlike_pair`)."""
    similarity = unlike_pair(articles)
    if similarity is None:
        return []
    first, second = (a.source_path for a in articles)
    return [
        f"the two articles may not tell one story: {first} and {second} have a similarity of "
        f"{similarity:.2f} (below {UNLIKE_PAIR}, which two articles of one story rarely are); both are kept, "
        "as neither is more the story than the other"
    ]


def _distinct(articles: Sequence[Article], skipped: Sequence[Skipped]) -> tuple[list[Article], list[Skipped]]:
    """Each text once: an input whose text is the same as an earlier one's (the same id: a wire
    file sent twice under two names) is one article, not two that copy each other; the second
    goes to ``skipped`` with the file it repeats."""
    first: dict[str, Article] = {}
    repeats = []
    for article in articles:
        if article.id in first:
            repeats.append(Skipped(article.source_path, f"same text as {first[article.id].source_path}"))
        else:
            first[article.id] = article
    return list(first.values()), [*skipped, *repeats]
