"""What only the embedded (database-backed) bus promises."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from sqlalchemy import func
from sqlalchemy import select

from safecity.core.bus import BusError
from safecity.core.bus import EmbeddedBus
from safecity.core.bus import Event
from safecity.core.bus.tables import BusMessage

BUS_KINDS = ("embedded",)


async def test_bus_in_another_process_receives_what_this_one_publishes(make_bus, recorder):
    api_process = await make_bus()
    worker_process = await make_bus()
    handler = recorder()
    await api_process.subscribe("alerts", ["camera.*"], handler)
    sent = Event(type="camera.tamper", camera_id="cam-9", source="worker-1")

    await worker_process.publish(sent)

    [received] = await handler.wait_handled(1)
    assert received == sent


async def test_live_feed_sees_events_from_another_process(make_bus):
    api_process = await make_bus()
    worker_process = await make_bus()
    sent = Event(type="camera.offline")

    async with api_process.listen(["camera.*"]) as feed:
        await worker_process.publish(sent)
        received = await anext(feed)

    assert received == sent


async def test_retention_deletes_only_old_messages_every_consumer_has_passed(database, recorder, wait_until):
    bus = EmbeddedBus(database, poll_interval=0.05, retention=timedelta(0))
    await bus.start()
    slow_may_go = asyncio.Event()

    async def slow(event: Event) -> None:
        await slow_may_go.wait()

    try:
        fast = recorder()
        await bus.subscribe("fast", [">"], fast)
        await bus.subscribe("slow", [">"], slow)
        for number in range(3):
            await bus.publish(Event(type="camera.motion", payload={"n": number}))
        await fast.wait_handled(3)
        await wait_until(lambda: _pending(bus, "fast", 0))

        assert await bus.prune() == 0

        slow_may_go.set()
        await wait_until(lambda: _pending(bus, "slow", 0))
        assert await bus.prune() == 3
    finally:
        await bus.close()
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(BusMessage)) == 0


async def _pending(bus: EmbeddedBus, consumer: str, count: int) -> bool:
    health = await bus.health()
    return bool(health["consumers"][consumer]["pending"] == count)


async def test_sequence_numbers_are_not_reused_after_retention_empties_the_log(
    database, recorder, wait_until
):
    bus = EmbeddedBus(database, poll_interval=0.05, retention=timedelta(0))
    await bus.start()
    handler = recorder()
    try:
        await bus.subscribe("audit", [">"], handler)
        await bus.publish(Event(type="camera.motion"))
        await handler.wait_handled(1)
        await wait_until(lambda: _pending(bus, "audit", 0))
        await bus.close()
        assert await bus.prune() == 1

        bus = EmbeddedBus(database, poll_interval=0.05)
        await bus.start()
        await bus.subscribe("audit", [">"], handler)
        after_prune = Event(type="camera.motion")
        await bus.publish(after_prune)

        handled = await handler.wait_handled(2)
        assert handled[-1].id == after_prune.id
    finally:
        await bus.close()


async def test_subscribing_the_same_consumer_twice_on_one_bus_is_refused(make_bus, recorder):
    bus = await make_bus()
    await bus.subscribe("alerts", [">"], recorder())

    with pytest.raises(BusError, match="already subscribed"):
        await bus.subscribe("alerts", [">"], recorder())


async def test_using_a_bus_before_start_is_refused(database, recorder):
    bus = EmbeddedBus(database)

    with pytest.raises(BusError, match="not started"):
        await bus.subscribe("alerts", [">"], recorder())
