"""Ingest into the store: stories as articles arrive, near-duplicates linked, nothing analysed twice."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest
from typer.testing import CliRunner

from crosswire.cli import EXIT_NOTHING, app
from crosswire.cluster import StoryClusterer
from crosswire.ingest import ingest_paths, recluster, story_articles
from crosswire.store import Store

from .conftest import SAMPLE

runner = CliRunner()
STORY_SCHEMA = json.loads(resources.files("crosswire.schemas").joinpath("story.schema.json").read_text("utf-8"))

UNRELATED = """Orchard growers brace for late frost

Fruit growers in the northern valleys covered thousands of young apple trees with fleece on Monday as
forecasters warned of a late frost that could destroy this year's blossom.

The regional growers' association said a hard frost at this stage could cut the harvest by half,
and urged members to run their wind machines through the night.
"""


@pytest.fixture()
def store(tmp_path):
    with Store(f"sqlite:///{tmp_path / 'test.db'}") as s:
        yield s


def test_the_sample_becomes_one_story_and_reingesting_changes_nothing(store, analyzer):
    first = ingest_paths([SAMPLE], store, analyzer=analyzer)
    assert len(first.added) == 5 and not first.duplicates and not first.skipped
    (story,) = store.stories()
    assert len(story["articles"]) == 5
    assert story["independent_sources"] == 3  # built at ingest: 02 and 04 copy 01
    assert story["first"] == story["last"] == "2026-03-04"
    again = ingest_paths([SAMPLE], store, analyzer=analyzer)
    assert again.added == [] and len(again.already_stored) == 5
    assert store.stories() == [story]

    def no_model():
        raise AssertionError("nothing new: no model should load")

    class NoReplay(StoryClusterer):
        def add(self, *args, **kwargs):
            raise AssertionError("nothing new: the stored stories should not be replayed")

    polled = ingest_paths([SAMPLE], store, analyzer=no_model, clusterer=NoReplay())
    assert polled.added == [] and len(polled.already_stored) == 5


def test_a_text_met_twice_in_one_ingest_is_a_repeat_not_already_stored(store, analyzer, tmp_path):
    copy = tmp_path / "copy.txt"
    copy.write_bytes((SAMPLE / "01_wire.txt").read_bytes())
    result = ingest_paths([SAMPLE / "01_wire.txt", copy], store, analyzer=analyzer)
    assert len(result.added) == 1 and result.already_stored == []
    assert result.repeats == [{"id": result.added[0], "source_path": str(copy), "same_as": str(SAMPLE / "01_wire.txt")}]


def test_a_copy_under_other_boilerplate_is_linked_not_analysed(store, analyzer, tmp_path):
    ingest_paths([SAMPLE], store, analyzer=analyzer)
    wire = (SAMPLE / "01_wire.txt").read_text("utf-8")
    copy = tmp_path / "mirror.txt"
    copy.write_text(wire + "\nShare this article\n\nSubscribe to our newsletter\n", encoding="utf-8")
    result = ingest_paths([copy], store, analyzer=analyzer)
    (dup,) = result.duplicates
    original = next(a for a in store.articles() if a.source_path.endswith("01_wire.txt"))
    assert dup["twin"] == original.id
    info = store.article_info(dup["id"])
    assert info["duplicate_of"] == original.id and "MinHash" in info["duplicate_reason"]
    assert info["story_id"] == store.article_info(original.id)["story_id"]
    assert store.get_article(dup["id"]).sentences == []  # never analysed
    assert len(story_articles(store, info["story_id"])) == 5


def test_an_unrelated_article_starts_its_own_story(store, analyzer, tmp_path):
    ingest_paths([SAMPLE], store, analyzer=analyzer)
    other = tmp_path / "frost.txt"
    other.write_text(UNRELATED, encoding="utf-8")
    result = ingest_paths([other], store, analyzer=analyzer)
    assert len(result.added) == 1
    assert len(store.stories()) == 2
    ids = recluster(store)
    assert len(ids) == 2
    sizes = sorted(len(s["articles"]) for s in store.stories())
    assert sizes == [1, 5]


def test_cli_ingest_stories_brief_recluster(tmp_path):
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    report = tmp_path / "report.json"
    result = runner.invoke(app, ["ingest", str(SAMPLE), "--db", db, "--report", str(report), "--quiet"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(report.read_text("utf-8"))["added"]) == 5
    listing = runner.invoke(app, ["stories", "--db", db, "--format", "json"])
    assert listing.exit_code == 0, listing.output
    (story,) = json.loads(listing.stdout)["stories"]
    assert set(story) == {"id", "title", "articles", "outlets", "independent_sources", "first", "last"}
    text = runner.invoke(app, ["stories", "--db", db]).stdout
    n, outlets = len(story["articles"]), len(story["outlets"])
    assert f"{n} articles, {outlets} outlets, {story['independent_sources']} independent sources;" in text
    brief = runner.invoke(app, ["brief", "--story", str(story["id"]), "--db", db, "--format", "json"])
    assert brief.exit_code == 0, brief.output
    data = json.loads(brief.stdout)
    jsonschema.validate(data, STORY_SCHEMA)
    assert data["independent_sources"] == 3 and data["brief"]
    assert runner.invoke(app, ["recluster", "--db", db, "--quiet"]).exit_code == 0
    missing = runner.invoke(app, ["brief", "--story", "999", "--db", db])
    assert missing.exit_code == 3 and "no story 999" in missing.output


def test_cli_store_errors_are_one_line_without_the_password(tmp_path):
    """Only ingest creates a store: a mistyped --db leaves no empty store behind; a store URL's
    password never reaches the terminal (or a log that captures it)."""
    typo = tmp_path / "typo.db"
    for command in (["stories"], ["recluster"], ["brief", "--story", "1"]):
        result = runner.invoke(app, [*command, "--db", str(typo)])
        assert result.exit_code == 3 and "no such file: 'crosswire ingest' creates a store" in result.output
    assert not typo.exists()
    refused = runner.invoke(app, ["stories", "--db", "postgresql://reader:s3cret@127.0.0.1:1/news"])
    assert refused.exit_code == 3 and "postgresql://reader:***@127.0.0.1:1/news" in refused.output
    assert "s3cret" not in refused.output and "Traceback" not in refused.output
    assert runner.invoke(app, ["stories", "--db", " "]).exit_code == 2
    fresh = tmp_path / "fresh.db"
    runner.invoke(app, ["ingest", str(tmp_path / "nothing-here"), "--db", str(fresh), "--quiet"])
    empty = runner.invoke(app, ["stories", "--db", str(fresh)])
    assert empty.exit_code == 0 and "no stories stored yet" in empty.output


CHILD = """
import sys
from crosswire.ingest import ingest_paths
from crosswire.store import Store

