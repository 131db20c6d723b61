"""Unit routes (CAD): registry, AVL positions, status changes, dispatch, nearest-available recommendation."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter
from fastapi import Query
from pydantic import BaseModel
from pydantic import Field

from safecity.core.auth.permissions import Permission
from safecity.core.http.actions import action
from safecity.core.http.actions import change
from safecity.core.http.deps import ServicesDep
from safecity.core.http.parameter_types import DateTimeInput
from safecity.core.http.security import Principal
from safecity.core.http.security import require
from safecity.dispatch import incidents
from safecity.dispatch import units
from safecity.dispatch.context import DispatchRuntimeDep
from safecity.dispatch.events import IncidentUpdated
from safecity.dispatch.events import UnitUpdated
from safecity.dispatch.schemas import AssignmentOut
from safecity.dispatch.schemas import IncidentOut
from safecity.dispatch.schemas import RecommendationOut
from safecity.dispatch.schemas import UnitOut
from safecity.dispatch.states import TransitionError
from safecity.dispatch.states import UnitStatus

router = APIRouter(prefix="/api/v1", tags=["dispatch"])
Reader = Annotated[Principal, require(Permission.EVENTS_READ)]
Dispatcher = Annotated[Principal, require(Permission.DISPATCH_MANAGE)]


class UnitCreate(BaseModel):
    id: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.-]+$")
    callsign: str = Field(min_length=1, max_length=64)
    type: units.UnitType
    capabilities: list[str] | None = None
    area: str | None = Field(None, max_length=100)
    latitude: float | None = Field(None, ge=-90, le=90)
    longitude: float | None = Field(None, ge=-180, le=180)


class LocationUpdate(BaseModel):
    latitude: float = Field(ge=-90, le=90)
    longitude: float = Field(ge=-180, le=180)
    at: DateTimeInput | None = Field(None, description="When the fix was taken (defaults to now).")


class UnitStatusChange(BaseModel):
    status: UnitStatus


class AssignRequest(BaseModel):
    unit_id: str = Field(min_length=1, max_length=64)


@router.post("/units", response_model=UnitOut, status_code=201, summary="Register a unit")
def create_unit(body: UnitCreate, services: ServicesDep, principal: Dispatcher) -> UnitOut:
    with action(services, principal) as act:
        if act.session.get(units.Unit, body.id) is not None:
            raise TransitionError(f"unit {body.id!r} already exists")
        unit = units.create_unit(
            act.session,
            body.id,
            body.callsign,
            body.type,
            services.clock.now(),
            capabilities=body.capabilities,
            area=body.area,
            latitude=body.latitude,
            longitude=body.longitude,
        )
        out = UnitOut.model_validate(unit)
        act.audit("unit.create", "unit", body.id, type=body.type.value)
        act.publish(UnitUpdated(unit=out, action="created"))
    return out


@router.get("/units", response_model=list[UnitOut])
def list_units(
    services: ServicesDep, _: Reader, status: UnitStatus | None = None, type: units.UnitType | None = None
) -> list[UnitOut]:
    with services.database.session() as session:
        found = units.list_units(
            session, status=status.value if status else None, unit_type=type.value if type else None
        )
        return [UnitOut.model_validate(u) for u in found]


@router.get("/units/recommend", response_model=list[RecommendationOut], summary="Nearest available units")
def recommend(
    services: ServicesDep,
    dispatch: DispatchRuntimeDep,
    _: Reader,
    lat: Annotated[float, Query(ge=-90, le=90)],
    lon: Annotated[float, Query(ge=-180, le=180)],
    capability: str | None = None,
    limit: Annotated[int, Query(ge=1, le=50)] = 5,
) -> list[RecommendationOut]:
    with services.database.session() as session:
        found = units.recommend(session, dispatch.router, lat, lon, capability=capability, limit=limit)
        return [RecommendationOut.model_validate(r) for r in found]


@router.get("/units/{unit_id}", response_model=UnitOut)
def get_unit(unit_id: str, services: ServicesDep, _: Reader) -> UnitOut:
    with services.database.session() as session:
        return UnitOut.model_validate(units.get_unit(session, unit_id))


@router.post("/units/{unit_id}/location", response_model=UnitOut, summary="An AVL position fix")
def update_location(unit_id: str, body: LocationUpdate, services: ServicesDep, _: Dispatcher) -> UnitOut:
    at = body.at or services.clock.now()
    with change(services) as ch:
        out = UnitOut.model_validate(
            units.update_location(ch.session, unit_id, body.latitude, body.longitude, at)
        )
        ch.publish(UnitUpdated(unit=out, action="location"))
    return out


@router.post("/units/{unit_id}/status", response_model=UnitOut, responses={409: {"description": "Refused"}})
def change_status(
    unit_id: str, body: UnitStatusChange, services: ServicesDep, principal: Dispatcher
) -> UnitOut:
    with action(services, principal) as act:
        before = units.get_unit(act.session, unit_id).current_assignment_id
        unit = units.set_status(act.session, unit_id, body.status, principal.username, services.clock.now())
        out = UnitOut.model_validate(unit)
        assignment = act.session.get(units.Assignment, before) if before else None
        incident_id = assignment.incident_id if assignment else None
        act.audit("unit.status", "unit", unit_id, status=body.status.value, incident_id=incident_id)
        act.publish(UnitUpdated(unit=out, action="status", incident_id=incident_id))
    return out


@router.post(
    "/incidents/{incident_id}/assignments",
    response_model=AssignmentOut,
    status_code=201,
    summary="Dispatch a unit to an incident",
    responses={409: {"description": "The unit is not available (e.g. another dispatcher took it)"}},
)
def assign(
    incident_id: int,
    body: AssignRequest,
    services: ServicesDep,
    dispatch: DispatchRuntimeDep,
    principal: Dispatcher,
) -> AssignmentOut:
    now = services.clock.now()
    with action(services, principal) as act:
        assignment = units.assign(act.session, incident_id, body.unit_id, principal.username, now)
        incident = incidents.get_incident(act.session, incident_id)
        if incident.latitude is not None and incident.longitude is not None:
            unit = units.get_unit(act.session, body.unit_id)
            if unit.latitude is not None and unit.longitude is not None:
                eta = dispatch.router.travel_seconds(
                    [(unit.latitude, unit.longitude)], (incident.latitude, incident.longitude)
                )
                assignment.estimated_travel_s = eta[0]
        act.session.flush()
        out = AssignmentOut.model_validate(assignment)
        unit_out = UnitOut.model_validate(units.get_unit(act.session, body.unit_id))
        incident_out = IncidentOut.model_validate(incident)
        act.audit("unit.dispatch", "incident", incident_id, unit_id=body.unit_id)
        act.publish(
            UnitUpdated(unit=unit_out, action="assigned", incident_id=incident_id),
            IncidentUpdated(incident=incident_out, action="dispatch", actor=principal.username),
        )
    return out
