"""sessions and wall: rotating refresh tokens (stored hashed) and each user's saved video-wall views

Revision ID: 0021_sessions_wall_views
Revises: 0020_camera_view_direction
Create Date: 2026-12-03 04:20:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import safecity.core.db

revision: str = "0021_sessions_wall_views"
down_revision: str | None = "0020_camera_view_direction"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "auth_refresh_tokens",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("family", sa.String(length=32), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("expires_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("rotated_at", safecity.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", safecity.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("revoked_reason", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_auth_refresh_tokens")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_auth_refresh_tokens_token_hash")),
    )
    op.create_index(op.f("ix_auth_refresh_tokens_family"), "auth_refresh_tokens", ["family"], unique=False)
    op.create_index(
        op.f("ix_auth_refresh_tokens_username"), "auth_refresh_tokens", ["username"], unique=False
    )
    op.create_table(
        "wall_views",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("layout", sa.String(length=8), nullable=False),
        sa.Column("camera_ids", sa.JSON(), nullable=False),
        sa.Column("tour_seconds", sa.Integer(), nullable=True),
        sa.Column("updated_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["username"], ["users.username"], name=op.f("fk_wall_views_username_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_wall_views")),
        sa.UniqueConstraint("username", "name", name=op.f("uq_wall_views_username")),
    )
    op.create_index(op.f("ix_wall_views_username"), "wall_views", ["username"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_wall_views_username"), table_name="wall_views")
    op.drop_table("wall_views")
    op.drop_index(op.f("ix_auth_refresh_tokens_username"), table_name="auth_refresh_tokens")
    op.drop_index(op.f("ix_auth_refresh_tokens_family"), table_name="auth_refresh_tokens")
    op.drop_table("auth_refresh_tokens")
