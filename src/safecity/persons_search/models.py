"""`person_appearances` (one row per person track with its appearance vector) and `camera_links` (the camera
topology: neighbouring cameras and the usual travel time between them)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON
from sqlalchemy import Float
from sqlalchemy import Index
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column

from safecity.core.db import Base
from safecity.core.db import UTCDateTime
from safecity.core.db import utcnow
from safecity.faces.models import VectorColumns


class PersonAppearance(VectorColumns, Base):
    __tablename__ = "person_appearances"
    __table_args__ = (
        Index("ix_person_appearances_camera_id_last_seen", "camera_id", "last_seen"),
        Index("ix_person_appearances_first_seen", "first_seen"),
        Index("ix_person_appearances_track", "camera_id", "track_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(String(36), unique=True)
    camera_id: Mapped[str] = mapped_column(String(100))
    track_id: Mapped[str] = mapped_column(String(64))
    first_seen: Mapped[datetime] = mapped_column(UTCDateTime)
    last_seen: Mapped[datetime] = mapped_column(UTCDateTime)
    crop_sha256: Mapped[str] = mapped_column(String(64), index=True)  # media reads ask who owns a file
    box: Mapped[list[float]] = mapped_column(JSON)
    crops: Mapped[int] = mapped_column(Integer)


class CameraLink(Base):
    """Two neighbouring cameras (stored once, `camera_a` < `camera_b`) and the usual travel time between them.
    `source` is "learned" (from plate trajectories; `samples` of them) or "manual" (never overwritten by
    learning)."""

    __tablename__ = "camera_links"

    camera_a: Mapped[str] = mapped_column(String(100), primary_key=True)
    camera_b: Mapped[str] = mapped_column(String(100), primary_key=True)
    travel_seconds: Mapped[float] = mapped_column(Float)
    samples: Mapped[int] = mapped_column(Integer, default=0)
    source: Mapped[str] = mapped_column(String(16))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
