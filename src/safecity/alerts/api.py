"""The operator's alert routes: list/filter, get, acknowledge, assign, dismiss, escalate, open an incident.

Every action is audited in the same transaction and pushed live as an `alert.*` event.
"""

from __future__ import annotations

from datetime import datetime
from datetime import timedelta
from typing import Annotated
from typing import Literal

from fastapi import APIRouter
from fastapi import Query
from pydantic import BaseModel
from pydantic import Field
from pydantic import model_validator

from safecity.alerts import service
from safecity.alerts.camera_places import camera_place
from safecity.alerts.events import alert_event
from safecity.alerts.incident_draft import incident_from
from safecity.alerts.incident_draft import links_of
from safecity.alerts.quality import AlarmQuality
from safecity.alerts.quality import Thresholds
from safecity.alerts.quality import quality
from safecity.alerts.schemas import AlertView
from safecity.alerts.states import AlertStatus
from safecity.alerts.states import Disposition
from safecity.alerts.states import Severity
from safecity.core.auth.permissions import Permission
from safecity.core.errors import InvalidInputError
from safecity.core.http.actions import action
from safecity.core.http.deps import ServicesDep
from safecity.core.http.security import Principal
from safecity.core.http.security import require
from safecity.dispatch import opening
from safecity.dispatch.context import DispatchRuntimeDep
from safecity.dispatch.schemas import IncidentOut
from safecity.dispatch.units import get_unit

router = APIRouter(prefix="/api/v1/alerts", tags=["alerts"])
Reader = Annotated[Principal, require(Permission.EVENTS_READ)]
PRIORITY_WINDOW = 2000  # the priority order ranks this many of the newest matching alerts
Actor = Annotated[Principal, require(Permission.ALERTS_ACT)]


class AssignRequest(BaseModel):
    user: str | None = Field(None, min_length=1, max_length=64)
    unit_id: str | None = Field(None, min_length=1, max_length=64)

    @model_validator(mode="after")
    def _exactly_one(self) -> AssignRequest:
        if (self.user is None) == (self.unit_id is None):
            raise ValueError("give exactly one of user or unit_id")
        return self


class DismissRequest(BaseModel):
    reason: str = Field(min_length=3, max_length=500, description="Why the alert needs no action.")
    disposition: Disposition | None = Field(
        None,
        description="What the alarm was (false or nuisance, usually); counts towards the rule's precision.",
    )


class CloseRequest(BaseModel):
    disposition: Disposition = Field(
        description="true: it needed the operator; false: nothing happened; nuisance."
    )


class EscalateRequest(BaseModel):
    reason: str = Field("", max_length=500)


class OpenIncidentRequest(BaseModel):
    type: str = Field(min_length=1, max_length=64)
    title: str = Field("", max_length=300)
    priority: int | None = Field(None, ge=1, le=5)
    area: str | None = Field(None, max_length=100)
    address: str = Field("", max_length=500, description="Default: the name of the alert's camera.")
    description: str = Field(
        "", max_length=5000, description="Default: the alert's title, camera, time and repeat count."
    )


@router.get("", response_model=list[AlertView], summary="Alerts, newest activity first")
def list_alerts(
    services: ServicesDep,
    _: Reader,
    status: Annotated[list[AlertStatus] | None, Query()] = None,
    severity: Annotated[list[Severity] | None, Query()] = None,
    kind: str | None = None,
    camera_id: str | None = None,
    since: datetime | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
    order: Annotated[
        Literal["recent", "priority"],
        Query(description="recent: newest activity first; priority: the queue order (critical first)."),
    ] = "recent",
) -> list[AlertView]:
    now = services.clock.now()
    with services.database.session() as session:
        found = service.list_alerts(
            session,
            statuses=[s.value for s in status or []],
            severities=[s.value for s in severity or []],
            kind=kind,
            camera_id=camera_id,
            since=since,
            limit=PRIORITY_WINDOW if order == "priority" else limit,
            offset=0 if order == "priority" else offset,
        )
        views = [AlertView.of(alert, now) for alert in found]
    if order == "priority":
        views.sort(key=lambda view: (-view.priority, view.first_seen))
        views = views[offset : offset + limit]
    return views


@router.get(
    "/quality",
    response_model=AlarmQuality,
    summary="Precision per rule, camera and source; alarms per operator-hour; time to acknowledge",
)
def alarm_quality(
    services: ServicesDep,
    _: Reader,
    since: datetime | None = Query(None, description="Default: 24 hours before `until`."),
    until: datetime | None = Query(None, description="Default: now."),
    operators: Annotated[
        int | None, Query(ge=1, le=10_000, description="Operators on duty; default: those who acted.")
    ] = None,
) -> AlarmQuality:
    end = until or services.clock.now()
    start = since or end - timedelta(hours=24)
    if start >= end:
        raise InvalidInputError("since must be before until", field="since", location="query")
    settings = services.settings.alerts
    thresholds = Thresholds(settings.precision_flag_below, settings.precision_min_disposed)
    with services.database.session() as session:
        alerts = service.alerts_between(session, start, end)
        return quality(alerts, start, end, thresholds, operators)


