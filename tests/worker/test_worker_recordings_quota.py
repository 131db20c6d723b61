"""The recordings quota: a worker's retention sweep frees the oldest unheld footage first and, when what is
left still fills 90 % of the quota, publishes `recordings.quota`, which raises a `storage` alert."""

from __future__ import annotations

import time
from datetime import UTC
from datetime import datetime
from pathlib import Path

import pytest

from safecity.alerts.consumer import AlertConsumer
from safecity.alerts.states import Severity
from safecity.core.bus import Event
from safecity.core.db import Database
from safecity.evidence import holds
from safecity.video.retention import RetentionPolicy
from safecity.video.retention import RetentionResult
from safecity.video.retention import quota_usage
from safecity.worker.recordings_quota import RecordingsQuotaEvent
from safecity.worker.recordings_quota import quota_event
from safecity.worker.worker import CameraWorker
from safecity.worker.worker import WorkerOptions
from tests.evidence.conftest import INVESTIGATOR
from tests.worker.conftest import Harness
from tests.worker.conftest import eventually

SEGMENT_BYTES = 1000


def recorded(root: Path, camera: str, minutes_ago: int) -> Path:
    begin = int((time.time() - minutes_ago * 60) * 1000)
    day = time.strftime("%Y-%m-%d", time.gmtime(begin / 1000))
    path = root / camera / day / f"{begin}-{begin + 60_000}.mp4"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x00" * SEGMENT_BYTES)
    return path


def worker_with_quota(harness: Harness, quota: int) -> CameraWorker:
    options = WorkerOptions(
        worker_id="w-quota",
        use_detector=False,
        retention=RetentionPolicy(max_age_days=30, max_total_bytes=quota),
    )
    worker = CameraWorker(harness.settings, harness.database, harness.bus, options)
    assert worker.recordings is not None
    return worker


def quota_events(harness: Harness) -> list[RecordingsQuotaEvent]:
    return [e for e in harness.events if isinstance(e, RecordingsQuotaEvent)]


@pytest.mark.parametrize(
    ("used", "quota", "near_full"), [(899, 1000, False), (900, 1000, True), (1200, 1000, True)]
)
def test_the_quota_is_near_full_from_90_percent(used: int, quota: int, near_full: bool) -> None:
    usage = quota_usage(RetentionResult([], 0, used), RetentionPolicy(max_total_bytes=quota))
    assert usage is not None
    assert usage.near_full is near_full
    event = quota_event("w1", usage)
    assert (event is not None) is near_full
    if event is not None:
        assert (event.used_bytes, event.quota_bytes, event.percent) == (used, quota, used * 100 // quota)


def test_no_quota_no_alert() -> None:
    assert quota_usage(RetentionResult([], 0, 10**12), RetentionPolicy(max_age_days=1)) is None
    assert quota_event("w1", None) is None


async def test_a_sweep_deletes_the_oldest_unheld_and_reports_a_quota_still_90_percent_full(
    harness: Harness,
) -> None:
    worker = worker_with_quota(harness, quota=3 * SEGMENT_BYTES)
    assert worker.recordings is not None
    root = worker.recordings.root
    held_oldest = recorded(root, "gate", minutes_ago=50)
    oldest_free = recorded(root, "gate", minutes_ago=40)
    newer = [recorded(root, "gate", minutes_ago=m) for m in (30, 20, 10)]
    with harness.database.session() as session:
        start, end = held_oldest.stem.split("-")
        holds.place_hold(
            session,
            INVESTIGATOR,
            scope="camera",
            reason="hit and run",
            camera_id="gate",
            start=datetime.fromtimestamp(int(start) / 1000, UTC),
            end=datetime.fromtimestamp(int(end) / 1000 - 1, UTC),
        )
    worker.recordings.rebuild()

    await worker.sweep_recordings(worker.recordings)

    # 5 segments over a 3-segment quota: the held oldest stays, the next two oldest go, 3 are left (100 %).
    assert held_oldest.exists()
    assert not oldest_free.exists()
    assert [path.exists() for path in newer] == [False, True, True]
    assert await eventually(lambda: len(quota_events(harness)) == 1)
    [event] = quota_events(harness)
    assert (event.worker, event.used_bytes, event.quota_bytes, event.percent) == (
        "w-quota",
        3 * SEGMENT_BYTES,
        3 * SEGMENT_BYTES,
        100,
    )


async def test_a_quota_below_90_percent_publishes_nothing(harness: Harness) -> None:
    worker = worker_with_quota(harness, quota=10 * SEGMENT_BYTES)
    assert worker.recordings is not None
    for minutes in (30, 20, 10):
        recorded(worker.recordings.root, "gate", minutes)
    worker.recordings.rebuild()

    await worker.sweep_recordings(worker.recordings)
    marker = Event(type="test.marker")
    await harness.bus.publish(marker)

    assert await eventually(lambda: any(e.id == marker.id for e in harness.events))
    assert quota_events(harness) == []


class _NoBus:
    async def publish(self, event: Event) -> None:
        raise AssertionError("apply never publishes")


def test_the_quota_event_raises_a_storage_alert(database: Database) -> None:
    event = RecordingsQuotaEvent(
        worker="w1", used_bytes=950, quota_bytes=1000, percent=95, used_gib=0.0, quota_gib=0.0
    )
    [raised] = AlertConsumer(database, _NoBus()).apply(event)  # type: ignore[arg-type]
    alert = raised.alert  # type: ignore[attr-defined]
    assert (raised.type, alert.kind, alert.severity) == ("alert.created", "storage", Severity.HIGH)
    assert alert.title == "Recordings on worker w1 use 95% of their quota (0.00 of 0.00 GiB)"
