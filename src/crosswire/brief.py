"""The brief and the rest of a story's reading: title, timeline, people and organisations, coverage.

The brief is extractive: it picks one sentence per claim. Its selection follows concept coverage
(as in Gillick and Favre's ICSI summariser): a *concept* is a content-word stem or a pair of
adjacent word stems that are not both stopwords ("the strike" and "strike at" count, "of the" does
not), weighted by the number of independent origins whose articles state it, so that what more
independent sources support is picked first and a wire story copied by five sites counts once.
Sentences are taken greedily by new concept weight per word; a concept the brief already states
counts again at a fraction of its weight (a story's key names and terms recur in any account of
it), but a sentence whose concepts are mostly stated already is not taken (nothing is said
twice). The picked sentences are then ordered by the day of their article, then as a reader
would meet them in the articles (earlier in an article first), and each cites every sentence of
its claim.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from crosswire.clean import may_not_be_article
from crosswire.entities import GPE_ALIASES, short_form_of, spaced_form, spelling_rank, unhyphenated
from crosswire.lexicon import ROLE_HEADS, US_STATE_ABBREVIATIONS, WEB_PLATFORMS
from crosswire.model import (
    Article,
    BriefSentence,
    Citation,
    Claim,
    Coverage,
    StoryEntity,
    TimelineEvent,
)
from crosswire.textsim import (
    STOPWORDS,
    content_stems,
    fold_accents,
    initialled_names,
    name_form,
    narrative_text,
    normalize_word,
    one_word_apart,
    quoted_spans,
    spelt_names,
    spelt_surnames,
    stem,
    words,
)

DEFAULT_WORDS = 120
REDUNDANT = 0.6
"""A candidate whose weighted concepts are this much covered already would repeat the brief."""
MIN_WORDS = 6
POSITION = 0.3
"""How much a sentence's place in its article counts: 1 - POSITION × (relative position)."""
BIGRAM_WEIGHT = 1.5
"""Stem pairs say more than single stems: "north korea" over "north"."""
UNIGRAM_WEIGHT = 1.0
SUPPORT_EXPONENT = 1.0
"""A concept's weight grows as (independent origins stating it) ** SUPPORT_EXPONENT."""
LENGTH_EXPONENT = 0.75
"""Score = concept weight gained (new, plus restated at RESTATED) / words**LENGTH_EXPONENT."""
MIN_ORIGINS = 2
"""Concepts count first only when this many independent origins state them (1 for a one-origin
story): what is corroborated comes before what one origin alone reports, as claims mark it. Three,
as ICSI's concepts need three documents, left a story's central event out whenever one origin
(a long page of another subject) did not state it."""
OVERFLOW = 20
"""The last sentence may run this many words past the budget."""
RESTATED = 0.7
"""Weight of a concept the brief already states, per earlier statement (0.7, then 0.49, ...):
naming the storm again in a sentence with news of its own still helps it a little."""
RESTATES = 0.5
"""A candidate carrying this share of an earlier brief sentence's concept weight says it again."""
QUOTED = 0.5
"""Factor for a sentence that is mostly someone's words in quote marks: a brief states what
happened; quotes have their own section, compared across outlets."""
INDEPENDENCE = 0.0
"""Exponent of a claim's own independent origins in its score. 0: support enters through the
concept weights alone (measured better on the first half of DUC 2004, see BENCHMARKS.md)."""
MAX_WORDS = 55
STATES = 0.6
"""Share of a claim's content weight one sentence of an article must carry for the article to
state the claim (so that coverage does not say it leaves the claim out)."""
WORDING_STEMS = 6
"""Content words a supporting sentence needs to stand for its claim when coverage looks for the
claim in an article: a short member ("So I showed up.") matches too much."""
_DANGLING = re.compile(r"^(?:he|she|they|it|this|these|those|that|his|her|their|its|but|and|so|also)\b", re.I)
# "Instead, the school called …", "Worse, …": a connective that answers a sentence before it.
_CONNECTIVE = re.compile(
    r"^\W*(?:instead|worse|still|however|meanwhile|nevertheless|nonetheless|moreover|furthermore|even so"
    r"|in addition|as a result|by contrast|in contrast|on the other hand|otherwise|likewise|similarly),",
    re.I,
)
# A sentence a reader can take alone ends on its stop; a line without one is a heading, a link, a
# list item, a cut-off sentence or words that introduce what follows ("… said:").
_FINISHED = re.compile(r"[.!?…][\"”’')\]]*\s*$")
_QUESTION = re.compile(r"\?\s*[\"”’']?\s*$")
# '"…," he said.': the speaker is in another sentence.
_PRONOUN_ATTRIBUTION = re.compile(r"[,.!?…][\"”’']\s*(?:he|she|they|it)\s+\w+", re.I)
# "Rutte also warned …", "The union also said …": a sentence that adds to one before it.
_ALSO = re.compile(r"^\W*(?:[\w.'’-]+\s+){1,4}also\b")
_QUOTE_MARK = re.compile(r"^[\"“‘'`]")  # `` is newswire's opening quote mark
# "(The Gospel …) offended …", "and then left.": the end of a sentence cut in two.
_FRAGMENT = re.compile(r"^\W*(?:\(|[a-z])")


