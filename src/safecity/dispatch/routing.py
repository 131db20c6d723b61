"""Travel-time estimates for recommendation: great-circle × road factor by default, OSRM if configured."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import httpx

from safecity.config.dispatch import DispatchSettings
from safecity.dispatch.geo import haversine_m

Point = tuple[float, float]  # (latitude, longitude)


class Router(Protocol):
    def travel_seconds(self, sources: Sequence[Point], destination: Point) -> list[float]:
        """Estimated driving time from each source to the destination, in seconds."""
        ...


class GreatCircleRouter:
    def __init__(self, road_factor: float = 1.4, speed_kmh: float = 30.0) -> None:
        self.road_factor = road_factor
        self.speed_ms = speed_kmh / 3.6

    def distance_m(self, source: Point, destination: Point) -> float:
        return haversine_m(source[0], source[1], destination[0], destination[1])

    def travel_seconds(self, sources: Sequence[Point], destination: Point) -> list[float]:
        return [self.distance_m(s, destination) * self.road_factor / self.speed_ms for s in sources]


class OsrmRouter:
    """OSRM's table service: one request for all candidate units; falls back to the estimate on failure."""

    def __init__(
        self, base_url: str, fallback: GreatCircleRouter, client: httpx.Client | None = None
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.fallback = fallback
        self._client = client or httpx.Client(timeout=3.0)

    def travel_seconds(self, sources: Sequence[Point], destination: Point) -> list[float]:
        if not sources:
            return []
        points = [*sources, destination]
        coordinates = ";".join(f"{lon:.6f},{lat:.6f}" for lat, lon in points)
        params = {
            "sources": ";".join(str(i) for i in range(len(sources))),
            "destinations": str(len(sources)),
            "annotations": "duration",
        }
        try:
            response = self._client.get(f"{self.base_url}/table/v1/driving/{coordinates}", params=params)
            response.raise_for_status()
            durations = response.json()["durations"]
        except (httpx.HTTPError, KeyError, ValueError):
            return self.fallback.travel_seconds(sources, destination)
        estimate = self.fallback.travel_seconds(sources, destination)
        return [float(row[0]) if row[0] is not None else estimate[i] for i, row in enumerate(durations)]


def router_from_settings(settings: DispatchSettings) -> Router:
    estimate = GreatCircleRouter(settings.road_factor, settings.speed_kmh)
    return OsrmRouter(settings.osrm_url, estimate) if settings.osrm_url else estimate
