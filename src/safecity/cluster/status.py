"""The cluster as an operator sees it: workers (alive, capacity, load, cameras) and each camera's holder."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.cluster import leases
from safecity.cluster.models import ClusterWorker
from safecity.cluster.planning import Timing
from safecity.config.cluster import ClusterSettings

CameraLeaseState = Literal["held", "orphaned", "unheld"]


class WorkerStatus(BaseModel):
    id: str
    alive: bool
    capacity: float
    load: float
    cameras: list[str]
    address: str | None
    started_at: datetime
    heartbeat_at: datetime
    stopped_at: datetime | None
    lost_at: datetime | None


class CameraLeaseStatus(BaseModel):
    id: str
    worker: str | None
    epoch: int | None
    state: CameraLeaseState
    expires_at: datetime | None


class ClusterStatus(BaseModel):
    workers: list[WorkerStatus]
    cameras: list[CameraLeaseStatus]


def cluster_status(session: Session, settings: ClusterSettings) -> ClusterStatus:
    now = leases.database_now(session)
    timing = Timing.of(settings)
    view = leases.read_view(session, now=now, timing=timing)
    workers = [
        WorkerStatus(
            id=row.id,
            alive=view.alive(row.id),
            capacity=row.capacity,
            load=round(view.load(row.id), 3),
            cameras=sorted(cid for cid in view.cameras if view.holder(cid) == row.id),
            address=row.address,
            started_at=row.started_at,
            heartbeat_at=row.heartbeat_at,
            stopped_at=row.stopped_at,
            lost_at=row.lost_at,
        )
        for row in session.scalars(select(ClusterWorker).order_by(ClusterWorker.id))
    ]
    cameras = []
    for camera_id in sorted(view.cameras):
        lease = view.leases.get(camera_id)
        holder = view.holder(camera_id)
        state: CameraLeaseState = "unheld" if holder is None else "held" if view.alive(holder) else "orphaned"
        cameras.append(
            CameraLeaseStatus(
                id=camera_id,
                worker=holder,
                epoch=lease.epoch if lease else None,
                state=state,
                expires_at=lease.expires_at if lease else None,
            )
        )
    return ClusterStatus(workers=workers, cameras=cameras)
