"""The lease rows: announcing a worker, renewing, claiming and handing over cameras, reading the cluster.

A claim is a compare-and-set on the lease row (`UPDATE ... WHERE epoch = :seen AND expires_at <= :now`, or an
insert of the first lease that a concurrent insert makes fail), so two workers can never both win a camera:
the database decides. Times are the database's clock on PostgreSQL (one clock for the whole cluster).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from datetime import timedelta

from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from safecity.cameras.models import Camera
from safecity.cluster.models import CameraLease
from safecity.cluster.models import ClusterWorker
from safecity.cluster.models import LeaseGrant
from safecity.cluster.planning import CameraDemand
from safecity.cluster.planning import ClusterView
from safecity.cluster.planning import LeaseView
from safecity.cluster.planning import Timing
from safecity.cluster.planning import WorkerView
from safecity.core.db import utcnow

NOBODY = ""  # the holder of a lease handed over: free for any worker, keeping its epoch for the fence


def database_now(session: Session) -> datetime:
    """The cluster's clock: the database's on PostgreSQL (workers' clocks drift), this machine's on SQLite."""
    if session.get_bind().dialect.name == "postgresql":
        now = session.scalar(select(func.clock_timestamp()))
        assert now is not None
        return now
    return utcnow()


def announce(
    session: Session, worker_id: str, *, capacity: float, load: float, address: str | None, now: datetime
) -> None:
    worker = session.get(ClusterWorker, worker_id)
    if worker is None or worker.stopped_at is not None:
        worker = session.merge(
            ClusterWorker(id=worker_id, capacity=capacity, started_at=now, heartbeat_at=now, load=load)
        )
    worker.capacity, worker.load, worker.address, worker.heartbeat_at = capacity, load, address, now
    worker.stopped_at = None


def renew(session: Session, worker_id: str, *, now: datetime, lease: timedelta) -> dict[str, int]:
    """Extend every lease this worker still holds; returns them (camera → epoch). A missing one was taken."""
    session.execute(
        update(CameraLease).where(CameraLease.worker_id == worker_id).values(expires_at=now + lease)
    )
    rows = session.execute(
        select(CameraLease.camera_id, CameraLease.epoch).where(CameraLease.worker_id == worker_id)
    )
    return {camera_id: epoch for camera_id, epoch in rows}


def read_view(session: Session, *, now: datetime, timing: Timing) -> ClusterView:
    cameras = session.execute(
        select(Camera.id, Camera.detect_fps, Camera.weight, Camera.worker, Camera.failover).where(
            Camera.enabled.is_(True)
        )
    )
    workers = session.execute(
        select(ClusterWorker.id, ClusterWorker.capacity, ClusterWorker.heartbeat_at, ClusterWorker.stopped_at)
    )
    held = session.execute(
        select(CameraLease.camera_id, CameraLease.worker_id, CameraLease.epoch, CameraLease.expires_at)
    )
    return ClusterView(
        now,
        (CameraDemand.of(*row) for row in cameras),
        (WorkerView(*row) for row in workers),
        (LeaseView(*row) for row in held),
        timing,
    )


def claim(
    session: Session, view: ClusterView, camera_id: str, worker_id: str, *, lease: timedelta
) -> int | None:
    """Take a free camera; the new epoch, or None when another worker was faster."""
    now, seen = view.now, view.leases.get(camera_id)
    if seen is None:
        try:
            with session.begin_nested():
                session.add(
                    CameraLease(
                        camera_id=camera_id,
                        worker_id=worker_id,
                        epoch=1,
                        granted_at=now,
                        expires_at=now + lease,
                    )
                )
        except IntegrityError:
            return None
        epoch = 1
    else:
        taken = session.execute(
            update(CameraLease)
            .where(
                CameraLease.camera_id == camera_id,
                CameraLease.epoch == seen.epoch,
                CameraLease.expires_at <= now,
            )
            .values(worker_id=worker_id, epoch=seen.epoch + 1, granted_at=now, expires_at=now + lease)
            .execution_options(synchronize_session=False)
        )
        if taken.rowcount != 1:  # type: ignore[attr-defined]
            return None
        epoch = seen.epoch + 1
    session.add(LeaseGrant(camera_id=camera_id, epoch=epoch, worker_id=worker_id, granted_at=now))
    return epoch


def hand_over(session: Session, worker_id: str, camera_ids: Iterable[str], *, now: datetime) -> None:
    """Let the cameras' leases end now (their runners are already stopped), so another worker claims them."""
    ids = list(camera_ids)
    if ids:
        session.execute(
            update(CameraLease)
            .where(CameraLease.worker_id == worker_id, CameraLease.camera_id.in_(ids))
            .values(worker_id=NOBODY, expires_at=now)
            .execution_options(synchronize_session=False)
        )


def leave(session: Session, worker_id: str, *, now: datetime) -> None:
    """A worker stopping on purpose: its cameras are free at once and it is not reported lost."""
    session.execute(
        update(CameraLease)
        .where(CameraLease.worker_id == worker_id)
        .values(worker_id=NOBODY, expires_at=now)
        .execution_options(synchronize_session=False)
    )
    worker = session.get(ClusterWorker, worker_id)
    if worker is not None:
        worker.stopped_at, worker.load = now, 0.0