with Store(sys.argv[1]) as store:
    ingest_paths(sys.argv[2:], store, batch=1, rebuild=False,
                 on_batch=lambda done, total: print("committed", done, flush=True))
    print("finished", flush=True)
"""


def test_killing_an_ingest_loses_only_the_batch_in_flight(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    from .conftest import SEEDS

    url = f"sqlite:///{tmp_path / 'crash.db'}"
    inputs = [str(SAMPLE)] + ([str(SEEDS)] if SEEDS.is_dir() else [])
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, url, *inputs], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    reported = 0
    try:
        deadline = time.monotonic() + 240
        for line in child.stdout:
            if line.startswith("committed"):
                reported = int(line.split()[1])
                if reported == 3:
                    break
            assert time.monotonic() < deadline, "the child is too slow"
        child.send_signal(signal.SIGKILL)
    finally:
        child.kill()
        child.wait(30)
    assert reported == 3
    with Store(url) as store:
        count = store.article_count()
        assert count >= 3  # every batch reported as committed is there (and perhaps one more)
        for article in store.articles():
            assert store.article_info(article.id)["story_id"] is not None
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        # Ingesting again completes the store without duplicating what was there.
        result = ingest_paths(inputs, store)
        assert len(result.already_stored) == count
        assert store.article_count() == len(result.added) + count


@pytest.fixture()
def local_site(tmp_path):
    """A web server on 127.0.0.1 serving the HTML and feed fixtures, with an OPML pointing at it."""
    import functools
    import http.server
    import shutil
    import threading

    from .conftest import ROOT

    site = tmp_path / "site"
    shutil.copytree(ROOT / "tests" / "fixtures" / "formats", site)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    opml = tmp_path / "feeds.opml"
    opml.write_text(
        f'<opml version="2.0"><body><outline text="wire" xmlUrl="{base}/wire.rss"/></body></opml>', encoding="utf-8"
    )
    yield base, opml
    server.shutdown()


def test_ingest_urls_and_feeds_from_the_network(tmp_path, local_site):
    base, opml = local_site
    db = f"sqlite:///{tmp_path / 'net.db'}"
    cache = tmp_path / "fetch.json"
    refused = runner.invoke(
        app, ["ingest", f"{base}/harbour_page.html", "--db", db, "--quiet", "--report", str(cache.with_suffix(".r1"))]
    )
    assert refused.exit_code == EXIT_NOTHING  # all skipped: a loopback address needs --allow-private
    assert "allow-private" in json.loads(cache.with_suffix(".r1").read_text("utf-8"))["skipped"][0]["reason"]

    args = ["--db", db, "--allow-private", "--fetch-cache", str(cache), "--quiet"]
    report = tmp_path / "report.json"
    page = runner.invoke(
        app, ["ingest", f"{base}/harbour_page.html", "--feeds", str(opml), *args, "--report", str(report)]
    )
    assert page.exit_code == 0, page.output
    added = json.loads(report.read_text("utf-8"))["added"]
    assert len(added) >= 2  # the page and the feed's entries
    with Store(db) as store:
        urls = {a.url for a in store.articles()}
    assert f"{base}/harbour_page.html" in urls

    again = runner.invoke(app, ["ingest", "--feeds", str(opml), *args, "--report", str(report)])
    assert again.exit_code == 1  # the feed is skipped: not modified since the last fetch
    reasons = [s["reason"] for s in json.loads(report.read_text("utf-8"))["skipped"]]
    assert any("not modified" in r for r in reasons)


class CountingClusterer(StoryClusterer):
    """Counts the articles fed to it (replayed or new), across pickling."""

    fed = 0

    def add(self, *args, **kwargs):
        type(self).fed += 1
        return super().add(*args, **kwargs)


def test_the_next_ingest_takes_up_the_saved_clusterer_state(store, analyzer, tmp_path):
    CountingClusterer.fed = 0
    ingest_paths([SAMPLE], store, analyzer=analyzer, clusterer=CountingClusterer())
    assert CountingClusterer.fed == 5 and store.load_cluster_state() is not None
    (sample_story,) = store.stories()

    other = tmp_path / "frost.txt"
    other.write_text(UNRELATED, encoding="utf-8")
    CountingClusterer.fed = 0
    result = ingest_paths([other], store, analyzer=analyzer, clusterer=CountingClusterer())
    assert CountingClusterer.fed == 1  # only the new article: the five stored ones are not replayed
    (new_story,) = [s for s in store.stories() if s["id"] != sample_story["id"]]
    assert result.stories_touched == [new_story["id"]]

    # Other settings: the saved state does not fit, every stored article is replayed.
    third = tmp_path / "frost2.txt"
    third.write_text(UNRELATED.replace("Orchard growers", "Vineyard owners").replace("apple", "pear"), "utf-8")
    CountingClusterer.fed = 0
    ingest_paths([third], store, analyzer=analyzer, clusterer=CountingClusterer(threshold=0.3))
    assert CountingClusterer.fed == 6 + 1


def test_articles_stored_after_the_saved_state_are_replayed(store, analyzer, tmp_path):
    """A crash after a batch committed but before the state was saved: the batch is replayed."""
    CountingClusterer.fed = 0
    ingest_paths([SAMPLE / "01_wire.txt"], store, analyzer=analyzer, clusterer=CountingClusterer())
    saved = store.load_cluster_state()
    ingest_paths([SAMPLE / "03_independent.txt"], store, analyzer=analyzer, clusterer=CountingClusterer())
    store.save_cluster_state(saved["data"], saved["fingerprint"], saved["upto"])  # as if never saved
    CountingClusterer.fed = 0
    ingest_paths([SAMPLE / "02_rewrite_site.txt"], store, analyzer=analyzer, clusterer=CountingClusterer())
    assert CountingClusterer.fed == 2  # 03, stored after the state, and the new 02
    assert len(store.stories()) == 1


def test_recluster_drops_the_saved_state(store, analyzer):
    ingest_paths([SAMPLE], store, analyzer=analyzer)
    assert store.load_cluster_state() is not None
    recluster(store)
    assert store.load_cluster_state() is None


def test_the_saved_state_is_json_that_restores_the_clusterer_exactly(sample):
    import json
    import zlib

    from crosswire.ingest import _dump_state, _encode, _load_state

    articles = [sample[k] for k in sorted(sample)]
    clusterer = StoryClusterer()
    for article in articles[:3]:
        clusterer.add(article)
    data = _dump_state((clusterer, {1: 7}, 2))
    json.loads(zlib.decompress(data))  # plain JSON: nothing is unpickled
    restored, to_store, merges_seen = _load_state(data, StoryClusterer)
    assert (to_store, merges_seen) == ({1: 7}, 2)
    assert _encode(restored) == _encode(clusterer)
    for article in articles[3:]:
        assert restored.add(article) == clusterer.add(article)
    assert _encode(restored) == _encode(clusterer)


def test_a_saved_state_naming_another_class_is_refused(sample):
    import json
    import zlib

    from crosswire.ingest import _load_state

    forged = {"~": "object", "class": "subprocess.Popen", "v": {}}
    with pytest.raises(KeyError):
        _load_state(zlib.compress(json.dumps(forged).encode()), StoryClusterer)


@pytest.mark.parametrize("consolidate", [False, True])
def test_consolidate_mends_the_stories_the_one_pass_split(store, analyzer, consolidate):
    # A one pass too strict to join anything: each article starts a story; the end pass mends them.
    def strict():
        return StoryClusterer(threshold=0.99, centroid_merge=None, merge_threshold=0.99, consolidate_threshold=0.05)

    result = ingest_paths([SAMPLE], store, analyzer=analyzer, clusterer=strict(), consolidate=consolidate)
    stories = store.stories()
    if not consolidate:
        assert len(stories) == 4  # the near-duplicate joins its twin's story, the rest stay apart
        return
    (story,) = stories
    assert len(story["articles"]) == 5 and result.stories_touched == [story["id"]]
    assert store.load_story(story["id"]).independent_sources == 3  # rebuilt after the merge


# Every article joins and merges whatever story shares a word with it: the sample and the seeds end up in one story.
OVER_EAGER = dict(threshold=0.01, merge_threshold=0.01, late_threshold=0.01, window_days=10**4, max_gap_days=10**4)


@pytest.mark.parametrize("consolidate", [False, True])
def test_consolidate_splits_a_story_holding_two_topics_in_the_store(store, analyzer, seeds, consolidate, tmp_path):
    from .conftest import SEEDS

    copy = tmp_path / "seeds" / "mirror.txt"  # a near-duplicate of a seed, stored unanalysed, linked to its twin
    copy.parent.mkdir()
    copy.write_text(next(SEEDS.glob("000_*.txt")).read_text("utf-8") + "\nShare this article\n", encoding="utf-8")
    result = ingest_paths(
        [SAMPLE, SEEDS, copy], store, analyzer=analyzer, clusterer=StoryClusterer(**OVER_EAGER), consolidate=consolidate
    )
    infos = store.article_infos()
    stories = {s["id"]: s for s in store.stories()}
    by_source = {}
    for info in infos.values():
        seed = "seeds" in info["source_path"]
        by_source.setdefault(seed, set()).add(info["story_id"])
    assert len(result.duplicates) == 1 and len(infos) == 11
    if not consolidate:
        assert len(stories) == 1 and by_source[True] == by_source[False]
        return
    # the seeds, split off into a new story, took their near-duplicates with them; both stories rebuilt
    assert len(stories) == 2 and len(by_source[True]) == 1 and len(by_source[False]) == 1
    (sample_story,), (seed_story,) = by_source[False], by_source[True]
    assert sample_story != seed_story and result.stories_touched == sorted(stories)
    for sid in stories:
        assert store.load_story(sid).articles  # built from its own articles
    assert {a.id for a in store.load_story(seed_story).articles} <= {a.id for a in seeds.values()}

    # the saved state maps the clusterer's new story to the new store story, and restores exactly
    from crosswire.ingest import _dump_state, _encode, _load_state

    clusterer, to_store, _ = _load_state(store.load_cluster_state()["data"], StoryClusterer)
    ((story, new, keys),) = clusterer.splits
    assert to_store[story] == sample_story and to_store[new] == seed_story
    assert sorted(keys) == sorted(a.id for a in seeds.values())
    assert _encode(_load_state(_dump_state((clusterer, to_store, 0)), StoryClusterer)[0]) == _encode(clusterer)


def test_two_spacy_workers_store_the_same_stories_as_one(tmp_path, analyzer):
    """--jobs 2 parses in two worker processes, one stream across the batches: the stored
    analyses, stories and near-duplicate links are those of a one-process ingest."""
    from .conftest import SEEDS

    copy = tmp_path / "copy"
    copy.mkdir()
    (copy / "01_wire_copy.txt").write_text(
        "Breaking\n\n" + (SAMPLE / "01_wire.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    results = []
    for jobs in (1, 2):
        with Store(f"sqlite:///{tmp_path / f'jobs{jobs}.db'}") as store:
            paths = [SAMPLE, *([SEEDS] if SEEDS.exists() else []), copy]
            report = ingest_paths(paths, store, analyzer=analyzer, batch=3, jobs=jobs)
            stories = store.stories()
            analyses = sorted(
                json.dumps(a.to_dict(), sort_keys=True) for s in stories for a in story_articles(store, s["id"])
            )
            results.append((report.added, report.duplicates, [s["articles"] for s in stories], analyses))
    assert results[0] == results[1]
    assert results[0][1]  # the copy was linked to its twin, in both


def test_cli_stories_sorted_and_filtered(tmp_path):
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    frost = tmp_path / "frost"
    frost.mkdir()
    (frost / "frost.txt").write_text(UNRELATED, encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(frost), str(SAMPLE), "--db", db, "--quiet"]).exit_code == 0

    def listing(*options):
        result = runner.invoke(app, ["stories", "--db", db, "--format", "json", *options])
        assert result.exit_code == 0, result.output
        return [len(s["articles"]) for s in json.loads(result.stdout)["stories"]]

    assert listing() == [1, 5]  # by id: the frost story was made first
    assert listing("--sort", "size") == [5, 1]
    assert listing("--min-articles", "2") == [5]
    text = runner.invoke(app, ["stories", "--db", db, "--sort", "size"]).stdout
    assert text.index("5 articles") < text.index("1 article,")
