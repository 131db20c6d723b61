"""The `hotlist-match` consumer: match every `plate.read` against the hotlists and publish the hits.

Hit events get ids derived from (read event, hotlist entry), so a redelivered read republishes the same
ids and downstream consumers skip them: at-least-once delivery never doubles an alert.
"""

from __future__ import annotations

import asyncio
import uuid
from datetime import datetime

from safecity.anpr.events import PlateReadEvent
from safecity.core.bus import Event
from safecity.core.bus import EventBus
from safecity.core.bus import as_event
from safecity.core.db import Database
from safecity.core.db import utcnow
from safecity.watchlist.vehicles.events import VehicleHitEvent
from safecity.watchlist.vehicles.matcher import Hit
from safecity.watchlist.vehicles.service import MatcherCache

CONSUMER = "hotlist-match"
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


class HotlistConsumer:
    """Handles `plate.read` events: the hotlist entries the read matches become `watchlist.vehicle_hit`s."""

    def __init__(self, database: Database, bus: EventBus) -> None:
        self.database = database
        self.bus = bus
        self.matchers = MatcherCache()

    def hits_for(self, event: PlateReadEvent, now: datetime | None = None) -> list[VehicleHitEvent]:
        with self.database.session() as session:
            matcher = self.matchers.get(session)
        keys = event.plate_key()
        # An entry must be in force both when the vehicle was seen and now: expired entries never match.
        hits = matcher.match(keys, max(now or utcnow(), event.time))
        return [hit_event(event, hit) for hit in hits]

    async def __call__(self, event: Event) -> None:
        event = as_event(event, PlateReadEvent)
        if not event.complete:
            return  # the anpr-store consumer logs it
        for hit in await asyncio.to_thread(self.hits_for, event):
            await self.bus.publish(hit)


async def start_consumer(database: Database, bus: EventBus) -> HotlistConsumer:
    """Subscribe the durable `hotlist-match` consumer; called from the app's lifespan after the bus starts."""
    handler = HotlistConsumer(database, bus)
    await bus.subscribe(CONSUMER, list(PATTERNS), handler)
    return handler
