"""Merging two records of one person: the survivor takes the other's names, FIRs, vehicles, links,
sightings, history and photos; the other is kept, marked merged into the survivor and off the watchlists.

`merge_records` does everything the database holds in the caller's transaction, with one audit entry and a
change-history row on each record. Photos live on face watchlist subjects: when only the other record has
one, the subject itself moves to the survivor; when both have one, `copy_photos` (after the commit)
enrols the other's photos on the survivor's subject. The other's subject stays, expired with its record
(`watchlists.in_force_until`): it raises no alert, and its past face matches stay for audit.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session

from safecity.core.audit.actors import Actor
from safecity.core.audit.actors import audit_change
from safecity.core.clock import Clock
from safecity.core.db import Database
from safecity.core.errors import InvalidInputError
from safecity.core.errors import NotFoundError
from safecity.faces.watchlist.runtime import FaceWatchlist
from safecity.poi import photos
from safecity.poi.history import PERSON
from safecity.poi.history import changed_fields
from safecity.poi.history import record_change
from safecity.poi.history import snapshot
from safecity.poi.models import Person
from safecity.poi.models import PersonAlias
from safecity.poi.models import PersonChange
from safecity.poi.models import PersonFir
from safecity.poi.models import PersonLink
from safecity.poi.models import PersonPhoto
from safecity.poi.models import PersonSighting
from safecity.poi.models import PersonVehicle
from safecity.poi.records import get_person
from safecity.poi.watchlists import sync_watchlists


@dataclass(slots=True)
class MergeResult:
    survivor_id: int
    merged_id: int
    moved: dict[str, int] = field(default_factory=dict)
    # When both records had a face subject: the other's photos still to enrol on the survivor's.
    photos_to_copy: list[int] = field(default_factory=list)


def _other(session: Session, survivor: Person, other_id: int) -> Person:
    if other_id == survivor.id:
        raise InvalidInputError("a record cannot be merged into itself", field="other_id")
    try:
        other = get_person(session, other_id)
    except NotFoundError as exc:
        raise InvalidInputError(f"no person of interest {other_id}", field="other_id") from exc
    if other.merged_into_id is not None:
        raise InvalidInputError(
            f"record {other_id} was already merged into #{other.merged_into_id}", field="other_id"
        )
    return other


def _names(survivor: Person, other: Person) -> int:
    known = {survivor.name, *(alias.name for alias in survivor.aliases)}
    new = [name for name in (other.name, *(alias.name for alias in other.aliases)) if name not in known]
    survivor.aliases.extend(PersonAlias(name=name) for name in dict.fromkeys(new))
    return len(new)


def _firs(survivor: Person, other: Person) -> int:
    known = {(fir.number, fir.police_station) for fir in survivor.firs}
    new = [fir for fir in other.firs if (fir.number, fir.police_station) not in known]
    survivor.firs.extend(PersonFir(number=fir.number, police_station=fir.police_station) for fir in new)
    return len(new)


def _identity(survivor: Person, other: Person) -> None:
    """What the survivor lacks and the other knows: father's name, date of birth, gender, CNIC."""
    if not survivor.father_name:
        survivor.father_name = other.father_name
    survivor.date_of_birth = survivor.date_of_birth or other.date_of_birth
    survivor.gender = survivor.gender or other.gender
    if survivor.cnic_hash is None and other.cnic_hash is not None:
        survivor.cnic_sealed, survivor.cnic_hash = other.cnic_sealed, other.cnic_hash


def _drop_duplicate_links(session: Session, survivor: Person, other: Person) -> None:
    known = {(link.kind, link.ref) for link in survivor.links}
    for link in [link for link in other.links if (link.kind, link.ref) in known]:
        other.links.remove(link)
    session.flush()


def _subject(session: Session, survivor: Person, other: Person, result: MergeResult) -> bool:
    """Whether the other's photos move with its face subject (the survivor has none of its own)."""
    if other.face_subject_id is None:
        return False
    if survivor.face_subject_id is None:
        subject_id, other.face_subject_id = other.face_subject_id, None
        session.flush()
        survivor.face_subject_id = subject_id
        return True
    result.photos_to_copy = [photo.id for photo in other.photos]
    return False


Moved = type[PersonSighting | PersonChange | PersonVehicle | PersonLink | PersonPhoto]


def _rows(session: Session, model: Moved, survivor: Person, other: Person) -> int:
    """Re-point the other's rows of `model` at the survivor; how many."""
    moved = session.execute(update(model).where(model.person_id == other.id).values(person_id=survivor.id))
    return int(getattr(moved, "rowcount", 0) or 0)


def _history(
    session: Session, person: Person, action: str, actor: Actor, now: datetime, reason: str, before: Any
) -> None:
    """The merge's row in a record's history (the merge itself is audited once, as a whole)."""
    old, new = changed_fields(before, snapshot(person))
    record_change(session, person, action, actor, now, reason=reason, before=old, after=new, audited=False)


def merge_records(
    session: Session, survivor_id: int, other_id: int, reason: str, actor: Actor, now: datetime
) -> MergeResult:
    survivor = get_person(session, survivor_id)
    if survivor.merged_into_id is not None:
        raise InvalidInputError(
            f"record {survivor_id} was merged into #{survivor.merged_into_id}; merge into that one",
            field="person_id",
        )
    other = _other(session, survivor, other_id)
    survivor_before, other_before = snapshot(survivor), snapshot(other)
    result = MergeResult(survivor.id, other.id)
    result.moved = {
        "history": _rows(session, PersonChange, survivor, other),
        "sightings": _rows(session, PersonSighting, survivor, other),
        "aliases": _names(survivor, other),
        "firs": _firs(survivor, other),
    }
    _drop_duplicate_links(session, survivor, other)
    photos_move = _subject(session, survivor, other, result)
    result.moved["links"] = _rows(session, PersonLink, survivor, other)
    result.moved["vehicles"] = _rows(session, PersonVehicle, survivor, other)
    result.moved["photos"] = _rows(session, PersonPhoto, survivor, other) if photos_move else 0
    for person in (survivor, other):
        session.expire(person, ["links", "vehicles", "photos"])
    _identity(survivor, other)
    other.merged_into_id, other.merged_at = survivor.id, now
    other.on_watchlists, other.lapsed_at = False, now
    survivor.updated_at = other.updated_at = now
    session.flush()
    sync_watchlists(session, survivor, actor)
    sync_watchlists(session, other, actor)  # its face subject, if it kept one, expires now
    _history(session, survivor, "person.merge", actor, now, reason, survivor_before)
    _history(session, other, "person.merged_into", actor, now, reason, other_before)
    session.flush()
    details = {"reason": reason, "survivor": survivor.id, "merged": other.id, "moved": result.moved}
    audit_change(session, actor, "person.merge", PERSON, survivor.id, details)
    return result


def copy_photos(
    database: Database, watchlist: FaceWatchlist, result: MergeResult, actor: Actor, clock: Clock
) -> int:
    """Enrol the merged record's photos on the survivor's face subject; returns how many."""
    with database.session() as session:
        pending = [session.get_one(PersonPhoto, photo_id).sha256 for photo_id in result.photos_to_copy]
    for sha256 in pending:
        data = watchlist.media.read_bytes(sha256)
        suffix = watchlist.media.path(sha256).suffix or ".jpg"
        photos.add_photo(database, watchlist, result.survivor_id, data, actor, clock, suffix=suffix)
    return len(pending)
