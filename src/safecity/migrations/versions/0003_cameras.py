"""cameras: the registry, each camera's current health and its health intervals (uptime)

Revision ID: 0003_cameras
Revises: 0002_bus
Create Date: 2026-11-22 03:31:22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import safecity.core.db

revision: str = "0003_cameras"
down_revision: str | None = "0002_bus"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "cameras",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("district", sa.String(length=100), nullable=True),
        sa.Column("zone", sa.String(length=100), nullable=True),
        sa.Column("owner", sa.String(length=100), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("sub_url", sa.Text(), nullable=True),
        sa.Column("username", sa.String(length=200), nullable=True),
        sa.Column("password", sa.String(length=200), nullable=True),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("loop", sa.Boolean(), nullable=False),
        sa.Column("detect_fps", sa.Float(), nullable=False),
        sa.Column("analytics_profile", sa.String(length=64), nullable=False),
        sa.Column("scene", sa.Text(), nullable=False),
        sa.Column("worker", sa.String(length=64), nullable=True),
        sa.Column("managed_by", sa.String(length=16), nullable=False),
        sa.Column("created_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cameras")),
    )
    op.create_index(op.f("ix_cameras_district"), "cameras", ["district"], unique=False)

    op.create_table(
        "camera_health",
        sa.Column("camera_id", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=32), nullable=False),
        sa.Column("since", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("fps", sa.Float(), nullable=False),
        sa.Column("bitrate_bps", sa.Float(), nullable=False),
        sa.Column("worker", sa.String(length=64), nullable=True),
        sa.Column("reported_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("camera_id", name=op.f("pk_camera_health")),
    )

    op.create_table(
        "camera_health_intervals",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("camera_id", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=32), nullable=False),
        sa.Column("start", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("end", safecity.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_camera_health_intervals")),
    )
    op.create_index(
        "ix_camera_health_intervals_camera_start",
        "camera_health_intervals",
        ["camera_id", "start"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_camera_health_intervals_camera_start", table_name="camera_health_intervals")
    op.drop_table("camera_health_intervals")
    op.drop_table("camera_health")
    op.drop_index(op.f("ix_cameras_district"), table_name="cameras")
    op.drop_table("cameras")
