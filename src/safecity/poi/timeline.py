"""Everything known about a person, oldest first: record changes, their vehicles' plate reads and hotlist
hits, their face subject's matches (face candidates and what people decided), linked incidents and cases.

Each part is read through its own domain's service: anpr's read search, the face watchlist's candidates,
dispatch's incidents, the evidence vault's cases.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.anpr.patterns import PlatePattern
from safecity.anpr.service import ReadQuery
from safecity.anpr.service import search_reads
from safecity.core.errors import NotFoundError
from safecity.dispatch.incidents import get_incident
from safecity.evidence.vault import find_case
from safecity.faces.watchlist.candidates import list_candidates
from safecity.poi.history import changes_of
from safecity.poi.models import Person
from safecity.poi.models import PersonSighting
from safecity.poi.schemas import TimelineEntryOut
from safecity.poi.vocabulary import LinkKind
from safecity.poi.vocabulary import SightingKind

PER_SOURCE = 500  # the newest this many of each kind (plate reads, face matches, hits)

_ACTIONS = {
    "person.create": "Record created",
    "person.update": "Record changed",
    "person.lapse": "Off the watchlists (review due)",
    "person.renew": "Renewed after review",
    "person.photo.add": "Photo added",
    "person.photo.remove": "Photo removed",
    "person.vehicle.add": "Vehicle added",
    "person.vehicle.remove": "Vehicle removed",
    "person.link.add": "Linked",
}


def _changes(session: Session, person: Person) -> list[TimelineEntryOut]:
    return [
        TimelineEntryOut(
            at=change.at,
            kind="change",
            title=_ACTIONS.get(change.action, change.action)
            + (f": {change.reason}" if change.reason else ""),
            details={
                "actor": change.actor,
                "action": change.action,
                "before": change.before,
                "after": change.after,
            },
        )
        for change in changes_of(session, person.id)
    ]


def _hotlist_hits(session: Session, person: Person) -> list[TimelineEntryOut]:
    query = (
        select(PersonSighting)
        .where(PersonSighting.person_id == person.id, PersonSighting.kind == SightingKind.PLATE.value)
        .order_by(PersonSighting.seen_at.desc())
        .limit(PER_SOURCE)
    )
    return [
        TimelineEntryOut(
            at=hit.seen_at,
            kind="hotlist_hit",
            title=f"Hotlist hit: {hit.details.get('seen')} at {hit.details.get('place')}",
            camera_id=hit.camera_id,
            ref=hit.source_event_id,
            details=dict(hit.details),
        )
        for hit in session.scalars(query)
    ]


def _plate_reads(session: Session, person: Person) -> list[TimelineEntryOut]:
    entries = []
    for vehicle in person.vehicles:
        reads = search_reads(
            session, ReadQuery(pattern=PlatePattern(vehicle.plate_key, None), limit=PER_SOURCE)
        )
        entries += [
            TimelineEntryOut(
                at=read.time,
                kind="plate_read",
                title=f"Plate {read.text} read",
                camera_id=read.camera_id,
                ref=read.event_id,
                details={
                    "plate": vehicle.plate,
                    "confidence": read.confidence,
                    "crop_sha256": read.crop_sha256,
                },
            )
            for read in reads
        ]
    return entries


def _face_matches(session: Session, person: Person) -> list[TimelineEntryOut]:
    if person.face_subject_id is None:
        return []
    return [
        TimelineEntryOut(
            at=candidate.seen_at,
            kind="face_match",
            title=f"Face match (score {candidate.score:.2f}, {candidate.status})",
            camera_id=candidate.camera_id,
            ref=candidate.event_id,
            details={
                "candidate_id": candidate.id,
                "status": candidate.status,
                "probe_sha256": candidate.probe_sha256,
            },
        )
        for candidate in list_candidates(session, subject_id=person.face_subject_id, limit=PER_SOURCE)
    ]


def _linked(session: Session, person: Person) -> list[TimelineEntryOut]:
    entries = []
    for link in person.links:
        if link.kind == LinkKind.INCIDENT.value:
            try:
                incident = get_incident(session, int(link.ref))
            except NotFoundError:
                continue
            title = f"Incident {incident.id}: {incident.title} ({incident.status})"
            entries.append(
                TimelineEntryOut(at=incident.received_at, kind="incident", title=title, ref=link.ref)
            )
        elif (case := find_case(session, link.ref)) is not None:
            title = f"Case {case.reference}: {case.title} ({case.status})"
            entries.append(TimelineEntryOut(at=case.created_at, kind="case", title=title, ref=case.reference))
    return entries


def timeline(session: Session, person: Person) -> list[TimelineEntryOut]:
    entries = [
        *_changes(session, person),
        *_plate_reads(session, person),
        *_hotlist_hits(session, person),
        *_face_matches(session, person),
        *_linked(session, person),
    ]
    return sorted(entries, key=lambda entry: entry.at)
