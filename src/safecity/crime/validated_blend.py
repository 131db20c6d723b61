"""The blend with its weight chosen by rolling validation on the past only (as `validated.py` chooses
hyper-parameters): before forecasting from `start`, the self-exciting model and the KDE each forecast the
`weeks` weeks just before `start` (fitted, as always, only on the events before each of those weeks), and the
weight whose blend's top `area_share` caught the most of those weeks' events is used until the origin moves
on by `refresh_days`. Each validation week costs one fit per component, not one per weight; on a tie the
weight nearest the a-priori 0.5 wins. No event at or after `start` can influence the choice."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field

import numpy as np

from safecity.crime.backtest import evaluate_week
from safecity.crime.cells import Cells
from safecity.crime.events import CrimeEvents
from safecity.crime.events import FloatArray
from safecity.crime.kde import RetrospectiveKde
from safecity.crime.self_exciting import SelfExcitingModel
from safecity.crime.validated import KeptChoice

WEIGHTS = (0.0, 0.25, 0.5, 0.75, 1.0)
WEEK_DAYS = 7.0


@dataclass
class ValidatedBlend:
    self_exciting: SelfExcitingModel = field(default_factory=SelfExcitingModel)
    kde: RetrospectiveKde = field(default_factory=RetrospectiveKde)
    weights: Sequence[float] = WEIGHTS
    weeks: int = 4
    area_share: float = 0.05
    refresh_days: float = 28.0
    name: str = "blend-validated"
    _choice: KeptChoice[float] = field(default_factory=KeptChoice, init=False)

    def forecast(self, history: CrimeEvents, start: float, days: float, cells: Cells) -> FloatArray:
        weight = self.choose(history, start, cells)
        return self._blend(weight, history, start, days, cells)

    @property
    def chosen_weight(self) -> float | None:
        return self._choice.value

    def choose(self, history: CrimeEvents, start: float, cells: Cells) -> float:
        return self._choice.get(start, cells, self.refresh_days, lambda: self._best(history, start, cells))

    def _best(self, history: CrimeEvents, start: float, cells: Cells) -> float:
        hits = dict.fromkeys(self.weights, 0)
        for origin in (start - WEEK_DAYS * (self.weeks - i) for i in range(self.weeks)):
            past = history.before(origin)
            if len(past) == 0 or len(cells) == 0:
                continue
            triggered = self.self_exciting.forecast(past, origin, WEEK_DAYS, cells)
            smooth = self.kde.forecast(past, origin, WEEK_DAYS, cells)
            actual = cells.counts(history.between(origin, origin + WEEK_DAYS))
            for weight in self.weights:
                scores = weight * triggered + (1 - weight) * smooth
                hits[weight] += evaluate_week(scores, actual, self.area_share, origin).hits
        return max(self.weights, key=lambda w: (hits[w], -abs(w - 0.5)))

    def _blend(
        self, weight: float, history: CrimeEvents, start: float, days: float, cells: Cells
    ) -> FloatArray:
        none = np.zeros(len(cells))
        triggered = self.self_exciting.forecast(history, start, days, cells) if weight > 0 else none
        smooth = self.kde.forecast(history, start, days, cells) if weight < 1 else none
        return np.asarray(weight * triggered + (1 - weight) * smooth, dtype=np.float64)
