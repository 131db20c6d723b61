"""The console's map settings (`map:` in safecity.yaml) through the real API: where maps open, the base layer
the console draws, the offline PMTiles archive served with range requests, an MBTiles file's tiles served one
by one, and the deployment's outline."""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Callable
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from safecity.app import create_app
from safecity.config import ConfigError
from safecity.config import Settings
from safecity.config import load_settings
from safecity.core.auth.models import User
from safecity.core.auth.passwords import hash_password
from safecity.core.auth.permissions import Role
from safecity.core.db import Database
from safecity.core.schema import upgrade
from tests.api.conftest import PASSWORD
from tests.api.conftest import auth_once
from tests.e2e.map_data import png
from tests.e2e.map_data import write_mbtiles

OUTLINE = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "properties": {"name": "Gulberg"},
            "geometry": {
                "type": "Polygon",
                "coordinates": [
                    [[74.33, 31.50], [74.36, 31.50], [74.36, 31.53], [74.33, 31.53], [74.33, 31.50]]
                ],
            },
        }
    ]
    * 20,  # large enough to be worth compressing
}
ARCHIVE = bytes(range(256)) * 64  # the bytes only matter, not a valid archive: served as they are


def with_operator(settings: Settings) -> Settings:
    """`settings` with its database migrated and holding the `operator` user."""
    upgrade(settings.resolved_database_url)
    database = Database(settings.resolved_database_url)
    with database.session() as session:
        session.add(
            User(username="operator", role=Role.OPERATOR.value, password_hash=hash_password(PASSWORD))
        )
    database.dispose()
    return settings


@pytest.fixture(scope="module")
def mapped(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, Path]]:
    """An API node (SQLite: nothing here depends on the database) with a local PMTiles base map and an outline
    under its data_dir, and the `operator` user."""
    data_dir = tmp_path_factory.mktemp("mapped") / "data"
    maps = data_dir / "maps"
    maps.mkdir(parents=True)
    (maps / "lahore.pmtiles").write_bytes(ARCHIVE)
    (maps / "outline.geojson").write_text(json.dumps(OUTLINE))
    settings = load_settings(
        None,
        data_dir=data_dir,
        map={
            "basemap": "maps/lahore.pmtiles",
            "outline": "maps/outline.geojson",
            "attribution": "© OpenStreetMap",
        },
    )
    with TestClient(create_app(with_operator(settings))) as client:
        yield client, maps


def add_camera(
    client: TestClient, camera_id: str, latitude: float, longitude: float, **extra: object
) -> None:
    body = {
        "id": camera_id,
        "name": camera_id,
        "url": "rtsp://10.0.0.1/s",
        "latitude": latitude,
        "longitude": longitude,
    }
    response = client.post("/api/v1/cameras", json={**body, **extra}, headers=auth_once(client, "admin"))
    assert response.status_code == 201, response.text


def test_without_map_settings_the_console_gets_no_base_layer_and_opens_on_the_cameras(
    client: TestClient,
) -> None:
    assert client.get("/api/v1/map").status_code == 401
    empty = client.get("/api/v1/map", headers=auth_once(client, "operator")).json()
    assert empty == {
        "basemap": {
            "kind": "none",
            "url": None,
            "attribution": "",
            "max_zoom": 19,
            "format": None,
            "vector_layers": [],
        },
        "outline_url": None,
        "camera_bounds": None,
    }

    add_camera(client, "kalma", 31.5045, 74.3320, heading_deg=135.0, fov_deg=60.0)
    add_camera(client, "liberty", 31.5106, 74.3442)
    body = client.get("/api/v1/map", headers=auth_once(client, "operator")).json()

    assert body["camera_bounds"] == [74.3320, 31.5045, 74.3442, 31.5106]
    # the view direction the map draws as a cone
    camera = client.get("/api/v1/cameras/kalma", headers=auth_once(client, "operator")).json()
    assert (camera["heading_deg"], camera["fov_deg"]) == (135.0, 60.0)
    bad = client.patch("/api/v1/cameras/kalma", json={"heading_deg": 360}, headers=auth_once(client, "admin"))
    assert bad.status_code == 422
    assert bad.json()["detail"][0]["loc"][-1] == "heading_deg"
    assert client.get("/api/v1/map/outline.geojson").json() == {"detail": "no map.outline is configured"}


