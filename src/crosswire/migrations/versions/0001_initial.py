"""The first schema: articles, stories, skipped inputs.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _json() -> sa.types.TypeEngine:
    return sa.JSON(none_as_null=True).with_variant(postgresql.JSONB(none_as_null=True), "postgresql")


def upgrade() -> None:
    op.create_table(
        "stories",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("title", sa.Text),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("first_published", sa.String(40)),
        sa.Column("last_published", sa.String(40)),
        sa.Column("independent_sources", sa.Integer),
        sa.Column("built_at", sa.DateTime(timezone=True)),
        sa.Column("stale", sa.Boolean, nullable=False, server_default=sa.true()),
        sa.Column("data", _json()),
        sa.PrimaryKeyConstraint("id", name="pk_stories"),
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.String(64)),
        sa.Column("source_path", sa.Text, nullable=False),
        sa.Column("outlet", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.String(40)),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("text_length", sa.Integer, nullable=False),
        sa.Column("story_id", sa.Integer),
        sa.Column("duplicate_of", sa.String(64)),
        sa.Column("duplicate_reason", sa.Text),
        sa.Column("signature", sa.LargeBinary),
        sa.Column("data", _json(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_articles"),
        sa.ForeignKeyConstraint(["story_id"], ["stories.id"], name="fk_articles_story_id_stories", ondelete="SET NULL"),
        sa.ForeignKeyConstraint(
            ["duplicate_of"], ["articles.id"], name="fk_articles_duplicate_of_articles", ondelete="SET NULL"
        ),
    )
    for column in ("story_id", "duplicate_of", "published", "ingested_at"):
        op.create_index(f"ix_articles_{column}", "articles", [column])
    op.create_table(
        "skipped_inputs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_skipped_inputs"),
    )


def downgrade() -> None:
    op.drop_table("skipped_inputs")
    for column in ("story_id", "duplicate_of", "published", "ingested_at"):
        op.drop_index(f"ix_articles_{column}", table_name="articles")
    op.drop_table("articles")
    op.drop_table("stories")
