"""Incident routes: create by hand, list, view (with links, log, assignments), status, notes, links, metrics,
and the situation view (recommended units and nearby cameras)."""

from __future__ import annotations

from datetime import datetime
from datetime import timedelta
from typing import Annotated
from typing import Any
from typing import Literal

from fastapi import APIRouter
from fastapi import Query
from pydantic import BaseModel
from pydantic import Field

from safecity.core.auth.permissions import Permission
from safecity.core.http.actions import Action
from safecity.core.http.actions import action
from safecity.core.http.deps import ServicesDep
from safecity.core.http.parameter_types import DateTimeInput
from safecity.core.http.security import Principal
from safecity.core.http.security import require
from safecity.dispatch import incidents
from safecity.dispatch import metrics
from safecity.dispatch import units
from safecity.dispatch.cameras import cameras_near
from safecity.dispatch.context import DispatchRuntimeDep
from safecity.dispatch.context import calendar_of
from safecity.dispatch.events import IncidentUpdated
from safecity.dispatch.models import Incident
from safecity.dispatch.opening import IncidentInput
from safecity.dispatch.opening import open_incident
from safecity.dispatch.schemas import AssignmentOut
from safecity.dispatch.schemas import IncidentOut
from safecity.dispatch.schemas import LinkOut
from safecity.dispatch.schemas import LogEntryOut
from safecity.dispatch.schemas import NearbyCameraOut
from safecity.dispatch.schemas import RecommendationOut
from safecity.dispatch.states import IncidentStatus
from safecity.dispatch.taxonomy import IncidentType

router = APIRouter(prefix="/api/v1", tags=["incidents"])
Reader = Annotated[Principal, require(Permission.EVENTS_READ)]
Manager = Annotated[Principal, require(Permission.INCIDENTS_MANAGE)]
MAX_DESCRIPTION_LENGTH = 5000


class IncidentCreate(BaseModel):
    type: str = Field(min_length=1, max_length=64)
    title: str = Field("", max_length=300)
    description: str | None = Field(
        None,
        max_length=MAX_DESCRIPTION_LENGTH,
        description="What was reported, in words (at most 5000 characters); blank is stored as none.",
    )
    priority: int | None = Field(None, ge=1, le=5)
    latitude: float | None = Field(None, ge=-90, le=90)
    longitude: float | None = Field(None, ge=-180, le=180)
    address: str = Field("", max_length=500)
    area: str | None = Field(None, max_length=100)
    received_at: DateTimeInput | None = None


class StatusChange(BaseModel):
    status: IncidentStatus
    note: str = Field("", max_length=2000)


class NoteCreate(BaseModel):
    text: str = Field(min_length=1, max_length=5000)


class LinkCreate(BaseModel):
    kind: Literal["alert", "camera", "evidence", "person", "vehicle", "call", "report"]
    ref: str = Field(min_length=1, max_length=200)
    note: str = Field("", max_length=2000)


class IncidentDetail(BaseModel):
    incident: IncidentOut
    links: list[LinkOut]
    log: list[LogEntryOut]
    assignments: list[AssignmentOut]
    times: dict[str, float | None]


class Situation(BaseModel):
    incident: IncidentOut
    recommended_units: list[RecommendationOut]
    cameras: list[NearbyCameraOut]


class IntervalStatsOut(BaseModel):
    count: int
    p50: float | None
    p90: float | None
    p95: float | None
    target_s: float
    within_target: float | None
    met: bool | None


class MetricsOut(BaseModel):
    since: datetime
    until: datetime
    group_by: str
    target_fraction: float
    groups: dict[str, dict[str, IntervalStatsOut]]


@router.get("/incident-types", response_model=list[IncidentType], summary="The incident type taxonomy")
def incident_types(services: ServicesDep, dispatch: DispatchRuntimeDep, _: Reader) -> list[IncidentType]:
    return dispatch.taxonomy.all()


@router.post("/incidents", response_model=IncidentOut, status_code=201, summary="Open an incident by hand")
def create_incident(
    body: IncidentCreate, services: ServicesDep, dispatch: DispatchRuntimeDep, principal: Manager
) -> IncidentOut:
    now = services.clock.now()
    with action(services, principal) as act:
        opened = open_incident(
            act.session,
            dispatch.taxonomy,
            IncidentInput(**body.model_dump(), origin="manual"),
            principal.username,
            now,
        )
        act.audit("incident.create", "incident", opened.incident.id, type=body.type)
        act.publish(opened.created)
    return opened.created.incident


