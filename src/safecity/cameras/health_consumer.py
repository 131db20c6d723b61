"""The durable `camera-health` bus consumer: stores what workers report about their cameras."""

from __future__ import annotations

import asyncio

from safecity.cameras.events import CameraHealthEvent
from safecity.cameras.events import WorkerHeartbeatEvent
from safecity.cameras.health_store import apply_health_event
from safecity.cameras.health_store import apply_heartbeat
from safecity.core.bus import Event
from safecity.core.bus import EventBus
from safecity.core.db import Database

HEALTH_CONSUMER = "camera-health"
HEALTH_TOPICS = (
    CameraHealthEvent.model_fields["type"].default,
    WorkerHeartbeatEvent.model_fields["type"].default,
)


def store_health(database: Database, event: Event) -> None:
    with database.session() as session:
        if isinstance(event, CameraHealthEvent):
            apply_health_event(session, event)
        elif isinstance(event, WorkerHeartbeatEvent):
            apply_heartbeat(session, event)


async def start_health_consumer(bus: EventBus, database: Database) -> None:
    async def handle(event: Event) -> None:
        await asyncio.to_thread(store_health, database, event)

    await bus.subscribe(HEALTH_CONSUMER, list(HEALTH_TOPICS), handle)
