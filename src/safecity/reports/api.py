"""The moderation queue for citizen reports (control room side)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from typing import Literal

from fastapi import APIRouter
from fastapi import Query
from pydantic import BaseModel
from pydantic import Field

from safecity.core.auth.permissions import Permission
from safecity.core.http.actions import action
from safecity.core.http.deps import ServicesDep
from safecity.core.http.security import Principal
from safecity.core.http.security import require
from safecity.dispatch.context import DispatchRuntimeDep
from safecity.dispatch.schemas import IncidentOut
from safecity.reports import service

router = APIRouter(prefix="/api/v1/reports", tags=["citizen reports"])
Moderator = Annotated[Principal, require(Permission.REPORTS_MODERATE)]


class ReportOut(BaseModel):
    id: int
    service_code: str
    description: str
    latitude: float | None
    longitude: float | None
    address_string: str
    media_sha256: str | None
    media_url: str | None
    anonymous: bool
    first_name: str
    last_name: str
    email: str
    phone: str
    status: str
    status_notes: str
    moderation: str
    moderated_by: str | None
    moderated_at: datetime | None
    incident_id: int | None
    alert_id: int | None
    requested_at: datetime
    updated_at: datetime

    model_config = {"from_attributes": True}


class ModerationDecision(BaseModel):
    decision: Literal["accepted", "rejected", "spam"]
    note: str = Field("", max_length=2000, description="Shown to the reporter as status_notes.")
    open_incident: bool = False


class StatusChange(BaseModel):
    status: Literal["open", "closed"]
    notes: str = Field("", max_length=2000)


class Moderated(BaseModel):
    report: ReportOut
    incident: IncidentOut | None


@router.get("", response_model=list[ReportOut], summary="The moderation queue (pending first by default)")
def list_reports(
    services: ServicesDep,
    principal: Moderator,
    moderation: Annotated[list[service.Moderation] | None, Query()] = None,
    service_code: str | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[ReportOut]:
    states = [m.value for m in moderation] if moderation else [service.Moderation.PENDING.value]
    with action(services, principal) as act:
        found = service.search(
            act.session, moderation=states, service_codes=[service_code] if service_code else [], limit=limit
        )
        act.audit("report.list", "citizen_report", "", moderation=states, count=len(found))
        return [ReportOut.model_validate(r) for r in found]


@router.get("/{report_id}", response_model=ReportOut)
def get_report(report_id: int, services: ServicesDep, principal: Moderator) -> ReportOut:
    with action(services, principal) as act:
        out = ReportOut.model_validate(service.get_report(act.session, report_id))
        act.audit("report.view", "citizen_report", report_id)
        return out


@router.post(
    "/{report_id}/moderate", response_model=Moderated, responses={409: {"description": "Already moderated"}}
)
def moderate(
    report_id: int,
    body: ModerationDecision,
    services: ServicesDep,
    dispatch: DispatchRuntimeDep,
    principal: Moderator,
) -> Moderated:
    now = services.clock.now()
    with action(services, principal) as act:
        report, opened = service.moderate(
            act.session,
            dispatch.taxonomy,
            report_id,
            service.Moderation(body.decision),
            principal.username,
            now,
            note=body.note,
            open_incident=body.open_incident,
        )
        result = Moderated(
            report=ReportOut.model_validate(report),
            incident=opened.created.incident if opened else None,
        )
        act.audit(
            "report.moderate",
            "citizen_report",
            report_id,
            decision=body.decision,
            incident_id=result.incident.id if result.incident else None,
        )
        if opened is not None:
            act.publish(opened.created)
    return result


@router.post(
    "/{report_id}/status", response_model=ReportOut, responses={409: {"description": "Not accepted"}}
)
def change_status(
    report_id: int, body: StatusChange, services: ServicesDep, principal: Moderator
) -> ReportOut:
    with action(services, principal) as act:
        report = service.set_status(act.session, report_id, body.status, body.notes, services.clock.now())
        out = ReportOut.model_validate(report)
        act.audit("report.status", "citizen_report", report_id, status=body.status)
    return out
