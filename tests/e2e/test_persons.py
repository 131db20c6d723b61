"""Persons of interest (/persons) in a real browser against the real server (issue 20).

A supervisor records a proclaimed offender with a photo (a real face, enrolled on the face watchlist) and a
vehicle (put on the persons-of-interest hotlist); a camera worker's plate read of that vehicle, appended to
the embedded bus as a worker sends it, raises one critical alarm naming the person and status (no separate
hotlist alert); the alarm is opened in the queue, and the person's timeline shows the sighting.
"""

from __future__ import annotations

import random
import re
import uuid
from datetime import date
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.conftest import shared_path
from tests.e2e.conftest import open_from_nav
from tests.e2e.test_alarm_journey import CAMERA_NAME
from tests.e2e.test_alarm_journey import plate_read_on_camera
from tests.e2e.test_alerts import call
from tests.e2e.test_alerts import queue
from tests.e2e.test_alerts import token_of
from tests.e2e.test_watchlists import ENROLMENT_TIMEOUT_MS
from tests.e2e.test_watchlists import log_in

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from tests.e2e.conftest import Server

pytestmark = pytest.mark.slow

PURPOSE = "e2e: tracing the proclaimed offender of FIR 123/2026"
# From the read on the bus to the alarm: hotlist matcher, persons matcher, alerts consumer, on a busy machine.
ALARM_TIMEOUT_MS = 60_000


def open_register(page: Page, server: Server) -> None:
    log_in(page, "supervisor", server.password)
    open_from_nav(page, "Persons of interest")
    state_purpose(page, PURPOSE)
    page.get_by_role("heading", name="Persons of interest", level=1).wait_for()


def state_purpose(page: Page, purpose: str) -> None:
    dialog = page.get_by_role("dialog", name="Purpose of this search")
    dialog.get_by_label("Purpose (required)").fill(purpose)
    dialog.get_by_role("button", name="Continue").click()
    dialog.wait_for(state="detached")


def new_record_form(page: Page, name: str, cnic: str) -> None:
    page.get_by_role("link", name="New record").click()
    page.get_by_role("heading", name="New record").wait_for()
    page.get_by_label("Name", exact=True).fill(name)
    page.get_by_label("Father's name").fill("Akbar Khan")
    page.get_by_label("CNIC").fill(cnic)
    page.get_by_label("Status").select_option("proclaimed_offender")
    page.get_by_label("Legal basis", exact=True).fill("Proclamation u/s 87 CrPC, ATC Lahore, 12/2026")
    page.get_by_label("Review date").fill((date.today() + timedelta(days=180)).isoformat())


def random_cnic() -> str:
    digits = f"{random.randrange(10**12, 10**13)}"
    return f"{digits[:5]}-{digits[5:12]}-{digits[12]}"


