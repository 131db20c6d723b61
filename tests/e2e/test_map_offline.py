"""The demo's own map in a real browser, on a server of this module's own: with no outline configured the
demo draws the schematic of its area it writes itself (its districts, zones and the streets its cameras stand
on), over an offline MBTiles base map whose tiles safecity serves one by one."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from tests.e2e.conftest import demo_server
from tests.e2e.conftest import require_prerequisites
from tests.e2e.map_data import png
from tests.e2e.map_data import write_mbtiles
from tests.e2e.test_incidents import log_in
from tests.e2e.test_map import near
from tests.e2e.test_map import pixel

if TYPE_CHECKING:
    from pathlib import Path

    from playwright.sync_api import Page
    from playwright.sync_api import Response

    from tests.e2e.conftest import Server

pytestmark = pytest.mark.slow

MBTILES_RGB = (70, 40, 100)  # the base map's one tile: the whole world at zoom 0, enlarged beyond it
DEMO_AREAS = {"Lahore", "Islamabad", "Gulberg", "Walled City", "Mall Road", "G-7"}
DEMO_STREET = "Liberty Chowk – Kalma Chowk"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`safecity demo` with an MBTiles base map and without the other tests' outline."""
    require_prerequisites()
    folder = tmp_path_factory.mktemp("demo-own-map")
    basemap = write_mbtiles(folder / "base.mbtiles", {(0, 0, 0): png(256, 256, MBTILES_RGB)}, "png")
    with demo_server(folder, {"SAFECITY_MAP__BASEMAP": str(basemap)}, test_map=False) as started:
        yield started


def test_the_demo_map_draws_its_schematic_outline_over_mbtiles_tiles(
    page: Page, server: Server, screenshots: Path
) -> None:
    from PIL import Image
    from playwright.sync_api import expect

    tiles: list[tuple[str, int, str]] = []

    def note_tile(response: Response) -> None:
        if "/api/v1/map/tiles/" in response.url:
            tiles.append(
                (
                    response.url.split("/api/v1/map/tiles/")[1],
                    response.status,
                    response.headers["content-type"],
                )
            )

    page.on("response", note_tile)
    log_in(page, "operator", server.password)
    page.goto("/live")
    map_region = page.locator('[data-testid="camera-map"][data-ready="true"]')
    map_region.wait_for()
    assert map_region.get_attribute("data-basemap") == "mbtiles"

    # The outline's features are drawn on screen (MapLibre reports them rendered), by the names the demo gave.
    expect(map_region).to_have_attribute("data-outline-features", re.compile(re.escape(DEMO_STREET)))
    drawn = set((map_region.get_attribute("data-outline-features") or "").split("|"))
    assert drawn >= DEMO_AREAS | {DEMO_STREET}, drawn

    # The MBTiles file's tile was asked for by XYZ and drawn where nothing else is (west of every camera).
    assert ("0/0/0", 200, "image/png") in tiles, tiles
    page.wait_for_timeout(500)  # the tile decodes in MapLibre's worker after the fit
    shot = screenshots / "map-demo-outline-mbtiles.png"
    page.screenshot(path=str(shot))
    print(f"map screenshot: {shot}")
    image = Image.open(io.BytesIO(shot.read_bytes())).convert("RGB")
    box = map_region.bounding_box()
    assert box is not None
    assert near(pixel(image, box["x"] + 20, box["y"] + box["height"] / 2), MBTILES_RGB), (
        "no MBTiles tile drawn"
    )
    assert all(status == 200 for _, status, _ in tiles), tiles
