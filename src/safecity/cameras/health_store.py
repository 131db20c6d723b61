"""Stored camera health: the current state per camera and state intervals, from which uptime is computed.

Workers publish `camera.health` on every change and a `worker.heartbeat` every few seconds. A camera whose
worker has not reported for `stale_after` seconds is shown offline, and a reporting gap counts as offline
time: a camera nobody watches must never look healthy.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.cameras.events import CameraHealthEvent
from safecity.cameras.events import WorkerHeartbeatEvent
from safecity.cameras.models import CameraHealthInterval
from safecity.cameras.models import CameraHealthRow
from safecity.video.health_types import HealthStatus
from safecity.video.uptime import DailyUptime
from safecity.video.uptime import StatusInterval
from safecity.video.uptime import daily_uptime

HEARTBEAT_SECONDS = 10.0
STALE_AFTER_SECONDS = 3 * HEARTBEAT_SECONDS
NO_REPORT = "no report from a worker"


@dataclass(frozen=True, slots=True)
class HealthView:
    state: str
    since: dt.datetime | None
    reason: str
    fps: float = 0.0
    bitrate_bps: float = 0.0
    reported_at: dt.datetime | None = None


def apply_health_event(
    session: Session, event: CameraHealthEvent, *, stale_after: float = STALE_AFTER_SECONDS
) -> None:
    """Record a health change; re-deliveries and events older than the stored state change nothing."""
    if event.camera_id is None:
        return
    row = session.get(CameraHealthRow, event.camera_id)
    if row is None:
        row = _new_row(session, event.camera_id, event.state, event.time, event.worker)
    elif event.time < row.since:
        return
    else:
        _fill_gap(session, row, event.time, stale_after)
        _change_state(session, row, event.state, event.time)
        row.reported_at = max(row.reported_at, event.time)
        row.worker = event.worker
    row.reason, row.fps, row.bitrate_bps = event.reason, event.fps, event.bitrate_bps


def apply_heartbeat(
    session: Session, event: WorkerHeartbeatEvent, *, stale_after: float = STALE_AFTER_SECONDS
) -> None:
    """A worker is alive: refresh its cameras' rates and report time (and repair a missed change)."""
    for beat in event.cameras:
        row = session.get(CameraHealthRow, beat.camera_id)
        if row is None:
            row = _new_row(session, beat.camera_id, beat.state, event.time, event.worker)
            row.reason = "reported by heartbeat"
        elif event.time < row.reported_at:
            continue
        else:
            _fill_gap(session, row, event.time, stale_after)
            if beat.state != row.state and event.time >= row.since:
                _change_state(session, row, beat.state, event.time)
                row.reason = "reported by heartbeat"
            row.reported_at, row.worker = event.time, event.worker
        row.fps, row.bitrate_bps = beat.fps, beat.bitrate_bps


def current_health(
    session: Session, camera_ids: Iterable[str], *, now: dt.datetime, stale_after: float = STALE_AFTER_SECONDS
) -> dict[str, HealthView]:
    """The health to show for each camera (cameras never reported are `unknown`)."""
    ids = list(camera_ids)
    rows = {
        row.camera_id: row
        for row in session.scalars(select(CameraHealthRow).where(CameraHealthRow.camera_id.in_(ids)))
    }
    return {camera_id: view_of(rows.get(camera_id), now=now, stale_after=stale_after) for camera_id in ids}


def view_of(row: CameraHealthRow | None, *, now: dt.datetime, stale_after: float) -> HealthView:
    if row is None:
        return HealthView("unknown", None, "no report from any worker yet")
    silent = (now - row.reported_at).total_seconds()
    if silent > stale_after:
        since = row.reported_at + dt.timedelta(seconds=stale_after)
        return HealthView("offline", since, f"{NO_REPORT} for {silent:.0f} s", reported_at=row.reported_at)
    if row.state == HealthStatus.CLOSED.value:
        return HealthView("offline", row.since, "not watched by any worker", reported_at=row.reported_at)
    return HealthView(row.state, row.since, row.reason, row.fps, row.bitrate_bps, row.reported_at)


def uptime(
    session: Session,
    camera_id: str,
    *,
    days: int,
    now: dt.datetime,
    stale_after: float = STALE_AFTER_SECONDS,
    tz: dt.tzinfo = dt.UTC,
) -> list[DailyUptime]:
    """One entry per calendar day (in `tz`) of the last `days` days, today included, oldest first."""
    today = now.astimezone(tz).date()
    first_day = today - dt.timedelta(days=days - 1)
    window_start = dt.datetime.combine(first_day, dt.time(), tz)
    intervals = _status_intervals(session, camera_id, window_start, now, stale_after)
    by_day = {entry.day: entry for entry in daily_uptime(intervals, tz)}
    return [
        by_day.get(
            first_day + dt.timedelta(days=n),
            DailyUptime(camera_id, first_day + dt.timedelta(days=n), 0, 0, 0),
        )
        for n in range(days)
    ]


