"""Crime events as arrays: time in days since the Unix epoch, position in metres on a local plane."""

from __future__ import annotations

import math
from dataclasses import dataclass
from dataclasses import field
from datetime import UTC
from datetime import datetime

import numpy as np
from numpy.typing import NDArray

EARTH_RADIUS_M = 6_371_008.8
SECONDS_PER_DAY = 86_400.0

FloatArray = NDArray[np.float64]


def days_since_epoch(moment: datetime) -> float:
    """Days since 1970-01-01 UTC; a naive time is taken as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp() / SECONDS_PER_DAY


@dataclass(frozen=True)
class LocalPlane:
    """Equirectangular projection around a reference point: metres east (x) and north (y). Within a city
    (tens of km) the distortion is well under 1 %, far below the cell sizes used here."""

    origin_lat: float
    origin_lon: float

    def to_metres(self, lat: FloatArray, lon: FloatArray) -> tuple[FloatArray, FloatArray]:
        scale = math.radians(1.0) * EARTH_RADIUS_M
        x = (lon - self.origin_lon) * scale * math.cos(math.radians(self.origin_lat))
        y = (lat - self.origin_lat) * scale
        return np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)

    def to_degrees(self, x: FloatArray, y: FloatArray) -> tuple[FloatArray, FloatArray]:
        scale = math.radians(1.0) * EARTH_RADIUS_M
        lat = self.origin_lat + y / scale
        lon = self.origin_lon + x / (scale * math.cos(math.radians(self.origin_lat)))
        return np.asarray(lat, dtype=np.float64), np.asarray(lon, dtype=np.float64)


@dataclass(frozen=True)
class CrimeEvents:
    """Events sorted by time. `t` in days since the epoch, `x`/`y` in metres on `plane`, `kind` the crime type
    ('' when the source has none)."""

    t: FloatArray
    x: FloatArray
    y: FloatArray
    plane: LocalPlane
    kind: NDArray[np.str_] = field(default_factory=lambda: np.array([], dtype=str))

    def __post_init__(self) -> None:
        if not (len(self.t) == len(self.x) == len(self.y)):
            raise ValueError("t, x and y must have the same length")
        if len(self.kind) not in (0, len(self.t)):
            raise ValueError("kind must be empty or as long as t")
        if len(self.t) > 1 and np.any(np.diff(self.t) < 0):
            raise ValueError("events must be sorted by time")

    def __len__(self) -> int:
        return len(self.t)

    @classmethod
    def from_arrays(
        cls,
        t: FloatArray,
        x: FloatArray,
        y: FloatArray,
        plane: LocalPlane | None = None,
        kind: NDArray[np.str_] | None = None,
    ) -> CrimeEvents:
        """Events from unsorted arrays (sorted here by time, stably)."""
        order = np.argsort(t, kind="stable")
        kinds = np.asarray(kind)[order] if kind is not None and len(kind) else np.array([], dtype=str)
        return cls(
            t=np.asarray(t, dtype=np.float64)[order],
            x=np.asarray(x, dtype=np.float64)[order],
            y=np.asarray(y, dtype=np.float64)[order],
            plane=plane or LocalPlane(0.0, 0.0),
            kind=kinds,
        )

    @classmethod
    def from_degrees(
        cls, t: FloatArray, lat: FloatArray, lon: FloatArray, kind: NDArray[np.str_] | None = None
    ) -> CrimeEvents:
        """Events from WGS84 coordinates, projected around their median position."""
        plane = LocalPlane(float(np.median(lat)), float(np.median(lon))) if len(lat) else LocalPlane(0.0, 0.0)
        x, y = plane.to_metres(np.asarray(lat, dtype=np.float64), np.asarray(lon, dtype=np.float64))
        return cls.from_arrays(np.asarray(t, dtype=np.float64), x, y, plane, kind)

    def select(self, mask: NDArray[np.bool_]) -> CrimeEvents:
        kinds = self.kind[mask] if len(self.kind) else self.kind
        return CrimeEvents(self.t[mask], self.x[mask], self.y[mask], self.plane, kinds)

    def before(self, until: float) -> CrimeEvents:
        """Events strictly before `until` (days since the epoch)."""
        return self.select(self.t < until)

    def between(self, start: float, end: float) -> CrimeEvents:
        """Events in [start, end)."""
        return self.select((self.t >= start) & (self.t < end))

    def of_kind(self, kind: str) -> CrimeEvents:
        return self.select(self.kind == kind) if len(self.kind) else self.select(np.zeros(len(self), bool))