@router.get("/incidents", response_model=list[IncidentOut], summary="Incidents, most urgent first")
def list_incidents(
    services: ServicesDep,
    _: Reader,
    status: Annotated[list[IncidentStatus] | None, Query()] = None,
    type: str | None = None,
    area: str | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> list[IncidentOut]:
    with services.database.session() as session:
        found = incidents.list_incidents(
            session,
            statuses=[s.value for s in status or []],
            type=type,
            area=area,
            limit=limit,
            offset=offset,
        )
        return [IncidentOut.model_validate(i) for i in found]


@router.get("/incidents/{incident_id}", response_model=IncidentDetail)
def get_incident(incident_id: int, services: ServicesDep, _: Reader) -> IncidentDetail:
    with services.database.session() as session:
        incident = incidents.get_incident(session, incident_id)
        assignments = units.assignments_of(session, incident_id)
        times = metrics.incident_times(incident, assignments, calendar_of(services))
        return IncidentDetail(
            incident=IncidentOut.model_validate(incident),
            links=[LinkOut.model_validate(x) for x in incidents.links_of(session, incident_id)],
            log=[LogEntryOut.model_validate(x) for x in incidents.log_of(session, incident_id)],
            assignments=[AssignmentOut.model_validate(a) for a in assignments],
            times={name: times.value(name) for name in metrics.INTERVALS},
        )


@router.post(
    "/incidents/{incident_id}/status", response_model=IncidentOut, responses={409: {"description": "Refused"}}
)
def change_status(
    incident_id: int, body: StatusChange, services: ServicesDep, principal: Manager
) -> IncidentOut:
    with action(services, principal) as act:
        incident = incidents.set_status(
            act.session, incident_id, body.status, principal.username, services.clock.now(), body.note
        )
        out = _changed(act, incident, "status", status=body.status.value)
    return out


@router.post("/incidents/{incident_id}/notes", response_model=LogEntryOut, status_code=201)
def add_note(incident_id: int, body: NoteCreate, services: ServicesDep, principal: Manager) -> LogEntryOut:
    with action(services, principal) as act:
        entry = incidents.add_note(
            act.session, incident_id, principal.username, body.text, services.clock.now()
        )
        out = LogEntryOut.model_validate(entry)
        _changed(act, incidents.get_incident(act.session, incident_id), "note")
    return out


def _changed(act: Action, incident: Incident, what: str, **details: Any) -> IncidentOut:
    """An operator changed the incident (`what`: status, note): audited as `incident.<what>` and announced
    to the other operators as an `incident.updated` event."""
    out = IncidentOut.model_validate(incident)
    act.audit(f"incident.{what}", "incident", incident.id, **details)
    act.publish(IncidentUpdated(incident=out, action=what, actor=act.principal.username))
    return out


@router.post("/incidents/{incident_id}/links", response_model=LinkOut, status_code=201)
def add_link(incident_id: int, body: LinkCreate, services: ServicesDep, principal: Manager) -> LinkOut:
    with action(services, principal) as act:
        item = incidents.link(
            act.session, incident_id, body.kind, body.ref, principal.username, services.clock.now(), body.note
        )
        out = LinkOut.model_validate(item)
        act.audit("incident.link", "incident", incident_id, kind=body.kind, ref=body.ref)
    return out


@router.get(
    "/incidents/{incident_id}/situation",
    response_model=Situation,
    summary="For the operator: the nearest available units (by travel time) and the nearest cameras",
)
def situation(
    incident_id: int,
    services: ServicesDep,
    dispatch: DispatchRuntimeDep,
    _: Reader,
    limit: Annotated[int, Query(ge=1, le=50)] = 5,
    capability: str | None = None,
) -> Situation:
    with services.database.session() as session:
        incident = incidents.get_incident(session, incident_id)
        out = IncidentOut.model_validate(incident)
        needed = capability or dispatch.taxonomy.get(incident.type).capability
        recommended = []
        if incident.latitude is not None and incident.longitude is not None:
            recommended = [
                RecommendationOut.model_validate(r)
                for r in units.recommend(
                    session,
                    dispatch.router,
                    incident.latitude,
                    incident.longitude,
                    capability=needed,
                    limit=limit,
                )
            ]
    cameras = []
    if out.latitude is not None and out.longitude is not None:
        cameras = cameras_near(
            services.database, out.latitude, out.longitude, services.settings.dispatch.cameras_near
        )
    return Situation(incident=out, recommended_units=recommended, cameras=cameras)


@router.get(
    "/dispatch/metrics", response_model=MetricsOut, summary="Response-time percentiles against targets"
)
def response_metrics(
    services: ServicesDep,
    _: Reader,
    since: datetime | None = None,
    until: datetime | None = None,
    group_by: metrics.GroupBy = "all",
) -> MetricsOut:
    end = until or services.clock.now()
    start = since or end - timedelta(days=1)
    targets = services.settings.dispatch.targets
    with services.database.session() as session:
        times = metrics.load_times(session, start, end, calendar_of(services))
    summary = metrics.summarize(times, targets, group_by)
    return MetricsOut(
        since=start,
        until=end,
        group_by=group_by,
        target_fraction=targets.fraction,
        groups={
            key: {
                name: IntervalStatsOut.model_validate(stats, from_attributes=True)
                for name, stats in group.items()
            }
            for key, group in summary.items()
        },
    )
