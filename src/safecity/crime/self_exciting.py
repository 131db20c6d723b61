"""A self-exciting point process (ETAS / Mohler et al. 2011 style) fitted by expectation-maximisation.

    λ(s, t) = μ·b(s) + Σ_{t_i < t} θ·ω·exp(−ω(t − t_i)) · N(s − s_i; σ²)

`μ` is the background rate (events per day), `b` the background's spatial density (a kernel density of the
events weighted by their probability of being background, as in Mohler et al.), and each event triggers on
average `θ` near-repeats, `1/ω` days later on average, a Gaussian `σ` metres away. The E-step splits every
event between the background and its possible parents; the M-step has closed forms for μ, b, θ and σ and
maximises the expected log-likelihood over ω with scipy's bounded scalar optimiser. Parent–child pairs are
only considered within `pair_radius_m` and `pair_days` (found with a k-d tree); the background density is
evaluated leave-one-out so that an event cannot explain itself."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np
from numpy.typing import NDArray
from scipy.optimize import minimize_scalar
from scipy.spatial import cKDTree

from safecity.crime.cells import Cells
from safecity.crime.events import CrimeEvents, FloatArray
from safecity.crime.raster import Raster

MIN_SIGMA_M = 10.0  # default floor; see SelfExcitingModel.min_sigma_m
MAX_THETA = 0.95


@dataclass(frozen=True)
class SelfExcitingParams:
    mu: float  # background events per day
    theta: float  # expected direct offspring per event
    omega: float  # per day; mean delay 1/omega
    sigma_m: float  # spatial spread of offspring

    def as_dict(self) -> dict[str, float]:
        return {"mu": self.mu, "theta": self.theta, "omega": self.omega, "sigma_m": self.sigma_m}


@dataclass(frozen=True)
class SelfExcitingFit:
    params: SelfExcitingParams
    events: CrimeEvents
    background_weight: FloatArray  # per event: probability it is a background event
    end: float  # the fit saw events before this time
    iterations: int
    log_likelihood: float


@dataclass(frozen=True)
class _Pairs:
    parent: NDArray[np.int64]
    child: NDArray[np.int64]
    dt: FloatArray
    d2: FloatArray


@dataclass
class SelfExcitingModel:
    background_bandwidth_m: float = 300.0
    window_days: float = 730.0
    pair_radius_m: float = 600.0
    pair_days: float = 60.0
    min_sigma_m: float = MIN_SIGMA_M
    max_iterations: int = 60
    tolerance: float = 1e-4
    name: str = "self-exciting"
    warm_start: SelfExcitingParams | None = None

    def fit(self, history: CrimeEvents, end: float) -> SelfExcitingFit:
        """Fit on the events in [end − window_days, end)."""
        events = history.between(end - self.window_days, end)
        span = max(1.0, min(self.window_days, end - float(events.t[0]))) if len(events) else 1.0
        n = len(events)
        if n == 0:
            return SelfExcitingFit(
                SelfExcitingParams(0.0, 0.0, 1.0, MIN_SIGMA_M), events, np.zeros(0), end, 0, 0.0
            )
        pairs = self._pairs(events)
        raster = Raster.covering(
            events.x, events.y, self.background_bandwidth_m / 4, margin=3 * self.background_bandwidth_m
        )
        self_kernel = _self_kernel(raster, self.background_bandwidth_m)
        params = self.warm_start or SelfExcitingParams(
            mu=0.8 * n / span,
            theta=0.2,
            omega=1 / 7,
            sigma_m=max(self.min_sigma_m, min(100.0, self.pair_radius_m / 3)),
        )
        background_weight = np.full(n, 0.8)
        truncated_age = np.minimum(end - events.t, self.pair_days)
        log_likelihood = -math.inf
        iterations = 0
        while iterations < self.max_iterations:
            iterations += 1
            density = _background_density(
                raster, events, background_weight, self.background_bandwidth_m, self_kernel
            )
            background = params.mu * density
            triggered = _trigger(params, pairs)
            intensity = background + np.bincount(pairs.child, triggered, minlength=n)
            intensity = np.maximum(intensity, 1e-300)
            log_likelihood = float(
                np.sum(np.log(intensity))
                - params.mu * span
                - params.theta * np.sum(1 - np.exp(-params.omega * truncated_age))
            )
            background_weight = background / intensity
            offspring = triggered / intensity[pairs.child]
            updated = self._maximise(background_weight, offspring, pairs, truncated_age, span, params)
            change = max(
                abs(updated.mu - params.mu) / max(params.mu, 1e-12),
                abs(updated.theta - params.theta) / max(params.theta, 1e-3),
                abs(updated.omega - params.omega) / params.omega,
                abs(updated.sigma_m - params.sigma_m) / params.sigma_m,
            )
            params = updated
            if change < self.tolerance:
                break
        self.warm_start = params
        return SelfExcitingFit(params, events, background_weight, end, iterations, log_likelihood)

    def forecast(self, history: CrimeEvents, start: float, days: float, cells: Cells) -> FloatArray:
        return self.forecast_from(self.fit(history, start), start, days, cells)

    def forecast_from(self, fit: SelfExcitingFit, start: float, days: float, cells: Cells) -> FloatArray:
        """Expected counts in [start, start + days): the background plus the first-generation offspring of
        the events seen (offspring of events inside the horizon are not added)."""
        events, p = fit.events, fit.params
        if len(events) == 0 or len(cells) == 0:
            return np.zeros(len(cells))
        raster = Raster.covering(
            np.concatenate([events.x, cells.x]),
            np.concatenate([events.y, cells.y]),
            resolution=min(cells.side_m / 5, self.background_bandwidth_m / 2),
            margin=cells.side_m + 3 * self.background_bandwidth_m,
        )
        weight_sum = float(fit.background_weight.sum())
        background = np.zeros((raster.ny, raster.nx))
        if weight_sum > 0:
            deposited = raster.deposit(events.x, events.y, fit.background_weight / weight_sum)
            background = raster.density(deposited, self.background_bandwidth_m) * p.mu * days
        age = start - events.t
        offspring_share = p.theta * (np.exp(-p.omega * age) - np.exp(-p.omega * (age + days)))
        recent = offspring_share > 1e-9
        triggered = raster.density(
            raster.deposit(events.x[recent], events.y[recent], offspring_share[recent]), p.sigma_m
        )
        return raster.cell_totals(background + triggered, cells.x, cells.y, cells.side_m)

    def _pairs(self, events: CrimeEvents) -> _Pairs:
        points = np.column_stack(
            [events.x / self.pair_radius_m, events.y / self.pair_radius_m, events.t / self.pair_days]
        )
        found = cKDTree(points).query_pairs(1.0, p=np.inf, output_type="ndarray")
        if len(found) == 0:
            empty = np.zeros(0, dtype=np.int64)
            return _Pairs(empty, empty, np.zeros(0), np.zeros(0))
        first, second = found[:, 0], found[:, 1]
        dt = events.t[second] - events.t[first]
        parent = np.where(dt > 0, first, second)
        child = np.where(dt > 0, second, first)
        dt = np.abs(dt)
        d2 = (events.x[child] - events.x[parent]) ** 2 + (events.y[child] - events.y[parent]) ** 2
        keep = (dt > 0) & (d2 <= self.pair_radius_m**2)
        return _Pairs(parent[keep], child[keep], dt[keep], d2[keep])

    def _maximise(
        self,
        background_weight: FloatArray,
        offspring: FloatArray,
        pairs: _Pairs,
        truncated_age: FloatArray,
        span: float,
        current: SelfExcitingParams,
    ) -> SelfExcitingParams:
        mu = float(background_weight.sum()) / span
        total = float(offspring.sum())
        if total < 1e-9:
            return replace(current, mu=mu, theta=0.0)
        weighted_delay = float(np.dot(offspring, pairs.dt))

        def negative_profile(log_omega: float) -> float:
            omega = math.exp(log_omega)
            exposure = float(np.sum(1 - np.exp(-omega * truncated_age)))
            return -(total * math.log(total / exposure) + total * log_omega - omega * weighted_delay)

        result = minimize_scalar(
            negative_profile, bounds=(math.log(3 / self.pair_days), math.log(20.0)), method="bounded"
        )
        omega = math.exp(float(result.x))
        theta = min(MAX_THETA, total / float(np.sum(1 - np.exp(-omega * truncated_age))))
        sigma = math.sqrt(float(np.dot(offspring, pairs.d2)) / (2 * total))
        sigma = min(max(sigma, self.min_sigma_m), self.pair_radius_m / 3)
        return SelfExcitingParams(mu=mu, theta=theta, omega=omega, sigma_m=sigma)


def _trigger(params: SelfExcitingParams, pairs: _Pairs) -> FloatArray:
    spread = 2 * params.sigma_m**2
    return np.asarray(
        params.theta
        * params.omega
        * np.exp(-params.omega * pairs.dt)
        * np.exp(-pairs.d2 / spread)
        / (math.pi * spread),
        dtype=np.float64,
    )


def _self_kernel(raster: Raster, bandwidth_m: float) -> float:
    """What one event contributes to the binned density at its own position (removed for leave-one-out)."""
    cx = raster.x0 + (raster.nx // 2) * raster.resolution
    cy = raster.y0 + (raster.ny // 2) * raster.resolution
    single = raster.density(raster.deposit(np.array([cx]), np.array([cy])), bandwidth_m)
    return float(raster.sample(single, np.array([cx]), np.array([cy]))[0])


def _background_density(
    raster: Raster, events: CrimeEvents, weight: FloatArray, bandwidth_m: float, self_kernel: float
) -> FloatArray:
    """Leave-one-out density (per m², integrating to 1) of the background at each event."""
    others = float(weight.sum()) - weight
    field = raster.density(raster.deposit(events.x, events.y, weight), bandwidth_m)
    at_events = raster.sample(field, events.x, events.y) - weight * self_kernel
    floor = 1e-3 / (raster.nx * raster.ny * raster.resolution**2)  # never exactly zero: keeps λ > 0
    return np.asarray(np.maximum(at_events, 0.0) / np.maximum(others, 1e-12) + floor, dtype=np.float64)
