"""Panic alerts (women safety): public endpoints for the phone app, and the operator's view of a panic."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter
from fastapi import Header
from fastapi import HTTPException
from fastapi import Query
from fastapi import Request
from fastapi import status
from pydantic import BaseModel
from pydantic import Field

from safecity.alerts.events import alert_event
from safecity.alerts.schemas import AlertView
from safecity.core.auth.permissions import Permission
from safecity.core.http.actions import action
from safecity.core.http.actions import change
from safecity.core.http.deps import ServicesDep
from safecity.core.http.documented_errors import error_response
from safecity.core.http.outputs import from_row
from safecity.core.http.security import Principal
from safecity.core.http.security import client_address
from safecity.core.http.security import require
from safecity.core.ratelimit import RateLimiter
from safecity.dispatch import incidents
from safecity.dispatch import units
from safecity.dispatch.cameras import cameras_near
from safecity.dispatch.context import DispatchRuntimeDep
from safecity.dispatch.schemas import IncidentOut
from safecity.dispatch.schemas import NearbyCameraOut
from safecity.dispatch.schemas import RecommendationOut
from safecity.panic import service as panic
from safecity.panic.events import PanicLocationEvent
from safecity.panic.runtime import PanicRuntimeDep
from safecity.panic.schemas import PanicLocationOut
from safecity.panic.schemas import PanicSummaryOut

router = APIRouter(prefix="/api/v1/panic", tags=["panic"])
Token = Annotated[
    str,
    Header(
        alias="X-Panic-Token",
        min_length=10,
        max_length=100,
        description="The token this panic's first press returned: proves the phone owns the panic.",
    ),
]
OwnToken = Annotated[
    str | None,
    Header(
        alias="X-Panic-Token",
        min_length=10,
        max_length=100,
        description="The token of this device's active panic, to continue it; without it (or with a wrong "
        "one) the press starts a new panic.",
    ),
]


class PanicRequest(BaseModel):
    device_id: str = Field(min_length=4, max_length=100)
    latitude: float = Field(ge=-90, le=90)
    longitude: float = Field(ge=-180, le=180)
    accuracy_m: float | None = Field(None, ge=0)
    phone: str = Field("", max_length=32)
    name: str = Field("", max_length=200)


class PanicPosition(BaseModel):
    latitude: float = Field(ge=-90, le=90)
    longitude: float = Field(ge=-180, le=180)
    accuracy_m: float | None = Field(None, ge=0)


class PanicAccepted(BaseModel):
    panic_id: str
    token: str = Field(
        description='Send as X-Panic-Token with location updates, "safe" and further presses; the same '
        "token for as long as the panic lasts."
    )
    incident_id: int
    alert_id: int


class PanicView(BaseModel):
    panic_id: str
    active: bool
    device_id: str
    phone: str
    name: str
    incident: IncidentOut
    trail: list[PanicLocationOut]
    recommended_units: list[RecommendationOut]
    cameras: list[NearbyCameraOut]


def _limit(limiter: RateLimiter, request: Request, device_id: str) -> None:
    keys = (f"panic:device:{device_id}", f"panic:addr:{client_address(request)}")
    if not limiter.hit(*keys):
        raise HTTPException(
            status.HTTP_429_TOO_MANY_REQUESTS,
            "too many panic requests; try again shortly",
            headers={"Retry-After": str(limiter.retry_after(*keys))},
        )


@router.post(
    "",
    response_model=PanicAccepted,
    status_code=201,
    summary="Raise a panic alert (phone app)",
    responses={429: error_response("Too many presses from this device or address; see Retry-After")},
    description=(
        "A press with `X-Panic-Token` of this device's active panic continues that panic (same ids and "
        "token, the position joins its trail). A press without it, or with a token that is not the active "
        "panic's, starts a new panic with a new token: a device id alone never gives access to a panic."
    ),
)
def raise_panic(
    body: PanicRequest,
    request: Request,
    services: ServicesDep,
    runtime: PanicRuntimeDep,
    dispatch: DispatchRuntimeDep,
    token: OwnToken = None,
) -> PanicAccepted:
    _limit(runtime.limiter, request, body.device_id)
    now = services.clock.now()
    with change(services) as ch:
        data = panic.PanicInput(**body.model_dump())
        started = panic.start_panic(ch.session, dispatch.taxonomy, data, now, token)
        accepted = PanicAccepted(
            panic_id=started.panic.id,
            token=started.token,
            incident_id=started.incident.id,
            alert_id=started.alert.id,
        )
        if started.incident_created is None:
            ch.publish(_location_event(accepted, body.latitude, body.longitude, body.accuracy_m))
        else:
            alert = AlertView.of(started.alert)
            ch.publish(alert_event("created", alert, panic.PANIC_APP), started.incident_created)
    return accepted


def _location_event(
    accepted: PanicAccepted, latitude: float, longitude: float, accuracy_m: float | None
) -> PanicLocationEvent:
    return PanicLocationEvent(
        panic_id=accepted.panic_id,
        incident_id=accepted.incident_id,
        alert_id=accepted.alert_id,
        latitude=latitude,
        longitude=longitude,
        accuracy_m=accuracy_m,
    )


@router.post("/{panic_id}/location", status_code=204, summary="A position update from the phone")
def update_location(panic_id: str, body: PanicPosition, token: Token, services: ServicesDep) -> None:
    with change(services) as ch:
        found = panic.add_location(
            ch.session, panic_id, token, body.latitude, body.longitude, body.accuracy_m, services.clock.now()
        )
        accepted = PanicAccepted(
            panic_id=found.id, token="-" * 10, incident_id=found.incident_id, alert_id=found.alert_id
        )
        ch.publish(_location_event(accepted, body.latitude, body.longitude, body.accuracy_m))


@router.post("/{panic_id}/safe", status_code=204, summary="The person marks themselves safe")
def mark_safe(panic_id: str, token: Token, services: ServicesDep) -> None:
    with services.database.session() as session:
        panic.end_panic(session, panic_id, token, services.clock.now())


Operator = Annotated[Principal, require(Permission.ALERTS_ACT)]


@router.get(
    "", response_model=list[PanicSummaryOut], summary="For the operator: panics, newest activity first"
)
def list_panics(
    services: ServicesDep,
    principal: Operator,
    active: Annotated[bool | None, Query(description="true: still following the phone; false: ended")] = True,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[PanicSummaryOut]:
    with action(services, principal) as act:
        found = panic.list_panics(act.session, active, limit)
        last = panic.last_positions(act.session, [p.id for p in found])
        act.audit("panic.list", "panic", "", count=len(found))
        return [
            from_row(
                PanicSummaryOut,
                p,
                panic_id=p.id,
                last_position=PanicLocationOut.model_validate(last[p.id]) if p.id in last else None,
            )
            for p in found
        ]


@router.post(
    "/{panic_id}/confirm-safe",
    status_code=204,
    summary="For the operator: the person is confirmed safe; the panic stops following the phone",
)
def confirm_safe(panic_id: str, services: ServicesDep, principal: Operator) -> None:
    with action(services, principal) as act:
        panic.confirm_safe(act.session, panic_id, principal.username, services.clock.now())
        act.audit("panic.confirm_safe", "panic", panic_id)


@router.get(
    "/{panic_id}", response_model=PanicView, summary="For the operator: trail, nearest units and cameras"
)
def view_panic(
    panic_id: str,
    services: ServicesDep,
    dispatch: DispatchRuntimeDep,
    principal: Operator,
) -> PanicView:
    with action(services, principal) as act:
        session = act.session
        found = panic.get_panic(session, panic_id)
        act.audit("panic.view", "panic", panic_id)  # the caller's identity and trail
        incident = incidents.get_incident(session, found.incident_id)
        lat, lon = incident.latitude or 0.0, incident.longitude or 0.0
        capability = dispatch.taxonomy.get(incident.type).capability
        recommended = [
            RecommendationOut.model_validate(r)
            for r in units.recommend(session, dispatch.router, lat, lon, capability=capability)
        ]
        view = from_row(
            PanicView,
            found,
            panic_id=found.id,
            incident=IncidentOut.model_validate(incident),
            trail=[PanicLocationOut.model_validate(x) for x in panic.trail(session, panic_id)],
            recommended_units=recommended,
            cameras=[],
        )
    view.cameras = cameras_near(services.database, lat, lon, services.settings.dispatch.cameras_near)
    return view
