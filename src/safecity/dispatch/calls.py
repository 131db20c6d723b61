"""Helpline call intake (the call-taker's screen): dispositions, irrelevant/prank counting, repeat callers.

A call becomes an incident only when the call-taker says so; irrelevant, prank and information calls are
counted (PSCA's 15 line: 61% of calls irrelevant) but never become incidents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from datetime import timedelta
from enum import StrEnum

from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.core.db import get_or_raise
from safecity.core.errors import InvalidInputError
from safecity.core.errors import NotFoundError
from safecity.dispatch import incidents
from safecity.dispatch.models import HelplineCall
from safecity.dispatch.opening import IncidentInput
from safecity.dispatch.opening import LinkInput
from safecity.dispatch.opening import OpenedIncident
from safecity.dispatch.opening import open_incident
from safecity.dispatch.states import TransitionError
from safecity.dispatch.taxonomy import Taxonomy


class Disposition(StrEnum):
    PENDING = "pending"  # the call-taker is still on the line
    INCIDENT = "incident"  # a new incident was opened
    DUPLICATE = "duplicate"  # about an incident that already exists
    INFORMATION = "information"  # advice given, nothing to dispatch
    IRRELEVANT = "irrelevant"
    PRANK = "prank"


NOT_INCIDENTS = frozenset({Disposition.INFORMATION, Disposition.IRRELEVANT, Disposition.PRANK})


class CallNotFoundError(NotFoundError):
    pass


def caller_key(number: str) -> str:
    """Digits only, Pakistani country prefix and trunk zero removed: '+92 300-1234567' == '03001234567'."""
    digits = re.sub(r"\D", "", number)
    for prefix in ("0092", "92"):
        if digits.startswith(prefix) and len(digits) > 10:
            digits = digits[len(prefix) :]
            break
    return digits.lstrip("0") or digits


@dataclass(frozen=True, slots=True)
class CallInput:
    caller_number: str
    disposition: Disposition = Disposition.PENDING
    received_at: datetime | None = None
    latitude: float | None = None
    longitude: float | None = None
    address: str = ""
    type: str | None = None
    notes: str = ""
    area: str | None = None
    incident_id: int | None = None  # for duplicates


@dataclass(frozen=True, slots=True)
class CallerHistory:
    calls_in_window: int  # including this one
    not_incidents_in_window: int
    repeat: bool


@dataclass(frozen=True, slots=True)
class CallOutcome:
    call: HelplineCall
    opened: OpenedIncident | None  # when the call became a new incident


def take_call(
    session: Session, taxonomy: Taxonomy, data: CallInput, taker: str, now: datetime
) -> CallOutcome:
    call = HelplineCall(
        caller_number=data.caller_number.strip(),
        caller_key=caller_key(data.caller_number),
        received_at=data.received_at or now,
        taken_by=taker,
        latitude=data.latitude,
        longitude=data.longitude,
        address=data.address,
        type=data.type,
        notes=data.notes,
        disposition=Disposition.PENDING.value,
        updated_at=now,
    )
    session.add(call)
    session.flush()
    if data.disposition != Disposition.PENDING:
        return dispose(
            session,
            taxonomy,
            call.id,
            data.disposition,
            taker,
            now,
            incident_id=data.incident_id,
            area=data.area,
        )
    return CallOutcome(call, None)


def get_call(session: Session, call_id: int) -> HelplineCall:
    return get_or_raise(session, HelplineCall, call_id, CallNotFoundError(f"no call {call_id}"))


def dispose(
    session: Session,
    taxonomy: Taxonomy,
    call_id: int,
    disposition: Disposition,
    taker: str,
    now: datetime,
    *,
    incident_id: int | None = None,
    area: str | None = None,
    type: str | None = None,
) -> CallOutcome:
    """Close a pending call with its outcome; a call's outcome is set once (409 afterwards)."""
    call = get_call(session, call_id)
    if call.disposition != Disposition.PENDING.value:
        raise TransitionError(f"call {call_id} is already {call.disposition}")
    if disposition == Disposition.PENDING:
        raise InvalidInputError("a disposition other than pending is needed")
    call.type = type or call.type
    opened = None
    if disposition == Disposition.INCIDENT:
        if not call.type:
            raise InvalidInputError("an incident needs an incident type", field="type")
        opened = open_incident(
            session,
            taxonomy,
            IncidentInput(
                type=call.type,
                origin="call",
                latitude=call.latitude,
                longitude=call.longitude,
                address=call.address,
                area=area,
                received_at=call.received_at,
                title=call.notes[:300],
            ),
            taker,
            now,
            links=[LinkInput("call", str(call.id))],
        )
        call.incident_id = opened.incident.id
    elif disposition == Disposition.DUPLICATE:
        if incident_id is None:
            raise InvalidInputError("a duplicate call names the incident it is about", field="incident_id")
        incidents.link(session, incident_id, "call", str(call.id), taker, now, note="repeat report")
        call.incident_id = incident_id
    call.disposition = disposition.value
    call.updated_at = now
    session.flush()
    return CallOutcome(call, opened)


def caller_history(
    session: Session, key: str, now: datetime, window: timedelta, threshold: int
) -> CallerHistory:
    since = now - window
    rows = session.execute(
        select(HelplineCall.disposition, func.count())
        .where(HelplineCall.caller_key == key, HelplineCall.received_at >= since)
        .group_by(HelplineCall.disposition)
    ).all()
    counts = {str(d): int(n) for d, n in rows}
    total = sum(counts.values())
    junk = sum(counts.get(d.value, 0) for d in NOT_INCIDENTS)
    return CallerHistory(calls_in_window=total, not_incidents_in_window=junk, repeat=total >= threshold)


def calls_by_caller(session: Session, key: str, limit: int = 50) -> list[HelplineCall]:
    query = (
        select(HelplineCall).where(HelplineCall.caller_key == key).order_by(HelplineCall.received_at.desc())
    )
    return list(session.scalars(query.limit(limit)))


def stats(session: Session, since: datetime, until: datetime) -> dict[str, int]:
    rows = session.execute(
        select(HelplineCall.disposition, func.count())
        .where(HelplineCall.received_at >= since, HelplineCall.received_at < until)
        .group_by(HelplineCall.disposition)
    ).all()
    counts = {d.value: 0 for d in Disposition}
    counts.update({str(d): int(n) for d, n in rows})
    return counts