def concepts(text: str) -> set[str]:
    tokens = words(text)
    pairs = {f"{stem(a)} {stem(b)}" for a, b in itertools.pairwise(tokens) if a not in STOPWORDS or b not in STOPWORDS}
    return set(content_stems(tokens)) | pairs


class ConceptSupport:
    """How many independent origins state each concept of a story; counted once per story and
    shared by the brief's tiers and the title."""

    def __init__(self, articles: Sequence[Article], origin_group: dict[str, int]):
        origins_of: dict[str, set[int]] = defaultdict(set)
        for article in articles:
            group = origin_group[article.id]
            for sent in article.sentences:
                for concept in concepts(sent.text):
                    origins_of[concept].add(group)
        self.origins = {concept: len(groups) for concept, groups in origins_of.items()}
        self.n_origins = len(set(origin_group.values()))

    def weights(self, min_origins: int | None = None) -> dict[str, float]:
        """Concept → weight from the number of independent origins stating it.

        Concepts stated by fewer than ``min_origins`` origins (default :data:`MIN_ORIGINS`, at most
        the story's number of origins) weigh nothing.
        """
        floor = MIN_ORIGINS if min_origins is None else min_origins
        floor = min(floor, self.n_origins) if self.n_origins > 1 else 1
        return {
            concept: n**SUPPORT_EXPONENT * (BIGRAM_WEIGHT if " " in concept else UNIGRAM_WEIGHT)
            for concept, n in self.origins.items()
            if n >= floor
        }


def telling(articles: Sequence[Article]) -> list[Article]:
    """The articles that tell the story: all but pages the cleaner warned may not be articles (a
    video's description, a list of links), which supply no brief sentence, title, timeline entry
    or story date, though their claims and coverage stay. All of them when every one is warned:
    better such a page's telling than none."""
    told = [a for a in articles if not may_not_be_article(a.warnings)]
    return told or list(articles)


def _readable(text: str) -> bool:
    n = len(words(text))
    return MIN_WORDS <= n <= MAX_WORDS and not _QUESTION.search(text) and bool(_FINISHED.search(text))


def select(
    articles: Sequence[Article],
    claims: Sequence[Claim],
    origin_group: dict[str, int],
    words_budget: int = DEFAULT_WORDS,
    misquoting: set[tuple[str, int]] = frozenset(),
    support: ConceptSupport | None = None,
) -> list[BriefSentence]:
    """The brief: about ``words_budget`` words, one sentence per claim, every sentence cited.

    ``misquoting`` holds ``(article id, sentence)`` of sentences whose quote rendering is
    extended, altered or elided: the brief never repeats a misquote when its claim has another
    sentence, and never picks one at all. Nor does it pick a sentence of a picture's caption or
    of an embedded post (``Article.asides``) while the story offers other readable sentences,
    nor one of a page that may not be an article (:func:`telling`).
    """
    support = support or ConceptSupport(articles, origin_group)
    by_id = {a.id: a for a in telling(articles)}
    candidates = _candidates(claims, by_id, misquoting, readable_only=True)
    if not candidates:  # only very short or very long sentences: better those than no brief
        candidates = _candidates(claims, by_id, misquoting, readable_only=False)

    stated: Counter[str] = Counter()
    chosen: list[tuple] = []
    used_claims: set[int] = set()
    total = 0
    # What several origins report first; once that is said, what one origin alone reports
    # fills the rest of the budget (a two-article story still gets a full brief).
    for tier in (support.weights(), support.weights(min_origins=1)):
        while total < words_budget:
            best = _best(candidates, tier, stated, used_claims, total, words_budget, [c[2] for c in chosen])
            if best is None:
                break
            claim, _, cons, length, _, _ = best
            chosen.append(best)
            used_claims.add(claim.id)
            stated.update(cons)
            total += length

    # A story told over days or weeks reads in the order it happened: the day of the article a
    # sentence comes from first, then its place in that article. An undated article (a text file
    # without a date line) is read with the story's first day: sorting it before every dated one
    # would open a week-long story on whatever the undated page says last.
    first_day = min((d for d in map(_day, by_id.values()) if d), default="")
    chosen.sort(key=lambda c: (_day(by_id[c[1].article]) or first_day, c[4], c[0].id))
    chosen = _introduced_first(chosen, _full_names(articles))
    chosen = _told_before_quoted(chosen)
    chosen = _not_opened_by_a_connective(chosen)
    return [
        BriefSentence(
            text=support.text,
            claim=claim.id,
            citations=[Citation(s.article, s.sentence) for s in claim.support],
        )
        for claim, support, *_ in chosen
    ]


