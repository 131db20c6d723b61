"""Incidents: the status lifecycle, links and the narrative log (`opening.open_incident` creates them)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.core.db import get_or_raise
from safecity.core.db import where_given
from safecity.core.errors import InvalidInputError
from safecity.core.errors import NotFoundError
from safecity.dispatch.models import Incident
from safecity.dispatch.models import IncidentLink
from safecity.dispatch.models import IncidentLogEntry
from safecity.dispatch.states import INCIDENT_TRANSITIONS
from safecity.dispatch.states import IncidentStatus
from safecity.dispatch.states import check_incident

LINK_KINDS = ("alert", "camera", "evidence", "person", "vehicle", "call", "report")


class IncidentNotFoundError(NotFoundError):
    pass


def get_incident(session: Session, incident_id: int) -> Incident:
    return get_or_raise(session, Incident, incident_id, IncidentNotFoundError(f"no incident {incident_id}"))


def list_incidents(
    session: Session,
    *,
    statuses: Sequence[str] = (),
    type: str | None = None,
    area: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[Incident]:
    query = where_given(
        select(Incident), (Incident.status, list(statuses)), (Incident.type, type), (Incident.area, area)
    )
    query = query.order_by(Incident.priority, Incident.received_at.desc()).limit(limit).offset(offset)
    return list(session.scalars(query))


def set_status(
    session: Session, incident_id: int, wanted: IncidentStatus, by: str, now: datetime, note: str = ""
) -> Incident:
    incident = get_incident(session, incident_id)
    check_incident(incident.status, wanted)
    _apply_status(session, incident, wanted, by, now, note)
    return incident


def advance(session: Session, incident: Incident, wanted: IncidentStatus, by: str, now: datetime) -> None:
    """Follow the units: the first dispatch/arrival moves the incident on when the lifecycle allows it."""
    if wanted in INCIDENT_TRANSITIONS[IncidentStatus(incident.status)]:
        _apply_status(session, incident, wanted, by, now, "")


def _apply_status(
    session: Session, incident: Incident, wanted: IncidentStatus, by: str, now: datetime, note: str
) -> None:
    previous = incident.status
    incident.status = wanted.value
    incident.updated_at = now
    if wanted == IncidentStatus.RESOLVED:
        incident.resolved_at = now
    if wanted == IncidentStatus.CLOSED:
        incident.closed_at = now
    text = f"status {previous} → {wanted.value}" + (f": {note}" if note else "")
    log(session, incident.id, by, "status", text, now)


def log(
    session: Session, incident_id: int, author: str, kind: str, text: str, now: datetime
) -> IncidentLogEntry:
    entry = IncidentLogEntry(incident_id=incident_id, time=now, author=author, kind=kind, text=text)
    session.add(entry)
    session.flush()
    return entry


def add_note(session: Session, incident_id: int, author: str, text: str, now: datetime) -> IncidentLogEntry:
    get_incident(session, incident_id)
    return log(session, incident_id, author, "note", text, now)


def link(
    session: Session, incident_id: int, kind: str, ref: str, by: str, now: datetime, note: str = ""
) -> IncidentLink:
    """Attach an alert, evidence, person, vehicle, call or report; linking twice returns the first link."""
    if kind not in LINK_KINDS:
        raise InvalidInputError(f"unknown link kind {kind!r}; use one of {', '.join(LINK_KINDS)}")
    get_incident(session, incident_id)
    existing = session.scalars(
        select(IncidentLink).where(
            IncidentLink.incident_id == incident_id, IncidentLink.kind == kind, IncidentLink.ref == ref
        )
    ).first()
    if existing is not None:
        return existing
    item = IncidentLink(incident_id=incident_id, kind=kind, ref=ref, note=note, created_at=now, created_by=by)
    session.add(item)
    log(session, incident_id, by, "link", f"linked {kind} {ref}" + (f": {note}" if note else ""), now)
    session.flush()
    return item


def links_of(session: Session, incident_id: int) -> list[IncidentLink]:
    return list(
        session.scalars(
            select(IncidentLink).where(IncidentLink.incident_id == incident_id).order_by(IncidentLink.id)
        )
    )


def log_of(session: Session, incident_id: int) -> list[IncidentLogEntry]:
    query = select(IncidentLogEntry).where(IncidentLogEntry.incident_id == incident_id)
    return list(session.scalars(query.order_by(IncidentLogEntry.id)))


def relocate(session: Session, incident: Incident, latitude: float, longitude: float, now: datetime) -> None:
    incident.latitude, incident.longitude = latitude, longitude
    incident.updated_at = now
    session.flush()
