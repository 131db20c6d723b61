"""Dashboards in a real browser against `safecity demo`: data seeded through the HTTP API shows up in the
charts' tables, the demo's cameras in the uptime chart, and the window selector reloads by day."""

from __future__ import annotations

import re
import uuid
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from typing import Any
from urllib.parse import parse_qs
from urllib.parse import urlparse

import httpx
import pytest

from tests.e2e.conftest import open_from_nav

if TYPE_CHECKING:
    from playwright.sync_api import Locator
    from playwright.sync_api import Page

    from tests.e2e.conftest import Server

pytestmark = pytest.mark.slow


def api_session(server: Server, username: str) -> httpx.Client:
    client = httpx.Client(base_url=server.base_url, timeout=10)
    login = client.post("/api/v1/auth/login", json={"username": username, "password": server.password})
    assert login.status_code == 200, login.text
    client.headers["Authorization"] = f"Bearer {login.json()['access_token']}"
    return client


def seed_backdated_incidents(api: httpx.Client, received_at: datetime) -> None:
    """Two priority-3 incidents and one priority-5, received in an hour no other test writes to."""
    for kind in ("public_order", "public_order", "camera_fault"):
        body = {"type": kind, "title": "e2e dashboards", "received_at": received_at.isoformat()}
        assert api.post("/api/v1/incidents", json=body).status_code == 201


def seed_panics(api: httpx.Client, count: int) -> None:
    """Each panic raises a critical alert and a priority-1 incident."""
    for _ in range(count):
        body = {"device_id": f"e2e-{uuid.uuid4().hex[:12]}", "latitude": 18.52, "longitude": 73.85}
        assert api.post("/api/v1/panic", json=body).status_code == 201


def seed_dispatched_incident(api: httpx.Client) -> None:
    unit_id = f"E2E-{uuid.uuid4().hex[:8]}"
    unit = {"id": unit_id, "callsign": unit_id, "type": "pru", "latitude": 18.52, "longitude": 73.85}
    assert api.post("/api/v1/units", json=unit).status_code == 201
    incident = api.post("/api/v1/incidents", json={"type": "robbery", "latitude": 18.52, "longitude": 73.85})
    assert incident.status_code == 201
    assigned = api.post(f"/api/v1/incidents/{incident.json()['id']}/assignments", json={"unit_id": unit_id})
    assert assigned.status_code == 201, assigned.text
    for status in ("en_route", "on_scene"):
        assert api.post(f"/api/v1/units/{unit_id}/status", json={"status": status}).status_code == 200


def log_in(page: Page, username: str, password: str) -> None:
    page.goto("/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/live$"))


def cells(row: Locator) -> list[str]:
    return [text.strip() for text in row.get_by_role("cell").all_text_contents()]


def table_of(page: Page, test_id: str) -> Locator:
    table = page.get_by_test_id(test_id).get_by_role("table")
    table.wait_for(state="attached")
    return table


def query_of(url: str) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlparse(url).query).items()}


def test_supervisor_sees_seeded_activity_in_the_dashboards(
    page: Page, server: Server, screenshots: Path
) -> None:
    api = api_session(server, "supervisor")
    received_at = datetime.now(UTC).replace(minute=10, second=0, microsecond=0) - timedelta(hours=20)
    seed_backdated_incidents(api, received_at)
    seed_panics(api, 2)
    seed_dispatched_incident(api)
    camera_names = sorted(camera["name"] for camera in api.get("/api/v1/cameras").json())
    assert len(camera_names) == 5  # four sample cameras and the traffic camera

    log_in(page, "supervisor", server.password)
    with page.expect_request(re.compile(r"/api/v1/dashboards/alerts\?")) as alerts_request:
        open_from_nav(page, "Dashboards")
    page.get_by_role("heading", name="Dashboards", level=1).wait_for()
    window = query_of(alerts_request.value.url)
    assert window["bucket"] == "hour"

    # Every chart with data is drawn on a canvas.
    for test_id in ("dashboard-uptime", "dashboard-alerts", "dashboard-incidents", "dashboard-response"):
        page.get_by_test_id(test_id).locator("canvas").wait_for()

    # The backdated incidents sit in their hour: priorities 1..5, then the total.
    since = datetime.fromisoformat(window["since"])
    bucket = since + timedelta(hours=(received_at - since) // timedelta(hours=1))
    hour_key = bucket.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    incidents = table_of(page, "dashboard-incidents")
    assert cells(incidents.locator(f'tr[data-key="{hour_key}"]')) == ["0", "0", "2", "0", "1", "3"]
    assert int(cells(incidents.locator('tr[data-key="total"]'))[0]) >= 2  # the two panics, priority 1

    # The page shows the server's alert counts, which include the two critical panic alerts.
    server_alerts: dict[str, Any] = api.get("/api/v1/dashboards/alerts", params=window).json()
    critical = sum(p["count"] for p in server_alerts["points"] if p["group"] == "critical")
    assert critical >= 2
    alerts_total = cells(table_of(page, "dashboard-alerts").locator('tr[data-key="total"]'))
    assert alerts_total[0] == str(critical)

    # The demo's four cameras, worst first, each with its uptime in words.
    uptime_rows = table_of(page, "dashboard-uptime").locator("tbody tr")
    assert sorted(uptime_rows.locator("th").all_text_contents()) == camera_names
    for row in uptime_rows.all():
        assert re.fullmatch(r"\d+(\.\d)? %|not observed", cells(row)[0])

    dispatch = table_of(page, "dashboard-response").locator("tr", has_text="Time to dispatch")
    assert int(cells(dispatch)[0]) >= 1
    page.screenshot(path=screenshots / "dashboards-24h.png", full_page=True)

    page.get_by_role("radio", name="Last 7 days").check()
    page.get_by_role("heading", name="Incidents per day, by priority").wait_for()
    page.get_by_test_id("dashboard-incidents").locator("canvas").wait_for()
    weekly = cells(table_of(page, "dashboard-incidents").locator('tr[data-key="total"]'))
    assert int(weekly[2]) >= 2  # priority 3
    assert int(weekly[4]) >= 1  # priority 5
    page.screenshot(path=screenshots / "dashboards-7d.png", full_page=True)
