"""Stored health: current state, intervals, reporting gaps, re-deliveries, and the bus consumer."""

from __future__ import annotations

import asyncio
from datetime import UTC
from datetime import datetime
from datetime import timedelta

from safecity.cameras.events import CameraBeat
from safecity.cameras.events import CameraHealthEvent
from safecity.cameras.events import WorkerHeartbeatEvent
from safecity.cameras.health_consumer import start_health_consumer
from safecity.cameras.health_consumer import store_health
from safecity.cameras.health_store import current_health
from safecity.cameras.health_store import uptime
from safecity.core.bus import EmbeddedBus
from safecity.core.db import Database

T0 = datetime(2026, 3, 1, 23, 59, 0, tzinfo=UTC)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def health(camera: str, seconds: float, state: str) -> CameraHealthEvent:
    return CameraHealthEvent(camera_id=camera, time=at(seconds), state=state, reason=f"{state} at {seconds}")


def beat(seconds: float, state: str = "online") -> WorkerHeartbeatEvent:
    return WorkerHeartbeatEvent(
        worker="w", time=at(seconds), cameras=[CameraBeat(camera_id="c", state=state, fps=5)]
    )


def test_uptime_splits_at_midnight_and_counts_a_silent_worker_as_offline(database: Database) -> None:
    store_health(database, health("c", 0, "online"))
    for seconds in range(10, 61, 10):
        store_health(database, beat(seconds))
    store_health(database, health("c", 60, "frozen"))  # delivering video, but not usable
    store_health(database, beat(90, "frozen"))
    # then the worker dies: nothing after 90 s; reports stop counting 30 s later
    with database.session() as session:
        days = uptime(session, "c", days=2, now=at(300))
        shown = current_health(session, ["c", "never"], now=at(300))
    first, second = days
    assert (first.day.isoformat(), round(first.observed_seconds)) == ("2026-03-01", 60)
    assert first.healthy_percent == 100.0
    assert round(second.observed_seconds) == 240
    assert round(second.available_seconds) == 60  # frozen 60..120 (00:00..00:01 local)
    assert second.healthy_seconds == 0
    assert shown["c"].state == "offline"
    assert "no report from a worker" in shown["c"].reason
    assert shown["never"].state == "unknown"


def test_redelivered_and_late_events_change_nothing(database: Database) -> None:
    events = [health("c", 0, "online"), health("c", 20, "covered")]
    for event in [*events, *events, health("c", 10, "offline")]:  # re-delivery, then a late event
        store_health(database, event)
    with database.session() as session:
        shown = current_health(session, ["c"], now=at(25))["c"]
        days = uptime(session, "c", days=2, now=at(25))
    assert (shown.state, shown.since) == ("covered", at(20))
    assert round(sum(d.observed_seconds for d in days), 1) == 25.0
    assert round(sum(d.available_seconds for d in days), 1) == 25.0  # no offline time was invented


def test_reports_after_a_silence_store_the_silence_as_offline(database: Database) -> None:
    store_health(database, health("c", 0, "online"))
    store_health(database, beat(100))  # 70 s unaccounted for: 30..100
    with database.session() as session:
        days = uptime(session, "c", days=2, now=at(100))
    observed = sum(d.observed_seconds for d in days)
    available = sum(d.available_seconds for d in days)
    assert round(observed) == 100
    assert round(available) == 30


async def test_the_camera_health_consumer_stores_what_workers_publish(database: Database) -> None:
    bus = EmbeddedBus(database, poll_interval=0.05)
    await bus.start()
    try:
        await start_health_consumer(bus, database)
        now = datetime.now(UTC)
        await bus.publish(CameraHealthEvent(camera_id="cam-9", time=now, state="online", fps=4.5))
        await bus.publish(
            CameraHealthEvent(camera_id="cam-9", time=now + timedelta(seconds=1), state="covered")
        )
        for _ in range(200):
            with database.session() as session:
                shown = current_health(session, ["cam-9"], now=now + timedelta(seconds=2))["cam-9"]
            if shown.state == "covered":
                break
            await asyncio.sleep(0.05)
        assert shown.state == "covered"
    finally:
        await bus.close()
