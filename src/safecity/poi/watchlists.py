"""What a record puts on the watchlists: its face subject (photos) and its vehicles' hotlist entries.

Both are made and changed through the faces watchlist's and the vehicle hotlists' own services, inside the
caller's transaction. Their `expires_at` is the moment the record stops being in force: the end of its review
date or of its legal basis's last day, whichever comes first, or the moment it lapsed. Both matchers skip
expired rows, so a record leaves the watchlists at that moment even before the review sweep marks it.
"""

from __future__ import annotations

from contextlib import suppress
from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.alerts.sources import PERSON_SUBJECT_PREFIX
from safecity.alerts.sources import PERSONS_HOTLIST
from safecity.core.audit.actors import Actor
from safecity.core.errors import ConflictError
from safecity.faces.vocabulary import SubjectCategory
from safecity.faces.watchlist import service as faces
from safecity.faces.watchlist.schemas import SubjectIn
from safecity.faces.watchlist.schemas import SubjectPatch
from safecity.poi.models import Person
from safecity.poi.models import PersonVehicle
from safecity.poi.vocabulary import PersonStatus
from safecity.watchlist.vehicles import service as hotlists
from safecity.watchlist.vehicles.models import VehicleHotlist
from safecity.watchlist.vehicles.schemas import EntryIn
from safecity.watchlist.vehicles.schemas import HotlistIn
from safecity.watchlist.vehicles.vocabulary import HotlistKind

FACE_CATEGORY = {
    PersonStatus.WANTED: SubjectCategory.WANTED,
    PersonStatus.PROCLAIMED_OFFENDER: SubjectCategory.WANTED,
    PersonStatus.MISSING: SubjectCategory.MISSING,
    PersonStatus.SUSPECT: SubjectCategory.SUSPECT,
    PersonStatus.RELEASED: SubjectCategory.PERSON_OF_INTEREST,
}


def _end_of(day: date) -> datetime:
    """A date means "through that day" (UTC), as for every watchlist expiry."""
    return datetime.combine(day + timedelta(days=1), time(), UTC)


def in_force_until(person: Person) -> datetime:
    """When the record leaves the watchlists: its review date's or legal basis's end, or when it lapsed."""
    ends = [_end_of(person.review_date)]
    if person.legal_basis_expires is not None:
        ends.append(_end_of(person.legal_basis_expires))
    if not person.on_watchlists and person.lapsed_at is not None:
        ends.append(person.lapsed_at)
    return min(ends)


def is_due(person: Person, today: date) -> bool:
    """Past its review date or its legal basis's last day."""
    expired = person.legal_basis_expires is not None and person.legal_basis_expires < today
    return person.review_date < today or expired


def fir_label(person: Person) -> str:
    """`FIR 123/2026 Model Town` (the first FIR), or the legal basis when the record has no FIR."""
    if person.firs:
        return f"FIR {person.firs[0].number} {person.firs[0].police_station}"
    return person.legal_basis


def listing_reason(person: Person) -> str:
    return f"{PersonStatus(person.status).label} {person.name} (person of interest #{person.id})"


def subject_id_of(person: Person) -> str:
    return f"{PERSON_SUBJECT_PREFIX}{person.id}"


def _subject_fields(person: Person) -> dict[str, object]:
    return {
        "name": person.name,
        "category": FACE_CATEGORY[PersonStatus(person.status)],
        "case_ref": fir_label(person)[:128],
        "legal_authority": person.legal_basis[:500],
        "reason": listing_reason(person),
        "expires_at": in_force_until(person),
    }


def ensure_face_subject(session: Session, person: Person, actor: Actor) -> str:
    """The person's face watchlist subject, made on the first photo."""
    if person.face_subject_id is None:
        subject = faces.create_subject(
            session, SubjectIn.model_validate({"id": subject_id_of(person), **_subject_fields(person)}), actor
        )
        person.face_subject_id = subject.id
        session.flush()
    return person.face_subject_id


def persons_hotlist(session: Session, actor: Actor) -> VehicleHotlist:
    """The hotlist the records' vehicles are listed on, made on first use. Its name is what the alerts
    domain recognises: hits on it are the register's to raise (`alerts.sources`)."""
    try:
        return hotlists.hotlist_by_name(session, PERSONS_HOTLIST)
    except hotlists.HotlistNotFoundError:
        description = "Vehicles of persons of interest; managed from their records (/api/v1/persons)."
        data = HotlistIn(name=PERSONS_HOTLIST, kind=HotlistKind.WANTED, description=description)
        return hotlists.create_hotlist(session, data, actor)


def _entry(person: Person, vehicle: PersonVehicle) -> EntryIn:
    described = " ".join(part for part in (vehicle.colour, vehicle.make) if part)
    return EntryIn(
        plate=vehicle.plate,
        reason=listing_reason(person),
        case_ref=fir_label(person)[:128],
        vehicle=described[:200],
        expires_at=in_force_until(person),
    )


def list_vehicle(session: Session, person: Person, vehicle: PersonVehicle, actor: Actor) -> None:
    """Put (or keep) the vehicle on the persons-of-interest hotlist, linked both ways."""
    listing = persons_hotlist(session, actor)
    entry, _ = hotlists.upsert_entry(session, listing.id, _entry(person, vehicle), actor)
    holder = session.scalars(
        select(PersonVehicle).where(
            PersonVehicle.hotlist_entry_id == entry.id, PersonVehicle.id != vehicle.id
        )
    ).first()
    if holder is not None:
        raise ConflictError(
            f"plate {vehicle.plate} is already listed for person of interest #{holder.person_id}"
        )
    vehicle.hotlist_entry_id = entry.id
    session.flush()


def unlist_vehicle(session: Session, vehicle: PersonVehicle, actor: Actor) -> None:
    if vehicle.hotlist_entry_id is None:
        return
    listing = persons_hotlist(session, actor)
    with suppress(hotlists.HotlistNotFoundError):  # removed from the hotlist by hand already
        hotlists.delete_entry(session, listing.id, vehicle.hotlist_entry_id, actor)
    vehicle.hotlist_entry_id = None
    session.flush()


def sync_watchlists(session: Session, person: Person, actor: Actor) -> None:
    """Bring the face subject and every hotlist entry in line with the record (name, status, legal basis,
    in force until)."""
    if person.face_subject_id is not None:
        faces.update_subject(
            session, person.face_subject_id, SubjectPatch.model_validate(_subject_fields(person)), actor
        )
    for vehicle in person.vehicles:
        list_vehicle(session, person, vehicle, actor)
