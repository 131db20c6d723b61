"""Hyper-parameters chosen by rolling validation on the past only: before forecasting from `start`, each
candidate model (e.g. the same model with different bandwidths) is backtested on the `weeks` weeks just
before `start` — fitted, as always, only on the events before each of those weeks — and the one whose flagged
cells caught the most of those weeks' events at `area_share` forecasts. The choice is kept for `refresh_days`
(re-made when the origin moves on by that much, or moves backwards, or the cells change). Since the model is
handed only the history before `start`, no event at or after `start` can influence the choice."""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field
from typing import Generic
from typing import TypeVar

from safecity.crime.backtest import backtest
from safecity.crime.cells import Cells
from safecity.crime.events import CrimeEvents
from safecity.crime.events import FloatArray
from safecity.crime.models import HotspotModel

T = TypeVar("T")


@dataclass
class KeptChoice(Generic[T]):
    """A choice made by rolling validation, kept for `refresh_days`."""

    value: T | None = None
    made_at: float | None = None
    made_for: Cells | None = None

    def get(self, start: float, cells: Cells, refresh_days: float, make: Callable[[], T]) -> T:
        """The kept choice, or a new one from `make` when it is stale."""
        if self.value is None or self.is_stale(start, cells, refresh_days):
            self.value = make()
            self.made_at, self.made_for = start, cells
        return self.value

    def is_stale(self, start: float, cells: Cells, refresh_days: float) -> bool:
        """None was made, the cells changed, or the origin moved backwards or on by `refresh_days` or more."""
        made_at = self.made_at
        return made_at is None or self.made_for is not cells or not 0 <= start - made_at < refresh_days


@dataclass
class RollingValidated:
    candidates: Sequence[HotspotModel]
    name: str
    weeks: int = 4
    area_share: float = 0.05
    refresh_days: float = 28.0
    _choice: KeptChoice[HotspotModel] = field(default_factory=KeptChoice, init=False)

    def __post_init__(self) -> None:
        if not self.candidates:
            raise ValueError("at least one candidate model is needed")

    def forecast(self, history: CrimeEvents, start: float, days: float, cells: Cells) -> FloatArray:
        return self.choose(history, start, cells).forecast(history, start, days, cells)

    @property
    def chosen(self) -> HotspotModel | None:
        return self._choice.value

    def choose(self, history: CrimeEvents, start: float, cells: Cells) -> HotspotModel:
        """The candidate with the most validation hits (the first one on a tie or without history)."""
        return self._choice.get(start, cells, self.refresh_days, lambda: self._best(history, start, cells))

    def _best(self, history: CrimeEvents, start: float, cells: Cells) -> HotspotModel:
        origins = [start - 7.0 * (self.weeks - i) for i in range(self.weeks)]
        usable = [o for o in origins if len(history) and float(history.t[0]) < o]
        if len(self.candidates) == 1 or not usable or len(cells) == 0:
            return self.candidates[0]
        share = self.area_share
        hits = [
            sum(week.hits for week in backtest(c, history, cells, usable, (share,))[share])
            for c in self.candidates
        ]
        return self.candidates[max(range(len(hits)), key=lambda i: (hits[i], -i))]
