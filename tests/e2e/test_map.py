"""The city map in a real browser against the real server: the configured offline base map (a PMTiles
archive read with range requests from safecity) and GeoJSON outline are drawn, each camera's marker sits
where the Web Mercator projection of its coordinates puts it, and a camera's view cone points its way."""

from __future__ import annotations

import io
import math
import re
import time
from typing import TYPE_CHECKING
from typing import Any

import pytest

from tests.e2e.map_data import OUTLINE_BOX
from tests.e2e.map_data import TILE_RGB
from tests.e2e.test_incidents import call_api
from tests.e2e.test_incidents import log_in
from tests.e2e.test_incidents import token_of

if TYPE_CHECKING:
    from pathlib import Path

    from playwright.sync_api import Locator
    from playwright.sync_api import Page
    from playwright.sync_api import Request

    from tests.e2e.conftest import Server

pytestmark = pytest.mark.slow

WORLD_SIZE = 512  # MapLibre's world at zoom 0, in CSS pixels
CONE_CAMERA = "lhr-kalma-chowk"


def world_xy(longitude: float, latitude: float, zoom: float) -> tuple[float, float]:
    scale = WORLD_SIZE * 2**zoom
    x = (longitude + 180) / 360 * scale
    y = (1 - math.log(math.tan(math.pi / 4 + math.radians(latitude) / 2)) / math.pi) / 2 * scale
    return x, y


class View:
    """The map's view as the page records it (`data-center`, `data-zoom`) and its box on screen."""

    def __init__(self, map_region: Locator) -> None:
        box = map_region.bounding_box()
        assert box is not None
        center = map_region.get_attribute("data-center") or ""
        self.longitude, self.latitude = (float(v) for v in center.split(","))
        self.zoom = float(map_region.get_attribute("data-zoom") or "nan")
        self.box = box

    def screen(self, longitude: float, latitude: float) -> tuple[float, float]:
        cx, cy = world_xy(self.longitude, self.latitude, self.zoom)
        x, y = world_xy(longitude, latitude, self.zoom)
        box = self.box
        return box["x"] + box["width"] / 2 + x - cx, box["y"] + box["height"] / 2 + y - cy


def marker_offsets(page: Page, map_region: Locator, cameras: list[dict[str, Any]]) -> dict[str, float]:
    """How far (px) each camera's marker is from where the projection puts it."""
    view = View(map_region)
    offsets = {}
    for camera in cameras:
        marker = map_region.locator(f'.map-marker[data-layer="cameras"][data-id="{camera["id"]}"]')
        box = marker.bounding_box()
        assert box is not None, f"no marker for {camera['id']}"
        x, y = view.screen(camera["longitude"], camera["latitude"])
        offsets[camera["id"]] = math.hypot(box["x"] + box["width"] / 2 - x, box["y"] + box["height"] / 2 - y)
    return offsets


def pixel(image: Any, x: float, y: float) -> tuple[int, int, int]:
    r, g, b = image.getpixel((round(x), round(y)))[:3]
    return int(r), int(g), int(b)


def near(colour: tuple[int, int, int], expected: tuple[int, int, int], tolerance: int = 4) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(colour, expected, strict=True))


def test_the_map_draws_the_offline_base_map_the_outline_and_each_camera_at_its_place(
    page: Page, server: Server, screenshots: Path
) -> None:
    from PIL import Image
    from playwright.sync_api import expect

    admin = token_of(server, "admin")
    call_api(server, "PATCH", f"/api/v1/cameras/{CONE_CAMERA}", {"heading_deg": 90, "fov_deg": 60}, admin)
    registry = call_api(server, "GET", "/api/v1/cameras", token=admin)
    cameras = [camera for camera in registry if camera["latitude"] is not None]
    assert len(cameras) >= 3

    archive_ranges: list[str] = []

    def note_range(request: Request) -> None:
        if request.url.endswith("/api/v1/map/basemap.pmtiles"):
            archive_ranges.append(request.headers.get("range", ""))

    page.on("request", note_range)
    log_in(page, "operator", server.password)
    page.goto("/live")
    map_region = page.locator('[data-testid="camera-map"][data-ready="true"]')
    map_region.wait_for()
    for camera in cameras:
        map_region.get_by_role("button", name=f"Camera {camera['name']} —", exact=False).wait_for()

    # The view settles after the fit (and any resize of the layout): wait until every marker is in place.
    deadline = time.monotonic() + 20
    offsets = marker_offsets(page, map_region, cameras)
    while max(offsets.values()) > 2 and time.monotonic() < deadline:
        page.wait_for_timeout(250)
        offsets = marker_offsets(page, map_region, cameras)
    assert max(offsets.values()) <= 2, offsets

    # The archive's one tile is drawn (its flat colour where nothing else is), fetched by byte ranges.
    page.wait_for_timeout(500)  # the tile decodes in MapLibre's worker after the fit
    shot = screenshots / "map-offline-basemap.png"
    map_region.page.screenshot(path=str(shot))
    print(f"map screenshot: {shot}")
    image = Image.open(io.BytesIO(shot.read_bytes())).convert("RGB")
    view = View(map_region)
    box = view.box
    assert near(pixel(image, box["x"] + 20, box["y"] + box["height"] / 2), TILE_RGB), "no base map tile"
    assert archive_ranges
    assert all(r.startswith("bytes=") for r in archive_ranges), archive_ranges

    # The outline's west edge is a light line where the projection puts it (south of every camera).
    west, south, _east, north = OUTLINE_BOX
    edge_x, edge_y = view.screen(west, south + (north - south) * 0.2)
    row = [pixel(image, edge_x + dx, edge_y) for dx in range(-3, 4)]
    assert max(sum(p) for p in row) > sum(TILE_RGB) + 120, row
    assert near(pixel(image, edge_x - 15, edge_y), TILE_RGB), "the outline is drawn elsewhere"

    # Kalma Chowk looks east: its cone tints the map east of its dot, not west of it.
    kalma = next(c for c in cameras if c["id"] == CONE_CAMERA)
    x, y = view.screen(kalma["longitude"], kalma["latitude"])
    plain = pixel(image, x - 26, y + 12)  # the map as it is there (tile, outline fill), away from any cone
    assert near(pixel(image, x - 26, y), plain)
    assert not near(pixel(image, x + 26, y), plain, tolerance=10)

    # Layers are toggled: hiding the cameras removes their markers, showing them brings them back.
    toggle = page.get_by_role("group", name="Map layers").get_by_label(re.compile(r"^Cameras \(\d+\)$"))
    toggle.uncheck()
    expect(map_region.locator('.map-marker[data-layer="cameras"]')).to_have_count(0)
    toggle.check()
    map_region.locator('.map-marker[data-layer="cameras"]').first.wait_for()

    # A camera's marker opens its live video (the one farthest from the others, so no marker covers it).
    def room(camera: dict[str, Any]) -> float:
        return min(
            math.hypot(camera["latitude"] - o["latitude"], camera["longitude"] - o["longitude"])
            for o in cameras
            if o is not camera
        )

    alone = max(cameras, key=room)
    map_region.get_by_role("button", name=f"Camera {alone['name']} —", exact=False).click()
    detail = page.get_by_test_id("camera-detail")
    detail.get_by_role("heading", name=alone["name"]).wait_for()
    detail.get_by_role("img", name=f"Live view of {alone['name']}", exact=False).wait_for()
