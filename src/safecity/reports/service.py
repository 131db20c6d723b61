"""Citizen reports: submission (anonymous or not), the reporter's token, moderation and status."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.alerts import service as alerts
from safecity.alerts.models import Alert
from safecity.core.auth import secret_tokens
from safecity.core.db import get_or_raise
from safecity.core.db import where_given
from safecity.core.errors import InvalidInputError
from safecity.core.errors import NotFoundError
from safecity.dispatch import opening
from safecity.dispatch.states import TransitionError
from safecity.dispatch.taxonomy import Taxonomy
from safecity.reports.catalog import BY_CODE
from safecity.reports.catalog import ReportService
from safecity.reports.models import CitizenReport


class Moderation(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    SPAM = "spam"


class ReportNotFoundError(NotFoundError):
    pass


@dataclass(frozen=True, slots=True)
class ReportInput:
    service_code: str
    latitude: float | None
    longitude: float | None
    address_string: str = ""
    description: str = ""
    media_sha256: str | None = None
    media_url: str | None = None
    anonymous: bool = False
    first_name: str = ""
    last_name: str = ""
    email: str = ""
    phone: str = ""
    device_id: str = ""


@dataclass(frozen=True, slots=True)
class Submitted:
    report: CitizenReport
    token: str
    alert: Alert
    alert_created: bool


def service_of(code: str) -> ReportService:
    try:
        return BY_CODE[code]
    except KeyError:
        raise InvalidInputError(f"unknown service_code {code!r}") from None


def submit(session: Session, data: ReportInput, now: datetime) -> Submitted:
    """Store the report (contact details dropped when anonymous) and raise an alert for the control room;
    reports of the same kind from the same spot within the cooldown count up on one alert."""
    service = service_of(data.service_code)
    issued = secret_tokens.issue()
    contact = {
        "first_name": data.first_name,
        "last_name": data.last_name,
        "email": data.email,
        "phone": data.phone,
    }
    if data.anonymous:
        contact = dict.fromkeys(contact, "")
    report = CitizenReport(
        service_code=service.code,
        description=data.description,
        latitude=data.latitude,
        longitude=data.longitude,
        address_string=data.address_string,
        media_sha256=data.media_sha256,
        media_url=data.media_url,
        anonymous=data.anonymous,
        device_id="" if data.anonymous else data.device_id,
        token_sha256=issued.sha256,
        status="open",
        status_notes="received; awaiting review",
        moderation=Moderation.PENDING.value,
        requested_at=now,
        updated_at=now,
        **contact,
    )
    session.add(report)
    session.flush()
    spot = (
        f"{data.latitude:.3f},{data.longitude:.3f}" if data.latitude is not None else data.address_string[:80]
    )
    raised = alerts.raise_alert(
        session,
        alerts.AlertInput(
            kind="citizen_report",
            severity=service.severity,
            title=f"Citizen report: {service.name}",
            subject=f"{service.code}@{spot}",
            source_topic="report",
            cooldown_seconds=600,
            latitude=data.latitude,
            longitude=data.longitude,
            details={
                "report_id": report.id,
                "service_code": service.code,
                "has_photo": data.media_sha256 is not None,
            },
        ),
        now,
    )
    report.alert_id = raised.alert.id
    session.flush()
    return Submitted(report, issued.token, raised.alert, raised.created)


def get_report(session: Session, report_id: int) -> CitizenReport:
    return get_or_raise(
        session, CitizenReport, report_id, ReportNotFoundError(f"no service request {report_id}")
    )


def token_matches(report: CitizenReport, token: str) -> bool:
    return secret_tokens.matches(report.token_sha256, token)


def public_services() -> set[str]:
    return {code for code, service in BY_CODE.items() if service.public}


def search(
    session: Session,
    *,
    ids: Sequence[int] = (),
    service_codes: Sequence[str] = (),
    status: str | None = None,
    moderation: Sequence[str] = (),
    start: datetime | None = None,
    end: datetime | None = None,
    limit: int = 1000,
) -> list[CitizenReport]:
    query = where_given(
        select(CitizenReport),
        (CitizenReport.id, list(ids)),
        (CitizenReport.service_code, list(service_codes)),
        (CitizenReport.status, status),
        (CitizenReport.moderation, list(moderation)),
    )
    if start:
        query = query.where(CitizenReport.requested_at >= start)
    if end:
        query = query.where(CitizenReport.requested_at <= end)
    return list(session.scalars(query.order_by(CitizenReport.requested_at.desc()).limit(limit)))


def moderate(
    session: Session,
    taxonomy: Taxonomy,
    report_id: int,
    decision: Moderation,
    by: str,
    now: datetime,
    *,
    note: str = "",
    open_incident: bool = False,
) -> tuple[CitizenReport, opening.OpenedIncident | None]:
    """Accept (optionally opening an incident), reject or mark spam; a report is moderated once (409)."""
    report = get_report(session, report_id)
    if report.moderation != Moderation.PENDING.value:
        raise TransitionError(f"service request {report_id} is already {report.moderation}")
    if decision == Moderation.PENDING:
        raise InvalidInputError("choose accepted, rejected or spam", field="decision")
    report.moderation, report.moderated_by, report.moderated_at = decision.value, by, now
    report.updated_at = now
    opened = None
    if decision == Moderation.ACCEPTED:
        report.status_notes = note or "accepted; being handled"
        if open_incident:
            service = service_of(report.service_code)
            links = [opening.LinkInput("report", str(report.id))]
            if report.media_sha256:
                links.append(opening.LinkInput("evidence", report.media_sha256, note="citizen photo"))
            opened = opening.open_incident(
                session,
                taxonomy,
                opening.IncidentInput(
                    type=service.incident_type,
                    title=f"{service.name} (citizen report {report.id})",
                    origin="report",
                    latitude=report.latitude,
                    longitude=report.longitude,
                    address=report.address_string,
                    received_at=report.requested_at,
                ),
                by,
                now,
                links,
            )
            report.incident_id = opened.incident.id
    else:
        report.status = "closed"
        report.status_notes = note or "closed after review"
    session.flush()
    return report, opened


def set_status(session: Session, report_id: int, status: str, notes: str, now: datetime) -> CitizenReport:
    report = get_report(session, report_id)
    if report.moderation != Moderation.ACCEPTED.value:
        raise TransitionError(
            f"service request {report_id} is {report.moderation}; only accepted ones change status"
        )
    report.status, report.status_notes, report.updated_at = status, notes or report.status_notes, now
    session.flush()
    return report
