"""Delivery contract of every bus: durable named consumers, typed events, at-least-once, idempotent."""

from __future__ import annotations

import asyncio
from typing import Literal

from tests.core.bus.conftest import DEADLINE

from safecity.core.bus import Event
from safecity.core.bus import EventBus
from safecity.core.bus import register_event


@register_event
class CameraHealthChanged(Event):
    type: Literal["test.camera.health"] = "test.camera.health"
    online: bool
    fps: float


def camera_event(number: int = 0) -> Event:
    return Event(type="camera.motion", camera_id=f"cam-{number}", payload={"n": number})


async def nothing_pending(bus: EventBus, consumer: str) -> bool:
    health = await bus.health()
    return bool(health["consumers"][consumer]["pending"] == 0)


async def test_consumer_receives_the_typed_event_subclass(make_bus, recorder):
    bus = await make_bus()
    handler = recorder()
    await bus.subscribe("health-view", ["test.camera.*"], handler)
    sent = CameraHealthChanged(camera_id="cam-7", source="worker-1", online=False, fps=0.5)

    await bus.publish(sent)

    [received] = await handler.wait_handled(1)
    assert isinstance(received, CameraHealthChanged)
    assert received == sent


async def test_every_consumer_gets_every_event(make_bus, recorder):
    bus = await make_bus()
    alerts, search = recorder(), recorder()
    await bus.subscribe("alerts", ["camera.*"], alerts)
    await bus.subscribe("search", [">"], search)
    sent = [camera_event(number) for number in range(3)]

    for event in sent:
        await bus.publish(event)

    assert [event.id for event in await alerts.wait_handled(3)] == [event.id for event in sent]
    assert [event.id for event in await search.wait_handled(3)] == [event.id for event in sent]


async def test_consumer_gets_only_what_its_patterns_match(make_bus, recorder):
    bus = await make_bus()
    handler = recorder()
    await bus.subscribe("rules-view", ["rule.>", "camera.offline"], handler)

    for event_type in [
        "camera.motion",
        "rule.zone.entered",
        "camera.offline",
        "rule.line.crossed",
        "plate.read",
    ]:
        await bus.publish(Event(type=event_type))

    handled = await handler.wait_handled(3)
    await bus.publish(Event(type="rule.last"))
    handled = await handler.wait_handled(4)
    assert [event.type for event in handled] == [
        "rule.zone.entered",
        "camera.offline",
        "rule.line.crossed",
        "rule.last",
    ]


async def test_consumer_subscribing_after_publish_gets_earlier_events(make_bus, recorder):
    producer = await make_bus()
    sent = [camera_event(number) for number in range(3)]
    for event in sent:
        await producer.publish(event)
    await producer.close()

    consumer_bus = await make_bus()
    handler = recorder()
    await consumer_bus.subscribe("late-joiner", ["camera.*"], handler)

    assert [event.id for event in await handler.wait_handled(3)] == [event.id for event in sent]


async def test_durable_consumer_resumes_after_what_it_acknowledged(make_bus, recorder, wait_until):
    first_bus = await make_bus()
    before_restart = recorder()
    await first_bus.subscribe("dispatch", ["camera.*"], before_restart)
    first = camera_event(1)
    await first_bus.publish(first)
    await before_restart.wait_handled(1)
    await wait_until(lambda: nothing_pending(first_bus, "dispatch"))
    await first_bus.close()

    second_bus = await make_bus()
    second = camera_event(2)
    await second_bus.publish(second)
    after_restart = recorder()
    await second_bus.subscribe("dispatch", ["camera.*"], after_restart)

    [received] = await after_restart.wait_handled(1)
    assert received.id == second.id
    await second_bus.publish(camera_event(3))
    await after_restart.wait_handled(2)
    assert first.id not in [event.id for event in after_restart.calls]


