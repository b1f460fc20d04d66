"""Readable reports of a story: Markdown and a self-contained HTML page.

Both work from the JSON form of a :class:`crosswire.model.Story` (``Story.to_dict()``, what
``crosswire brief --format json`` prints) and, optionally, the analysed articles' dicts by id
(``Article.to_dict()``), used to show the text of every cited sentence. Without the articles the
sentence texts come from the story itself (claim support and aligned pairs carry them).

The templates live in ``crosswire/templates/``. Every piece of article text is escaped: the HTML
environment autoescapes, and the Markdown one escapes every ``{{ … }}`` through ``finalize``.
The HTML page loads nothing: CSS is inline, the origin graph is an inline SVG laid out here, and
citations open on hover, focus or click without JavaScript.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

import jinja2
from markupsafe import Markup, escape

from crosswire import __version__
from crosswire.clean import may_not_be_article
from crosswire.render import shorten

__all__ = ["diff_words", "origin_graph", "to_html", "to_markdown"]

#: Severity of a rendering's fidelity: the most changed quotes are shown first.
FIDELITY_ORDER = {"altered": 0, "extended": 1, "elided": 2, "truncated": 3, "verbatim": 4, "single": 5}
FIDELITY_NOTE = {
    "single": "printed by one article only: nothing to compare with",
    "verbatim": "the same words",
    "truncated": "cut short",
    "elided": "words cut from the middle",
    "extended": "words added inside the quote marks",
    "altered": "words changed",
}
#: One color per origin group (accessible on white), then a tint of it for backgrounds.
PALETTE = ["#2563eb", "#d97706", "#059669", "#7c3aed", "#db2777", "#0891b2", "#65a30d", "#dc2626", "#4b5563"]
ENTITY_KINDS = [
    ("PERSON", "People"),
    ("ORG", "Organisations"),
    ("GPE", "Places"),
    ("LOC", "Places"),
    ("NORP", "Groups"),
]

_env_cache: dict[str, jinja2.Environment] = {}


# --- small helpers ---------------------------------------------------------------------------


def _tint(color: str, alpha: float) -> str:
    """``color`` mixed with white: ``alpha`` 0 is white, 1 the color."""
    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    mix = [round(255 - (255 - c) * alpha) for c in (r, g, b)]
    return "#" + "".join(f"{c:02x}" for c in mix)


_QUOTE_MAP = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'", "—": "-", "–": "-"})
_EDGE_PUNCT = "\"'.,;:!?()[]…-"


def _norm_word(word: str) -> str:
    return word.translate(_QUOTE_MAP).strip(_EDGE_PUNCT).lower()


def diff_words(text: str, reference: str) -> list[tuple[str, str]]:
    """``text`` against ``reference``, word by word: ``[(op, words), …]``.

    ``op`` is ``eq`` (in both), ``ins`` (only in ``text``) or ``del`` (only in ``reference``);
    words are compared without case, curly quotes or surrounding punctuation, and shown as printed.
    """
    mine, theirs = text.split(), reference.split()
    matcher = difflib.SequenceMatcher(None, [_norm_word(w) for w in theirs], [_norm_word(w) for w in mine], False)
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append(("eq", " ".join(mine[j1:j2])))
            continue
        if op in ("delete", "replace"):
            out.append(("del", " ".join(theirs[i1:i2])))
        if op in ("insert", "replace"):
            out.append(("ins", " ".join(mine[j1:j2])))
    return out


def _changed_words(segments: list[tuple[str, str]], op: str) -> list[str]:
    return [w for kind, words in segments if kind == op for w in words.split()]


# --- the view model --------------------------------------------------------------------------


@dataclass
class _Art:
    id: str
    label: str
    named: bool
    outlet: str | None
    title: str | None
    published: str | None
    source_path: str
    file: str
    group: int
    group_no: int
    color: str
    tint: str
    derived_from: list[dict[str, Any]] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    copies: list[str] = field(default_factory=list)
    depth: int = 0


class _Sentences:
    """Text of (article, sentence): from the analysed articles, else from the story itself."""

    def __init__(self, story: dict[str, Any], articles: dict[str, dict[str, Any]] | None) -> None:
        self.articles = articles or {}
        self.known: dict[tuple[str, int], str] = {}
        for claim in story.get("claims", []):
            for sup in claim.get("support", []):
                if sup.get("text"):
                    self.known.setdefault((sup["article"], sup["sentence"]), sup["text"])
        for art in story.get("articles", []):
            for der in art.get("derived_from", []):
                for pair in der.get("pairs", []):
                    if pair.get("text"):
                        self.known.setdefault((art["id"], pair["sentence"]), pair["text"])
                    if pair.get("source_text"):
                        self.known.setdefault((der["article"], pair["source_sentence"]), pair["source_text"])
        for brief in story.get("brief", []):
            cites = brief.get("citations", [])
            if len(cites) == 1:
                self.known.setdefault((cites[0]["article"], cites[0]["sentence"]), brief["text"])

    def get(self, article: str, sentence: int | None) -> str | None:
        if sentence is None:
            return None
        sentences = (self.articles.get(article) or {}).get("sentences") or []
        if 0 <= sentence < len(sentences) and sentences[sentence].get("index", sentence) == sentence:
            return sentences[sentence]["text"]
        for sent in sentences:
            if sent.get("index") == sentence:
                return sent["text"]
        return self.known.get((article, sentence))


class _Citations:
    """Numbers citations in the order they are first shown: [1], [2], …"""

    def __init__(self, arts: dict[str, _Art], sentences: _Sentences) -> None:
        self.arts, self.sentences = arts, sentences
        self.numbers: dict[tuple[str, int], int] = {}
        self.items: list[dict[str, Any]] = []

    def cite(self, citation: dict[str, Any]) -> dict[str, Any]:
        key = (citation["article"], citation["sentence"])
        if key not in self.numbers:
            self.numbers[key] = len(self.items) + 1
            art = self.arts.get(key[0])
            self.items.append(
                {
                    "n": self.numbers[key],
                    "article": key[0],
                    "sentence": key[1],
                    "label": art.label if art else key[0],
                    "color": art.color if art else PALETTE[-1],
                    "text": self.sentences.get(*key) or f"sentence {key[1] + 1}",
                }
            )
        return self.items[self.numbers[key] - 1]


def _labels(articles: list[dict[str, Any]]) -> dict[str, tuple[str, bool]]:
    """A short, unique label per article: its outlet, else its file name."""
    raw = {
        a["id"]: (a.get("outlet") or PurePath(a.get("source_path") or a["id"]).stem, bool(a.get("outlet")))
        for a in articles
    }
    seen: dict[str, int] = defaultdict(int)
    for label, _ in raw.values():
        seen[label] += 1
    count: dict[str, int] = defaultdict(int)
    out = {}
    for aid, (label, named) in raw.items():
        if seen[label] > 1:
            count[label] += 1
            label = f"{label} ({count[label]})"
        out[aid] = (label, named)
    return out


def _articles(story: dict[str, Any]) -> dict[str, _Art]:
    labels = _labels(story.get("articles", []))
    by_group: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for art in story.get("articles", []):
        by_group[art["origin_group"]].append(art)
    # biggest group first (usually the wire and its copies), then in order of appearance
    order = sorted(by_group, key=lambda g: (-len(by_group[g]), list(by_group).index(g)))
    arts: dict[str, _Art] = {}
    for rank, group in enumerate(order):
        color = PALETTE[rank % len(PALETTE)]
        for art in by_group[group]:
            label, named = labels[art["id"]]
            arts[art["id"]] = _Art(
                id=art["id"],
                label=label,
                named=named,
                outlet=art.get("outlet"),
                title=art.get("title"),
                published=art.get("published"),
                source_path=art.get("source_path", ""),
                file=PurePath(art.get("source_path", "")).name,
                group=group,
                group_no=rank + 1,
                color=color,
                tint=_tint(color, 0.12),
                derived_from=art.get("derived_from", []),
                sources=[d["article"] for d in art.get("derived_from", [])],
            )
    for art in arts.values():
        for src in art.sources:
            if src in arts:
                arts[src].copies.append(art.id)

    def depth(aid: str, stack: frozenset[str]) -> int:
        srcs = [s for s in arts[aid].sources if s in arts and s not in stack]
        return 1 + max(depth(s, stack | {aid}) for s in srcs) if srcs else 0

    for aid in arts:
        arts[aid].depth = depth(aid, frozenset())
    # reading order: group by group, originals before their copies
    ranked = sorted(arts.values(), key=lambda a: (order.index(a.group), a.depth, a.label.lower()))
    return {a.id: a for a in ranked}


# --- the origin graph ------------------------------------------------------------------------

NODE_W, NODE_H, H_GAP, V_GAP, PAD, HEAD, GROUP_GAP, MAX_W = 188, 50, 20, 46, 14, 24, 22, 1040


def origin_graph(arts: dict[str, _Art]) -> dict[str, Any]:
    """Positions for an SVG of the origin groups: one box per group, originals on top, arrows copy → source."""
    groups: dict[int, list[_Art]] = defaultdict(list)
    for art in arts.values():
        groups[art.group].append(art)
    boxes, nodes, pos = [], [], {}
    x = y = row_h = width = 0
    for members in groups.values():
        layers: dict[int, list[_Art]] = defaultdict(list)
        for art in members:
            layers[art.depth].append(art)
        levels = [layers[d] for d in sorted(layers)]
        cols = max(len(level) for level in levels)
        w = cols * NODE_W + (cols - 1) * H_GAP + 2 * PAD
        h = HEAD + len(levels) * NODE_H + (len(levels) - 1) * V_GAP + 2 * PAD
        if x and x + w > MAX_W:
            x, y, row_h = 0, y + row_h + GROUP_GAP, 0
        root = min(members, key=lambda a: a.depth)
        copies = len(members) - 1
        boxes.append(
            {
                "x": x,
                "y": y,
                "w": w,
                "h": h,
                "color": root.color,
                "tint": _tint(root.color, 0.07),
                "label": f"Origin {root.group_no}"
                + (f" · {copies} cop{'y' if copies == 1 else 'ies'}" if copies else " · independent"),
            }
        )
        for d, level in enumerate(levels):
            ny = y + PAD + HEAD + d * (NODE_H + V_GAP)
            offset = (w - (len(level) * NODE_W + (len(level) - 1) * H_GAP)) / 2
            for i, art in enumerate(level):
                nx = x + offset + i * (NODE_W + H_GAP)
                pos[art.id] = (nx, ny)
                best = max((der["score"] for der in art.derived_from), default=None)
                if best is not None:
                    note = f"copy · {best:.0%} repeated"
                elif art.copies:
                    note = f"original · copied by {len(art.copies)}"
                else:
                    note = "original reporting"
                nodes.append(
                    {
                        "id": art.id,
                        "x": nx,
                        "y": ny,
                        "label": shorten(art.label, 19),
                        "full": art.label + (f" — {art.title}" if art.title else ""),
                        "named": art.named,
                        "note": note,
                        "color": art.color,
                        "tint": art.tint,
                    }
                )
        x += w + GROUP_GAP
        row_h = max(row_h, h)
        width = max(width, x - GROUP_GAP)
    edges = []
    incoming: dict[str, list[str]] = defaultdict(list)
    for art in arts.values():
        for der in art.derived_from:
            if der["article"] in pos:
                incoming[der["article"]].append(art.id)
    for targets in incoming.values():
        targets.sort(key=lambda aid: pos[aid][0])

    def spread(src: str, copy: str) -> float:
        """Where an arrow from ``copy`` ends on ``src``: the copies' arrows side by side, in their order."""
        targets = incoming[src]
        if len(targets) == 1:
            return pos[src][0] + NODE_W / 2
        share = targets.index(copy) / (len(targets) - 1)
        return pos[src][0] + NODE_W * (0.3 + 0.4 * share)

    for art in arts.values():
        for der in art.derived_from:
            if der["article"] not in pos:
                continue
            (x1, y1), (x2, y2) = pos[art.id], pos[der["article"]]
            if y1 > y2:  # copy below its source: top edge to bottom edge
                start, end = (x1 + NODE_W / 2, y1), (spread(der["article"], art.id), y2 + NODE_H + 3)
            elif y1 < y2:
                start, end = (x1 + NODE_W / 2, y1 + NODE_H), (spread(der["article"], art.id), y2 - 3)
            else:  # same level: side to side
                left = x1 > x2
                start = (x1 if left else x1 + NODE_W, y1 + NODE_H / 2)
                end = (x2 + NODE_W + 3 if left else x2 - 3, y2 + NODE_H / 2)
            edges.append(
                {
                    "x1": start[0],
                    "y1": start[1],
                    "x2": end[0],
                    "y2": end[1],
                    "color": art.color,
                    "title": (
                        f"{art.label} repeats {der['score']:.0%} of its sentences from {arts[der['article']].label}"
                    ),
                }
            )
    colors = sorted({a.color for a in arts.values()})
    for edge in edges:
        edge["marker"] = colors.index(edge["color"])
    return {
        "width": width,
        "height": y + row_h,
        "boxes": boxes,
        "nodes": nodes,
        "edges": edges,
        "node_w": NODE_W,
        "node_h": NODE_H,
        "colors": colors,
    }


