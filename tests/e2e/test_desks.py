"""Every desk has its page: a helpline call becomes an incident, a citizen's report is moderated into an
incident, a panic's trail grows live while the operator watches; the header fits 1280 px for every role."""

from __future__ import annotations

import json
import re
import urllib.request
import uuid
from pathlib import Path
from typing import TYPE_CHECKING
from typing import Any

import cv2
import numpy as np
import pytest

from tests.e2e.conftest import open_from_nav
from tests.e2e.test_alerts import press_panic

if TYPE_CHECKING:
    from playwright.sync_api import Browser
    from playwright.sync_api import Page

    from tests.e2e.conftest import Server

pytestmark = pytest.mark.slow

HEADER_EXTENT_JS = """() => {
  const bar = document.querySelector(".topbar");
  const edges = [...bar.querySelectorAll("*")].map((el) => el.getBoundingClientRect().right);
  const right = Math.max(...edges);
  return { scroll: bar.scrollWidth, client: bar.clientWidth, right, height: bar.offsetHeight };
}"""
# The demo's users, one per role.
ROLES = ["admin", "supervisor", "operator", "investigator", "traffic", "auditor"]


def _shot(page: Page, screenshots: Path, name: str) -> None:
    path = screenshots / name
    page.screenshot(path=path, full_page=True)
    print(f"screenshot: {path}")  # the test log names every screenshot


def _log_in(page: Page, server: Server, username: str) -> None:
    page.goto("/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(server.password)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("button", name="Log out").wait_for()


def _report_with_photo(server: Server, description: str) -> int:
    """A citizen's Open311 report with a photo (multipart, as the phone app sends it)."""
    picture = np.zeros((48, 64, 3), dtype=np.uint8)
    cv2.rectangle(picture, (8, 8), (56, 40), (0, 200, 255), -1)
    photo = cv2.imencode(".png", picture)[1].tobytes()
    boundary = uuid.uuid4().hex
    fields = {"service_code": "street_crime", "lat": "31.5601", "long": "74.3101", "description": description}
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="media"; filename="scene.png"\r\n'
        f"Content-Type: image/png\r\n\r\n".encode()
        + photo
        + f"\r\n--{boundary}--\r\n".encode()
    )
    request = urllib.request.Request(  # noqa: S310 (http://127.0.0.1)
        f"{server.base_url}/open311/v2/requests.json",
        data=b"".join(parts),
        method="POST",
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}", "Accept": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (http://127.0.0.1)
        answer: list[dict[str, Any]] = json.loads(response.read())
    return int(answer[0]["service_request_id"])


def _phone_moves(server: Server, panic: dict[str, Any], latitude: float, longitude: float) -> None:
    """The phone app's location update, proved with the panic's token."""
    request = urllib.request.Request(  # noqa: S310 (http://127.0.0.1)
        f"{server.base_url}/api/v1/panic/{panic['panic_id']}/location",
        data=json.dumps({"latitude": latitude, "longitude": longitude, "accuracy_m": 15}).encode(),
        method="POST",
        headers={"Content-Type": "application/json", "X-Panic-Token": panic["token"]},
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (http://127.0.0.1)
        assert response.status == 204


def test_helpline_call_report_moderation_and_a_live_panic_trail(
    page: Page, server: Server, screenshots: Path
) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    _log_in(page, server, "operator")

    # A call about a snatching: recorded with its outcome, it opens an incident.
    number = f"0300-{uuid.uuid4().int % 10_000_000:07d}"
    open_from_nav(page, "Helpline")
    page.get_by_role("heading", name="Helpline", level=1).wait_for()
    page.get_by_label("Caller's number").fill(number)
    page.get_by_label("Outcome").select_option("incident")
    page.get_by_label("Incident type").select_option("street_crime")
    page.get_by_label("Latitude").fill("31.5497")
    page.get_by_label("Longitude").fill("74.3436")
    page.get_by_label("Notes").fill("Phone snatched near the bus stop")
    page.get_by_role("button", name="Record call").click()
    result = page.get_by_test_id("call-result")
    result.get_by_text(re.compile(r"Call \d+ recorded: Incident")).wait_for()
    # The caller's history now lists this call.
    page.get_by_test_id("caller-history").get_by_text("Phone snatched near the bus stop").wait_for()
    _shot(page, screenshots, "desk-helpline.png")
    result.get_by_role("link", name=re.compile(r"Open incident \d+")).click()
    page.wait_for_url(re.compile(r"/incidents/\d+$"))
    # The incidents area (and its map) is loaded on first visit: the first load after a start can be slow.
    page.get_by_test_id("incident-status").wait_for(timeout=90_000)

    # A citizen's report with a photo: accepted with an incident; the page says what the citizen sees.
    description = f"Snatcher on a motorbike {uuid.uuid4().hex[:6]}"
    report_id = _report_with_photo(server, description)
    open_from_nav(page, "Citizen reports")
    item = page.get_by_test_id("report-list").get_by_role("button", name=re.compile(f"#{report_id} "))
    item.click()
    detail = page.get_by_test_id("report-detail")
    detail.get_by_role("img", name=f"Photo #{report_id}").wait_for()
    detail.get_by_label("Note to the citizen (shown on their report)").fill("Police are on the way")
    detail.get_by_role("button", name="Accept", exact=True).click()
    page.get_by_test_id("reports-message").get_by_text(
        re.compile(f"Report {report_id}: Accepted. Incident \\d+ opened")
    ).wait_for()
    citizen = page.get_by_test_id("citizen-sees")
    citizen.get_by_text("Status: open (Accepted)").wait_for()
    citizen.get_by_text("Notes: Police are on the way").wait_for()
    _shot(page, screenshots, "desk-report-moderation.png")
    detail.get_by_role("link", name=re.compile(r"Open incident \d+")).wait_for()

    # A panic: the operator follows it; a position the phone sends appears without a reload.
    name = f"Sara {uuid.uuid4().hex[:4]}"
    panic = press_panic(server, name)
    open_from_nav(page, "Panic alerts")
    page.wait_for_selector("[data-testid=dispatch-live-status][data-state=connected]")
    page.get_by_test_id("panic-list").get_by_role("button", name=re.compile(name)).click()
    trail = page.get_by_test_id("panic-trail")
    page.get_by_test_id("panic-detail").get_by_text("1 positions, newest first").first.wait_for()
    _phone_moves(server, panic, 31.5333, 74.3611)
    page.get_by_test_id("panic-detail").get_by_text("2 positions, newest first").first.wait_for()
    assert "31.53330" in trail.inner_text()
    # The nearest units, asked again for the phone's new position, can be assigned.
    page.get_by_test_id("panic-detail").get_by_role("button", name="Assign").first.wait_for()
    _shot(page, screenshots, "desk-panic-trail.png")
    page.get_by_role("button", name="Confirm safe").click()
    page.get_by_test_id("panic-detail").get_by_text("Ended (safe)").wait_for()


def test_the_header_fits_1280_px_for_every_role(browser: Browser, server: Server, screenshots: Path) -> None:
    for role in ROLES:
        context = browser.new_context(base_url=server.base_url, viewport={"width": 1280, "height": 800})
        context.set_default_timeout(30_000)
        try:
            page = context.new_page()
            _log_in(page, server, role)
            extent = page.evaluate(HEADER_EXTENT_JS)
            assert extent["scroll"] <= extent["client"], (role, extent)
            assert extent["right"] <= 1280, (role, extent)
            assert extent["height"] < 80, (role, extent)  # one line, not wrapped
            if role == "admin":
                _shot(page, screenshots, "desk-header-admin-1280.png")
        finally:
            context.close()
