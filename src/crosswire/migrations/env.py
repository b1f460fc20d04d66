"""Alembic environment for the crosswire store.

:meth:`crosswire.store.Store.migrate` runs the migrations on its own connection, passed in
``config.attributes["connection"]``. From the ``alembic`` command line (for writing a new
revision with ``--autogenerate``) the database comes from ``sqlalchemy.url`` or ``CROSSWIRE_DB``.
"""

from __future__ import annotations

import os

from alembic import context

from crosswire.store import create_engine, metadata


def run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying them
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    run(connection)
else:
    engine = create_engine(context.config.get_main_option("sqlalchemy.url") or os.environ.get("CROSSWIRE_DB"))
    with engine.connect() as conn:
        conn.execution_options(crosswire_write=True)
        run(conn)
    engine.dispose()
