"""Rolling validation picks, from the past only, the candidate that caught the most recent events."""

from __future__ import annotations

import numpy as np
import pytest

from safecity.crime.cells import grid_over
from safecity.crime.events import CrimeEvents
from safecity.crime.kde import RetrospectiveKde
from safecity.crime.validated import RollingValidated


def _hotspots(seed: int) -> CrimeEvents:
    """Eight fixed 40 m hotspots over a 6 km square, one event a day each, plus uniform noise."""
    rng = np.random.default_rng(seed)
    centres = rng.uniform(500, 5500, (8, 2))
    days = 200
    which = rng.integers(0, 8, 8 * days)
    t = np.concatenate([rng.uniform(0, days, len(which)), rng.uniform(0, days, 4 * days)])
    x = np.concatenate([centres[which, 0] + rng.normal(0, 40, len(which)), rng.uniform(0, 6000, 4 * days)])
    y = np.concatenate([centres[which, 1] + rng.normal(0, 40, len(which)), rng.uniform(0, 6000, 4 * days)])
    return CrimeEvents.from_arrays(t, x, y)


def test_the_sharp_candidate_wins_on_sharp_hotspots_and_the_choice_is_kept_for_a_while() -> None:
    events = _hotspots(0)
    cells = grid_over(events, 250)
    flat = RetrospectiveKde(bandwidth_m=3000, name="flat")
    sharp = RetrospectiveKde(bandwidth_m=100, name="sharp")
    model = RollingValidated([flat, sharp], name="validated", refresh_days=28)

    scores = model.forecast(events.before(150.0), 150.0, 7.0, cells)
    again = model.choose(events.before(157.0), 157.0, cells)

    assert model.chosen is sharp
    assert again is sharp
    assert scores == pytest.approx(sharp.forecast(events.before(150.0), 150.0, 7.0, cells))


def test_without_history_the_first_candidate_is_used() -> None:
    events = _hotspots(1)
    cells = grid_over(events, 250)
    first, second = RetrospectiveKde(name="first"), RetrospectiveKde(bandwidth_m=100, name="second")

    chosen = RollingValidated([first, second], name="validated").choose(events.before(0.0), 0.0, cells)

    assert chosen is first
    with pytest.raises(ValueError, match="candidate"):
        RollingValidated([], name="none")
