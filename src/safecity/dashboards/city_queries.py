"""What the city data reads from the event index and the camera registry: line crossings counted per UTC hour
with SQL GROUP BY (`queries.grouped_counts`), zone visits from `rule.zone_exit` events, and the cameras'
positions and districts."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from datetime import timedelta

from sqlalchemy import ColumnElement
from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.cameras.models import Camera
from safecity.dashboards.city_counts import COUNTED_CLASSES
from safecity.dashboards.city_counts import CameraInfo
from safecity.dashboards.city_counts import Crossing
from safecity.dashboards.occupancy import HOUR_SECONDS
from safecity.dashboards.occupancy import Visit
from safecity.dashboards.queries import grouped_counts
from safecity.events_search.models import EventLogEntry

LINE_CROSSING = "rule.line_crossing"
ZONE_EXIT = "rule.zone_exit"
#: Exits this long after the period still tell of visits that began inside it.
LATE_EXIT = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class CityFilter:
    since: datetime  # whole hours, UTC
    until: datetime
    district: str | None = None
    object_class: str | None = None

    @property
    def first_hour(self) -> int:
        return int(self.since.timestamp()) // HOUR_SECONDS

    @property
    def last_hour(self) -> int:
        return int(self.until.timestamp()) // HOUR_SECONDS


def cameras(session: Session) -> dict[str, CameraInfo]:
    rows = session.execute(select(Camera.id, Camera.name, Camera.latitude, Camera.longitude, Camera.district))
    return {row.id: CameraInfo(row.name, row.latitude, row.longitude, row.district) for row in rows}


def crossings(session: Session, scope: CityFilter) -> list[Crossing]:
    """Line crossings per UTC hour, camera, object class, line and direction (counted classes only)."""
    payload = EventLogEntry.payload
    object_class = payload["object_class"].as_string()
    where: list[ColumnElement[bool]] = [EventLogEntry.type == LINE_CROSSING, *_camera_scope(scope)]
    where.append(
        object_class == scope.object_class if scope.object_class else object_class.in_(COUNTED_CLASSES)
    )
    rows = grouped_counts(
        session,
        EventLogEntry.time,
        scope.since,
        scope.until,
        origin=0,
        bucket_seconds=HOUR_SECONDS,
        groups=[
            EventLogEntry.camera_id.label("camera_id"),
            object_class.label("object_class"),
            payload["line"].as_string().label("line"),
            payload["direction"].as_string().label("direction"),
        ],
        where=where,
    )
    return [
        Crossing(int(r.bucket), r.camera_id, r.object_class, r.line or "", r.direction or "", int(r.n))
        for r in rows
    ]


def zone_visits(session: Session, scope: CityFilter) -> dict[str, list[Visit]]:
    """Per camera, the zone visits (of the class asked for, or any) that overlap the period."""
    payload = EventLogEntry.payload
    query = select(EventLogEntry.camera_id, EventLogEntry.time, payload["dwell_seconds"].as_float()).where(
        EventLogEntry.type == ZONE_EXIT,
        EventLogEntry.time >= scope.since,
        EventLogEntry.time < scope.until + LATE_EXIT,
        EventLogEntry.camera_id.is_not(None),
        *_camera_scope(scope),
    )
    if scope.object_class:
        query = query.where(payload["object_class"].as_string() == scope.object_class)
    visits: dict[str, list[Visit]] = defaultdict(list)
    start_of_period = scope.since.timestamp()
    for camera_id, time, dwell in session.execute(query):
        end = time.timestamp()
        start = end - max(0.0, float(dwell or 0.0))
        if start < scope.until.timestamp() and end > start_of_period:
            visits[camera_id].append(Visit(start, end))
    return dict(visits)


def _camera_scope(scope: CityFilter) -> list[ColumnElement[bool]]:
    if scope.district is None:
        return []
    in_district = select(Camera.id).where(Camera.district == scope.district)
    return [EventLogEntry.camera_id.in_(in_district)]
