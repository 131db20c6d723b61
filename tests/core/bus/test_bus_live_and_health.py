"""The live feed (best effort, bounded) and health reporting of every bus."""

from __future__ import annotations

from safecity.core.bus import Event


async def test_live_feed_delivers_matching_events_published_after_listening(make_bus, recorder):
    bus = await make_bus()
    async with bus.listen(["camera.*"]) as feed:
        await bus.publish(Event(type="rule.zone.entered"))
        sent = Event(type="camera.offline", camera_id="cam-3")
        await bus.publish(sent)

        received = await anext(aiter(feed))

    assert received == sent


async def test_slow_live_reader_keeps_only_the_newest_events_and_counts_drops(make_bus, wait_until):
    bus = await make_bus()
    sent = [Event(type="camera.motion", payload={"n": number}) for number in range(25)]
    async with bus.listen([">"], max_queue=10) as feed:
        for event in sent:
            await bus.publish(event)
        await wait_until(lambda: _seen_all(feed, len(sent)))

        assert feed.pending == 10
        assert feed.dropped == 15
        kept = [await anext(feed) for _ in range(10)]

    assert [event.id for event in kept] == [event.id for event in sent[-10:]]


async def _seen_all(feed, count: int) -> bool:
    return bool(feed.pending + feed.dropped >= count)


async def test_closed_live_feed_ends_iteration(make_bus):
    bus = await make_bus()
    feed = bus.listen([">"])
    feed.close()

    assert [event async for event in feed] == []


async def test_health_reports_ok_with_consumer_backlog(make_bus, recorder, wait_until):
    bus = await make_bus()
    handler = recorder()
    await bus.subscribe("alerts", ["camera.*"], handler)
    await bus.publish(Event(type="camera.motion"))
    await handler.wait_handled(1)

    async def settled() -> dict | None:
        health = await bus.health()
        return health if health["consumers"]["alerts"]["pending"] == 0 else None

    health = await wait_until(settled)
    assert health["ok"] is True
    assert health["reason"] is None
    assert health["consumers"]["alerts"]["running"] is True
    assert health["dead_letters"] == 0


async def test_health_is_not_ok_after_close(make_bus):
    bus = await make_bus()
    await bus.close()

    health = await bus.health()

    assert health["ok"] is False
    assert health["reason"] == "bus not started"
