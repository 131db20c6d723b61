"""The `anpr-store` consumer: store every `plate.read` once (idempotent on the event id).

Matching reads against the vehicle hotlists is the watchlist's own consumer (`watchlist.vehicles.consumer`).
"""

from __future__ import annotations

import asyncio

from safecity.anpr.events import PlateReadEvent
from safecity.anpr.locations import CameraLocations
from safecity.anpr.service import store_read
from safecity.core.bus import Event
from safecity.core.bus import as_event
from safecity.core.db import Database
from safecity.core.http.services import Services
from safecity.core.logs import get_logger

log = get_logger(__name__)

CONSUMER = "anpr-store"
PATTERNS = ("plate.read",)


class PlateReadStore:
    """Handles `plate.read` events: stores each read once, with the camera's position."""

    def __init__(self, database: Database, locations: CameraLocations | None = None) -> None:
        self.database = database
        self.locations = locations or CameraLocations()

    def store(self, event: PlateReadEvent) -> bool:
        """False when the read was stored already (a redelivery)."""
        with self.database.session() as session:
            location = self.locations.locate(session, event.camera_id) if event.camera_id else None
            stored = store_read(session, event, location)
        if not stored:
            log.info("plate read already stored", event_id=str(event.id))
        return stored

    async def __call__(self, event: Event) -> None:
        event = as_event(event, PlateReadEvent)
        if not event.complete:
            log.warning("plate read without camera or text skipped", event_id=str(event.id))
            return
        await asyncio.to_thread(self.store, event)


async def start_consumers(services: Services) -> PlateReadStore:
    """Subscribe the durable `anpr-store` consumer; called from the app's lifespan after the bus starts."""
    handler = PlateReadStore(services.database)
    await services.bus.subscribe(CONSUMER, list(PATTERNS), handler)
    return handler
