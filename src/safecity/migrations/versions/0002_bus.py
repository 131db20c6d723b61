"""bus: embedded message log, consumer offsets, handled event ids, dead letters

Revision ID: 0002_bus
Revises: 0001_foundation
Create Date: 2026-11-22 03:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import safecity.core.db

revision: str = "0002_bus"
down_revision: str | None = "0001_foundation"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "bus_messages",
        sa.Column(
            "seq", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("event_type", sa.String(length=200), nullable=False),
        sa.Column("event_json", sa.Text(), nullable=False),
        sa.Column("target_consumer", sa.String(length=100), nullable=True),
        sa.Column("published_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_bus_messages")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_bus_messages_published_at"), "bus_messages", ["published_at"], unique=False)

    op.create_table(
        "bus_consumer_offsets",
        sa.Column("consumer", sa.String(length=100), nullable=False),
        sa.Column("position", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("consumer", name=op.f("pk_bus_consumer_offsets")),
    )

    op.create_table(
        "bus_handled_events",
        sa.Column("consumer", sa.String(length=100), nullable=False),
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("handled_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("consumer", "event_id", name=op.f("pk_bus_handled_events")),
    )
    op.create_index(
        op.f("ix_bus_handled_events_handled_at"), "bus_handled_events", ["handled_at"], unique=False
    )

    op.create_table(
        "bus_dead_letters",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("consumer", sa.String(length=100), nullable=False),
        sa.Column("event_id", sa.String(length=36), nullable=True),
        sa.Column("event_type", sa.String(length=200), nullable=True),
        sa.Column("event_json", sa.Text(), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("created_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("replayed_at", safecity.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bus_dead_letters")),
    )
    op.create_index(op.f("ix_bus_dead_letters_consumer"), "bus_dead_letters", ["consumer"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_bus_dead_letters_consumer"), table_name="bus_dead_letters")
    op.drop_table("bus_dead_letters")
    op.drop_index(op.f("ix_bus_handled_events_handled_at"), table_name="bus_handled_events")
    op.drop_table("bus_handled_events")
    op.drop_table("bus_consumer_offsets")
    op.drop_index(op.f("ix_bus_messages_published_at"), table_name="bus_messages")
    op.drop_table("bus_messages")
