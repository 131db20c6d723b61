"""command and control: alerts, incidents, units, calls, panic, citizen reports

Revision ID: 0006_command
Revises: 0005_evidence
Create Date: 2026-11-22 03:38:52.423571
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import safecity.core.db

revision: str = "0006_command"
down_revision: str | None = "0005_evidence"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "alerts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(length=64), nullable=False),
        sa.Column("source_topic", sa.String(length=200), nullable=False),
        sa.Column("severity", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("camera_id", sa.String(length=64), nullable=True),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("dedup_key", sa.String(length=400), nullable=False),
        sa.Column("cooldown_seconds", sa.Float(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("first_seen", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("last_seen", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("source_event_id", sa.String(length=36), nullable=True),
        sa.Column("requires_confirmation", sa.Boolean(), nullable=False),
        sa.Column("acknowledged_at", safecity.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("acknowledged_by", sa.String(length=64), nullable=True),
        sa.Column("assigned_user", sa.String(length=64), nullable=True),
        sa.Column("assigned_unit", sa.String(length=64), nullable=True),
        sa.Column("assigned_at", safecity.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("dismissed_reason", sa.Text(), nullable=True),
        sa.Column("dismissed_by", sa.String(length=64), nullable=True),
        sa.Column("escalation_level", sa.Integer(), nullable=False),
        sa.Column("escalated_at", safecity.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("confirmed_at", safecity.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("confirmed_by", sa.String(length=200), nullable=True),
        sa.Column("resolved_at", safecity.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("incident_id", sa.Integer(), nullable=True),
        sa.Column("created_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alerts")),
    )
    with op.batch_alter_table("alerts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_alerts_camera_id"), ["camera_id"], unique=False)
        batch_op.create_index("ix_alerts_dedup_key_last_seen", ["dedup_key", "last_seen"], unique=False)
        batch_op.create_index(batch_op.f("ix_alerts_incident_id"), ["incident_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_alerts_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_alerts_severity"), ["severity"], unique=False)
        batch_op.create_index(batch_op.f("ix_alerts_status"), ["status"], unique=False)

    op.create_table(
        "citizen_reports",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("service_code", sa.String(length=64), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("address_string", sa.Text(), nullable=False),
        sa.Column("media_sha256", sa.String(length=64), nullable=True),
        sa.Column("media_url", sa.Text(), nullable=True),
        sa.Column("anonymous", sa.Boolean(), nullable=False),
        sa.Column("first_name", sa.String(length=100), nullable=False),
        sa.Column("last_name", sa.String(length=100), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=32), nullable=False),
        sa.Column("device_id", sa.String(length=100), nullable=False),
        sa.Column("token_sha256", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("status_notes", sa.Text(), nullable=False),
        sa.Column("moderation", sa.String(length=16), nullable=False),
        sa.Column("moderated_by", sa.String(length=64), nullable=True),
        sa.Column("moderated_at", safecity.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("incident_id", sa.Integer(), nullable=True),
        sa.Column("alert_id", sa.Integer(), nullable=True),
        sa.Column("requested_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_citizen_reports")),
    )
    with op.batch_alter_table("citizen_reports", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_citizen_reports_moderation"), ["moderation"], unique=False)
        batch_op.create_index(batch_op.f("ix_citizen_reports_requested_at"), ["requested_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_citizen_reports_service_code"), ["service_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_citizen_reports_status"), ["status"], unique=False)

    op.create_table(
        "incidents",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("type", sa.String(length=64), nullable=False),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("origin", sa.String(length=16), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("area", sa.String(length=100), nullable=True),
        sa.Column("received_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("created_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("resolved_at", safecity.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("closed_at", safecity.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("updated_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incidents")),
    )
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_incidents_area"), ["area"], unique=False)
        batch_op.create_index(batch_op.f("ix_incidents_received_at"), ["received_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_incidents_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_incidents_type"), ["type"], unique=False)

    op.create_table(
        "units",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("callsign", sa.String(length=64), nullable=False),
        sa.Column("type", sa.String(length=32), nullable=False),
        sa.Column("capabilities", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("area", sa.String(length=100), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("location_at", safecity.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("current_assignment_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_units")),
    )
    with op.batch_alter_table("units", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_units_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_units_type"), ["type"], unique=False)

    op.create_table(
        "assignments",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.String(length=64), nullable=False),
        sa.Column("dispatched_by", sa.String(length=64), nullable=False),
        sa.Column("estimated_travel_s", sa.Float(), nullable=True),
        sa.Column("dispatched_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("en_route_at", safecity.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("on_scene_at", safecity.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("transporting_at", safecity.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("cleared_at", safecity.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            name=op.f("fk_assignments_incident_id_incidents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_assignments_unit_id_units")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assignments")),
    )
    with op.batch_alter_table("assignments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_assignments_incident_id"), ["incident_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_assignments_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "helpline_calls",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("caller_number", sa.String(length=32), nullable=False),
        sa.Column("caller_key", sa.String(length=32), nullable=False),
        sa.Column("received_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("taken_by", sa.String(length=64), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("type", sa.String(length=64), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("disposition", sa.String(length=16), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"], ["incidents.id"], name=op.f("fk_helpline_calls_incident_id_incidents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_helpline_calls")),
    )
    with op.batch_alter_table("helpline_calls", schema=None) as batch_op:
        batch_op.create_index(
            "ix_helpline_calls_caller_key_received_at", ["caller_key", "received_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_helpline_calls_disposition"), ["disposition"], unique=False)

    op.create_table(
        "incident_links",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("ref", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            name=op.f("fk_incident_links_incident_id_incidents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident_links")),
        sa.UniqueConstraint("incident_id", "kind", "ref", name="uq_incident_links_incident_kind_ref"),
    )
    with op.batch_alter_table("incident_links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_incident_links_incident_id"), ["incident_id"], unique=False)

    op.create_table(
        "incident_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("time", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("author", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            name=op.f("fk_incident_log_incident_id_incidents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident_log")),
    )
    with op.batch_alter_table("incident_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_incident_log_incident_id"), ["incident_id"], unique=False)

    op.create_table(
        "panic_sessions",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("token_sha256", sa.String(length=64), nullable=False),
        sa.Column("device_id", sa.String(length=100), nullable=False),
        sa.Column("phone", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("alert_id", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"], ["incidents.id"], name=op.f("fk_panic_sessions_incident_id_incidents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_panic_sessions")),
    )
    with op.batch_alter_table("panic_sessions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_panic_sessions_device_id"), ["device_id"], unique=False)

    op.create_table(
        "panic_locations",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("panic_id", sa.String(length=36), nullable=False),
        sa.Column("time", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=False),
        sa.Column("longitude", sa.Float(), nullable=False),
        sa.Column("accuracy_m", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(
            ["panic_id"],
            ["panic_sessions.id"],
            name=op.f("fk_panic_locations_panic_id_panic_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_panic_locations")),
    )
    with op.batch_alter_table("panic_locations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_panic_locations_panic_id"), ["panic_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("panic_locations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_panic_locations_panic_id"))

    op.drop_table("panic_locations")
    with op.batch_alter_table("panic_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_panic_sessions_device_id"))

    op.drop_table("panic_sessions")
    with op.batch_alter_table("incident_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_incident_log_incident_id"))

    op.drop_table("incident_log")
    with op.batch_alter_table("incident_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_incident_links_incident_id"))

    op.drop_table("incident_links")
    with op.batch_alter_table("helpline_calls", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_helpline_calls_disposition"))
        batch_op.drop_index("ix_helpline_calls_caller_key_received_at")

    op.drop_table("helpline_calls")
    with op.batch_alter_table("assignments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assignments_unit_id"))
        batch_op.drop_index(batch_op.f("ix_assignments_incident_id"))

    op.drop_table("assignments")
    with op.batch_alter_table("units", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_units_type"))
        batch_op.drop_index(batch_op.f("ix_units_status"))

    op.drop_table("units")
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_incidents_type"))
        batch_op.drop_index(batch_op.f("ix_incidents_status"))
        batch_op.drop_index(batch_op.f("ix_incidents_received_at"))
        batch_op.drop_index(batch_op.f("ix_incidents_area"))

    op.drop_table("incidents")
    with op.batch_alter_table("citizen_reports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_citizen_reports_status"))
        batch_op.drop_index(batch_op.f("ix_citizen_reports_service_code"))
        batch_op.drop_index(batch_op.f("ix_citizen_reports_requested_at"))
        batch_op.drop_index(batch_op.f("ix_citizen_reports_moderation"))

    op.drop_table("citizen_reports")
    with op.batch_alter_table("alerts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_alerts_status"))
        batch_op.drop_index(batch_op.f("ix_alerts_severity"))
        batch_op.drop_index(batch_op.f("ix_alerts_kind"))
        batch_op.drop_index(batch_op.f("ix_alerts_incident_id"))
        batch_op.drop_index("ix_alerts_dedup_key_last_seen")
        batch_op.drop_index(batch_op.f("ix_alerts_camera_id"))

    op.drop_table("alerts")