def window_uptime(
    session: Session,
    camera_id: str,
    since: dt.datetime,
    until: dt.datetime,
    *,
    stale_after: float = STALE_AFTER_SECONDS,
) -> tuple[float, float, float]:
    """Seconds observed, available and healthy in [since, until), counted as `uptime` counts its days."""
    entries = daily_uptime(_status_intervals(session, camera_id, since, until, stale_after))
    return (
        sum(e.observed_seconds for e in entries),
        sum(e.available_seconds for e in entries),
        sum(e.healthy_seconds for e in entries),
    )


def forget(session: Session, camera_id: str) -> None:
    """Drop a deleted camera's health and history."""
    session.execute(delete(CameraHealthRow).where(CameraHealthRow.camera_id == camera_id))
    session.execute(delete(CameraHealthInterval).where(CameraHealthInterval.camera_id == camera_id))


# ------------------------------------------------------------------------------------------------ inside
def _status_intervals(
    session: Session, camera_id: str, since: dt.datetime, until: dt.datetime, stale_after: float
) -> list[StatusInterval]:
    """The camera's stored health intervals clipped to [since, until); silence after the last report of an
    open interval counts as offline."""
    rows = session.scalars(
        select(CameraHealthInterval)
        .where(
            CameraHealthInterval.camera_id == camera_id,
            CameraHealthInterval.start < until,
            or_(CameraHealthInterval.end.is_(None), CameraHealthInterval.end > since),
        )
        .order_by(CameraHealthInterval.start)
    )
    health = session.get(CameraHealthRow, camera_id)
    intervals: list[StatusInterval] = []
    for row in rows:
        status = _status(row.state)
        start = max(row.start, since)
        if row.end is not None:
            end = min(row.end, until)
        else:  # the open interval lasts while the worker keeps reporting; silence after that is offline
            last_report = health.reported_at if health is not None else row.start
            end = min(until, max(row.start, last_report) + dt.timedelta(seconds=stale_after))
            if end < until:
                intervals.append(_interval(camera_id, HealthStatus.OFFLINE, end, until))
        if status is not None and end > start:
            intervals.append(_interval(camera_id, status, start, end))
    return intervals


def _new_row(
    session: Session, camera_id: str, state: str, at: dt.datetime, worker: str | None
) -> CameraHealthRow:
    row = CameraHealthRow(
        camera_id=camera_id, state=state, since=at, reported_at=at, worker=worker, reason=""
    )
    session.add(row)
    session.add(CameraHealthInterval(camera_id=camera_id, state=state, start=at))
    return row


def _change_state(session: Session, row: CameraHealthRow, state: str, at: dt.datetime) -> None:
    if state == row.state:
        return
    _close_open_interval(session, row.camera_id, at)
    session.add(CameraHealthInterval(camera_id=row.camera_id, state=state, start=at))
    row.state, row.since = state, at


def _fill_gap(session: Session, row: CameraHealthRow, at: dt.datetime, stale_after: float) -> None:
    """Reports resume after a silence: the silence is stored as offline time."""
    silent_from = row.reported_at + dt.timedelta(seconds=stale_after)
    if at <= silent_from:
        return
    _close_open_interval(session, row.camera_id, silent_from)
    offline = HealthStatus.OFFLINE.value
    session.add(CameraHealthInterval(camera_id=row.camera_id, state=offline, start=silent_from, end=at))
    session.add(CameraHealthInterval(camera_id=row.camera_id, state=row.state, start=at))
    row.since = at


def _close_open_interval(session: Session, camera_id: str, at: dt.datetime) -> None:
    session.flush()
    for interval in session.scalars(
        select(CameraHealthInterval).where(
            CameraHealthInterval.camera_id == camera_id, CameraHealthInterval.end.is_(None)
        )
    ):
        interval.end = max(interval.start, at)


def _status(state: str) -> HealthStatus | None:
    try:
        return HealthStatus(state)
    except ValueError:
        return None


def _interval(camera_id: str, status: HealthStatus, start: dt.datetime, end: dt.datetime) -> StatusInterval:
    return StatusInterval(camera_id, status, start.timestamp(), end.timestamp())
