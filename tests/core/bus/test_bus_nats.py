"""What only the NATS JetStream bus promises: surviving a nats-server restart, and reporting an outage.

These tests run their own nats-server on a free port, so the shared server is never disturbed.
"""

from __future__ import annotations

import asyncio

import pytest
from tests.core.bus.conftest import free_port
from tests.core.bus.conftest import nats_bus
from tests.core.bus.conftest import unique_names

from safecity.core.bus import BusError
from safecity.core.bus import Event
from safecity.core.bus import NatsBus

# The restart is about NATS; the database (idempotency, dead letters) is covered on both backends elsewhere.
pytestmark = [pytest.mark.nats, pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)]


async def test_events_published_before_during_and_after_a_server_restart_arrive_once(
    database, private_nats, recorder, wait_until
):
    bus = nats_bus(database, private_nats.url, unique_names(), publish_timeout=20.0)
    await bus.start()
    try:
        handler = recorder()
        await bus.subscribe("alerts", [">"], handler)
        before = [Event(type="camera.motion", payload={"phase": "before", "n": n}) for n in range(5)]
        for event in before:
            await bus.publish(event)
        await handler.wait_handled(len(before))

        private_nats.stop()
        down = await wait_until(lambda: _disconnected(bus))
        during = [Event(type="camera.motion", payload={"phase": "during", "n": n}) for n in range(3)]
        publishing = asyncio.gather(*(bus.publish(event) for event in during))
        private_nats.start()
        await publishing
        after = [Event(type="camera.motion", payload={"phase": "after", "n": n}) for n in range(5)]
        for event in after:
            await bus.publish(event)

        sent = before + during + after
        handled = await handler.wait_handled(len(sent))
        assert sorted(str(event.id) for event in handled) == sorted(str(event.id) for event in sent)
        assert sorted(str(event.id) for event in handler.calls) == sorted(str(event.id) for event in sent)
        assert private_nats.url in down["reason"]
        assert (await wait_until(lambda: _healthy(bus)))["reconnects"] >= 1
    finally:
        await bus.close()


async def _disconnected(bus: NatsBus) -> dict | None:
    health = await bus.health()
    return health if not health["ok"] and "not connected" in health["reason"] else None


async def _healthy(bus: NatsBus) -> dict | None:
    health = await bus.health()
    return health if health["ok"] else None


async def test_start_fails_with_the_reason_when_nats_is_unreachable(database):
    bus = NatsBus(database, url=f"nats://127.0.0.1:{free_port()}", connect_timeout=0.5, start_timeout=1.0)

    with pytest.raises(BusError, match="cannot connect to NATS"):
        await bus.start()

    assert (await bus.health())["ok"] is False


async def test_publish_during_a_long_outage_fails_loudly(database, private_nats):
    bus = nats_bus(database, private_nats.url, unique_names(), publish_timeout=1.0)
    await bus.start()
    try:
        private_nats.stop()

        with pytest.raises(BusError, match="not stored"):
            await bus.publish(Event(type="camera.motion"))
    finally:
        await bus.close()


async def test_stream_is_created_once_and_reused_on_restart(database, private_nats, recorder):
    names = unique_names()
    first = nats_bus(database, private_nats.url, names)
    await first.start()
    kept = Event(type="camera.motion")
    await first.publish(kept)
    await first.close()

    second = nats_bus(database, private_nats.url, names)
    await second.start()
    try:
        handler = recorder()
        await second.subscribe("search", [">"], handler)
        [received] = await handler.wait_handled(1)
        assert received.id == kept.id
    finally:
        await second.close()


async def test_close_stops_consumers_waiting_for_messages(database, private_nats, recorder):
    """A node shutting down must not hang: consumers idle in a fetch end when the bus closes."""
    bus = nats_bus(database, private_nats.url, unique_names())
    await bus.start()
    for name in ("first", "second", "third"):
        await bus.subscribe(name, ["demo.>"], recorder())
    await asyncio.sleep(0.5)  # every consumer is now inside its fetch
    await asyncio.wait_for(bus.close(), timeout=60)  # a hang, not a slow close, is what this catches
