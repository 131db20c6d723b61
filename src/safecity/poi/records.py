"""Persons of interest: create, change with a reason, list, vehicles and links. Every function works in the
caller's transaction and records the change (history row + audit entry) there.

Reusable by importers and merges: `create_person` takes the same `PersonIn` the API does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from datetime import datetime
from typing import TypeVar

from sqlalchemy import ColumnElement
from sqlalchemy import Select
from sqlalchemy import exists
from sqlalchemy import func
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.core.audit.actors import Actor
from safecity.core.cnic import format_cnic
from safecity.core.cnic import mask_cnic
from safecity.core.db import get_or_raise
from safecity.core.errors import ConflictError
from safecity.core.errors import InvalidInputError
from safecity.core.errors import NotFoundError
from safecity.dispatch.incidents import get_incident
from safecity.evidence.vault import find_case
from safecity.poi.history import record_change
from safecity.poi.history import record_edit
from safecity.poi.history import snapshot
from safecity.poi.identity import IdentityCipher
from safecity.poi.models import Person
from safecity.poi.models import PersonAlias
from safecity.poi.models import PersonFir
from safecity.poi.models import PersonLink
from safecity.poi.models import PersonVehicle
from safecity.poi.schemas import FirIn
from safecity.poi.schemas import LinkIn
from safecity.poi.schemas import PersonIn
from safecity.poi.schemas import PersonPatch
from safecity.poi.schemas import VehicleIn
from safecity.poi.vocabulary import LinkKind
from safecity.poi.vocabulary import PersonStatus
from safecity.poi.watchlists import list_vehicle
from safecity.poi.watchlists import sync_watchlists
from safecity.poi.watchlists import unlist_vehicle
from safecity.vision.plates.keys import plate_key

T = TypeVar("T")


class PersonNotFoundError(NotFoundError):
    pass


def get_person(session: Session, person_id: int) -> Person:
    return get_or_raise(session, Person, person_id, PersonNotFoundError(f"no person of interest {person_id}"))


def live_person(session: Session, person_id: int) -> Person:
    """A record that can still change: not merged into another (409 naming the survivor)."""
    person = get_person(session, person_id)
    if person.merged_into_id is not None:
        raise ConflictError(
            f"record {person_id} was merged into #{person.merged_into_id}; change that record instead"
        )
    return person


def check_dates(today: date, *, legal_basis_expires: date | None, review_date: date | None) -> None:
    """A legal basis that already ended, or a review date already past, cannot put anyone on a watchlist."""
    if legal_basis_expires is not None and legal_basis_expires < today:
        raise InvalidInputError(
            f"the legal basis expired on {legal_basis_expires.isoformat()}", field="legal_basis_expires"
        )
    if review_date is not None and review_date < today:
        raise InvalidInputError(f"the review date {review_date.isoformat()} is past", field="review_date")


def _set_identity(person: Person, cnic: str | None, cipher: IdentityCipher) -> None:
    person.cnic_sealed = cipher.seal(cnic) if cnic else None
    person.cnic_hash = cipher.lookup_hash(cnic) if cnic else None


def _set_names(person: Person, aliases: Sequence[str]) -> None:
    person.aliases = [PersonAlias(name=name) for name in aliases if name != person.name]


def _set_firs(person: Person, firs: Sequence[FirIn]) -> None:
    person.firs = [PersonFir(number=fir.number, police_station=fir.police_station) for fir in firs]


def create_person(
    session: Session, data: PersonIn, actor: Actor, cipher: IdentityCipher, now: datetime
) -> Person:
    check_dates(now.date(), legal_basis_expires=data.legal_basis_expires, review_date=data.review_date)
    person = Person(
        name=data.name,
        father_name=data.father_name.strip(),
        date_of_birth=data.date_of_birth,
        gender=data.gender.value if data.gender else None,
        status=data.status.value,
        legal_basis=data.legal_basis,
        legal_basis_expires=data.legal_basis_expires,
        review_date=data.review_date,
        notes=data.notes,
        on_watchlists=True,
        created_by=actor.username,
        created_at=now,
        updated_at=now,
    )
    _set_identity(person, data.cnic, cipher)
    _set_names(person, data.aliases)
    _set_firs(person, data.firs)
    session.add(person)
    session.flush()
    record_change(session, person, "person.create", actor, now, after=snapshot(person))
    return person


def update_person(
    session: Session,
    person_id: int,
    patch: PersonPatch,
    actor: Actor,
    cipher: IdentityCipher,
    now: datetime,
) -> Person:
    """Change the fields sent; the reason and the fields before and after go into the history."""
    person = live_person(session, person_id)
    changes = patch.changes()
    check_dates(
        now.date(),
        legal_basis_expires=changes.get("legal_basis_expires"),
        review_date=changes.get("review_date"),
    )
    before = snapshot(person)
    for name in ("name", "date_of_birth", "legal_basis", "legal_basis_expires", "review_date"):
        if name in changes:
            setattr(person, name, changes[name])
    for name in ("father_name", "notes"):  # null clears them
        if name in changes:
            setattr(person, name, (changes[name] or "").strip())
    if "gender" in changes:
        person.gender = changes["gender"].value if changes["gender"] else None
    if "status" in changes:
        person.status = PersonStatus(changes["status"]).value
    if "cnic" in changes:
        _set_identity(person, changes["cnic"] or None, cipher)
    if "aliases" in changes or "name" in changes:
        _set_names(person, changes.get("aliases", [alias.name for alias in person.aliases]))
    if patch.firs is not None:
        _set_firs(person, patch.firs)
    record_edit(session, person, "person.update", actor, now, reason=patch.reason, before=before)
    sync_watchlists(session, person, actor)
    return person


@dataclass(frozen=True, slots=True)
class PersonFilter:
    q: str | None = None
    status: PersonStatus | None = None
    station: str | None = None
    has_vehicle: bool | None = None
    review_due: bool | None = None  # past the review date or the legal basis on `today`
    today: date | None = None
    face_subject_id: str | None = None
    hotlist_entry_id: int | None = None


def _due(today: date) -> ColumnElement[bool]:
    return or_(Person.review_date < today, Person.legal_basis_expires < today)


def _filtered(query: Select[T], wanted: PersonFilter) -> Select[T]:
    query = query.where(Person.merged_into_id.is_(None))  # a merged record is read through its survivor
    if wanted.q:
        pattern = f"%{wanted.q.strip().lower()}%"
        alias = exists().where(PersonAlias.person_id == Person.id, func.lower(PersonAlias.name).like(pattern))
        query = query.where(or_(func.lower(Person.name).like(pattern), alias))
    if wanted.status is not None:
        query = query.where(Person.status == wanted.status.value)
    if wanted.station:
        station = func.lower(PersonFir.police_station) == wanted.station.strip().lower()
        query = query.where(exists().where(PersonFir.person_id == Person.id, station))
    if wanted.has_vehicle is not None:
        vehicle = exists().where(PersonVehicle.person_id == Person.id)
        query = query.where(vehicle if wanted.has_vehicle else ~vehicle)
    if wanted.review_due is not None and wanted.today is not None:
        due = _due(wanted.today)
        query = query.where(due if wanted.review_due else ~due)
    if wanted.face_subject_id is not None:
        query = query.where(Person.face_subject_id == wanted.face_subject_id)
    if wanted.hotlist_entry_id is not None:
        entry = PersonVehicle.hotlist_entry_id == wanted.hotlist_entry_id
        query = query.where(exists().where(PersonVehicle.person_id == Person.id, entry))
    return query


def list_persons(
    session: Session, wanted: PersonFilter, *, limit: int, offset: int
) -> tuple[list[Person], int]:
    """One page of the records matching the filters (newest change first) and how many match in all."""
    total = session.scalar(_filtered(select(func.count(Person.id)), wanted)) or 0
    query = _filtered(select(Person), wanted).order_by(Person.updated_at.desc(), Person.id.desc())
    return list(session.scalars(query.limit(limit).offset(offset))), int(total)


def find_by_cnic(session: Session, cnic: str, cipher: IdentityCipher) -> list[Person]:
    """Records with exactly this CNIC (by its keyed hash; nothing is decrypted)."""
    query = select(Person).where(Person.cnic_hash == cipher.lookup_hash(cnic)).order_by(Person.id)
    return list(session.scalars(query))


def masked_cnic(person: Person, cipher: IdentityCipher) -> str | None:
    return mask_cnic(cipher.open(person.cnic_sealed)) if person.cnic_sealed else None


def revealed_cnic(person: Person, cipher: IdentityCipher) -> str | None:
    return format_cnic(cipher.open(person.cnic_sealed)) if person.cnic_sealed else None


def add_vehicle(
    session: Session, person_id: int, data: VehicleIn, actor: Actor, now: datetime
) -> PersonVehicle:
    person = live_person(session, person_id)
    key = plate_key(data.plate).key
    if any(vehicle.plate_key == key for vehicle in person.vehicles):
        raise ConflictError(f"plate {data.plate} is already on record {person_id}")
    vehicle = PersonVehicle(
        person_id=person.id,
        plate=data.plate,
        plate_key=key,
        make=data.make.strip(),
        colour=data.colour.strip(),
        note=data.note.strip(),
        added_by=actor.username,
        created_at=now,
    )
    person.vehicles.append(vehicle)
    session.flush()
    list_vehicle(session, person, vehicle, actor)
    after = {"plate": vehicle.plate, "make": vehicle.make, "colour": vehicle.colour, "note": vehicle.note}
    record_change(session, person, "person.vehicle.add", actor, now, after=after)
    return vehicle


def remove_vehicle(session: Session, person_id: int, vehicle_id: int, actor: Actor, now: datetime) -> None:
    person = get_person(session, person_id)
    vehicle = next((v for v in person.vehicles if v.id == vehicle_id), None)
    if vehicle is None:
        raise PersonNotFoundError(f"person of interest {person_id} has no vehicle {vehicle_id}")
    unlist_vehicle(session, vehicle, actor)
    person.vehicles.remove(vehicle)
    session.flush()
    record_change(session, person, "person.vehicle.remove", actor, now, before={"plate": vehicle.plate})


def add_link(session: Session, person_id: int, data: LinkIn, actor: Actor, now: datetime) -> PersonLink:
    """Link an incident (by id) or an evidence case (by reference or id); an unknown one is a 422 on `ref`."""
    person = live_person(session, person_id)
    ref = data.ref.strip()
    if data.kind is LinkKind.INCIDENT:
        if not ref.isdigit():
            raise InvalidInputError("an incident is linked by its id (a number)", field="ref")
        try:
            get_incident(session, int(ref))
        except NotFoundError as exc:
            raise InvalidInputError(f"no incident {ref}", field="ref") from exc
    elif (case := find_case(session, ref)) is None:
        raise InvalidInputError(f"no evidence case with reference or id {ref!r}", field="ref")
    else:
        ref = case.reference
    if any(link.kind == data.kind.value and link.ref == ref for link in person.links):
        raise ConflictError(f"record {person_id} is already linked to {data.kind.value} {ref}")
    link = PersonLink(
        person_id=person.id, kind=data.kind.value, ref=ref, added_by=actor.username, created_at=now
    )
    person.links.append(link)
    session.flush()
    record_change(session, person, "person.link.add", actor, now, after={"kind": link.kind, "ref": link.ref})
    return link


def person_of_subject(session: Session, subject_id: str) -> Person | None:
    """The record whose face watchlist subject this is."""
    return session.scalars(select(Person).where(Person.face_subject_id == subject_id)).first()


def person_of_hotlist_entry(session: Session, entry_id: int) -> Person | None:
    """The record whose vehicle this hotlist entry lists."""
    query = select(Person).join(PersonVehicle).where(PersonVehicle.hotlist_entry_id == entry_id)
    return session.scalars(query).first()
