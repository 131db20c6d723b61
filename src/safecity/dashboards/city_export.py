"""City data as files for planners' tools: CSV (one row per place or movement and hour of the day) and GeoJSON
(RFC 7946: one Point per located place, its aggregates as properties; cameras without a position are listed
in the collection's `unlocated` member, since a feature without a place cannot be drawn)."""

from __future__ import annotations

import csv
import io
from typing import Any

from safecity.dashboards.city_counts import Junction
from safecity.dashboards.city_counts import Place

PLACE_COLUMNS = (
    "camera_id",
    "name",
    "district",
    "latitude",
    "longitude",
    "hour",
    "people",
    "vehicles",
    "mean_occupancy",
    "peak_occupancy",
    "peak_hour",
)
JUNCTION_COLUMNS = (
    "camera_id",
    "name",
    "district",
    "latitude",
    "longitude",
    "line",
    "direction",
    "hour",
    "vehicles",
)


def places_csv(places: list[Place]) -> str:
    """One row per place and hour of the day (24 per place); an unknown position is left empty."""
    rows = (
        [
            *_camera_cells(place.camera_id, place),
            hour.hour,
            hour.people,
            hour.vehicles,
            hour.mean_occupancy,
            hour.peak_occupancy,
            _blank(place.peak_hour),
        ]
        for place in places
        for hour in place.hours
    )
    return _csv(PLACE_COLUMNS, rows)


def junctions_csv(junctions: list[Junction]) -> str:
    """One row per junction, movement (line and direction) and hour of the day."""
    rows = (
        [*_camera_cells(junction.camera_id, junction), movement.line, movement.direction, hour, count]
        for junction in junctions
        for movement in junction.movements
        for hour, count in enumerate(movement.hours)
    )
    return _csv(JUNCTION_COLUMNS, rows)


def places_geojson(places: list[Place], period: dict[str, str]) -> dict[str, Any]:
    return {
        "type": "FeatureCollection",
        "period": period,
        "features": [
            {
                "type": "Feature",
                "id": place.camera_id,
                "geometry": {"type": "Point", "coordinates": [place.camera.longitude, place.camera.latitude]},
                "properties": {
                    "camera_id": place.camera_id,
                    "name": place.camera.name,
                    "district": place.camera.district,
                    "people": place.people,
                    "vehicles": place.vehicles,
                    "by_class": place.by_class,
                    "peak_hour": place.peak_hour,
                    "mean_occupancy": place.mean_occupancy,
                    "peak_occupancy": place.peak_occupancy,
                    "people_by_hour": [h.people for h in place.hours],
                    "vehicles_by_hour": [h.vehicles for h in place.hours],
                    "mean_occupancy_by_hour": [h.mean_occupancy for h in place.hours],
                },
            }
            for place in places
            if place.camera.located
        ],
        "unlocated": [place.camera_id for place in places if not place.camera.located],
    }


def _camera_cells(camera_id: str, item: Place | Junction) -> list[Any]:
    camera = item.camera
    return [
        camera_id,
        _blank(camera.name),
        _blank(camera.district),
        _blank(camera.latitude),
        _blank(camera.longitude),
    ]


def _blank(value: object) -> object:
    return "" if value is None else value


def _csv(columns: tuple[str, ...], rows: Any) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return out.getvalue()
