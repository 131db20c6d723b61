"""Uptime per camera per day, computed from health state changes. Pure: no clock, no storage."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from safecity.video.health_types import AVAILABLE
from safecity.video.health_types import HEALTHY
from safecity.video.health_types import HealthChange
from safecity.video.health_types import HealthStatus


@dataclass(frozen=True, slots=True)
class StatusInterval:
    camera_id: str
    status: HealthStatus
    start: float  # epoch seconds
    end: float


class UptimePercents:
    """Available and healthy time as shares of the observed time, in percent (None when none was observed)."""

    __slots__ = ()
    observed_seconds: float
    available_seconds: float  # delivering video, usable or not
    healthy_seconds: float  # delivering a usable picture

    @property
    def available_percent(self) -> float | None:
        return 100.0 * self.available_seconds / self.observed_seconds if self.observed_seconds else None

    @property
    def healthy_percent(self) -> float | None:
        return 100.0 * self.healthy_seconds / self.observed_seconds if self.observed_seconds else None


@dataclass(frozen=True, slots=True)
class DailyUptime(UptimePercents):
    """One camera's day. A closed (unwatched) camera's time is not observed, so it neither helps nor hurts."""

    camera_id: str
    day: dt.date
    observed_seconds: float
    available_seconds: float  # delivering video, usable or not
    healthy_seconds: float  # delivering a usable picture


def daily_uptime(intervals: Iterable[StatusInterval], tz: dt.tzinfo = dt.UTC) -> list[DailyUptime]:
    """Per camera and local calendar day (in `tz`), how long it was observed, available and healthy."""
    totals: dict[tuple[str, dt.date], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for interval in intervals:
        if interval.status is HealthStatus.CLOSED or interval.end <= interval.start:
            continue
        for day, seconds in _split_by_day(interval.start, interval.end, tz):
            total = totals[(interval.camera_id, day)]
            total[0] += seconds
            if interval.status in AVAILABLE:
                total[1] += seconds
            if interval.status in HEALTHY:
                total[2] += seconds
    return [
        DailyUptime(camera, day, observed, available, healthy)
        for (camera, day), (observed, available, healthy) in sorted(totals.items())
    ]


def _split_by_day(start: float, end: float, tz: dt.tzinfo) -> Iterable[tuple[dt.date, float]]:
    cursor = dt.datetime.fromtimestamp(start, tz)
    finish = dt.datetime.fromtimestamp(end, tz)
    while cursor < finish:
        next_midnight = dt.datetime.combine(cursor.date() + dt.timedelta(days=1), dt.time(), tz)
        piece_end = min(next_midnight, finish)
        yield cursor.date(), piece_end.timestamp() - cursor.timestamp()
        cursor = piece_end


class UptimeTracker:
    """Turns each camera's status changes into intervals; feed it `HealthChange`s or `record()` calls."""

    def __init__(self) -> None:
        self._closed: dict[str, list[StatusInterval]] = defaultdict(list)
        self._current: dict[str, tuple[HealthStatus, float]] = {}

    def observe(self, change: HealthChange) -> None:
        self.record(change.camera_id, change.current, change.at)

    def record(self, camera_id: str, status: HealthStatus, at: float) -> None:
        current = self._current.get(camera_id)
        if current is not None:
            previous_status, since = current
            if at < since:
                raise ValueError(
                    f"camera {camera_id}: status at {at} is earlier than the last one at {since}"
                )
            if previous_status is status:
                return
            self._closed[camera_id].append(StatusInterval(camera_id, previous_status, since, at))
        self._current[camera_id] = (status, at)

    def intervals(self, camera_id: str, until: float) -> list[StatusInterval]:
        """Every interval of the camera, the current one cut at `until`."""
        result = list(self._closed.get(camera_id, ()))
        current = self._current.get(camera_id)
        if current is not None and until > current[1]:
            result.append(StatusInterval(camera_id, current[0], current[1], until))
        return result

    def daily(self, camera_id: str, *, until: float, tz: dt.tzinfo = dt.UTC) -> list[DailyUptime]:
        return daily_uptime(self.intervals(camera_id, until), tz)

    @property
    def cameras(self) -> list[str]:
        return sorted(self._current)
