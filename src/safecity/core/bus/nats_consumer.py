"""Delivery to one durable JetStream consumer: fetch, handle, ack / nak with backoff / dead-letter.

A batch consumer hands each fetched batch to its handler at once and acknowledges it together; a batch that
fails falls back to the one-at-a-time path, whose retries and dead letters are per event.

Each durable is filtered on the server to one pattern (or the consumer's replays: `nats_durables`); the
durables of one consumer take turns in a process (`turn`), so its handler runs one batch at a time there as
before. What the patterns do not match (none with the filters) is still acknowledged without handling.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from nats.aio.msg import Msg
from nats.errors import Error as NatsError
from nats.errors import TimeoutError as NatsTimeoutError
from nats.js import JetStreamContext

from safecity.core.bus.base import BatchHandler
from safecity.core.bus.base import Handler
from safecity.core.bus.base import NewDeadLetter
from safecity.core.bus.dead_letters import DeadLetterStore
from safecity.core.bus.dead_letters import describe_error
from safecity.core.bus.events import Event
from safecity.core.bus.events import parse_event
from safecity.core.bus.events import topic_matches
from safecity.core.bus.idempotency import IdempotencyGuard
from safecity.core.bus.retry import RetryPolicy

logger = logging.getLogger(__name__)

MESSAGE_ID_HEADER = "Nats-Msg-Id"


def event_subject(root: str, event_type: str) -> str:
    return f"{root}.events.{event_type}"


def replay_subject(root: str, consumer: str) -> str:
    return f"{root}.replay.{consumer}"


class DeliveryLimitError(Exception):
    """An event kept coming back unacknowledged (its consumer died or timed out) until the limit."""


class SubjectRouter:
    """Whether a subject is for this consumer: an event its patterns match, or a replay sent to it."""

    def __init__(self, root: str, consumer: str, patterns: list[str]) -> None:
        self._events_prefix = event_subject(root, "")
        self._replay_subject = replay_subject(root, consumer)
        self._patterns = patterns

    def wants(self, subject: str) -> bool:
        if subject.startswith(self._events_prefix):
            topic = subject.removeprefix(self._events_prefix)
            return any(topic_matches(pattern, topic) for pattern in self._patterns)
        return subject == self._replay_subject


class JetStreamConsumer:
    def __init__(
        self,
        subscription: JetStreamContext.PullSubscription,
        name: str,
        router: SubjectRouter,
        handler: Handler,
        *,
        max_deliver: int,
        guard: IdempotencyGuard | None,
        dead_letters: DeadLetterStore,
        retry: RetryPolicy,
        fetch_batch: int,
        reconnect_wait: float,
        batch_handler: BatchHandler | None = None,
        turn: asyncio.Lock | None = None,
    ) -> None:
        """With `batch_handler`, fresh events of each fetch go to it at once, and `handler` (its
        one-at-a-time form) is used only when a batch fails. Without `guard`, the handler skips and records
        handled event ids itself (`subscribe_batches(handler_tracks_handled=True)`)."""
        self._subscription = subscription
        self._name = name
        self._router = router
        self._handler = handler
        self._max_deliver = max_deliver
        self._guard = guard
        self._dead_letters = dead_letters
        self._retry = retry
        self._fetch_batch = fetch_batch
        self._reconnect_wait = reconnect_wait
        self._batch_handler = batch_handler
        self._turn = turn or asyncio.Lock()

    async def run(self) -> None:
        """Pull and deliver until cancelled; survives server restarts and database hiccups."""
        while True:
            try:
                messages = await self._subscription.fetch(self._fetch_batch, timeout=5.0)
            except Exception as error:
                if _being_cancelled():  # nats-py may turn our cancellation into a timeout: stop anyway
                    raise asyncio.CancelledError from error
                if isinstance(error, NatsTimeoutError):
                    continue
                # Reconnecting after a server restart; the client restores the subscription.
                logger.info("bus: consumer %s cannot fetch (%r); retrying", self._name, error)
                await asyncio.sleep(self._reconnect_wait)
                continue
            async with self._turn:
                await self._process_all(messages)

    async def _process_all(self, messages: list[Msg]) -> None:
        if self._batch_handler is None:
            await self._process_each(messages)
            return
        fresh: list[tuple[Msg, Event]] = []
        singles: list[Msg] = []
        for message in messages:
            if not self._router.wants(message.subject):
                await _acknowledge(message)
                continue
            event = _readable_event(message)
            # Unreadable or overdue messages take the one-at-a-time path, which dead-letters them.
            if event is None or message.metadata.num_delivered > self._max_deliver:
                singles.append(message)
            else:
                fresh.append((message, event))
        try:
            await self._deliver_batch(self._batch_handler, fresh)
        except Exception:
            logger.warning(
                "bus: consumer %s failed a batch of %d; retrying one at a time",
                self._name,
                len(fresh),
                exc_info=True,
            )
            singles = [message for message, _ in fresh] + singles
        await self._process_each(singles)

    async def _deliver_batch(self, handler: BatchHandler, batch: list[tuple[Msg, Event]]) -> None:
        if not batch:
            return
        if self._guard is None:
            await handler([event for _, event in batch])
        else:
            handled = await self._guard.handled_among(self._name, [event.id for _, event in batch])
            todo = [event for _, event in batch if event.id not in handled]
            if todo:
                await handler(todo)
                await self._guard.mark_all_handled(self._name, [event.id for event in todo])
        for message, _ in batch:
            await _acknowledge(message)

    async def _process_each(self, messages: list[Msg]) -> None:
        for message in messages:
            await self._process(message)

    async def _process(self, message: Msg) -> None:
        if not self._router.wants(message.subject):
            await _acknowledge(message)
            return
        try:
            await self._deliver(message)
        except Exception:
            # The bookkeeping failed (database down?), not the handler: try again later.
            logger.exception("bus: consumer %s could not process %s", self._name, message.subject)
            with contextlib.suppress(NatsError):
                await message.nak(delay=self._retry.max_delay)

    async def _deliver(self, message: Msg) -> None:
        attempt = message.metadata.num_delivered
        try:
            event = parse_event(message.data)
        except Exception as error:
            await self._dead_letter(message, None, error, attempt)
            return
        if self._guard is not None and await self._guard.already_handled(self._name, event.id):
            await _acknowledge(message)
            return
        if attempt > self._max_deliver:
            reason = DeliveryLimitError(f"delivered {attempt - 1} times without an acknowledgement")
            await self._dead_letter(message, event, reason, attempt - 1)
            return
        try:
            await self._handler(event)
        except Exception as error:
            if attempt >= self._max_deliver:
                await self._dead_letter(message, event, error, attempt)
            else:
                with contextlib.suppress(NatsError):
                    await message.nak(delay=self._retry.delay_after(attempt))
            return
        if self._guard is not None:
            await self._guard.mark_handled(self._name, event.id)
        await _acknowledge(message)

    async def _dead_letter(
        self, message: Msg, event: Event | None, error: BaseException, attempts: int
    ) -> None:
        logger.warning(
            "bus: consumer %s gave up on %s after %d attempts", self._name, message.subject, attempts
        )
        letter = NewDeadLetter(
            consumer=self._name,
            event_id=str(event.id) if event else (message.headers or {}).get(MESSAGE_ID_HEADER),
            event_type=event.type if event else None,
            event_json=message.data.decode(errors="replace"),
            error=describe_error(error),
            attempts=attempts,
        )
        await self._dead_letters.add(letter)
        await _acknowledge(message)


async def run_together(deliveries: list[JetStreamConsumer]) -> None:
    """One consumer's durables, as one task: if one of them stops, all do (and the health says so)."""
    async with asyncio.TaskGroup() as group:
        for delivery in deliveries:
            group.create_task(delivery.run())


def _being_cancelled() -> bool:
    task = asyncio.current_task()
    return task is not None and task.cancelling() > 0


async def _acknowledge(message: Msg) -> None:
    # A lost ack means a redelivery, which the idempotency guard absorbs.
    with contextlib.suppress(NatsError):
        await message.ack()


def _readable_event(message: Msg) -> Event | None:
    try:
        return parse_event(message.data)
    except Exception:
        return None
