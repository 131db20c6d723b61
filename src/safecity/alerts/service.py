"""Raising, deduplicating and acting on alerts. Every function works inside the caller's session.

Operator actions go through the transition table in `states`; `confirm` is deliberately not exposed over
HTTP: the face watchlist's two-person confirmation calls it.
"""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Mapping
from collections.abc import Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.alerts.merge_targets import MergeTargets
from safecity.alerts.models import Alert
from safecity.alerts.states import OPEN
from safecity.alerts.states import AlertStatus
from safecity.alerts.states import Disposition
from safecity.alerts.states import InvalidTransitionError
from safecity.alerts.states import Severity
from safecity.alerts.states import check_transition
from safecity.core.db import get_or_raise
from safecity.core.db import where_given
from safecity.core.errors import InvalidInputError
from safecity.core.errors import NotFoundError


class AlertNotFoundError(NotFoundError):
    pass


@dataclass(frozen=True, slots=True)
class AlertInput:
    kind: str
    severity: Severity
    title: str
    subject: str
    source_topic: str
    camera_id: str | None = None
    cooldown_seconds: float = 300.0
    requires_confirmation: bool = False
    latitude: float | None = None
    longitude: float | None = None
    details: Mapping[str, Any] = field(default_factory=dict)
    source_event_id: str | None = None

    @property
    def dedup_key(self) -> str:
        return f"{self.kind}|{self.camera_id or '-'}|{self.subject}"[:400]


@dataclass(frozen=True, slots=True)
class Raised:
    alert: Alert
    created: bool


def raise_alert(
    session: Session,
    data: AlertInput,
    now: datetime,
    targets: MergeTargets | None = None,
    *,
    flush: bool = True,
) -> Raised:
    """A new alert, or, for the same subject on the same camera within the cooldown, one more count on the
    existing alert. A batch applied in one transaction passes its `targets`, read for all its hits at once,
    and `flush=False`: its new alerts are inserted together when it flushes (until then they have no id)."""
    targets = targets or MergeTargets(session)
    existing = targets.latest(data.dedup_key)
    if existing is not None and existing.last_seen >= now - timedelta(seconds=existing.cooldown_seconds):
        existing.count += 1
        existing.last_seen = now
        existing.details = {**existing.details, **data.details, **_merged_sources(existing, data)}
        if data.latitude is not None:
            existing.latitude, existing.longitude = data.latitude, data.longitude
        existing.updated_at = now
        if flush:
            session.flush()
        return Raised(existing, created=False)
    alert = Alert(
        kind=data.kind,
        source_topic=data.source_topic,
        severity=data.severity.value,
        status=AlertStatus.NEW.value,
        title=data.title,
        camera_id=data.camera_id,
        subject=data.subject,
        dedup_key=data.dedup_key,
        cooldown_seconds=data.cooldown_seconds,
        count=1,
        first_seen=now,
        last_seen=now,
        latitude=data.latitude,
        longitude=data.longitude,
        details=dict(data.details),
        source_event_id=data.source_event_id,
        requires_confirmation=data.requires_confirmation,
        escalation_level=0,
        created_at=now,
        updated_at=now,
    )
    session.add(alert)
    if flush:
        session.flush()
    targets.remember(alert)
    return Raised(alert, created=True)


MERGED_SOURCES = "merged_source_event_ids"


def _merged_sources(alert: Alert, data: AlertInput) -> dict[str, list[str]]:
    """An alert that waits for a confirmation remembers every event merged into it: a confirmation may
    come from any of them (two candidates of the same face on one camera)."""
    if not alert.requires_confirmation or data.source_event_id is None:
        return {}
    return {MERGED_SOURCES: [*raised_from(alert), data.source_event_id]}


def raised_from(alert: Alert) -> list[str]:
    """The source events of an alert: the one that raised it and, where remembered, those merged into it."""
    merged = [str(x) for x in alert.details.get(MERGED_SOURCES, [])]
    first = [alert.source_event_id] if alert.source_event_id else []
    return first + [x for x in merged if x not in first]


def get_alert(session: Session, alert_id: int) -> Alert:
    return get_or_raise(session, Alert, alert_id, AlertNotFoundError(f"no alert {alert_id}"))


