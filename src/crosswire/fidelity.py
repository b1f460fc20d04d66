"""Quotes across outlets: one quote's renderings side by side, each with a fidelity class.

Renderings of one quote are merged when their speakers agree and their words overlap (a run of
:data:`MIN_RUN` words, after case, punctuation, British/American spelling and ellipses are
normalised away; a masked word, "f***", "****" or "(expletive)", is one word however it is masked).
Speakers agree when they are one person of the story: a surname alone ("Markov")
is the full name another article gives ("Lena Markov") when no one else in the story has that
surname (see :class:`crosswire.textsim.People`). A quote whose speaker is unknown joins a named
speaker's quote only over a run of :data:`UNATTRIBUTED_RUN` words. The two halves of a quote that
an article splits around its attribution ("…," he said. "…") are one rendering, shown as the words
the outlet printed inside the marks, one half after the other: no ellipsis the outlet did not print.

Each rendering is then compared with the rendering of another article that shares most words
with it (difflib opcodes over words):

* ``extended``: words other articles of its origin print *outside* the quote marks, as narrative or
  paraphrase, stand inside the marks here (any other article when no origins are given);
* ``altered``: words changed or added inside the quote that no other outlet prints;
* ``elided``: words dropped inside the quote, with or without an ellipsis (an ellipsis where the
  other renderings print no words either, the same cut every outlet prints, drops nothing);
* ``truncated``: a contiguous part of a longer rendering;
* ``verbatim``: the same words as another rendering, or the fullest rendering with nothing
  added, changed or dropped.

A headline quoting its own article's body is compared with that body as well (headlines cut and
reword quotes), and the body is then its ``verbatim`` reference. Otherwise a quote only one
article prints has nothing to be compared with: its fidelity is ``None``.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from crosswire.model import Article, Quote, QuoteGroup, Rendering, Speaker
from crosswire.textsim import STOPWORDS, People, narrative_words, one_edit, one_word_apart, same_person, words

MIN_RUN = 4
"""Shared consecutive words (two of them content words) that make two quotes renderings of one quote."""
UNATTRIBUTED_RUN = 6
"""Shared consecutive words that make a quote whose speaker is unknown a rendering of a named
speaker's quote. Shorter runs are names and set phrases any quote may hold ("black box", "Emma
Stone, La La Land", "a large sum of cash"), not evidence of who said it."""
SPELT_SPEAKER_RUN = 8
"""Shared consecutive words that make two quotes one though their speakers' names differ by one
letter ("Police Chief Steve Mullin" in one outlet, "Steve Mullins" in another): one misspelt
name, not two people saying the same eight words."""
NARRATIVE_SHARE = 0.6
"""Share of added content words found in another outlet's narrative for ``extended``."""
MISSPELT_LENGTH = 8
"""Words this long that differ by one letter are one word misspelt (short ones may be two words:
"now" and "not")."""
SEVERITY = ["extended", "altered", "elided", "truncated", "verbatim", None]

_ELLIPSIS = re.compile(r"\.\s*\.\s*\.|…|\[\s*\.\.\.\s*\]")
# A word an outlet masks: "f***", "****", "(expletive)", "[expletive deleted]", "[bleep]".
# Outlets mask the same word differently; the masks are one word, not a change of the quote.
_MASKED = re.compile(
    r"(?<![\w*])(?:[A-Za-z]{0,2}\*{2,}[A-Za-z]{0,3}|[A-Za-z]{1,2}\*[A-Za-z]{1,3})(?![\w*])"
    r"|[(\[]\s*(?:expletive(?:\s+deleted)?|bleep(?:ed)?|censored)\s*[)\]]",
    re.I,
)
# A quotation mark; an apostrophe inside a word ("Kushner's", "O’Connell") is not one.
_QUOTE_MARK = re.compile(r"[\"“”„«»`]|(?<!\w)['‘’]|['‘’](?!\w)")
_MARKS = re.compile(rf"(?:{_QUOTE_MARK.pattern})+")
"""Quotation marks side by side (’” closing a quote within a quote) count as one."""


