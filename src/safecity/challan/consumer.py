"""The durable `challan` consumer: rule events, finished tracks and plate reads in; violations out.

Idempotent by event id: the handled ids are looked up and recorded in the same transaction as the violations
they produced (so the bus keeps no second record: `handler_tracks_handled`; the violation's source key is
unique as well). Where the bus hands out batches, every waiting event is applied in one transaction: it sees
every rule hit and finished track of every camera, and one commit per event fell thousands of events behind
at city rates. It subscribes to the rule topics e-challan enforces, not `rule.>` (the server hands it
nothing else), and a finished track no helmet / seat-belt check applies to is dropped before any database
work.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from sqlalchemy.orm import Session

from safecity.anpr.events import PlateReadEvent
from safecity.challan.classify import ingest_track_ended
from safecity.challan.clips import run_clip_job
from safecity.challan.evidence import add_payload_context
from safecity.challan.intake import BatchFacts
from safecity.challan.intake import ingest_plate_read
from safecity.challan.intake import ingest_rule_event
from safecity.challan.runtime import ChallanRuntime
from safecity.challan.runtime import runtime_of
from safecity.challan.vocabulary import RULE_TOPICS
from safecity.core.bus import BatchSubscriber
from safecity.core.bus import Event
from safecity.core.bus import EventBus
from safecity.core.bus import IdempotencyGuard
from safecity.core.bus import as_event
from safecity.core.db import Database
from safecity.core.http.services import Services
from safecity.core.leadership import SingletonJob

CONSUMER = "challan"
PATTERNS = (*RULE_TOPICS, "track.ended", "plate.read")


MAX_BATCH = 200


def handle_event(database: Database, runtime: ChallanRuntime, event: Event) -> list[Event]:
    """Process one event in one transaction; returns the events to publish."""
    return handle_events(database, runtime, [event])


def handle_events(database: Database, runtime: ChallanRuntime, events: Sequence[Event]) -> list[Event]:
    """Process events in order, in one transaction; returns the events to publish."""
    wanted = [event for event in events if _wanted(runtime, event)]
    if not wanted:
        return []
    guard = IdempotencyGuard(database)
    with database.session() as session:
        fresh = guard.unhandled_in(session, CONSUMER, wanted)
        facts = BatchFacts.of(session, runtime, fresh)
        produced = [item for event in fresh for item in _ingest(session, runtime, event, facts)]
        guard.mark_all_handled_in(session, CONSUMER, [event.id for event in fresh])
    return produced


def _wanted(runtime: ChallanRuntime, event: Event) -> bool:
    """Whether any challan rule could make something of the event (what could not needs no transaction)."""
    if event.type == "track.ended":
        return bool(runtime.checks_for(event.payload.get("object_class")))
    return event.type == "plate.read" or event.type in RULE_TOPICS


def _ingest(session: Session, runtime: ChallanRuntime, event: Event, facts: BatchFacts) -> list[Event]:
    if event.type == "plate.read":
        return ingest_plate_read(session, runtime, as_event(event, PlateReadEvent), facts)
    if event.type == "track.ended":
        return ingest_track_ended(session, runtime, event)
    produced = ingest_rule_event(session, runtime, event, facts)
    add_payload_context(session, str(event.id), event.payload)
    return produced


class ChallanConsumer:
    def __init__(self, database: Database, bus: EventBus, runtime: ChallanRuntime) -> None:
        self.database = database
        self.bus = bus
        self.runtime = runtime

    async def start(self) -> None:
        if isinstance(self.bus, BatchSubscriber):
            await self.bus.subscribe_batches(
                CONSUMER, list(PATTERNS), self.handle_batch, max_batch=MAX_BATCH, handler_tracks_handled=True
            )
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
