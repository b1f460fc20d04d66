"""The persistent store: analysed articles, the stories they belong to, duplicate links, skipped inputs.

One code path for SQLite (the default, a file in the working directory, opened in WAL mode) and
PostgreSQL (``postgresql://…``, through psycopg 3), written with SQLAlchemy Core. The schema is
created and upgraded by the Alembic migrations shipped in ``crosswire/migrations`` every time a
:class:`Store` opens, so an old store file is brought up to date and a current one is left alone.

Tables
------
``articles``
    One row per analysed article. ``id`` is the content id (:func:`crosswire.read.content_id`),
    so the same text is stored once. ``data`` holds the whole analysed :class:`Article`
    (``to_dict``; JSONB on PostgreSQL), so briefs never analyse again; ``source_path``,
    ``outlet``, ``title``, ``published`` and ``text_length`` are copied out of it for listing
    and filtering. ``ingested_at`` is when the row was written (UTC). ``story_id`` is the story
    the article belongs to (null until assigned). ``duplicate_of`` links a (near-)duplicate to
    its twin, another row of this table, with ``duplicate_reason`` saying why. ``signature``
    is an optional opaque blob (a MinHash signature) so duplicate detection can be rebuilt
    without analysing again.
``stories``
    ``id`` (an integer), ``title`` (from the last built story, else null), ``created_at``,
    ``updated_at`` (last change of membership or build), ``first_published`` and
    ``last_published`` (the earliest and latest ``published`` of its articles, kept up to date
    as articles join and leave), ``data`` (the last built :class:`Story`, ``to_dict``),
    ``independent_sources`` (copied out of it), ``built_at`` and ``stale`` (true when the
    membership changed since ``data`` was built).
``skipped_inputs``
    Every input that did not become an article: ``path``, ``reason``, ``at``.
``cluster_state``
    The story clusterer's state after the last ingest (``data``, opaque bytes), with the
    ingest position of the last article it has seen (``upto_at``, ``upto_id``) and a
    ``fingerprint`` of the code and settings that made it. The next ingest starts from it and
    replays only the articles stored after that position; a state that does not match is
    ignored, and a recluster deletes it.

Transactions
------------
Every public method that writes runs in one transaction. To make several calls one unit (an
ingest batch: its articles, their duplicate links, new stories and assignments, its skipped
inputs) wrap them in ``with store.transaction():``; everything inside commits together when the
block ends, or not at all if it raises or the process dies. A batch reported as ingested after
the block is therefore on disk, and a batch cut short leaves no trace.

A :class:`Store` is meant for one thread; open one per thread or process.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine

from crosswire.model import Article, Skipped, Story

DEFAULT_URL = "sqlite:///crosswire.db"
MIGRATIONS = Path(__file__).with_name("migrations")

#: Constraint names Alembic can find again in later migrations.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = sa.MetaData(naming_convention=NAMING)


def json_type() -> sa.types.TypeEngine:
    """JSON on SQLite, JSONB on PostgreSQL; Python ``None`` is SQL NULL."""
    return sa.JSON(none_as_null=True).with_variant(postgresql.JSONB(none_as_null=True), "postgresql")


stories = sa.Table(
    "stories",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("title", sa.Text),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("first_published", sa.String(40)),
    sa.Column("last_published", sa.String(40)),
    sa.Column("independent_sources", sa.Integer),
    sa.Column("built_at", sa.DateTime(timezone=True)),
    sa.Column("stale", sa.Boolean, nullable=False, server_default=sa.true()),
    sa.Column("data", json_type()),
)

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("source_path", sa.Text, nullable=False),
    sa.Column("outlet", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.String(40)),
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("text_length", sa.Integer, nullable=False),
    sa.Column("story_id", sa.Integer, sa.ForeignKey("stories.id", ondelete="SET NULL")),
    sa.Column("duplicate_of", sa.String(64), sa.ForeignKey("articles.id", ondelete="SET NULL")),
    sa.Column("duplicate_reason", sa.Text),
    sa.Column("signature", sa.LargeBinary),
    sa.Column("data", json_type(), nullable=False),
    sa.Index("ix_articles_story_id", "story_id"),
    sa.Index("ix_articles_duplicate_of", "duplicate_of"),
    sa.Index("ix_articles_published", "published"),
    sa.Index("ix_articles_ingested_at", "ingested_at"),
)

cluster_state = sa.Table(
    "cluster_state",
    metadata,
    sa.Column("name", sa.String(40), primary_key=True),
    sa.Column("fingerprint", sa.String(64), nullable=False),
    sa.Column("upto_at", sa.DateTime(timezone=True)),
    sa.Column("upto_id", sa.String(64)),
    sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("data", sa.LargeBinary, nullable=False),
)

skipped_inputs = sa.Table(
    "skipped_inputs",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("path", sa.Text, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
)


class StoreError(Exception):
    """A database crosswire will not open as its store; the message says why, for the user."""


def store_url(url: str | None = None) -> sa.URL:
    """The SQLAlchemy URL for ``url``: the default SQLite file when ``None``, a bare path as a
    SQLite file, and ``postgresql://`` / ``postgres://`` through the psycopg 3 driver."""
    if url is None:
        url = DEFAULT_URL
    if "://" not in url:
        return sa.URL.create("sqlite", database=url)
    try:
        parsed = sa.make_url(url)
    except (sa.exc.ArgumentError, ValueError):  # the text would show the password: not repeated
        raise StoreError("not a store URL: sqlite:///FILE or postgresql://USER:PASSWORD@HOST:PORT/DB") from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        backend = parsed.get_backend_name()
        raise StoreError(f"unsupported database '{backend}': crosswire stores in SQLite or PostgreSQL")
    return parsed


