"""Camera tables: the registry, each camera's current health and its health history (for uptime)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean
from sqlalchemy import Float
from sqlalchemy import Index
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy import Text
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column

from safecity.core.db import Base
from safecity.core.db import UTCDateTime
from safecity.core.db import utcnow


class Camera(Base):
    """One camera. `url`/`sub_url` never hold a password: credentials live in their own columns."""

    __tablename__ = "cameras"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    latitude: Mapped[float | None] = mapped_column(Float, nullable=True)
    longitude: Mapped[float | None] = mapped_column(Float, nullable=True)
    heading_deg: Mapped[float | None] = mapped_column(Float, nullable=True)  # clockwise from north
    fov_deg: Mapped[float | None] = mapped_column(Float, nullable=True)  # horizontal field of view
    district: Mapped[str | None] = mapped_column(String(100), nullable=True, index=True)
    zone: Mapped[str | None] = mapped_column(String(100), nullable=True)
    owner: Mapped[str] = mapped_column(String(100), default="public")
    url: Mapped[str] = mapped_column(Text)
    sub_url: Mapped[str | None] = mapped_column(Text, nullable=True)
    username: Mapped[str | None] = mapped_column(String(200), nullable=True)
    password: Mapped[str | None] = mapped_column(String(200), nullable=True)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    loop: Mapped[bool] = mapped_column(Boolean, default=False)
    detect_fps: Mapped[float] = mapped_column(Float, default=5.0)
    analytics_profile: Mapped[str] = mapped_column(String(64), default="default")
    scene: Mapped[str] = mapped_column(Text, default="{}")  # JSON: zones, lines, calibration, motion mask
    worker: Mapped[str | None] = mapped_column(String(64), nullable=True)  # None: any worker may run it
    failover: Mapped[bool] = mapped_column(Boolean, default=False)  # pinned, but any worker if it is gone
    weight: Mapped[float | None] = mapped_column(Float, nullable=True)  # cost units; None: from detect_fps
    managed_by: Mapped[str] = mapped_column(String(16), default="api")  # "api" or "config"
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class CameraHealthRow(Base):
    """The latest health a worker reported for a camera, and when it last reported at all."""

    __tablename__ = "camera_health"

    camera_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    state: Mapped[str] = mapped_column(String(32))
    since: Mapped[datetime] = mapped_column(UTCDateTime)
    reason: Mapped[str] = mapped_column(Text, default="")
    fps: Mapped[float] = mapped_column(Float, default=0.0)
    bitrate_bps: Mapped[float] = mapped_column(Float, default=0.0)
    worker: Mapped[str | None] = mapped_column(String(64), nullable=True)
    reported_at: Mapped[datetime] = mapped_column(UTCDateTime)


class CameraHealthInterval(Base):
    """A span of time a camera spent in one state; the newest one per camera is open (`end` is NULL)."""

    __tablename__ = "camera_health_intervals"
    __table_args__ = (Index("ix_camera_health_intervals_camera_start", "camera_id", "start"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    camera_id: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(32))
    start: Mapped[datetime] = mapped_column(UTCDateTime)
    end: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
