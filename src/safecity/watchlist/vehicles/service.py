"""Hotlist CRUD (every change audited in the same transaction) and the matcher over active entries."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.core.audit.actors import Actor as Actor  # the CLI builds its actor from here
from safecity.core.audit.actors import audit_change
from safecity.core.db import get_or_raise
from safecity.core.db import utcnow
from safecity.core.errors import ConflictError
from safecity.core.errors import NotFoundError
from safecity.vision.plates.keys import plate_key
from safecity.watchlist.vehicles.matcher import ActiveEntry
from safecity.watchlist.vehicles.matcher import HotlistMatcher
from safecity.watchlist.vehicles.models import VehicleHotlist
from safecity.watchlist.vehicles.models import VehicleHotlistEntry
from safecity.watchlist.vehicles.schemas import EntryIn
from safecity.watchlist.vehicles.schemas import EntryPatch
from safecity.watchlist.vehicles.schemas import HotlistIn
from safecity.watchlist.vehicles.schemas import HotlistPatch


class HotlistError(Exception):
    """A hotlist operation is not possible (the message says why)."""


class HotlistNotFoundError(HotlistError, NotFoundError):
    pass


class HotlistConflictError(HotlistError, ConflictError):
    pass


HOTLIST = "vehicle_hotlist"  # the audit entries' object type


def list_hotlists(session: Session) -> Sequence[VehicleHotlist]:
    return session.scalars(select(VehicleHotlist).order_by(VehicleHotlist.name)).all()


def get_hotlist(session: Session, hotlist_id: int) -> VehicleHotlist:
    return get_or_raise(
        session, VehicleHotlist, hotlist_id, HotlistNotFoundError(f"no hotlist with id {hotlist_id}")
    )


def hotlist_by_name(session: Session, name: str) -> VehicleHotlist:
    hotlist = session.scalars(select(VehicleHotlist).where(VehicleHotlist.name == name)).first()
    if hotlist is None:
        raise HotlistNotFoundError(f"no hotlist named {name!r}")
    return hotlist


def entry_counts(session: Session) -> dict[int, int]:
    rows = session.execute(
        select(VehicleHotlistEntry.hotlist_id, func.count()).group_by(VehicleHotlistEntry.hotlist_id)
    )
    return {int(hotlist_id): int(count) for hotlist_id, count in rows}


def create_hotlist(session: Session, data: HotlistIn, actor: Actor) -> VehicleHotlist:
    if session.scalars(select(VehicleHotlist.id).where(VehicleHotlist.name == data.name)).first():
        raise HotlistConflictError(f"a hotlist named {data.name!r} exists already")
    hotlist = VehicleHotlist(**data.model_dump(), created_by=actor.username)
    session.add(hotlist)
    session.flush()
    audit_change(session, actor, "hotlist.create", HOTLIST, hotlist.id, data.model_dump(mode="json"))
    return hotlist


def update_hotlist(session: Session, hotlist_id: int, data: HotlistPatch, actor: Actor) -> VehicleHotlist:
    hotlist = get_hotlist(session, hotlist_id)
    changes = data.model_dump(exclude_unset=True, mode="json")
    for name, value in data.model_dump(exclude_unset=True).items():
        setattr(hotlist, name, value)
    session.flush()
    audit_change(session, actor, "hotlist.update", HOTLIST, hotlist.id, {"name": hotlist.name, **changes})
    return hotlist


def delete_hotlist(session: Session, hotlist_id: int, actor: Actor) -> None:
    hotlist = get_hotlist(session, hotlist_id)
    count = entry_counts(session).get(hotlist_id, 0)
    session.delete(hotlist)
    session.flush()
    audit_change(
        session, actor, "hotlist.delete", HOTLIST, hotlist_id, {"name": hotlist.name, "entries": count}
    )


def list_entries(session: Session, hotlist_id: int) -> Sequence[VehicleHotlistEntry]:
    get_hotlist(session, hotlist_id)
    query = select(VehicleHotlistEntry).where(VehicleHotlistEntry.hotlist_id == hotlist_id)
    return session.scalars(query.order_by(VehicleHotlistEntry.plate_key)).all()


def get_entry(session: Session, hotlist_id: int, entry_id: int) -> VehicleHotlistEntry:
    entry = session.get(VehicleHotlistEntry, entry_id)
    if entry is None or entry.hotlist_id != hotlist_id:
        raise HotlistNotFoundError(f"hotlist {hotlist_id} has no entry {entry_id}")
    return entry


def upsert_entry(
    session: Session, hotlist_id: int, data: EntryIn, actor: Actor
) -> tuple[VehicleHotlistEntry, bool]:
    """Add the plate, or update the list's entry with the same key; returns (entry, created)."""
    hotlist = get_hotlist(session, hotlist_id)
    key = plate_key(data.plate).key
    entry = session.scalars(
        select(VehicleHotlistEntry).where(
            VehicleHotlistEntry.hotlist_id == hotlist_id, VehicleHotlistEntry.plate_key == key
        )
    ).first()
    created = entry is None
    if entry is None:
        entry = VehicleHotlistEntry(hotlist_id=hotlist_id, plate_key=key, added_by=actor.username)
        session.add(entry)
    for name, value in data.model_dump().items():
        setattr(entry, name, value)
    session.flush()
    action = "hotlist.entry.create" if created else "hotlist.entry.update"
    audit_change(
        session, actor, action, HOTLIST, entry.id, {"hotlist": hotlist.name, **data.model_dump(mode="json")}
    )
    return entry, created