def test_a_local_pmtiles_archive_is_served_by_range_and_the_outline_compressed(
    mapped: tuple[TestClient, Path],
) -> None:
    mapped, _ = mapped
    config = mapped.get("/api/v1/map", headers=auth_once(mapped, "operator")).json()
    assert config["basemap"] == {
        "kind": "pmtiles",
        "url": "/api/v1/map/basemap.pmtiles",
        "attribution": "© OpenStreetMap",
        "max_zoom": 19,
        "format": None,
        "vector_layers": [],
    }
    assert config["outline_url"] == "/api/v1/map/outline.geojson"

    # Public, as MapLibre fetches them without the operator's token; PMTiles readers ask for byte ranges.
    part = mapped.get(config["basemap"]["url"], headers={"Range": "bytes=127-2048"})
    assert part.status_code == 206
    assert part.content == ARCHIVE[127:2049]
    assert part.headers["content-range"] == f"bytes 127-2048/{len(ARCHIVE)}"
    assert "content-encoding" not in part.headers

    outline = mapped.get(config["outline_url"], headers={"Accept-Encoding": "gzip"})
    assert outline.status_code == 200
    assert outline.headers["content-type"].startswith("application/geo+json")
    assert outline.headers["content-encoding"] == "gzip"
    assert outline.json() == OUTLINE
    assert int(outline.headers["content-length"]) < len(gzip.compress(json.dumps(OUTLINE).encode())) + 64


def test_a_configured_file_that_is_missing_is_named_in_the_404(mapped: tuple[TestClient, Path]) -> None:
    client, maps = mapped
    (maps / "outline.geojson").rename(maps / "outline.moved")
    try:
        response = client.get("/api/v1/map/outline.geojson")
    finally:
        (maps / "outline.moved").rename(maps / "outline.geojson")

    assert response.status_code == 404
    assert "outline.geojson does not exist" in response.json()["detail"]


@pytest.mark.parametrize(
    ("basemap", "problem"),
    [
        (
            "tiles.example.org/{z}/{x}/{y}.png",
            "neither an http(s) tile URL template nor a .pmtiles or .mbtiles",
        ),
        ("https://tiles.example.org/{z}/{x}.png", "lacks {y}"),
        ("https://tiles.example.org/lahore.mbtiles", "an MBTiles file must be on this server's disk"),
    ],
)
def test_a_basemap_that_is_neither_a_template_nor_an_archive_is_refused_at_start(
    tmp_path: Path, basemap: str, problem: str
) -> None:
    config = tmp_path / "safecity.yaml"
    config.write_text(f"data_dir: {tmp_path}\nmap:\n  basemap: '{basemap}'\n")
    with pytest.raises(ConfigError, match=rf"map\.basemap: .*{re.escape(problem)}"):
        load_settings(config)


def test_a_wmts_template_is_given_to_the_console_as_xyz(tmp_path: Path) -> None:
    from safecity.cameras.map_api import basemap_out

    settings = load_settings(
        None,
        data_dir=tmp_path,
        map={
            "basemap": "https://gis.example.pk/wmts/roads/GoogleMapsCompatible/{TileMatrix}/{TileRow}/{TileCol}.png"
        },
    )
    out = basemap_out(settings)
    assert (out.kind, out.url) == (
        "xyz",
        "https://gis.example.pk/wmts/roads/GoogleMapsCompatible/{z}/{y}/{x}.png",
    )


NORTH_WEST = png(256, 256, (200, 30, 30))
SOUTH_EAST = png(256, 256, (30, 30, 200))
# A vector tile as a tile server stores it: the protobuf bytes gzip-compressed (any bytes do here).
VECTOR_TILE = b"\x1a\x0b\n\x05roads\x78\x02" * 40


