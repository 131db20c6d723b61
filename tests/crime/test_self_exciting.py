"""The self-exciting model recovers a planted near-repeat process and finds little triggering in noise."""

from __future__ import annotations

import numpy as np
import pytest

from safecity.crime.cells import Cells
from safecity.crime.cells import grid_over
from safecity.crime.events import CrimeEvents
from safecity.crime.self_exciting import SelfExcitingModel
from safecity.crime.self_exciting import SelfExcitingParams
from safecity.crime.synthetic import poisson_field
from safecity.crime.synthetic import self_exciting_process

PLANTED = SelfExcitingParams(mu=4.0, theta=0.5, omega=0.2, sigma_m=80.0)


def test_em_recovers_the_parameters_of_a_planted_near_repeat_process() -> None:
    events = self_exciting_process(PLANTED, days=365, side_m=5000, seed=1)

    fitted = SelfExcitingModel(window_days=10_000).fit(events, end=365.0).params

    assert fitted.theta == pytest.approx(PLANTED.theta, abs=0.1)
    assert fitted.omega == pytest.approx(PLANTED.omega, rel=0.3)
    assert fitted.sigma_m == pytest.approx(PLANTED.sigma_m, rel=0.2)
    assert fitted.mu == pytest.approx(PLANTED.mu, rel=0.25)


def test_near_repeats_raise_the_forecast_next_to_a_fresh_event() -> None:
    events = self_exciting_process(PLANTED, days=200, side_m=5000, seed=2)
    model = SelfExcitingModel(window_days=10_000)
    cells = grid_over(events, 250)

    scores = model.forecast(events, 200.0, 7.0, cells)

    latest = np.argmin((cells.x - events.x[-1]) ** 2 + (cells.y - events.y[-1]) ** 2)
    assert scores[latest] > 2 * np.median(scores)


def test_a_pure_poisson_field_is_mostly_background() -> None:
    events = poisson_field(rate_per_day=10, days=200, side_m=5000, seed=3)

    fitted = SelfExcitingModel(window_days=10_000).fit(events, end=200.0).params

    assert fitted.theta < 0.25
    assert fitted.mu * 200 > 0.75 * len(events)


def test_a_window_cutting_through_clusters_still_recovers_the_branching_ratio() -> None:
    # Events of the 60 days before the window are parents only: the window's first near-repeats are
    # explained by them instead of inflating the background.
    events = self_exciting_process(PLANTED, days=300, side_m=5000, seed=6)

    fitted = SelfExcitingModel(window_days=120).fit(events, end=300.0).params

    assert fitted.theta == pytest.approx(PLANTED.theta, abs=0.12)
    assert fitted.sigma_m == pytest.approx(PLANTED.sigma_m, rel=0.25)


def test_the_forecast_is_the_expected_count_over_the_whole_horizon() -> None:
    events = self_exciting_process(PLANTED, days=100, side_m=4000, seed=2)
    model = SelfExcitingModel(window_days=10_000)
    fit = model.fit(events, 100.0)
    centres = np.arange(-4000.0, 8000.0, 250.0) + 125.0  # 4 km beyond the events on every side
    gx, gy = np.meshgrid(centres, centres)
    cells = Cells(np.arange(gx.size).astype(str), gx.ravel(), gy.ravel(), 250.0)
    p = fit.params

    totals = {days: float(model.forecast_from(fit, 100.0, days, cells).sum()) for days in (1.0, 7.0)}

    age = 100.0 - events.t
    for days, total in totals.items():
        offspring = p.theta * (np.exp(-p.omega * age) - np.exp(-p.omega * np.minimum(age + days, 60.0)))
        expected = p.mu * days + float(offspring[age < 60.0].sum())
        assert total == pytest.approx(expected, rel=0.03)
    # Triggering decays during the horizon: a week holds less than seven first days' worth of offspring.
    assert totals[7.0] - 7 * p.mu < 7 * (totals[1.0] - p.mu)


def test_a_place_whose_crime_comes_in_bursts_keeps_its_long_run_rate_after_the_bursts_decay() -> None:
    # Six bursts of six events at one place, 50 days apart, the last one 100 days before the origin (its
    # near-repeats long decayed: the kernel is cut at 60 days), over a self-exciting field.
    rng = np.random.default_rng(4)
    field = self_exciting_process(SelfExcitingParams(4.0, 0.3, 0.2, 60.0), days=365, side_m=4000, seed=4)
    burst_t = (np.arange(10.0, 300.0, 50.0)[:, None] + rng.uniform(0, 2, (6, 6))).ravel()
    place_x, place_y = 1875 + rng.normal(0, 10, 36), 3125 + rng.normal(0, 10, 36)
    events = CrimeEvents.from_arrays(
        np.concatenate([field.t, burst_t]),
        np.concatenate([field.x, place_x]),
        np.concatenate([field.y, place_y]),
    )
    cells = grid_over(events, 250)
    place = np.argmin((cells.x - 1875) ** 2 + (cells.y - 3125) ** 2)
    long_run_weekly = 36 / 365 * 7

    long_term = SelfExcitingModel(window_days=10_000).forecast(events, 365.0, 7.0, cells)
    declustered = SelfExcitingModel(window_days=10_000, declustered_background=True).forecast(
        events, 365.0, 7.0, cells
    )

    # The long-term map counts every event; declustering counts each burst as about one background event.
    assert long_term[place] > 0.8 * long_run_weekly
    assert declustered[place] < 0.75 * long_term[place]
