"""Refusing events from a worker that no longer holds the camera: consumers see only admitted events.

Workers stamp each camera event with the epoch of their lease on the camera (`Event.lease_epoch`). A fence
(the cluster's `LeaseFence`) decides whether an event still comes from a valid holder; `FencedBus` asks it
before every durable handler and live feed sees the event. A refused event is acknowledged (it will never be
valid later), counted in `safecity_fenced_events_total` and logged.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any
from typing import Protocol
from typing import Unpack

from prometheus_client import Counter

from safecity.core.bus.base import BatchHandler
from safecity.core.bus.base import BatchOptions
from safecity.core.bus.base import BatchSubscriber
from safecity.core.bus.base import BusError
from safecity.core.bus.base import DeadLetter
from safecity.core.bus.base import EventBus
from safecity.core.bus.base import Handler
from safecity.core.bus.base import LiveFeed
from safecity.core.bus.events import Event

log = logging.getLogger(__name__)

FENCED_EVENTS = Counter(
    "safecity_fenced_events_total",
    "Events refused because the worker that sent them no longer held the camera's lease",
    ["reason"],
)


class EventFence(Protocol):
    async def refusal(self, event: Event) -> str | None:
        """None to admit the event, else why it is refused."""


class FencedBus:
    def __init__(self, bus: EventBus, fence: EventFence) -> None:
        self.inner = bus
        self._fence = fence

    async def start(self) -> None:
        await self.inner.start()

    async def close(self) -> None:
        await self.inner.close()

    async def publish(self, event: Event) -> None:
        await self.inner.publish(event)

    async def subscribe(
        self,
        consumer: str,
        patterns: Sequence[str],
        handler: Handler,
        *,
        max_deliver: int = 5,
    ) -> None:
        async def admitted_only(event: Event) -> None:
            if await self.admits(event, consumer):
                await handler(event)

        await self.inner.subscribe(consumer, patterns, admitted_only, max_deliver=max_deliver)

    async def subscribe_batches(
        self, consumer: str, patterns: Sequence[str], handler: BatchHandler, **options: Unpack[BatchOptions]
    ) -> None:
        # Defined here, not left to __getattr__, so a batch consumer sees only admitted events too.
        if not isinstance(self.inner, BatchSubscriber):
            raise BusError(f"{type(self.inner).__name__} does not deliver batches")

        async def admitted_only(events: Sequence[Event]) -> None:
            admitted = [event for event in events if await self.admits(event, consumer)]
            if admitted:
                await handler(admitted)

        await self.inner.subscribe_batches(consumer, patterns, admitted_only, **options)

    def listen(self, patterns: Sequence[str], *, max_queue: int = 1000) -> LiveFeed:
        return self.inner.listen(patterns, max_queue=max_queue)

    async def dead_letters(self, consumer: str | None = None, limit: int = 100) -> list[DeadLetter]:
        return await self.inner.dead_letters(consumer, limit)

    async def replay_dead_letter(self, dead_letter_id: int) -> None:
        await self.inner.replay_dead_letter(dead_letter_id)

    async def health(self) -> dict[str, Any]:
        return await self.inner.health()

    async def admits(self, event: Event, consumer: str) -> bool:
        if event.lease_epoch is None:
            return True
        reason = await self._fence.refusal(event)
        if reason is None:
            return True
        FENCED_EVENTS.labels(reason=reason).inc()
        log.warning(
            "consumer %s refused %s %s from camera %s: %s (epoch %s)",
            consumer,
            event.type,
            event.id,
            event.camera_id,
            reason,
            event.lease_epoch,
        )
        return False

    def __getattr__(self, name: str) -> Any:  # what a particular bus offers beyond the protocol
        return getattr(self.inner, name)
