"""anpr: plate reads (trigram GIN indexes on PostgreSQL), vehicle hotlists and their entries

Revision ID: 0004_anpr
Revises: 0003_cameras
Create Date: 2026-11-22 04:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import safecity.core.db

revision: str = "0004_anpr"
down_revision: str | None = "0003_cameras"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        # Trigram indexes make partial, suffix and wildcard plate searches index lookups.
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")

    op.create_table(
        "plate_reads",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("camera_id", sa.String(length=100), nullable=False),
        sa.Column("time", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("text", sa.String(length=32), nullable=False),
        sa.Column("plate_key", sa.String(length=32), nullable=False),
        sa.Column("plate_key_reversed", sa.String(length=32), nullable=False),
        sa.Column("skeleton", sa.String(length=32), nullable=False),
        sa.Column("series", sa.String(length=8), nullable=True),
        sa.Column("year", sa.String(length=4), nullable=True),
        sa.Column("number", sa.String(length=12), nullable=True),
        sa.Column("format", sa.String(length=40), nullable=True),
        sa.Column("matched", sa.Boolean(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("track_id", sa.String(length=64), nullable=True),
        sa.Column("direction", sa.String(length=16), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("crop_sha256", sa.String(length=64), nullable=True),
        sa.Column("snapshot_sha256", sa.String(length=64), nullable=True),
        sa.Column("stored_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plate_reads")),
        sa.UniqueConstraint("event_id", name=op.f("uq_plate_reads_event_id")),
    )
    op.create_index(
        "ix_plate_reads_plate_key",
        "plate_reads",
        ["plate_key"],
        unique=False,
        postgresql_using="gin",
        postgresql_ops={"plate_key": "gin_trgm_ops"},
    )
    op.create_index(
        "ix_plate_reads_skeleton",
        "plate_reads",
        ["skeleton"],
        unique=False,
        postgresql_using="gin",
        postgresql_ops={"skeleton": "gin_trgm_ops"},
    )
    op.create_index(
        "ix_plate_reads_plate_key_reversed",
        "plate_reads",
        ["plate_key_reversed"],
        unique=False,
        postgresql_ops={"plate_key_reversed": "text_pattern_ops"},
    )
    op.create_index("ix_plate_reads_camera_id_time", "plate_reads", ["camera_id", "time"], unique=False)
    op.create_index("ix_plate_reads_time", "plate_reads", ["time"], unique=False)

    op.create_table(
        "vehicle_hotlists",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("edit_budget", sa.Float(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vehicle_hotlists")),
        sa.UniqueConstraint("name", name=op.f("uq_vehicle_hotlists_name")),
    )
    op.create_table(
        "vehicle_hotlist_entries",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("hotlist_id", sa.Integer(), nullable=False),
        sa.Column("plate", sa.String(length=32), nullable=False),
        sa.Column("plate_key", sa.String(length=32), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("case_ref", sa.String(length=128), nullable=False),
        sa.Column("vehicle", sa.String(length=200), nullable=False),
        sa.Column("expires_at", safecity.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("added_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["hotlist_id"],
            ["vehicle_hotlists.id"],
            name=op.f("fk_vehicle_hotlist_entries_hotlist_id_vehicle_hotlists"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vehicle_hotlist_entries")),
        sa.UniqueConstraint("hotlist_id", "plate_key", name=op.f("uq_vehicle_hotlist_entries_hotlist_id")),
    )
    op.create_index(
        op.f("ix_vehicle_hotlist_entries_hotlist_id"), "vehicle_hotlist_entries", ["hotlist_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_vehicle_hotlist_entries_hotlist_id"), table_name="vehicle_hotlist_entries")
    op.drop_table("vehicle_hotlist_entries")
    op.drop_table("vehicle_hotlists")
    for name in (
        "ix_plate_reads_time",
        "ix_plate_reads_camera_id_time",
        "ix_plate_reads_plate_key_reversed",
        "ix_plate_reads_skeleton",
        "ix_plate_reads_plate_key",
    ):
        op.drop_index(name, table_name="plate_reads")
    op.drop_table("plate_reads")
