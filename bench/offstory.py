"""Articles that are not about the story (``crosswire.cohesion.off_story``), and two peers.

``crosswire brief`` sets aside an article given with a story when it is not about the story the
others tell. This measures how often that is right, on three protocols:

* **on-story**: every story of DUC 2004 (50 × 10 articles, hand-built TDT topics: every article
  is on its story, so every article set aside is a false alarm) and every Multi-News story of 3
  articles or more (scraped pages: some are index pages, teasers or widgets, so the articles set
  aside are printed to be read, not counted as errors);
* **random intruders**: each story (2 articles or more) with one article of another story of the
  same dataset added, five draws (seeds 0-4); caught when the intruder is set aside, with the
  story's own articles set aside beside it counted as well;
* **hard intruders**: each story with the article of another story nearest to it (cosine of
  TF-IDF fitted on the whole dataset, to the story's centroid): a page on a neighbouring subject.

* **two articles**: ``crosswire brief`` never splits a story of two articles (neither is more the
  story than the other) but warns when they are not alike (``cohesion.unlike_pair``). Measured on
  one random pair of articles of each story and one pair of articles of two random stories (five
  draws), and on the Multi-News stories that have exactly two articles (the warned ones printed).

Peers, run on the same stories in the same script with the same rule (articles outside a group of
more than half the articles, groups linked at a threshold):

* ``sklearn-tfidf``: scikit-learn's ``TfidfVectorizer(stop_words="english", sublinear_tf=True)``
  fitted on the story's own texts (title and text), cosine similarity;
* ``clusterer``: crosswire's story clusterer with the loose settings ``crosswire brief`` uses to
  warn that a folder holds several stories (``service.LOOSE_STORY``): the articles outside its
  largest group, when that group is more than half.

A threshold sweep for ``ours`` and ``sklearn-tfidf`` shows the trade-off at every setting, so
either can be compared at the same false-alarm rate. The thresholds were chosen by looking at
these same stories: they are not held-out figures.

Analysed articles come from the summary benchmark's cache (``bench/.cache/summaries``).
Results: ``bench/results/offstory.json``. Run: ``.venv/bin/python bench/offstory.py``.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import table, write_results

SEEDS = range(5)
SWEEP = (0.1, 0.15, 0.18, 0.2, 0.22, 0.25, 0.3)


def load(name: str) -> dict[str, list]:
    import summaries

    prepared, _ = summaries.analysed(summaries.LOADERS[name](None), jobs=2)
    return {p.cluster.id: p.articles for p in prepared if p.articles}


def outside_majority(similarity: np.ndarray, threshold: float) -> set[int]:
    """The peers' rule: crosswire.cohesion's, on the peer's similarities."""
    from crosswire.cohesion import outside_majority

    return set() if len(similarity) < 3 else set(outside_majority(similarity, threshold))


def ours(threshold: float):
    from crosswire.cohesion import off_story

    def run(articles) -> set[int]:
        index = {a.id: i for i, a in enumerate(articles)}
        return {index[s.article] for s in off_story(articles, threshold=threshold)}

    return run


def sklearn_tfidf(threshold: float):
    from sklearn.feature_extraction.text import TfidfVectorizer

    def run(articles) -> set[int]:
        if len(articles) < 3:
            return set()
        texts = [f"{a.title or ''}\n{a.text}" for a in articles]
        try:
            matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
        except ValueError:  # no word left
            return set()
        return outside_majority((matrix @ matrix.T).toarray(), threshold)

    return run


def clusterer():
    from crosswire.service import LOOSE_STORY, story_groups

    def run(articles) -> set[int]:
        if len(articles) < 3:
            return set()
        groups = story_groups(articles, **LOOSE_STORY)
        if len(groups[0]) * 2 <= len(articles):
            return set()
        core = {id(a) for a in groups[0]}
        return {i for i, a in enumerate(articles) if id(a) not in core}

    return run


