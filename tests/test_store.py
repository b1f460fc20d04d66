"""The store on SQLite and, when CROSSWIRE_TEST_PG names a PostgreSQL database, on PostgreSQL too.

Each PostgreSQL test runs in a schema of its own (dropped afterwards), so tests never see each
other's rows and the database can be reused between runs.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import os
import signal
import subprocess
import sys
import textwrap
import time
import uuid

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from crosswire.model import Article, Skipped
from crosswire.store import MIGRATIONS, Store, StoreError, metadata, shown_url, store_url
from crosswire.story import build_story

PG = os.environ.get("CROSSWIRE_TEST_PG")
BACKENDS = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=pytest.mark.skipif(
            not PG, reason="PostgreSQL store tests need CROSSWIRE_TEST_PG=postgresql://… (.ci/run sets it)"
        ),
    ),
]
TABLES = {"articles", "stories", "skipped_inputs"}


@pytest.fixture(params=BACKENDS)
def url(request, tmp_path):
    """A fresh, empty database: a SQLite file, or a new PostgreSQL schema."""
    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
        return
    schema = f"crosswire_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(store_url(PG))
    with admin.begin() as conn:
        conn.execute(sa.schema.CreateSchema(schema))
    try:
        yield store_url(PG).update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(False)
    finally:
        with admin.begin() as conn:
            conn.execute(sa.schema.DropSchema(schema, cascade=True))
        admin.dispose()


@pytest.fixture
def store(url):
    with Store(url) as opened:
        yield opened


@pytest.fixture
def sample_articles(sample) -> list[Article]:
    return [sample[k] for k in sorted(sample)]


def test_urls():
    assert store_url(None).render_as_string() == "sqlite:///crosswire.db"
    assert store_url("data/my.db").database == "data/my.db"
    assert store_url("sqlite:////tmp/x.db").database == "/tmp/x.db"
    for given in ("postgresql://u:p@host:5433/db", "postgres://u:p@host:5433/db"):
        parsed = store_url(given)
        assert (parsed.drivername, parsed.host, parsed.port, parsed.database) == (
            "postgresql+psycopg",
            "host",
            5433,
            "db",
        )
    assert store_url("postgresql+psycopg://u@h/db").drivername == "postgresql+psycopg"


def test_urls_that_are_not_a_store_say_so_without_the_password():
    for given, reason in [
        ("postgresql://u:s3cret@host:port/db", "not a store URL"),
        ("mysql://u:s3cret@host/db", "unsupported database 'mysql'"),
    ]:
        with pytest.raises(StoreError, match=reason) as raised:
            store_url(given)
        assert "s3cret" not in str(raised.value)
    assert shown_url("postgresql://u:s3cret@host:5433/db") == "postgresql://u:***@host:5433/db"
    assert shown_url("postgresql://u:s3cret@host:port/db") == "(an unreadable store URL)"
    assert shown_url("data/my.db") == "data/my.db"


def test_a_database_holding_other_tables_is_not_taken_over(url):
    engine = sa.create_engine(store_url(url))
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE customers (id INTEGER)"))
    with pytest.raises(StoreError, match=r"not a crosswire store.*\(customers\)"):
        Store(url)
    with engine.connect() as conn:
        assert sa.inspect(conn).get_table_names() == ["customers"]
    engine.dispose()


def test_a_file_that_is_not_a_database_is_not_written_over(tmp_path):
    notes = tmp_path / "notes.db"
    notes.write_bytes(b"x")  # SQLite alone would take it for an empty database and write over it
    with pytest.raises(StoreError, match="not a SQLite database"):
        Store(str(notes))
    assert notes.read_bytes() == b"x"
    with pytest.raises(StoreError, match="a folder"):
        Store(str(tmp_path))


def test_opening_without_create_leaves_no_file_behind(tmp_path):
    missing = tmp_path / "typo.db"
    with pytest.raises(StoreError, match="no such file"):
        Store(str(missing), create=False)
    assert not missing.exists()
    with Store(str(missing)) as store:  # creating is the default
        assert repr(store) == f"Store('sqlite:///{missing}')"
    with Store(str(missing), create=False) as store:
        assert store.article_count() == 0


def test_default_is_crosswire_db_in_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with Store() as store:
        assert store.article_count() == 0
    assert (tmp_path / "crosswire.db").is_file()


def test_sqlite_runs_in_wal_mode(tmp_path):
    with Store(str(tmp_path / "wal.db")) as store:
        store.add_skipped("x.bin", "binary file")
        with store.engine.connect() as conn:
            pragma = {name: conn.exec_driver_sql(f"PRAGMA {name}").scalar() for name in ("journal_mode", "synchronous")}
            pragma["foreign_keys"] = conn.exec_driver_sql("PRAGMA foreign_keys").scalar()
        assert pragma == {"journal_mode": "wal", "synchronous": 1, "foreign_keys": 1}  # 1 = NORMAL
        assert (tmp_path / "wal.db-wal").exists()


def test_migrations_create_the_schema_and_are_a_noop_on_reopen(url, caplog):
    engine = sa.create_engine(store_url(url))
    assert not TABLES & set(sa.inspect(engine).get_table_names())
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()

    with caplog.at_level(logging.INFO, logger="alembic"), Store(url) as store:
        store.add_skipped("a.txt", "empty file")
    assert any("Running upgrade" in r.getMessage() and head in r.getMessage() for r in caplog.records)
    assert TABLES | {"alembic_version"} <= set(sa.inspect(engine).get_table_names())
    with engine.connect() as conn:
        context = MigrationContext.configure(conn)
        assert context.get_current_revision() == head
        assert compare_metadata(context, metadata) == []  # the migrations build exactly store.metadata

    caplog.clear()
    with caplog.at_level(logging.INFO, logger="alembic"), Store(url) as store:
        assert store.skipped() == [Skipped("a.txt", "empty file")]
    assert not any("Running upgrade" in r.getMessage() for r in caplog.records)
    engine.dispose()


def _alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def test_articles_round_trip(store, sample_articles):
    signatures = {a.id: a.id.encode() * 8 for a in sample_articles}
    for article in sample_articles:
        assert store.add_article(article, signature=signatures[article.id])
    assert store.article_count() == len(sample_articles)
    for article in sample_articles:
        assert store.has_article(article.id)
        again = store.get_article(article.id)
        assert again == article
        assert again.to_dict() == article.to_dict()
        info = store.article_info(article.id)
        assert (info["outlet"], info["title"], info["published"]) == (article.outlet, article.title, article.published)
        assert info["source_path"] == article.source_path
        assert info["text_length"] == len(article.text)
        assert info["story_id"] is None and info["duplicate_of"] is None
    assert sorted(a.id for a in store.articles()) == sorted(a.id for a in sample_articles)
    assert dict(store.signatures()) == signatures
    assert not store.has_article("0" * 16)
    with pytest.raises(KeyError):
        store.get_article("0" * 16)


def test_article_infos_in_one_query(store, sample_articles):
    story = store.create_story()
    store.add_article(sample_articles[0], story_id=story)
    store.add_article(sample_articles[1])
    infos = store.article_infos()
    assert list(infos) == [a.id for a in store.articles()]
    assert all(infos[i] == store.article_info(i) for i in infos)
    assert list(store.article_infos(story_id=story)) == [sample_articles[0].id]


def test_adding_again_changes_nothing(store, sample_articles):
    first, *rest = sample_articles
    assert store.add_articles(sample_articles) == [True] * len(sample_articles)
    before = store.article_info(first.id)
    sid = store.create_story()
    changed = dataclasses.replace(first, title="Another title")
    assert store.add_article(changed, story_id=sid, duplicate_of=rest[0].id, signature=b"sig") is False
    assert store.add_articles(sample_articles, story_id=sid) == [False] * len(sample_articles)
    assert store.article_info(first.id) == before
    assert store.get_article(first.id).title == first.title
    assert store.article_count() == len(sample_articles)
    assert list(store.signatures()) == []
    assert store.stories() == []


def test_duplicate_links(store, sample):
    wire, copy = sample["01"], sample["04"]
    store.add_article(wire)
    assert store.add_article(copy, duplicate_of=wire.id, duplicate_reason="near-duplicate (Jaccard 0.91)")
    info = store.article_info(copy.id)
    assert (info["duplicate_of"], info["duplicate_reason"]) == (wire.id, "near-duplicate (Jaccard 0.91)")
    store.set_duplicate(copy.id, None)
    assert store.article_info(copy.id)["duplicate_of"] is None
    assert store.article_info(copy.id)["duplicate_reason"] is None
    # A link to an article that is not stored is refused, and the article is not stored either.
    with pytest.raises(sa.exc.IntegrityError):
        store.add_article(sample["03"], duplicate_of="f" * 16)
    assert not store.has_article(sample["03"].id)
    with pytest.raises(KeyError):
        store.set_duplicate("f" * 16, wire.id)


def test_stories_listing(store, sample):
    a, b, c = sample["01"], sample["03"], sample["05"]
    a = dataclasses.replace(a, published="2024-11-13")
    b = dataclasses.replace(b, published="2024-11-12")
    c = dataclasses.replace(c, published=None)
    one, two, empty = store.create_story(), store.create_story(), store.create_story()
    with store.transaction():
        store.add_article(a, story_id=one)
        store.add_article(b, story_id=one)
        store.add_article(c, story_id=two)
    listed = store.stories()
    assert [s["id"] for s in listed] == [one, two]  # the empty story is not listed
    first = listed[0]
    assert set(first) == {"id", "title", "articles", "outlets", "independent_sources", "first", "last"}
    assert [x["id"] for x in first["articles"]] == [b.id, a.id]  # earliest first
    assert first["articles"][0] == {
        "id": b.id,
        "source_path": b.source_path,
        "outlet": b.outlet,
        "published": b.published,
    }
    assert first["outlets"] == sorted({a.outlet, b.outlet} - {None})
    assert (first["first"], first["last"]) == ("2024-11-12", "2024-11-13")
    assert first["title"] == next(x.title for x in (b, a) if x.title)  # not built: the earliest article's title
    assert first["independent_sources"] is None
    assert (listed[1]["first"], listed[1]["last"]) == (None, None)
    assert store.stale_stories() == [one, two]

    store.set_story(a.id, two)  # dates follow the move on both sides
    by_id = {s["id"]: s for s in store.stories()}
    assert (by_id[one]["first"], by_id[one]["last"]) == ("2024-11-12", "2024-11-12")
    assert (by_id[two]["first"], by_id[two]["last"]) == ("2024-11-13", "2024-11-13")
    assert sorted(x.id for x in store.articles(story_id=two)) == sorted([a.id, c.id])
    store.set_story(b.id, None)
    assert [s["id"] for s in store.stories()] == [two]
    with pytest.raises(KeyError):
        store.set_story("f" * 16, one)

    store.delete_story(two)
    assert store.stories() == []
    assert store.article_info(a.id)["story_id"] is None
    with pytest.raises(KeyError):
        store.load_story(two)
    store.clear_stories()
    with pytest.raises(KeyError):
        store.load_story(empty)
    assert store.article_count() == 3


def test_story_save_and_load(store, sample_articles):
    story = build_story(sample_articles)
    sid = store.create_story()
    store.add_articles(sample_articles, story_id=sid)
    assert store.load_story(sid) is None  # never built
    assert store.stale_stories() == [sid]
    store.save_story(sid, story)
    again = store.load_story(sid)
    assert again == story
    assert again.to_dict() == story.to_dict()
    assert store.stale_stories() == []
    (listed,) = store.stories()
    assert listed["title"] == story.title
    assert listed["independent_sources"] == story.independent_sources == 3
    assert {x["id"] for x in listed["articles"]} == {a.id for a in sample_articles}
    with pytest.raises(KeyError):
        store.save_story(sid + 100, story)
    store.clear_stories()
    assert store.stories() == [] and store.article_count() == len(sample_articles)
    assert all(store.article_info(a.id)["story_id"] is None for a in sample_articles)


def test_a_failed_transaction_leaves_nothing(store, sample_articles):
    with pytest.raises(RuntimeError), store.transaction():
        sid = store.create_story()
        store.add_articles(sample_articles[:2], story_id=sid, skipped=[Skipped("x.pdf", "unsupported file type")])
        assert store.article_count() == 2  # visible inside the transaction
        raise RuntimeError("crash")
    assert store.article_count() == 0
    assert store.stories() == [] and store.skipped() == []
    with pytest.raises(KeyError):
        store.load_story(sid)


def test_skipped_inputs(store):
    store.add_articles([], skipped=[Skipped("a.bin", "binary file"), Skipped("b.txt", "empty file")])
    store.add_skipped("a.bin", "binary file")
    assert store.skipped() == [
        Skipped("a.bin", "binary file"),
        Skipped("b.txt", "empty file"),
        Skipped("a.bin", "binary file"),
    ]


CHILD = textwrap.dedent(
    """
    import dataclasses, json, sys, time
    from crosswire.model import Article
    from crosswire.store import Store

    url, source, batches, size = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    with open(source, encoding="utf-8") as f:
        base = [Article.from_dict(d) for d in json.load(f)]
    store = Store(url)
    for b in range(batches):
        with store.transaction():
            story = store.create_story()
            for j in range(size):
                article = dataclasses.replace(base[j % len(base)], id=f"b{b:03d}-{j:02d}")
                twin = f"b{b:03d}-00" if j else None
                store.add_article(article, story_id=story, duplicate_of=twin, signature=bytes([b % 256, j]))
                print(f"adding {b} {j}", flush=True)
                time.sleep(0.005)
            store.add_skipped(f"batch{b}/bad.bin", "binary file")
        print(f"committed {b}", flush=True)
    """
)


def test_a_killed_ingest_loses_no_committed_batch_and_leaves_no_partial_one(url, sample_articles, tmp_path):
    size = 8
    source = tmp_path / "articles.json"
    source.write_text(json.dumps([a.to_dict() for a in sample_articles]), encoding="utf-8")
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    child = subprocess.Popen(
        [sys.executable, str(script), url, str(source), "1000", str(size)], stdout=subprocess.PIPE, text=True
    )
    committed: set[int] = set()
    deadline = time.monotonic() + 120
    try:
        for line in child.stdout:
            word, batch, *rest = line.split()
            if word == "committed":
                committed.add(int(batch))
            # Kill in the middle of the batch after the third committed one.
            if word == "adding" and int(batch) == 3 and int(rest[0]) == size // 2:
                break
            assert time.monotonic() < deadline, "the child is too slow"
        child.send_signal(signal.SIGKILL)
    finally:
        child.kill()
        child.wait(30)
    assert committed == {0, 1, 2}
    assert child.returncode == -signal.SIGKILL

    with Store(url) as store:
        ids = {a.id for a in store.articles()}
        batches = {int(i[1:4]) for i in ids}
        assert batches == committed  # every reported batch is there, the one cut short is not
        for b in batches:
            assert {f"b{b:03d}-{j:02d}" for j in range(size)} <= ids
        listed = store.stories()
        assert len(listed) == len(committed)
        assert all(len(s["articles"]) == size for s in listed)
        assert len(store.skipped()) == len(committed)
        assert store.article_info("b002-05")["duplicate_of"] == "b002-00"
        if store.engine.dialect.name == "sqlite":
            with store.engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
                assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
        # The store takes writes again.
        assert store.add_article(dataclasses.replace(sample_articles[0], id="after-crash"))
        assert store.article_count() == len(committed) * size + 1


def test_cluster_state_round_trip_and_ingest_positions(store, sample_articles):
    assert store.load_cluster_state() is None and store.last_position() is None
    with store.transaction():
        for article in sample_articles:
            store.add_article(article)
    first, *rest = store.article_infos()
    position = store.last_position()
    assert position[1] == list(store.article_infos())[-1]
    blob = bytes(range(256)) * 40
    store.save_cluster_state(blob, "f" * 64, position)
    store.save_cluster_state(blob[::-1], "e" * 64, position)  # saving again replaces it
    saved = store.load_cluster_state()
    assert saved == {"data": blob[::-1], "fingerprint": "e" * 64, "upto": position}
    # articles stored after a position, in ingest order
    info = store.article_info(first)
    after_first = (info["ingested_at"].replace(tzinfo=info["ingested_at"].tzinfo or dt.UTC), first)
    assert [a.id for a in store.articles(after=after_first)] == rest
    assert list(store.article_infos(after=after_first)) == rest
    assert list(store.articles(after=position)) == []
    store.clear_stories()
    assert store.load_cluster_state() is None
