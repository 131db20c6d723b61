"""Units and dispatch: registry, AVL positions, status changes, race-safe assignment, recommendation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.orm import Session

from safecity.core.db import get_or_raise
from safecity.core.db import where_given
from safecity.core.errors import InvalidInputError
from safecity.core.errors import NotFoundError
from safecity.dispatch import incidents
from safecity.dispatch.geo import haversine_m
from safecity.dispatch.models import Assignment
from safecity.dispatch.models import Unit
from safecity.dispatch.routing import Router
from safecity.dispatch.states import DISPATCHABLE
from safecity.dispatch.states import IncidentStatus
from safecity.dispatch.states import TransitionError
from safecity.dispatch.states import UnitStatus
from safecity.dispatch.states import check_unit


class UnitType(StrEnum):
    POLICE_PATROL = "police_patrol"
    DOLPHIN = "dolphin"  # motorcycle squad
    PRU = "pru"  # police response unit
    AMBULANCE = "ambulance"  # Rescue 1122
    FIRE = "fire"


DEFAULT_CAPABILITIES: dict[UnitType, tuple[str, ...]] = {
    UnitType.POLICE_PATROL: ("police",),
    UnitType.DOLPHIN: ("police", "rapid"),
    UnitType.PRU: ("police", "rapid", "armed"),
    UnitType.AMBULANCE: ("medical", "rescue"),
    UnitType.FIRE: ("fire", "rescue"),
}

#: Which assignment timestamp each unit status fills in.
_TIMESTAMP = {
    UnitStatus.EN_ROUTE: "en_route_at",
    UnitStatus.ON_SCENE: "on_scene_at",
    UnitStatus.TRANSPORTING: "transporting_at",
    UnitStatus.CLEARED: "cleared_at",
}
#: Candidates passed to a (possibly remote) router, nearest by straight line first.
_ROUTER_CANDIDATES = 25


class UnitNotFoundError(NotFoundError):
    pass


class UnitUnavailableError(TransitionError):
    """The unit is not available (another dispatcher got it first, or it is busy)."""


@dataclass(frozen=True, slots=True)
class Recommendation:
    unit: Unit
    distance_m: float
    travel_s: float


def create_unit(
    session: Session,
    unit_id: str,
    callsign: str,
    unit_type: UnitType,
    now: datetime,
    *,
    capabilities: Sequence[str] | None = None,
    area: str | None = None,
    latitude: float | None = None,
    longitude: float | None = None,
) -> Unit:
    if session.get(Unit, unit_id) is not None:
        raise InvalidInputError(f"unit {unit_id!r} already exists")
    unit = Unit(
        id=unit_id,
        callsign=callsign,
        type=unit_type.value,
        capabilities=list(capabilities if capabilities is not None else DEFAULT_CAPABILITIES[unit_type]),
        status=UnitStatus.AVAILABLE.value,
        area=area,
        latitude=latitude,
        longitude=longitude,
        location_at=now if latitude is not None else None,
        version=1,
        updated_at=now,
    )
    session.add(unit)
    session.flush()
    return unit


def get_unit(session: Session, unit_id: str) -> Unit:
    return get_or_raise(session, Unit, unit_id, UnitNotFoundError(f"no unit {unit_id!r}"))


def list_units(session: Session, *, status: str | None = None, unit_type: str | None = None) -> list[Unit]:
    query = where_given(select(Unit), (Unit.status, status), (Unit.type, unit_type))
    return list(session.scalars(query.order_by(Unit.id)))


def update_location(session: Session, unit_id: str, latitude: float, longitude: float, at: datetime) -> Unit:
    """An AVL fix; fixes older than the stored one are ignored (out-of-order delivery)."""
    unit = get_unit(session, unit_id)
    if unit.location_at is None or at >= unit.location_at:
        unit.latitude, unit.longitude, unit.location_at = latitude, longitude, at
        session.flush()
    return unit


def assign(
    session: Session,
    incident_id: int,
    unit_id: str,
    by: str,
    now: datetime,
    *,
    estimated_travel_s: float | None = None,
) -> Assignment:
    """Dispatch a unit. The conditional UPDATE is the transaction's first statement, so of two dispatchers
    racing for one unit exactly one changes the row; the other gets `UnitUnavailableError`."""
    claimed = session.execute(
        update(Unit)
        .where(Unit.id == unit_id, Unit.status == UnitStatus.AVAILABLE.value)
        .values(status=UnitStatus.DISPATCHED.value, version=Unit.version + 1, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount != 1:  # type: ignore[attr-defined]
        unit = get_unit(session, unit_id)
        raise UnitUnavailableError(f"unit {unit_id!r} is {unit.status}, not available")
    incident = incidents.get_incident(session, incident_id)
    if IncidentStatus(incident.status) not in DISPATCHABLE:
        raise TransitionError(f"cannot dispatch to an incident that is {incident.status}")
    assignment = Assignment(
        incident_id=incident_id,
        unit_id=unit_id,
        dispatched_by=by,
        dispatched_at=now,
        estimated_travel_s=estimated_travel_s,
    )
    session.add(assignment)
    session.flush()
    session.execute(
        update(Unit)
        .where(Unit.id == unit_id)
        .values(current_assignment_id=assignment.id)
        .execution_options(synchronize_session=False)
    )
    session.expire_all()
    incident = incidents.get_incident(session, incident_id)
    incidents.advance(session, incident, IncidentStatus.DISPATCHED, by, now)
    incidents.log(session, incident_id, by, "dispatch", f"unit {unit_id} dispatched", now)
    return assignment


def set_status(session: Session, unit_id: str, wanted: UnitStatus, by: str, now: datetime) -> Unit:
    """Move a unit through its lifecycle, stamping its current assignment and following the incident."""
    unit = get_unit(session, unit_id)
    check_unit(unit.status, wanted)
    assignment = session.get(Assignment, unit.current_assignment_id) if unit.current_assignment_id else None
    changed = session.execute(
        update(Unit)
        .where(Unit.id == unit_id, Unit.status == unit.status, Unit.version == unit.version)
        .values(
            status=wanted.value,
            version=Unit.version + 1,
            updated_at=now,
            current_assignment_id=None if wanted == UnitStatus.CLEARED else unit.current_assignment_id,
        )
        .execution_options(synchronize_session=False)
    )
    if changed.rowcount != 1:  # type: ignore[attr-defined]
        raise TransitionError(f"unit {unit_id!r} changed meanwhile; reload and retry")
    if assignment is not None and wanted in _TIMESTAMP:
        setattr(assignment, _TIMESTAMP[wanted], now)
        incident = incidents.get_incident(session, assignment.incident_id)
        if wanted == UnitStatus.ON_SCENE:
            incidents.advance(session, incident, IncidentStatus.ON_SCENE, by, now)
        incidents.log(session, incident.id, by, "unit", f"unit {unit_id} {wanted.value}", now)
    session.flush()
    session.refresh(unit)
    return unit


def assignments_of(session: Session, incident_id: int) -> list[Assignment]:
    query = select(Assignment).where(Assignment.incident_id == incident_id).order_by(Assignment.id)
    return list(session.scalars(query))


def recommend(
    session: Session,
    router: Router,
    latitude: float,
    longitude: float,
    *,
    capability: str | None = None,
    limit: int = 5,
) -> list[Recommendation]:
    """Available units with a known position, fastest estimated arrival first."""
    units = [
        unit
        for unit in list_units(session, status=UnitStatus.AVAILABLE.value)
        if unit.latitude is not None
        and unit.longitude is not None
        and (capability is None or capability in unit.capabilities)
    ]
    distances = {u.id: haversine_m(latitude, longitude, u.latitude or 0.0, u.longitude or 0.0) for u in units}
    units.sort(key=lambda u: distances[u.id])
    candidates = units[: max(_ROUTER_CANDIDATES, limit)]
    times = router.travel_seconds(
        [(u.latitude or 0.0, u.longitude or 0.0) for u in candidates], (latitude, longitude)
    )
    ranked = sorted(
        (Recommendation(u, distances[u.id], t) for u, t in zip(candidates, times, strict=True)),
        key=lambda r: (r.travel_s, r.unit.id),
    )
    return ranked[:limit]
