"""Watching the workers: one that stops reporting without leaving is declared lost, once, with an alert.

Run by one API node of the cluster (a singleton job). The cameras a lost worker held are re-homed by the other
workers' own lease ticks; this job only tells the control room, critically when the others cannot take them.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta

from sqlalchemy import select

from safecity.cluster import leases
from safecity.cluster.events import WorkerBackEvent
from safecity.cluster.events import WorkerLostEvent
from safecity.cluster.models import ClusterWorker
from safecity.cluster.planning import ClusterView
from safecity.cluster.planning import Timing
from safecity.config.cluster import ClusterSettings
from safecity.core.bus import Event
from safecity.core.bus import EventBus
from safecity.core.db import Database
from safecity.core.http.services import Services
from safecity.core.leadership import SingletonJob
from safecity.core.logs import get_logger

log = get_logger(__name__)


class WorkerMonitor:
    def __init__(self, database: Database, bus: EventBus, settings: ClusterSettings) -> None:
        self._database = database
        self._bus = bus
        self._settings = settings

    async def run(self, every_seconds: float = 2.0) -> None:
        while True:
            try:
                await self.check()
            except Exception as error:  # the database or bus is down: try again next round
                log.error("worker monitor: check failed", error=str(error))
            await asyncio.sleep(every_seconds)

    async def check(self) -> list[Event]:
        """Publish what changed since the last check; each worker is declared lost (or back) once."""
        changes = await asyncio.to_thread(self._changes)
        for event, worker_id in changes:
            await self._bus.publish(event)
            await asyncio.to_thread(self._mark, worker_id, isinstance(event, WorkerLostEvent))
        return [event for event, _ in changes]

    def _changes(self) -> list[tuple[Event, str]]:
        with self._database.session() as session:
            now = leases.database_now(session)
            view = leases.read_view(session, now=now, timing=Timing.of(self._settings))
            silent_since = now - timedelta(seconds=self._settings.worker_lost_seconds)
            changes: list[tuple[Event, str]] = []
            for worker in session.scalars(select(ClusterWorker).where(ClusterWorker.stopped_at.is_(None))):
                if worker.lost_at is None and worker.heartbeat_at < silent_since:
                    changes.append((_lost(view, worker.id), worker.id))
                elif worker.lost_at is not None and worker.heartbeat_at > worker.lost_at:
                    changes.append((WorkerBackEvent(worker=worker.id, source="cluster"), worker.id))
            return changes

    def _mark(self, worker_id: str, lost: bool) -> None:
        with self._database.session() as session:
            worker = session.get(ClusterWorker, worker_id)
            if worker is not None:
                worker.lost_at = leases.database_now(session) if lost else None


def _lost(view: ClusterView, worker_id: str) -> WorkerLostEvent:
    cameras = sorted(cid for cid, lease in view.leases.items() if lease.worker_id == worker_id)
    cost = sum(view.cameras[cid].cost for cid in cameras if cid in view.cameras)
    room = sum(w.capacity - view.load(w.id) for w in view.live_workers() if w.id != worker_id)
    pinned = any(
        view.cameras[cid].pinned_to == worker_id and not view.cameras[cid].failover
        for cid in cameras
        if cid in view.cameras
    )
    return WorkerLostEvent(
        worker=worker_id,
        source="cluster",
        cameras=cameras,
        camera_count=len(cameras),
        rehomable=room >= cost and not pinned,
    )


def worker_monitor_job(services: Services) -> SingletonJob:
    """Declare silent workers lost (and returning ones back), every two seconds, on one API node."""
    monitor = WorkerMonitor(services.database, services.bus, services.settings.cluster)
    return SingletonJob("worker monitor", monitor.run)
