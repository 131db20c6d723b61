"""Incidents and the dispatch board in a real browser against the real server: create an incident,
dispatch the recommended unit, follow it to the scene, see another operator's change arrive live, and
close the incident."""

from __future__ import annotations

import json
import re
import urllib.request
from pathlib import Path
from typing import TYPE_CHECKING
from typing import Any

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Locator
    from playwright.sync_api import Page

    from tests.e2e.conftest import Server

pytestmark = pytest.mark.slow

# Near Kalma Chowk, one of the demo's sample cameras, so the situation view has cameras to list.
SCENE = (31.5045, 74.3320)


def call_api(
    server: Server, method: str, path: str, body: dict[str, Any] | None = None, token: str = ""
) -> Any:
    request = urllib.request.Request(  # noqa: S310 (http://127.0.0.1)
        f"{server.base_url}{path}",
        method=method,
        data=json.dumps(body).encode() if body is not None else None,
        headers={
            "Content-Type": "application/json",
            **({"Authorization": f"Bearer {token}"} if token else {}),
        },
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        return json.loads(response.read() or b"null")


def token_of(server: Server, username: str) -> str:
    login = call_api(
        server, "POST", "/api/v1/auth/login", {"username": username, "password": server.password}
    )
    return str(login["access_token"])


def create_unit(
    server: Server, token: str, unit_id: str, callsign: str, latitude: float, longitude: float
) -> None:
    body = {
        "id": unit_id,
        "callsign": callsign,
        "type": "police_patrol",
        "latitude": latitude,
        "longitude": longitude,
    }
    call_api(server, "POST", "/api/v1/units", body, token)


def log_in(page: Page, username: str, password: str) -> None:
    page.goto("/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("button", name="Log out").wait_for()


def open_section(page: Page, name: str) -> None:
    page.get_by_role("navigation", name="Incidents sections").get_by_role("link", name=name).click()


def board_row(page: Page, callsign: str) -> Locator:
    return page.get_by_test_id("dispatch-board").get_by_role("row").filter(has_text=callsign)


def wait_for_unit_status(row: Locator, label: str) -> None:
    """The status badge (not a button of the same name) says `label`."""
    row.get_by_test_id("unit-status").filter(has_text=re.compile(f"^{label}$")).wait_for()


def test_dispatch_an_incident_from_report_to_closure(page: Page, server: Server, screenshots: Path) -> None:
    supervisor = token_of(server, "supervisor")
    # The near unit is about 100 m from the scene, the far one about 2 km: the near one is recommended first.
    create_unit(server, supervisor, "e2e-near", "NEAR-1", SCENE[0] + 0.0008, SCENE[1])
    create_unit(server, supervisor, "e2e-far", "FAR-2", SCENE[0] + 0.018, SCENE[1])

    log_in(page, "operator", server.password)
    page.goto("/incidents")
    page.get_by_role("heading", name="Incidents", level=1).wait_for()

    # Clicking the map fills the location fields; typing them is the keyboard way.
    page.get_by_test_id("incident-map").click()
    assert page.get_by_label("Latitude", exact=True).input_value() != ""
    page.get_by_label("Type", exact=True).select_option("robbery")
    page.get_by_label("Title").fill("Shop robbery at Kalma Chowk")
    page.get_by_label("Latitude", exact=True).fill(str(SCENE[0]))
    page.get_by_label("Longitude", exact=True).fill(str(SCENE[1]))
    page.get_by_label("Description").fill("Caller reports two armed men leaving on a motorcycle.")
    page.get_by_role("button", name="Create incident").click()

    page.wait_for_url(re.compile(r"/incidents/\d+$"))
    incident_id = int(page.url.rsplit("/", 1)[1])
    page.get_by_role("heading", name=f"#{incident_id} Shop robbery at Kalma Chowk").wait_for()
    assert page.get_by_test_id("incident-status").first.inner_text() == "New"
    # The description is part of the incident (not a log note).
    page.get_by_test_id("incident-description").get_by_text("two armed men").wait_for()

    # Recommended units, fastest first, each with an ETA.
    recommended = page.get_by_test_id("recommended-units")
    recommended.get_by_role("row").filter(has_text="NEAR-1").wait_for()
    rows = recommended.get_by_role("row").all_inner_texts()
    assert "NEAR-1" in rows[1]
    assert "FAR-2" in rows[2]
    assert re.search(r"\d+ (s|min)", recommended.get_by_test_id("eta").first.inner_text())
    page.get_by_role("button", name="Assign NEAR-1").click()

    assignments = page.get_by_test_id("assignments-table")
    assignments.get_by_role("row").filter(has_text="NEAR-1").wait_for()
    page.get_by_test_id("incident-status").filter(has_text="Dispatched").wait_for()
    # The unit is no longer available, so it leaves the recommendations.
    recommended.get_by_role("row").filter(has_text="NEAR-1").wait_for(state="detached")

    assignments.get_by_role("button", name="En route: NEAR-1").click()
    assignments.get_by_role("button", name="On scene: NEAR-1").click()
    # The first arrival moves the incident on scene and starts the on-scene timer.
    page.get_by_test_id("incident-status").filter(has_text="On scene").wait_for()
    timers = page.get_by_role("definition")
    assert "No unit on scene yet" not in timers.all_inner_texts()[2]
    page.get_by_label("Add note").fill("NEAR-1 reports suspects gone; statements being taken.")
    page.get_by_role("button", name="Save note").click()
    page.get_by_test_id("narrative-log").get_by_text("statements being taken").wait_for()
    page.screenshot(path=screenshots / "incident-detail.png", full_page=True)

    open_section(page, "Dispatch board")
    page.wait_for_selector("[data-testid=dispatch-live-status][data-state=connected]")
    near = board_row(page, "NEAR-1")
    wait_for_unit_status(near, "On scene")
    assert f"#{incident_id}" in near.inner_text()

    # Another dispatcher's changes arrive over the live socket, without a reload.
    page.evaluate("() => { window.__sameDocument = true; }")
    call_api(server, "POST", "/api/v1/units/e2e-far/status", {"status": "out_of_service"}, supervisor)
    call_api(server, "POST", "/api/v1/units/e2e-near/status", {"status": "transporting"}, supervisor)
    wait_for_unit_status(board_row(page, "FAR-2"), "Out of service")
    wait_for_unit_status(near, "Transporting")
    assert page.evaluate("() => window.__sameDocument === true")
    page.screenshot(path=screenshots / "incidents-board.png", full_page=True)

    near.get_by_role("button", name="Cleared: NEAR-1").click()
    wait_for_unit_status(near, "Cleared")
    assert "None" in near.inner_text()

    page.goto(f"/incidents/{incident_id}")  # a deep link, as the alerts page gives
    page.get_by_role("button", name="Resolve").click()
    page.get_by_test_id("incident-status").filter(has_text="Resolved").wait_for()
    page.get_by_role("button", name="Close", exact=True).click()
    page.get_by_test_id("incident-status").filter(has_text="Closed").wait_for()
    page.get_by_text("no further status changes").wait_for()

    open_section(page, "Incidents")
    page.get_by_label("Status filter").select_option("")
    table = page.get_by_test_id("incidents-table")
    row = table.get_by_role("row").filter(has_text="Shop robbery at Kalma Chowk")
    row.get_by_text("Closed").wait_for()
    assert "P1 Critical" in row.inner_text()
    page.screenshot(path=screenshots / "incidents-list.png", full_page=True)
