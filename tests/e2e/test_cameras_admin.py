"""Camera administration in a real browser against the real demo server: the registry and the scene editor."""

from __future__ import annotations

import json
import re
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import TYPE_CHECKING
from typing import Any

import pytest

from tests.e2e.conftest import open_from_nav

if TYPE_CHECKING:
    from playwright.sync_api import Locator
    from playwright.sync_api import Page

    from tests.e2e.conftest import Server

pytestmark = pytest.mark.slow

DEMO_CAMERA = "lhr-kalma-chowk"
DEMO_CAMERA_NAME = "Kalma Chowk"
SNAPSHOT_TIMEOUT_S = 60.0


# ------------------------------------------------------------------------------------------- the real API
def api_token(server: Server, username: str = "admin") -> str:
    credentials = {"username": username, "password": server.password}
    answer = api(server, "", "POST", "/api/v1/auth/login", credentials)
    return str(answer["access_token"])


def api(server: Server, token: str, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(  # noqa: S310 (http://127.0.0.1)
        f"{server.base_url}{path}",
        method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers=headers,
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        raw = response.read()
    return json.loads(raw) if raw else None


def api_status(server: Server, token: str, path: str) -> int:
    try:
        api(server, token, "GET", path)
    except urllib.error.HTTPError as error:
        return error.code
    return 200


def wait_for_snapshot(server: Server, token: str, camera_id: str) -> None:
    """The demo's worker stores a camera's first picture a few seconds after start."""
    deadline = time.monotonic() + SNAPSHOT_TIMEOUT_S
    url = f"{server.base_url}/api/v1/cameras/{camera_id}/snapshot.jpg"
    while time.monotonic() < deadline:
        request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
                if response.status == 200:
                    return
        except urllib.error.HTTPError as error:
            if error.code != 404:
                raise
        time.sleep(0.5)
    pytest.fail(f"no snapshot from {camera_id} after {SNAPSHOT_TIMEOUT_S}s")


# ------------------------------------------------------------------------------------------------ the UI
def log_in_to_cameras(page: Page, server: Server) -> None:
    page.goto("/login")
    page.get_by_label("Username").fill("admin")
    page.get_by_label("Password").fill(server.password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/live$"))
    open_from_nav(page, "Cameras")
    page.get_by_role("heading", name="Cameras", level=1).wait_for()


def click_at(overlay: Locator, x: float, y: float, *, double: bool = False) -> None:
    """Click the drawing area at a fraction of its displayed size."""
    box = overlay.bounding_box()
    assert box is not None
    position = {"x": box["width"] * x, "y": box["height"] * y}
    if double:
        overlay.dblclick(position=position)
    else:
        overlay.click(position=position)


def accessible_description(field: Locator) -> str:
    """The texts an input's aria-describedby points to: hints and errors shown beside it."""
    return str(
        field.evaluate(
            "el => (el.getAttribute('aria-describedby') || '').split(' ')"
            ".map(id => document.getElementById(id)?.textContent ?? '').join(' ')"
        )
    )


def points_close(actual: list[list[float]], expected: list[tuple[float, float]]) -> bool:
    return len(actual) == len(expected) and all(
        abs(a[0] - e[0]) < 0.01 and abs(a[1] - e[1]) < 0.01 for a, e in zip(actual, expected, strict=True)
    )


# ------------------------------------------------------------------------------------------------ the tests
def test_admin_adds_edits_disables_and_deletes_a_camera(
    page: Page, server: Server, screenshots: Path
) -> None:
    token = api_token(server)
    clip = api(server, token, "GET", f"/api/v1/cameras/{DEMO_CAMERA}")["url"]
    log_in_to_cameras(page, server)
    table = page.get_by_test_id("cameras-table")
    table.get_by_role("row").filter(has_text=DEMO_CAMERA_NAME).wait_for()

    page.get_by_role("button", name="Add camera").click()
    form = page.get_by_role("form", name="Add camera")
    form.get_by_label("Camera ID").fill("e2e-gate")
    form.get_by_label("Name", exact=True).fill("E2E Gate")
    form.get_by_label("Main stream URL").fill("ftp://example.org/gate.mp4")
    form.get_by_label("Stream password").fill("s3cret-pass")
    form.get_by_label("District").fill("Lahore")
    form.get_by_label("Zone", exact=True).fill("E2E Yard")
    form.get_by_role("button", name="Add camera").click()

    # The server's 422 for the address is shown beside the address field, and nothing is added.
    url_field = form.get_by_label("Main stream URL")
    form.get_by_text("not a valid camera URL").wait_for()
    assert "not a valid camera URL" in accessible_description(url_field)
    assert api_status(server, token, "/api/v1/cameras/e2e-gate") == 404

    url_field.fill(f"file://{clip}")
    form.get_by_label("Loop a file source at its end").check()
    form.get_by_role("button", name="Add camera").click()
    page.get_by_test_id("cameras-message").get_by_text("Added camera E2E Gate (e2e-gate).").wait_for()
    row = table.get_by_role("row").filter(has_text="E2E Gate")
    assert "Lahore / E2E Yard" in row.inner_text()
    assert "Enabled" in row.inner_text()
    assert "s3cret-pass" not in page.content()
    created = api(server, token, "GET", "/api/v1/cameras/e2e-gate")
    assert created["has_password"] is True
    assert created["loop"] is True

    # Editing shows the stored settings (never the password) and sends what changed.
    row.get_by_role("link", name="Edit E2E Gate").click()
    edit = page.get_by_role("form", name="Edit E2E Gate")
    assert edit.get_by_label("Main stream URL").input_value() == f"file://{clip}"
    assert edit.get_by_label("Stream password").input_value() == ""
    edit.get_by_label("Zone", exact=True).fill("E2E Yard North")
    edit.get_by_role("button", name="Save camera").click()
    page.get_by_test_id("cameras-message").get_by_text("Saved E2E Gate.").wait_for()
    row.get_by_text("Lahore / E2E Yard North").wait_for()
    assert api(server, token, "GET", "/api/v1/cameras/e2e-gate")["has_password"] is True

    # Search narrows the table.
    page.get_by_label("Search").fill("e2e yard")
    page.get_by_text(re.compile(r"^1 of \d+ cameras match\.$")).wait_for()
    page.get_by_label("Search").fill("")

    row.get_by_role("button", name="Disable E2E Gate").click()
    page.get_by_test_id("cameras-message").get_by_text("E2E Gate disabled.").wait_for()
    row.get_by_role("cell", name="Disabled", exact=True).wait_for()
    assert api(server, token, "GET", "/api/v1/cameras/e2e-gate")["enabled"] is False
    page.screenshot(path=screenshots / "cameras-admin-list.png", full_page=True)

    row.get_by_role("button", name="Delete E2E Gate").click()
    row.get_by_role("button", name="Yes, delete").click()
    page.get_by_test_id("cameras-message").get_by_text("E2E Gate deleted.").wait_for()
    row.wait_for(state="detached")
    assert api_status(server, token, "/api/v1/cameras/e2e-gate") == 404


def test_admin_draws_a_zone_and_a_line_on_the_snapshot(page: Page, server: Server, screenshots: Path) -> None:
    token = api_token(server)
    wait_for_snapshot(server, token, DEMO_CAMERA)
    log_in_to_cameras(page, server)
    page.get_by_role("link", name=f"Scene of {DEMO_CAMERA_NAME}").click()
    page.get_by_role("heading", name=f"Scene of {DEMO_CAMERA_NAME}").wait_for()
    picture = page.get_by_role("img", name=f"Latest picture from {DEMO_CAMERA_NAME}")
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=picture.element_handle())
    shapes = page.get_by_role("list", name="Shapes")
    shapes.get_by_role("button", name=re.compile("^crossing")).wait_for()  # the demo's counting line
    overlay = page.get_by_test_id("scene-overlay")

    # A zone: three clicks, then a double-click places the fourth point and closes the outline.
    page.get_by_role("button", name="Add zone").click()
    for x, y in ((0.2, 0.2), (0.5, 0.2), (0.5, 0.5)):
        click_at(overlay, x, y)
    click_at(overlay, 0.2, 0.5, double=True)
    page.get_by_test_id("scene-notice").get_by_text("finished").wait_for()
    page.get_by_label("Name", exact=True).fill("e2e-gate-zone")
    page.get_by_label("Dwell alert after (seconds)").fill("30")

    # Too few points: the zone cannot be finished, and stopping drops it.
    page.get_by_role("button", name="Add zone").click()
    click_at(overlay, 0.7, 0.1)
    click_at(overlay, 0.9, 0.1)
    page.get_by_role("button", name="Finish zone").click()
    notice = page.get_by_test_id("scene-notice")
    notice.get_by_text("A zone needs at least 3 points; 2 placed so far.").wait_for()
    page.get_by_role("button", name="Stop drawing").click()
    page.get_by_test_id("scene-notice").get_by_text("Drawing cancelled.").wait_for()

    # A line: two clicks, then turned round.
    page.get_by_role("button", name="Add counting line").click()
    click_at(overlay, 0.1, 0.8)
    click_at(overlay, 0.9, 0.8)
    page.get_by_label("Name", exact=True).fill("e2e-count")
    page.get_by_role("button", name="Swap direction").click()
    page.get_by_label("Allowed direction").select_option("in")

    # An empty name is refused before anything is sent.
    page.get_by_label("Name", exact=True).fill("")
    page.get_by_role("button", name="Save scene").click()
    page.get_by_text("Give the counting line a name.").wait_for()
    page.get_by_label("Name", exact=True).fill("e2e-count")

    page.get_by_role("button", name="Save scene").click()
    page.get_by_test_id("scene-save-result").get_by_text("Scene saved.").wait_for()

    scene = api(server, token, "GET", f"/api/v1/cameras/{DEMO_CAMERA}")["scene"]
    assert scene["units"] == "normalized"
    zone = next(z for z in scene["zones"] if z["name"] == "e2e-gate-zone")
    assert points_close(zone["polygon"], [(0.2, 0.2), (0.5, 0.2), (0.5, 0.5), (0.2, 0.5)])
    assert zone["dwell_seconds"] == 30
    line = next(x for x in scene["lines"] if x["name"] == "e2e-count")
    assert points_close([line["start"], line["end"]], [(0.9, 0.8), (0.1, 0.8)])
    assert line["allowed_direction"] == "in"
    assert any(x["name"] == "crossing" for x in scene["lines"])

    page.reload()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=picture.element_handle())
    shapes.get_by_role("button", name=re.compile("^e2e-gate-zone")).click()
    assert page.get_by_label("Dwell alert after (seconds)").input_value() == "30"
    assert abs(float(page.get_by_label("Point 4 x").input_value()) - 0.2) < 0.01
    shapes.get_by_role("button", name=re.compile("^e2e-count")).click()
    assert abs(float(page.get_by_label("Start x").input_value()) - 0.9) < 0.01
    page.get_by_text("No unsaved changes.").wait_for()
    page.screenshot(path=screenshots / "cameras-admin-scene.png", full_page=True)

    page.get_by_role("button", name="Accept current view as baseline").click()
    page.get_by_test_id("baseline-result").get_by_text("Baseline accepted").wait_for()
