"""The blend's weight chosen by rolling validation on the past only: the KDE's side where the pattern is
fixed hotspots, the self-exciting side where fresh near-repeats predict the next week."""

from __future__ import annotations

import numpy as np

from safecity.crime.cells import grid_over
from safecity.crime.events import CrimeEvents
from safecity.crime.kde import RetrospectiveKde
from safecity.crime.self_exciting import SelfExcitingModel
from safecity.crime.self_exciting import SelfExcitingParams
from safecity.crime.synthetic import self_exciting_process
from safecity.crime.validated_blend import ValidatedBlend
from tests.crime.test_validated import _hotspots


def test_on_fixed_hotspots_without_contagion_the_weight_leans_to_the_kde() -> None:
    events = _hotspots(0)
    cells = grid_over(events, 250)
    model = ValidatedBlend(kde=RetrospectiveKde(bandwidth_m=100))

    model.forecast(events.before(150.0), 150.0, 7.0, cells)

    assert model.chosen_weight is not None
    assert model.chosen_weight <= 0.5


def test_on_strong_short_lived_near_repeats_the_weight_leans_to_the_self_exciting_model() -> None:
    planted = SelfExcitingParams(mu=3.0, theta=0.8, omega=0.5, sigma_m=40.0)
    events = self_exciting_process(planted, days=200, side_m=6000, seed=8)
    cells = grid_over(events, 250)
    model = ValidatedBlend(self_exciting=SelfExcitingModel(window_days=10_000))

    scores = model.forecast(events.before(180.0), 180.0, 7.0, cells)

    assert model.chosen_weight is not None
    assert model.chosen_weight >= 0.5
    assert np.isfinite(scores).all()


def test_events_at_or_after_the_origin_do_not_change_the_choice() -> None:
    events = _hotspots(1)
    cells = grid_over(events, 250)
    past = events.before(150.0)
    rng = np.random.default_rng(9)
    later = CrimeEvents.from_arrays(
        np.concatenate([past.t, rng.uniform(150.0, 200.0, 500)]),
        np.concatenate([past.x, rng.uniform(0, 6000, 500)]),
        np.concatenate([past.y, rng.uniform(0, 6000, 500)]),
    )
    honest, handed_the_future = ValidatedBlend(), ValidatedBlend()

    honest.choose(past, 150.0, cells)
    handed_the_future.choose(later, 150.0, cells)

    assert handed_the_future.chosen_weight == honest.chosen_weight
