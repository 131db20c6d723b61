"""The worker monitor declares a silent worker lost once (a `system` alert) and back when it reports again."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import pytest

from safecity.alerts.sources import source_for
from safecity.alerts.states import Severity
from safecity.cameras.schemas import CameraCreate
from safecity.cameras.service import create_camera
from safecity.cluster.events import WorkerBackEvent
from safecity.cluster.events import WorkerLostEvent
from safecity.cluster.models import CameraLease
from safecity.cluster.models import ClusterWorker
from safecity.cluster.monitor import WorkerMonitor
from safecity.config.cluster import ClusterSettings
from safecity.core.bus import EmbeddedBus
from safecity.core.db import Database
from safecity.core.db import utcnow

SETTINGS = ClusterSettings(worker_lost_seconds=20)


@pytest.fixture
async def bus(database: Database) -> AsyncIterator[EmbeddedBus]:
    bus = EmbeddedBus(database)
    await bus.start()
    yield bus
    await bus.close()


def given(database: Database, workers: dict[str, tuple[float, float, list[str]]]) -> None:
    """workers: name → (capacity, seconds since its last report, cameras it holds)."""
    now = utcnow()
    with database.session() as session:
        for name, (capacity, silent, cameras) in workers.items():
            seen = now - timedelta(seconds=silent)
            session.add(ClusterWorker(id=name, capacity=capacity, load=0, started_at=seen, heartbeat_at=seen))
            for camera_id in cameras:
                create_camera(session, CameraCreate(id=camera_id, name=camera_id, url="/clips/a.mp4"))
                session.add(
                    CameraLease(
                        camera_id=camera_id, worker_id=name, epoch=1, granted_at=seen, expires_at=seen
                    )
                )


async def test_a_silent_worker_is_declared_lost_once_and_back_when_it_reports(
    database: Database, bus: EmbeddedBus
) -> None:
    given(database, {"w1": (10, 0, ["cam00"]), "w2": (10, 60, ["cam01", "cam02"])})
    monitor = WorkerMonitor(database, bus, SETTINGS)
    [lost] = await monitor.check()
    assert isinstance(lost, WorkerLostEvent)
    assert (lost.worker, lost.cameras, lost.rehomable) == ("w2", ["cam01", "cam02"], True)
    assert await monitor.check() == []
    with database.session() as session:
        worker = session.get(ClusterWorker, "w2")
        assert worker is not None
        worker.heartbeat_at = utcnow()
    [back] = await monitor.check()
    assert isinstance(back, WorkerBackEvent)
    assert back.worker == "w2"


async def test_a_lost_worker_whose_cameras_find_no_room_is_critical(
    database: Database, bus: EmbeddedBus
) -> None:
    given(database, {"w1": (1, 0, ["cam00"]), "w2": (10, 60, ["cam01", "cam02"])})
    [lost] = await WorkerMonitor(database, bus, SETTINGS).check()
    assert isinstance(lost, WorkerLostEvent)
    assert lost.rehomable is False
    source = source_for(lost)
    assert source is not None
    assert (source.kind, source.severity) == ("system", Severity.CRITICAL)


async def test_a_worker_that_left_on_purpose_is_not_reported(database: Database, bus: EmbeddedBus) -> None:
    given(database, {"w2": (10, 60, [])})
    with database.session() as session:
        worker = session.get(ClusterWorker, "w2")
        assert worker is not None
        worker.stopped_at = utcnow()
    assert await WorkerMonitor(database, bus, SETTINGS).check() == []
