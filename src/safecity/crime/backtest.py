"""Rolling-origin backtests: for each week, fit on everything before it, flag the top k % of cells by
forecast, count the next week's events inside them.

Per week: hit rate = hits / events, area share = flagged cells / cells, PAI = hit rate / area share (1 = no
better than chance), PEI = hits / the most hits any choice of the same number of cells could have had. Overall
figures pool the weeks (Σ hits / Σ events); their 95 % intervals come from a bootstrap over weeks. Weeks
without events have no hit rate and are left out of the pooled figures."""

from __future__ import annotations

import math
from dataclasses import asdict
from dataclasses import dataclass

import numpy as np

from safecity.crime.cells import Cells
from safecity.crime.events import CrimeEvents
from safecity.crime.events import FloatArray
from safecity.crime.models import HotspotModel

BOOTSTRAP_RESAMPLES = 2000


@dataclass(frozen=True)
class WeekResult:
    start: float
    events: int
    hits: int
    best_hits: int
    flagged: int
    cells: int

    @property
    def area_share(self) -> float:
        return self.flagged / self.cells

    @property
    def hit_rate(self) -> float | None:
        return self.hits / self.events if self.events else None

    @property
    def pai(self) -> float | None:
        rate = self.hit_rate
        return None if rate is None else rate / self.area_share

    @property
    def pei(self) -> float | None:
        return self.hits / self.best_hits if self.best_hits else None


@dataclass(frozen=True)
class Interval:
    value: float
    low: float
    high: float

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


@dataclass(frozen=True)
class BacktestSummary:
    model: str
    area_share: float
    weeks: int
    hit_rate: Interval
    pai: Interval
    pei: Interval

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def flag_top(scores: FloatArray, share: float) -> np.ndarray:
    """Indices of the top `share` of cells by score (at least one); ties broken by cell order."""
    count = max(1, round(share * len(scores)))
    order = np.lexsort((np.arange(len(scores)), -np.nan_to_num(scores, nan=0.0)))
    return order[:count]


def evaluate_week(scores: FloatArray, actual: np.ndarray, share: float, start: float) -> WeekResult:
    flagged = flag_top(scores, share)
    best = np.sort(actual)[::-1][: len(flagged)]
    return WeekResult(
        start=start,
        events=int(actual.sum()),
        hits=int(actual[flagged].sum()),
        best_hits=int(best.sum()),
        flagged=len(flagged),
        cells=len(scores),
    )


def rolling_origins(events: CrimeEvents, first: float, last: float, step_days: float = 7.0) -> list[float]:
    """Week starts from `first` while a whole week fits before `last`."""
    del events
    return [float(first + i * step_days) for i in range(math.floor((last - first) / step_days))]


def backtest(
    model: HotspotModel,
    events: CrimeEvents,
    cells: Cells,
    origins: list[float],
    shares: tuple[float, ...] = (0.05,),
    horizon_days: float = 7.0,
) -> dict[float, list[WeekResult]]:
    """Per area share, one result per origin; the model sees only events before each origin."""
    results: dict[float, list[WeekResult]] = {share: [] for share in shares}
    for origin in origins:
        scores = model.forecast(events.before(origin), origin, horizon_days, cells)
        actual = cells.counts(events.between(origin, origin + horizon_days))
        for share in shares:
            results[share].append(evaluate_week(scores, actual, share, origin))
    return results


def summarise(model: str, weeks: list[WeekResult], seed: int = 0) -> BacktestSummary:
    counted = [week for week in weeks if week.events > 0]
    share = weeks[0].area_share if weeks else 0.0
    hits = np.array([week.hits for week in counted], dtype=np.float64)
    totals = np.array([week.events for week in counted], dtype=np.float64)
    best = np.array([week.best_hits for week in counted], dtype=np.float64)
    if len(counted) == 0:
        empty = Interval(0.0, 0.0, 0.0)
        return BacktestSummary(model, share, 0, empty, empty, empty)
    resampled = _resampled_weeks(len(counted), seed)

    def pooled(numerator: np.ndarray, denominator: np.ndarray, scale: float = 1.0) -> Interval:
        value = numerator.sum() / denominator.sum() / scale
        boot = (
            numerator[resampled].sum(axis=1) / np.maximum(denominator[resampled].sum(axis=1), 1e-12) / scale
        )
        low, high = np.percentile(boot, [2.5, 97.5])
        return Interval(float(value), float(low), float(high))

    return BacktestSummary(
        model=model,
        area_share=share,
        weeks=len(counted),
        hit_rate=pooled(hits, totals),
        pai=pooled(hits, totals, scale=share),
        pei=pooled(hits, best),
    )


def paired_pai_difference(weeks: list[WeekResult], baseline: list[WeekResult], seed: int = 0) -> Interval:
    """Pooled PAI of `weeks` minus that of `baseline`, both scored on the same weeks (origins, cells, share),
    with a 95 % interval from a bootstrap that resamples whole weeks for both at once: what the weeks have in
    common (a busy week, a week of crimes far from any hotspot) cancels, so the interval says whether the
    difference itself is told apart from zero — which two overlapping unpaired intervals cannot."""
    if [week.start for week in weeks] != [week.start for week in baseline]:
        raise ValueError("the two backtests must be scored on the same weeks")
    counted = [(a, b) for a, b in zip(weeks, baseline, strict=True) if a.events > 0]
    if not counted:
        return Interval(0.0, 0.0, 0.0)
    share = counted[0][0].area_share
    gained = np.array([a.hits - b.hits for a, b in counted], dtype=np.float64)
    totals = np.array([a.events for a, _ in counted], dtype=np.float64)
    resampled = _resampled_weeks(len(counted), seed)
    boot = gained[resampled].sum(axis=1) / totals[resampled].sum(axis=1) / share
    low, high = np.percentile(boot, [2.5, 97.5])
    return Interval(float(gained.sum() / totals.sum() / share), float(low), float(high))


def _resampled_weeks(count: int, seed: int) -> np.ndarray:
    """BOOTSTRAP_RESAMPLES draws of `count` week indices with replacement."""
    return np.random.default_rng(seed).integers(0, count, size=(BOOTSTRAP_RESAMPLES, count))