async def test_handler_failing_twice_is_retried_and_handled_once(make_bus, recorder):
    bus = await make_bus()
    handler = recorder(failures=2)
    await bus.subscribe("evidence", ["camera.*"], handler, max_deliver=5)
    sent = camera_event()

    await bus.publish(sent)

    [handled] = await handler.wait_handled(1)
    assert handled.id == sent.id
    assert [event.id for event in handler.calls] == [sent.id] * 3
    assert await bus.dead_letters() == []


async def test_handler_always_failing_dead_letters_with_error_and_attempts(make_bus, recorder, wait_until):
    bus = await make_bus()
    handler = recorder(failures=float("inf"), error="watchlist index unavailable")
    await bus.subscribe("watchlist", ["camera.*"], handler, max_deliver=3)
    poisoned = camera_event(1)

    await bus.publish(poisoned)

    [letter] = await wait_until(lambda: bus.dead_letters("watchlist"))
    assert letter.consumer == "watchlist"
    assert letter.event_id == str(poisoned.id)
    assert letter.event_type == "camera.motion"
    assert letter.event() == poisoned
    assert "watchlist index unavailable" in letter.error
    assert letter.attempts == 3
    assert len(handler.calls) == 3


async def test_dead_letter_does_not_block_later_events(make_bus, recorder, wait_until):
    bus = await make_bus()
    failing_first = recorder(failures=1)
    await bus.subscribe("alerts", ["camera.*"], failing_first, max_deliver=1)
    poisoned, healthy = camera_event(1), camera_event(2)

    await bus.publish(poisoned)
    await bus.publish(healthy)

    [handled] = await failing_first.wait_handled(1)
    assert handled.id == healthy.id
    [letter] = await wait_until(lambda: bus.dead_letters())
    assert letter.event_id == str(poisoned.id)


async def test_replayed_dead_letter_reaches_only_its_consumer(make_bus, recorder, wait_until):
    bus = await make_bus()
    flaky = recorder(failures=float("inf"))
    bystander = recorder()
    await bus.subscribe("challan", ["camera.*"], flaky, max_deliver=2)
    await bus.subscribe("search", ["camera.*"], bystander)
    sent = camera_event()
    await bus.publish(sent)
    [letter] = await wait_until(lambda: bus.dead_letters("challan"))
    await bystander.wait_handled(1)

    flaky.stop_failing()
    await bus.replay_dead_letter(letter.id)

    [handled] = await flaky.wait_handled(1)
    assert handled.id == sent.id
    assert await bus.dead_letters() == []
    await bus.publish(camera_event(2))
    await bystander.wait_handled(2)
    assert [event.id for event in bystander.calls].count(sent.id) == 1


async def test_same_event_published_twice_is_handled_once(make_bus, recorder):
    bus = await make_bus()
    handler = recorder()
    await bus.subscribe("alerts", ["camera.*"], handler)
    duplicate, marker = camera_event(1), camera_event(2)

    await bus.publish(duplicate)
    await bus.publish(duplicate)
    await bus.publish(marker)

    # A consumer handles in publish order, so by the time the marker is handled the copy has been seen.
    await handler.wait_handled(2)
    assert [event.id for event in handler.calls].count(duplicate.id) == 1


async def test_consumer_dying_before_ack_gets_the_event_again(make_bus, recorder):
    crashing_bus = await make_bus()
    handler_started = asyncio.Event()

    async def dies_midway(event: Event) -> None:
        handler_started.set()
        await asyncio.Event().wait()

    await crashing_bus.subscribe("dispatch", ["camera.*"], dies_midway)
    sent = camera_event()
    await crashing_bus.publish(sent)
    async with asyncio.timeout(DEADLINE):
        await handler_started.wait()
    await crashing_bus.close()

    restarted_bus = await make_bus()
    handler = recorder()
    await restarted_bus.subscribe("dispatch", ["camera.*"], handler)

    [redelivered] = await handler.wait_handled(1)
    assert redelivered.id == sent.id
