"""Batch consumers (`subscribe_batches`) on every bus: events that are waiting arrive together, are
acknowledged together, and a failing batch falls back to one event at a time."""

from __future__ import annotations

from collections.abc import Awaitable
from collections.abc import Callable
from collections.abc import Sequence
from typing import Protocol
from typing import cast

import pytest
from tests.core.bus.conftest import BusMaker
from tests.core.bus.conftest import eventually

from safecity.core.bus import BatchSubscriber
from safecity.core.bus import Event
from safecity.core.bus import EventBus
from safecity.core.bus import IdempotencyGuard
from safecity.core.bus.fencing import FencedBus
from safecity.core.db import Database


class BatchingBus(EventBus, BatchSubscriber, Protocol):
    """Both our buses are."""


async def batching_bus(make_bus: BusMaker) -> BatchingBus:
    bus = await make_bus()
    assert isinstance(bus, BatchSubscriber)
    return cast(BatchingBus, bus)


class BatchRecorder:
    """Records each batch; refuses (raises for) any batch holding an event whose type is `poison`."""

    def __init__(self, poison: str | None = None) -> None:
        self.batches: list[list[Event]] = []
        self._poison = poison

    async def __call__(self, events: Sequence[Event]) -> None:
        if self._poison and any(event.type == self._poison for event in events):
            raise RuntimeError("poisoned batch")
        self.batches.append(list(events))

    @property
    def handled(self) -> list[Event]:
        return [event for batch in self.batches for event in batch]


def handled_at_least(handler: BatchRecorder, count: int) -> Callable[[], Awaitable[bool]]:
    async def check() -> bool:
        return len(handler.handled) >= count

    return check


def events(count: int, event_type: str = "camera.motion") -> list[Event]:
    return [Event(type=event_type, camera_id="cam-1", payload={"n": n}) for n in range(count)]


async def test_waiting_events_arrive_in_batches_in_order(make_bus: BusMaker) -> None:
    bus = await batching_bus(make_bus)
    sent = events(30)
    for event in sent:
        await bus.publish(event)
    handler = BatchRecorder()

    await bus.subscribe_batches("indexer", ["camera.>"], handler, max_batch=10)

    await eventually(handled_at_least(handler, 30))
    assert [event.id for event in handler.handled] == [event.id for event in sent]
    assert max(len(batch) for batch in handler.batches) > 1
    assert all(len(batch) <= 10 for batch in handler.batches)


async def test_a_failing_batch_is_retried_one_by_one_and_only_the_bad_event_is_dead_lettered(
    make_bus: BusMaker,
) -> None:
    bus = await batching_bus(make_bus)
    good_before, good_after = events(3), events(3)
    poison = Event(type="camera.poison")
    for event in [*good_before, poison, *good_after]:
        await bus.publish(event)
    handler = BatchRecorder(poison="camera.poison")

    await bus.subscribe_batches("indexer", ["camera.>"], handler, max_batch=50, max_deliver=2)

    letters = await eventually(lambda: bus.dead_letters("indexer"))
    assert [letter.event_id for letter in letters] == [str(poison.id)]
    assert "poisoned batch" in letters[0].error
    await eventually(handled_at_least(handler, 6))
    assert {event.id for event in handler.handled} == {event.id for event in good_before + good_after}


async def test_a_restarted_batch_consumer_skips_what_it_acknowledged(make_bus: BusMaker) -> None:
    first = await batching_bus(make_bus)
    handler = BatchRecorder()
    await first.subscribe_batches("indexer", ["camera.>"], handler)
    sent = events(5)
    for event in sent:
        await first.publish(event)
    await eventually(handled_at_least(handler, 5))
    await first.close()

    second = await batching_bus(make_bus)
    again = BatchRecorder()
    await second.subscribe_batches("indexer", ["camera.>"], again)
    later = events(1)
    await second.publish(later[0])

    await eventually(handled_at_least(again, 1))
    # Delivery is in order, so an acknowledged event coming back would have arrived before this one.
    assert [event.id for event in again.handled] == [later[0].id]


async def test_a_handler_that_tracks_handled_ids_itself_gets_no_bookkeeping_from_the_bus(
    make_bus: BusMaker, database: Database
) -> None:
    bus = await batching_bus(make_bus)
    handler = BatchRecorder()
    await bus.subscribe_batches("indexer", ["camera.>"], handler, handler_tracks_handled=True)
    sent = events(5)
    for event in sent:
        await bus.publish(event)

    await eventually(handled_at_least(handler, 5))
    assert [event.id for event in handler.handled] == [event.id for event in sent]
    # Neither looked up nor recorded by the bus: that is the handler's, in its own transaction.
    assert await IdempotencyGuard(database).handled_among("indexer", [event.id for event in sent]) == set()


async def test_refuses_an_empty_batch_size(make_bus: BusMaker) -> None:
    bus = await batching_bus(make_bus)
    with pytest.raises(ValueError, match="max_batch"):
        await bus.subscribe_batches("indexer", [">"], BatchRecorder(), max_batch=0)


class RefuseEpochOne:
    """A fence that takes every event stamped with lease epoch 1 for a stale holder's."""

    async def refusal(self, event: Event) -> str | None:
        return "lease lost" if event.lease_epoch == 1 else None


async def test_a_fenced_batch_consumer_sees_only_admitted_events(make_bus: BusMaker) -> None:
    bus = FencedBus(await make_bus(), RefuseEpochOne())
    handler = BatchRecorder()
    await bus.subscribe_batches("indexer", ["camera.>"], handler)
    stale, current, unstamped = (
        Event(type="camera.motion", camera_id="cam-1", lease_epoch=1),
        Event(type="camera.motion", camera_id="cam-1", lease_epoch=2),
        Event(type="camera.motion", camera_id="cam-1"),
    )
    for event in (stale, current, unstamped):
        await bus.publish(event)

    await eventually(handled_at_least(handler, 2))
    assert [event.id for event in handler.handled] == [current.id, unstamped.id]