def _day(article: Article) -> str:
    """The article's publication day (``""`` when it has none: then place in the article alone decides)."""
    return (article.published or "")[:10]


def _told_before_quoted(chosen: list[tuple]) -> list[tuple]:
    """A brief does not open on someone's words: when its first sentence starts with a quote
    mark, the first sentence that tells what happened goes before it."""
    return _opening_first(chosen, _opens_on_quote)


def _not_opened_by_a_connective(chosen: list[tuple]) -> list[tuple]:
    """A brief does not open on a sentence that answers one before it ("Instead, …", "Worse, …"):
    the first sentence that opens without such a connective goes before it, one that tells what
    happened rather than quotes someone if there is one."""
    return _opening_first(chosen, _opens_on_connective, better=lambda text: not _opens_on_quote(text))


def _opens_on_quote(text: str) -> bool:
    return _QUOTE_MARK.match(text.strip()) is not None


def _opens_on_connective(text: str) -> bool:
    return _CONNECTIVE.match(text) is not None


def _opening_first(chosen: list[tuple], unfit, better=None) -> list[tuple]:
    """``chosen`` with, when its first sentence cannot open a brief (``unfit``), the first that can
    put before it: the first that is also ``better``, if one is."""
    if not chosen or not unfit(chosen[0][1].text):
        return chosen
    fit = [i for i, c in enumerate(chosen) if not unfit(c[1].text)]
    if not fit:
        return chosen
    first = next((i for i in fit if better is None or better(chosen[i][1].text)), fit[0])
    return [chosen[first], *chosen[:first], *chosen[first + 1 :]]


def _full_names(articles: Sequence[Article]) -> set[str]:
    return {e.name for a in articles for e in a.entities if e.type == "PERSON" and len(e.name.split()) >= 2}


def _introduced_first(chosen: list[tuple], names: set[str]) -> list[tuple]:
    """The chosen sentences in order, except that one naming a person by surname alone ("Rutte
    also warned …") waits until the sentence that gives the full name ("NATO Secretary General
    Mark Rutte"), when a later sentence gives it."""
    texts = [c[1].text for c in chosen]

    def surname_only(text: str) -> set[str]:
        # "Nobel" in "the Nobel Prize" is not Alfred Nobel named by surname alone.
        return {n for n in names if n not in text and re.search(rf"\b{re.escape(n.split()[-1])}\b(?! [A-Z])", text)}

    out: list[tuple] = []
    named: set[str] = set()
    waiting: list[tuple[set[str], tuple]] = []
    for i, cand in enumerate(chosen):
        later = {n for n in surname_only(texts[i]) - named if any(n in t for t in texts[i + 1 :])}
        if later:
            waiting.append((later, cand))
            continue
        out.append(cand)
        named.update(n for n in names if n in texts[i])
        for entry in [w for w in waiting if w[0] <= named]:
            waiting.remove(entry)
            out.append(entry[1])
    out.extend(cand for _, cand in waiting)
    return out


def _candidates(claims, by_id, misquoting, readable_only: bool) -> list[tuple]:
    candidates = []
    for claim in claims:
        for support in claim.support:
            if (support.article, support.sentence) in misquoting or support.article not in by_id:
                continue
            if readable_only and not _readable(support.text):
                continue
            article = by_id[support.article]
            if readable_only and article.sentences[support.sentence].paragraph in article.asides():
                continue  # what a photo shows or a post says, not the outlet's telling
            position = support.sentence / max(1, len(article.sentences))
            quoted = _quoted_share(article, support.sentence)
            # Counted as a reader (and --words) counts them: "U.S.", "350-mile" and "1,200" are one each.
            length = max(1, len(support.text.split()))
            candidates.append((claim, support, concepts(support.text), length, position, quoted))
    return candidates


