"""A self-exciting point process (ETAS / Mohler et al. 2011 style) fitted by stochastic-declustering EM.

    λ(s, t) = μ·b(s) + Σ_{t_i < t} θ·ω·exp(−ω(t − t_i)) · N(s − s_i; σ²)

`μ` is the background rate (events per day) and `b` the background's spatial density: the long-term crime
map of the fit window (two years by default), a variable-bandwidth kernel density (each event's Gaussian as
wide as the distance to its k-th nearest neighbour, clipped to [min, max]) of **all** the window's events —
as the long-term component of Mohler (2014) is a kernel over every past event, and as ETAS forecasts take
their background from smoothed past seismicity. Places of repeat victimisation stay risky long after a
near-repeat kernel has decayed; declustering the map (weighting each event by its probability of being
background: Zhuang, Ogata & Vere-Jones 2002; Mohler et al. 2011) takes exactly those places out of it.
`declustered_background=True` keeps that self-consistent variant. Each event triggers on average `θ`
near-repeats, `1/ω` days later on average (the exponential is cut at `pair_days`), a Gaussian `σ` metres
away.

EM: the E-step splits every event between the background and its possible parents (pairs within
`pair_radius_m` and `pair_days`, found with a k-d tree); the M-step has closed forms for μ, θ and σ (and the
map's weights, when declustered) and maximises the expected log-likelihood over ω with scipy's bounded scalar
optimiser. The background density at an event is leave-one-out, so that an event cannot explain itself.
Edges: events in the `pair_days` before the window are parents only (they can trigger events in the window
but are not themselves explained), and the expected number of offspring each parent has *inside* the window
(the compensator) counts only the part of its kernel between the window start and the fit end. The spatial
kernel's mass beyond the city edge is not corrected (σ is tens of metres against a city of kilometres).

The forecast is the expected count per cell over the whole horizon [start, start + days): the background rate
times `days`, plus each event's expected offspring in the horizon θ·(e^(−ω·a) − e^(−ω·(a + days))) (a = the
event's age at `start`), spread by N(σ²) and integrated over the cell. Offspring of events that happen inside
the horizon are not added (a second-order effect, θ² at most)."""

from __future__ import annotations

import math
from dataclasses import asdict
from dataclasses import dataclass
from dataclasses import replace

import numpy as np
from numpy.typing import NDArray
from scipy.optimize import minimize_scalar
from scipy.spatial import cKDTree

from safecity.crime.adaptive_kde import KernelMatrix
from safecity.crime.adaptive_kde import cell_integrals
from safecity.crime.adaptive_kde import knn_bandwidths
from safecity.crime.cells import Cells
from safecity.crime.events import CrimeEvents
from safecity.crime.events import FloatArray
from safecity.crime.location_precision import snapping_resolution_m
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
        return asdict(self)


@dataclass(frozen=True)
class SelfExcitingFit:
    params: SelfExcitingParams
    events: CrimeEvents  # the window's events and, before them, the parent-only events of the burn-in
    background_weight: FloatArray  # per event of `events`: probability it is background (0 in the burn-in)
    # per event of `events`: its weight in b (1 in the window, or background_weight when declustered)
    density_weight: FloatArray
    background_bandwidth_m: FloatArray  # per event of `events`: its background kernel's bandwidth
    end: float  # the fit saw events before this time
    iterations: int
    log_likelihood: float


@dataclass(frozen=True)
class _Pairs:
    parent: NDArray[np.int64]
    child: NDArray[np.int64]
    dt: FloatArray
    d2: FloatArray


@dataclass(frozen=True)
class _Exposure:
    """Per parent, the ages (days) between which its offspring fall inside the window: ∫ω e^(−ωa) da over
    [start, stop] = e^(−ω·start) − e^(−ω·stop). Parents whose whole kernel [0, full] lies inside (most of
    them) are only counted."""

    start: FloatArray
    stop: FloatArray
    full: float
    whole: int

    @classmethod
    def of(cls, start: FloatArray, stop: FloatArray, full: float) -> _Exposure:
        whole = (start == 0) & (stop >= full)
        return cls(start[~whole], stop[~whole], full, int(whole.sum()))

    def total(self, omega: float) -> float:
        partial = float(np.sum(np.exp(-omega * self.start) - np.exp(-omega * self.stop)))
        return partial + self.whole * (1.0 - math.exp(-omega * self.full))