@router.get("/{alert_id}", response_model=AlertView)
def get_alert(alert_id: int, services: ServicesDep, _: Reader) -> AlertView:
    with services.database.session() as session:
        return AlertView.of(service.get_alert(session, alert_id))


@router.post(
    "/{alert_id}/acknowledge", response_model=AlertView, responses={409: {"description": "Not allowed now"}}
)
def acknowledge(alert_id: int, services: ServicesDep, principal: Actor) -> AlertView:
    with action(services, principal) as act:
        view = AlertView.of(
            service.acknowledge(act.session, alert_id, principal.username, services.clock.now())
        )
        act.audit("alert.acknowledge", "alert", alert_id)
        act.publish(alert_event("acknowledged", view, principal.username))
    return view


@router.post("/{alert_id}/assign", response_model=AlertView, summary="Give the alert to a user or a unit")
def assign(alert_id: int, body: AssignRequest, services: ServicesDep, principal: Actor) -> AlertView:
    with action(services, principal) as act:
        if body.unit_id is not None:
            get_unit(act.session, body.unit_id)
        alert = service.assign(
            act.session,
            alert_id,
            services.clock.now(),
            by=principal.username,
            user=body.user,
            unit=body.unit_id,
        )
        view = AlertView.of(alert)
        act.audit("alert.assign", "alert", alert_id, user=body.user, unit_id=body.unit_id)
        act.publish(alert_event("assigned", view, principal.username))
    return view


@router.post("/{alert_id}/dismiss", response_model=AlertView, summary="Dismiss with a reason")
def dismiss(alert_id: int, body: DismissRequest, services: ServicesDep, principal: Actor) -> AlertView:
    with action(services, principal) as act:
        alert = service.dismiss(
            act.session, alert_id, body.reason, principal.username, services.clock.now(), body.disposition
        )
        view = AlertView.of(alert)
        act.audit("alert.dismiss", "alert", alert_id, reason=body.reason, disposition=body.disposition)
        act.publish(alert_event("dismissed", view, principal.username))
    return view


@router.post(
    "/{alert_id}/close",
    response_model=AlertView,
    summary="Close the alarm with its disposition",
    responses={409: {"description": "Already closed"}},
)
def close(alert_id: int, body: CloseRequest, services: ServicesDep, principal: Actor) -> AlertView:
    with action(services, principal) as act:
        alert = service.close(
            act.session, alert_id, body.disposition, principal.username, services.clock.now()
        )
        view = AlertView.of(alert)
        act.audit("alert.close", "alert", alert_id, disposition=body.disposition.value)
        act.publish(alert_event("closed", view, principal.username))
    return view


@router.post("/{alert_id}/escalate", response_model=AlertView)
def escalate(alert_id: int, body: EscalateRequest, services: ServicesDep, principal: Actor) -> AlertView:
    with action(services, principal) as act:
        view = AlertView.of(service.escalate(act.session, alert_id, services.clock.now()))
        act.audit("alert.escalate", "alert", alert_id, reason=body.reason)
        act.publish(alert_event("escalated", view, principal.username))
    return view


@router.post(
    "/{alert_id}/incident",
    response_model=IncidentOut,
    status_code=201,
    summary="Open an incident from the alert (linked both ways)",
    description="The incident starts at the alert's place (its camera's coordinates when the alert has "
    "none), with the alert's time as received time, the camera as address and link, and a description of "
    "the alert.",
)
def open_incident(
    alert_id: int,
    body: OpenIncidentRequest,
    services: ServicesDep,
    dispatch: DispatchRuntimeDep,
    principal: Annotated[Principal, require(Permission.INCIDENTS_MANAGE)],
) -> IncidentOut:
    now = services.clock.now()
    with action(services, principal) as act:
        alert = service.get_alert(act.session, alert_id)
        draft = incident_from(
            alert,
            camera_place(act.session, alert.camera_id),
            type=body.type,
            title=body.title,
            description=body.description,
            priority=body.priority,
            area=body.area,
            address=body.address,
        )
        opened = opening.open_incident(
            act.session, dispatch.taxonomy, draft, principal.username, now, links=links_of(alert)
        )
        incident_id = opened.incident.id
        view = AlertView.of(service.link_incident(act.session, alert_id, incident_id, now))
        act.audit("incident.create", "incident", incident_id, alert_id=alert_id, type=body.type)
        act.publish(opened.created, alert_event("incident", view, principal.username))
    return opened.created.incident
