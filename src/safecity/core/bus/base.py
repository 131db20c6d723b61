"""The one bus interface every producer and service codes against."""

from __future__ import annotations

import re
from collections.abc import Awaitable
from collections.abc import Callable
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from typing import Protocol
from typing import TypedDict
from typing import Unpack
from typing import runtime_checkable

from safecity.core.bus.events import Event
from safecity.core.bus.events import parse_event
from safecity.core.bus.events import validate_pattern
from safecity.core.bus.live import LiveFeed

Handler = Callable[[Event], Awaitable[None]]
BatchHandler = Callable[[Sequence[Event]], Awaitable[None]]

_CONSUMER_NAME = re.compile(r"^[A-Za-z0-9_-]{1,100}$")


class BusError(Exception):
    """The bus could not do what was asked (not connected, publish not stored, unknown dead letter)."""


def validate_consumer_name(name: str) -> str:
    """Consumer names become NATS consumer names and subject tokens, so both buses accept the same set."""
    if not _CONSUMER_NAME.match(name):
        raise ValueError(f"invalid consumer name {name!r}: use 1-100 characters of [A-Za-z0-9_-]")
    return name


def one_at_a_time(handler: BatchHandler) -> Handler:
    """The batch handler as a one-event handler: what a bus uses to retry a failed batch event by event."""

    async def handle(event: Event) -> None:
        await handler([event])

    return handle


class BatchOptions(TypedDict, total=False):
    """`subscribe_batches`' keyword options; `BatchSettings` holds their defaults."""

    max_batch: int
    max_deliver: int
    handler_tracks_handled: bool


@dataclass(frozen=True)
class BatchSettings:
    """A batch subscription's options with their defaults filled in, checked."""

    max_batch: int = 100
    max_deliver: int = 5
    handler_tracks_handled: bool = False

    def __post_init__(self) -> None:
        if self.max_batch < 1:
            raise ValueError("max_batch must be at least 1")


def validate_subscription(consumer: str, patterns: Sequence[str], max_deliver: int) -> list[str]:
    """What both buses check before subscribing; returns the checked patterns."""
    validate_consumer_name(consumer)
    checked = [validate_pattern(pattern) for pattern in patterns]
    if max_deliver < 1:
        raise ValueError("max_deliver must be at least 1")
    return checked


def health_report(details: dict[str, Any], stopped: Sequence[str], facts: dict[str, Any]) -> dict[str, Any]:
    """A started bus's answer to `EventBus.health`: not ok while any of its consumers has stopped."""
    return {
        "ok": not stopped,
        "reason": f"consumers stopped: {', '.join(stopped)}" if stopped else None,
        **details,
        **facts,
    }


@dataclass(frozen=True)
class NewDeadLetter:
    """What a bus records when it parks an event."""

    consumer: str
    event_id: str | None
    event_type: str | None
    event_json: str
    error: str
    attempts: int


@dataclass(frozen=True)
class DeadLetter(NewDeadLetter):
    """An event a consumer gave up on, with the last error; kept until replayed."""

    id: int
    created_at: datetime

    def event(self) -> Event:
        return parse_event(self.event_json)


@runtime_checkable
class EventBus(Protocol):
    """Publish typed events; durable, named, at-least-once consumers; a best-effort live feed.

    A consumer's handler is awaited once per delivery and the event is acknowledged when it returns. An
    exception means retry with backoff, up to `max_deliver` attempts, then a dead letter holding the error.
    Handlers are skipped for event ids the consumer already handled, but must still tolerate running twice
    (a crash between the handler returning and the acknowledgement being stored).
    """

    async def start(self) -> None: ...

    async def close(self) -> None: ...

    async def publish(self, event: Event) -> None:
        """Store the event durably; raises `BusError` when it could not be stored."""
        ...

    async def subscribe(
        self, consumer: str, patterns: Sequence[str], handler: Handler, *, max_deliver: int = 5
    ) -> None:
        """Start delivering every event whose type matches a pattern to `handler`, resuming where the
        durable consumer named `consumer` left off (from the oldest retained event when it is new)."""
        ...

    def listen(self, patterns: Sequence[str], *, max_queue: int = 1000) -> LiveFeed:
        """An ephemeral live feed of events published from now on; drops the oldest when full."""
        ...

    async def dead_letters(self, consumer: str | None = None, limit: int = 100) -> list[DeadLetter]: ...

    async def replay_dead_letter(self, dead_letter_id: int) -> None:
        """Deliver the dead-lettered event again to its consumer only, and remove it from the list."""
        ...

    async def health(self) -> dict[str, Any]:
        """`{"ok": bool, "reason": str | None, "consumers": {name: {"pending": int, "running": bool, ...}},
        ...details}`; `pending` counts messages the consumer has not acknowledged yet."""
        ...


@runtime_checkable
class BatchSubscriber(Protocol):
    """A bus that can also hand a consumer several events at once, for consumers that write in bulk."""

    async def subscribe_batches(
        self, consumer: str, patterns: Sequence[str], handler: BatchHandler, **options: Unpack[BatchOptions]
    ) -> None:
        """Like `EventBus.subscribe`, but `handler` receives up to `max_batch` (default 100) events that
        are already waiting, in order, all acknowledged when it returns; `max_deliver` (default 5) as there.
        When a batch fails, its events are retried one at a time (each as a batch of one), so an event that
        keeps failing is dead-lettered alone.

        With `handler_tracks_handled`, the handler itself skips the event ids the consumer has handled and
        records them in the transaction of its own changes (`IdempotencyGuard.handled_among_in` and
        `mark_all_handled_in`), so the bus neither looks them up nor records them: two database round
        trips less per batch, and one bookkeeping instead of two."""
        ...
