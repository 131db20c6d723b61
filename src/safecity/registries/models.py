"""The registries' tables: the local vehicle registry (filled from CSV by `safecity challan import-registry`;
it keeps its original table name) and the lookup cache that survives restarts."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON
from sqlalchemy import Index
from sqlalchemy import String
from sqlalchemy import Text
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column

from safecity.core.db import Base
from safecity.core.db import UTCDateTime


class RegisteredVehicle(Base):
    """The built-in local vehicle registry, the `local` adapter of the vehicles system."""

    __tablename__ = "challan_vehicles"

    plate_key: Mapped[str] = mapped_column(String(32), primary_key=True)
    plate_text: Mapped[str] = mapped_column(String(32))
    vehicle_class: Mapped[str] = mapped_column(String(32))
    make: Mapped[str | None] = mapped_column(String(64), nullable=True)
    model: Mapped[str | None] = mapped_column(String(64), nullable=True)
    colour: Mapped[str | None] = mapped_column(String(64), nullable=True)
    owner_name: Mapped[str] = mapped_column(String(200))
    owner_cnic: Mapped[str] = mapped_column(String(13))
    address: Mapped[str | None] = mapped_column(Text, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class RegistryCacheEntry(Base):
    """A record a remote registry answered, kept for `cache_seconds` (and, for e-challan's owner lookup while
    the registry is unavailable, `stale_seconds`); older entries are deleted as new ones are written."""

    __tablename__ = "registry_cache"
    __table_args__ = (Index("ix_registry_cache_system_fetched_at", "system", "fetched_at"),)

    system: Mapped[str] = mapped_column(String(16), primary_key=True)
    subject: Mapped[str] = mapped_column(String(160), primary_key=True)
    record: Mapped[dict[str, Any]] = mapped_column(JSON)
    fetched_at: Mapped[datetime] = mapped_column(UTCDateTime)
