"""A blend of the self-exciting model and the KDE baseline: a weighted mean of their expected counts."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field

from safecity.crime.cells import Cells
from safecity.crime.events import CrimeEvents
from safecity.crime.events import FloatArray
from safecity.crime.kde import RetrospectiveKde
from safecity.crime.self_exciting import SelfExcitingModel


@dataclass
class BlendModel:
    self_exciting: SelfExcitingModel = field(default_factory=SelfExcitingModel)
    kde: RetrospectiveKde = field(default_factory=RetrospectiveKde)
    self_exciting_weight: float = 0.5
    name: str = "blend"

    def forecast(self, history: CrimeEvents, start: float, days: float, cells: Cells) -> FloatArray:
        w = self.self_exciting_weight
        return w * self.self_exciting.forecast(history, start, days, cells) + (1 - w) * self.kde.forecast(
            history, start, days, cells
        )
