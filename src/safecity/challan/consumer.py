"""The durable `challan` consumer: rule events, finished tracks and plate reads in; violations out.

Idempotent by event id twice over: the bus skips ids the consumer handled, and the id is recorded as handled
in the same transaction as the violations it produced (the violation's source key is unique as well).
"""

from __future__ import annotations

import asyncio

from safecity.anpr.events import PlateReadEvent
from safecity.challan.classify import ingest_track_ended
from safecity.challan.clips import run_clip_job
from safecity.challan.evidence import add_payload_context
from safecity.challan.intake import ingest_plate_read, ingest_rule_event
from safecity.challan.runtime import ChallanRuntime, runtime_of
from safecity.core.bus import Event, EventBus, IdempotencyGuard
from safecity.core.db import Database
from safecity.core.http.services import Services
from safecity.core.leadership import SingletonJob

CONSUMER = "challan"
PATTERNS = ("rule.>", "track.ended", "plate.read")


def handle_event(database: Database, runtime: ChallanRuntime, event: Event) -> list[Event]:
    """Process one event in one transaction; returns the events to publish."""
    with database.session() as session:
        if event.type == "plate.read":
            read = (
                event
                if isinstance(event, PlateReadEvent)
                else PlateReadEvent.model_validate(event.model_dump())
            )
            produced = ingest_plate_read(session, runtime, read)
        elif event.type == "track.ended":
            produced = ingest_track_ended(session, runtime, event)
        else:
            produced = ingest_rule_event(session, runtime, event)
            add_payload_context(session, str(event.id), event.payload)
        IdempotencyGuard(database).mark_handled_in(session, CONSUMER, event.id)
    return produced


class ChallanConsumer:
    def __init__(self, database: Database, bus: EventBus, runtime: ChallanRuntime) -> None:
        self.database = database
        self.bus = bus
        self.runtime = runtime

    async def __call__(self, event: Event) -> None:
        produced = await asyncio.to_thread(handle_event, self.database, self.runtime, event)
        for item in produced:
            await self.bus.publish(item)


async def start_challan(services: Services) -> None:
    """Subscribe the durable `challan` consumer; called from the app's lifespan after the bus starts."""
    consumer = ChallanConsumer(services.database, services.bus, runtime_of(services))
    await services.bus.subscribe(CONSUMER, list(PATTERNS), consumer)


def clip_jobs(services: Services) -> list[SingletonJob]:
    """The violation clip job (when `challan.clip_enabled`), a singleton job: one node of the cluster cuts the
    pending clips every `challan.clip_retry_seconds`."""
    runtime = runtime_of(services)
    if not runtime.settings.clip_enabled:
        return []
    return [SingletonJob("challan clips", lambda: run_clip_job(services.database, runtime))]
