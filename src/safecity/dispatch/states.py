"""Incident and unit lifecycles as explicit transition tables; anything else is refused (HTTP 409)."""

from __future__ import annotations

from enum import StrEnum

from safecity.core.errors import ConflictError


class IncidentStatus(StrEnum):
    NEW = "new"
    DISPATCHED = "dispatched"
    ON_SCENE = "on_scene"
    RESOLVED = "resolved"
    CLOSED = "closed"
    CANCELLED = "cancelled"


class UnitStatus(StrEnum):
    AVAILABLE = "available"
    DISPATCHED = "dispatched"
    EN_ROUTE = "en_route"
    ON_SCENE = "on_scene"
    TRANSPORTING = "transporting"
    CLEARED = "cleared"
    OUT_OF_SERVICE = "out_of_service"


_I = IncidentStatus
INCIDENT_TRANSITIONS: dict[IncidentStatus, frozenset[IncidentStatus]] = {
    _I.NEW: frozenset({_I.DISPATCHED, _I.RESOLVED, _I.CANCELLED}),
    _I.DISPATCHED: frozenset({_I.ON_SCENE, _I.RESOLVED, _I.CANCELLED}),
    _I.ON_SCENE: frozenset({_I.RESOLVED}),
    _I.RESOLVED: frozenset({_I.CLOSED}),
    _I.CLOSED: frozenset(),
    _I.CANCELLED: frozenset(),
}
#: Incidents a unit may still be dispatched to.
DISPATCHABLE = frozenset({_I.NEW, _I.DISPATCHED, _I.ON_SCENE})

_U = UnitStatus
# available → dispatched happens only through `assign` (the race-safe conditional update).
UNIT_TRANSITIONS: dict[UnitStatus, frozenset[UnitStatus]] = {
    _U.AVAILABLE: frozenset({_U.OUT_OF_SERVICE}),
    _U.DISPATCHED: frozenset({_U.EN_ROUTE, _U.ON_SCENE, _U.CLEARED}),
    _U.EN_ROUTE: frozenset({_U.ON_SCENE, _U.CLEARED}),
    _U.ON_SCENE: frozenset({_U.TRANSPORTING, _U.CLEARED}),
    _U.TRANSPORTING: frozenset({_U.CLEARED}),
    _U.CLEARED: frozenset({_U.AVAILABLE, _U.OUT_OF_SERVICE}),
    _U.OUT_OF_SERVICE: frozenset({_U.AVAILABLE}),
}


class TransitionError(ConflictError):
    """A state change the lifecycle does not allow, or one that lost a race (HTTP 409)."""


def check_incident(current: str, wanted: IncidentStatus) -> None:
    if wanted not in INCIDENT_TRANSITIONS[IncidentStatus(current)]:
        raise TransitionError(f"an incident in state {current!r} cannot become {wanted.value!r}")


def check_unit(current: str, wanted: UnitStatus) -> None:
    if wanted not in UNIT_TRANSITIONS[UnitStatus(current)]:
        raise TransitionError(f"a unit in state {current!r} cannot become {wanted.value!r}")
