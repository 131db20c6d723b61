"""Historical crime records imported from CSV files (live incidents, calls and reports are read where
they are, see `crime.sources`)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float
from sqlalchemy import Index
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy import UniqueConstraint
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column

from safecity.core.db import Base
from safecity.core.db import UTCDateTime


class CrimeRecord(Base):
    __tablename__ = "crime_records"
    __table_args__ = (
        UniqueConstraint("occurred_at", "latitude", "longitude", "kind", name="uq_crime_records_event"),
        Index("ix_crime_records_kind_occurred_at", "kind", "occurred_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    latitude: Mapped[float] = mapped_column(Float)
    longitude: Mapped[float] = mapped_column(Float)
    kind: Mapped[str] = mapped_column(String(64), default="")
    source_file: Mapped[str] = mapped_column(String(300))
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime)
    imported_by: Mapped[str] = mapped_column(String(64))
