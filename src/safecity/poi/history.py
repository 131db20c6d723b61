"""Every change to a record: a row of the person's change history and an audit entry, in one transaction.

Snapshots never hold the CNIC: only whether one is recorded and a short prefix of its keyed hash, so a
history can say "the CNIC changed" without the digits ever reaching the database in clear.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.core.audit.actors import Actor
from safecity.core.audit.actors import audit_change
from safecity.poi.models import Person
from safecity.poi.models import PersonChange

PERSON = "person_of_interest"  # the audit entries' object type
HASH_SHOWN = 12


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date | datetime) else value


def snapshot(person: Person) -> dict[str, Any]:
    """The record's fields as the history keeps them."""
    return {
        "name": person.name,
        "aliases": [alias.name for alias in person.aliases],
        "father_name": person.father_name,
        "date_of_birth": _plain(person.date_of_birth),
        "gender": person.gender,
        "cnic": person.cnic_hash[:HASH_SHOWN] if person.cnic_hash else None,
        "status": person.status,
        "legal_basis": person.legal_basis,
        "legal_basis_expires": _plain(person.legal_basis_expires),
        "review_date": _plain(person.review_date),
        "notes": person.notes,
        "firs": [f"{fir.number} {fir.police_station}" for fir in person.firs],
        "on_watchlists": person.on_watchlists,
    }


def changed_fields(
    before: Mapping[str, Any], after: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Only the fields that differ, before and after."""
    names = [name for name in after if before.get(name) != after[name]]
    return {n: before.get(n) for n in names}, {n: after[n] for n in names}


def record_change(
    session: Session,
    person: Person,
    action: str,
    actor: Actor,
    now: datetime,
    *,
    reason: str = "",
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    audited: bool = True,
) -> PersonChange:
    """A history row and its audit entry; `audited=False` for a step of something audited as a whole."""
    change = PersonChange(
        person_id=person.id,
        action=action,
        actor=actor.username,
        role=actor.role,
        reason=reason,
        before=dict(before or {}),
        after=dict(after or {}),
        at=now,
    )
    session.add(change)
    session.flush()
    if audited:
        details = {"reason": reason, "before": change.before, "after": change.after}
        audit_change(session, actor, action, PERSON, person.id, details)
    return change


def changes_of(session: Session, person_id: int) -> list[PersonChange]:
    query = select(PersonChange).where(PersonChange.person_id == person_id)
    return list(session.scalars(query.order_by(PersonChange.at, PersonChange.id)))


def record_edit(
    session: Session,
    person: Person,
    action: str,
    actor: Actor,
    now: datetime,
    *,
    reason: str,
    before: Mapping[str, Any],
) -> PersonChange:
    """An edit of the record's fields: stamps it and keeps only the fields that changed, before and after."""
    person.updated_at = now
    session.flush()
    old, new = changed_fields(before, snapshot(person))
    return record_change(session, person, action, actor, now, reason=reason, before=old, after=new)
