"""The story clusterer's state, kept between ingests so that an ingest need not replay the store.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cluster_state",
        sa.Column("name", sa.String(40)),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("upto_at", sa.DateTime(timezone=True)),
        sa.Column("upto_id", sa.String(64)),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_cluster_state"),
    )


def downgrade() -> None:
    op.drop_table("cluster_state")
