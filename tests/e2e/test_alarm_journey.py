"""A critical hotlist hit, as an operator meets it: the alarm pops up over whatever page is open, with the
plate and its list; the incident made from it starts at the camera, the recommended unit is sent, reaches
the scene, the incident is closed and the alarm closed as true with one key.

The plate read arrives as the camera worker sends it: a `plate.read` event appended to the embedded bus's
log in the server's database; the server's hotlist matcher and alerts consumer do the rest.
"""

from __future__ import annotations

import re
import uuid
from datetime import UTC
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from safecity.core.bus.message_log import MessageLog
from safecity.core.db import Database
from tests.e2e.test_alerts import call
from tests.e2e.test_alerts import queue
from tests.e2e.test_alerts import token_of
from tests.e2e.test_incidents import create_unit
from tests.e2e.test_search import read_event
from tests.support.polling import eventually

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from tests.e2e.conftest import Server

pytestmark = pytest.mark.slow

CAMERA, CAMERA_NAME, CAMERA_AT = "lhr-kalma-chowk", "Kalma Chowk", (31.5042, 74.3315)


def plate_read_on_camera(server: Server, plate: str) -> None:
    database = Database(f"sqlite:///{server.log_path.parent / 'data' / 'safecity.db'}")
    try:
        MessageLog(database).append(read_event(plate, CAMERA, datetime.now(UTC), None))
    finally:
        database.dispose()


def test_hotlist_hit_to_closed_incident_and_a_true_alarm(
    page: Page, server: Server, screenshots: Path
) -> None:
    supervisor = token_of(server, "supervisor")
    suffix = uuid.uuid4().hex[:4].upper()
    plate, list_name = f"ALM-24-{int(suffix, 16) % 9000 + 1000}", f"ctd-{suffix.lower()}"
    hotlist = call(
        server, "POST", "/api/v1/hotlists", {"name": list_name, "kind": "wanted"}, token=supervisor
    )
    entry = {"plate": plate, "reason": "Armed and dangerous: bank robbery suspects"}
    call(server, "POST", f"/api/v1/hotlists/{hotlist['id']}/entries", entry, token=supervisor)
    unit_id, callsign = f"alarm-{suffix.lower()}", f"ALM-{suffix}"
    create_unit(server, supervisor, unit_id, callsign, CAMERA_AT[0] + 0.001, CAMERA_AT[1])

    page.goto("/login")
    page.get_by_label("Username").fill("operator")
    page.get_by_label("Password").fill(server.password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/live$"))
    # The console listens for alarms on every page; the read is sent once it does.
    page.wait_for_selector("[data-testid=alarm-watch][data-state=connected]", state="attached")

    # The hit pops up over the live page, with the plate, the list and the reason.
    plate_read_on_camera(server, plate)
    popup = page.get_by_test_id("alarm-popup")
    popup.wait_for(timeout=60_000)
    dialog = page.get_by_role("dialog", name=re.compile(f"^Critical alarm: Hotlist vehicle {plate}"))
    assert list_name in dialog.inner_text()
    assert "Armed and dangerous" in popup.inner_text()
    assert plate in popup.inner_text()
    # Where it is: the camera flashing on the map.
    popup.get_by_test_id("alarm-map").get_by_label(f"Alarm at camera {CAMERA_NAME}").wait_for()
    pre_event = popup.get_by_role("link", name="Pre-event recording").get_attribute("href") or ""
    assert re.fullmatch(r"/cameras/[^/]+/playback\?at=.+", pre_event), pre_event
    page.screenshot(path=screenshots / "alarm-1-popup.png", full_page=True)

    # An incident from it starts at the camera; the unit nearby is recommended and sent.
    popup.get_by_role("button", name="Create incident…").click()
    page.get_by_role("dialog", name=re.compile("^Create incident from alert")).get_by_role(
        "button", name="Create incident"
    ).click()
    page.wait_for_url(re.compile(r"/incidents/\d+$"))
    incident_id = int(page.url.rsplit("/", 1)[1])
    stored = call(server, "GET", f"/api/v1/incidents/{incident_id}", token=supervisor)["incident"]
    assert (stored["latitude"], stored["longitude"]) == CAMERA_AT
    assert stored["address"] == CAMERA_NAME
    page.get_by_test_id("recommended-units").get_by_role("row").filter(has_text=callsign).wait_for()
    page.get_by_role("button", name=f"Assign {callsign}").click()
    page.get_by_test_id("incident-status").filter(has_text="Dispatched").wait_for()
    assignments = page.get_by_test_id("assignments-table")
    assignments.get_by_role("button", name=f"En route: {callsign}").click()
    assignments.get_by_role("button", name=f"On scene: {callsign}").click()
    page.get_by_test_id("incident-status").filter(has_text="On scene").wait_for()
    page.screenshot(path=screenshots / "alarm-2-incident.png", full_page=True)

    page.get_by_role("button", name="Resolve").click()
    page.get_by_test_id("incident-status").filter(has_text="Resolved").wait_for()
    page.get_by_role("button", name="Close", exact=True).click()
    page.get_by_test_id("incident-status").filter(has_text="Closed").wait_for()

    # Back in the queue, the alarm is closed as true with one key.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Alerts").click()
    row = queue(page).get_by_role("option").filter(has_text=plate)
    row.click()
    page.get_by_test_id("alert-detail").get_by_text(list_name, exact=True).wait_for()
    page.keyboard.press("t")

    def closed() -> dict[str, object] | None:
        alerts = call(server, "GET", "/api/v1/alerts?kind=vehicle_hit&limit=500", token=supervisor)
        alarm = next(a for a in alerts if plate in a["title"])
        return alarm if alarm["status"] == "resolved" else None

    alarm = eventually(closed, "the alarm closed as true")
    assert (alarm["disposition"], alarm["incident_id"], alarm["critical"]) == ("true", incident_id, True)
    page.screenshot(path=screenshots / "alarm-3-closed.png", full_page=True)