@dataclass
class SelfExcitingModel:
    neighbours: int = 15  # k of the background's k-nearest-neighbour bandwidth
    # b from the events weighted by their background probability (Zhuang et al. 2002) instead of all of them.
    declustered_background: bool = False
    min_background_bandwidth_m: float = 50.0
    max_background_bandwidth_m: float = 2000.0
    window_days: float = 730.0
    pair_radius_m: float = 600.0
    pair_days: float = 60.0
    min_sigma_m: float = MIN_SIGMA_M
    # Raise the σ floor to the data's snapping resolution (records geocoded to shared points).
    sigma_floor_from_locations: bool = True
    max_iterations: int = 60
    tolerance: float = 1e-4
    name: str = "self-exciting"
    warm_start: SelfExcitingParams | None = None

    def fit(self, history: CrimeEvents, end: float) -> SelfExcitingFit:
        """Fit on the events in [end − window_days, end), with those of the `pair_days` before as parents."""
        window_start = end - self.window_days
        events = history.between(window_start - self.pair_days, end)
        inside = events.t >= window_start
        n = len(events)
        bandwidth = np.full(n, self.max_background_bandwidth_m)
        if not inside.any():
            empty = SelfExcitingParams(0.0, 0.0, 1.0, self.min_sigma_m)
            return SelfExcitingFit(empty, events, np.zeros(n), np.zeros(n), bandwidth, end, 0, 0.0)
        first = int(np.argmax(inside))  # events are sorted: the window is events[first:]
        span = max(1.0, min(self.window_days, end - float(events.t[first])))
        x, y = events.x[first:], events.y[first:]
        bandwidth[first:] = knn_bandwidths(
            x, y, self.neighbours, self.min_background_bandwidth_m, self.max_background_bandwidth_m
        )
        kernels = KernelMatrix.build(x, y, bandwidth[first:])
        floor = 1e-3 / _footprint_m2(x, y, self.max_background_bandwidth_m)  # keeps λ > 0 for lone events
        min_sigma = self.min_sigma_m
        if self.sigma_floor_from_locations:
            min_sigma = max(min_sigma, snapping_resolution_m(x, y))
        pairs = self._pairs(events, first)
        ages = end - events.t
        exposure = _Exposure.of(
            np.maximum(0.0, window_start - events.t), np.minimum(ages, self.pair_days), self.pair_days
        )
        count = n - first
        params = self.warm_start or SelfExcitingParams(
            mu=0.8 * count / span,
            theta=0.2,
            omega=1 / 7,
            sigma_m=max(min_sigma, min(100.0, self.pair_radius_m / 3)),
        )
        weight = np.full(count, 0.8)
        long_term = kernels.leave_one_out(np.ones(count)) + floor  # b at the events, when not declustered
        log_likelihood = -math.inf
        iterations = 0
        while iterations < self.max_iterations:
            iterations += 1
            density = kernels.leave_one_out(weight) + floor if self.declustered_background else long_term
            background = params.mu * density
            triggered = _trigger(params, pairs)
            intensity = np.maximum(
                background + np.bincount(pairs.child - first, triggered, minlength=count), 1e-300
            )
            log_likelihood = float(
                np.sum(np.log(intensity)) - params.mu * span - params.theta * exposure.total(params.omega)
            )
            weight = background / intensity
            offspring = triggered / intensity[pairs.child - first]
            updated = self._maximise(weight, offspring, pairs, exposure, span, params, min_sigma)
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
        background_weight = np.concatenate([np.zeros(first), weight])
        density_weight = background_weight if self.declustered_background else inside.astype(np.float64)
        return SelfExcitingFit(
            params, events, background_weight, density_weight, bandwidth, end, iterations, log_likelihood
        )

    def forecast(self, history: CrimeEvents, start: float, days: float, cells: Cells) -> FloatArray:
        return self.forecast_from(self.fit(history, start), start, days, cells)

    def forecast_from(self, fit: SelfExcitingFit, start: float, days: float, cells: Cells) -> FloatArray:
        """Expected counts in [start, start + days): the background rate × days, plus the offspring the
        events seen are expected to have during the horizon (first generation, kernel cut at pair_days)."""
        events, p = fit.events, fit.params
        if len(events) == 0 or len(cells) == 0:
            return np.zeros(len(cells))
        weight_sum = float(fit.density_weight.sum())
        background = np.zeros(len(cells))
        if weight_sum > 0:
            background = (
                cell_integrals(events.x, events.y, fit.density_weight, fit.background_bandwidth_m, cells)
                * p.mu
                * days
                / weight_sum
            )
        age = start - events.t
        offspring_share = p.theta * (
            np.exp(-p.omega * np.minimum(age, self.pair_days))
            - np.exp(-p.omega * np.minimum(age + days, self.pair_days))
        )
        recent = offspring_share > 1e-9
        if not recent.any():
            return background
        raster = Raster.covering(
            np.concatenate([events.x[recent], cells.x]),
            np.concatenate([events.y[recent], cells.y]),
            resolution=min(cells.side_m / 5, max(p.sigma_m / 2, 5.0)),
            margin=cells.side_m + 4 * p.sigma_m,
        )
        triggered = raster.density(
            raster.deposit(events.x[recent], events.y[recent], offspring_share[recent]), p.sigma_m
        )
        return background + raster.cell_totals(triggered, cells.x, cells.y, cells.side_m)

    def _pairs(self, events: CrimeEvents, first: int) -> _Pairs:
        """Parent–child pairs within pair_radius_m and pair_days; children only in the window (≥ first)."""
        points = np.column_stack(
            [events.x / self.pair_radius_m, events.y / self.pair_radius_m, events.t / self.pair_days]
        )
        found = cKDTree(points).query_pairs(1.0, p=np.inf, output_type="ndarray")
        if len(found) == 0:
            empty = np.zeros(0, dtype=np.int64)
            return _Pairs(empty, empty, np.zeros(0), np.zeros(0))
        one, other = found[:, 0], found[:, 1]
        dt = events.t[other] - events.t[one]
        parent = np.where(dt > 0, one, other)
        child = np.where(dt > 0, other, one)
        dt = np.abs(dt)
        d2 = (events.x[child] - events.x[parent]) ** 2 + (events.y[child] - events.y[parent]) ** 2
        keep = (dt > 0) & (dt <= self.pair_days) & (d2 <= self.pair_radius_m**2) & (child >= first)
        return _Pairs(parent[keep], child[keep], dt[keep], d2[keep])

    def _maximise(
        self,
        background_weight: FloatArray,
        offspring: FloatArray,
        pairs: _Pairs,
        exposure: _Exposure,
        span: float,
        current: SelfExcitingParams,
        min_sigma: float,
    ) -> SelfExcitingParams:
        mu = float(background_weight.sum()) / span
        total = float(offspring.sum())
        if total < 1e-9:
            return replace(current, mu=mu, theta=0.0)
        weighted_delay = float(np.dot(offspring, pairs.dt))

        def negative_profile(log_omega: float) -> float:
            omega = math.exp(log_omega)
            expected = total * math.log(total / exposure.total(omega)) + total * log_omega
            return -(expected - omega * weighted_delay)

        result = minimize_scalar(
            negative_profile, bounds=(math.log(3 / self.pair_days), math.log(20.0)), method="bounded"
        )
        omega = math.exp(float(result.x))
        theta = min(MAX_THETA, total / exposure.total(omega))
        sigma = math.sqrt(float(np.dot(offspring, pairs.d2)) / (2 * total))
        sigma = min(max(sigma, min_sigma), self.pair_radius_m / 3)
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


def _footprint_m2(x: FloatArray, y: FloatArray, margin: float) -> float:
    return float((np.ptp(x) + 2 * margin) * (np.ptp(y) + 2 * margin))