@dataclass(slots=True)
class _Piece:
    article: int
    quote: int
    words: list[str]
    speaker: str | None
    whole: list[str]
    """The words of the whole quote where the article splits it around its attribution, else ``words``."""


def _pieces(articles: Sequence[Article]) -> list[_Piece]:
    pieces = []
    for pos, article in enumerate(articles):
        runs: list[list[int]] = []
        for qi, quote in enumerate(article.quotes):
            if quote.kind == "indirect":
                continue
            if runs and _split_around_attribution(article, article.quotes[runs[-1][-1]], quote):
                runs[-1].append(qi)
            else:
                runs.append([qi])
        for run in runs:
            toks = {qi: words(_MASKED.sub(" expletive ", article.quotes[qi].text)) for qi in run}
            whole = [w for qi in run for w in toks[qi]]
            for qi in run:
                quote = article.quotes[qi]
                if len(toks[qi]) >= 2:
                    pieces.append(_Piece(pos, qi, toks[qi], quote.speaker.name if quote.speaker else None, whole))
    return pieces


def _split_around_attribution(article: Article, first: Quote, second: Quote) -> bool:
    """Whether ``second`` goes on with ``first``, a quote the article breaks for its attribution:
    between them a closing mark, the attribution and an opening mark ("…," she said. "…"). A
    partial quote is not broken off: the reporter's sentence goes on after it."""
    if first.kind != "direct" or first.in_title or second.in_title:
        return False
    if first.sentence is None or second.sentence is None or second.sentence - first.sentence > 1:
        return False
    between = article.text[first.end : second.start]
    letters = [m.start() for m in re.finditer(r"\w", between)]
    if not letters:
        return False
    before, attribution, after = between[: letters[0]], between[letters[0] : letters[-1]], between[letters[-1] :]
    # One closing mark before the attribution and one opening mark after it: a mark anywhere else
    # opens or closes another quote ("…," she said, naming “X” and “…").
    return not _QUOTE_MARK.search(attribution) and all(len(_MARKS.findall(side)) == 1 for side in (before, after))


def shared_run(a: list[str], b: list[str]) -> list[str]:
    """The longest run of words ``a`` and ``b`` both hold, in order."""
    match = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return a[match.a : match.a + match.size]


def _longest_run(a: list[str], b: list[str]) -> int:
    return len(shared_run(a, b))


def _same_quote(p: _Piece, q: _Piece) -> bool:
    if p.speaker and q.speaker and not same_person(p.speaker, q.speaker) and not _spelt_apart(p, q):
        return False
    # Joined with a named speaker's quote, a quote of unknown speaker is shown as theirs. A half
    # of a quote split around its attribution ("…," he said. "…") is that quote's words too.
    if bool(p.speaker) != bool(q.speaker) and _longest_run(p.whole, q.whole) < UNATTRIBUTED_RUN:
        return False
    run = shared_run(p.words, q.words)
    shorter = min(len(p.words), len(q.words))
    if len(run) == shorter and shorter >= 2:
        return True
    # A shared phrase is not enough ("making sure that Ukraine has"): most of the shorter quote
    # must be in the other one.
    if _matched(p.words, q.words) < 0.5 * shorter:
        return False
    return len(run) >= MIN_RUN and sum(w not in STOPWORDS for w in run) >= 2


def _spelt_apart(p: _Piece, q: _Piece) -> bool:
    return _one_letter_apart(p.speaker, q.speaker) and _longest_run(p.whole, q.whole) >= SPELT_SPEAKER_RUN


def _one_letter_apart(a: str, b: str) -> bool:
    """Two names alike but for one letter of one word of four letters or more, added, dropped
    or changed ("Steve Mullin", "Steve Mullins")."""
    pair = one_word_apart(a.casefold().split(), b.casefold().split())
    return pair is not None and min(map(len, pair)) >= 4 and one_edit(*pair)


