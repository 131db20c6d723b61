"""The video wall and a long session in a real browser (issue 16's must-show for these two parts).

An operator opens the wall, switches layouts (1+5, 9, 16), puts cameras in tiles, maximises one (its main
stream opens with a media ticket, never the access token), saves the view, and pops the wall out into a
second window, which shares the login. The server issues 5-second access tokens, so while this goes on the
console refreshes its session several times without anyone logging in again; finally, the server log holds
no credential from a URL.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.e2e.conftest import CHROMIUM
from tests.e2e.conftest import CHROMIUM_ARGS
from tests.e2e.conftest import demo_server
from tests.e2e.conftest import require_prerequisites

if TYPE_CHECKING:
    from playwright.sync_api import Browser
    from playwright.sync_api import Page

    from tests.e2e.conftest import Server

pytestmark = pytest.mark.slow

ACCESS_TOKEN_SECONDS = 5
REFRESH = "/api/v1/auth/refresh"
TILE_IMAGES = "[data-testid=wall-tile] img"


@pytest.fixture(scope="module")
def short_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A demo of its own whose access tokens last 5 s (the shared one keeps the default hour)."""
    require_prerequisites()
    env = {"SAFECITY_AUTH__ACCESS_TOKEN_SECONDS": str(ACCESS_TOKEN_SECONDS)}
    with demo_server(tmp_path_factory.mktemp("short-sessions"), env) as started:
        yield started


@pytest.fixture(scope="module")
def short_browser(short_server: Server) -> Iterator[Browser]:
    """Chromium for this module only (the shared `browser` fixture would start the shared server too)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


def tiles_showing_pictures(page: Page) -> int:
    return int(
        page.evaluate(
            "() => [...document.querySelectorAll('[data-testid=wall-tile] img')]"
            ".filter(img => img.complete && img.naturalWidth > 0).length"
        )
    )


def wait_for_pictures(page: Page, count: int) -> None:
    page.wait_for_function(
        "n => [...document.querySelectorAll('[data-testid=wall-tile] img')]"
        ".filter(img => img.complete && img.naturalWidth > 0).length >= n",
        arg=count,
        timeout=60_000,
    )


def test_wall_layouts_popout_and_a_session_outliving_its_access_token(
    short_browser: Browser, short_server: Server, screenshots: Path
) -> None:
    viewport = {"width": 1440, "height": 900}
    context = short_browser.new_context(base_url=short_server.base_url, viewport=viewport)
    context.set_default_timeout(30_000)
    refreshes: list[str] = []
    context.on("request", lambda r: refreshes.append(r.url) if r.url.endswith(REFRESH) else None)
    try:
        page = context.new_page()
        page.goto("/login")
        page.get_by_label("Username").fill("operator")
        page.get_by_label("Password").fill(short_server.password)
        page.get_by_role("button", name="Log in").click()
        page.wait_for_url(re.compile(r"/live$"))
        logged_in_at = time.monotonic()

        page.get_by_role("link", name="Video wall").click()
        page.wait_for_url(re.compile(r"/live/wall$"))
        wall = page.get_by_test_id("video-wall")
        assert wall.get_attribute("data-layout") == "4"
        for tile in range(4):  # the demo's four cameras, one per tile
            page.get_by_label(f"Camera in tile {tile + 1}").select_option(index=tile + 1)
        wait_for_pictures(page, 4)

        page.get_by_label("Layout").select_option("1+5")
        assert page.get_by_test_id("wall-tile").count() == 6
        wait_for_pictures(page, 4)
        page.screenshot(path=screenshots / "wall-1p5.png")
        page.get_by_label("Layout").select_option("9")
        assert page.get_by_test_id("wall-tile").count() == 9
        page.get_by_label("Layout").select_option("16")
        assert page.get_by_test_id("wall-tile").count() == 16
        wait_for_pictures(page, 4)
        page.screenshot(path=screenshots / "wall-16.png")
        # Tiles ask for pictures their own size (a 16-tile wall at 1440 px: under 400 px across).
        widths = page.eval_on_selector_all(TILE_IMAGES, "imgs => imgs.map(i => i.naturalWidth)")
        assert widths
        assert max(widths) <= 480, widths

        page.get_by_role("button", name=re.compile(r"^Maximise ")).first.click()
        main = page.get_by_test_id("wall-main-stream").get_by_role("img")
        main.wait_for()
        src = main.get_attribute("src") or ""
        assert "ticket=" in src
        assert "token=" not in src
        main.evaluate("img => img.decode()")  # the MJPEG main stream shows a picture
        page.get_by_role("button", name="Back to wall").click()

        page.get_by_label("View name").fill("E2E desk")
        page.get_by_role("button", name="Save view").click()
        page.get_by_label("Saved views").locator("option", has_text="E2E desk").wait_for(state="attached")

        with context.expect_page() as opened:
            page.get_by_role("button", name="Pop out to another monitor").click()
        popout = opened.value
        popout.wait_for_load_state()
        try:
            popout.get_by_test_id("wall-popout").wait_for(timeout=60_000)
        except Exception:
            popout.screenshot(path=screenshots / "wall-popout-failed.png")
            print(f"pop-out at {popout.url}; screenshot: {screenshots / 'wall-popout-failed.png'}")
            raise
        assert "/live/wall/popout?layout=16" in popout.url
        popout.get_by_test_id("wall-tile").nth(15).wait_for()  # the tiles render after the frame
        assert popout.get_by_test_id("wall-tile").count() == 16
        wait_for_pictures(popout, 4)
        popout.screenshot(path=screenshots / "wall-popout.png")

        # Outlive several access tokens, then act: no login page, the call goes through.
        remaining = 3 * ACCESS_TOKEN_SECONDS - (time.monotonic() - logged_in_at)
        if remaining > 0:
            page.wait_for_timeout(remaining * 1000)
        page.get_by_label("View name").fill("E2E desk later")
        page.get_by_role("button", name="Save view").click()
        saved = page.get_by_label("Saved views")
        saved.locator("option", has_text="E2E desk later").wait_for(state="attached")
        assert page.url.endswith("/live/wall")
        assert popout.url.rsplit("?", 1)[0].endswith("/live/wall/popout")
        assert len(refreshes) >= 2, refreshes
        assert tiles_showing_pictures(popout) >= 4
        page.screenshot(path=screenshots / "wall-after-refresh.png")
        for name in ("wall-1p5", "wall-16", "wall-popout", "wall-after-refresh"):
            print(f"screenshot: {screenshots / name}.png")
    finally:
        context.close()

    log = short_server.log_path.read_text(errors="replace")
    assert "/mjpeg?" in log or "snapshot.jpg" in log  # requests are logged...
    assert not re.search(r"[?&](token|ticket)=(?!\[redacted\])", log)  # ...their credentials are not