def _best(candidates, weights, stated, used_claims, total, words_budget, taken=()):
    best, best_score = None, 0.0
    for cand in candidates:
        claim, support, cons, length, position, quoted = cand
        if claim.id in used_claims or total + length > words_budget + max(OVERFLOW, words_budget // 5):
            continue
        all_weight = sum(weights.get(c, 0.0) for c in cons)
        new = sum(weights.get(c, 0.0) for c in cons if not stated[c])
        if all_weight == 0 or new <= (1 - REDUNDANT) * all_weight:
            continue
        if any(_restates(cons, earlier, weights) for earlier in taken):
            continue
        gain = sum(weights.get(c, 0.0) * RESTATED ** stated[c] for c in cons)
        score = gain / length**LENGTH_EXPONENT
        score *= claim.independent**INDEPENDENCE
        if (
            _DANGLING.match(support.text.lstrip("\"“'‘` "))
            or _PRONOUN_ATTRIBUTION.search(support.text)
            or _ALSO.match(support.text)
            or _CONNECTIVE.match(support.text)
            or _FRAGMENT.match(support.text)
        ):
            score *= 0.3  # "He added …", "Instead, …" need the sentence before them
        score *= 1.0 - POSITION * position  # leads carry the news
        if quoted > 0.5:
            score *= QUOTED
        if score > best_score:
            best, best_score = cand, score
    return best


def _restates(cons: set[str], earlier: set[str], weights: dict[str, float]) -> bool:
    """Does a sentence carry most of an earlier one ("… and the union will put the deal to a vote
    on Friday" after "Members would vote on the agreement on Friday")? New facts beside it do not
    excuse saying that one again."""
    whole = sum(weights.get(c, 0.0) for c in earlier)
    return whole > 0 and sum(weights.get(c, 0.0) for c in earlier & cons) >= RESTATES * whole


_FIRST_PERSON = re.compile(r"\b(?:I|[Mm]e|[Mm]y|[Ww]e|[Oo]ur|us)\b(?!\.)")


def _quoted_share(article: Article, sentence: int) -> float:
    """Share of a sentence's characters in someone's own words: inside quote marks, or all of
    it when its narrative speaks in the first person (a letter, a blog post or a quotation the
    page printed without marks: "On behalf of our board, I want to thank you")."""
    if _FIRST_PERSON.search(narrative_text(article, sentence)):
        return 1.0
    spans = quoted_spans(article, sentence)
    length = len(article.sentences[sentence].text) or 1
    covered = set()
    for start, end in spans:
        covered.update(range(max(0, start), min(end, length)))
    return len(covered) / length


def title(
    articles: Sequence[Article],
    origin_group: dict[str, int],
    brief: list[BriefSentence],
    support: ConceptSupport | None = None,
) -> str | None:
    """The article title that best states what most origins report.

    Without titles (wire copy, archives), the article lead that does: a lead is written to say
    what happened, where the brief's first sentence is only the earliest it tells, which may be
    background. Else the brief's first sentence. Pages that may not be articles offer neither
    (:func:`telling`)."""
    weights = (support or ConceptSupport(articles, origin_group)).weights()
    articles = telling(articles)

    def best_of(texts: Iterable[str]) -> str | None:
        best, best_score = None, -1.0
        for text in texts:
            score = sum(weights.get(c, 0.0) for c in concepts(text)) / max(1, len(words(text))) ** 0.5
            if _QUOTE_MARK.match(text.strip()):
                score *= 0.5  # a headline quote says what one person said, not what happened
            if score > best_score:
                best, best_score = text, score
        return best

    headline = best_of(a.title for a in articles if a.title)
    if headline:
        return headline
    leads = [
        a.sentences[0].text
        for a in articles
        if a.sentences
        and _readable(a.sentences[0].text)
        and not _QUOTE_MARK.match(a.sentences[0].text.strip())
        and not _DANGLING.match(a.sentences[0].text)
        and not _CONNECTIVE.match(a.sentences[0].text)
    ]
    return best_of(leads) or (brief[0].text if brief else None)


def timeline(articles: Sequence[Article], claims: Sequence[Claim]) -> list[TimelineEvent]:
    """Dated claims in calendar order: each claim's most cited resolved date, with its support.

    A date in a picture's caption dates the picture, and one in an embedded post is read against
    the article's date, not the post's (``Article.asides``): neither gives an event. Nor does a
    page that may not be an article (:func:`telling`).
    """
    by_id = {a.id: a for a in telling(articles)}
    events = []
    for claim in claims:
        dates = Counter()
        stating: dict[str, list] = defaultdict(list)
        for support in claim.support:
            article = by_id.get(support.article)
            if article is None or article.sentences[support.sentence].paragraph in article.asides():
                continue
            for mention in article.dates:
                if mention.sentence == support.sentence and mention.date and not _not_its_date(article, mention):
                    dates[mention.date] += 1
                    stating[mention.date].append(support)
        if not dates:
            continue
        # The most cited date; then the most precise (day over month over year); then the earliest.
        date = min(dates, key=lambda d: (-dates[d], -len(d), d))
        # Told in a sentence that gives the date, cited first: a claim's other sentences may not
        # say when ("Eight others died." beside "… where 140 died in floods on Saturday").
        dated = stating[date]
        cites = [Citation(s.article, s.sentence) for s in dated + [s for s in claim.support if s not in dated]]
        events.append(TimelineEvent(date=date, text=dated[0].text, citations=cites))
    events.sort(key=lambda e: (e.date, -len(e.citations)))
    return events


_BACKGROUND_BEFORE = re.compile(r"\b(?:since|of|than)\s*$", re.I)
_DETERMINER_BEFORE = re.compile(r"(?:\b(?:a|an|the|its|his|her|their|our|this|that|whose)|\w's)\s+$", re.I)
_NOUN_AFTER = re.compile(r",?\s+(?P<word>[A-Za-z][\w.\-]*)")
_NOT_A_NOUN = frozenset(
    [
        "of",
        "in",
        "on",
        "at",
        "to",
        "and",
        "or",
        "but",
        "when",
        "that",
        "which",
        "who",
        "as",
        "for",
        "by",
        "with",
        "from",
        "before",
        "after",
        "until",
        "during",
        "was",
        "is",
        "were",
        "are",
        "had",
        "has",
        "have",
        "will",
        "would",
        "could",
        "said",
        "says",
    ]
)


def _not_its_date(article: Article, mention) -> bool:
    """A date that does not say when the sentence's news happened.

    A bare year the news is measured against ("the worst storm since 1935", "the hurricane of
    1935"), and any date that only modifies a noun ("arrested under a 1974 law", "blamed for the
    Aug. 7 bombings"): that dates the law or the bombings, and the sentence is about something
    else, so listing it under that date would misdate it. The event itself, where the story
    reports it, comes with its own date ("On Aug. 7, a truck ...")."""
    if mention.end <= mention.start:
        return False
    before = article.text[max(0, mention.start - 12) : mention.start]
    if mention.granularity == "year" and _BACKGROUND_BEFORE.search(before):
        return True
    if not _DETERMINER_BEFORE.search(before):
        return False
    after = _NOUN_AFTER.match(article.text, mention.end)
    return bool(after) and after["word"].lower() not in _NOT_A_NOUN


# On a tie, the type the small model confuses least: NORP is its usual wrong guess.
_TYPE_RANK = {"PERSON": 0, "ORG": 1, "GPE": 2, "LOC": 3, "NORP": 4}


# "British", "Ukrainian", "Chinese", "Iraqi", "American": a nationality opening a role.
_DEMONYM = re.compile(r"[a-z](?:an|ese|ish|i)$")


def _role_key(role: str) -> str:
    return " ".join(normalize_word(w) for w in re.sub(r"[^a-z ]", "", role.lower().replace("u.s.", "us")).split())


def _name_key(name: str) -> str:
    return fold_accents(name.replace("’", "'").replace("‘", "'"))


def _country_free(role: str) -> tuple[str, str | None] | None:
    """The role without the country it opens with ("Britain's foreign secretary", "British Foreign
    Secretary", "UK Foreign Secretary" -> "foreign secretary"), as a role key, with the possessor
    when the role opens with one ("Britain's" -> "United Kingdom"); None when it opens with no
    country."""
    first, _, rest = role.partition(" ")
    bare = re.sub(r"['’]s?$", "", first)
    if not rest or not bare[:1].isupper():
        return None
    possessor = GPE_ALIASES.get(bare.lower(), bare) if first != bare else None
    if bare.lower() in GPE_ALIASES or possessor or (_DEMONYM.search(bare) and bare.lower() not in ROLE_HEADS):
        return _role_key(rest), possessor


def _same_role(a: tuple[str, str | None] | None, b: tuple[str, str | None] | None) -> bool:
    """One role put with its country two ways; "Smith's attorney" is not "Jones's attorney"."""
    return a is not None and b is not None and a[0] == b[0] and (a[1] is None or b[1] is None or a[1] == b[1])


def _titled_role(role: str) -> bool:
    return all(w[:1].isupper() for w in role.split() if len(w) > 3)


def _absorb(target: StoryEntity, roles: list[str], aliases: list[str], article_ids: list[str]) -> None:
    """Add roles (once per spelling variant, and not again as the end of a fuller one: "Secretary
    General" beside "NATO Secretary General"; once whichever way its country is put: "Britain's
    foreign secretary", "British Foreign Secretary" and "UK Foreign Secretary" are one role of one
    person), aliases and articles to ``target``."""
    for role in roles:
        key = _role_key(role)
        keys = [_role_key(r) for r in target.roles]
        if any(k == key or k.endswith(" " + key) for k in keys):
            continue
        national = _country_free(role)
        same = [i for i, r in enumerate(target.roles) if _same_role(national, _country_free(r))]
        if same:
            # Shown as a title ("British Foreign Secretary") rather than a description of one.
            if _titled_role(role) and not _titled_role(target.roles[same[0]]):
                target.roles[same[0]] = role
            continue
        shorter = next((i for i, k in enumerate(keys) if key.endswith(" " + k)), None)
        if shorter is None:
            target.roles.append(role)
        else:  # the fuller title takes the shorter one's place
            target.roles[shorter] = role
    for alias in aliases:
        if alias not in target.aliases and alias != target.name:
            target.aliases.append(alias)
    for article_id in article_ids:
        if article_id not in target.articles:
            target.articles.append(article_id)


_PLACE_OR_BODY = frozenset({"ORG", "GPE", "LOC"})

# A name that starts with the United States ("U.S. State Department").
_US_BEFORE = re.compile(r"^(?:U\.S\.|US|United States) +")
_DEPARTMENT = re.compile(r"Department of (?:the )?(?P<of>.+)|(?P<before>.+?) Department")


def _department_of(name: str) -> str | None:
    """What a department is the department of, as its names share it: "State Department",
    "Department of State" and "U.S. Department of State" → "state"."""
    match = _DEPARTMENT.fullmatch(_US_BEFORE.sub("", name))
    return match and (match["of"] or match["before"]).casefold()


def _number_apart(name: str, other: str) -> bool:
    """Are two names of several words the same but for one word of four letters or more, in the
    singular in one and the plural in the other ("Public School", "Public Schools")?"""
    a, b = spaced_form(name).split(), spaced_form(other).split()
    pair = one_word_apart(a, b) if len(a) >= 2 else None
    if pair is None:
        return False
    x, y = sorted(pair, key=len)
    return len(x) >= 4 and (y in (x + "s", x + "es") or (x.endswith("y") and y == x[:-1] + "ies"))


_ACRONYM = re.compile(r"[A-Z]{2,5}")
_CHANNEL = re.compile(r"Channel \d+")


def _outlet_of(key: tuple[str, str]) -> str | None:
    """The outlet a broadcaster's name and its news name share ("ABC" and "ABC News", "Channel 11"
    and "Channel 11 News"): an acronym the story types as an organisation, or a channel number."""
    name, kind = key
    if kind not in _PLACE_OR_BODY:
        return None
    base = name.removesuffix(" News")
    if _CHANNEL.fullmatch(base) or (_ACRONYM.fullmatch(base) and (base != name or kind == "ORG")):
        return base
    return None


def _surname_taken_for_organisation(key: tuple[str, str]) -> bool:
    """A one-word "organisation" that may be a surname the model mistyped in an article that never
    gives the full name ("hail Trump", "Trump's laws"): not a platform ("Twitter")."""
    return key[1] == "ORG" and key[0][:1].isupper() and key[0] not in WEB_PLATFORMS


def _given_name_first(name: str) -> bool:
    """Does the full name start with a word that may be a given name (letters, capitalised, no
    initial or abbreviation: not "U.S. Treasury" or "Q. Mobil", which the model took for people)?"""
    first = name.split()[0]
    return first.isalpha() and first[:1].isupper() and not first.isupper() and first.lower() not in STOPWORDS


def entities(articles: Sequence[Article]) -> list[StoryEntity]:
    """Entities merged across articles: one name tagged differently by different articles ("Port
    Alder" GPE here, LOC there) is one entity, under the type most articles give it; a surname
    joins the one full name that ends with it; two spellings of one given name join ("Jon" and
    "Jonathan", "Lindsey" and "Lindsay": see :func:`crosswire.textsim.spelt_names`); initials and
    dotted spellings join the one name they stand for ("EU", "European Union"; "US Congress",
    "U.S. Congress"); a name spelt with a hyphen or a space between the same words is one ("Al
    Jazeera", "Al-Jazeera"). A body's or place's name with a word of four letters or more in the
    singular in one article and the plural in another is one ("Pittsburgh Public School",
    "Pittsburgh Public Schools"), unless a third name is apart from either by such a word; so
    are "State Department", "Department of State" and "U.S. Department of State", under the
    fullest; a broadcaster's acronym or channel and its news ("ABC", "ABC News"; "Channel 11",
    "Channel 11 News"), under the news; and a state's AP abbreviation and its name ("Ala.",
    "Alabama"), under the name. A one-word "organisation" that is the surname of the one person the
    story names in full joins that person (an article that only says "Trump" may type it so),
    unless it is a platform, the full name starts with an initial or abbreviation, or more
    articles give the one word than the full name."""
    merged: dict[tuple[str, str], StoryEntity] = {}
    mentions: Counter = Counter()

    def fold(source_key: tuple[str, str], target_key: tuple[str, str], alias: str | None = None) -> None:
        source = merged.pop(source_key)
        _absorb(merged[target_key], source.roles, source.aliases + ([alias] if alias else []), source.articles)
        mentions[target_key] += mentions.pop(source_key)

    def fold_alike(same, rank) -> None:
        """Fold the entities whose keys ``same`` gives one value (``None``: none) into the one
        ``rank`` puts first among them (it sees the key and its fellows), its name an alias."""
        alike: dict = defaultdict(list)
        for key in merged:
            if (value := same(key)) is not None:
                alike[value].append(key)
        for keys in alike.values():
            kept = max(keys, key=lambda k: rank(k, keys))
            for key in keys:
                if key != kept:
                    fold(key, kept, alias=key[0])

    def votes(key: tuple[str, str], keys: list[tuple[str, str]]) -> int:
        """Articles that give the key's type to one of ``keys``."""
        return sum(len(merged[k].articles) for k in keys if k[1] == key[1])

    for article in articles:
        for ent in article.entities:
            key = (_name_key(ent.name), ent.type)
            story_ent = merged.setdefault(key, StoryEntity(name=key[0], type=ent.type))
            _absorb(story_ent, ent.roles, ent.aliases, [article.id])
            mentions[key] += len(ent.mentions)
    # One name under several types is one entity, under the type most articles give it. First,
    # so that a surname the model typed as a person once and as a place or organisation elsewhere
    # ("Biden" in "the Biden administration" and "Biden officials") joins the full name below.
    by_name: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key in merged:
        by_name[key[0]].append(key)
    for keys in by_name.values():
        keys.sort(key=lambda k: (-len(merged[k].articles), -mentions[k], _TYPE_RANK.get(k[1], 9)))
        for key in keys[1:]:
            fold(key, keys[0])
    # "North Koreans" in one article, "North Korean" in another: one people, under the adjective;
    # also where an article typed the plural otherwise, when another gave it as that people
    # (not "Philippines" beside "Philippine", nor the "Yankees" beside a "Yankee").
    for key in [k for k in merged if k[0].endswith("s")]:
        singular = (key[0][:-1], "NORP")
        if singular in merged and (key[1] == "NORP" or key[0] in merged[singular].aliases):
            fold(key, singular, alias=key[0])
    # One name spelt with and without its article or in capitals ("Bashar Assad" in one article,
    # "Bashar al-Assad" in another; "CRAYOLA" in a headline) is one entity (the key folds accents).
    fold_alike(
        lambda k: (name_form(k[0]), k[1]),
        lambda k, _: (spelling_rank(k[0]), len(merged[k].articles), mentions[k]),
    )
    # So is one name spelt with a hyphen in one article and a space in another: under any type
    # ("Asia-Pacific Economic Cooperation" a place here, "Asia Pacific Economic Cooperation" a
    # body there), then under one type also in other capitals ("Kim Dae-jung", "Kim Dae Jung").
    # After the spellings above, so that "Al-Qaeda" has taken in "Qaeda" before it joins "Al
    # Qaeda". The type most articles give and the spelling most print go.
    for same in (lambda k: unhyphenated(k[0]), lambda k: (spaced_form(k[0]), k[1])):
        fold_alike(
            same,
            lambda k, keys: (votes(k, keys), spelling_rank(k[0])[1:], len(merged[k].articles), mentions[k]),
        )
    # "Christopher R. Miller" here, "Christopher Miller" there: one person, unless the story also
    # has another middle initial between those names ("George W. Bush", "George H. W. Bush").
    # Then "Bob Livingston" here, "Robert Livingston" there; "Lindsey Graham" and "Lindsay Graham":
    # one person, unless the story has another given name with that surname that either may be
    # (see spelt_names). Each on the names the fold before left; before the surname alone, which
    # then has one full name to join.
    for names_alike in (initialled_names, spelt_names, spelt_surnames):
        alike = names_alike(k[0] for k in merged if k[1] == "PERSON" and " " in k[0])
        fold_alike(
            lambda k, alike=alike: alike.get(name_form(k[0])) if k[1] == "PERSON" and " " in k[0] else None,
            lambda k, _: (len(merged[k].articles), mentions[k], len(k[0])),
        )
    people = [k for k in merged if k[1] == "PERSON" and " " in k[0]]
    for key in list(merged):
        name, kind = key
        if " " in name or not (kind == "PERSON" or _surname_taken_for_organisation(key)):
            continue
        full = [p for p in people if name_form(p[0].split()[-1]) == name_form(name)]
        # A one-word "organisation" joins a person only when the full name is as well attested
        # (no more articles give the one word): "Endeavour", the shuttle of seven articles, is
        # not the "Aboard Endeavour" the model took for a person in one.
        if len(full) == 1 and (
            kind == "PERSON"
            or (_given_name_first(full[0][0]) and len(merged[key].articles) <= len(merged[full[0]].articles))
        ):
            fold(key, full[0], alias=name)
    # "Carlos Flores" here, "Carlos Flores Facusse" there; "John Paul" and "John Paul II".
    for key in sorted((k for k in merged if k[1] == "PERSON" and " " in k[0]), key=lambda k: len(k[0])):
        head = key[0].split()
        longer = [
            k
            for k in merged
            if k[1] == "PERSON" and k != key and k[0].split()[: len(head)] == head and len(k[0]) > len(key[0])
        ]
        if len(longer) == 1:
            fold(key, longer[0], alias=key[0])
    # "State Department" here, "Department of State" or "U.S. Department of State" there: one
    # body, under its fullest name.
    fold_alike(
        lambda k: _department_of(k[0]) if k[1] in _PLACE_OR_BODY else None,
        lambda k, _: (len(k[0]), len(merged[k].articles), mentions[k]),
    )
    # "Pittsburgh Public Schools" here, "Pittsburgh Public School" there: one body or place, a word
    # of it in the singular in one article and in the plural in another, unless a third name of
    # the story is apart from either by one such word. The spelling most articles print goes; on
    # a tie the singular, as the plural is often a possessive that lost its apostrophe ("all
    # Silicon Valleys boats").
    bodies = [k for k in merged if k[1] in _PLACE_OR_BODY and " " in k[0]]
    apart = {k: [o for o in bodies if o != k and _number_apart(k[0], o[0])] for k in bodies}
    for key, others in apart.items():
        if len(others) == 1 and apart[others[0]] == [key] and key in merged and others[0] in merged:
            pair = sorted([key, others[0]], key=lambda k: (len(merged[k].articles), mentions[k], -len(k[0])))
            fold(pair[0], pair[1], alias=pair[0][0])
    # "ABC" and "ABC News", "Channel 11" and "Channel 11 News": one outlet, under the longer name.
    fold_alike(_outlet_of, lambda k, _: len(k[0]))
    # "Selma, Ala." in one article, "Alabama" in another: the state, under its full name.
    for key in [k for k in merged if k[0] in US_STATE_ABBREVIATIONS]:
        full = [k for k in merged if k[1] in _PLACE_OR_BODY and k[0] == US_STATE_ABBREVIATIONS[key[0]]]
        if len(full) == 1:
            fold(key, full[0], alias=key[0])
    # "EU" in some articles, "European Union" in another; "US Congress" and "U.S. Congress".
    for key in sorted((k for k in merged if k[1] in _PLACE_OR_BODY), key=lambda k: len(k[0])):
        longer = [
            k for k in merged if k[1] in _PLACE_OR_BODY and len(k[0]) > len(key[0]) and short_form_of(key[0], k[0])
        ]
        if len(longer) == 1:
            fold(key, longer[0], alias=key[0])
    _one_role_per_body_name(merged.values())
    return sorted(merged.values(), key=lambda e: (-len(e.articles), -mentions[(e.name, e.type)], e.name))


def _one_role_per_body_name(story_entities: Iterable[StoryEntity]) -> None:
    """One role written with a body's or place's short name in one article and its full name in
    another ("EU foreign policy chief", "European Union foreign policy chief") is one role, shown
    with the fuller spelling."""
    story_entities = list(story_entities)
    full = {alias.casefold(): e.name for e in story_entities if e.type in _PLACE_OR_BODY for alias in e.aliases}
    full.update(GPE_ALIASES)
    names = sorted((re.escape(a) for a in full if a), key=len, reverse=True)
    if not names:
        return
    short_name = re.compile(rf"(?<!\w)(?:{'|'.join(names)})(?!\w)", re.I)
    for entity in story_entities:
        if entity.type != "PERSON" or len(entity.roles) < 2:
            continue
        kept: dict[str, str] = {}
        for role in entity.roles:
            key = _role_key(short_name.sub(lambda m: full.get(m.group(0).casefold(), m.group(0)), role))
            if key not in kept or len(role) > len(kept[key]):
                kept[key] = role
        entity.roles = list(kept.values())


def coverage(articles: Sequence[Article], claims: Sequence[Claim], top: int = 10) -> dict[str, Coverage]:
    """Per article: the claims only it reports, and the best-supported claims it leaves out."""
    best = [c for c in claims if c.independent >= 2] or [c for c in claims if c.outlets >= 2]
    best = best[:top]
    stems = {(a.id, s.index): set(content_stems(words(s.text))) for a in articles for s in a.sentences}
    df = Counter(stem for sentence in stems.values() for stem in sentence)
    idf = {stem: math.log((1 + len(stems)) / (1 + n)) for stem, n in df.items()}
    result = {}
    for article in articles:
        supported = {c.id for c in claims if any(s.article == article.id for s in c.support)}
        unique = [c.id for c in claims if {s.article for s in c.support} == {article.id}]
        own = [stems[article.id, sentence.index] for sentence in article.sentences]
        omitted = [c.id for c in best if c.id not in supported and not _states(own, c, idf)]
        result[article.id] = Coverage(unique=unique, omitted=omitted)
    return result


def _states(own: list[set[str]], claim: Claim, idf: dict[str, float]) -> bool:
    """Does one of an article's sentences carry most of what the claim says?

    Claims are grouped at a bar set to keep different facts apart, so an article can state a
    claim's fact in a longer sentence of its own ("X cut short a trip on Monday due to an
    infection that revived questions about ..." against "An infection forced X to cut short a
    trip"). Saying it leaves that fact out would be false; a reader trusts "leaves out" only if
    it is never wrong. Words are weighted by rarity in the story: the names every sentence
    repeats do not make two sentences say the same thing.

    Each wording the claim has (its text and every sentence that supports it) is tried: outlets
    that state one fact word it differently, and the article may be closer to any of them ("was
    charged with first-degree murder" beside "charged with 1st degree murder"). A short wording
    ("So I showed up.") is too little to stand for the claim."""
    for text in dict.fromkeys([claim.text, *(s.text for s in claim.support)]):
        theirs = set(content_stems(words(text)))
        if text != claim.text and len(theirs) < WORDING_STEMS:
            continue
        whole = sum(idf.get(t, 0.0) for t in theirs)
        if whole and any(sum(idf.get(t, 0.0) for t in theirs & mine) >= STATES * whole for mine in own):
            return True
    return False
