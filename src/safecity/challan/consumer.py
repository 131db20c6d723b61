"""The durable `challan` consumer: rule events, finished tracks and plate reads in; violations out.

Idempotent by event id twice over: the bus skips ids the consumer handled, and the id is recorded as handled
in the same transaction as the violations it produced (the violation's source key is unique as well).
"""

from __future__ import annotations

import asyncio
import contextlib

from safecity.anpr.events import PlateReadEvent
from safecity.challan.classify import ingest_track_ended
from safecity.challan.clips import run_clip_job
from safecity.challan.evidence import add_payload_context
from safecity.challan.intake import ingest_plate_read, ingest_rule_event
from safecity.challan.recordings import RecordingsOnDisk, default_recordings_dir
from safecity.challan.runtime import ChallanRuntime, build_runtime
from safecity.core.bus import Event, EventBus, IdempotencyGuard
from safecity.core.db import Database
from safecity.core.http.services import Services

CONSUMER = "challan"
PATTERNS = ("rule.>", "track.ended", "plate.read")
RUNTIME_KEY = "challan"
CLIP_JOB_KEY = "challan.clips"


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


def runtime_of(services: Services) -> ChallanRuntime:
    runtime = services.extras.get(RUNTIME_KEY)
    if runtime is None:
        settings = services.settings.challan
        root = settings.recordings_dir or default_recordings_dir(services.settings.data_dir)
        runtime = build_runtime(settings, services.media, RecordingsOnDisk(root))
        services.extras[RUNTIME_KEY] = runtime
    assert isinstance(runtime, ChallanRuntime)
    return runtime


async def start_challan(services: Services) -> ChallanConsumer:
    """Subscribe the durable `challan` consumer and start the clip job; called from the app's lifespan
    after the bus starts (`stop_challan` ends the job)."""
    runtime = runtime_of(services)
    consumer = ChallanConsumer(services.database, services.bus, runtime)
    await services.bus.subscribe(CONSUMER, list(PATTERNS), consumer)
    if runtime.settings.clip_enabled and CLIP_JOB_KEY not in services.extras:
        services.extras[CLIP_JOB_KEY] = asyncio.create_task(
            run_clip_job(services.database, runtime), name="challan clips"
        )
    return consumer


async def stop_challan(services: Services) -> None:
    """Stop the clip job (a round in progress finishes its current clip in its thread)."""
    task = services.extras.pop(CLIP_JOB_KEY, None)
    if isinstance(task, asyncio.Task):
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await task