def list_alerts(
    session: Session,
    *,
    statuses: Sequence[str] = (),
    severities: Sequence[str] = (),
    kind: str | None = None,
    camera_id: str | None = None,
    since: datetime | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[Alert]:
    query = where_given(
        select(Alert),
        (Alert.status, list(statuses)),
        (Alert.severity, list(severities)),
        (Alert.kind, kind),
        (Alert.camera_id, camera_id),
    )
    if since:
        query = query.where(Alert.last_seen >= since)
    return list(
        session.scalars(query.order_by(Alert.last_seen.desc(), Alert.id.desc()).limit(limit).offset(offset))
    )


def alerts_between(session: Session, since: datetime, until: datetime) -> list[Alert]:
    """Alerts first raised in [since, until)."""
    query = select(Alert).where(Alert.first_seen >= since, Alert.first_seen < until)
    return list(session.scalars(query))


def _move(alert: Alert, wanted: AlertStatus, now: datetime) -> None:
    """Change the status along the transition table, with the time stamps the new status carries."""
    check_transition(AlertStatus(alert.status), wanted)
    alert.status = wanted.value
    alert.updated_at = now
    if wanted == AlertStatus.RESOLVED:
        alert.resolved_at = now
    elif wanted == AlertStatus.ESCALATED:
        alert.escalation_level += 1
        alert.escalated_at = now


@contextmanager
def _transition(session: Session, alert_id: int, wanted: AlertStatus, now: datetime) -> Iterator[Alert]:
    """An operator's action on one alert: the alert, moved to `wanted`, for the action to fill in what it
    records; flushed afterwards."""
    alert = get_alert(session, alert_id)
    _move(alert, wanted, now)
    yield alert
    session.flush()


def _acknowledged(alert: Alert, user: str, now: datetime) -> None:
    """Taking an alert on or closing it acknowledges it, unless it already was."""
    if alert.acknowledged_at is None:
        alert.acknowledged_at, alert.acknowledged_by = now, user


def acknowledge(session: Session, alert_id: int, user: str, now: datetime) -> Alert:
    with _transition(session, alert_id, AlertStatus.ACKNOWLEDGED, now) as alert:
        alert.acknowledged_at, alert.acknowledged_by = now, user
    return alert


def assign(
    session: Session,
    alert_id: int,
    now: datetime,
    *,
    by: str,
    user: str | None = None,
    unit: str | None = None,
) -> Alert:
    if (user is None) == (unit is None):
        raise InvalidInputError("assign to exactly one of a user or a unit")
    with _transition(session, alert_id, AlertStatus.ASSIGNED, now) as alert:
        alert.assigned_user, alert.assigned_unit, alert.assigned_at = user, unit, now
        _acknowledged(alert, by, now)
    return alert


def dismiss(
    session: Session,
    alert_id: int,
    reason: str,
    user: str,
    now: datetime,
    disposition: Disposition | None = None,
) -> Alert:
    if not reason.strip():
        raise InvalidInputError("a dismissal needs a reason")
    with _transition(session, alert_id, AlertStatus.DISMISSED, now) as alert:
        alert.dismissed_reason, alert.dismissed_by = reason.strip(), user
        if disposition is not None:
            _dispose(alert, disposition, user, now)
    return alert


def close(session: Session, alert_id: int, disposition: Disposition, user: str, now: datetime) -> Alert:
    """The operator is done with the alarm and says what it was (true, false or nuisance)."""
    with _transition(session, alert_id, AlertStatus.RESOLVED, now) as alert:
        _acknowledged(alert, user, now)
        _dispose(alert, disposition, user, now)
    return alert


def _dispose(alert: Alert, disposition: Disposition, user: str, now: datetime) -> None:
    alert.disposition, alert.disposed_by, alert.disposed_at = disposition.value, user, now


def escalate(session: Session, alert_id: int, now: datetime) -> Alert:
    alert = get_alert(session, alert_id)
    _move(alert, AlertStatus.ESCALATED, now)
    session.flush()
    return alert


def confirm(session: Session, alert_id: int, confirmed_by: Sequence[str], now: datetime) -> Alert:
    """Internal: the face watchlist service calls this once two different people have confirmed a match."""
    if len(set(confirmed_by)) < 2:
        raise InvalidInputError("confirmation needs two different people")
    with _transition(session, alert_id, AlertStatus.CONFIRMED, now) as alert:
        alert.confirmed_at, alert.confirmed_by = now, ",".join(sorted(set(confirmed_by)))
    return alert


def resolve_open(session: Session, kind: str, camera_id: str | None, now: datetime, note: str) -> list[Alert]:
    """The source cleared by itself (a camera back online): resolve that camera's open alerts of `kind`."""
    alerts = session.scalars(
        select(Alert).where(Alert.kind == kind, Alert.camera_id == camera_id, Alert.status.in_(list(OPEN)))
    ).all()
    for alert in alerts:
        _move(alert, AlertStatus.RESOLVED, now)
        alert.details = {**alert.details, "resolution": note}
    session.flush()
    return list(alerts)


def link_incident(session: Session, alert_id: int, incident_id: int, now: datetime) -> Alert:
    alert = get_alert(session, alert_id)
    if AlertStatus(alert.status) not in OPEN:
        raise InvalidTransitionError(AlertStatus(alert.status), AlertStatus.ASSIGNED)
    alert.incident_id = incident_id
    alert.updated_at = now
    session.flush()
    return alert


def escalate_overdue(session: Session, now: datetime, after_seconds: Mapping[str, float]) -> list[Alert]:
    """Escalate every alert still 'new' longer than its severity's limit; returns the escalated alerts."""
    escalated: list[Alert] = []
    for severity, seconds in after_seconds.items():
        # Locked rows are being escalated by another transaction (two timers overlapping while the cluster's
        # leader changes): skipped, so an alert is escalated once.
        overdue = session.scalars(
            select(Alert)
            .where(
                Alert.status == AlertStatus.NEW.value,
                Alert.severity == severity,
                Alert.first_seen <= now - timedelta(seconds=seconds),
            )
            .with_for_update(skip_locked=True)
        ).all()
        for alert in overdue:
            _move(alert, AlertStatus.ESCALATED, now)
            alert.details = {**alert.details, "escalation": f"not acknowledged within {seconds:g} s"}
            escalated.append(alert)
    session.flush()
    return escalated
