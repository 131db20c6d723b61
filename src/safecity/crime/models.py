"""What every hotspot model offers: fit on the history strictly before `start`, return the expected number of
events in each cell during [start, start + days)."""

from __future__ import annotations

from typing import Protocol

from safecity.crime.cells import Cells
from safecity.crime.events import CrimeEvents
from safecity.crime.events import FloatArray


class HotspotModel(Protocol):
    name: str

    def forecast(self, history: CrimeEvents, start: float, days: float, cells: Cells) -> FloatArray:
        """Expected counts per cell (finite, >= 0). `history` holds only events before `start`."""
        ...
