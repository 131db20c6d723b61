"""e-challan: violations and evidence, plate reads for pairing, local vehicle registry, tickets, payments,
signal controller feed

Revision ID: 0008_challan
Revises: 0006_command (the newest revision at the time; 0007_evidence is its parent)
Create Date: 2026-11-22 03:49:26.724540
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import safecity.core.db

revision: str = "0008_challan"
down_revision: str | None = "0006_command"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "challan_plate_reads",
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("camera_id", sa.String(length=100), nullable=False),
        sa.Column("track_id", sa.String(length=64), nullable=True),
        sa.Column("time", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("text", sa.String(length=32), nullable=False),
        sa.Column("plate_key", sa.String(length=32), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("matched", sa.Boolean(), nullable=False),
        sa.Column("crop_sha256", sa.String(length=64), nullable=True),
        sa.Column("snapshot_sha256", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_challan_plate_reads")),
    )
    with op.batch_alter_table("challan_plate_reads", schema=None) as batch_op:
        batch_op.create_index("ix_challan_plate_reads_camera_time", ["camera_id", "time"], unique=False)
        batch_op.create_index(batch_op.f("ix_challan_plate_reads_plate_key"), ["plate_key"], unique=False)

    op.create_table(
        "challan_signal_phases",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("signal", sa.String(length=100), nullable=False),
        sa.Column("phase", sa.String(length=16), nullable=False),
        sa.Column("changed_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("received_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("reported_by", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_challan_signal_phases")),
    )
    with op.batch_alter_table("challan_signal_phases", schema=None) as batch_op:
        batch_op.create_index(
            "ix_challan_signal_phases_signal_changed", ["signal", "changed_at"], unique=False
        )

    op.create_table(
        "challan_vehicles",
        sa.Column("plate_key", sa.String(length=32), nullable=False),
        sa.Column("plate_text", sa.String(length=32), nullable=False),
        sa.Column("vehicle_class", sa.String(length=32), nullable=False),
        sa.Column("make", sa.String(length=64), nullable=True),
        sa.Column("model", sa.String(length=64), nullable=True),
        sa.Column("colour", sa.String(length=64), nullable=True),
        sa.Column("owner_name", sa.String(length=200), nullable=False),
        sa.Column("owner_cnic", sa.String(length=13), nullable=False),
        sa.Column("address", sa.Text(), nullable=True),
        sa.Column("updated_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("plate_key", name=op.f("pk_challan_vehicles")),
    )
    op.create_table(
        "challan_violations",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("source_key", sa.String(length=200), nullable=False),
        sa.Column("violation_type", sa.String(length=32), nullable=False),
        sa.Column("camera_id", sa.String(length=100), nullable=False),
        sa.Column("track_id", sa.String(length=64), nullable=True),
        sa.Column("rule", sa.String(length=100), nullable=True),
        sa.Column("object_class", sa.String(length=32), nullable=True),
        sa.Column("occurred_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("measured_kmh", sa.Float(), nullable=True),
        sa.Column("limit_kmh", sa.Float(), nullable=True),
        sa.Column("signal_phase", sa.String(length=16), nullable=True),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("plate_text", sa.String(length=32), nullable=True),
        sa.Column("plate_key", sa.String(length=32), nullable=True),
        sa.Column("plate_confidence", sa.Float(), nullable=True),
        sa.Column("plate_event_id", sa.String(length=36), nullable=True),
        sa.Column("queue", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("registry_status", sa.String(length=24), nullable=False),
        sa.Column("duplicate_of", sa.String(length=32), nullable=True),
        sa.Column("decided_by", sa.String(length=64), nullable=True),
        sa.Column("decided_at", safecity.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("reason", sa.String(length=32), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_challan_violations")),
        sa.UniqueConstraint("source_key", name=op.f("uq_challan_violations_source_key")),
    )
    with op.batch_alter_table("challan_violations", schema=None) as batch_op:
        batch_op.create_index("ix_challan_violations_camera_track", ["camera_id", "track_id"], unique=False)
        batch_op.create_index(
            "ix_challan_violations_dedup",
            ["plate_key", "violation_type", "camera_id", "occurred_at"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_challan_violations_occurred_at"), ["occurred_at"], unique=False)
        batch_op.create_index("ix_challan_violations_queue_status", ["queue", "status"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_challan_violations_violation_type"), ["violation_type"], unique=False
        )

    op.create_table(
        "challan_evidence",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("violation_id", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("captured_at", safecity.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("camera_id", sa.String(length=100), nullable=True),
        sa.Column("created_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["violation_id"],
            ["challan_violations.id"],
            name=op.f("fk_challan_evidence_violation_id_challan_violations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_challan_evidence")),
        sa.UniqueConstraint("violation_id", "kind", "sha256", name=op.f("uq_challan_evidence_violation_id")),
    )
    with op.batch_alter_table("challan_evidence", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_challan_evidence_violation_id"), ["violation_id"], unique=False)

    op.create_table(
        "challan_tickets",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("violation_id", sa.String(length=32), nullable=False),
        sa.Column("violation_type", sa.String(length=32), nullable=False),
        sa.Column("camera_id", sa.String(length=100), nullable=False),
        sa.Column("occurred_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("plate_text", sa.String(length=32), nullable=False),
        sa.Column("plate_key", sa.String(length=32), nullable=False),
        sa.Column("vehicle_class", sa.String(length=32), nullable=False),
        sa.Column("owner_name", sa.String(length=200), nullable=False),
        sa.Column("owner_cnic", sa.String(length=13), nullable=False),
        sa.Column("fine_minor", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("issued_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("due_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("status_reason", sa.Text(), nullable=True),
        sa.Column("issued_by", sa.String(length=64), nullable=False),
        sa.Column("delivered_at", safecity.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("paid_at", safecity.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("updated_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["violation_id"],
            ["challan_violations.id"],
            name=op.f("fk_challan_tickets_violation_id_challan_violations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_challan_tickets")),
        sa.UniqueConstraint("number", name=op.f("uq_challan_tickets_number")),
        sa.UniqueConstraint("violation_id", name=op.f("uq_challan_tickets_violation_id")),
    )
    with op.batch_alter_table("challan_tickets", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_challan_tickets_due_at"), ["due_at"], unique=False)
        batch_op.create_index("ix_challan_tickets_plate_cnic", ["plate_key", "owner_cnic"], unique=False)
        batch_op.create_index(batch_op.f("ix_challan_tickets_status"), ["status"], unique=False)

    op.create_table(
        "challan_payments",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("idempotency_key", sa.String(length=200), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("amount_minor", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("provider", sa.String(length=64), nullable=False),
        sa.Column("reference", sa.String(length=200), nullable=False),
        sa.Column("paid_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("received_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("request_sha256", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["challan_tickets.id"], name=op.f("fk_challan_payments_ticket_id_challan_tickets")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_challan_payments")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_challan_payments_idempotency_key")),
    )
    with op.batch_alter_table("challan_payments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_challan_payments_ticket_id"), ["ticket_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("challan_payments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_challan_payments_ticket_id"))

    op.drop_table("challan_payments")
    with op.batch_alter_table("challan_tickets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_challan_tickets_status"))
        batch_op.drop_index("ix_challan_tickets_plate_cnic")
        batch_op.drop_index(batch_op.f("ix_challan_tickets_due_at"))

    op.drop_table("challan_tickets")
    with op.batch_alter_table("challan_evidence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_challan_evidence_violation_id"))

    op.drop_table("challan_evidence")
    with op.batch_alter_table("challan_violations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_challan_violations_violation_type"))
        batch_op.drop_index("ix_challan_violations_queue_status")
        batch_op.drop_index(batch_op.f("ix_challan_violations_occurred_at"))
        batch_op.drop_index("ix_challan_violations_dedup")
        batch_op.drop_index("ix_challan_violations_camera_track")

    op.drop_table("challan_violations")
    op.drop_table("challan_vehicles")
    with op.batch_alter_table("challan_signal_phases", schema=None) as batch_op:
        batch_op.drop_index("ix_challan_signal_phases_signal_changed")

    op.drop_table("challan_signal_phases")
    with op.batch_alter_table("challan_plate_reads", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_challan_plate_reads_plate_key"))
        batch_op.drop_index("ix_challan_plate_reads_camera_time")

    op.drop_table("challan_plate_reads")
