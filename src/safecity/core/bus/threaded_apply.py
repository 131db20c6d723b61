"""A durable consumer whose work is synchronous database code: each event is applied in a worker thread
(which commits its own session) and only then are the events it made published."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from collections.abc import Sequence

from safecity.core.bus.base import EventBus
from safecity.core.bus.events import Event

Apply = Callable[[Event], Sequence[Event]]


async def subscribe_applying(bus: EventBus, consumer: str, patterns: Sequence[str], apply: Apply) -> None:
    """Subscribe the durable `consumer` to `patterns`: `apply` runs off the event loop for each event and
    returns the events to publish after it committed (none, or the same again on a redelivery)."""

    async def handle(event: Event) -> None:
        for outgoing in await asyncio.to_thread(apply, event):
            await bus.publish(outgoing)

    await bus.subscribe(consumer, patterns, handle)
