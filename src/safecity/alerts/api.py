"""The operator's alert routes: list/filter, get, acknowledge, assign, dismiss, escalate, open an incident.

Every action is audited in the same transaction and pushed live as an `alert.*` event.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field, model_validator

from safecity.alerts import service
from safecity.alerts.events import alert_event
from safecity.alerts.schemas import AlertView
from safecity.alerts.states import AlertStatus, Severity
from safecity.core.auth.permissions import Permission
from safecity.core.http.actions import action
from safecity.core.http.deps import ServicesDep
from safecity.core.http.security import Principal, require
from safecity.dispatch import opening
from safecity.dispatch.context import DispatchRuntimeDep
from safecity.dispatch.schemas import IncidentOut
from safecity.dispatch.units import get_unit

router = APIRouter(prefix="/api/v1/alerts", tags=["alerts"])
Reader = Annotated[Principal, require(Permission.EVENTS_READ)]
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


class EscalateRequest(BaseModel):
    reason: str = Field("", max_length=500)


class OpenIncidentRequest(BaseModel):
    type: str = Field(min_length=1, max_length=64)
    title: str = Field("", max_length=300)
    priority: int | None = Field(None, ge=1, le=5)
    area: str | None = Field(None, max_length=100)
    address: str = Field("", max_length=500)


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
) -> list[AlertView]:
    with services.database.session() as session:
        found = service.list_alerts(
            session,
            statuses=[s.value for s in status or []],
            severities=[s.value for s in severity or []],
            kind=kind,
            camera_id=camera_id,
            since=since,
            limit=limit,
            offset=offset,
        )
        return [AlertView.of(alert) for alert in found]


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
        alert = service.dismiss(act.session, alert_id, body.reason, principal.username, services.clock.now())
        view = AlertView.of(alert)
        act.audit("alert.dismiss", "alert", alert_id, reason=body.reason)
        act.publish(alert_event("dismissed", view, principal.username))
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
        opened = opening.open_incident(
            act.session,
            dispatch.taxonomy,
            opening.IncidentInput(
                type=body.type,
                title=body.title or alert.title,
                origin="alert",
                priority=body.priority,
                latitude=alert.latitude,
                longitude=alert.longitude,
                address=body.address,
                area=body.area,
                received_at=alert.first_seen,
            ),
            principal.username,
            now,
            links=[opening.LinkInput("alert", str(alert_id))],
        )
        incident_id = opened.incident.id
        view = AlertView.of(service.link_incident(act.session, alert_id, incident_id, now))
        act.audit("incident.create", "incident", incident_id, alert_id=alert_id, type=body.type)
        act.publish(opened.created, alert_event("incident", view, principal.username))
    return opened.created.incident
