"""Zone occupancy per hour from zone visits: how many tracked objects were inside, on average and at most.

A visit is the interval a track spent inside a zone, known from its `rule.zone_exit` event (the exit time
and `dwell_seconds`). Occupancy at a moment is the number of visits under way then; an hour's mean is the
visits' total time inside that hour divided by 3600 s, its peak the most visits under way at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

HOUR_SECONDS = 3600


@dataclass(frozen=True, slots=True)
class Visit:
    start: float  # epoch seconds
    end: float


@dataclass(frozen=True, slots=True)
class HourOccupancy:
    hour: int  # whole hours since the epoch (UTC)
    mean: float
    peak: int


def hourly_occupancy(visits: Sequence[Visit], first_hour: int, last_hour: int) -> list[HourOccupancy]:
    """Mean and peak occupancy of every hour in [first_hour, last_hour), hours with nobody inside included."""
    hours = np.arange(first_hour, last_hour)
    seconds_inside = np.zeros(len(hours))
    if not visits or not len(hours):
        return [HourOccupancy(int(h), 0.0, 0) for h in hours]
    starts = np.array([v.start for v in visits])
    ends = np.maximum(starts, np.array([v.end for v in visits]))
    for start, end in zip(starts, ends, strict=True):
        for hour in range(
            max(first_hour, int(start // HOUR_SECONDS)), min(last_hour, int(-(-end // HOUR_SECONDS)))
        ):
            lo, hi = hour * HOUR_SECONDS, (hour + 1) * HOUR_SECONDS
            seconds_inside[hour - first_hour] += max(0.0, min(end, hi) - max(start, lo))
    return [
        HourOccupancy(int(hour), round(float(inside) / HOUR_SECONDS, 3), peak)
        for hour, inside, peak in zip(hours, seconds_inside, _hourly_peaks(starts, ends, hours), strict=True)
    ]


def _hourly_peaks(starts: np.ndarray, ends: np.ndarray, hours: np.ndarray) -> list[int]:
    """The most visits under way at once in each hour: a sweep over arrivals (+1) and departures (−1),
    departures first at equal times (a visit ending as another begins is not an overlap)."""
    times = np.concatenate([ends, starts])
    steps = np.concatenate([-np.ones(len(ends)), np.ones(len(starts))])
    order = np.lexsort((steps, times))
    times, levels = times[order], np.cumsum(steps[order])
    peaks = []
    for hour in hours:
        lo, hi = hour * HOUR_SECONDS, (hour + 1) * HOUR_SECONDS
        before = np.searchsorted(times, lo, side="right")
        at_start = levels[before - 1] if before else 0.0
        inside = levels[before : np.searchsorted(times, hi, side="left")]
        peaks.append(int(max(at_start, inside.max(initial=0.0))))
    return peaks