def update_entry(
    session: Session, hotlist_id: int, entry_id: int, data: EntryPatch, actor: Actor
) -> VehicleHotlistEntry:
    entry = get_entry(session, hotlist_id, entry_id)
    for name, value in data.model_dump(exclude_unset=True).items():
        setattr(entry, name, value)
    session.flush()
    details = {
        "hotlist_id": hotlist_id,
        "plate": entry.plate,
        **data.model_dump(exclude_unset=True, mode="json"),
    }
    audit_change(session, actor, "hotlist.entry.update", HOTLIST, entry.id, details)
    return entry


def delete_entry(session: Session, hotlist_id: int, entry_id: int, actor: Actor) -> None:
    entry = get_entry(session, hotlist_id, entry_id)
    details = {"hotlist_id": hotlist_id, "plate": entry.plate, "case_ref": entry.case_ref}
    session.delete(entry)
    session.flush()
    audit_change(session, actor, "hotlist.entry.delete", HOTLIST, entry_id, details)


def active_entries(session: Session, now: datetime | None = None) -> list[ActiveEntry]:
    """Entries of active lists that have not expired at `now`."""
    moment = now or utcnow()
    rows = session.execute(
        select(VehicleHotlistEntry, VehicleHotlist)
        .join(VehicleHotlist, VehicleHotlist.id == VehicleHotlistEntry.hotlist_id)
        .where(VehicleHotlist.active.is_(True))
        .where((VehicleHotlistEntry.expires_at.is_(None)) | (VehicleHotlistEntry.expires_at > moment))
    )
    return [
        ActiveEntry(
            entry_id=entry.id,
            hotlist_id=hotlist.id,
            list_name=hotlist.name,
            list_kind=hotlist.kind,
            edit_budget=hotlist.edit_budget,
            plate=entry.plate,
            key=entry.plate_key,
            normalized=plate_key(entry.plate).normalized,
            reason=entry.reason,
            case_ref=entry.case_ref,
            vehicle=entry.vehicle,
            expires_at=entry.expires_at,
        )
        for entry, hotlist in rows
    ]


def _version(session: Session) -> tuple[object, ...]:
    """Changes whenever a list or an entry is added, changed or removed."""
    entries = session.execute(
        select(func.count(), func.max(VehicleHotlistEntry.updated_at), func.sum(VehicleHotlistEntry.id))
    ).one()
    lists = session.execute(
        select(func.count(), func.max(VehicleHotlist.updated_at), func.sum(VehicleHotlist.id))
    ).one()
    return (*entries, *lists)


class MatcherCache:
    """The matcher over active entries, rebuilt when the hotlists changed (checked with one cheap query)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version: tuple[object, ...] | None = None
        self._matcher = HotlistMatcher([])

    def get(self, session: Session) -> HotlistMatcher:
        version = _version(session)
        with self._lock:
            if version != self._version:
                self._matcher = HotlistMatcher(active_entries(session, now=None))
                self._version = version
            return self._matcher