def test_a_plate_read_of_a_proclaimed_offenders_vehicle_raises_one_alert_and_shows_on_the_timeline(
    page: Page, server: Server, screenshots: Path
) -> None:
    photo = shared_path("data/faces/obama/obama.jpg")
    suffix = uuid.uuid4().hex[:4].upper()
    name, plate = f"Imran Khan {suffix}", f"POI-24-{int(suffix, 16) % 9000 + 1000}"

    open_register(page, server)
    new_record_form(page, name, random_cnic())
    page.get_by_role("button", name="Add FIR").click()
    page.get_by_label("FIR 1 number").fill("123/2026")
    page.get_by_label("FIR 1 police station").fill("Model Town")
    page.get_by_role("button", name="Create record").click()

    # The new record opens: masked CNIC, status, and room for photos and vehicles.
    header = page.get_by_test_id("person-header")
    header.get_by_role("heading", name=name).wait_for()
    assert "Proclaimed offender" in header.inner_text()
    assert re.search(r"\d{5}-\*{7}-\d", page.get_by_test_id("person-cnic").inner_text())

    page.get_by_label("Photo (JPEG or PNG)").set_input_files(photo)
    page.get_by_role("button", name="Upload photo").click()
    page.get_by_test_id("person-photos").locator("li").first.wait_for(timeout=ENROLMENT_TIMEOUT_MS)

    page.get_by_label("Plate", exact=True).fill(plate)
    page.get_by_label("Make").fill("Toyota Corolla")
    page.get_by_label("Colour").fill("white")
    page.get_by_role("button", name="Add vehicle").click()
    page.get_by_test_id("person-vehicles").get_by_role("rowheader", name=plate).wait_for()
    page.screenshot(path=screenshots / "persons-1-record.png", full_page=True)

    # A camera reads the plate; the console, listening on every page, pops up an alarm naming the person.
    page.wait_for_selector("[data-testid=alarm-watch][data-state=connected]", state="attached")
    plate_read_on_camera(server, plate)
    alarm = page.get_by_role("dialog", name=re.compile(f"^Critical alarm: Proclaimed offender {name}"))
    alarm.wait_for(timeout=ALARM_TIMEOUT_MS)
    assert "FIR 123/2026" in alarm.inner_text()
    assert f"plate {plate} seen at {CAMERA_NAME}" in alarm.inner_text()
    page.screenshot(path=screenshots / "persons-2-alarm.png", full_page=True)
    alarm.get_by_role("button", name="Acknowledge").click()
    alarm.wait_for(state="detached")

    # One alert for the read: the person's, not also a hotlist alert of the plate.
    supervisor = token_of(server, "supervisor")
    alerts = call(server, "GET", "/api/v1/alerts?limit=500", token=supervisor)
    about = [alert for alert in alerts if plate in alert["title"] or name in alert["title"]]
    assert [(alert["kind"], alert["severity"]) for alert in about] == [("person_of_interest", "critical")]

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Alerts").click()
    options = queue(page).get_by_role("option").filter(has_text=name)
    options.first.wait_for()
    assert options.count() == 1
    options.first.click()
    detail = page.get_by_test_id("alert-detail")
    detail.get_by_text(re.compile(f"Proclaimed offender {name}")).first.wait_for()
    page.screenshot(path=screenshots / "persons-3-alert.png", full_page=True)

    # From the alert to the person's timeline: the register, searched by name.
    open_from_nav(page, "Persons of interest")
    state_purpose(page, PURPOSE)
    page.get_by_label("Name or alias").fill(name)
    page.get_by_role("button", name="Filter").click()
    row = page.get_by_test_id("persons-table").get_by_role("row").filter(has_text=name)
    row.get_by_role("link", name=name).click()
    timeline = page.get_by_test_id("person-timeline")
    sighting = timeline.locator("li[data-kind=hotlist_hit]").filter(has_text=plate)
    sighting.wait_for()
    assert CAMERA_NAME in sighting.inner_text()
    footage = sighting.get_by_role("link", name="Footage").get_attribute("href") or ""
    assert re.fullmatch(r"/cameras/[^/]+/playback\?at=.+", footage), footage
    timeline.locator("li[data-kind=plate_read]").filter(has_text=plate).wait_for()
    history = page.get_by_test_id("person-history")
    history.get_by_text("Record created").wait_for()
    history.get_by_text("Vehicle added").wait_for()
    page.screenshot(path=screenshots / "persons-4-timeline.png", full_page=True)


def test_a_malformed_cnic_is_refused_beside_the_field(page: Page, server: Server) -> None:
    open_register(page, server)
    new_record_form(page, f"Malformed CNIC {uuid.uuid4().hex[:4]}", "35202-12345")
    page.get_by_role("button", name="Create record").click()

    cnic = page.get_by_label("CNIC")
    error = page.locator(f"#{cnic.get_attribute('id')}-error")
    error.get_by_text("CNIC must be 13 digits, e.g. 35202-1234567-1").wait_for()
    assert cnic.get_attribute("aria-invalid") == "true"
    page.get_by_role("heading", name="New record").wait_for()  # still on the form: nothing was created
