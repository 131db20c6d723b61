"""The variable-bandwidth background density: narrow kernels where events are dense, exact leave-one-out
values at the events, and all the kernel mass accounted for over the cells."""

from __future__ import annotations

import math

import numpy as np
import pytest

from safecity.crime.adaptive_kde import KernelMatrix
from safecity.crime.adaptive_kde import cell_integrals
from safecity.crime.adaptive_kde import knn_bandwidths
from safecity.crime.cells import Cells


def test_bandwidths_are_the_kth_neighbour_distance_clipped() -> None:
    rng = np.random.default_rng(0)
    dense = rng.normal(0, 20, (200, 2))
    sparse_points = rng.uniform(5000, 15000, (20, 2))
    x = np.concatenate([dense[:, 0], sparse_points[:, 0]])
    y = np.concatenate([dense[:, 1], sparse_points[:, 1]])

    h = knn_bandwidths(x, y, k=5, min_m=10.0, max_m=1500.0)

    assert np.median(h[:200]) < 12  # the cluster: the 5th neighbour is a few metres away (floor 10 m)
    assert np.all(h[:200] < 100)
    assert np.all(h[:200] >= 10.0)
    assert np.median(h[200:]) > 500  # the scattered points: hundreds of metres
    assert np.all(h <= 1500.0)


def test_the_leave_one_out_density_matches_the_direct_sum() -> None:
    rng = np.random.default_rng(1)
    x, y = rng.uniform(0, 2000, 80), rng.uniform(0, 2000, 80)
    h = rng.uniform(100, 300, 80)
    w = rng.uniform(0.1, 1.0, 80)

    fast = KernelMatrix.build(x, y, h).leave_one_out(w)

    d2 = (x[:, None] - x[None, :]) ** 2 + (y[:, None] - y[None, :]) ** 2
    kernel = np.exp(-d2 / (2 * h[None, :] ** 2)) / (2 * math.pi * h[None, :] ** 2)
    kernel[d2 > (3 * h[None, :]) ** 2] = 0.0  # kernels are cut at three bandwidths
    np.fill_diagonal(kernel, 0.0)
    direct = kernel @ w / (w.sum() - w)
    assert fast == pytest.approx(direct, rel=1e-9)


def test_cell_integrals_hold_all_the_weight_and_put_it_where_the_events_are() -> None:
    rng = np.random.default_rng(2)
    x = np.concatenate([rng.normal(1000, 30, 300), rng.uniform(0, 4000, 100)])
    y = np.concatenate([rng.normal(1000, 30, 300), rng.uniform(0, 4000, 100)])
    w = np.full(len(x), 0.5)
    h = knn_bandwidths(x, y, k=10, min_m=25.0, max_m=800.0)
    side = 250.0
    centres = np.arange(-2000, 6000, side) + side / 2
    gx, gy = np.meshgrid(centres, centres)
    cells = Cells(np.arange(gx.size).astype(str), gx.ravel(), gy.ravel(), side)

    mass = cell_integrals(x, y, w, h, cells)

    assert mass.sum() == pytest.approx(w.sum(), rel=0.01)
    hottest = int(np.argmax(mass))
    assert abs(cells.x[hottest] - 1000) <= side
    assert abs(cells.y[hottest] - 1000) <= side
