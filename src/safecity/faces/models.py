"""`face_sightings`: one row per stored face crop of a person track, with its vector (float32 bytes).

Forensic search filters by time and camera in SQL and ranks the vectors of the probe's model in numpy. The
crops and rows are purged after `retention.face_crops_days` (see `faces.retention`).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON
from sqlalchemy import Float
from sqlalchemy import Index
from sqlalchemy import Integer
from sqlalchemy import LargeBinary
from sqlalchemy import String
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column

from safecity.core.db import Base
from safecity.core.db import UTCDateTime
from safecity.core.db import utcnow


class VectorColumns:
    """The columns that end a table of stored vectors: the float32 vector (bytes, `dim` long) of model
    `model_id` (vectors of different models are never compared), and when the row was made. A mixin's columns
    follow the table's own, so the tables keep the column order of their migrations."""

    model_id: Mapped[str] = mapped_column(String(100), index=True)
    dim: Mapped[int] = mapped_column(Integer)
    vector: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class FaceSighting(VectorColumns, Base):
    __tablename__ = "face_sightings"
    __table_args__ = (
        Index("ix_face_sightings_time", "time"),
        Index("ix_face_sightings_camera_id_time", "camera_id", "time"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(String(36), unique=True)
    camera_id: Mapped[str | None] = mapped_column(String(64))
    time: Mapped[datetime] = mapped_column(UTCDateTime)
    track_id: Mapped[str] = mapped_column(String(64), default="")
    crop_sha256: Mapped[str] = mapped_column(String(64), index=True)  # media reads ask who owns a file
    box: Mapped[list[float]] = mapped_column(JSON)
    quality_score: Mapped[float] = mapped_column(Float)
