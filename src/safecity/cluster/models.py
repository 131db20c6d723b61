"""Cluster tables: the workers, each camera's lease and the history of who was granted which lease."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy import UniqueConstraint
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column

from safecity.core.db import Base
from safecity.core.db import UTCDateTime


class ClusterWorker(Base):
    """A worker process as it last announced itself; `heartbeat_at` is the database's time."""

    __tablename__ = "cluster_workers"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    address: Mapped[str | None] = mapped_column(String(200), nullable=True)
    capacity: Mapped[float] = mapped_column(Float)
    load: Mapped[float] = mapped_column(Float, default=0.0)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    heartbeat_at: Mapped[datetime] = mapped_column(UTCDateTime)
    stopped_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    lost_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)  # when it was declared lost


class CameraLease(Base):
    """Who runs a camera. `epoch` grows by one at every grant: it is the fencing token of the holder."""

    __tablename__ = "camera_leases"

    camera_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    worker_id: Mapped[str] = mapped_column(String(64), index=True)
    epoch: Mapped[int] = mapped_column(Integer)
    granted_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)


class LeaseGrant(Base):
    """Every lease ever granted, so an event of epoch N can be checked against the grant of N + 1."""

    __tablename__ = "camera_lease_grants"
    __table_args__ = (UniqueConstraint("camera_id", "epoch"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    camera_id: Mapped[str] = mapped_column(String(64))
    epoch: Mapped[int] = mapped_column(Integer)
    worker_id: Mapped[str] = mapped_column(String(64))
    granted_at: Mapped[datetime] = mapped_column(UTCDateTime)
