"""A schematic outline of the demo's area, drawn from its sample cameras: what the map shows when there is no
base map and no geodata on the machine (the demo downloads nothing).

It is honest about being a sketch: each of the cameras' districts (Lahore, Islamabad: what a desk chooses to
watch for alarms) is a box around its cameras, each zone (Gulberg, Walled City, Mall Road, G-7) a smaller box
around the cameras in it, and the streets the cameras stand on straight lines from one camera to the next,
north to south. Every feature says `schematic: true`
and the collection is named as a schematic; none of it is surveyed geography. A deployment gives its real
city boundary, districts and roads as `map.outline` instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby
from itertools import pairwise
from typing import Any

from safecity.config import CameraSettings

DISTRICT_MARGIN_DEG = 0.08  # about 9 km around a district's outermost cameras: a city-sized box
ZONE_MARGIN_DEG = 0.008  # about 900 m around a zone's cameras
SCHEMATIC_NOTE = "Schematic of the demo area around its sample cameras; not surveyed geography"

Feature = dict[str, Any]


@dataclass(frozen=True, slots=True)
class _Placed:
    name: str
    district: str
    zone: str
    position: list[float]  # longitude, latitude


def _box(points: Sequence[list[float]], margin: float) -> list[list[list[float]]]:
    """A closed rectangle ring (GeoJSON polygon coordinates) around (longitude, latitude) points."""
    west = min(lon for lon, _ in points) - margin
    east = max(lon for lon, _ in points) + margin
    south = min(lat for _, lat in points) - margin
    north = max(lat for _, lat in points) + margin
    return [[[west, south], [east, south], [east, north], [west, north], [west, south]]]


def _feature(kind: str, name: str, geometry_type: str, coordinates: Any) -> Feature:
    return {
        "type": "Feature",
        "properties": {"kind": kind, "name": name, "schematic": True},
        "geometry": {"type": geometry_type, "coordinates": coordinates},
    }


def _areas(cameras: Sequence[_Placed], kind: str, margin: float) -> list[Feature]:
    def area(camera: _Placed) -> str:
        return camera.district if kind == "district" else camera.zone

    return [
        _feature(kind, name, "Polygon", _box([c.position for c in members], margin))
        for name, members in groupby(sorted(cameras, key=area), key=area)
        if name
    ]


def _streets(cameras: Sequence[_Placed]) -> list[Feature]:
    """Within each district, a straight line from each camera to the next one south of it."""
    features = []
    for _, members in groupby(sorted(cameras, key=lambda c: c.district), key=lambda c: c.district):
        north_to_south = sorted(members, key=lambda c: -c.position[1])
        for a, b in pairwise(north_to_south):
            line = [a.position, b.position]
            features.append(_feature("street", f"{a.name} – {b.name}", "LineString", line))
    return features


def schematic_outline(cameras: Sequence[CameraSettings]) -> dict[str, Any]:
    """The GeoJSON FeatureCollection of districts, zones and streets around the `cameras` with a position."""
    placed = [
        _Placed(c.name, c.district or "", c.zone or "", [c.longitude, c.latitude])
        for c in cameras
        if c.latitude is not None and c.longitude is not None
    ]
    return {
        "type": "FeatureCollection",
        "name": "safecity demo area (schematic)",
        "description": SCHEMATIC_NOTE,
        "features": [
            *_areas(placed, "district", DISTRICT_MARGIN_DEG),
            *_areas(placed, "zone", ZONE_MARGIN_DEG),
            *_streets(placed),
        ],
    }
