"""Hotlists and their entries. An entry's plate is unique within its list (by key: series + number)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean
from sqlalchemy import Float
from sqlalchemy import ForeignKey
from sqlalchemy import String
from sqlalchemy import Text
from sqlalchemy import UniqueConstraint
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship

from safecity.core.db import Base
from safecity.core.db import UTCDateTime
from safecity.core.db import utcnow


class VehicleHotlist(Base):
    __tablename__ = "vehicle_hotlists"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    description: Mapped[str] = mapped_column(Text, default="")
    edit_budget: Mapped[float] = mapped_column(Float, default=1.0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_by: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    entries: Mapped[list[VehicleHotlistEntry]] = relationship(
        back_populates="hotlist", cascade="all, delete-orphan", passive_deletes=True
    )


class VehicleHotlistEntry(Base):
    __tablename__ = "vehicle_hotlist_entries"
    __table_args__ = (UniqueConstraint("hotlist_id", "plate_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    hotlist_id: Mapped[int] = mapped_column(ForeignKey("vehicle_hotlists.id", ondelete="CASCADE"), index=True)
    plate: Mapped[str] = mapped_column(String(32))
    plate_key: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str] = mapped_column(Text)
    case_ref: Mapped[str] = mapped_column(String(128), default="")
    vehicle: Mapped[str] = mapped_column(String(200), default="")
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    added_by: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    hotlist: Mapped[VehicleHotlist] = relationship(back_populates="entries")
