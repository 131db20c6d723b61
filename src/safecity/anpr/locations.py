"""Where a camera stands, copied onto each read so trajectories keep coordinates after a camera moves or goes.

The cameras table belongs to the cameras domain; this module only reads it, looking up its latitude and
longitude columns by name, and answers None when the table or the camera is not there.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from sqlalchemy import Column
from sqlalchemy import MetaData
from sqlalchemy import Table
from sqlalchemy import inspect
from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.core.logs import get_logger

log = get_logger(__name__)

Location = tuple[float, float]
LATITUDE_NAMES = ("latitude", "lat")
LONGITUDE_NAMES = ("longitude", "lon", "lng")
CAMERAS_TABLE = "cameras"


class CameraLocations:
    """Camera id → (latitude, longitude) from the cameras table, cached for `ttl_seconds`."""

    def __init__(self, ttl_seconds: float = 60.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl_seconds = ttl_seconds
        self._clock = clock
        self._cache: dict[str, tuple[float, Location | None]] = {}
        self._table: Table | None = None
        self._checked_at: float | None = None

    def locate(self, session: Session, camera_id: str) -> Location | None:
        now = self._clock()
        cached = self._cache.get(camera_id)
        if cached is not None and now - cached[0] < self.ttl_seconds:
            return cached[1]
        location = self._query(session, camera_id, now)
        self._cache[camera_id] = (now, location)
        return location

    def _query(self, session: Session, camera_id: str, now: float) -> Location | None:
        table = self._cameras_table(session, now)
        if table is None:
            return None
        latitude, longitude = (c for c in table.columns if c.name not in ("id",))
        row = session.execute(select(latitude, longitude).where(table.c.id == camera_id)).first()
        if row is None or row[0] is None or row[1] is None:
            return None
        return float(row[0]), float(row[1])

    def _cameras_table(self, session: Session, now: float) -> Table | None:
        if self._table is not None:
            return self._table
        if self._checked_at is not None and now - self._checked_at < self.ttl_seconds:
            return None
        self._checked_at = now
        inspector = inspect(session.connection())
        if not inspector.has_table(CAMERAS_TABLE):
            return None
        names = {column["name"] for column in inspector.get_columns(CAMERAS_TABLE)}
        latitude = next((n for n in LATITUDE_NAMES if n in names), None)
        longitude = next((n for n in LONGITUDE_NAMES if n in names), None)
        if "id" not in names or latitude is None or longitude is None:
            log.warning("cameras table has no id/latitude/longitude columns; reads get no coordinates")
            return None
        self._table = Table(CAMERAS_TABLE, MetaData(), Column("id"), Column(latitude), Column(longitude))
        return self._table
