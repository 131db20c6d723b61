"""Investigative search in a real browser against the real server: plates with a trajectory, faces, events.

Plate reads arrive the way the camera worker sends them: `plate.read` events appended to the embedded bus's
log in the server's database, which the server's `anpr-store` consumer stores with the cameras' positions.
"""

from __future__ import annotations

import re
import time
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import cv2
import httpx
import numpy as np
import pytest

from safecity.anpr.events import PlateReadEvent
from safecity.core.bus.message_log import MessageLog
from safecity.core.db import Database

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from tests.e2e.conftest import Server

pytestmark = pytest.mark.slow

PLATE = "SRC-24-7301"
PATTERN = "SRC-24-73*"
PURPOSE = "Stolen vehicle complaint, e2e test"
# Seeded out of time order; the trajectory must come back oldest first.
SIGHTINGS = (
    ("lhr-azadi-chowk", 60),  # minutes ago
    ("lhr-kalma-chowk", 180),
    ("lhr-liberty-chowk", 120),
)
IN_TIME_ORDER = ["Kalma Chowk", "Liberty Chowk", "Azadi Chowk (Minar-e-Pakistan)"]


def token(server: Server, username: str) -> str:
    response = httpx.post(
        f"{server.base_url}/api/v1/auth/login", json={"username": username, "password": server.password}
    )
    response.raise_for_status()
    return str(response.json()["access_token"])


def image_bytes(text: str | None, size: tuple[int, int] = (240, 60)) -> bytes:
    """A JPEG: a plate-like white card with black text, or a plain grey picture with no face in it."""
    width, height = size
    if text is None:
        picture = np.full((height, width, 3), 128, np.uint8)
    else:
        picture = np.full((height, width, 3), 255, np.uint8)
        cv2.putText(picture, text, (8, height - 18), cv2.FONT_HERSHEY_SIMPLEX, 1.0, (0, 0, 0), 2)
    ok, encoded = cv2.imencode(".jpg", picture)
    assert ok
    return encoded.tobytes()


def upload_crop(server: Server, headers: dict[str, str]) -> str:
    files = {"file": ("plate.jpg", image_bytes(PLATE), "image/jpeg")}
    response = httpx.post(f"{server.base_url}/api/v1/media", files=files, headers=headers)
    response.raise_for_status()
    return str(response.json()["sha256"])


def publish_reads(server: Server, crop_sha256: str) -> None:
    database = Database(f"sqlite:///{server.log_path.parent / 'data' / 'safecity.db'}")
    now = datetime.now(UTC)
    try:
        log = MessageLog(database)
        for camera_id, minutes_ago in SIGHTINGS:
            log.append(read_event(PLATE, camera_id, now - timedelta(minutes=minutes_ago), crop_sha256))
        log.append(read_event("SRC-24-8800", "lhr-kalma-chowk", now - timedelta(minutes=30), None))
    finally:
        database.dispose()


def read_event(text: str, camera_id: str, at: datetime, crop: str | None) -> PlateReadEvent:
    series, year, number = text.split("-")
    return PlateReadEvent(
        camera_id=camera_id,
        time=at,
        source="e2e",
        text=text,
        series=series,
        year=year,
        number=number,
        format="punjab-legacy",
        matched=True,
        confidence=0.91,
        crop_sha256=crop,
    )


def wait_until_stored(server: Server, headers: dict[str, str], expected: int) -> None:
    params = {"plate": "SRC*", "purpose": "e2e: waiting for seeded reads"}
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        response = httpx.get(f"{server.base_url}/api/v1/plates/reads", params=params, headers=headers)
        if response.status_code == 200 and response.json()["count"] >= expected:
            return
        time.sleep(0.3)
    pytest.fail("the seeded plate reads were not stored by the server's anpr-store consumer")


@pytest.fixture(scope="module")
def seeded_reads(server: Server) -> None:
    headers = {"Authorization": f"Bearer {token(server, 'investigator')}"}
    publish_reads(server, upload_crop(server, headers))
    wait_until_stored(server, headers, expected=len(SIGHTINGS) + 1)


def log_in(page: Page, username: str, password: str) -> None:
    page.goto("/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/live$"))


def answer_purpose(page: Page, purpose: str) -> None:
    dialog = page.get_by_role("dialog", name="Purpose of this search")
    dialog.get_by_label("Purpose (required)").fill(purpose)
    dialog.get_by_label("Case reference (optional)").fill("FIR 42/2026")
    dialog.get_by_role("button", name="Continue").click()