# --- building the context both templates read -------------------------------------------------


def _context(story: dict[str, Any], articles: dict[str, dict[str, Any]] | None) -> dict[str, Any]:
    arts = _articles(story)
    sentences = _Sentences(story, articles)
    cites = _Citations(arts, sentences)
    claims = {c["id"]: c for c in story.get("claims", [])}

    brief = [
        {"text": b["text"], "claim": b["claim"], "cites": [cites.cite(c) for c in b["citations"]]}
        for b in story.get("brief", [])
    ]
    size = 3 if len(brief) > 4 else max(len(brief), 1)
    paragraphs = [brief[i : i + size] for i in range(0, len(brief), size)]

    cited_by_brief = len(cites.items)
    timeline = [
        {
            "date": e["date"],
            "text": e["text"],
            # numbered in the order first shown, listed in order: "[9] [10] [11]", not "[9] [11] [10]"
            "cites": sorted((cites.cite(c) for c in e.get("citations", [])), key=lambda c: c["n"]),
        }
        for e in story.get("timeline", [])
    ]

    # claims, best supported first; a cell per article, with the value it gives in a disagreement
    claim_rows = []
    for claim in sorted(
        story.get("claims", []), key=lambda c: (-c["independent"], -c["outlets"], -len(c["support"]), c["id"])
    ):
        cells: dict[str, dict[str, Any]] = {}
        for sup in claim["support"]:
            cell = cells.setdefault(sup["article"], {"texts": [], "values": []})
            cell["texts"].append(sentences.get(sup["article"], sup["sentence"]) or sup.get("text", ""))
        disagreements = []
        for dis in claim.get("disagreements", []):
            sides = []
            for side_no, side in enumerate(dis["sides"]):
                who = []
                for c in side["support"]:
                    cell = cells.setdefault(c["article"], {"texts": [], "values": []})
                    if side["value"] not in cell["values"]:
                        cell["values"].append(side["value"])
                        cell["side"] = side_no
                    label = arts[c["article"]].label if c["article"] in arts else c["article"]
                    if label not in who:
                        who.append(label)
                sides.append({"value": side["value"], "outlets": who, "side": side_no})
            disagreements.append({"kind": dis["kind"], "sides": sides})
        claim_rows.append(
            {
                "id": claim["id"],
                "text": claim["text"],
                "outlets": claim["outlets"],
                "independent": claim["independent"],
                "single_origin": claim["single_origin"],
                "articles": len(cells),
                "cells": cells,
                "disagreements": disagreements,
                "labels": [arts[a].label for a in arts if a in cells],
            }
        )
    # A brief sentence is one outlet's wording of its claim: where outlets give the claim
    # different numbers, the reader of the brief is told so beside it. Only numbers: dates read
    # from "last week" or "Monday" against different publication days, and speakers of a claim
    # that joins two statements, differ more often than the outlets do (claims table only).
    disputes = {c["id"]: [d for d in c["disagreements"] if d["kind"] == "number"] for c in claim_rows}
    for item in brief:
        item["disputes"] = disputes.get(item["claim"], [])
    shared = [c for c in claim_rows if c["articles"] > 1 or c["disagreements"]]
    lone = [c for c in claim_rows if c not in shared]
    if not shared:
        shared, lone = lone, []

    # quotes: the most changed first; each rendering diffed against the fullest other one
    quote_groups = []
    for group in story.get("quotes", []):
        rends = group.get("renderings", [])
        rows = []
        for r in rends:
            others = [o for o in rends if o is not r]
            faithful = [o for o in others if o["fidelity"] == "verbatim"] or others
            ref = max(faithful, key=lambda o: len(o["text"].split()))["text"] if faithful else group["text"]
            if r.get("fidelity") in ("verbatim", None) or ref == r["text"]:
                segments = [("eq", r["text"])]
            else:
                segments = diff_words(r["text"], ref)
            art = arts.get(r["article"])
            fidelity = r.get("fidelity") or "single"
            rows.append(
                {
                    "article": r["article"],
                    "label": art.label if art else r["article"],
                    "color": art.color if art else PALETTE[-1],
                    "fidelity": fidelity,
                    "note": FIDELITY_NOTE.get(fidelity, fidelity),
                    "kind": r.get("kind", "direct"),
                    "text": r["text"],
                    "segments": segments,
                    "added": r["added"] if "added" in r else _changed_words(segments, "ins"),
                    "missing": r["missing"] if "missing" in r else _changed_words(segments, "del"),
                    "sentence": sentences.get(r["article"], r.get("sentence")),
                    "in_title": r.get("sentence") is None,
                    "attributed_to": r.get("attributed_to") if not group.get("speaker") else None,
                }
            )
        rows.sort(key=lambda row: FIDELITY_ORDER.get(row["fidelity"], 5))
        worst = min((FIDELITY_ORDER.get(r.get("fidelity") or "single", 5) for r in rends), default=5)
        speaker = group.get("speaker")
        quote_groups.append(
            {
                "speaker": speaker["name"] if speaker else None,
                "role": speaker.get("role") if speaker else None,
                "text": group["text"],
                "renderings": rows,
                "worst": worst,
                "changed": worst <= FIDELITY_ORDER["extended"],
                "outlets": len({r["article"] for r in rends}),
            }
        )
    quote_groups.sort(key=lambda g: (g["worst"], -g["outlets"]))
    # Changed quotes still come first, but a speaker's quotes stand together within each part, in
    # the order of the speaker's first one: a reader meets each speaker once or twice, not at random.
    first_of: dict[tuple, int] = {}
    for i, g in enumerate(quote_groups):
        first_of.setdefault((g["changed"], g["speaker"]), i)
    quote_groups.sort(key=lambda g: (not g["changed"], first_of[g["changed"], g["speaker"]]))
    fidelity_counts: dict[str, int] = defaultdict(int)
    for group in quote_groups:
        for row in group["renderings"]:
            fidelity_counts[row["fidelity"]] += 1

    # entities by kind
    entity_sections = []
    for kind, heading in ENTITY_KINDS:
        items = [
            {
                "name": e["name"],
                "type": e["type"],
                "roles": e.get("roles", []),
                "aliases": [a for a in e.get("aliases", []) if a != e["name"]],
                "articles": [arts[a] for a in arts if a in set(e.get("articles", []))],
            }
            for e in story.get("entities", [])
            if e["type"] == kind
        ]
        items.sort(key=lambda e: (-len(e["articles"]), e["name"].lower()))
        section = next((s for s in entity_sections if s["heading"] == heading), None)
        if section is None:
            entity_sections.append({"heading": heading, "items": items})
        else:
            section["items"] = sorted(section["items"] + items, key=lambda e: (-len(e["articles"]), e["name"].lower()))
    entity_sections = [s for s in entity_sections if s["items"]]

    # coverage, per article in reading order
    coverage = []
    for aid, art in arts.items():
        cov = story.get("coverage", {}).get(aid, {"unique": [], "omitted": []})
        coverage.append(
            {
                "art": art,
                "claims": sum(1 for c in claim_rows if aid in c["cells"]),
                "unique": [claims[i] for i in cov.get("unique", []) if i in claims],
                "omitted": [claims[i] for i in cov.get("omitted", []) if i in claims],
            }
        )

    origins = []
    for art in arts.values():
        for der in art.derived_from:
            src = arts.get(der["article"])
            origins.append(
                {
                    "art": art,
                    "source": src,
                    "source_label": src.label if src else der["article"],
                    "score": der["score"],
                    "direction": der.get("direction", ""),
                    "pairs": [
                        {**p, "segments": diff_words(p.get("text", ""), p.get("source_text", ""))}
                        for p in der.get("pairs", [])[:3]
                    ],
                    "more": max(0, len(der.get("pairs", [])) - 3),
                }
            )
    independent = [a for a in arts.values() if not a.sources]

    # Ten AP articles are one outlet, not "AP (1)" to "AP (10)"; an article without an outlet
    # counts as one of its own.
    reporters: dict[str, dict[str, Any]] = {}
    for a in arts.values():
        name = a.outlet if a.named and a.outlet else a.label
        key = a.outlet if a.named and a.outlet else f"#{a.id}"
        reporters.setdefault(key, {"label": name, "named": a.named, "articles": 0})["articles"] += 1
    outlets = len(reporters)
    return {
        "shared_origins": _shared_origins(arts),
        "title": story.get("title") or "Untitled story",
        "has_title": bool(story.get("title")),
        "independent_sources": story.get("independent_sources", 0),
        "arts": list(arts.values()),
        "n_outlets": outlets,
        "reporters": list(reporters.values()),
        "brief": brief,
        "paragraphs": paragraphs,
        "sources": cites.items[:cited_by_brief],
        "timeline_sources": cites.items[cited_by_brief:],
        "timeline": timeline,
        "claims": claim_rows,
        "claims_shared": shared,
        "claims_lone": lone,
        "single_origin": sum(1 for c in claim_rows if c["single_origin"]),
        "disputed": sum(1 for c in claim_rows if c["disagreements"]),
        "quotes": quote_groups,
        "fidelity_counts": dict(fidelity_counts),
        "changed_quotes": sum(1 for g in quote_groups if g["changed"]),
        "entities": entity_sections,
        "coverage": coverage,
        "origins": origins,
        "independent": independent,
        "graph": origin_graph(arts),
        "skipped": story.get("skipped", []),
        "warnings": story.get("warnings", []),
        "dates": _story_dates(arts, articles),
        "version": __version__,
    }


