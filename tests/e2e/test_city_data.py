"""City data in a real browser against `safecity demo`: line crossings of a registered camera,
published on the demo's own bus and stored by its event index, show up on the City data page (Analysis
menu) as a place with its people count and its peak hour (local time, the console's Asia/Karachi)."""

from __future__ import annotations

import time
import uuid
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import httpx
import pytest

from safecity.core.bus import Event
from safecity.core.bus.message_log import MessageLog
from safecity.core.db import Database
from tests.e2e.conftest import open_from_nav
from tests.e2e.test_dashboards import api_session
from tests.e2e.test_dashboards import cells
from tests.e2e.test_dashboards import log_in

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from tests.e2e.conftest import Server

pytestmark = pytest.mark.slow

CAMERA_NAME = "E2E Anarkali gate"
PEAK_PEOPLE, OTHER_PEOPLE = 12, 3


def publish_crossings(server: Server, camera_id: str, peak: datetime) -> None:
    """PEAK_PEOPLE people crossing in the peak hour, OTHER_PEOPLE two hours before it."""
    database = Database(f"sqlite:///{server.log_path.parent / 'data' / 'safecity.db'}")
    moments = [peak + timedelta(minutes=i) for i in range(PEAK_PEOPLE)]
    moments += [peak - timedelta(hours=2, minutes=-i) for i in range(OTHER_PEOPLE)]
    try:
        log = MessageLog(database)
        for moment in moments:
            payload = {"rule": "gate", "line": "gate", "direction": "in", "object_class": "person"}
            log.append(
                Event(
                    type="rule.line_crossing", time=moment, camera_id=camera_id, source="e2e", payload=payload
                )
            )
    finally:
        database.dispose()


def wait_until_counted(api: httpx.Client, camera_id: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        places = api.get("/api/v1/dashboards/city/places").json()["places"]
        found = [p for p in places if p["camera_id"] == camera_id]
        if found and found[0]["people"] == PEAK_PEOPLE + OTHER_PEOPLE:
            return
        time.sleep(0.5)
    pytest.fail("the seeded crossings were not stored by the server's event index")


def test_city_data_shows_a_seeded_place_with_its_peak_hour(
    page: Page, server: Server, screenshots: Path
) -> None:
    camera_id = f"e2e-city-{uuid.uuid4().hex[:6]}"
    admin = api_session(server, "admin")
    try:
        shows_a_seeded_place(page, server, screenshots, admin, camera_id)
    finally:
        # The server is shared by the module's other tests, which count the demo's cameras.
        admin.delete(f"/api/v1/cameras/{camera_id}")
        admin.close()


def shows_a_seeded_place(
    page: Page, server: Server, screenshots: Path, admin: httpx.Client, camera_id: str
) -> None:
    body = {
        "id": camera_id,
        "name": CAMERA_NAME,
        "url": "rtsp://127.0.0.1:9/none",
        "enabled": False,
        "latitude": 31.5685,
        "longitude": 74.3107,
        "district": "Lahore City",
    }
    created = admin.post("/api/v1/cameras", json=body)
    assert created.status_code == 201, created.text
    peak = datetime.now(UTC).replace(minute=10, second=0, microsecond=0) - timedelta(hours=3)
    publish_crossings(server, camera_id, peak)
    wait_until_counted(admin, camera_id)
    peak_label = f"{peak.astimezone(ZoneInfo('Asia/Karachi')).hour:02d}:00"

    log_in(page, "supervisor", server.password)
    open_from_nav(page, "City data")
    page.get_by_role("heading", name="City data").wait_for()
    row = page.get_by_role("table", name="Places").get_by_role("row").filter(has_text=CAMERA_NAME)
    row.wait_for()
    assert cells(row)[:5] == [CAMERA_NAME, "Lahore City", str(PEAK_PEOPLE + OTHER_PEOPLE), "0", peak_label]
    page.get_by_role("region", name="City data map (the places table below lists the same places)").wait_for()
    page.screenshot(path=screenshots / "city-data.png", full_page=True)
