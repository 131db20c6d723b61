"""The patrol plan for a shift, from the stored crime events and the dispatch unit registry: forecast the
shift on square cells, then give each available police unit with a known position one cell (crime/patrol.py),
with travel times from the dispatch router."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from datetime import timedelta

import numpy as np
from sqlalchemy.orm import Session

from safecity.crime.catalog import model_named
from safecity.crime.cells import grid_over
from safecity.crime.events import days_since_epoch
from safecity.crime.patrol import PatrolUnit
from safecity.crime.patrol import plan_patrols
from safecity.crime.sources import as_events
from safecity.crime.sources import sourced_events
from safecity.dispatch.routing import Router
from safecity.dispatch.states import UnitStatus
from safecity.dispatch.units import list_units

HISTORY_DAYS = 730
PATROL_CAPABILITY = "police"


@dataclass(frozen=True)
class PlannedPatrol:
    unit_id: str
    callsign: str
    latitude: float  # the patrolled cell's centre
    longitude: float
    travel_s: float  # from the unit's last known position
    risk: float  # expected events in the cell during the shift
    covered_risk: float  # risk × the share of the shift left after travelling there


@dataclass(frozen=True)
class ShiftPlan:
    start: datetime
    hours: float
    kind: str | None
    model: str
    cell_m: float
    events_used: int
    units_considered: int  # available police units with a position
    expected_total: float  # expected events in the whole area during the shift
    risk_per_unit_hour: float
    patrols: list[PlannedPatrol]

    @property
    def covered_share(self) -> float:
        """Share of the shift's expected events that fall in patrolled cells while a unit is there."""
        covered = sum(p.covered_risk for p in self.patrols)
        return covered / self.expected_total if self.expected_total > 0 else 0.0


def plan_shift(
    session: Session,
    router: Router,
    start: datetime,
    hours: float,
    *,
    kind: str | None = None,
    model: str = "self-exciting",
    cell_m: float = 250.0,
) -> ShiftPlan:
    """The plan for [start, start + hours): events before `start` only; units available now."""
    rows = sourced_events(session, since=start - timedelta(days=HISTORY_DAYS), until=start, kind=kind)
    events = as_events(rows)
    fleet = [
        PatrolUnit(unit.id, (unit.latitude, unit.longitude))
        for unit in list_units(session, status=UnitStatus.AVAILABLE.value)
        if unit.latitude is not None
        and unit.longitude is not None
        and PATROL_CAPABILITY in (unit.capabilities or [])
    ]
    callsigns = {unit.id: unit.callsign for unit in list_units(session)}
    cells = grid_over(events, cell_m)
    risk = model_named(model).forecast(events, days_since_epoch(start), hours / 24.0, cells)
    lat, lon = events.plane.to_degrees(cells.x, cells.y)
    positions = list(zip(lat.tolist(), lon.tolist(), strict=True))
    plan = plan_patrols(cells, positions, risk, fleet, router, shift_hours=hours)
    patrols = [
        PlannedPatrol(
            unit_id=a.unit_id,
            callsign=callsigns.get(a.unit_id, a.unit_id),
            latitude=float(lat[a.cell_index]),
            longitude=float(lon[a.cell_index]),
            travel_s=a.travel_s,
            risk=a.risk,
            covered_risk=a.covered_risk,
        )
        for a in sorted(plan.assignments, key=lambda a: -a.covered_risk)
    ]
    return ShiftPlan(
        start=start,
        hours=hours,
        kind=kind,
        model=model,
        cell_m=cell_m,
        events_used=len(events),
        units_considered=len(fleet),
        expected_total=float(np.sum(risk)),
        risk_per_unit_hour=plan.risk_per_unit_hour,
        patrols=patrols,
    )
