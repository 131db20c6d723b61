"""Point patterns with a known answer, for tests and benchmarks: a homogeneous Poisson field and a planted
self-exciting (near-repeat) process simulated by its branching structure."""

from __future__ import annotations

import numpy as np

from safecity.crime.events import CrimeEvents
from safecity.crime.self_exciting import SelfExcitingParams


def poisson_field(rate_per_day: float, days: float, side_m: float, seed: int = 0) -> CrimeEvents:
    """Events uniform in time over [0, days) and in space over the square [0, side_m)²."""
    rng = np.random.default_rng(seed)
    n = rng.poisson(rate_per_day * days)
    return CrimeEvents.from_arrays(
        rng.uniform(0, days, n), rng.uniform(0, side_m, n), rng.uniform(0, side_m, n)
    )


def self_exciting_process(
    params: SelfExcitingParams, days: float, side_m: float, seed: int = 0
) -> CrimeEvents:
    """Background events uniform over [0, days) × [0, side_m)², each generation's offspring Poisson(θ) per
    parent, delayed Exp(ω) and displaced N(0, σ²) per axis; offspring after `days` are dropped."""
    rng = np.random.default_rng(seed)
    n = rng.poisson(params.mu * days)
    t, x, y = rng.uniform(0, days, n), rng.uniform(0, side_m, n), rng.uniform(0, side_m, n)
    all_t, all_x, all_y = [t], [x], [y]
    while len(t):
        children = rng.poisson(params.theta, len(t))
        parent = np.repeat(np.arange(len(t)), children)
        t = t[parent] + rng.exponential(1 / params.omega, len(parent))
        x = x[parent] + rng.normal(0, params.sigma_m, len(parent))
        y = y[parent] + rng.normal(0, params.sigma_m, len(parent))
        keep = t < days
        t, x, y = t[keep], x[keep], y[keep]
        all_t.append(t)
        all_x.append(x)
        all_y.append(y)
    return CrimeEvents.from_arrays(np.concatenate(all_t), np.concatenate(all_x), np.concatenate(all_y))
