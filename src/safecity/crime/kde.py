"""The baseline: a retrospective kernel density estimate of the recent past, scaled to the recent rate."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from safecity.crime.cells import Cells
from safecity.crime.events import CrimeEvents
from safecity.crime.events import FloatArray
from safecity.crime.raster import Raster


@dataclass
class RetrospectiveKde:
    """Gaussian KDE (bandwidth `bandwidth_m`) of the events of the last `window_days`; the expected count in a
    cell is the density integrated over the cell times the window's daily rate times the horizon."""

    bandwidth_m: float = 250.0
    window_days: float = 365.0
    name: str = "kde"

    def forecast(self, history: CrimeEvents, start: float, days: float, cells: Cells) -> FloatArray:
        recent = history.between(start - self.window_days, start)
        if len(recent) == 0 or len(cells) == 0:
            return np.zeros(len(cells))
        observed_days = max(1.0, min(self.window_days, start - float(history.t[0])))
        raster = Raster.covering(
            np.concatenate([recent.x, cells.x]),
            np.concatenate([recent.y, cells.y]),
            resolution=min(cells.side_m / 5, self.bandwidth_m / 2),
            margin=cells.side_m + 3 * self.bandwidth_m,
        )
        density = raster.density(raster.deposit(recent.x, recent.y), self.bandwidth_m)
        return raster.cell_totals(density, cells.x, cells.y, cells.side_m) * days / observed_days
