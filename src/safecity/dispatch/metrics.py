"""Response metrics (NFPA 1221/1710 style): per-incident intervals, percentiles per type, area, shift.

- call processing: received → first unit dispatched
- turnout: first unit dispatched → that unit en route
- travel: first-arriving unit en route → on scene
- total response: received → first unit on scene
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal
from zoneinfo import ZoneInfo

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.config.dispatch import ResponseTargets
from safecity.config.dispatch import Shift
from safecity.dispatch.models import Assignment
from safecity.dispatch.models import Incident

INTERVALS = ("call_processing", "turnout", "travel", "total_response")
GroupBy = Literal["all", "type", "area", "shift"]


class ShiftCalendar:
    """Names the shift a moment falls in, by local hour (shifts may wrap past midnight)."""

    def __init__(self, shifts: Sequence[Shift], timezone: str) -> None:
        if not shifts:
            raise ValueError("at least one shift is needed")
        self.shifts = sorted(shifts, key=lambda s: s.start_hour)
        self.zone = ZoneInfo(timezone)

    def shift_of(self, moment: datetime) -> str:
        hour = moment.astimezone(self.zone).hour
        current = self.shifts[-1]  # before the first start hour we are still in the last (overnight) shift
        for shift in self.shifts:
            if hour >= shift.start_hour:
                current = shift
        return current.name


@dataclass(frozen=True, slots=True)
class IncidentTimes:
    incident_id: int
    type: str
    area: str
    shift: str
    received_at: datetime
    call_processing: float | None
    turnout: float | None
    travel: float | None
    total_response: float | None

    def value(self, interval: str) -> float | None:
        result: float | None = getattr(self, interval)
        return result


@dataclass(frozen=True, slots=True)
class IntervalStats:
    count: int
    p50: float | None
    p90: float | None
    p95: float | None
    target_s: float
    within_target: float | None  # fraction of incidents within the target
    met: bool | None  # within_target >= the target fraction


def _seconds(start: datetime | None, end: datetime | None) -> float | None:
    return None if start is None or end is None else (end - start).total_seconds()


def incident_times(
    incident: Incident, assignments: Sequence[Assignment], calendar: ShiftCalendar
) -> IncidentTimes:
    first = min(assignments, key=lambda a: a.dispatched_at, default=None)
    arrived = [a for a in assignments if a.on_scene_at is not None]
    first_arrival = min(arrived, key=lambda a: a.on_scene_at or incident.received_at, default=None)
    return IncidentTimes(
        incident_id=incident.id,
        type=incident.type,
        area=incident.area or "unknown",
        shift=calendar.shift_of(incident.received_at),
        received_at=incident.received_at,
        call_processing=_seconds(incident.received_at, first.dispatched_at if first else None),
        turnout=_seconds(first.dispatched_at, first.en_route_at) if first else None,
        travel=_seconds(first_arrival.en_route_at, first_arrival.on_scene_at) if first_arrival else None,
        total_response=_seconds(incident.received_at, first_arrival.on_scene_at if first_arrival else None),
    )


def load_times(
    session: Session, since: datetime, until: datetime, calendar: ShiftCalendar
) -> list[IncidentTimes]:
    found = list(
        session.scalars(
            select(Incident)
            .where(Incident.received_at >= since, Incident.received_at < until)
            .order_by(Incident.id)
        )
    )
    by_incident: dict[int, list[Assignment]] = defaultdict(list)
    if found:
        query = select(Assignment).where(Assignment.incident_id.in_([i.id for i in found]))
        for assignment in session.scalars(query):
            by_incident[assignment.incident_id].append(assignment)
    return [incident_times(i, by_incident[i.id], calendar) for i in found]


def _target(targets: ResponseTargets, interval: str) -> float:
    limit: float = getattr(targets, f"{interval}_s")
    return limit


def interval_stats(values: Sequence[float], target_s: float, fraction: float) -> IntervalStats:
    if not values:
        return IntervalStats(0, None, None, None, target_s, None, None)
    p50, p90, p95 = (float(v) for v in np.percentile(np.asarray(values, dtype=float), [50, 90, 95]))
    within = sum(1 for v in values if v <= target_s) / len(values)
    return IntervalStats(len(values), p50, p90, p95, target_s, within, within >= fraction)


def summarize(
    times: Iterable[IncidentTimes], targets: ResponseTargets, group_by: GroupBy = "all"
) -> dict[str, dict[str, IntervalStats]]:
    groups: dict[str, list[IncidentTimes]] = defaultdict(list)
    for item in times:
        key = "all" if group_by == "all" else str(getattr(item, group_by))
        groups[key].append(item)
    return {
        key: {
            interval: interval_stats(
                [v for item in members if (v := item.value(interval)) is not None],
                _target(targets, interval),
                targets.fraction,
            )
            for interval in INTERVALS
        }
        for key, members in sorted(groups.items())
    }
