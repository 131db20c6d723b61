"""Aggregates for the dashboards: rows counted per time bucket with SQL GROUP BY, uptime per camera.

Buckets are fixed-size steps from the window's start. Timestamps become whole epoch seconds in SQL with a
dialect-aware expression (`strftime('%s')` on SQLite, `extract(epoch)` on PostgreSQL), so one query groups
on both backends. Only counts leave this module: no plate, person or free text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import BigInteger
from sqlalchemy import ColumnElement
from sqlalchemy import Row
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.expression import FunctionElement

from safecity.alerts.models import Alert
from safecity.anpr.models import PlateReadRecord
from safecity.cameras.health_store import window_uptime
from safecity.cameras.models import Camera
from safecity.dashboards.window import Window
from safecity.dispatch.models import Incident
from safecity.video.uptime import UptimePercents

NO_GROUP = "all"


class epoch_seconds(FunctionElement[int]):  # noqa: N801  (SQLAlchemy names SQL functions in lower case)
    """Whole seconds since 1970-01-01 UTC of a UTC timestamp column."""

    type = BigInteger()
    inherit_cache = True


@compiles(epoch_seconds, "sqlite")
def _epoch_sqlite(element: epoch_seconds, compiler: SQLCompiler, **kw: Any) -> str:
    # SQLite stores UTCDateTime as naive UTC text, 'YYYY-MM-DD HH:MM:SS.ffffff'. Its date functions round
    # to milliseconds (10:59:59.9999 would become 11:00), so the fraction is cut off before parsing.
    return f"CAST(strftime('%s', substr({compiler.process(element.clauses, **kw)}, 1, 19)) AS INTEGER)"


@compiles(epoch_seconds, "postgresql")
def _epoch_postgresql(element: epoch_seconds, compiler: SQLCompiler, **kw: Any) -> str:
    return f"CAST(floor(extract(epoch FROM {compiler.process(element.clauses, **kw)})) AS BIGINT)"


@dataclass(frozen=True, slots=True)
class BucketCount:
    start: dt.datetime
    group: str
    count: int


def grouped_counts(
    session: Session,
    time_column: InstrumentedAttribute[dt.datetime],
    since: dt.datetime,
    until: dt.datetime,
    *,
    origin: int,
    bucket_seconds: int,
    groups: Sequence[ColumnElement[Any]] = (),
    where: Sequence[ColumnElement[bool]] = (),
) -> list[Row[Any]]:
    """Rows whose `time_column` is in [since, until) (and match `where`), counted per bucket of
    `bucket_seconds` from epoch second `origin` and per `groups`: rows of (bucket, *groups, n), empty
    buckets left out. The one GROUP BY every dashboard count uses."""
    bucket: ColumnElement[int] = ((epoch_seconds(time_column) - origin) // bucket_seconds).label("bucket")
    columns: list[ColumnElement[Any]] = [bucket, *groups]
    query = (
        select(*columns, func.count().label("n"))
        .where(time_column >= since, time_column < until, *where)
        .group_by(*columns)
        .order_by(*columns)
    )
    return list(session.execute(query))


def count_by_bucket(
    session: Session,
    time_column: InstrumentedAttribute[dt.datetime],
    window: Window,
    group_column: InstrumentedAttribute[Any] | None = None,
) -> list[BucketCount]:
    """Rows whose `time_column` is in the window, counted per bucket (and group); empty buckets left out."""
    groups = [] if group_column is None else [group_column.label("grp")]
    rows = grouped_counts(
        session,
        time_column,
        window.since,
        window.until,
        origin=int(window.since.timestamp()),
        bucket_seconds=window.bucket_seconds,
        groups=groups,
    )
    return [
        BucketCount(
            start=window.bucket_start(int(row.bucket)),
            group=NO_GROUP if group_column is None else str(row.grp),
            count=int(row.n),
        )
        for row in rows
    ]


def alerts_by_severity(session: Session, window: Window) -> list[BucketCount]:
    """Alerts raised (first seen) per bucket and severity; repeats merged into an alert are not recounted."""
    return count_by_bucket(session, Alert.first_seen, window, Alert.severity)


def incidents_by_priority(session: Session, window: Window) -> list[BucketCount]:
    """Incidents received per bucket and priority (1 = most urgent)."""
    return count_by_bucket(session, Incident.received_at, window, Incident.priority)


def plate_reads(session: Session, window: Window) -> list[BucketCount]:
    """Stored plate reads per bucket: the volume only, never a plate."""
    return count_by_bucket(session, PlateReadRecord.time, window)


@dataclass(frozen=True, slots=True)
class CameraUptime(UptimePercents):
    camera_id: str
    name: str
    observed_seconds: float
    available_seconds: float
    healthy_seconds: float


def camera_uptime(session: Session, since: dt.datetime, until: dt.datetime) -> list[CameraUptime]:
    """Every registered camera's observed, available and healthy time in [since, until), by camera id."""
    cameras = session.execute(select(Camera.id, Camera.name).order_by(Camera.id)).all()
    return [
        CameraUptime(camera_id, name, *window_uptime(session, camera_id, since, until))
        for camera_id, name in cameras
    ]
