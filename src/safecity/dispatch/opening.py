"""Open an incident: the one use case every origin (by hand, alert, call, citizen report, panic) goes through.

It creates the incident, attaches what it came from, and builds the `incident.created` event; the caller
publishes that event after its transaction commits.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from safecity.core.errors import InvalidInputError
from safecity.dispatch import incidents
from safecity.dispatch.events import IncidentCreated
from safecity.dispatch.models import Incident
from safecity.dispatch.schemas import IncidentOut
from safecity.dispatch.states import IncidentStatus
from safecity.dispatch.taxonomy import Taxonomy

ORIGINS = ("manual", "alert", "call", "report", "panic")


@dataclass(frozen=True, slots=True)
class IncidentInput:
    type: str
    title: str = ""
    description: str | None = None
    origin: str = "manual"
    priority: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    address: str = ""
    area: str | None = None
    received_at: datetime | None = None  # when the call/alert/report came in; defaults to now


@dataclass(frozen=True, slots=True)
class LinkInput:
    """Something the new incident is about: kind is one of `incidents.LINK_KINDS`."""

    kind: str
    ref: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class OpenedIncident:
    incident: Incident
    created: IncidentCreated  # to publish after commit


def open_incident(
    session: Session,
    taxonomy: Taxonomy,
    data: IncidentInput,
    by: str,
    now: datetime,
    links: Sequence[LinkInput] = (),
) -> OpenedIncident:
    incident = _create(session, taxonomy, data, by, now)
    for item in links:
        incidents.link(session, incident.id, item.kind, item.ref, by, now, note=item.note)
    created = IncidentCreated(incident=IncidentOut.model_validate(incident), actor=by)
    return OpenedIncident(incident, created)


def _create(session: Session, taxonomy: Taxonomy, data: IncidentInput, by: str, now: datetime) -> Incident:
    kind = taxonomy.get(data.type)
    if data.origin not in ORIGINS:
        raise InvalidInputError(f"unknown origin {data.origin!r}")
    incident = Incident(
        type=kind.code,
        priority=data.priority or kind.priority,
        status=IncidentStatus.NEW.value,
        title=data.title or kind.label,
        description=(data.description or "").strip() or None,
        origin=data.origin,
        latitude=data.latitude,
        longitude=data.longitude,
        address=data.address,
        area=data.area,
        received_at=data.received_at or now,
        created_at=now,
        created_by=by,
        updated_at=now,
    )
    session.add(incident)
    session.flush()
    incidents.log(
        session,
        incident.id,
        by,
        "status",
        f"created ({data.origin}) as {kind.code}, priority {incident.priority}",
        now,
    )
    return incident