def _story_dates(arts: dict[str, _Art], articles: dict[str, dict[str, Any]] | None) -> list[str]:
    """The days the story was published: not those of pages that may not be articles (a video's
    description), when the analysed articles say so, unless every page is one."""
    dated = {a.id: a.published for a in arts.values() if a.published}
    warned = {aid for aid in dated if may_not_be_article(((articles or {}).get(aid) or {}).get("warnings") or [])}
    return sorted({day for aid, day in dated.items() if aid not in warned} or set(dated.values()))


def _shared_origins(arts: dict[str, _Art]) -> str | None:
    """'all from AP' or '6 from AP, 2 from Reuters' when one outlet wrote several of the story's
    independent origins, else None: ten AP stories over a month are ten origins but one agency,
    not ten confirmations. An origin belongs to the outlet of its original (the article that
    copies nothing in its group)."""
    roots: dict[int, set[str]] = defaultdict(set)
    for art in arts.values():
        if art.named and art.outlet and not art.depth:
            roots[art.group].add(art.outlet)
    per_outlet: dict[str, int] = defaultdict(int)
    for outlets in roots.values():
        for outlet in outlets:
            per_outlet[outlet] += 1
    several = sorted(((n, o) for o, n in per_outlet.items() if n > 1), key=lambda x: (-x[0], x[1]))
    if not several:
        return None
    n_groups = len({a.group for a in arts.values()})
    if len(several) == 1 and several[0][0] == n_groups:
        return f"all from {several[0][1]}"
    return ", ".join(f"{n} from {outlet}" for n, outlet in several)


