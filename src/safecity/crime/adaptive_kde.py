"""Variable-bandwidth (k-nearest-neighbour) Gaussian kernel density, as used for the background of ETAS-type
models (Zhuang, Ogata & Vere-Jones 2002; Mohler et al. 2011): event j carries a Gaussian kernel whose
bandwidth is the distance to its k-th nearest neighbour, clipped to [min_m, max_m] — narrow where events are
dense, wide where they are sparse. Weights (e.g. background probabilities) scale each kernel.

Two evaluations: at the events themselves, leave-one-out, through a sparse matrix of kernel values built
once (bandwidths do not change while weights are re-estimated); and integrated over square cells, on one
raster per bandwidth class (events grouped into log-spaced classes, each smoothed with a Gaussian filter)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.spatial import cKDTree

from safecity.crime.cells import Cells
from safecity.crime.events import FloatArray
from safecity.crime.raster import Raster

REACH = 3.0  # kernels are cut at 3 bandwidths (e^-4.5 ≈ 1 % of the peak)
CLASS_RATIO = 1.4  # neighbouring bandwidth classes differ by 40 %
SOURCE_CHUNK = 4096


def knn_bandwidths(x: FloatArray, y: FloatArray, k: int, min_m: float, max_m: float) -> FloatArray:
    """Per point: the distance to its k-th nearest other point, clipped to [min_m, max_m] (max_m when there
    are fewer than k other points)."""
    n = len(x)
    if n <= 1:
        return np.full(n, max_m)
    neighbours = min(k, n - 1)
    distances, _ = cKDTree(np.column_stack([x, y])).query(np.column_stack([x, y]), k=neighbours + 1)
    kth = distances[:, -1] if neighbours == k else np.full(n, max_m)
    return np.asarray(np.clip(kth, min_m, max_m), dtype=np.float64)


@dataclass(frozen=True)
class KernelMatrix:
    """matrix[i, j] = K_{h_j}(x_i − x_j): the Gaussian density of source j at point i (no diagonal)."""

    matrix: sparse.csc_matrix

    @classmethod
    def build(cls, x: FloatArray, y: FloatArray, bandwidth: FloatArray) -> KernelMatrix:
        n = len(x)
        points = np.column_stack([x, y])
        tree = cKDTree(points)
        # Column by column (one column per source), so the compressed-column arrays are built directly.
        targets: list[np.ndarray] = []
        values: list[np.ndarray] = []
        counts = np.zeros(n, dtype=np.int64)
        for first in range(0, n, SOURCE_CHUNK):
            sources = np.arange(first, min(n, first + SOURCE_CHUNK))
            found = tree.query_ball_point(points[sources], REACH * bandwidth[sources], return_sorted=False)
            lengths = np.fromiter((len(f) for f in found), dtype=np.int64, count=len(found))
            if lengths.sum() == 0:
                continue
            source = np.repeat(sources, lengths)
            target = np.concatenate([np.asarray(f, dtype=np.int32) for f in found if len(f)])
            keep = target != source
            source, target = source[keep], target[keep]
            counts[sources] = np.bincount(source - first, minlength=len(sources))
            h2 = bandwidth[source] ** 2
            d2 = (x[target] - x[source]) ** 2 + (y[target] - y[source]) ** 2
            targets.append(target)
            values.append(np.exp(-d2 / (2 * h2)) / (2 * math.pi * h2))
        if not targets:
            return cls(sparse.csc_matrix((n, n)))
        pointers = np.concatenate([[0], np.cumsum(counts)])
        matrix = sparse.csc_matrix((np.concatenate(values), np.concatenate(targets), pointers), shape=(n, n))
        return cls(matrix)

    def leave_one_out(self, weight: FloatArray) -> FloatArray:
        """Per point i: Σ_{j≠i} w_j K_{h_j}(x_i − x_j) / Σ_{j≠i} w_j (per m²; 0 where the others weigh 0)."""
        others = float(weight.sum()) - weight
        values = self.matrix @ weight
        return np.asarray(np.where(others > 1e-12, values / np.maximum(others, 1e-12), 0.0), dtype=np.float64)


def cell_integrals(
    x: FloatArray, y: FloatArray, weight: FloatArray, bandwidth: FloatArray, cells: Cells
) -> FloatArray:
    """Σ_j w_j ∫_cell K_{h_j}: the weighted kernel mass falling in each cell. Events are grouped by bandwidth
    class (log-spaced); each class is deposited on a raster of half its bandwidth (no coarser than a fifth of
    a cell) around its own events and smoothed with that class's Gaussian (cells off that raster get none of
    it: they are more than 3 bandwidths away)."""
    total = np.zeros(len(cells))
    if len(x) == 0 or len(cells) == 0:
        return total
    log_h = np.log(bandwidth)
    step = math.log(CLASS_RATIO)
    classes = np.round((log_h - log_h.min()) / step).astype(np.int64)
    for label in np.unique(classes):
        members = classes == label
        h = float(np.exp(log_h.min() + label * step))
        raster = Raster.covering(
            x[members],
            y[members],
            resolution=min(h / 2, cells.side_m / 5),
            margin=cells.side_m + REACH * h,
        )
        field = raster.density(raster.deposit(x[members], y[members], weight[members]), h)
        total += raster.cell_totals(field, cells.x, cells.y, cells.side_m)
    return total
