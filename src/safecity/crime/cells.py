"""The cells a forecast is scored on: square, equal-area, identified by an id and their centre."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy.spatial import cKDTree

from safecity.crime.events import CrimeEvents
from safecity.crime.events import FloatArray
from safecity.crime.events import LocalPlane


@dataclass(frozen=True)
class Cells:
    ids: NDArray[np.str_]
    x: FloatArray
    y: FloatArray
    side_m: float

    def __len__(self) -> int:
        return len(self.x)

    @property
    def area_m2(self) -> float:
        return self.side_m**2

    def counts(self, events: CrimeEvents) -> NDArray[np.int64]:
        """Events per cell: each event counts for the nearest centre when inside that cell's square."""
        counts = np.zeros(len(self), dtype=np.int64)
        if len(events) == 0 or len(self) == 0:
            return counts
        _, nearest = cKDTree(np.column_stack([self.x, self.y])).query(np.column_stack([events.x, events.y]))
        inside = (np.abs(events.x - self.x[nearest]) <= self.side_m / 2) & (
            np.abs(events.y - self.y[nearest]) <= self.side_m / 2
        )
        np.add.at(counts, nearest[inside], 1)
        return counts


def spacing_of(x: FloatArray, y: FloatArray, default_m: float) -> float:
    """Side of equal-area square cells from the median nearest-neighbour distance of their centres."""
    if len(x) < 2:
        return default_m
    distances, _ = cKDTree(np.column_stack([x, y])).query(np.column_stack([x, y]), k=2)
    spacing = float(np.median(distances[:, 1]))
    return spacing if spacing > 0 else default_m


def cells_from_degrees(
    ids: list[str], lat: FloatArray, lon: FloatArray, plane: LocalPlane, default_side_m: float
) -> Cells:
    x, y = plane.to_metres(np.asarray(lat, dtype=np.float64), np.asarray(lon, dtype=np.float64))
    return Cells(np.array(ids, dtype=str), x, y, spacing_of(x, y, default_side_m))


def grid_over(events: CrimeEvents, side_m: float, reach_m: float | None = None) -> Cells:
    """Square cells of `side_m` over the events' bounding box, kept when their centre is within `reach_m`
    (default: two cells) of some event — a stand-in for the city boundary the data do not carry."""
    if len(events) == 0:
        return Cells(np.array([], dtype=str), np.zeros(0), np.zeros(0), side_m)
    reach = 2 * side_m if reach_m is None else reach_m
    # Candidate cells around the events only (not the whole bounding box): one far-off event must not
    # turn the grid into millions of empty cells.
    steps = math.ceil(reach / side_m)
    ix = np.floor(events.x / side_m).astype(np.int64)
    iy = np.floor(events.y / side_m).astype(np.int64)
    offsets = np.arange(-steps, steps + 1)
    around_x = (ix[:, None, None] + offsets[None, :, None]).repeat(len(offsets), axis=2)
    around_y = (iy[:, None, None] + offsets[None, None, :]).repeat(len(offsets), axis=1)
    pairs = np.unique(np.column_stack([around_y.ravel(), around_x.ravel()]), axis=0)  # row-major: y, then x
    inside_box = (
        (pairs[:, 0] >= iy.min())
        & (pairs[:, 0] <= iy.max())
        & (pairs[:, 1] >= ix.min())
        & (pairs[:, 1] <= ix.max())
    )
    pairs = pairs[inside_box]
    cx = pairs[:, 1] * side_m + side_m / 2
    cy = pairs[:, 0] * side_m + side_m / 2
    near, _ = cKDTree(np.column_stack([events.x, events.y])).query(
        np.column_stack([cx, cy]), distance_upper_bound=reach
    )
    keep = np.isfinite(near)
    ids = np.array([f"{i}" for i in range(int(keep.sum()))], dtype=str)
    return Cells(ids, cx[keep], cy[keep], side_m)
