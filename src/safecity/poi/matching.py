"""The `poi-match` consumer: a hotlist hit of a person's vehicle or a face candidate of a person's face
subject becomes a `poi.sighting` naming the person, their status and FIR, what was seen and where.

Stored as the person's sighting (timeline, co-occurrences) in the same transaction. The published event's
id is derived from the source event's, so a redelivered hit publishes the same id and the alerts consumer
skips it.
"""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.cameras.service import CameraNotFoundError
from safecity.cameras.service import get_camera
from safecity.core.bus import Event
from safecity.core.bus import EventBus
from safecity.core.bus import as_event
from safecity.core.db import Database
from safecity.faces.watchlist.events import FaceCandidateEvent
from safecity.poi.events import PersonSightingEvent
from safecity.poi.models import Person
from safecity.poi.models import PersonSighting
from safecity.poi.records import person_of_hotlist_entry
from safecity.poi.records import person_of_subject
from safecity.poi.vocabulary import PersonStatus
from safecity.poi.vocabulary import SightingKind
from safecity.poi.watchlists import fir_label
from safecity.watchlist.vehicles.events import VehicleHitEvent

CONSUMER = "poi-match"
PATTERNS = ("watchlist.vehicle_hit", "face.candidate")
_SIGHTING_NAMESPACE = uuid.UUID("3c8a6f0e-8d0e-4a51-b7c2-6e1f4f2d9a10")


def place_of(session: Session, camera_id: str | None) -> str:
    """The camera's name (where it was seen), else its id."""
    if not camera_id:
        return "an unknown camera"
    try:
        return get_camera(session, camera_id).name or camera_id
    except CameraNotFoundError:
        return camera_id


def headline(person: Person, seen: str, place: str) -> str:
    """`Proclaimed offender Imran Khan (FIR 123/2026 Model Town) — plate LEA-1234 seen at Mall Road`"""
    return f"{PersonStatus(person.status).label} {person.name} ({fir_label(person)}) — {seen} seen at {place}"


@dataclass(frozen=True, slots=True)
class Seen:
    """Whom a watchlist hit is of and what was seen."""

    person: Person
    kind: SightingKind
    what: str
    plate: str = ""
    crop_sha256: str | None = None
    snapshot_sha256: str | None = None


def seen_in(session: Session, event: Event) -> Seen | None:
    """The person of interest a hotlist hit or face candidate is of; None when it is not of one."""
    if event.type == "watchlist.vehicle_hit":
        hit = as_event(event, VehicleHitEvent)
        person = person_of_hotlist_entry(session, hit.hotlist_entry_id)
        if person is None:
            return None
        return Seen(
            person,
            SightingKind.PLATE,
            f"plate {hit.entry_plate}",
            hit.entry_plate,
            hit.crop_sha256,
            hit.snapshot_sha256,
        )
    candidate = as_event(event, FaceCandidateEvent)
    person = person_of_subject(session, candidate.subject_id)
    if person is None:
        return None
    what = f"face (score {candidate.score:.2f}, awaiting two-person confirmation)"
    return Seen(person, SightingKind.FACE, what, crop_sha256=candidate.probe_sha256)


def sighting_event(event: Event, seen: Seen, place: str) -> PersonSightingEvent:
    person = seen.person
    return PersonSightingEvent(
        id=uuid.uuid5(_SIGHTING_NAMESPACE, str(event.id)),
        time=event.time,
        camera_id=event.camera_id,
        source=CONSUMER,
        person_id=person.id,
        person_name=person.name,
        status=person.status,
        category=person.status,
        sighting=seen.kind.value,
        headline=headline(person, seen.what, place)[:300],
        plate=seen.plate,
        place=place,
        source_event_id=str(event.id),
        crop_sha256=seen.crop_sha256,
        snapshot_sha256=seen.snapshot_sha256,
    )


class PersonMatcher:
    def __init__(self, database: Database, bus: EventBus) -> None:
        self.database = database
        self.bus = bus

    def sighting_for(self, event: Event) -> PersonSightingEvent | None:
        """Store the sighting and return its event, or None when the hit is not of a person on record."""
        with self.database.session() as session:
            seen = seen_in(session, event)
            if seen is None or not seen.person.on_watchlists:
                return None  # a lapsed record's entries have expired; a hit racing the lapse is dropped
            place = place_of(session, event.camera_id)
            published = sighting_event(event, seen, place)
            already = select(PersonSighting.id).where(PersonSighting.source_event_id == str(event.id))
            if session.scalars(already).first() is None:
                details = {"seen": seen.what, "plate": seen.plate, "place": place, "event": str(published.id)}
                session.add(
                    PersonSighting(
                        person_id=seen.person.id,
                        kind=seen.kind.value,
                        camera_id=event.camera_id,
                        seen_at=event.time,
                        source_event_id=str(event.id),
                        details=details,
                    )
                )
            return published

    async def __call__(self, event: Event) -> None:
        sighting = await asyncio.to_thread(self.sighting_for, event)
        if sighting is not None:
            await self.bus.publish(sighting)


async def start_matching(database: Database, bus: EventBus) -> PersonMatcher:
    """Subscribe the durable `poi-match` consumer; called from the app's lifespan after the bus starts."""
    handler = PersonMatcher(database, bus)
    await bus.subscribe(CONSUMER, list(PATTERNS), handler)
    return handler
