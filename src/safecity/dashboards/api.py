"""`/api/v1/dashboards`: counts per hour or day and camera uptime over a window, for the console's charts.

Response-time percentiles are not repeated here: `GET /api/v1/dispatch/metrics` answers them for the
same window. Every answer is an aggregate (counts and percentages) with no personal data.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Sequence
from datetime import datetime
from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter
from fastapi import Depends
from fastapi import Query
from pydantic import BaseModel
from pydantic import Field
from sqlalchemy.orm import Session

from safecity.alerts.states import Severity
from safecity.core.auth.permissions import Permission
from safecity.core.http.deps import ServicesDep
from safecity.core.http.security import Principal
from safecity.core.http.security import require
from safecity.dashboards import queries
from safecity.dashboards.city_api import router as city_router
from safecity.dashboards.window import BUCKET_SECONDS
from safecity.dashboards.window import MAX_SPAN
from safecity.dashboards.window import Bucket
from safecity.dashboards.window import Window
from safecity.dashboards.window import make_window
from safecity.dashboards.window import resolve_span

router = APIRouter(prefix="/api/v1/dashboards", tags=["dashboards"])
Reader = Annotated[Principal, require(Permission.EVENTS_READ)]

PRIORITIES = tuple(str(p) for p in range(1, 6))
WINDOW_HELP = (
    "The window is [since, until), both with a time zone. `until` defaults to now; `since` to one day "
    "(hour buckets) or 30 days (day buckets) earlier. Buckets are fixed steps of 3600 or 86400 seconds "
    f"from `since`; a window spans at most {MAX_SPAN['hour'].days} days of hours or "
    f"{MAX_SPAN['day'].days} days of days. A bad window is a 422 naming the parameter."
)

SinceQuery = Annotated[
    datetime | None, Query(description="Start of the window (inclusive), e.g. 2025-01-31T00:00:00Z.")
]
UntilQuery = Annotated[datetime | None, Query(description="End of the window (exclusive); default now.")]


class BucketCountOut(BaseModel):
    start: datetime = Field(description="Start of the bucket (UTC).")
    group: str = Field(description="The group counted (a severity, a priority, or `all`).")
    count: int


class CountSeriesOut(BaseModel):
    since: datetime
    until: datetime
    bucket: Bucket
    bucket_seconds: int
    group_by: str = Field(description="What `group` holds: `severity`, `priority` or `none`.")
    groups: list[str] = Field(description="Every group the series may hold, in display order.")
    points: list[BucketCountOut] = Field(description="Non-zero counts only, oldest bucket first.")
    total: int


class CameraUptimeOut(BaseModel):
    camera_id: str
    name: str
    observed_seconds: float = Field(description="Time a worker watched the camera in the window.")
    available_percent: float | None = Field(description="Share of observed time delivering video.")
    healthy_percent: float | None = Field(description="Share of observed time with a usable picture.")


class UptimeReportOut(BaseModel):
    since: datetime
    until: datetime
    cameras: list[CameraUptimeOut] = Field(description="Every registered camera, by id.")


def series_window(
    services: ServicesDep,
    since: SinceQuery = None,
    until: UntilQuery = None,
    bucket: Annotated[Bucket, Query(description="Bucket size: `hour` or `day`.")] = "hour",
) -> Window:
    return make_window(since, until, bucket, now=services.clock.now())


SeriesWindow = Annotated[Window, Depends(series_window)]


def _series(
    services: ServicesDep,
    window: Window,
    count: Callable[[Session, Window], list[queries.BucketCount]],
    group_by: str,
    groups: Sequence[str],
) -> CountSeriesOut:
    with services.database.session() as session:
        points = count(session, window)
    return CountSeriesOut(
        since=window.since,
        until=window.until,
        bucket=window.bucket,
        bucket_seconds=BUCKET_SECONDS[window.bucket],
        group_by=group_by,
        groups=list(groups),
        points=[BucketCountOut(start=p.start, group=p.group, count=p.count) for p in points],
        total=sum(p.count for p in points),
    )


@router.get(
    "/alerts",
    response_model=CountSeriesOut,
    summary="Alerts raised per hour or day, by severity",
    description="Alerts counted by when they were first seen (merged repeats are not recounted). "
    + WINDOW_HELP,
)
def alerts_series(services: ServicesDep, _: Reader, window: SeriesWindow) -> CountSeriesOut:
    return _series(services, window, queries.alerts_by_severity, "severity", [s.value for s in Severity])


@router.get(
    "/incidents",
    response_model=CountSeriesOut,
    summary="Incidents received per hour or day, by priority",
    description="Incidents counted by when they were received; priority 1 is the most urgent. " + WINDOW_HELP,
)
def incidents_series(services: ServicesDep, _: Reader, window: SeriesWindow) -> CountSeriesOut:
    return _series(services, window, queries.incidents_by_priority, "priority", PRIORITIES)


@router.get(
    "/plate-reads",
    response_model=CountSeriesOut,
    summary="Plate reads per hour or day (volume only)",
    description="Stored plate reads counted by read time; no plate is returned. " + WINDOW_HELP,
)
def plate_reads_series(services: ServicesDep, _: Reader, window: SeriesWindow) -> CountSeriesOut:
    return _series(services, window, queries.plate_reads, "none", [queries.NO_GROUP])


@router.get(
    "/camera-uptime",
    response_model=UptimeReportOut,
    summary="Available and healthy % per camera over a window",
    description="The same computation as `GET /api/v1/cameras/{id}/uptime`, summed over [since, until) "
    "instead of per day; time no worker reported counts as offline. `until` defaults to now, `since` to "
    f"one day earlier; at most {MAX_SPAN['day'].days} days. Percentages are null for a camera never "
    "observed in the window.",
)
def camera_uptime(
    services: ServicesDep, _: Reader, since: SinceQuery = None, until: UntilQuery = None
) -> UptimeReportOut:
    start, end = resolve_span(
        since, until, now=services.clock.now(), default_span=timedelta(days=1), max_span=MAX_SPAN["day"]
    )
    with services.database.session() as session:
        found = queries.camera_uptime(session, start, end)
    return UptimeReportOut(
        since=start,
        until=end,
        cameras=[
            CameraUptimeOut(
                camera_id=c.camera_id,
                name=c.name,
                observed_seconds=round(c.observed_seconds, 1),
                available_percent=_percent(c.available_percent),
                healthy_percent=_percent(c.healthy_percent),
            )
            for c in found
        ],
    )


def _percent(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


router.include_router(city_router)
