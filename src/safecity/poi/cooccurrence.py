"""Co-occurrences: who and what was seen at the same camera within minutes of a person of interest.

Anchored on the person's sightings (`poi_sightings`: their vehicles' hotlist hits and their face matches).
For each, two indexed range reads at that camera around that moment: other persons' sightings
(`ix_poi_sightings_camera_id_seen_at`) and every plate read (anpr's read search on
`ix_plate_reads_camera_id_time`), the person's own vehicles left out. Companions are ranked by how many of
their sightings fell in a window.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.anpr.service import ReadQuery
from safecity.anpr.service import search_reads
from safecity.poi.models import Person
from safecity.poi.models import PersonSighting

MAX_ANCHORS = 500  # the person's newest sightings looked around
MAX_PER_WINDOW = 200  # reads or sightings taken from one camera window


@dataclass(slots=True)
class Companion:
    """Another person of interest (`person_id`) or a vehicle (`plate_key`) seen near the person."""

    kind: str
    key: str
    label: str
    person_id: int | None = None
    seen: set[str] = field(default_factory=set)  # ids of its sightings or reads in a window
    cameras: set[str] = field(default_factory=set)
    first_at: datetime | None = None
    last_at: datetime | None = None

    @property
    def count(self) -> int:
        return len(self.seen)

    def add(self, seen_id: str, camera_id: str, at: datetime) -> None:
        self.seen.add(seen_id)
        self.cameras.add(camera_id)
        self.first_at = at if self.first_at is None else min(self.first_at, at)
        self.last_at = at if self.last_at is None else max(self.last_at, at)


def _anchors(session: Session, person: Person, since: datetime | None) -> list[PersonSighting]:
    query = select(PersonSighting).where(
        PersonSighting.person_id == person.id, PersonSighting.camera_id.is_not(None)
    )
    if since is not None:
        query = query.where(PersonSighting.seen_at >= since)
    return list(session.scalars(query.order_by(PersonSighting.seen_at.desc()).limit(MAX_ANCHORS)))


def _persons_near(
    session: Session, person: Person, camera_id: str, start: datetime, end: datetime
) -> Iterable[tuple[PersonSighting, Person]]:
    query = (
        select(PersonSighting, Person)
        .join(Person, Person.id == PersonSighting.person_id)
        .where(
            PersonSighting.camera_id == camera_id,
            PersonSighting.seen_at >= start,
            PersonSighting.seen_at <= end,
            PersonSighting.person_id != person.id,
        )
        .limit(MAX_PER_WINDOW)
    )
    return [(sighting, other) for sighting, other in session.execute(query)]


def cooccurrences(
    session: Session, person: Person, *, window: timedelta, since: datetime | None = None
) -> list[Companion]:
    """Other persons of interest and vehicles seen at the same camera within `window` of one of the
    person's sightings (since `since`), most often first."""
    own_plates = {vehicle.plate_key for vehicle in person.vehicles}
    found: dict[tuple[str, str], Companion] = {}
    for anchor in _anchors(session, person, since):
        camera_id = anchor.camera_id
        assert camera_id is not None  # anchors are sightings at a camera
        start, end = anchor.seen_at - window, anchor.seen_at + window
        for sighting, other in _persons_near(session, person, camera_id, start, end):
            companion = found.setdefault(
                ("person", str(other.id)), Companion("person", str(other.id), other.name, other.id)
            )
            companion.add(f"s{sighting.id}", camera_id, sighting.seen_at)
        reads = search_reads(
            session, ReadQuery(camera_id=camera_id, since=start, until=end, limit=MAX_PER_WINDOW)
        )
        for read in reads:
            if read.plate_key in own_plates:
                continue
            companion = found.setdefault(
                ("vehicle", read.plate_key), Companion("vehicle", read.plate_key, read.text)
            )
            companion.add(f"r{read.id}", camera_id, read.time)
    return sorted(found.values(), key=_strength, reverse=True)


def _strength(companion: Companion) -> tuple[int, float]:
    """Seen together more often first; then seen together more recently."""
    return companion.count, companion.last_at.timestamp() if companion.last_at else 0.0