def _union(pieces: list[_Piece]) -> list[list[int]]:
    parent = list(range(len(pieces)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i in range(len(pieces)):
        for j in range(i + 1, len(pieces)):
            if find(i) != find(j) and _same_quote(pieces[i], pieces[j]):
                parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(pieces)):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


@dataclass(slots=True)
class _Rendering:
    article: int
    quotes: list[int]
    words: list[str]
    text: str
    raw: str


def _renderings(articles: Sequence[Article], pieces: list[_Piece], members: list[int]) -> list[_Rendering]:
    """An article's renderings of one quote: the halves of a quote split around its attribution
    are joined; a repeat (a headline quote printed again in the body) is dropped."""
    by_article: dict[int, list[_Piece]] = {}
    for m in members:
        by_article.setdefault(pieces[m].article, []).append(pieces[m])
    out = []
    for pos, own in by_article.items():
        article = articles[pos]
        kept: list[_Piece] = []
        for piece in sorted(own, key=lambda p: -len(p.words)):
            if not any(_holds(k.words, piece.words) for k in kept):
                kept.append(piece)
        kept.sort(key=lambda p: (not article.quotes[p.quote].in_title, article.quotes[p.quote].start))
        runs: list[list[_Piece]] = []
        for piece in kept:
            if runs and _split_around_attribution(
                article, article.quotes[runs[-1][-1].quote], article.quotes[piece.quote]
            ):
                runs[-1].append(piece)
            else:
                runs.append([piece])
        for run in runs:
            # The halves as printed, one after the other: an ellipsis between them would be one the
            # outlet never printed.
            printed = [article.quotes[p.quote].text.strip() for p in run]
            text = " ".join(printed).strip(" ,.;:")
            out.append(
                _Rendering(pos, [p.quote for p in run], [w for p in run for w in p.words], text, " ".join(printed))
            )
    return out


def _holds(whole: list[str], part: list[str]) -> bool:
    """Whether ``part`` is a run of ``whole``'s words, also where one of them prints a word in two
    ("non-toxic" beside "nontoxic")."""
    if _longest_run(part, whole) == len(part):
        return True
    letters = "".join(part)
    sizes = range(max(1, len(part) - 1), len(part) + 2)
    return any("".join(whole[i : i + n]) == letters for n in sizes for i in range(len(whole) - n + 1))


def _narrative_window(article: Article, quote_indices: list[int]) -> list[str]:
    """Narrative words of the sentences around a rendering: what the outlet says in its own voice."""
    found: list[str] = []
    for qi in quote_indices:
        sentence = article.quotes[qi].sentence
        if sentence is None:
            continue
        for s in range(max(0, sentence - 1), min(len(article.sentences), sentence + 2)):
            found.extend(narrative_words(article, s))
    return found


def _from_narrative(segment: list[str], narratives: list[list[str]]) -> bool:
    """Whether most of ``segment`` runs, in order, through one of the other outlets' narratives."""
    if not any(w not in STOPWORDS for w in segment):
        return False
    need = max(2, NARRATIVE_SHARE * len(segment))
    return any(_longest_run(segment, narrative) >= need for narrative in narratives)


def classify(
    rendering: _Rendering, others: list[_Rendering], narratives: dict[int, list[str]]
) -> tuple[str | None, list[str], list[str]]:
    """``(fidelity, added words, missing words)`` of one rendering against the others."""
    if not others:
        return None, [], []
    r = rendering.words
    # An ellipsis is the outlet's mark of a cut; against the others, a rendering is elided only
    # where another prints words it lacks (the same cut printed by every outlet is verbatim).
    if not _ELLIPSIS.search(rendering.raw) and any(o.words == r for o in others):
        return "verbatim", [], []
    best = max(others, key=lambda o: (_matched(r, o.words), len(o.words)))
    ops = SequenceMatcher(None, r, best.words, autojunk=False).get_opcodes()
    equal_at = [k for k, op in enumerate(ops) if op[0] == "equal"]
    other_narratives = [narratives[id(o)] for o in others if id(o) in narratives]
    added: list[str] = []
    missing: list[str] = []
    extended = altered = elided = False
    for k, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "equal":
            continue
        # Words beyond either end of the shared part are truncation or extension; between two
        # shared stretches they are changes or cuts inside the quote.
        inside = bool(equal_at) and equal_at[0] < k < equal_at[-1]
        mine, theirs = r[i1:i2], best.words[j1:j2]
        if tag == "replace" and _misspelt(mine, theirs):
            continue
        if mine:
            from_narrative = _from_narrative(mine, other_narratives)
            # Words inside the quote that one other printing lacks: from two printings alone the
            # longer cannot be told to have added them rather than the shorter to have dropped
            # them, and a desk reads the shorter as the elided one. Two printings that agree on
            # the shorter wording say this one added them.
            if not theirs and inside and not from_narrative and _printed_without(r[i1 - 1], r[i2], others) < 2:
                continue
            added.extend(mine)
            if from_narrative:
                extended = True
            elif theirs or (inside and not (_ELLIPSIS.search(best.raw) or len(best.quotes) > 1)):
                # Words the reference cut with an ellipsis, or where it splits the quote around
                # its attribution ("…," she said. "…"), are the reference's elision, not ours.
                altered = True
        if theirs:
            missing.extend(theirs)
            if inside and not mine:
                elided = True
    if extended:
        return "extended", added, missing
    if altered:
        return "altered", added, missing
    if elided:
        return "elided", added, missing
    if missing:
        return "truncated", added, missing
    return "verbatim", added, missing


def _printed_without(before: str, after: str, others: list[_Rendering]) -> int:
    """How many of the other renderings print ``before`` and ``after`` side by side: the words
    around an insertion, without it."""
    return sum(any(a == before and b == after for a, b in itertools.pairwise(o.words)) for o in others)


def _misspelt(mine: list[str], theirs: list[str]) -> bool:
    """The same words typed differently, not changed: one split by a stray space ("messag e" for
    "message"), long words a letter apart ("constituional" for "constitutional"), or "a" for "an"."""
    if "".join(mine) == "".join(theirs):
        return True
    if len(mine) != len(theirs):
        return False
    pairs = zip(mine, theirs, strict=True)
    # "an dog" for "a dog": the article's two forms are one word mistyped, never a change of meaning
    return all(
        a == b or {a, b} == {"a", "an"} or (min(len(a), len(b)) >= MISSPELT_LENGTH and one_edit(a, b)) for a, b in pairs
    )


def _matched(a: list[str], b: list[str]) -> int:
    return sum(block.size for block in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())


def compare_quotes(
    articles: Sequence[Article], origin_group: dict[str, int] | None = None, people: People | None = None
) -> list[QuoteGroup]:
    """Every direct or partial quote of the story, renderings merged across articles.

    With ``origin_group`` (article id → origin group, as :func:`crosswire.origins.derivations`
    gives it), a rendering is ``extended`` only by what articles of its own origin print outside
    the marks: a copy cannot know more of the speaker's words than its source prints, but an
    independent outlet that prints more of a quote than another outlet, which paraphrased the
    rest around a partial quote, may simply have heard more of it.

    Groups with an ``extended`` or ``altered`` rendering come first, then groups printed by more
    articles; within a group, the most serious fidelity class comes first. ``people`` are the
    story's people (by default, those of ``articles``).
    """
    pieces = _pieces(articles)
    # "Markov" in one article is "Lena Markov" of another when no one else in the story is a Markov.
    people = people or People.of(articles)
    for piece in pieces:
        piece.speaker = piece.speaker and people.full(piece.speaker)
    groups = []
    for members in _union(pieces):
        renderings = _renderings(articles, pieces, members)
        narratives = {id(r): _narrative_window(articles[r.article], r.quotes) for r in renderings}
        # Without origins all articles share one, so any other article's narrative counts.
        origin = {id(r): (origin_group or {}).get(articles[r.article].id) for r in renderings}
        narratives_for = {
            id(r): {id(o): narratives[id(o)] for o in renderings if origin[id(o)] == origin[id(r)]} for r in renderings
        }
        # Compare with renderings that are not themselves extended or altered when there are any;
        # which those are depends on the comparison, so repeat until the classes settle.
        # A headline that quotes its own article's body is compared with that body too: headlines
        # cut and reword quotes, and a desk wants to see it even when no other outlet has the quote.
        # The body is never judged against its own headline.
        in_title = {id(r): articles[r.article].quotes[r.quotes[0]].in_title for r in renderings}
        others = {
            id(r): [o for o in renderings if o.article != r.article or (in_title[id(r)] and not in_title[id(o)])]
            for r in renderings
        }
        classes = {id(r): classify(r, others[id(r)], narratives_for[id(r)]) for r in renderings}
        previous = None
        for _ in range(3):
            flagged = {k for k, v in classes.items() if v[0] in ("extended", "altered")}
            updated = {
                id(r): classify(
                    r, [o for o in others[id(r)] if id(o) not in flagged] or others[id(r)], narratives_for[id(r)]
                )
                for r in renderings
            }
            if updated == classes:
                break
            if updated == previous:
                # Two printings flagged only against each other ("you say another", "you say the
                # other") each read as faithful once the other is set aside, and the comparison
                # swings between the two readings. No third printing tells which is right, so
                # both keep the flag.
                classes = {k: min(v, classes[k], key=lambda c: SEVERITY.index(c[0])) for k, v in updated.items()}
                break
            previous, classes = classes, updated
        flagged = {k for k, v in classes.items() if v[0] in ("extended", "altered")}
        out = []
        for rendering in renderings:
            fidelity, added, missing = classes[id(rendering)]
            others_flagged = [o for o in others[id(rendering)] if id(o) in flagged]
            if fidelity == "truncated" and len(others_flagged) == len(others[id(rendering)]):
                # Only compared with renderings that added words: what this one "lacks" is what
                # they added, so it is the faithful one.
                extra = {w for o in others_flagged for w in classes[id(o)][1]}
                if set(missing) <= extra:
                    fidelity, missing = "verbatim", []
            if fidelity is None and any(
                in_title[id(o)] and o.article == rendering.article and o is not rendering for o in renderings
            ):
                fidelity = "verbatim"  # the body's full wording, against which its headline is judged
            article = articles[rendering.article]
            first = article.quotes[rendering.quotes[0]]
            out.append(
                Rendering(
                    article=article.id,
                    sentence=first.sentence,
                    text=rendering.text,
                    fidelity=fidelity,
                    kind=first.kind,
                    added=added,
                    missing=missing,
                    attributed_to=first.attributed_to if first.speaker is None else None,
                )
            )
        out.sort(key=lambda x: SEVERITY.index(x.fidelity))
        speakers = Counter(pieces[m].speaker for m in members if pieces[m].speaker)
        speaker = _speaker(articles, pieces, members, speakers.most_common(1)[0][0], people) if speakers else None
        reference = max(
            out, key=lambda x: (x.fidelity in ("verbatim", "truncated", "elided", None), len(words(x.text)))
        )
        groups.append(QuoteGroup(speaker=speaker, text=reference.text, renderings=out))
    groups.sort(key=_group_order)
    return groups


def _speaker(
    articles: Sequence[Article], pieces: list[_Piece], members: list[int], name: str, people: People
) -> Speaker:
    roles = Counter()
    for m in members:
        quote = articles[pieces[m].article].quotes[pieces[m].quote]
        if quote.speaker and people.full(quote.speaker.name) == name and quote.speaker.role:
            roles[quote.speaker.role] += 1
    return Speaker(name, roles.most_common(1)[0][0] if roles else None)


def _group_order(group: QuoteGroup) -> tuple:
    worst = min(SEVERITY.index(r.fidelity) for r in group.renderings)
    flagged = worst <= SEVERITY.index("altered")
    return (not flagged, -len(group.renderings), worst)