def _breakable(text: str) -> Markup:
    """``text`` escaped, with line-break opportunities after ``_ / -`` (for file names in narrow columns)."""
    return Markup("<wbr>").join(escape(part) for part in re.split(r"(?<=[_/-])", text))


def _nice_date(value: str) -> str:
    """``2026-03-04`` → ``Wed 4 Mar 2026``; months, years and ISO weeks as far as they go."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            day = dt.date.fromisoformat(value)
            return f"{day:%a} {day.day} {day:%b %Y}"
        if re.fullmatch(r"\d{4}-\d{2}", value):
            return dt.date.fromisoformat(value + "-01").strftime("%b %Y")
        if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
            return f"week {int(m[2])}, {m[1]}"
    except ValueError:
        pass
    return value


# --- the two renderings ----------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_MD_BLOCK_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])")


_NEWSWIRE_MARKS = {"``": "\u201c", "''": "\u201d"}
_NEWSWIRE_MARK = re.compile(r"``|''")


def newswire_marks(text: str) -> str:
    """Newswire's ASCII quotation marks (```` ``So,'' he said ````) as the curly marks they stand
    for, for display only: the JSON keeps the article's own characters, which offsets index."""
    return _NEWSWIRE_MARK.sub(lambda m: _NEWSWIRE_MARKS[m[0]], text) if "``" in text or "''" in text else text


