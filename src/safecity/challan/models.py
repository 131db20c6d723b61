"""e-challan tables: violations and their evidence, plate reads for pairing,
tickets, payments and the signal controller feed. Money is stored in minor units (paisa) as integers."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON
from sqlalchemy import Boolean
from sqlalchemy import Float
from sqlalchemy import ForeignKey
from sqlalchemy import Index
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy import Text
from sqlalchemy import UniqueConstraint
from sqlalchemy import text
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column

from safecity.core.db import Base
from safecity.core.db import UTCDateTime


class Violation(Base):
    __tablename__ = "challan_violations"
    __table_args__ = (
        Index("ix_challan_violations_queue_status", "queue", "status"),
        Index("ix_challan_violations_dedup", "plate_key", "violation_type", "camera_id", "occurred_at"),
        Index("ix_challan_violations_camera_track", "camera_id", "track_id"),
        Index("ix_challan_violations_clip_status", "clip_status"),
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    source_key: Mapped[str] = mapped_column(String(200), unique=True)
    violation_type: Mapped[str] = mapped_column(String(32), index=True)
    camera_id: Mapped[str] = mapped_column(String(100))
    track_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    rule: Mapped[str | None] = mapped_column(String(100), nullable=True)
    object_class: Mapped[str | None] = mapped_column(String(32), nullable=True)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    latitude: Mapped[float | None] = mapped_column(Float, nullable=True)
    longitude: Mapped[float | None] = mapped_column(Float, nullable=True)
    measured_kmh: Mapped[float | None] = mapped_column(Float, nullable=True)
    limit_kmh: Mapped[float | None] = mapped_column(Float, nullable=True)
    signal_phase: Mapped[str | None] = mapped_column(String(16), nullable=True)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    plate_text: Mapped[str | None] = mapped_column(String(32), nullable=True)
    plate_key: Mapped[str | None] = mapped_column(String(32), nullable=True)
    plate_confidence: Mapped[float | None] = mapped_column(Float, nullable=True)
    plate_event_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    queue: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    registry_status: Mapped[str] = mapped_column(String(24))
    duplicate_of: Mapped[str | None] = mapped_column(String(32), nullable=True)
    decided_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    reason: Mapped[str | None] = mapped_column(String(32), nullable=True)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # The clip cut from the camera's recordings (`clips`): pending | attached | unavailable, with why
    # (unavailable, partial footage, the last error); None for violations from before clips existed.
    clip_status: Mapped[str | None] = mapped_column(String(16), nullable=True)
    clip_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    clip_attempts: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))


class ViolationEvidence(Base):
    """One stored file proving a violation (media-store sha256): snapshot, plate crop, context, clip."""

    __tablename__ = "challan_evidence"
    __table_args__ = (UniqueConstraint("violation_id", "kind", "sha256"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    violation_id: Mapped[str] = mapped_column(ForeignKey("challan_violations.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    sha256: Mapped[str] = mapped_column(String(64))
    captured_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    camera_id: Mapped[str | None] = mapped_column(String(100), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ChallanPlateRead(Base):
    """`plate.read` events kept for section pairing and for attaching plates to violations."""

    __tablename__ = "challan_plate_reads"
    __table_args__ = (Index("ix_challan_plate_reads_camera_time", "camera_id", "time"),)

    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    camera_id: Mapped[str] = mapped_column(String(100))
    track_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    time: Mapped[datetime] = mapped_column(UTCDateTime)
    text: Mapped[str] = mapped_column(String(32))
    plate_key: Mapped[str] = mapped_column(String(32), index=True)
    confidence: Mapped[float] = mapped_column(Float)
    matched: Mapped[bool] = mapped_column(Boolean)
    crop_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    snapshot_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)


class Ticket(Base):
    __tablename__ = "challan_tickets"
    __table_args__ = (Index("ix_challan_tickets_plate_cnic", "plate_key", "owner_cnic"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    violation_id: Mapped[str] = mapped_column(ForeignKey("challan_violations.id"), unique=True)
    violation_type: Mapped[str] = mapped_column(String(32))
    camera_id: Mapped[str] = mapped_column(String(100))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)
    plate_text: Mapped[str] = mapped_column(String(32))
    plate_key: Mapped[str] = mapped_column(String(32))
    vehicle_class: Mapped[str] = mapped_column(String(32))
    owner_name: Mapped[str] = mapped_column(String(200))
    owner_cnic: Mapped[str] = mapped_column(String(13))
    fine_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3))
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    status: Mapped[str] = mapped_column(String(16), index=True)
    status_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    issued_by: Mapped[str] = mapped_column(String(64))
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    paid_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Payment(Base):
    __tablename__ = "challan_payments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    idempotency_key: Mapped[str] = mapped_column(String(200), unique=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("challan_tickets.id"), index=True)
    amount_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3))
    provider: Mapped[str] = mapped_column(String(64))
    reference: Mapped[str] = mapped_column(String(200))
    paid_at: Mapped[datetime] = mapped_column(UTCDateTime)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    request_sha256: Mapped[str] = mapped_column(String(64))


class SignalPhaseChange(Base):
    """The controller feed: when each signal changed phase, as the controller reported it."""

    __tablename__ = "challan_signal_phases"
    __table_args__ = (Index("ix_challan_signal_phases_signal_changed", "signal", "changed_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    signal: Mapped[str] = mapped_column(String(100))
    phase: Mapped[str] = mapped_column(String(16))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    reported_by: Mapped[str] = mapped_column(String(64))
