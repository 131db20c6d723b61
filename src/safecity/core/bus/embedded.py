"""The embedded bus: durable in the database, for the single-server stack (SQLite or PostgreSQL).

Events are appended to `bus_messages`; each named consumer keeps an offset in `bus_consumer_offsets` and
handles messages one at a time, in order (a batch consumer: each read of the log at once, falling back to
one at a time when the batch fails). A publish wakes this process's consumers at once, and those of
other processes sharing the database once it commits (`wakeup`: LISTEN/NOTIFY on PostgreSQL, named pipes
beside a SQLite file); polling every `poll_interval` seconds is the safety net for a lost notice. One process
at a time should run a given consumer name (there is no competing-consumer lock).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from collections.abc import Coroutine
from collections.abc import Sequence
from datetime import timedelta
from typing import Any
from typing import Unpack

from tenacity import AsyncRetrying
from tenacity import stop_after_attempt

from safecity.core.bus.base import BatchHandler
from safecity.core.bus.base import BatchOptions
from safecity.core.bus.base import BatchSettings
from safecity.core.bus.base import BusError
from safecity.core.bus.base import DeadLetter
from safecity.core.bus.base import Handler
from safecity.core.bus.base import NewDeadLetter
from safecity.core.bus.base import health_report
from safecity.core.bus.base import one_at_a_time
from safecity.core.bus.base import validate_subscription
from safecity.core.bus.dead_letters import DeadLetterStore
from safecity.core.bus.dead_letters import describe_error
from safecity.core.bus.events import Event
from safecity.core.bus.events import check_publishable
from safecity.core.bus.events import parse_event
from safecity.core.bus.events import topic_matches
from safecity.core.bus.idempotency import IdempotencyGuard
from safecity.core.bus.live import LiveFeed
from safecity.core.bus.live import LiveFeeds
from safecity.core.bus.message_log import LoggedMessage
from safecity.core.bus.message_log import MessageLog
from safecity.core.bus.retry import RetryPolicy
from safecity.core.bus.tasks import BusTasks
from safecity.core.bus.wakeup import CrossProcessWakeup
from safecity.core.bus.wakeup import PollOnly
from safecity.core.bus.wakeup import wakeup_for
from safecity.core.db import Database

logger = logging.getLogger(__name__)


class EmbeddedBus:
    def __init__(
        self,
        database: Database,
        *,
        poll_interval: float = 2.0,
        batch_size: int = 100,
        retry: RetryPolicy | None = None,
        retention: timedelta = timedelta(hours=24),
        handled_retention: timedelta = timedelta(days=7),
        housekeeping_interval: float = 300.0,
        wake_other_processes: bool = True,
    ) -> None:
        self._database = database
        self._wakeup: CrossProcessWakeup = wakeup_for(database) if wake_other_processes else PollOnly()
        self._log = MessageLog(database)
        self._guard = IdempotencyGuard(database)
        self._dead_letters = DeadLetterStore(database)
        self._poll_interval = poll_interval
        self._batch_size = batch_size
        self._retry = retry or RetryPolicy()
        self._retention = retention
        self._handled_retention = handled_retention
        self._housekeeping_interval = housekeeping_interval
        self._tasks = BusTasks()
        self._wakeups: set[asyncio.Event] = set()
        self._live = LiveFeeds()
        self._started = False

    async def start(self) -> None:
        if self._started:
            return
        await self._wakeup.start(self._wake_all)
        live_position = await asyncio.to_thread(self._log.head)
        self._started = True
        self._tasks.start_loop(self._feed_live(live_position), "live feed")
        self._tasks.start_housekeeping(self._housekeeping_interval, self.prune)

    async def close(self) -> None:
        self._started = False
        await self._tasks.cancel_all()
        await self._wakeup.close()
        self._live.close_all()

    async def publish(self, event: Event) -> None:
        check_publishable(event)

        def append() -> None:
            with self._database.session() as session:
                self._log.append_in(session, event.to_json(), event)
                self._wakeup.announce_in(session)

        try:
            await asyncio.to_thread(append)
        except Exception as error:
            raise BusError(f"could not store event {event.id}: {error}") from error
        self._wake_all()

    async def subscribe(
        self, consumer: str, patterns: Sequence[str], handler: Handler, *, max_deliver: int = 5
    ) -> None:
        self._require_started()
        checked = validate_subscription(consumer, patterns, max_deliver)
        self._tasks.check_free(consumer)
        position = await asyncio.to_thread(self._log.register, consumer)
        self._tasks.start_consumer(consumer, self._consume(consumer, checked, handler, max_deliver, position))

    async def subscribe_batches(
        self, consumer: str, patterns: Sequence[str], handler: BatchHandler, **options: Unpack[BatchOptions]
    ) -> None:
        self._require_started()
        settings = BatchSettings(**options)
        checked = validate_subscription(consumer, patterns, settings.max_deliver)
        self._tasks.check_free(consumer)
        position = await asyncio.to_thread(self._log.register, consumer)
        guard = None if settings.handler_tracks_handled else self._guard
        delivery = self._consume_batches(
            consumer, checked, handler, settings.max_batch, settings.max_deliver, position, guard
        )
        self._tasks.start_consumer(consumer, delivery)

    def listen(self, patterns: Sequence[str], *, max_queue: int = 1000) -> LiveFeed:
        self._require_started()
        return self._live.open(patterns, max_queue)

    async def dead_letters(self, consumer: str | None = None, limit: int = 100) -> list[DeadLetter]:
        return await self._dead_letters.pending(consumer, limit)

    async def replay_dead_letter(self, dead_letter_id: int) -> None:
        def replay() -> None:
            with self._database.session() as session:
                letter = self._dead_letters.mark_replayed_in(session, dead_letter_id)
                self._log.append_in(
                    session, letter.event_json, letter.event(), target_consumer=letter.consumer
                )
                self._wakeup.announce_in(session)

        await asyncio.to_thread(replay)
        self._wake_all()

    async def health(self) -> dict[str, Any]:
        details: dict[str, Any] = {
            "kind": "embedded",
            "database": self._database.dialect,
            "wakeup": self._wakeup.health(),
        }
        if not self._started:
            return {"ok": False, "reason": "bus not started", **details}
        try:
            head = await asyncio.to_thread(self._log.head)
            offsets = await asyncio.to_thread(self._log.offsets)
            dead_letters = await self._dead_letters.count_pending()
        except Exception as error:
            return {"ok": False, "reason": f"database unavailable: {error}", **details}
        stopped = self._tasks.stopped()
        consumers = {
            name: {
                "position": offsets.get(name, 0),
                "pending": head - offsets.get(name, 0),
                "running": name not in stopped,
            }
            for name in self._tasks.consumers
        }
        facts = {"head": head, "consumers": consumers, "dead_letters": dead_letters, **self._live.health()}
        return health_report(details, stopped, facts)

    def _require_started(self) -> None:
        if not self._started:
            raise BusError("bus not started; call start() first")

    def _wake_all(self) -> None:
        for wakeup in self._wakeups:
            wakeup.set()

    async def _follow(
        self,
        position: int,
        consumer: str | None,
        on_batch: Callable[[list[LoggedMessage]], Coroutine[Any, Any, int]],
        batch_size: int | None = None,
    ) -> None:
        """Read the log after `position` forever, handing each batch on; survives database outages."""
        wakeup = asyncio.Event()
        self._wakeups.add(wakeup)
        try:
            while True:
                wakeup.clear()
                try:
                    batch = await asyncio.to_thread(
                        self._log.read_after, position, batch_size or self._batch_size, consumer
                    )
                    if batch:
                        position = await on_batch(batch)
                        continue
                except Exception:
                    logger.exception("bus: reading the message log failed; retrying")
                # asyncio.timeout rather than wait_for: on 3.11, wait_for can lose a cancellation that
                # arrives while it times out, and close() would then wait forever.
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(self._poll_interval):
                        await wakeup.wait()
        finally:
            self._wakeups.discard(wakeup)

    async def _feed_live(self, position: int) -> None:
        async def offer(batch: list[LoggedMessage]) -> int:
            for message in batch:
                if not self._live.offer_json(message.event_type, message.event_json):
                    logger.warning("bus: unreadable event %s skipped by the live feed", message.seq)
            return batch[-1].seq

        await self._follow(position, None, offer)

    async def _consume(
        self, consumer: str, patterns: list[str], handler: Handler, max_deliver: int, position: int
    ) -> None:
        async def handle(batch: list[LoggedMessage]) -> int:
            for message in _wanted(batch, consumer, patterns):
                await self._deliver(consumer, message, handler, max_deliver, self._guard)
            await asyncio.to_thread(self._log.commit_offset, consumer, batch[-1].seq)
            return batch[-1].seq

        await self._follow(position, consumer, handle)

    async def _consume_batches(
        self,
        consumer: str,
        patterns: list[str],
        handler: BatchHandler,
        max_batch: int,
        max_deliver: int,
        position: int,
        guard: IdempotencyGuard | None,
    ) -> None:
        """`guard`: the bus's record of handled ids; None when the handler keeps that record itself."""

        async def handle(batch: list[LoggedMessage]) -> int:
            wanted = _wanted(batch, consumer, patterns)
            readable = [(message, event) for message in wanted if (event := _readable(message))]
            handled: list[Event] = []
            try:
                handled = await self._handle_batch(consumer, handler, [e for _, e in readable], guard)
            except Exception:
                logger.warning(
                    "bus: consumer %s failed a batch of %d; retrying one at a time",
                    consumer,
                    len(readable),
                    exc_info=True,
                )
                singles = wanted
            else:
                read = {message for message, _ in readable}
                singles = [message for message in wanted if message not in read]
            # What is left goes one at a time: unreadable messages become dead letters, and after a failed
            # batch each event gets its own retries.
            for message in singles:
                await self._deliver(consumer, message, one_at_a_time(handler), max_deliver, guard)
            recorded = handled if guard is not None else []
            await asyncio.to_thread(self._acknowledge_batch, consumer, recorded, batch[-1].seq)
            return batch[-1].seq

        await self._follow(position, consumer, handle, max_batch)

    async def _handle_batch(
        self, consumer: str, handler: BatchHandler, events: list[Event], guard: IdempotencyGuard | None
    ) -> list[Event]:
        """Run the handler on the events the consumer has not handled yet (all of them when the handler
        keeps that record itself: no `guard`); returns those."""
        if not events:
            return []
        if guard is None:
            await handler(events)
            return events
        handled = await guard.handled_among(consumer, [event.id for event in events])
        todo = [event for event in events if event.id not in handled]
        if todo:
            await handler(todo)
        return todo

    def _acknowledge_batch(self, consumer: str, handled: list[Event], position: int) -> None:
        with self._database.session() as session:
            self._guard.mark_all_handled_in(session, consumer, [event.id for event in handled])
            self._log.commit_offset_in(session, consumer, position)

    async def _deliver(
        self,
        consumer: str,
        message: LoggedMessage,
        handler: Handler,
        max_deliver: int,
        guard: IdempotencyGuard | None,
    ) -> None:
        """Handle one message and acknowledge it (advance the offset); dead-letter it after the last try."""
        try:
            event = parse_event(message.event_json)
        except Exception as error:
            await self._acknowledge(consumer, message, failure=(error, 1))
            return
        if guard is not None and await guard.already_handled(consumer, event.id):
            await self._acknowledge(consumer, message)
            return
        attempts = 0
        try:
            retrying = AsyncRetrying(
                stop=stop_after_attempt(max_deliver), wait=self._retry.wait(), reraise=True
            )
            async for attempt in retrying:
                with attempt:
                    attempts = attempt.retry_state.attempt_number
                    await handler(event)
        except Exception as error:
            logger.warning(
                "bus: consumer %s gave up on event %s after %d attempts", consumer, event.id, attempts
            )
            await self._acknowledge(consumer, message, failure=(error, attempts))
            return
        await self._acknowledge(consumer, message, handled=event if guard is not None else None)

    async def _acknowledge(
        self,
        consumer: str,
        message: LoggedMessage,
        *,
        handled: Event | None = None,
        failure: tuple[BaseException, int] | None = None,
    ) -> None:
        """Advance the offset past `message` in the same transaction as its outcome."""

        def acknowledge() -> None:
            with self._database.session() as session:
                if handled is not None:
                    self._guard.mark_handled_in(session, consumer, handled.id)
                if failure is not None:
                    error, attempts = failure
                    letter = NewDeadLetter(
                        consumer=consumer,
                        event_id=message.event_id,
                        event_type=message.event_type,
                        event_json=message.event_json,
                        error=describe_error(error),
                        attempts=attempts,
                    )
                    self._dead_letters.add_in(session, letter)
                self._log.commit_offset_in(session, consumer, message.seq)

        await asyncio.to_thread(acknowledge)

    async def prune(self) -> int:
        """Apply the retention bounds now; returns how many log messages were deleted."""
        await self._guard.forget_older_than(self._handled_retention)
        return await asyncio.to_thread(self._log.prune, self._retention)


def _wanted(batch: list[LoggedMessage], consumer: str, patterns: list[str]) -> list[LoggedMessage]:
    """The messages for `consumer`: events its patterns match, and replays sent to it."""
    return [
        message
        for message in batch
        if message.target_consumer == consumer
        or any(topic_matches(pattern, message.event_type) for pattern in patterns)
    ]


def _readable(message: LoggedMessage) -> Event | None:
    try:
        return parse_event(message.event_json)
    except Exception:
        return None
