"""A regular raster on the local plane: events are deposited by linear binning, smoothed with a Gaussian
kernel (a binned kernel density estimate) and integrated over square cells."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import ndimage

from safecity.crime.events import FloatArray

MAX_PIXELS = 4_000_000


@dataclass(frozen=True)
class Raster:
    x0: float
    y0: float
    resolution: float
    nx: int
    ny: int

    @classmethod
    def covering(
        cls, x: FloatArray, y: FloatArray, resolution: float, margin: float, max_pixels: int = MAX_PIXELS
    ) -> Raster:
        """The raster over the bounding box of the points plus `margin`; coarser than asked when the area
        would need more than `max_pixels`."""
        if len(x) == 0:
            x = y = np.zeros(1)
        x0, x1 = float(np.min(x)) - margin, float(np.max(x)) + margin
        y0, y1 = float(np.min(y)) - margin, float(np.max(y)) + margin
        area_pixels = (x1 - x0) * (y1 - y0) / resolution**2
        if area_pixels > max_pixels:
            resolution *= math.sqrt(area_pixels / max_pixels)
        nx = max(2, math.ceil((x1 - x0) / resolution) + 1)
        ny = max(2, math.ceil((y1 - y0) / resolution) + 1)
        return cls(x0, y0, resolution, nx, ny)

    def _pixel(self, x: FloatArray, y: FloatArray) -> tuple[FloatArray, FloatArray]:
        return (np.asarray(x) - self.x0) / self.resolution, (np.asarray(y) - self.y0) / self.resolution

    def deposit(self, x: FloatArray, y: FloatArray, weights: FloatArray | None = None) -> FloatArray:
        """Weights spread onto the four nearest pixels (linear binning); points off the raster are dropped."""
        px, py = self._pixel(x, y)
        w = np.ones(len(px)) if weights is None else np.asarray(weights, dtype=np.float64)
        ix, iy = np.floor(px).astype(np.int64), np.floor(py).astype(np.int64)
        fx, fy = px - ix, py - iy
        grid = np.zeros(self.ny * self.nx)
        for dx, dy, share in (
            (0, 0, (1 - fx) * (1 - fy)),
            (1, 0, fx * (1 - fy)),
            (0, 1, (1 - fx) * fy),
            (1, 1, fx * fy),
        ):
            cx, cy = ix + dx, iy + dy
            inside = (cx >= 0) & (cx < self.nx) & (cy >= 0) & (cy < self.ny)
            grid += np.bincount(cy[inside] * self.nx + cx[inside], (w * share)[inside], minlength=grid.size)
        return grid.reshape(self.ny, self.nx)

    def density(self, deposited: FloatArray, bandwidth_m: float) -> FloatArray:
        """Per square metre: the deposited weights smoothed by a Gaussian of `bandwidth_m` (its integral is
        the total weight, less what the kernel carries off the raster)."""
        sigma = bandwidth_m / self.resolution
        smoothed = (
            ndimage.gaussian_filter(deposited, sigma, mode="constant", truncate=4.0)
            if sigma > 0.3
            else deposited
        )
        return np.asarray(smoothed / self.resolution**2, dtype=np.float64)

    def sample(self, field: FloatArray, x: FloatArray, y: FloatArray) -> FloatArray:
        px, py = self._pixel(x, y)
        values = ndimage.map_coordinates(field, [py, px], order=1, mode="constant", cval=0.0)
        return np.asarray(values, dtype=np.float64)

    def cell_totals(self, field: FloatArray, cx: FloatArray, cy: FloatArray, side_m: float) -> FloatArray:
        """The integral of a per-m² field over square cells centred on (cx, cy): the mean of a 5×5 midpoint
        grid inside each cell times the cell area."""
        offsets = (np.arange(5) + 0.5) / 5 * side_m - side_m / 2
        total = np.zeros(len(cx))
        for ox in offsets:
            for oy in offsets:
                total += self.sample(field, np.asarray(cx) + ox, np.asarray(cy) + oy)
        return np.asarray(np.maximum(total / 25 * side_m**2, 0.0), dtype=np.float64)
