"""event index: `event_log`, every bus event by camera, type and time (partitioned by day on PostgreSQL)

Revision ID: 0013_event_index
Revises: 0012_incident_description
Create Date: 2026-12-02 19:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import safecity.core.db

revision: str = "0013_event_index"
down_revision: str | None = "0012_incident_description"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    if postgresql:
        op.execute(sa.schema.CreateSequence(sa.Sequence("event_log_seq")))
    # No partitions here: the event index creates each day's partition ahead of time and on demand.
    op.create_table(
        "event_log",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("time", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column(
            "seq",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            # A default on PostgreSQL so bulk loads (COPY) can leave it out.
            server_default=sa.text("nextval('event_log_seq')") if postgresql else None,
            nullable=False,
        ),
        sa.Column(
            "type",
            sa.String(length=200).with_variant(sa.String(length=200, collation="C"), "postgresql"),
            nullable=False,
        ),
        sa.Column("camera_id", sa.String(length=100), nullable=True),
        sa.Column("source", sa.String(length=200), nullable=True),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("indexed_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", "time", name=op.f("pk_event_log")),
        postgresql_partition_by="RANGE (time)",
    )
    op.create_index("ix_event_log_camera_type_time", "event_log", ["camera_id", "type", "time"])
    op.create_index("ix_event_log_type_time", "event_log", ["type", "time"])
    op.create_index("ix_event_log_time", "event_log", ["time"])
    op.create_index("ix_event_log_seq", "event_log", ["seq"])
    if postgresql:
        op.execute("ALTER SEQUENCE event_log_seq OWNED BY event_log.seq")


def downgrade() -> None:
    # Dropping the parent drops every partition, and the sequence it owns.
    op.drop_table("event_log")
