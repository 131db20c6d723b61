"""The city-scale bus: NATS JetStream.

Every name it creates on the server comes from `BusNames` (the `bus.prefix`): one file-backed stream
(`SAFECITY_EVENTS` for the default prefix) holds `<prefix>.events.<event type>` (every event) and
`<prefix>.replay.<consumer>` (dead letters sent back to one consumer), and each named consumer is a set of
durable pull consumers with explicit ack, each filtered on the server to one of its patterns or its replays
(`nats_durables`; inside safecity, in dead letters and the idempotency table, a consumer keeps its plain
name). So deployments, and test runs, with different prefixes
share one nats-server without seeing each other.

The client keeps reconnecting forever when nats-server restarts, and publishes during an outage are retried
for up to `publish_timeout` seconds (the `Nats-Msg-Id` header makes the retries duplicate-free).

Delivery to one durable consumer is in `nats_consumer`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Sequence
from datetime import timedelta
from typing import Any
from typing import Unpack

from nats.aio.client import Client
from nats.aio.msg import Msg
from nats.errors import ConnectionClosedError
from nats.errors import Error as NatsError
from nats.js import JetStreamContext
from nats.js.api import StorageType
from nats.js.api import StreamConfig
from nats.js.errors import BadRequestError
from nats.js.errors import NotFoundError
from tenacity import AsyncRetrying
from tenacity import retry_if_exception
from tenacity import stop_after_delay
from tenacity import wait_exponential

from safecity.core.bus.base import BatchHandler
from safecity.core.bus.base import BatchOptions
from safecity.core.bus.base import BatchSettings
from safecity.core.bus.base import BusError
from safecity.core.bus.base import DeadLetter
from safecity.core.bus.base import Handler
from safecity.core.bus.base import health_report
from safecity.core.bus.base import one_at_a_time
from safecity.core.bus.base import validate_subscription
from safecity.core.bus.dead_letters import DeadLetterStore
from safecity.core.bus.events import Event
from safecity.core.bus.events import check_publishable
from safecity.core.bus.idempotency import IdempotencyGuard
from safecity.core.bus.live import LiveFeed
from safecity.core.bus.live import LiveFeeds
from safecity.core.bus.names import BusNames
from safecity.core.bus.nats_connect import ConnectionCallbacks
from safecity.core.bus.nats_connect import connect
from safecity.core.bus.nats_consumer import MESSAGE_ID_HEADER
from safecity.core.bus.nats_consumer import JetStreamConsumer
from safecity.core.bus.nats_consumer import SubjectRouter
from safecity.core.bus.nats_consumer import event_subject
from safecity.core.bus.nats_consumer import replay_subject
from safecity.core.bus.nats_consumer import run_together
from safecity.core.bus.nats_durables import durables_of
from safecity.core.bus.nats_durables import ensure_durables
from safecity.core.bus.retry import RetryPolicy
from safecity.core.bus.tasks import BusTasks
from safecity.core.db import Database

logger = logging.getLogger(__name__)


def _worth_retrying(error: BaseException) -> bool:
    """Outage symptoms (timeouts, no responders, reconnecting) pass; refusals and our own close do not."""
    return isinstance(error, NatsError) and not isinstance(error, BadRequestError | ConnectionClosedError)


class NatsBus:
    def __init__(
        self,
        database: Database,
        *,
        url: str = "nats://127.0.0.1:4222",
        names: BusNames | None = None,
        ack_wait: float = 30.0,
        retry: RetryPolicy | None = None,
        publish_timeout: float = 30.0,
        connect_timeout: float = 2.0,
        start_timeout: float = 30.0,
        reconnect_wait: float = 0.5,
        max_age: timedelta = timedelta(days=7),
        duplicate_window: timedelta = timedelta(minutes=2),
        fetch_batch: int = 10,
        handled_retention: timedelta = timedelta(days=7),
        housekeeping_interval: float = 300.0,
    ) -> None:
        self._url = url
        self._names = names or BusNames()
        self._stream = self._names.stream
        self._root = self._names.subject_root
        self._ack_wait = ack_wait
        self._retry = retry or RetryPolicy()
        self._publish_timeout = publish_timeout
        self._connect_timeout = connect_timeout
        self._start_timeout = start_timeout
        self._reconnect_wait = reconnect_wait
        self._max_age = max_age
        self._duplicate_window = duplicate_window
        self._fetch_batch = fetch_batch
        self._handled_retention = handled_retention
        self._housekeeping_interval = housekeeping_interval
        self._guard = IdempotencyGuard(database)
        self._dead_letters = DeadLetterStore(database)
        self._client: Client | None = None
        self._jetstream: JetStreamContext | None = None
        self._tasks = BusTasks()
        self._durables: dict[str, list[str]] = {}  # consumer → its durables' names on the server
        self._live = LiveFeeds()
        self._closing = False

    @property
    def names(self) -> BusNames:
        """The stream, subjects and durable consumer names this bus uses on the server."""
        return self._names

    def _event_subject(self, event_type: str) -> str:
        return event_subject(self._root, event_type)

    def _replay_subject(self, consumer: str) -> str:
        return replay_subject(self._root, consumer)

    # lifecycle

    async def start(self) -> None:
        if self._client is not None:
            return
        try:
            client = await connect(
                self._url,
                name=f"{self._names.prefix}-bus",
                callbacks=ConnectionCallbacks(self._on_error, self._on_disconnected, self._on_reconnected),
                connect_timeout=self._connect_timeout,
                reconnect_wait=self._reconnect_wait,
                start_timeout=self._start_timeout,
            )
        except Exception as error:
            raise BusError(f"cannot connect to NATS at {self._url}: {error!r}") from error
        self._client = client
        self._jetstream = client.jetstream()
        try:
            await self._ensure_stream()
            await client.subscribe(self._event_subject(">"), cb=self._offer_live)
        except Exception as error:
            await self.close()
            raise BusError(f"cannot set up JetStream stream {self._stream}: {error!r}") from error
        self._tasks.start_housekeeping(self._housekeeping_interval, self._forget_handled)

    async def close(self) -> None:
        self._closing = True  # the client reports its own close as a disconnection: not worth a warning
        await self._tasks.cancel_all()
        self._live.close_all()
        self._durables.clear()
        if self._client is not None:
            with contextlib.suppress(Exception):
                await self._client.close()
        self._client = None
        self._jetstream = None
        self._closing = False

    async def _ensure_stream(self) -> None:
        config = StreamConfig(
            name=self._stream,
            subjects=[self._event_subject(">"), self._replay_subject(">")],
            storage=StorageType.FILE,
            max_age=self._max_age.total_seconds(),
            duplicate_window=self._duplicate_window.total_seconds(),
        )
        jetstream = self._require_jetstream()
        try:
            await jetstream.stream_info(self._stream)
        except NotFoundError:
            await jetstream.add_stream(config)
        else:
            await jetstream.update_stream(config)

    # publishing

    async def publish(self, event: Event) -> None:
        check_publishable(event)
        await self._publish(self._event_subject(event.type), event.to_json().encode(), str(event.id))

    async def _publish(self, subject: str, data: bytes, message_id: str) -> None:
        jetstream = self._require_jetstream()
        try:
            async for attempt in AsyncRetrying(
                retry=retry_if_exception(_worth_retrying),
                stop=stop_after_delay(self._publish_timeout),
                wait=wait_exponential(multiplier=0.1, max=2.0),
                reraise=True,
            ):
                with attempt:
                    await jetstream.publish(
                        subject, data, timeout=2.0, headers={MESSAGE_ID_HEADER: message_id}
                    )
        except NatsError as error:
            raise BusError(f"event {message_id} not stored in {self._stream}: {error!r}") from error

    # consuming

    async def subscribe(
        self, consumer: str, patterns: Sequence[str], handler: Handler, *, max_deliver: int = 5
    ) -> None:
        await self._start_consumer(consumer, patterns, handler, max_deliver=max_deliver, guard=self._guard)

    async def subscribe_batches(
        self, consumer: str, patterns: Sequence[str], handler: BatchHandler, **options: Unpack[BatchOptions]
    ) -> None:
        settings = BatchSettings(**options)
        await self._start_consumer(
            consumer,
            patterns,
            one_at_a_time(handler),
            max_deliver=settings.max_deliver,
            batch_handler=handler,
            fetch_batch=settings.max_batch,
            guard=None if settings.handler_tracks_handled else self._guard,
        )

    async def _start_consumer(
        self,
        consumer: str,
        patterns: Sequence[str],
        handler: Handler,
        *,
        max_deliver: int,
        guard: IdempotencyGuard | None,
        batch_handler: BatchHandler | None = None,
        fetch_batch: int | None = None,
    ) -> None:
        """`guard`: the bus's own record of handled ids; None when the handler keeps that record itself."""
        checked = validate_subscription(consumer, patterns, max_deliver)
        self._tasks.check_free(consumer)
        jetstream = self._require_jetstream()
        durables = durables_of(self._names, consumer, checked)
        await ensure_durables(
            jetstream, self._stream, self._names, consumer, durables, ack_wait=self._ack_wait
        )
        router = SubjectRouter(self._root, consumer, checked)
        one_at_a_time_per_node = asyncio.Lock()  # the consumer's durables take turns, as one durable did
        deliveries = [
            JetStreamConsumer(
                await jetstream.pull_subscribe_bind(durable=durable.name, stream=self._stream),
                consumer,
                router,
                handler,
                max_deliver=max_deliver,
                guard=guard,
                dead_letters=self._dead_letters,
                retry=self._retry,
                fetch_batch=fetch_batch or self._fetch_batch,
                reconnect_wait=self._reconnect_wait,
                batch_handler=batch_handler,
                turn=one_at_a_time_per_node,
            )
            for durable in durables
        ]
        self._durables[consumer] = [durable.name for durable in durables]
        self._tasks.start_consumer(consumer, run_together(deliveries))

    # dead letters

    async def dead_letters(self, consumer: str | None = None, limit: int = 100) -> list[DeadLetter]:
        return await self._dead_letters.pending(consumer, limit)

    async def replay_dead_letter(self, dead_letter_id: int) -> None:
        letter = await self._dead_letters.get_pending(dead_letter_id)
        await self._publish(
            self._replay_subject(letter.consumer),
            letter.event_json.encode(),
            f"{letter.event_id}.replay.{letter.id}",
        )
        await self._dead_letters.mark_replayed(dead_letter_id)

    # live feed

    def listen(self, patterns: Sequence[str], *, max_queue: int = 1000) -> LiveFeed:
        self._require_jetstream()
        return self._live.open(patterns, max_queue)

    async def _offer_live(self, message: Msg) -> None:
        # The subject names the event's type: most events are for no open feed, and are not parsed.
        if not self._live.offer_json(message.subject.removeprefix(self._event_subject("")), message.data):
            logger.warning("bus: unreadable event on %s skipped by the live feed", message.subject)

    # health

    async def health(self) -> dict[str, Any]:
        details: dict[str, Any] = {
            "kind": "nats",
            "url": self._url,
            "prefix": self._names.prefix,
            "stream": self._stream,
        }
        client, jetstream = self._client, self._jetstream
        if client is None or jetstream is None:
            return {"ok": False, "reason": "bus not started", **details}
        if not client.is_connected:
            last_error = client.last_error
            reason = f"not connected to NATS at {self._url}" + (f": {last_error!r}" if last_error else "")
            return {"ok": False, "reason": reason, **details, "reconnecting": client.is_reconnecting}
        try:
            stream = await jetstream.stream_info(self._stream)
            consumers = {}
            for name in self._tasks.consumers:
                infos = [await jetstream.consumer_info(self._stream, d) for d in self._durables[name]]
                consumers[name] = {
                    "pending": sum(info.num_pending + info.num_ack_pending for info in infos),
                    "awaiting_ack": sum(info.num_ack_pending for info in infos),
                    "redelivered": sum(info.num_redelivered for info in infos),
                    "running": self._tasks.is_running(name),
                }
            dead_letters = await self._dead_letters.count_pending()
        except Exception as error:
            return {"ok": False, "reason": f"JetStream unavailable: {error!r}", **details}
        stopped = [name for name, state in consumers.items() if not state["running"]]
        facts = {
            "messages": stream.state.messages,
            "consumers": consumers,
            "dead_letters": dead_letters,
            "reconnects": client.stats["reconnects"],
            **self._live.health(),
        }
        return health_report(details, stopped, facts)

    # internals

    def _require_jetstream(self) -> JetStreamContext:
        if self._jetstream is None:
            raise BusError("bus not started; call start() first")
        return self._jetstream

    async def _forget_handled(self) -> None:
        await self._guard.forget_older_than(self._handled_retention)

    async def _on_error(self, error: Exception) -> None:
        logger.warning("bus: NATS connection error: %r", error)

    async def _on_disconnected(self) -> None:
        if self._closing:
            return
        logger.warning("bus: disconnected from NATS at %s; reconnecting", self._url)

    async def _on_reconnected(self) -> None:
        logger.info("bus: reconnected to NATS at %s", self._url)
