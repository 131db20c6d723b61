"""The embedded bus wakes consumers in other processes when a publish commits, without waiting for its poll.

The buses here poll once an hour (unless a test says otherwise), so only a wake-up can deliver within the
tests' deadline.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import text
from tests.core.bus.another_process import publish_from_another_process

from safecity.core.bus import EmbeddedBus
from safecity.core.bus import Event
from safecity.core.bus.fifo_wakeup import FifoWakeup
from safecity.core.bus.postgres_wakeup import APPLICATION_NAME
from safecity.core.bus.wakeup import wakeup_for
from safecity.core.db import Database

NEVER = 3600.0  # seconds between polls: longer than any test's deadline


@pytest.fixture
async def idle_bus(database: Database):
    """A started bus that will not poll within the test."""
    bus = EmbeddedBus(database, poll_interval=NEVER)
    await bus.start()
    try:
        yield bus
    finally:
        await bus.close()


async def _subscribed_and_waiting(bus: EmbeddedBus, recorder_class, patterns: list[str]):
    """A consumer that has handled one event and so sits waiting for the next wake-up."""
    handler = recorder_class()
    await bus.subscribe("alerts", patterns, handler)
    await bus.publish(Event(type="camera.motion", source="this process"))
    await handler.wait_handled(1)
    return handler


async def test_an_event_published_in_another_process_reaches_a_waiting_consumer(
    idle_bus, database_url, recorder
):
    handler = await _subscribed_and_waiting(idle_bus, recorder, ["camera.*"])
    sent = Event(type="camera.tamper", camera_id="cam-9", source="worker process")

    await publish_from_another_process(database_url, sent)

    handled = await handler.wait_handled(2)
    assert handled[1] == sent


async def test_the_live_feed_sees_events_published_in_another_process(idle_bus, database_url):
    sent = Event(type="camera.offline", camera_id="cam-3")

    async with idle_bus.listen(["camera.*"]) as feed:
        await publish_from_another_process(database_url, sent)
        received = await anext(feed)

    assert received == sent


async def test_health_names_the_wakeup_and_that_it_listens(idle_bus, database):
    wakeup = (await idle_bus.health())["wakeup"]

    assert wakeup["listening"] is True
    assert (
        wakeup["kind"]
        == {"sqlite": "sqlite named pipes", "postgresql": "postgresql listen/notify"}[database.dialect]
    )


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
async def test_wakeups_resume_after_the_listening_connection_is_cut(
    idle_bus, database, database_url, recorder, wait_until
):
    handler = await _subscribed_and_waiting(idle_bus, recorder, ["camera.*"])
    with database.session() as session:
        cut = session.scalar(
            text(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                " WHERE application_name = :name AND datname = current_database()"
            ),
            {"name": APPLICATION_NAME},
        )
    assert cut == 1
    sent = Event(type="camera.tamper", source="worker process")

    await publish_from_another_process(database_url, sent)

    handled = await handler.wait_handled(2)
    assert handled[1] == sent
    assert await wait_until(lambda: _listening(idle_bus))


async def _listening(bus: EmbeddedBus) -> bool:
    return bool((await bus.health())["wakeup"]["listening"])


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_a_pipe_left_by_a_killed_process_is_removed_by_the_next_publish(idle_bus, database):
    directory = bus_directory(database)
    [listening] = directory.iterdir()
    abandoned = directory / "killed-process.fifo"
    os.mkfifo(abandoned)  # what a killed bus leaves behind: a pipe nobody reads

    await idle_bus.publish(Event(type="camera.motion"))

    assert not abandoned.exists()
    assert stat.S_ISFIFO(listening.stat().st_mode)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_a_closed_bus_leaves_no_pipe_behind(database):
    bus = EmbeddedBus(database, poll_interval=NEVER)
    await bus.start()
    directory = bus_directory(database)
    assert len(list(directory.iterdir())) == 1

    await bus.close()

    assert list(directory.iterdir()) == []


def bus_directory(database: Database) -> Path:
    """Where the buses of this SQLite database keep their pipes."""
    wakeup = wakeup_for(database)
    assert isinstance(wakeup, FifoWakeup)
    return wakeup.directory


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_a_bus_that_cannot_make_its_pipe_still_starts_and_delivers_by_polling(database, recorder):
    bus_directory(database).write_text("not a directory")
    bus = EmbeddedBus(database, poll_interval=0.05)
    other_process = EmbeddedBus(database)
    await bus.start()
    try:
        handler = recorder()
        await bus.subscribe("alerts", [">"], handler)
        sent = Event(type="camera.tamper")

        await other_process.publish(sent)

        assert await handler.wait_handled(1) == [sent]
        assert (await bus.health())["wakeup"]["listening"] is False
    finally:
        await bus.close()
