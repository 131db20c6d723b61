"""Where crime events come from: imported records plus what the command centre already holds — incidents,
helpline calls that did not become an incident, and moderator-accepted citizen reports that did not either
(one event per real-world occurrence; anything without a location is left out)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC
from datetime import datetime

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.crime.events import CrimeEvents
from safecity.crime.events import days_since_epoch
from safecity.crime.records import CrimeRecord
from safecity.dispatch.models import HelplineCall
from safecity.dispatch.models import Incident
from safecity.reports.models import CitizenReport

SOURCES = ("import", "incident", "call", "report")


@dataclass(frozen=True)
class SourcedEvent:
    occurred_at: datetime
    latitude: float
    longitude: float
    kind: str
    source: str


def sourced_events(
    session: Session, *, since: datetime, until: datetime, kind: str | None = None
) -> list[SourcedEvent]:
    """Events in [since, until) from every source, oldest first."""
    rows: list[SourcedEvent] = []
    records = select(
        CrimeRecord.occurred_at, CrimeRecord.latitude, CrimeRecord.longitude, CrimeRecord.kind
    ).where(CrimeRecord.occurred_at >= since, CrimeRecord.occurred_at < until)
    rows += _located(session.execute(records).all(), "import")
    incidents = select(Incident.received_at, Incident.latitude, Incident.longitude, Incident.type).where(
        Incident.received_at >= since,
        Incident.received_at < until,
        Incident.latitude.is_not(None),
        Incident.longitude.is_not(None),
    )
    rows += _located(session.execute(incidents).all(), "incident")
    calls = select(
        HelplineCall.received_at, HelplineCall.latitude, HelplineCall.longitude, HelplineCall.type
    ).where(
        HelplineCall.received_at >= since,
        HelplineCall.received_at < until,
        HelplineCall.incident_id.is_(None),
        HelplineCall.latitude.is_not(None),
        HelplineCall.longitude.is_not(None),
    )
    rows += _located(session.execute(calls).all(), "call")
    reports = select(
        CitizenReport.requested_at,
        CitizenReport.latitude,
        CitizenReport.longitude,
        CitizenReport.service_code,
    ).where(
        CitizenReport.requested_at >= since,
        CitizenReport.requested_at < until,
        CitizenReport.moderation == "accepted",
        CitizenReport.incident_id.is_(None),
        CitizenReport.latitude.is_not(None),
        CitizenReport.longitude.is_not(None),
    )
    rows += _located(session.execute(reports).all(), "report")
    if kind is not None:
        rows = [row for row in rows if row.kind == kind]
    return sorted(rows, key=lambda row: row.occurred_at)


def _located(
    rows: Iterable[tuple[datetime, float | None, float | None, str | None]], source: str
) -> list[SourcedEvent]:
    return [
        SourcedEvent(t, lat, lon, kind or "", source)
        for t, lat, lon, kind in rows
        if lat is not None and lon is not None
    ]


def as_events(rows: list[SourcedEvent]) -> CrimeEvents:
    t = np.array([days_since_epoch(row.occurred_at.astimezone(UTC)) for row in rows], dtype=np.float64)
    lat = np.array([row.latitude for row in rows], dtype=np.float64)
    lon = np.array([row.longitude for row in rows], dtype=np.float64)
    return CrimeEvents.from_degrees(t, lat, lon, np.array([row.kind for row in rows], dtype=str))