def _sqlite_connect(dbapi_connection, _record) -> None:
    # SQLAlchemy, not the sqlite3 module, decides when transactions begin (see _sqlite_begin).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    # The sqlite3 module (Python < 3.12) would begin only before the first INSERT/UPDATE/DELETE;
    # SQLAlchemy's documented recipe makes every transaction real. A writer takes the write lock
    # up front (IMMEDIATE), so concurrent writers wait (busy timeout) instead of failing mid-way.
    write = connection.get_execution_options().get("crosswire_write", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def create_engine(url: str | None = None) -> Engine:
    """An engine for ``url`` (see :func:`store_url`), with SQLite's pragmas and transactions set up."""
    parsed = store_url(url)
    if parsed.get_backend_name() != "sqlite":
        return sa.create_engine(parsed, pool_pre_ping=True)
    kwargs: dict[str, Any] = {"connect_args": {"timeout": 30}}
    if parsed.database in (None, "", ":memory:"):
        kwargs = {"connect_args": {"check_same_thread": False}, "poolclass": sa.StaticPool}
    engine = sa.create_engine(parsed, **kwargs)
    sa.event.listen(engine, "connect", _sqlite_connect)
    sa.event.listen(engine, "begin", _sqlite_begin)
    return engine


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _utc(moment: dt.datetime) -> dt.datetime:
    # SQLite gives back naive datetimes; they were written in UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _after(query, position: tuple[dt.datetime, str] | None):
    if position is None:
        return query
    at, article_id = position
    return query.where(
        sa.or_(articles.c.ingested_at > at, sa.and_(articles.c.ingested_at == at, articles.c.id > article_id))
    )


def shown_url(url: str | sa.URL | None) -> str:
    """``url`` as it may be shown to a user: the password hidden."""
    if isinstance(url, sa.URL):
        return url.render_as_string(hide_password=True)
    if url is None:
        url = DEFAULT_URL
    if "://" not in url:
        return url
    try:
        return sa.make_url(url).render_as_string(hide_password=True)
    except (sa.exc.ArgumentError, ValueError):  # nothing safe to take from it
        return "(an unreadable store URL)"


def _check_sqlite_file(path: Path, create: bool) -> None:
    if not path.exists():
        if not create:
            raise StoreError("no such file: 'crosswire ingest' creates a store")
        return
    if path.is_dir():
        raise StoreError("a folder, not a database file")
    try:
        with open(path, "rb") as f:
            head = f.read(16)
    except OSError as exc:
        raise StoreError(f"cannot read: {exc.strerror or exc}") from None
    # SQLite would take a short file of anything for an empty database and write over it.
    if head and head != b"SQLite format 3\x00":
        raise StoreError("not a SQLite database (crosswire will not write over it)")


class Store:
    """Analysed articles and stories in SQLite or PostgreSQL (see the module documentation).

    ``Store()`` opens ``crosswire.db`` in the working directory; ``Store("path/to/file.db")``,
    ``Store("sqlite:///…")`` or ``Store("postgresql://user:password@host/db")`` open others. The
    schema is migrated to the newest revision on opening (``migrate=False`` skips that).
    ``create=False`` raises :class:`StoreError` for a SQLite file that does not exist, rather
    than creating it. A database holding other tables than crosswire's, or a file that is not
    SQLite, raises :class:`StoreError` too.
    """

    def __init__(self, url: str | None = None, *, migrate: bool = True, create: bool = True) -> None:
        self.url = store_url(url)
        if self.url.get_backend_name() == "sqlite" and self.url.database not in (None, "", ":memory:"):
            _check_sqlite_file(Path(self.url.database), create)
        self.engine = create_engine(url)
        self._conn: Connection | None = None
        if migrate:
            self.migrate()

    # --- lifecycle ---

    def migrate(self) -> None:
        """Upgrade the schema to the newest Alembic revision (a no-op when it is there already).

        A database that already holds other tables, and not crosswire's, raises
        :class:`StoreError`: crosswire does not add its tables to another application's data.
        """
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
        with self.engine.connect() as conn:
            conn.execution_options(crosswire_write=True)
            with conn.begin():
                tables = set(sa.inspect(conn).get_table_names())
                if tables and not {"alembic_version", "articles"} <= tables:
                    listed = ", ".join(sorted(tables)[:5]) + (", …" if len(tables) > 5 else "")
                    raise StoreError(
                        f"not a crosswire store: the database already holds other tables ({listed}). "
                        "Give crosswire a database of its own (on PostgreSQL, a schema of its own: "
                        "?options=-csearch_path=NAME)"
                    )
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({shown_url(self.url)!r})"

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """Make every store call inside the block one transaction (nested blocks join the outer one)."""
        if self._conn is not None:
            yield self._conn
            return
        with self.engine.connect() as conn:
            conn.execution_options(crosswire_write=True)
            with conn.begin():
                self._conn = conn
                try:
                    yield conn
                finally:
                    self._conn = None

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        if self._conn is not None:
            yield self._conn
            return
        with self.engine.connect() as conn:
            yield conn

    # --- articles ---

    def has_article(self, article_id: str) -> bool:
        with self._read() as conn:
            query = sa.select(articles.c.id).where(articles.c.id == article_id)
            return conn.execute(query).first() is not None

    def add_article(
        self,
        article: Article,
        *,
        story_id: int | None = None,
        duplicate_of: str | None = None,
        duplicate_reason: str | None = None,
        signature: bytes | None = None,
    ) -> bool:
        """Store ``article``; ``False`` (and nothing changed) when its id is stored already.

        ``duplicate_of`` must be the id of a stored article (or one added earlier in the same
        transaction).
        """
        with self.transaction() as conn:
            values = {
                "id": article.id,
                "source_path": article.source_path,
                "outlet": article.outlet,
                "title": article.title,
                "published": article.published,
                "ingested_at": _now(),
                "text_length": len(article.text),
                "story_id": story_id,
                "duplicate_of": duplicate_of,
                "duplicate_reason": duplicate_reason,
                "signature": signature,
                "data": article.to_dict(),
            }
            added = self._insert_new(conn, values)
            if added and story_id is not None:
                self._touch(conn, story_id)
            return added

    def _insert_new(self, conn: Connection, values: dict[str, Any]) -> bool:
        name = conn.dialect.name
        if name in ("sqlite", "postgresql"):
            insert = (sqlite.insert if name == "sqlite" else postgresql.insert)(articles)
            insert = insert.on_conflict_do_nothing(index_elements=["id"]).returning(articles.c.id)
            return conn.execute(insert, values).first() is not None
        if self.has_article(values["id"]):
            return False
        conn.execute(sa.insert(articles), values)
        return True

    def add_articles(
        self, batch: Iterable[Article], *, story_id: int | None = None, skipped: Iterable[Skipped] = ()
    ) -> list[bool]:
        """Add ``batch`` and record ``skipped`` in one transaction; one ``add_article`` result each."""
        with self.transaction():
            added = [self.add_article(article, story_id=story_id) for article in batch]
            for item in skipped:
                self.add_skipped(item.path, item.reason)
            return added

    def get_article(self, article_id: str) -> Article:
        """The stored article; ``KeyError`` when there is none with this id."""
        with self._read() as conn:
            data = conn.execute(sa.select(articles.c.data).where(articles.c.id == article_id)).scalar()
        if data is None:
            raise KeyError(article_id)
        return Article.from_dict(data)

    def article_info(self, article_id: str) -> dict[str, Any]:
        """What the store knows about an article besides the article itself."""
        cols = [c for c in articles.c if c.name not in ("data", "signature")]
        with self._read() as conn:
            row = conn.execute(sa.select(*cols).where(articles.c.id == article_id)).mappings().first()
        if row is None:
            raise KeyError(article_id)
        return dict(row)

    def article_infos(
        self, story_id: int | None = None, after: tuple[dt.datetime, str] | None = None
    ) -> dict[str, dict[str, Any]]:
        """:meth:`article_info` of every stored article (of one story when ``story_id`` is given;
        stored after the ingest position ``after`` when that is given), in ingest order, from one
        query."""
        cols = [c for c in articles.c if c.name not in ("data", "signature")]
        query = _after(sa.select(*cols).order_by(articles.c.ingested_at, articles.c.id), after)
        if story_id is not None:
            query = query.where(articles.c.story_id == story_id)
        with self._read() as conn:
            return {row["id"]: dict(row) for row in conn.execute(query).mappings()}

    def articles(self, story_id: int | None = None, after: tuple[dt.datetime, str] | None = None) -> Iterator[Article]:
        """Stored articles (those of one story when ``story_id`` is given; stored after the ingest
        position ``after`` when that is given), in ingest order, streamed from the database
        rather than loaded at once."""
        query = _after(sa.select(articles.c.data).order_by(articles.c.ingested_at, articles.c.id), after)
        if story_id is not None:
            query = query.where(articles.c.story_id == story_id)
        with self._read() as conn:
            for data in conn.execute(query.execution_options(yield_per=200)).scalars():
                yield Article.from_dict(data)

    def article_count(self) -> int:
        with self._read() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(articles)).scalar_one()

    def set_duplicate(self, article_id: str, duplicate_of: str | None, reason: str | None = None) -> None:
        """Link ``article_id`` to its twin (``None`` removes the link)."""
        with self.transaction() as conn:
            values = {"duplicate_of": duplicate_of, "duplicate_reason": reason if duplicate_of else None}
            self._update_article(conn, article_id, values)

    def set_signature(self, article_id: str, signature: bytes | None) -> None:
        with self.transaction() as conn:
            self._update_article(conn, article_id, {"signature": signature})

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        """``(article id, signature)`` for every article stored with one, in ingest order."""
        query = (
            sa.select(articles.c.id, articles.c.signature)
            .where(articles.c.signature.is_not(None))
            .order_by(articles.c.ingested_at, articles.c.id)
        )
        with self._read() as conn:
            for article_id, signature in conn.execute(query.execution_options(yield_per=1000)):
                yield article_id, bytes(signature)

    def _update_article(self, conn: Connection, article_id: str, values: dict[str, Any]) -> None:
        if conn.execute(sa.update(articles).where(articles.c.id == article_id).values(**values)).rowcount != 1:
            raise KeyError(article_id)

    # --- stories ---

    def create_story(self, title: str | None = None) -> int:
        """A new, empty story; its id."""
        with self.transaction() as conn:
            now = _now()
            result = conn.execute(sa.insert(stories).values(title=title, created_at=now, updated_at=now))
            return result.inserted_primary_key[0]

    def set_story(self, article_id: str, story_id: int | None) -> None:
        """Move an article to ``story_id`` (``None``: to no story); both stories' dates follow."""
        with self.transaction() as conn:
            old = conn.execute(sa.select(articles.c.story_id).where(articles.c.id == article_id)).first()
            if old is None:
                raise KeyError(article_id)
            if old.story_id == story_id:
                return
            self._update_article(conn, article_id, {"story_id": story_id})
            for sid in (old.story_id, story_id):
                if sid is not None:
                    self._touch(conn, sid)

    def _touch(self, conn: Connection, story_id: int) -> None:
        """Recompute a story's first/last dates after its membership changed; mark it stale."""
        member = articles.c.story_id == story_id
        first, last = conn.execute(
            sa.select(sa.func.min(articles.c.published), sa.func.max(articles.c.published)).where(member)
        ).one()
        update = sa.update(stories).where(stories.c.id == story_id)
        values = {"first_published": first, "last_published": last, "updated_at": _now(), "stale": True}
        if conn.execute(update.values(**values)).rowcount != 1:
            raise KeyError(f"story {story_id}")

    def delete_story(self, story_id: int) -> None:
        """Remove a story (after a merge, say); its articles, if any, are left without a story."""
        with self.transaction() as conn:
            conn.execute(sa.update(articles).where(articles.c.story_id == story_id).values(story_id=None))
            conn.execute(sa.delete(stories).where(stories.c.id == story_id))

    def clear_stories(self) -> None:
        """Delete every story and unassign every article (before a recluster). Duplicate links stay,
        and the saved clusterer state goes: it describes the stories deleted."""
        with self.transaction() as conn:
            conn.execute(sa.update(articles).where(articles.c.story_id.is_not(None)).values(story_id=None))
            conn.execute(sa.delete(stories))
            conn.execute(sa.delete(cluster_state))

    # --- the clusterer's state ---

    def save_cluster_state(self, data: bytes, fingerprint: str, upto: tuple[dt.datetime, str] | None) -> None:
        """Keep the clusterer's state; ``upto``: ``(ingested_at, id)`` of the last article it has seen."""
        values = {
            "fingerprint": fingerprint,
            "upto_at": upto[0] if upto else None,
            "upto_id": upto[1] if upto else None,
            "saved_at": _now(),
            "data": data,
        }
        with self.transaction() as conn:
            update = sa.update(cluster_state).where(cluster_state.c.name == "stories").values(**values)
            if conn.execute(update).rowcount:
                return
            conn.execute(sa.insert(cluster_state).values(name="stories", **values))

    def load_cluster_state(self) -> dict[str, Any] | None:
        """The saved state (``data``, ``fingerprint``, ``upto``), or None."""
        query = sa.select(cluster_state).where(cluster_state.c.name == "stories")
        with self._read() as conn:
            row = conn.execute(query).mappings().first()
        if row is None:
            return None
        upto = (_utc(row["upto_at"]), row["upto_id"]) if row["upto_at"] is not None else None
        return {"data": bytes(row["data"]), "fingerprint": row["fingerprint"], "upto": upto}

    def last_position(self) -> tuple[dt.datetime, str] | None:
        """``(ingested_at, id)`` of the last article stored, in ingest order."""
        query = sa.select(articles.c.ingested_at, articles.c.id).order_by(
            articles.c.ingested_at.desc(), articles.c.id.desc()
        )
        with self._read() as conn:
            row = conn.execute(query.limit(1)).first()
        return (_utc(row[0]), row[1]) if row else None

    def save_story(self, story_id: int, story: Story) -> None:
        """Keep ``story`` as the last build of ``story_id`` (its title becomes the story's title)."""
        with self.transaction() as conn:
            now = _now()
            values = {
                "data": story.to_dict(),
                "independent_sources": story.independent_sources,
                "built_at": now,
                "updated_at": now,
                "stale": False,
            }
            if story.title:
                values["title"] = story.title
            if conn.execute(sa.update(stories).where(stories.c.id == story_id).values(**values)).rowcount != 1:
                raise KeyError(f"story {story_id}")

    def load_story(self, story_id: int) -> Story | None:
        """The last built :class:`Story` of ``story_id``; ``None`` if it was never built, ``KeyError``
        if there is no such story."""
        with self._read() as conn:
            row = conn.execute(sa.select(stories.c.data).where(stories.c.id == story_id)).first()
        if row is None:
            raise KeyError(f"story {story_id}")
        return None if row.data is None else Story.from_dict(row.data)

    def stale_stories(self) -> list[int]:
        """Ids of stories with articles whose saved build is missing or older than their membership."""
        has_articles = sa.exists().where(articles.c.story_id == stories.c.id)
        query = sa.select(stories.c.id).where(stories.c.stale, has_articles).order_by(stories.c.id)
        with self._read() as conn:
            return list(conn.execute(query).scalars())

    def stories(self) -> list[dict[str, Any]]:
        """Every story with at least one article, as ``crosswire stories`` prints it.

        Each: ``id``, ``title`` (of the last build, else of its earliest article), ``articles``
        [{``id``, ``source_path``, ``outlet``, ``published``}] (earliest first, undated last),
        ``outlets`` (the distinct outlet names, sorted), ``independent_sources`` (of the last
        build, else ``None``), ``first`` and ``last`` (publication dates of its earliest and latest
        dated articles).
        """
        member_cols = [articles.c.story_id, articles.c.id, articles.c.source_path, articles.c.outlet]
        member_cols += [articles.c.published, articles.c.title]
        with self._read() as conn:
            story_cols = [stories.c.id, stories.c.title, stories.c.independent_sources]
            story_cols += [stories.c.first_published, stories.c.last_published]
            rows = conn.execute(sa.select(*story_cols).order_by(stories.c.id)).all()
            members: dict[int, list[Any]] = {}
            for row in conn.execute(sa.select(*member_cols).where(articles.c.story_id.is_not(None))):
                members.setdefault(row.story_id, []).append(row)
        out = []
        for row in rows:
            group = sorted(members.get(row.id, ()), key=lambda a: (a.published is None, a.published or "", a.id))
            if not group:
                continue
            out.append(
                {
                    "id": row.id,
                    "title": row.title or next((a.title for a in group if a.title), None),
                    "articles": [
                        {"id": a.id, "source_path": a.source_path, "outlet": a.outlet, "published": a.published}
                        for a in group
                    ],
                    "outlets": sorted({a.outlet for a in group if a.outlet}),
                    "independent_sources": row.independent_sources,
                    "first": row.first_published,
                    "last": row.last_published,
                }
            )
        return out

    # --- skipped inputs ---

    def add_skipped(self, path: str, reason: str) -> None:
        with self.transaction() as conn:
            conn.execute(sa.insert(skipped_inputs).values(path=str(path), reason=reason, at=_now()))

    def skipped(self) -> list[Skipped]:
        query = sa.select(skipped_inputs.c.path, skipped_inputs.c.reason).order_by(skipped_inputs.c.id)
        with self._read() as conn:
            return [Skipped(path, reason) for path, reason in conn.execute(query)]
