"""Rolling-origin backtests: PAI is 1 where there is nothing to find and well above 1 where there is."""

from __future__ import annotations

import numpy as np
import pytest

from safecity.crime.backtest import WeekResult
from safecity.crime.backtest import backtest
from safecity.crime.backtest import evaluate_week
from safecity.crime.backtest import paired_pai_difference
from safecity.crime.backtest import rolling_origins
from safecity.crime.backtest import summarise
from safecity.crime.blend import BlendModel
from safecity.crime.cells import grid_over
from safecity.crime.kde import RetrospectiveKde
from safecity.crime.models import HotspotModel
from safecity.crime.self_exciting import SelfExcitingModel
from safecity.crime.self_exciting import SelfExcitingParams
from safecity.crime.synthetic import poisson_field
from safecity.crime.synthetic import self_exciting_process
from safecity.crime.validated import RollingValidated


def _models() -> list[HotspotModel]:
    # Warm-started week to week, a few EM iterations suffice to show that noise gives PAI ≈ 1.
    return [
        RetrospectiveKde(),
        SelfExcitingModel(max_iterations=8),
        BlendModel(self_exciting=SelfExcitingModel(max_iterations=8)),
        RollingValidated(
            [RetrospectiveKde(bandwidth_m=150), RetrospectiveKde(bandwidth_m=400)], name="kde-validated"
        ),
    ]


@pytest.mark.parametrize("model", _models(), ids=lambda model: model.name)
def test_on_a_pure_poisson_field_every_model_has_pai_about_one(model: HotspotModel) -> None:
    events = poisson_field(rate_per_day=15, days=300, side_m=3000, seed=4)
    cells = grid_over(events, 250)

    results = backtest(model, events, cells, rolling_origins(events, 230, 300), shares=(0.1,))
    summary = summarise(model.name, results[0.1])

    assert summary.pai.low < 1.0 < summary.pai.high
    assert summary.pai.value == pytest.approx(1.0, abs=0.3)


def test_on_a_near_repeat_process_the_self_exciting_model_beats_chance_and_the_kde() -> None:
    planted = SelfExcitingParams(mu=3.0, theta=0.6, omega=0.3, sigma_m=60.0)
    events = self_exciting_process(planted, days=300, side_m=4000, seed=5)
    cells = grid_over(events, 250)
    origins = rolling_origins(events, 240, 300)

    kde = summarise("kde", backtest(RetrospectiveKde(), events, cells, origins)[0.05])
    self_exciting = summarise("self-exciting", backtest(SelfExcitingModel(), events, cells, origins)[0.05])

    assert self_exciting.pai.low > 1.5
    assert self_exciting.pai.value > kde.pai.value


def test_week_metrics_follow_their_definitions() -> None:
    scores = np.array([5.0, 4.0, 3.0, 2.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0])
    actual = np.array([1, 0, 0, 0, 0, 3, 0, 0, 0, 0])

    week = evaluate_week(scores, actual, share=0.2, start=0.0)

    assert (week.flagged, week.hits, week.best_hits) == (2, 1, 4)
    assert week.hit_rate == pytest.approx(0.25)
    assert week.pai == pytest.approx(0.25 / 0.2)
    assert week.pei == pytest.approx(0.25)


def test_weeks_without_events_have_no_rates_and_do_not_enter_the_summary() -> None:
    quiet = evaluate_week(np.ones(10), np.zeros(10, dtype=np.int64), share=0.1, start=0.0)
    busy = evaluate_week(np.arange(10.0), np.eye(10, dtype=np.int64)[9], share=0.1, start=7.0)

    summary = summarise("m", [quiet, busy])

    assert quiet.hit_rate is None
    assert quiet.pai is None
    assert quiet.pei is None
    assert summary.weeks == 1
    assert summary.hit_rate.value == 1.0


def _weeks(hits: list[int], events: int = 20) -> list[WeekResult]:
    return [WeekResult(7.0 * i, events, h, events, 5, 100) for i, h in enumerate(hits)]


def test_a_paired_comparison_tells_a_steady_small_gain_apart_from_zero() -> None:
    # Week-to-week noise far larger than the gain: one extra hit every week out of 20 events.
    baseline_hits = [2, 12, 5, 15, 3, 9, 14, 1, 8, 11, 4, 13]
    better = _weeks([h + 1 for h in baseline_hits])
    baseline = _weeks(baseline_hits)

    difference = paired_pai_difference(better, baseline)
    unpaired = summarise("better", better).pai, summarise("baseline", baseline).pai

    assert difference.value == pytest.approx(1 / 20 / 0.05)  # one hit in 20 at 5 % of the area: PAI + 1
    assert difference.low == difference.high == difference.value  # the same gain every week
    assert unpaired[0].low < unpaired[1].high  # the unpaired intervals overlap


def test_a_paired_comparison_of_a_model_with_itself_is_zero_and_needs_the_same_weeks() -> None:
    weeks = _weeks([3, 7, 1, 9])

    assert paired_pai_difference(weeks, weeks).as_dict() == {"value": 0.0, "low": 0.0, "high": 0.0}
    with pytest.raises(ValueError, match="same weeks"):
        paired_pai_difference(weeks, weeks[1:])
