"""The call-taker's screen: take a call, give it an outcome, see the caller's history, count the junk."""

from __future__ import annotations

from datetime import datetime
from datetime import timedelta
from typing import Annotated

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
from safecity.dispatch import calls
from safecity.dispatch import incidents
from safecity.dispatch.context import DispatchRuntimeDep
from safecity.dispatch.schemas import CallerHistoryOut
from safecity.dispatch.schemas import CallOut
from safecity.dispatch.schemas import IncidentOut

router = APIRouter(prefix="/api/v1/calls", tags=["helpline"])
CallTaker = Annotated[Principal, require(Permission.CALLS_TAKE)]


class CallCreate(BaseModel):
    caller_number: str = Field(min_length=3, max_length=32, pattern=r"^[0-9+()\- ]+$")
    disposition: calls.Disposition = calls.Disposition.PENDING
    received_at: DateTimeInput | None = Field(
        None, description="When the call rang (from the telephony system)."
    )
    latitude: float | None = Field(None, ge=-90, le=90)
    longitude: float | None = Field(None, ge=-180, le=180)
    address: str = Field("", max_length=500)
    type: str | None = Field(None, max_length=64, description="Incident type (required for an incident).")
    notes: str = Field("", max_length=5000)
    area: str | None = Field(None, max_length=100)
    incident_id: int | None = Field(None, description="For a duplicate: the incident the call is about.")


class DispositionChange(BaseModel):
    disposition: calls.Disposition
    type: str | None = Field(None, max_length=64)
    area: str | None = Field(None, max_length=100)
    incident_id: int | None = None


class CallTaken(BaseModel):
    call: CallOut
    caller: CallerHistoryOut
    incident: IncidentOut | None


class CallStats(BaseModel):
    since: datetime
    until: datetime
    total: int
    by_disposition: dict[str, int]
    not_incident_share: float | None


def _taken(services: ServicesDep, call_id: int) -> CallTaken:
    settings = services.settings.dispatch
    with services.database.session() as session:
        call = calls.get_call(session, call_id)
        history = calls.caller_history(
            session,
            call.caller_key,
            call.received_at,
            timedelta(hours=settings.repeat_caller_hours),
            settings.repeat_caller_threshold,
        )
        incident = (
            IncidentOut.model_validate(incidents.get_incident(session, call.incident_id))
            if call.incident_id
            else None
        )
        return CallTaken(
            call=CallOut.model_validate(call),
            caller=_history(history),
            incident=incident,
        )


def _history(history: calls.CallerHistory) -> CallerHistoryOut:
    return CallerHistoryOut(
        calls_in_window=history.calls_in_window,
        not_incidents_in_window=history.not_incidents_in_window,
        repeat=history.repeat,
    )


@router.post(
    "", response_model=CallTaken, status_code=201, summary="Record a call (and its outcome if known)"
)
def take_call(
    body: CallCreate, services: ServicesDep, dispatch: DispatchRuntimeDep, principal: CallTaker
) -> CallTaken:
    with action(services, principal) as act:
        outcome = calls.take_call(
            act.session,
            dispatch.taxonomy,
            calls.CallInput(**body.model_dump()),
            principal.username,
            services.clock.now(),
        )
        call_id = outcome.call.id
        act.audit("call.take", "call", call_id, disposition=outcome.call.disposition)
        _publish_opened(act, outcome)
    return _taken(services, call_id)


@router.post(
    "/{call_id}/disposition", response_model=CallTaken, responses={409: {"description": "Already set"}}
)
def dispose(
    call_id: int,
    body: DispositionChange,
    services: ServicesDep,
    dispatch: DispatchRuntimeDep,
    principal: CallTaker,
) -> CallTaken:
    with action(services, principal) as act:
        outcome = calls.dispose(
            act.session,
            dispatch.taxonomy,
            call_id,
            body.disposition,
            principal.username,
            services.clock.now(),
            incident_id=body.incident_id,
            area=body.area,
            type=body.type,
        )
        act.audit("call.dispose", "call", call_id, disposition=body.disposition.value)
        _publish_opened(act, outcome)
    return _taken(services, call_id)


def _publish_opened(act: Action, outcome: calls.CallOutcome) -> None:
    if outcome.opened is not None:
        act.publish(outcome.opened.created)


@router.get(
    "/stats", response_model=CallStats, summary="Calls by outcome (irrelevant and prank calls counted)"
)
def stats(
    services: ServicesDep, _: CallTaker, since: datetime | None = None, until: datetime | None = None
) -> CallStats:
    end = until or services.clock.now()
    start = since or end - timedelta(days=1)
    with services.database.session() as session:
        counts = calls.stats(session, start, end)
    total = sum(counts.values())
    junk = sum(counts[d.value] for d in calls.NOT_INCIDENTS)
    return CallStats(
        since=start,
        until=end,
        total=total,
        by_disposition=counts,
        not_incident_share=junk / total if total else None,
    )


@router.get("/by-caller", response_model=list[CallOut], summary="A caller's previous calls, newest first")
def by_caller(
    services: ServicesDep,
    _: CallTaker,
    number: Annotated[str, Query(min_length=3, max_length=32)],
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> list[CallOut]:
    with services.database.session() as session:
        return [
            CallOut.model_validate(c) for c in calls.calls_by_caller(session, calls.caller_key(number), limit)
        ]


@router.get("/{call_id}", response_model=CallTaken)
def get_call(call_id: int, services: ServicesDep, _: CallTaker) -> CallTaken:
    return _taken(services, call_id)
