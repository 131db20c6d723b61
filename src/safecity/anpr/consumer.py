"""The `anpr-store` consumer: store every `plate.read` once, match it against the hotlists, publish hits.

Hit events get ids derived from (read event, hotlist entry), so a redelivered read republishes the same
ids and downstream consumers skip them: at-least-once delivery never doubles an alert.
"""

from __future__ import annotations

import asyncio
import uuid
from datetime import datetime

from safecity.anpr.events import PlateReadEvent
from safecity.anpr.keys import read_key
from safecity.anpr.locations import CameraLocations
from safecity.anpr.service import store_read
from safecity.core.bus import Event, EventBus
from safecity.core.db import Database, utcnow
from safecity.core.http.services import Services
from safecity.core.logs import get_logger
from safecity.watchlist.vehicles.events import VehicleHitEvent
from safecity.watchlist.vehicles.matcher import Hit
from safecity.watchlist.vehicles.service import MatcherCache

log = get_logger(__name__)

CONSUMER = "anpr-store"
PATTERNS = ("plate.read",)
_HIT_NAMESPACE = uuid.UUID("5f4e0c8e-3d1b-4b55-9a53-0d2f1c8a7e61")


def hit_event(read: PlateReadEvent, hit: Hit) -> VehicleHitEvent:
    entry = hit.entry
    return VehicleHitEvent(
        id=uuid.uuid5(_HIT_NAMESPACE, f"{read.id}/{entry.entry_id}"),
        time=read.time,
        camera_id=read.camera_id,
        source=CONSUMER,
        hotlist_entry_id=entry.entry_id,
        hotlist_id=entry.hotlist_id,
        list_name=entry.list_name,
        list_kind=entry.list_kind,
        reason=entry.reason,
        case_ref=entry.case_ref,
        vehicle=entry.vehicle,
        entry_plate=entry.plate,
        read_plate=read.text,
        score=hit.score,
        distance=hit.distance,
        read_event_id=str(read.id),
        crop_sha256=read.crop_sha256,
        snapshot_sha256=read.snapshot_sha256,
    )


class PlateReadStore:
    """Handles `plate.read` events: store (idempotent on the event id), then match and publish hits."""

    def __init__(self, database: Database, bus: EventBus, locations: CameraLocations | None = None) -> None:
        self.database = database
        self.bus = bus
        self.locations = locations or CameraLocations()
        self.matchers = MatcherCache()

    def store_and_match(self, event: PlateReadEvent, now: datetime | None = None) -> list[VehicleHitEvent]:
        with self.database.session() as session:
            location = self.locations.locate(session, event.camera_id) if event.camera_id else None
            stored = store_read(session, event, location)
            matcher = self.matchers.get(session)
        keys = read_key(event.text, event.series, event.year, event.number)
        # An entry must be in force both when the vehicle was seen and now: expired entries never match.
        hits = matcher.match(keys, max(now or utcnow(), event.time))
        if not stored:
            log.info("plate read already stored", event_id=str(event.id))
        return [hit_event(event, hit) for hit in hits]

    async def __call__(self, event: Event) -> None:
        if not isinstance(event, PlateReadEvent):
            event = PlateReadEvent.model_validate(event.model_dump())
        if not event.complete:
            log.warning("plate read without camera or text skipped", event_id=str(event.id))
            return
        hits = await asyncio.to_thread(self.store_and_match, event)
        for hit in hits:
            await self.bus.publish(hit)


async def start_consumers(services: Services) -> PlateReadStore:
    """Subscribe the durable `anpr-store` consumer; called from the app's lifespan after the bus starts."""
    handler = PlateReadStore(services.database, services.bus)
    await services.bus.subscribe(CONSUMER, list(PATTERNS), handler)
    return handler
