"""The durable `challan` consumer: rule events, finished tracks and plate reads in; violations out.

Idempotent by event id twice over: the bus skips ids the consumer handled, and the id is recorded as handled
in the same transaction as the violations it produced (the violation's source key is unique as well).
Where the bus hands out batches, every waiting event is applied in one transaction: it sees every rule hit and
finished track of every camera, and one commit per event fell thousands of events behind at city rates.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from sqlalchemy.orm import Session

from safecity.anpr.events import PlateReadEvent
from safecity.challan.classify import ingest_track_ended
from safecity.challan.clips import run_clip_job
from safecity.challan.evidence import add_payload_context
from safecity.challan.intake import ingest_plate_read, ingest_rule_event
from safecity.challan.runtime import ChallanRuntime, runtime_of
from safecity.core.bus import BatchSubscriber, Event, EventBus, IdempotencyGuard
from safecity.core.db import Database
from safecity.core.http.services import Services
from safecity.core.leadership import SingletonJob

CONSUMER = "challan"
PATTERNS = ("rule.>", "track.ended", "plate.read")


MAX_BATCH = 200


def handle_event(database: Database, runtime: ChallanRuntime, event: Event) -> list[Event]:
    """Process one event in one transaction; returns the events to publish."""
    return handle_events(database, runtime, [event])


def handle_events(database: Database, runtime: ChallanRuntime, events: Sequence[Event]) -> list[Event]:
    """Process events in order, in one transaction; returns the events to publish."""
    with database.session() as session:
        produced = [item for event in events for item in _ingest(session, runtime, event)]
        IdempotencyGuard(database).mark_all_handled_in(session, CONSUMER, [event.id for event in events])
    return produced


def _ingest(session: Session, runtime: ChallanRuntime, event: Event) -> list[Event]:
    if event.type == "plate.read":
        read = (
            event if isinstance(event, PlateReadEvent) else PlateReadEvent.model_validate(event.model_dump())
        )
        return ingest_plate_read(session, runtime, read)
    if event.type == "track.ended":
        return ingest_track_ended(session, runtime, event)
    produced = ingest_rule_event(session, runtime, event)
    add_payload_context(session, str(event.id), event.payload)
    return produced


class ChallanConsumer:
    def __init__(self, database: Database, bus: EventBus, runtime: ChallanRuntime) -> None:
        self.database = database
        self.bus = bus
        self.runtime = runtime

    async def start(self) -> None:
        if isinstance(self.bus, BatchSubscriber):
            await self.bus.subscribe_batches(CONSUMER, list(PATTERNS), self.handle_batch, max_batch=MAX_BATCH)
        else:
            await self.bus.subscribe(CONSUMER, list(PATTERNS), self)

    async def __call__(self, event: Event) -> None:
        await self.handle_batch([event])

    async def handle_batch(self, events: Sequence[Event]) -> None:
        produced = await asyncio.to_thread(handle_events, self.database, self.runtime, events)
        # Started in order, so they reach the stream in order; not one acknowledged round trip after another.
        await asyncio.gather(*(self.bus.publish(item) for item in produced))


async def start_challan(services: Services) -> None:
    """Subscribe the durable `challan` consumer; called from the app's lifespan after the bus starts."""
    await ChallanConsumer(services.database, services.bus, runtime_of(services)).start()


def clip_jobs(services: Services) -> list[SingletonJob]:
    """The violation clip job (when `challan.clip_enabled`), a singleton job: one node of the cluster cuts the
    pending clips every `challan.clip_retry_seconds`."""
    runtime = runtime_of(services)
    if not runtime.settings.clip_enabled:
        return []
    return [SingletonJob("challan clips", lambda: run_clip_job(services.database, runtime))]
