"""The `plate_reads` table: every stored plate read, indexed for exact, partial, fuzzy and per-camera search.

One index definition serves both backends: on PostgreSQL the key and skeleton indexes are pg_trgm GIN
indexes (exact, prefix, infix, suffix and wildcard LIKE), on SQLite the same indexes are B-trees that GLOB
uses for prefixes; the reversed key turns a suffix search (`*5700`) into a prefix search on SQLite.
`camera_id` is deliberately not a foreign key: reads outlive the cameras that made them.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger
from sqlalchemy import Boolean
from sqlalchemy import Float
from sqlalchemy import Index
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column

from safecity.core.db import Base
from safecity.core.db import UTCDateTime
from safecity.core.db import utcnow

PLATE_LENGTH = 32


class PlateReadRecord(Base):
    __tablename__ = "plate_reads"
    __table_args__ = (
        Index(
            "ix_plate_reads_plate_key",
            "plate_key",
            postgresql_using="gin",
            postgresql_ops={"plate_key": "gin_trgm_ops"},
        ),
        Index(
            "ix_plate_reads_skeleton",
            "skeleton",
            postgresql_using="gin",
            postgresql_ops={"skeleton": "gin_trgm_ops"},
        ),
        Index(
            "ix_plate_reads_plate_key_reversed",
            "plate_key_reversed",
            postgresql_ops={"plate_key_reversed": "text_pattern_ops"},
        ),
        Index("ix_plate_reads_camera_id_time", "camera_id", "time"),
        Index("ix_plate_reads_time", "time"),
    )

    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer(), "sqlite"), primary_key=True, autoincrement=True
    )
    event_id: Mapped[str] = mapped_column(String(36), unique=True)
    camera_id: Mapped[str] = mapped_column(String(100))
    time: Mapped[datetime] = mapped_column(UTCDateTime)
    text: Mapped[str] = mapped_column(String(PLATE_LENGTH))
    plate_key: Mapped[str] = mapped_column(String(PLATE_LENGTH))
    plate_key_reversed: Mapped[str] = mapped_column(String(PLATE_LENGTH))
    skeleton: Mapped[str] = mapped_column(String(PLATE_LENGTH))
    series: Mapped[str | None] = mapped_column(String(8))
    year: Mapped[str | None] = mapped_column(String(4))
    number: Mapped[str | None] = mapped_column(String(12))
    format: Mapped[str | None] = mapped_column(String(40))
    matched: Mapped[bool] = mapped_column(Boolean)
    confidence: Mapped[float] = mapped_column(Float)
    track_id: Mapped[str | None] = mapped_column(String(64))
    direction: Mapped[str | None] = mapped_column(String(16))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    crop_sha256: Mapped[str | None] = mapped_column(String(64))
    snapshot_sha256: Mapped[str | None] = mapped_column(String(64))
    stored_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
