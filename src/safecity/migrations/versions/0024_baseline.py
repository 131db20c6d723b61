"""The schema as of revision 0024, in one step: migrations 0001 to 0024 squashed before the first release.

Revision ID: 0024_persons_merge_cooccurrence
Revises:
Create Date: 2026-12-03 15:20:00.000000

The revision keeps the id of the last squashed migration, so a database already there has nothing to do. A
database at an older revision is refused by `safecity.core.schema` with how to bring it up to 0024 first.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import safecity.core.db

revision: str = "0024_persons_merge_cooccurrence"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    if postgresql:
        # Trigram indexes make partial, suffix and wildcard plate searches index lookups.
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute(sa.schema.CreateSequence(sa.Sequence("event_log_seq")))
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
        sa.Column("disposition", sa.String(length=16), nullable=True),
        sa.Column("disposed_by", sa.String(length=64), nullable=True),
        sa.Column("disposed_at", safecity.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alerts")),
    )
    op.create_index(op.f("ix_alerts_camera_id"), "alerts", ["camera_id"], unique=False)
    op.create_index("ix_alerts_dedup_key_last_seen", "alerts", ["dedup_key", "last_seen"], unique=False)
    op.create_index(op.f("ix_alerts_disposition"), "alerts", ["disposition"], unique=False)
    op.create_index(op.f("ix_alerts_incident_id"), "alerts", ["incident_id"], unique=False)
    op.create_index(op.f("ix_alerts_kind"), "alerts", ["kind"], unique=False)
    op.create_index(op.f("ix_alerts_severity"), "alerts", ["severity"], unique=False)
    op.create_index(op.f("ix_alerts_status"), "alerts", ["status"], unique=False)
    op.create_table(
        "audit_log",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("time", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("object_type", sa.String(length=64), nullable=False),
        sa.Column("object_id", sa.String(length=128), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("case_ref", sa.String(length=128), nullable=False),
        sa.Column("client_address", sa.String(length=64), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_log")),
    )
    op.create_index(op.f("ix_audit_log_action"), "audit_log", ["action"], unique=False)
    op.create_index(op.f("ix_audit_log_actor"), "audit_log", ["actor"], unique=False)
    op.create_index(op.f("ix_audit_log_time"), "audit_log", ["time"], unique=False)
    op.create_table(
        "auth_refresh_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
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
        "bus_consumer_offsets",
        sa.Column("consumer", sa.String(length=100), nullable=False),
        sa.Column("position", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("consumer", name=op.f("pk_bus_consumer_offsets")),
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
    op.create_table(
        "camera_lease_grants",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("camera_id", sa.String(length=64), nullable=False),
        sa.Column("epoch", sa.Integer(), nullable=False),
        sa.Column("worker_id", sa.String(length=64), nullable=False),
        sa.Column("granted_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_camera_lease_grants")),
        sa.UniqueConstraint("camera_id", "epoch", name=op.f("uq_camera_lease_grants_camera_id")),
    )
    op.create_table(
        "camera_leases",
        sa.Column("camera_id", sa.String(length=64), nullable=False),
        sa.Column("worker_id", sa.String(length=64), nullable=False),
        sa.Column("epoch", sa.Integer(), nullable=False),
        sa.Column("granted_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("expires_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("camera_id", name=op.f("pk_camera_leases")),
    )
    op.create_index(op.f("ix_camera_leases_worker_id"), "camera_leases", ["worker_id"], unique=False)
    op.create_table(
        "camera_links",
        sa.Column("camera_a", sa.String(length=100), nullable=False),
        sa.Column("camera_b", sa.String(length=100), nullable=False),
        sa.Column("travel_seconds", sa.Float(), nullable=False),
        sa.Column("samples", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("updated_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("camera_a", "camera_b", name=op.f("pk_camera_links")),
    )
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
        sa.Column("failover", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("weight", sa.Float(), nullable=True),
        sa.Column("heading_deg", sa.Float(), nullable=True),
        sa.Column("fov_deg", sa.Float(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cameras")),
    )
    op.create_index(op.f("ix_cameras_district"), "cameras", ["district"], unique=False)
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
    op.create_index(
        "ix_challan_plate_reads_camera_time", "challan_plate_reads", ["camera_id", "time"], unique=False
    )
    op.create_index(
        op.f("ix_challan_plate_reads_plate_key"), "challan_plate_reads", ["plate_key"], unique=False
    )
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
    op.create_index(
        "ix_challan_signal_phases_signal_changed",
        "challan_signal_phases",
        ["signal", "changed_at"],
        unique=False,
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
        sa.Column("clip_status", sa.String(length=16), nullable=True),
        sa.Column("clip_reason", sa.Text(), nullable=True),
        sa.Column("clip_attempts", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_challan_violations")),
        sa.UniqueConstraint("source_key", name=op.f("uq_challan_violations_source_key")),
    )
    op.create_index(
        "ix_challan_violations_camera_track", "challan_violations", ["camera_id", "track_id"], unique=False
    )
    op.create_index("ix_challan_violations_clip_status", "challan_violations", ["clip_status"], unique=False)
    op.create_index(
        "ix_challan_violations_dedup",
        "challan_violations",
        ["plate_key", "violation_type", "camera_id", "occurred_at"],
        unique=False,
    )
    op.create_index(
        op.f("ix_challan_violations_occurred_at"), "challan_violations", ["occurred_at"], unique=False
    )
    op.create_index(
        "ix_challan_violations_queue_status", "challan_violations", ["queue", "status"], unique=False
    )
    op.create_index(
        op.f("ix_challan_violations_violation_type"), "challan_violations", ["violation_type"], unique=False
    )
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
    op.create_index(op.f("ix_citizen_reports_moderation"), "citizen_reports", ["moderation"], unique=False)
    op.create_index(
        op.f("ix_citizen_reports_requested_at"), "citizen_reports", ["requested_at"], unique=False
    )
    op.create_index(
        op.f("ix_citizen_reports_service_code"), "citizen_reports", ["service_code"], unique=False
    )
    op.create_index(op.f("ix_citizen_reports_status"), "citizen_reports", ["status"], unique=False)
    op.create_table(
        "cluster_workers",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=True),
        sa.Column("capacity", sa.Float(), nullable=False),
        sa.Column("load", sa.Float(), nullable=False),
        sa.Column("started_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("heartbeat_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("stopped_at", safecity.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("lost_at", safecity.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cluster_workers")),
    )
    op.create_table(
        "crime_records",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("occurred_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=False),
        sa.Column("longitude", sa.Float(), nullable=False),
        sa.Column("kind", sa.String(length=64), nullable=False),
        sa.Column("source_file", sa.String(length=300), nullable=False),
        sa.Column("imported_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("imported_by", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crime_records")),
        sa.UniqueConstraint("occurred_at", "latitude", "longitude", "kind", name="uq_crime_records_event"),
    )
    op.create_index(
        "ix_crime_records_kind_occurred_at", "crime_records", ["kind", "occurred_at"], unique=False
    )
    op.create_index(op.f("ix_crime_records_occurred_at"), "crime_records", ["occurred_at"], unique=False)
    op.create_table(
        "event_log",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("time", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column(
            "seq",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
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
    op.create_index("ix_event_log_camera_type_time", "event_log", ["camera_id", "type", "time"], unique=False)
    op.create_index("ix_event_log_seq", "event_log", ["seq"], unique=False)
    op.create_index("ix_event_log_time", "event_log", ["time"], unique=False)
    op.create_index("ix_event_log_type_time", "event_log", ["type", "time"], unique=False)
    op.create_table(
        "evidence_cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=128), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("incident_ref", sa.String(length=128), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("closed_at", safecity.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence_cases")),
        sa.UniqueConstraint("reference", name=op.f("uq_evidence_cases_reference")),
    )
    op.create_index(op.f("ix_evidence_cases_status"), "evidence_cases", ["status"], unique=False)
    op.create_table(
        "face_candidates",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("sighting_event_id", sa.String(length=36), nullable=False),
        sa.Column("subject_id", sa.String(length=64), nullable=False),
        sa.Column("subject_name", sa.String(length=200), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("distance", sa.Float(), nullable=False),
        sa.Column("model_id", sa.String(length=100), nullable=False),
        sa.Column("probe_sha256", sa.String(length=64), nullable=False),
        sa.Column("enrolled_sha256", sa.String(length=64), nullable=False),
        sa.Column("camera_id", sa.String(length=64), nullable=True),
        sa.Column("track_id", sa.String(length=64), nullable=False),
        sa.Column("seen_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("decided_at", safecity.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("created_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_face_candidates")),
        sa.UniqueConstraint("event_id", name=op.f("uq_face_candidates_event_id")),
    )
    op.create_index(op.f("ix_face_candidates_camera_id"), "face_candidates", ["camera_id"], unique=False)
    op.create_index(
        op.f("ix_face_candidates_enrolled_sha256"), "face_candidates", ["enrolled_sha256"], unique=False
    )
    op.create_index(
        op.f("ix_face_candidates_probe_sha256"), "face_candidates", ["probe_sha256"], unique=False
    )
    op.create_index(op.f("ix_face_candidates_seen_at"), "face_candidates", ["seen_at"], unique=False)
    op.create_index(op.f("ix_face_candidates_status"), "face_candidates", ["status"], unique=False)
    op.create_index(op.f("ix_face_candidates_subject_id"), "face_candidates", ["subject_id"], unique=False)
    op.create_table(
        "face_sightings",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("camera_id", sa.String(length=64), nullable=True),
        sa.Column("time", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("track_id", sa.String(length=64), nullable=False),
        sa.Column("crop_sha256", sa.String(length=64), nullable=False),
        sa.Column("box", sa.JSON(), nullable=False),
        sa.Column("quality_score", sa.Float(), nullable=False),
        sa.Column("model_id", sa.String(length=100), nullable=False),
        sa.Column("dim", sa.Integer(), nullable=False),
        sa.Column("vector", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_face_sightings")),
        sa.UniqueConstraint("event_id", name=op.f("uq_face_sightings_event_id")),
    )
    op.create_index("ix_face_sightings_camera_id_time", "face_sightings", ["camera_id", "time"], unique=False)
    op.create_index(op.f("ix_face_sightings_crop_sha256"), "face_sightings", ["crop_sha256"], unique=False)
    op.create_index(op.f("ix_face_sightings_model_id"), "face_sightings", ["model_id"], unique=False)
    op.create_index("ix_face_sightings_time", "face_sightings", ["time"], unique=False)
    op.create_table(
        "face_subjects",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("case_ref", sa.String(length=128), nullable=False),
        sa.Column("legal_authority", sa.String(length=500), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("expires_at", safecity.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_face_subjects")),
    )
    op.create_index(op.f("ix_face_subjects_category"), "face_subjects", ["category"], unique=False)
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
        sa.Column("description", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incidents")),
    )
    op.create_index(op.f("ix_incidents_area"), "incidents", ["area"], unique=False)
    op.create_index(op.f("ix_incidents_received_at"), "incidents", ["received_at"], unique=False)
    op.create_index(op.f("ix_incidents_status"), "incidents", ["status"], unique=False)
    op.create_index(op.f("ix_incidents_type"), "incidents", ["type"], unique=False)
    op.create_table(
        "person_appearances",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("camera_id", sa.String(length=100), nullable=False),
        sa.Column("track_id", sa.String(length=64), nullable=False),
        sa.Column("first_seen", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("last_seen", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("crop_sha256", sa.String(length=64), nullable=False),
        sa.Column("box", sa.JSON(), nullable=False),
        sa.Column("crops", sa.Integer(), nullable=False),
        sa.Column("model_id", sa.String(length=100), nullable=False),
        sa.Column("dim", sa.Integer(), nullable=False),
        sa.Column("vector", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_appearances")),
        sa.UniqueConstraint("event_id", name=op.f("uq_person_appearances_event_id")),
    )
    op.create_index(
        "ix_person_appearances_camera_id_last_seen",
        "person_appearances",
        ["camera_id", "last_seen"],
        unique=False,
    )
    op.create_index(
        op.f("ix_person_appearances_crop_sha256"), "person_appearances", ["crop_sha256"], unique=False
    )
    op.create_index("ix_person_appearances_first_seen", "person_appearances", ["first_seen"], unique=False)
    op.create_index(op.f("ix_person_appearances_model_id"), "person_appearances", ["model_id"], unique=False)
    op.create_index(
        "ix_person_appearances_track", "person_appearances", ["camera_id", "track_id"], unique=False
    )
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
    op.create_index("ix_plate_reads_camera_id_time", "plate_reads", ["camera_id", "time"], unique=False)
    op.create_index(
        "ix_plate_reads_plate_key",
        "plate_reads",
        ["plate_key"],
        unique=False,
        postgresql_using="gin",
        postgresql_ops={"plate_key": "gin_trgm_ops"},
    )
    op.create_index(
        "ix_plate_reads_plate_key_reversed",
        "plate_reads",
        ["plate_key_reversed"],
        unique=False,
        postgresql_ops={"plate_key_reversed": "text_pattern_ops"},
    )
    op.create_index(
        "ix_plate_reads_skeleton",
        "plate_reads",
        ["skeleton"],
        unique=False,
        postgresql_using="gin",
        postgresql_ops={"skeleton": "gin_trgm_ops"},
    )
    op.create_index("ix_plate_reads_time", "plate_reads", ["time"], unique=False)
    op.create_table(
        "poi_persons",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("father_name", sa.String(length=200), nullable=False),
        sa.Column("date_of_birth", sa.Date(), nullable=True),
        sa.Column("gender", sa.String(length=16), nullable=True),
        sa.Column("cnic_sealed", sa.LargeBinary(), nullable=True),
        sa.Column("cnic_hash", sa.String(length=64), nullable=True),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("legal_basis", sa.Text(), nullable=False),
        sa.Column("legal_basis_expires", sa.Date(), nullable=True),
        sa.Column("review_date", sa.Date(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("face_subject_id", sa.String(length=64), nullable=True),
        sa.Column("on_watchlists", sa.Boolean(), nullable=False),
        sa.Column("lapsed_at", safecity.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("merged_into_id", sa.Integer(), nullable=True),
        sa.Column("merged_at", safecity.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["merged_into_id"], ["poi_persons.id"], name=op.f("fk_poi_persons_merged_into_id_poi_persons")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_poi_persons")),
        sa.UniqueConstraint("face_subject_id", name=op.f("uq_poi_persons_face_subject_id")),
    )
    op.create_index(op.f("ix_poi_persons_cnic_hash"), "poi_persons", ["cnic_hash"], unique=False)
    op.create_index(op.f("ix_poi_persons_date_of_birth"), "poi_persons", ["date_of_birth"], unique=False)
    op.create_index(op.f("ix_poi_persons_merged_into_id"), "poi_persons", ["merged_into_id"], unique=False)
    op.create_index(op.f("ix_poi_persons_name"), "poi_persons", ["name"], unique=False)
    op.create_index(op.f("ix_poi_persons_review_date"), "poi_persons", ["review_date"], unique=False)
    op.create_index(op.f("ix_poi_persons_status"), "poi_persons", ["status"], unique=False)
    op.create_table(
        "recording_index",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("camera_id", sa.String(length=128), nullable=False),
        sa.Column("start_ms", sa.BigInteger(), nullable=False),
        sa.Column("end_ms", sa.BigInteger(), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("worker_id", sa.String(length=64), nullable=False),
        sa.Column("worker_address", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recording_index")),
        sa.UniqueConstraint("camera_id", "start_ms", name=op.f("uq_recording_index_camera_id")),
    )
    op.create_index("ix_recording_index_worker", "recording_index", ["worker_id"], unique=False)
    op.create_table(
        "registry_cache",
        sa.Column("system", sa.String(length=16), nullable=False),
        sa.Column("subject", sa.String(length=160), nullable=False),
        sa.Column("record", sa.JSON(), nullable=False),
        sa.Column("fetched_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("system", "subject", name=op.f("pk_registry_cache")),
    )
    op.create_index(
        "ix_registry_cache_system_fetched_at", "registry_cache", ["system", "fetched_at"], unique=False
    )
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
    op.create_index(op.f("ix_units_status"), "units", ["status"], unique=False)
    op.create_index(op.f("ix_units_type"), "units", ["type"], unique=False)
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("created_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("last_login_at", safecity.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.create_table(
        "vehicle_hotlists",
        sa.Column("id", sa.Integer(), nullable=False),
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
    op.create_index(op.f("ix_assignments_incident_id"), "assignments", ["incident_id"], unique=False)
    op.create_index(op.f("ix_assignments_unit_id"), "assignments", ["unit_id"], unique=False)
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
    op.create_index(
        op.f("ix_challan_evidence_violation_id"), "challan_evidence", ["violation_id"], unique=False
    )
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
    op.create_index(op.f("ix_challan_tickets_due_at"), "challan_tickets", ["due_at"], unique=False)
    op.create_index(
        "ix_challan_tickets_plate_cnic", "challan_tickets", ["plate_key", "owner_cnic"], unique=False
    )
    op.create_index(op.f("ix_challan_tickets_status"), "challan_tickets", ["status"], unique=False)
    op.create_table(
        "evidence_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("suffix", sa.String(length=16), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("camera_id", sa.String(length=128), nullable=True),
        sa.Column("start", safecity.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("end", safecity.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("collected_by", sa.String(length=64), nullable=False),
        sa.Column("collected_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("original_id", sa.Integer(), nullable=True),
        sa.Column("derivation", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("purged_at", safecity.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("custody_head", sa.String(length=64), nullable=False),
        sa.Column("custody_count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["evidence_cases.id"], name=op.f("fk_evidence_items_case_id_evidence_cases")
        ),
        sa.ForeignKeyConstraint(
            ["original_id"], ["evidence_items.id"], name=op.f("fk_evidence_items_original_id_evidence_items")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence_items")),
    )
    op.create_index(op.f("ix_evidence_items_camera_id"), "evidence_items", ["camera_id"], unique=False)
    op.create_index(op.f("ix_evidence_items_case_id"), "evidence_items", ["case_id"], unique=False)
    op.create_index(op.f("ix_evidence_items_collected_at"), "evidence_items", ["collected_at"], unique=False)
    op.create_index(op.f("ix_evidence_items_sha256"), "evidence_items", ["sha256"], unique=False)
    op.create_table(
        "face_candidate_decisions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("decision", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("created_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["candidate_id"],
            ["face_candidates.id"],
            name=op.f("fk_face_candidate_decisions_candidate_id_face_candidates"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_face_candidate_decisions")),
        sa.UniqueConstraint(
            "candidate_id", "username", name=op.f("uq_face_candidate_decisions_candidate_id")
        ),
    )
    op.create_table(
        "face_subject_images",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("subject_id", sa.String(length=64), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("box", sa.JSON(), nullable=False),
        sa.Column("quality", sa.JSON(), nullable=False),
        sa.Column("added_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["subject_id"],
            ["face_subjects.id"],
            name=op.f("fk_face_subject_images_subject_id_face_subjects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_face_subject_images")),
    )
    op.create_index(op.f("ix_face_subject_images_sha256"), "face_subject_images", ["sha256"], unique=False)
    op.create_index(
        op.f("ix_face_subject_images_subject_id"), "face_subject_images", ["subject_id"], unique=False
    )
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
    op.create_index(
        "ix_helpline_calls_caller_key_received_at",
        "helpline_calls",
        ["caller_key", "received_at"],
        unique=False,
    )
    op.create_index(op.f("ix_helpline_calls_disposition"), "helpline_calls", ["disposition"], unique=False)
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
    op.create_index(op.f("ix_incident_links_incident_id"), "incident_links", ["incident_id"], unique=False)
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
    op.create_index(op.f("ix_incident_log_incident_id"), "incident_log", ["incident_id"], unique=False)
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
    op.create_index(op.f("ix_panic_sessions_device_id"), "panic_sessions", ["device_id"], unique=False)
    op.create_table(
        "poi_aliases",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["poi_persons.id"],
            name=op.f("fk_poi_aliases_person_id_poi_persons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_poi_aliases")),
    )
    op.create_index(op.f("ix_poi_aliases_name"), "poi_aliases", ["name"], unique=False)
    op.create_index(op.f("ix_poi_aliases_person_id"), "poi_aliases", ["person_id"], unique=False)
    op.create_table(
        "poi_changes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("before", sa.JSON(), nullable=False),
        sa.Column("after", sa.JSON(), nullable=False),
        sa.Column("at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["poi_persons.id"],
            name=op.f("fk_poi_changes_person_id_poi_persons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_poi_changes")),
    )
    op.create_index(op.f("ix_poi_changes_at"), "poi_changes", ["at"], unique=False)
    op.create_index(op.f("ix_poi_changes_person_id"), "poi_changes", ["person_id"], unique=False)
    op.create_table(
        "poi_firs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=64), nullable=False),
        sa.Column("police_station", sa.String(length=120), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["poi_persons.id"],
            name=op.f("fk_poi_firs_person_id_poi_persons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_poi_firs")),
    )
    op.create_index(op.f("ix_poi_firs_person_id"), "poi_firs", ["person_id"], unique=False)
    op.create_index(op.f("ix_poi_firs_police_station"), "poi_firs", ["police_station"], unique=False)
    op.create_table(
        "poi_links",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("ref", sa.String(length=128), nullable=False),
        sa.Column("added_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["poi_persons.id"],
            name=op.f("fk_poi_links_person_id_poi_persons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_poi_links")),
        sa.UniqueConstraint("person_id", "kind", "ref", name=op.f("uq_poi_links_person_id")),
    )
    op.create_index(op.f("ix_poi_links_person_id"), "poi_links", ["person_id"], unique=False)
    op.create_table(
        "poi_photos",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("face_image_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("added_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["poi_persons.id"],
            name=op.f("fk_poi_photos_person_id_poi_persons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_poi_photos")),
        sa.UniqueConstraint("face_image_id", name=op.f("uq_poi_photos_face_image_id")),
    )
    op.create_index(op.f("ix_poi_photos_person_id"), "poi_photos", ["person_id"], unique=False)
    op.create_table(
        "poi_sightings",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("camera_id", sa.String(length=64), nullable=True),
        sa.Column("seen_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("source_event_id", sa.String(length=36), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["poi_persons.id"],
            name=op.f("fk_poi_sightings_person_id_poi_persons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_poi_sightings")),
        sa.UniqueConstraint("source_event_id", name=op.f("uq_poi_sightings_source_event_id")),
    )
    op.create_index(op.f("ix_poi_sightings_camera_id"), "poi_sightings", ["camera_id"], unique=False)
    op.create_index(
        "ix_poi_sightings_camera_id_seen_at", "poi_sightings", ["camera_id", "seen_at"], unique=False
    )
    op.create_index(op.f("ix_poi_sightings_person_id"), "poi_sightings", ["person_id"], unique=False)
    op.create_index(op.f("ix_poi_sightings_seen_at"), "poi_sightings", ["seen_at"], unique=False)
    op.create_table(
        "poi_vehicles",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("plate", sa.String(length=32), nullable=False),
        sa.Column("plate_key", sa.String(length=32), nullable=False),
        sa.Column("make", sa.String(length=100), nullable=False),
        sa.Column("colour", sa.String(length=50), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("hotlist_entry_id", sa.Integer(), nullable=True),
        sa.Column("added_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["poi_persons.id"],
            name=op.f("fk_poi_vehicles_person_id_poi_persons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_poi_vehicles")),
        sa.UniqueConstraint("hotlist_entry_id", name=op.f("uq_poi_vehicles_hotlist_entry_id")),
        sa.UniqueConstraint("person_id", "plate_key", name=op.f("uq_poi_vehicles_person_id")),
    )
    op.create_index(op.f("ix_poi_vehicles_person_id"), "poi_vehicles", ["person_id"], unique=False)
    op.create_index(op.f("ix_poi_vehicles_plate_key"), "poi_vehicles", ["plate_key"], unique=False)
    op.create_table(
        "vehicle_hotlist_entries",
        sa.Column("id", sa.Integer(), nullable=False),
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
    op.create_table(
        "wall_views",
        sa.Column("id", sa.Integer(), nullable=False),
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
    op.create_index(op.f("ix_challan_payments_ticket_id"), "challan_payments", ["ticket_id"], unique=False)
    op.create_table(
        "evidence_custody",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("time", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("case_ref", sa.String(length=128), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"], ["evidence_items.id"], name=op.f("fk_evidence_custody_item_id_evidence_items")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence_custody")),
        sa.UniqueConstraint("item_id", "seq", name="uq_evidence_custody_item_seq"),
    )
    op.create_index(op.f("ix_evidence_custody_item_id"), "evidence_custody", ["item_id"], unique=False)
    op.create_table(
        "face_vectors",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("subject_id", sa.String(length=64), nullable=False),
        sa.Column("image_id", sa.Integer(), nullable=False),
        sa.Column("model_id", sa.String(length=100), nullable=False),
        sa.Column("dim", sa.Integer(), nullable=False),
        sa.Column("vector", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["image_id"],
            ["face_subject_images.id"],
            name=op.f("fk_face_vectors_image_id_face_subject_images"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["subject_id"],
            ["face_subjects.id"],
            name=op.f("fk_face_vectors_subject_id_face_subjects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_face_vectors")),
        sa.UniqueConstraint("image_id", "model_id", name=op.f("uq_face_vectors_image_id")),
    )
    op.create_index(op.f("ix_face_vectors_model_id"), "face_vectors", ["model_id"], unique=False)
    op.create_index(op.f("ix_face_vectors_subject_id"), "face_vectors", ["subject_id"], unique=False)
    op.create_table(
        "legal_holds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scope", sa.String(length=16), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("camera_id", sa.String(length=128), nullable=True),
        sa.Column("start", safecity.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("end", safecity.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("case_ref", sa.String(length=128), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", safecity.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("released_at", safecity.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("released_by", sa.String(length=64), nullable=True),
        sa.Column("release_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["evidence_cases.id"], name=op.f("fk_legal_holds_case_id_evidence_cases")
        ),
        sa.ForeignKeyConstraint(
            ["item_id"], ["evidence_items.id"], name=op.f("fk_legal_holds_item_id_evidence_items")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_legal_holds")),
    )
    op.create_index(op.f("ix_legal_holds_camera_id"), "legal_holds", ["camera_id"], unique=False)
    op.create_index(op.f("ix_legal_holds_released_at"), "legal_holds", ["released_at"], unique=False)
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
    op.create_index(op.f("ix_panic_locations_panic_id"), "panic_locations", ["panic_id"], unique=False)

    if postgresql:
        op.execute("ALTER SEQUENCE event_log_seq OWNED BY event_log.seq")


def downgrade() -> None:
    # A table's indexes go with it; the event log's sequence goes with the table that owns it.
    for table in reversed(TABLES_IN_CREATION_ORDER):
        op.drop_table(table)


TABLES_IN_CREATION_ORDER = (
    "alerts",
    "audit_log",
    "auth_refresh_tokens",
    "bus_consumer_offsets",
    "bus_dead_letters",
    "bus_handled_events",
    "bus_messages",
    "camera_health",
    "camera_health_intervals",
    "camera_lease_grants",
    "camera_leases",
    "camera_links",
    "cameras",
    "challan_plate_reads",
    "challan_signal_phases",
    "challan_vehicles",
    "challan_violations",
    "citizen_reports",
    "cluster_workers",
    "crime_records",
    "event_log",
    "evidence_cases",
    "face_candidates",
    "face_sightings",
    "face_subjects",
    "incidents",
    "person_appearances",
    "plate_reads",
    "poi_persons",
    "recording_index",
    "registry_cache",
    "units",
    "users",
    "vehicle_hotlists",
    "assignments",
    "challan_evidence",
    "challan_tickets",
    "evidence_items",
    "face_candidate_decisions",
    "face_subject_images",
    "helpline_calls",
    "incident_links",
    "incident_log",
    "panic_sessions",
    "poi_aliases",
    "poi_changes",
    "poi_firs",
    "poi_links",
    "poi_photos",
    "poi_sightings",
    "poi_vehicles",
    "vehicle_hotlist_entries",
    "wall_views",
    "challan_payments",
    "evidence_custody",
    "face_vectors",
    "legal_holds",
    "panic_locations",
)
