"""Panic sessions (one per phone alarm) and the trail of positions the phone sends."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean
from sqlalchemy import Float
from sqlalchemy import ForeignKey
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column

from safecity.core.db import Base
from safecity.core.db import UTCDateTime


class PanicSession(Base):
    """A phone app's panic alert; the phone holds a token (only its hash is stored) to send its location."""

    __tablename__ = "panic_sessions"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    token_sha256: Mapped[str] = mapped_column(String(64))
    device_id: Mapped[str] = mapped_column(String(100), index=True)
    phone: Mapped[str] = mapped_column(String(32), default="")
    name: Mapped[str] = mapped_column(String(200), default="")
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"))
    alert_id: Mapped[int] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class PanicLocation(Base):
    __tablename__ = "panic_locations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    panic_id: Mapped[str] = mapped_column(ForeignKey("panic_sessions.id", ondelete="CASCADE"), index=True)
    time: Mapped[datetime] = mapped_column(UTCDateTime)
    latitude: Mapped[float] = mapped_column(Float)
    longitude: Mapped[float] = mapped_column(Float)
    accuracy_m: Mapped[float | None] = mapped_column(Float, nullable=True)
