"""Panic alerts (women safety) from a phone app: a top-priority alert and incident that follow the phone.

The alert comes from the alerts domain and the incident from dispatch's `open_incident`; this module only
ties them to the phone's session.

The phone gets a random token when it raises the alarm (only its hash is stored) and proves with it that the
panic is its own: location updates, "safe" and a second press all need it. A press with the token of the
device's active panic continues that panic (the token stays the same); a press without it (or with a wrong
one) starts a new panic, so knowing a device id never gives access to someone else's panic.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.alerts import service as alerts
from safecity.alerts.models import Alert
from safecity.alerts.states import Severity
from safecity.core.auth import secret_tokens
from safecity.core.db import get_or_raise
from safecity.core.errors import ForbiddenError
from safecity.core.errors import NotFoundError
from safecity.dispatch import incidents
from safecity.dispatch.events import IncidentCreated
from safecity.dispatch.models import Incident
from safecity.dispatch.opening import IncidentInput
from safecity.dispatch.opening import LinkInput
from safecity.dispatch.opening import open_incident
from safecity.dispatch.taxonomy import Taxonomy
from safecity.panic.models import PanicLocation
from safecity.panic.models import PanicSession

PANIC_TYPE = "panic"
PANIC_APP = "panic-app"  # the actor of what the phone does


class PanicNotFoundError(NotFoundError):
    pass


class PanicTokenError(ForbiddenError):
    pass


@dataclass(frozen=True, slots=True)
class PanicInput:
    device_id: str
    latitude: float
    longitude: float
    accuracy_m: float | None = None
    phone: str = ""
    name: str = ""


@dataclass(frozen=True, slots=True)
class PanicStarted:
    panic: PanicSession
    token: str
    incident: Incident
    alert: Alert
    incident_created: IncidentCreated | None  # to publish after commit; None when an active panic continues


def start_panic(
    session: Session, taxonomy: Taxonomy, data: PanicInput, now: datetime, token: str | None = None
) -> PanicStarted:
    """A press of the panic button: continues the device's active panic when `token` is that panic's own,
    otherwise starts a new one with a new token."""
    existing = _owned_active_panic(session, data.device_id, token)
    if existing is not None and token is not None:
        _record(session, existing, data.latitude, data.longitude, data.accuracy_m, now)
        return PanicStarted(
            existing,
            token,
            incidents.get_incident(session, existing.incident_id),
            alerts.get_alert(session, existing.alert_id),
            incident_created=None,
        )
    issued = secret_tokens.issue()
    who = data.name or data.phone or data.device_id
    raised = alerts.raise_alert(
        session,
        alerts.AlertInput(
            kind="panic",
            severity=Severity.CRITICAL,
            title=f"PANIC: {who}"[:300],
            subject=data.device_id,
            source_topic="panic",
            cooldown_seconds=0,
            latitude=data.latitude,
            longitude=data.longitude,
            details={"phone": data.phone, "name": data.name, "device_id": data.device_id},
        ),
        now,
    )
    opened = open_incident(
        session,
        taxonomy,
        IncidentInput(
            type=PANIC_TYPE,
            origin="panic",
            title=f"Panic alert from {who}"[:300],
            latitude=data.latitude,
            longitude=data.longitude,
        ),
        PANIC_APP,
        now,
        links=[LinkInput("alert", str(raised.alert.id))],
    )
    incident = opened.incident
    alerts.link_incident(session, raised.alert.id, incident.id, now)
    panic = PanicSession(
        id=str(uuid.uuid4()),
        token_sha256=issued.sha256,
        device_id=data.device_id,
        phone=data.phone,
        name=data.name,
        incident_id=incident.id,
        alert_id=raised.alert.id,
        active=True,
        created_at=now,
        updated_at=now,
    )
    session.add(panic)
    session.flush()
    _record(session, panic, data.latitude, data.longitude, data.accuracy_m, now)
    return PanicStarted(panic, issued.token, incident, raised.alert, incident_created=opened.created)


def _owned_active_panic(session: Session, device_id: str, token: str | None) -> PanicSession | None:
    if token is None:
        return None
    query = select(PanicSession).where(
        PanicSession.device_id == device_id,
        PanicSession.active.is_(True),
        PanicSession.token_sha256 == secret_tokens.digest(token),
    )
    return session.scalars(query).first()


def get_panic(session: Session, panic_id: str) -> PanicSession:
    return get_or_raise(session, PanicSession, panic_id, PanicNotFoundError(f"no panic {panic_id}"))


def authorised(session: Session, panic_id: str, token: str) -> PanicSession:
    panic = get_panic(session, panic_id)
    if not secret_tokens.matches(panic.token_sha256, token):
        raise PanicTokenError("wrong panic token")
    return panic


def add_location(
    session: Session,
    panic_id: str,
    token: str,
    latitude: float,
    longitude: float,
    accuracy_m: float | None,
    now: datetime,
) -> PanicSession:
    """A position from the phone: stored in the trail; the incident and the alert move with it."""
    panic = authorised(session, panic_id, token)
    _record(session, panic, latitude, longitude, accuracy_m, now)
    return panic


def _record(
    session: Session,
    panic: PanicSession,
    latitude: float,
    longitude: float,
    accuracy_m: float | None,
    now: datetime,
) -> None:
    session.add(
        PanicLocation(
            panic_id=panic.id, time=now, latitude=latitude, longitude=longitude, accuracy_m=accuracy_m
        )
    )
    incidents.relocate(session, incidents.get_incident(session, panic.incident_id), latitude, longitude, now)
    alert = alerts.get_alert(session, panic.alert_id)
    alert.latitude, alert.longitude, alert.last_seen, alert.updated_at = latitude, longitude, now, now
    panic.updated_at = now
    session.flush()


def end_panic(session: Session, panic_id: str, token: str, now: datetime) -> PanicSession:
    """The person says they are safe: the panic stops following the phone; the operator closes it."""
    panic = authorised(session, panic_id, token)
    panic.active = False
    panic.updated_at = now
    incidents.log(session, panic.incident_id, PANIC_APP, "note", "the caller marked themselves safe", now)
    session.flush()
    return panic


def confirm_safe(session: Session, panic_id: str, operator: str, now: datetime) -> PanicSession:
    """An operator has confirmed the person is safe (e.g. by calling back): the panic stops following the
    phone, like the phone's own "safe"; the incident stays open for the operator to close."""
    panic = get_panic(session, panic_id)
    if panic.active:
        panic.active = False
        panic.updated_at = now
        incidents.log(session, panic.incident_id, operator, "note", "operator confirmed the person safe", now)
        session.flush()
    return panic


def list_panics(session: Session, active: bool | None, limit: int) -> list[PanicSession]:
    """Panics, newest activity first (active only, ended only, or all)."""
    query = select(PanicSession)
    if active is not None:
        query = query.where(PanicSession.active.is_(active))
    return list(session.scalars(query.order_by(PanicSession.updated_at.desc()).limit(limit)))


def last_positions(session: Session, panic_ids: list[str]) -> dict[str, PanicLocation]:
    """Each panic's newest position."""
    if not panic_ids:
        return {}
    query = select(PanicLocation).where(PanicLocation.panic_id.in_(panic_ids)).order_by(PanicLocation.id)
    return {location.panic_id: location for location in session.scalars(query)}


def trail(session: Session, panic_id: str) -> list[PanicLocation]:
    query = select(PanicLocation).where(PanicLocation.panic_id == panic_id).order_by(PanicLocation.id)
    return list(session.scalars(query))
