"""Starting an ingest on a filled store: taking up the saved clusterer state vs replaying the store.

The store holds the distinct analysed DUC 2004 articles (the summary benchmark's analysis cache),
each assigned to a story as ``crosswire ingest`` would. The peer, measured in the same run on the
same store, is what every ingest did before the state was saved: replaying every stored article
through a fresh clusterer. Ours is ``_Assigner.replay`` with the saved state in the store (read,
decode, nothing stored after it to replay). Also timed: saving the state. Median of 5 each.

Run: ``.venv/bin/python bench/ingest_state.py``
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import table, write_results

RUNS = 5


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> dict:
    import clustering

    from crosswire.cluster import StoryClusterer
    from crosswire.ingest import _Assigner
    from crosswire.store import Store

    articles, _ = clustering.load("duc2004")
    seen, distinct = set(), []
    for article in articles:
        if article.id not in seen:
            seen.add(article.id)
            distinct.append(article)
    with tempfile.TemporaryDirectory(prefix="cw_state") as tmp:
        store = Store(f"sqlite:///{tmp}/store.db")
        assigner = _Assigner(store, StoryClusterer())
        with store.transaction():
            for article in distinct:
                story, _ = assigner.assign(article)
                store.add_article(article, story_id=story)

        def full() -> None:
            fresh = _Assigner(store, StoryClusterer())
            fresh.fingerprint = "no saved state fits"  # the peer: replay every stored article
            fresh.replay()
            assert not fresh.resumed

        def resume() -> None:
            taken = _Assigner(store, StoryClusterer())
            taken.replay()
            assert taken.resumed

        save_s = statistics.median(timed(assigner.save) for _ in range(RUNS))
        size = len(store.load_cluster_state()["data"])
        full_s = statistics.median(timed(full) for _ in range(RUNS))
        resume_s = statistics.median(timed(resume) for _ in range(RUNS))
        store.close()
    rows = [
        ["replay every stored article (before the saved state)", len(distinct), round(full_s, 3)],
        ["take up the saved state", len(distinct), round(resume_s, 3)],
        ["save the state", len(distinct), round(save_s, 3)],
    ]
    print(table(["what", "articles stored", "median s"], rows))
    print(f"saved state: {size / 1e6:.2f} MB; taking it up is {full_s / resume_s:.1f}x faster than replaying")
    results = {
        "articles": len(distinct),
        "runs": RUNS,
        "replay_all_s": round(full_s, 4),
        "resume_s": round(resume_s, 4),
        "save_s": round(save_s, 4),
        "state_bytes": size,
        "command": ".venv/bin/python bench/ingest_state.py",
    }
    print(f"wrote {write_results('ingest_state', results)}")
    return results


if __name__ == "__main__":
    main()