def hard_intruders(stories: dict[str, list]) -> dict[str, object]:
    """For each story, the article of another story nearest to its centroid."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    keys, owners, articles = [], [], []
    for key, arts in stories.items():
        for a in arts:
            owners.append(key)
            articles.append(a)
        keys.append(key)
    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(
        [f"{a.title or ''}\n{a.text}" for a in articles]
    )
    owners_arr = np.array(owners)
    out = {}
    for key in keys:
        rows = np.flatnonzero(owners_arr == key)
        centroid = np.asarray(matrix[rows].mean(axis=0)).ravel()
        scores = matrix @ centroid
        scores[rows] = -1
        out[key] = articles[int(np.argmax(scores))]
    return out


def on_story(method, stories: dict[str, list]) -> dict:
    """What ``method`` sets aside of the stories as they are (three articles or more)."""
    eligible = {k: v for k, v in stories.items() if len(v) >= 3}
    flagged = {k: sorted(method(v)) for k, v in eligible.items()}
    return {
        "articles": sum(len(v) for v in eligible.values()),
        "on_story_set_aside": sum(len(f) for f in flagged.values()),
        "set_aside": {k: f for k, f in flagged.items() if f},
    }


def evaluate(method, stories: dict[str, list], intruders: list[dict[str, object]], on: dict) -> dict:
    """``on`` (:func:`on_story` of the same method) joined with how many ``intruders`` it catches."""
    caught = members = draws = 0
    for draw in intruders:
        for key, intruder in draw.items():
            arts = stories[key]
            if len(arts) < 2:
                continue
            out = method([*arts, intruder])
            caught += len(arts) in out
            members += len(out - {len(arts)})
            draws += 1
    return {
        **on,
        "intruders": draws,
        "caught": caught,
        "recall": round(caught / draws, 4) if draws else None,
        "members_set_aside_with_intruder": members,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dataset", action="append", choices=["duc2004", "multinews"])
    args = parser.parse_args()
    from crosswire.cohesion import THRESHOLD

    results: dict = {"default_threshold": THRESHOLD, "datasets": {}}
    for name in args.dataset or ["duc2004", "multinews"]:
        stories = load(name)
        keys = sorted(stories)
        random_draws = []
        for seed in SEEDS:
            rng = random.Random(seed)
            draw = {}
            for key in keys:
                other = stories[rng.choice([k for k in keys if k != key])]
                draw[key] = other[rng.randrange(len(other))]
            random_draws.append(draw)
        hard = [hard_intruders(stories)]
        methods = {"ours": ours(THRESHOLD), "clusterer": clusterer()}
        rows, data = [], {}
        for label, method in methods.items():
            on = on_story(method, stories)
            rand, near = evaluate(method, stories, random_draws, on), evaluate(method, stories, hard, on)
            data[label] = {"random": rand, "hard": near}
            rows.append(_row(label, rand, near))
        sweep = {}
        for threshold in SWEEP:
            for label, make in (("ours", ours), ("sklearn-tfidf", sklearn_tfidf)):
                method = make(threshold)
                on = on_story(method, stories)
                rand, near = evaluate(method, stories, random_draws, on), evaluate(method, stories, hard, on)
                sweep[f"{label}@{threshold}"] = {"random": rand, "hard": near}
                rows.append(_row(f"{label} @ {threshold}", rand, near))
        data["sweep"] = sweep
        print(f"\n{name}: {len(stories)} stories")
        headers = ["method", "on-story set aside", "random intruders caught", "hard intruders caught", "members"]
        print(table(headers, rows))
        if name == "multinews":
            print("\nMulti-News articles set aside by ours (read them: scraped pages include non-articles):")
            for key, positions in data["ours"]["random"]["set_aside"].items():
                for i in positions:
                    a = stories[key][i]
                    print(f"  {key}/{i}: {' '.join(a.text.split())[:110]}")
        data["pairs"] = pairs(stories, name)
        results["datasets"][name] = data
    path = write_results("offstory", results)
    print(f"\nresults: {path}")


def pairs(stories: dict[str, list], name: str) -> dict:
    """How often two articles of one story, and two of different stories, are warned as unlike."""
    from crosswire.cohesion import unlike_pair

    keys = sorted(k for k, v in stories.items() if len(v) >= 2)
    same = other = draws = 0
    for seed in SEEDS:
        rng = random.Random(seed)
        for key in keys:
            same += unlike_pair(rng.sample(stories[key], 2)) is not None
            k1, k2 = rng.sample(keys, 2)
            other += unlike_pair([rng.choice(stories[k1]), rng.choice(stories[k2])]) is not None
            draws += 1
    two = [k for k in keys if len(stories[k]) == 2]
    warned = [k for k in two if unlike_pair(stories[k]) is not None]
    print(
        f"\n{name}, two articles: warned {same}/{draws} same-story pairs, {other}/{draws} pairs of two stories; "
        f"{len(warned)} of {len(two)} two-article stories"
    )
    for key in warned:
        print(f"  {key}: " + " | ".join(" ".join(a.text.split())[:60] for a in stories[key]))
    return {
        "draws": draws,
        "same_story_warned": same,
        "two_stories_warned": other,
        "two_article_stories": len(two),
        "warned": warned,
    }


def _row(label: str, rand: dict, near: dict) -> list:
    return [
        label,
        f"{rand['on_story_set_aside']}/{rand['articles']}",
        f"{rand['caught']}/{rand['intruders']} ({rand['recall']:.2f})",
        f"{near['caught']}/{near['intruders']} ({near['recall']:.2f})",
        rand["members_set_aside_with_intruder"] + near["members_set_aside_with_intruder"],
    ]


if __name__ == "__main__":
    main()
