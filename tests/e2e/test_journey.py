"""An operator's shift in one browser session: from a citizen's report to a unit on scene.

Log in → the demo cameras on the map → an alert arrives live → acknowledge it → create an incident from it →
dispatch the recommended unit → the unit's status changes on the dispatch board, also when another
dispatcher changes it.
"""

from __future__ import annotations

import re
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.e2e.test_alerts import call
from tests.e2e.test_alerts import citizen_report
from tests.e2e.test_alerts import queue
from tests.e2e.test_alerts import token_of
from tests.e2e.test_incidents import board_row
from tests.e2e.test_incidents import create_unit
from tests.e2e.test_incidents import open_section
from tests.e2e.test_incidents import wait_for_unit_status

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from tests.e2e.conftest import Server

pytestmark = pytest.mark.slow

REPORT_AT = (31.6071, 74.3003)


def test_from_citizen_report_to_unit_on_scene(page: Page, server: Server, screenshots: Path) -> None:
    supervisor = token_of(server, "supervisor")
    suffix = uuid.uuid4().hex[:4].upper()
    unit_id, callsign = f"journey-{suffix.lower()}", f"JRN-{suffix}"
    create_unit(server, supervisor, unit_id, callsign, REPORT_AT[0] + 0.001, REPORT_AT[1])

    # Log in: the live page shows the demo's cameras on the map.
    page.goto("/login")
    page.get_by_label("Username").fill("operator")
    page.get_by_label("Password").fill(server.password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/live$"))
    page.get_by_test_id("camera-map").wait_for()
    legend = page.get_by_role("list", name="Camera health summary")
    legend.get_by_text("cameras").wait_for()
    assert " ".join(legend.inner_text().split()).startswith("5 cameras")
    assert page.locator(".camera-grid > li").count() == 4
    page.screenshot(path=screenshots / "journey-1-live.png", full_page=True)

    # An alert arrives live while the operator watches the queue.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Alerts").click()
    page.wait_for_selector("[data-testid=alerts-live-status][data-state=connected]")
    alert = citizen_report(server, token_of(server, "operator"), "street_crime", REPORT_AT[0])
    row = queue(page).locator(f"#alert-option-{alert['id']}")
    row.wait_for()
    row.click()
    page.screenshot(path=screenshots / "journey-2-alert.png", full_page=True)

    # Acknowledge it, then open an incident from it.
    detail = page.get_by_test_id("alert-detail")
    detail.get_by_role("button", name=re.compile("^Acknowledge")).click()
    row.get_by_test_id("alert-status").get_by_text("Acknowledged").wait_for()
    detail.get_by_role("button", name=re.compile("^Create incident")).click()
    dialog = page.get_by_role("dialog", name=f"Create incident from alert {alert['id']}")
    dialog.get_by_role("button", name="Create incident").click()
    link = page.get_by_test_id("alert-action-message").get_by_role(
        "link", name=re.compile(r"Open incident \d+")
    )
    incident_id = int(link.inner_text().rsplit(" ", 1)[1])
    link.click()

    # Dispatch the recommended unit.
    page.wait_for_url(re.compile(rf"/incidents/{incident_id}$"))
    page.get_by_test_id("recommended-units").get_by_role("row").filter(has_text=callsign).wait_for()
    page.get_by_role("button", name=f"Assign {callsign}").click()
    page.get_by_test_id("incident-status").filter(has_text="Dispatched").wait_for()
    page.screenshot(path=screenshots / "journey-3-incident.png", full_page=True)

    # The dispatch board follows the unit: the operator moves it en route, the unit's crew reports on scene.
    open_section(page, "Dispatch board")
    page.wait_for_selector("[data-testid=dispatch-live-status][data-state=connected]")
    unit = board_row(page, callsign)
    wait_for_unit_status(unit, "Dispatched")
    assert f"#{incident_id}" in unit.inner_text()
    unit.get_by_role("button", name=f"En route: {callsign}").click()
    wait_for_unit_status(unit, "En route")
    call(server, "POST", f"/api/v1/units/{unit_id}/status", {"status": "on_scene"}, token=supervisor)
    wait_for_unit_status(unit, "On scene")
    page.screenshot(path=screenshots / "journey-4-board.png", full_page=True)

    stored = call(server, "GET", f"/api/v1/incidents/{incident_id}", token=supervisor)
    assert stored["incident"]["status"] == "on_scene"  # the first arrival put the incident on scene