def _display(value: Any) -> Any:
    return newswire_marks(value) if isinstance(value, str) and not isinstance(value, Markup) else value


def md_escape(value: Any) -> str:
    """Text as Markdown that shows it literally: one line, no markup, no HTML."""
    if isinstance(value, Markup):
        return str(value)
    if value is None:
        return ""
    text = newswire_marks(" ".join(str(value).split()))
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_BLOCK_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def _environment(kind: str) -> jinja2.Environment:
    if kind not in _env_cache:
        loader = jinja2.PackageLoader("crosswire", "templates")
        if kind == "html":
            env = jinja2.Environment(
                loader=loader, autoescape=True, finalize=_display, trim_blocks=True, lstrip_blocks=True
            )
        else:
            env = jinja2.Environment(
                loader=loader, autoescape=False, finalize=md_escape, trim_blocks=True, lstrip_blocks=True
            )
        env.filters["short"] = shorten
        env.filters["pct"] = lambda v: f"{v:.0%}"
        env.filters["num"] = lambda v: f"{v:g}" if isinstance(v, float) else str(v)
        env.filters["nicedate"] = _nice_date
        env.filters["breakable"] = _breakable
        env.filters["plural"] = lambda n, one, many=None: one if n == 1 else (many or one + "s")
        _env_cache[kind] = env
    return _env_cache[kind]


def to_markdown(story: dict[str, Any], articles: dict[str, dict[str, Any]] | None = None) -> str:
    """The story as Markdown: brief with numbered citations, quotes, claims, origins, timeline, people, coverage."""
    text = _environment("md").get_template("report.md.j2").render(**_context(story, articles))
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def to_html(story: dict[str, Any], articles: dict[str, dict[str, Any]] | None = None) -> str:
    """The story as one self-contained HTML page (inline CSS and SVG; no scripts, no external assets)."""
    return _environment("html").get_template("report.html.j2").render(**_context(story, articles))
