"""Patrol plans: units go where the risk they can still cover after travelling is largest."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from safecity.crime.cells import Cells
from safecity.crime.events import CrimeEvents
from safecity.crime.events import LocalPlane
from safecity.crime.patrol import PatrolUnit
from safecity.crime.patrol import coverage
from safecity.crime.patrol import last_week_placement
from safecity.crime.patrol import plan_patrols
from safecity.dispatch.routing import GreatCircleRouter
from safecity.dispatch.routing import Point

PLANE = LocalPlane(39.1, -84.5)


def _cells() -> tuple[Cells, list[Point]]:
    x = np.array([0.0, 5000.0, 10000.0, 0.0])
    y = np.array([0.0, 0.0, 0.0, 250.0])
    lat, lon = PLANE.to_degrees(x, y)
    return Cells(np.array(["a", "b", "c", "d"]), x, y, 250.0), list(
        zip(lat.tolist(), lon.tolist(), strict=True)
    )


def test_units_take_distinct_cells_and_travel_costs_risk() -> None:
    cells, positions = _cells()
    risk = np.array([1.0, 0.9, 0.95, 0.2])
    units = [PatrolUnit("u1", positions[0]), PatrolUnit("u2", positions[1])]

    plan = plan_patrols(cells, positions, risk, units, GreatCircleRouter(), shift_hours=1.0)

    by_unit = {a.unit_id: a.cell_index for a in plan.assignments}
    assert by_unit == {"u1": 0, "u2": 1}  # cell c is riskier than b but 10 km away from both units
    assert plan.risk_per_unit_hour == pytest.approx((1.0 + 0.9) / 2)


def test_a_cell_out_of_reach_within_the_shift_covers_nothing() -> None:
    cells, positions = _cells()
    far = [PatrolUnit("u1", positions[2])]

    plan = plan_patrols(
        cells, positions, np.array([1.0, 0.0, 0.0, 0.0]), far, GreatCircleRouter(), shift_hours=0.1
    )

    assert plan.assignments[0].covered_risk < 1.0


class _Fixed:
    def travel_seconds(self, sources: Sequence[Point], destination: Point) -> list[float]:
        return [0.0 for _ in sources]


def test_coverage_counts_incidents_within_500_m_of_a_patrolled_cell() -> None:
    cells, positions = _cells()
    incidents = CrimeEvents.from_arrays(
        np.array([1.0, 2.0, 3.0]), np.array([100.0, 5400.0, 9000.0]), np.zeros(3), PLANE
    )
    history = CrimeEvents.from_arrays(
        np.array([-3.0, -2.0]), np.array([10000.0, 10000.0]), np.zeros(2), PLANE
    )

    planned = [
        a.cell_index
        for a in plan_patrols(
            cells, positions, np.array([1.0, 0.9, 0.0, 0.0]), [PatrolUnit("u", positions[0])], _Fixed(), 8.0
        ).assignments
    ]

    assert coverage(cells, planned, incidents) == pytest.approx(1 / 3)
    assert coverage(cells, last_week_placement(cells, history, 0.0, 1), incidents) == 0.0
    assert coverage(cells, [], incidents) == 0.0
