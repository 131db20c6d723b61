"""Records snapped to shared points (intersections, block centres) limit the near-repeat kernel's spatial
scale: the self-exciting model's σ floor rises to half the spacing of the points, and stays at its default
where every event has its own coordinates."""

from __future__ import annotations

import numpy as np
import pytest

from safecity.crime.events import CrimeEvents
from safecity.crime.location_precision import snapping_resolution_m
from safecity.crime.self_exciting import MIN_SIGMA_M
from safecity.crime.self_exciting import SelfExcitingModel
from safecity.crime.self_exciting import SelfExcitingParams
from safecity.crime.synthetic import self_exciting_process

PLANTED = SelfExcitingParams(mu=4.0, theta=0.5, omega=0.2, sigma_m=30.0)


def snapped_to_grid(events: CrimeEvents, spacing_m: float) -> CrimeEvents:
    """The events geocoded to the nearest crossing of a street grid `spacing_m` apart."""
    snap = lambda v: np.round(v / spacing_m) * spacing_m  # noqa: E731
    return CrimeEvents.from_arrays(events.t, snap(events.x), snap(events.y))


def test_events_on_a_street_grid_have_half_its_spacing_as_resolution() -> None:
    events = snapped_to_grid(self_exciting_process(PLANTED, days=200, side_m=3000, seed=4), 120.0)

    assert snapping_resolution_m(events.x, events.y) == pytest.approx(60.0)


def test_events_with_their_own_coordinates_have_no_snapping_resolution() -> None:
    events = self_exciting_process(PLANTED, days=200, side_m=3000, seed=4)

    assert snapping_resolution_m(events.x, events.y) == 0.0


def test_em_on_snapped_records_keeps_sigma_at_the_snapping_resolution_not_the_default_floor() -> None:
    events = snapped_to_grid(self_exciting_process(PLANTED, days=200, side_m=3000, seed=5), 120.0)

    fitted = SelfExcitingModel(window_days=10_000).fit(events, end=200.0).params
    unaware = (
        SelfExcitingModel(window_days=10_000, sigma_floor_from_locations=False).fit(events, 200.0).params
    )

    assert fitted.sigma_m >= 60.0
    assert unaware.sigma_m == pytest.approx(MIN_SIGMA_M)