@pytest.fixture
def with_basemap(tmp_path: Path) -> Iterator[Callable[[str], TestClient]]:
    """A function starting an API node whose `map.basemap` is the given file under data_dir/maps."""
    clients: list[TestClient] = []

    def start(name: str) -> TestClient:
        settings = load_settings(None, data_dir=tmp_path / "data", map={"basemap": f"maps/{name}"})
        client = TestClient(create_app(with_operator(settings)))
        clients.append(client.__enter__())
        return client

    (tmp_path / "data" / "maps").mkdir(parents=True)
    yield start
    for client in clients:
        client.__exit__(None, None, None)


def test_an_mbtiles_raster_file_is_served_tile_by_tile_in_xyz_order(
    tmp_path: Path, with_basemap: Callable[[str], TestClient]
) -> None:
    # z1: the north-west tile is XYZ (1, 0, 0), stored in TMS row 1; the south-east one XYZ (1, 1, 1), row 0.
    tiles = {(1, 0, 0): NORTH_WEST, (1, 1, 1): SOUTH_EAST}
    write_mbtiles(tmp_path / "data" / "maps" / "lahore.mbtiles", tiles, "png", attribution="© Lahore GIS")
    client = with_basemap("lahore.mbtiles")

    config = client.get("/api/v1/map", headers=auth_once(client, "operator")).json()
    assert config["basemap"] == {
        "kind": "mbtiles",
        "url": "/api/v1/map/tiles/{z}/{x}/{y}",
        "attribution": "© Lahore GIS",  # the file's own, as the settings name none
        "max_zoom": 1,  # the file's deepest zoom: the console enlarges its tiles beyond it
        "format": "png",
        "vector_layers": [],
    }
    north_west = client.get("/api/v1/map/tiles/1/0/0")  # public, like the console's files
    assert north_west.status_code == 200
    assert north_west.headers["content-type"] == "image/png"
    assert "content-encoding" not in north_west.headers
    assert north_west.content == NORTH_WEST
    assert client.get("/api/v1/map/tiles/1/1/1").content == SOUTH_EAST

    missing = client.get("/api/v1/map/tiles/1/1/0")
    assert missing.status_code == 404
    assert missing.json() == {"detail": "the base map has no tile 1/1/0"}
    assert client.get("/api/v1/map/tiles/1/7/0").status_code == 404  # beyond the zoom's two columns
    negative = client.get("/api/v1/map/tiles/1/-1/0")
    assert negative.status_code == 422
    assert negative.json()["detail"][0]["loc"] == ["path", "x"]


def test_gzipped_vector_tiles_are_sent_as_stored_with_their_encoding_and_layers(
    tmp_path: Path, with_basemap: Callable[[str], TestClient]
) -> None:
    layers = json.dumps({"vector_layers": [{"id": "roads", "fields": {}}, {"id": "water", "fields": {}}]})
    stored = gzip.compress(VECTOR_TILE)
    write_mbtiles(tmp_path / "data" / "maps" / "city.mbtiles", {(0, 0, 0): stored}, "pbf", json=layers)
    client = with_basemap("city.mbtiles")

    basemap = client.get("/api/v1/map", headers=auth_once(client, "operator")).json()["basemap"]
    assert (basemap["format"], basemap["vector_layers"]) == ("pbf", ["roads", "water"])

    with client.stream("GET", "/api/v1/map/tiles/0/0/0") as response:
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/x-protobuf"
        assert response.headers["content-encoding"] == "gzip"
        assert b"".join(response.iter_raw()) == stored  # not compressed twice
    assert client.get("/api/v1/map/tiles/0/0/0").content == VECTOR_TILE  # what the browser decodes


def test_an_mbtiles_file_that_is_missing_or_not_mbtiles_leaves_the_map_without_tiles(
    tmp_path: Path, with_basemap: Callable[[str], TestClient]
) -> None:
    (tmp_path / "data" / "maps" / "broken.mbtiles").write_text("not a database")
    client = with_basemap("broken.mbtiles")

    basemap = client.get("/api/v1/map", headers=auth_once(client, "operator")).json()["basemap"]
    assert (basemap["kind"], basemap["format"]) == ("mbtiles", None)
    answer = client.get("/api/v1/map/tiles/0/0/0")
    assert answer.status_code == 404
    assert "is not an MBTiles file" in answer.json()["detail"]