def test_plate_search_with_wildcard_and_trajectory_in_time_order(
    page: Page, server: Server, screenshots: Path, seeded_reads: None
) -> None:
    log_in(page, "investigator", server.password)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Search").click()
    page.wait_for_url(re.compile(r"/search/plates$"))
    page.get_by_label("Plate or pattern").fill(PATTERN)

    # Cancelling the purpose prompt searches nothing.
    page.get_by_role("button", name="Search plates").click()
    page.get_by_role("dialog", name="Purpose of this search").get_by_role("button", name="Cancel").click()
    page.get_by_test_id("plate-status").get_by_text("nothing was searched").wait_for()
    assert page.get_by_test_id("plate-results").count() == 0

    page.get_by_role("button", name="Search plates").click()
    answer_purpose(page, PURPOSE)
    results = page.get_by_test_id("plate-results")
    results.wait_for()
    page.get_by_test_id("plate-status").get_by_text("3 plate reads found.").wait_for()
    assert results.get_by_role("rowheader").all_inner_texts() == [PLATE] * 3  # not the SRC-24-8800 decoy
    crop = results.get_by_role("img", name=f"Plate crop of {PLATE}").first
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=crop.element_handle())

    results.get_by_role("button", name=f"Show trajectory of {PLATE}").first.click()
    sightings = page.get_by_test_id("trajectory-list").get_by_role("listitem")
    sightings.nth(2).wait_for()
    assert sightings.count() == 3
    numbers = page.locator(".sighting-number").all_inner_texts()
    assert numbers == ["1", "2", "3"]
    times = [
        datetime.fromisoformat(str(t.get_attribute("datetime")))
        for t in page.get_by_test_id("trajectory-list").locator("time").all()
    ]
    assert times == sorted(times)
    names = page.get_by_test_id("trajectory-list").locator("strong").all_inner_texts()
    assert names == IN_TIME_ORDER
    # On the map: one numbered marker per sighting, named by camera in time order (the route is drawn on the
    # map's canvas between them).
    markers = page.get_by_test_id("trajectory-map").locator(".map-marker")
    markers.nth(2).wait_for()
    assert markers.all_inner_texts() == ["1", "2", "3"]
    labels = [str(marker.get_attribute("aria-label")) for marker in markers.all()]
    assert [label.split(":")[0] for label in labels] == ["1", "2", "3"]
    assert [label.split(": ", 1)[1].split(",")[0] for label in labels] == IN_TIME_ORDER
    page.screenshot(path=screenshots / "search-plates-trajectory.png", full_page=True)


def test_face_search_with_a_photo_without_a_face_shows_the_server_error(
    page: Page, server: Server, screenshots: Path, tmp_path: Path
) -> None:
    photo = tmp_path / "no-face.jpg"
    photo.write_bytes(image_bytes(None, (320, 240)))
    log_in(page, "investigator", server.password)
    page.goto("/search/faces")
    page.get_by_label("Photo of the face").set_input_files(photo)
    page.get_by_role("button", name="Search faces").click()
    answer_purpose(page, "Missing person report, e2e test")
    # Finding no face runs the detector (and its CNN fallback) on the server: give it time.
    error = page.locator("#face-photo-error")
    error.wait_for(timeout=60_000)
    assert "no face found in no-face.jpg" in error.inner_text()
    page.screenshot(path=screenshots / "search-faces-no-face.png", full_page=True)


def wait_for_logged_event(server: Server, event_type: str, camera_id: str) -> None:
    """The demo's camera worker reports each camera's health soon after start; wait until it has."""
    headers = {"Authorization": f"Bearer {token(server, 'investigator')}"}
    params = {"type": event_type, "camera_id": camera_id, "limit": 1}
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        response = httpx.get(f"{server.base_url}/api/v1/events", params=params, headers=headers)
        response.raise_for_status()
        if response.json()["events"]:
            return
        time.sleep(0.5)
    pytest.fail(f"no {event_type} event from {camera_id} in the server's event log")


def test_events_search_finds_camera_health_events(page: Page, server: Server, screenshots: Path) -> None:
    wait_for_logged_event(server, "camera.health", "lhr-kalma-chowk")
    log_in(page, "investigator", server.password)
    page.goto("/search/events")
    page.get_by_label("Event type").fill("camera.health")
    page.get_by_role("option", name="Kalma Chowk (lhr-kalma-chowk)").wait_for(state="attached")
    page.get_by_label("Camera").select_option(label="Kalma Chowk (lhr-kalma-chowk)")
    page.get_by_role("button", name="Search events").click()
    results = page.get_by_test_id("event-results")
    results.wait_for(timeout=30_000)
    types = results.get_by_role("rowheader").all_inner_texts()
    assert types, "no camera.health rows"
    assert set(types) == {"camera.health"}
    assert set(results.locator("tbody td:nth-child(3)").all_inner_texts()) == {"Kalma Chowk"}
    page.screenshot(path=screenshots / "search-events.png", full_page=True)
