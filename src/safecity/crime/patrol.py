"""Patrol plans: which cell each available unit patrols during a shift, and how well a plan covers crime.

Each unit can patrol one cell; a unit spends the travel time (from the dispatch router) getting there, so the
risk it covers is the cell's forecast × the share of the shift left after travelling. The plan maximises the
total risk covered per unit-hour — for a fixed number of units and shift length that is the total risk, an
assignment problem solved exactly by scipy's `linear_sum_assignment` over the top candidate cells."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.spatial import cKDTree

from safecity.crime.cells import Cells
from safecity.crime.events import CrimeEvents
from safecity.crime.events import FloatArray
from safecity.dispatch.routing import Point
from safecity.dispatch.routing import Router

COVERAGE_RADIUS_M = 500.0


@dataclass(frozen=True)
class PatrolUnit:
    id: str
    position: Point  # (latitude, longitude)


@dataclass(frozen=True)
class PatrolAssignment:
    unit_id: str
    cell_index: int
    travel_s: float
    risk: float  # expected events in the cell during the shift
    covered_risk: float  # risk × share of the shift spent there


@dataclass(frozen=True)
class PatrolPlan:
    shift_hours: float
    assignments: list[PatrolAssignment]

    @property
    def risk_per_unit_hour(self) -> float:
        hours = self.shift_hours * len(self.assignments)
        return sum(a.covered_risk for a in self.assignments) / hours if hours else 0.0


def plan_patrols(
    cells: Cells,
    cell_positions: Sequence[Point],
    risk: FloatArray,
    units: Sequence[PatrolUnit],
    router: Router,
    shift_hours: float,
    candidates: int = 50,
) -> PatrolPlan:
    """The assignment of units to distinct cells that covers the most risk (at most one unit per cell)."""
    if not units or len(cells) == 0:
        return PatrolPlan(shift_hours, [])
    top = [int(i) for i in np.argsort(-risk, kind="stable")[: max(candidates, len(units))]]
    shift_s = shift_hours * 3600.0
    sources = [unit.position for unit in units]
    travel = np.array(
        [router.travel_seconds(sources, cell_positions[c]) for c in top]
    ).T  # units × candidates
    share_left = np.clip(1.0 - travel / shift_s, 0.0, 1.0)
    value = share_left * risk[top][None, :]
    rows, columns = linear_sum_assignment(value, maximize=True)
    assignments = [
        PatrolAssignment(
            unit_id=units[r].id,
            cell_index=top[c],
            travel_s=float(travel[r, c]),
            risk=float(risk[top[c]]),
            covered_risk=float(value[r, c]),
        )
        for r, c in zip(rows, columns, strict=True)
    ]
    return PatrolPlan(shift_hours, assignments)


def coverage(
    cells: Cells, patrolled: Sequence[int], incidents: CrimeEvents, radius_m: float = COVERAGE_RADIUS_M
) -> float:
    """Share of `incidents` within `radius_m` of a patrolled cell's centre (0 when there are none)."""
    if len(incidents) == 0 or not patrolled:
        return 0.0
    tree = cKDTree(np.column_stack([cells.x[list(patrolled)], cells.y[list(patrolled)]]))
    distances, _ = tree.query(np.column_stack([incidents.x, incidents.y]))
    return float(np.mean(distances <= radius_m))


def last_week_placement(cells: Cells, history: CrimeEvents, start: float, units: int) -> list[int]:
    """The comparison plan: the `units` cells with the most events in the week before `start`."""
    counts = cells.counts(history.between(start - 7.0, start))
    return [int(i) for i in np.argsort(-counts, kind="stable")[:units]]
