"""The demo's seeded data lets a new user walk the whole operator journey: units exist to dispatch, and its
map shows a schematic of its area instead of a dark rectangle."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from safecity.cameras.samples import SAMPLE_SITES
from safecity.cameras.samples_outline import schematic_outline
from safecity.cameras.traffic_sample import TRAFFIC_SITE
from safecity.config import CameraSettings
from safecity.config import load_settings
from safecity.core.db import Database
from safecity.core.schema import upgrade
from safecity.demo import DEMO_UNITS
from safecity.demo import demo_settings
from safecity.demo import seed_units
from safecity.dispatch.routing import GreatCircleRouter
from safecity.dispatch.units import list_units
from safecity.dispatch.units import recommend


def test_seeded_units_are_available_and_recommended_near_every_sample_camera(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    upgrade(url)
    database = Database(url)
    try:
        assert seed_units(database) == len(DEMO_UNITS)
        with database.session() as session:
            assert {unit.status for unit in list_units(session)} == {"available"}
            for _, name, latitude, longitude, *_ in SAMPLE_SITES:
                nearest = recommend(session, GreatCircleRouter(), latitude, longitude, limit=1)
                assert nearest, f"no unit to recommend at {name}"
                assert nearest[0].distance_m < 10_000, f"the nearest unit to {name} is too far away"
    finally:
        database.dispose()


def demo_area_cameras() -> list[CameraSettings]:
    """The demo's cameras where they stand (without their clips: only positions matter here)."""
    sites = [*SAMPLE_SITES, TRAFFIC_SITE]
    return [
        CameraSettings(
            id=camera_id,
            name=name,
            url="rtsp://demo",
            latitude=lat,
            longitude=lon,
            district=district,
            zone=zone,
        )
        for camera_id, name, lat, lon, district, zone in sites
    ]


def inside(ring: list[list[float]], camera: CameraSettings) -> bool:
    longitudes, latitudes = [p[0] for p in ring], [p[1] for p in ring]
    return min(longitudes) < (camera.longitude or 0) < max(longitudes) and min(latitudes) < (
        camera.latitude or 0
    ) < max(latitudes)


def test_the_demo_map_outline_is_a_labelled_schematic_of_its_districts_zones_and_streets() -> None:
    cameras = demo_area_cameras()
    outline = schematic_outline(cameras)

    assert outline["name"] == "safecity demo area (schematic)"
    assert all(feature["properties"]["schematic"] is True for feature in outline["features"])
    areas = {
        (f["properties"]["kind"], f["properties"]["name"]): f["geometry"]["coordinates"][0]
        for f in outline["features"]
        if f["geometry"]["type"] == "Polygon"
    }
    assert set(areas) == {
        ("district", "Lahore"),
        ("district", "Islamabad"),
        ("zone", "Gulberg"),
        ("zone", "Walled City"),
        ("zone", "Mall Road"),
        ("zone", "G-7"),
    }
    for camera in cameras:  # every camera stands inside its district and its zone
        assert inside(areas[("district", camera.district)], camera), camera.id
        assert inside(areas[("zone", camera.zone)], camera), camera.id
    streets = {
        f["properties"]["name"]: f["geometry"]["coordinates"]
        for f in outline["features"]
        if f["properties"]["kind"] == "street"
    }
    # Lahore's cameras joined north to south; Islamabad has one camera, so no street.
    assert list(streets) == [
        "Azadi Chowk (Minar-e-Pakistan) – Regal Chowk signal (The Mall)",
        "Regal Chowk signal (The Mall) – Liberty Chowk",
        "Liberty Chowk – Kalma Chowk",
    ]
    assert streets["Liberty Chowk – Kalma Chowk"] == [[74.3441, 31.5102], [74.3315, 31.5042]]


def test_the_demo_configures_its_outline_through_map_outline_unless_the_deployment_gives_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cameras = demo_area_cameras()
    settings = demo_settings(load_settings(None, data_dir=tmp_path / "demo"), cameras)

    assert settings.map.outline is not None
    assert json.loads(settings.map.outline.read_text()) == schematic_outline(cameras)
    assert [camera.id for camera in settings.cameras][-len(cameras) :] == [camera.id for camera in cameras]

    own = tmp_path / "lahore-districts.geojson"
    own.write_text(json.dumps({"type": "FeatureCollection", "features": []}))
    monkeypatch.setenv("SAFECITY_MAP__OUTLINE", str(own))
    deployed = demo_settings(load_settings(None, data_dir=tmp_path / "deployed"), cameras)
    assert deployed.map.outline == own
    assert not (tmp_path / "deployed" / "maps").exists()
