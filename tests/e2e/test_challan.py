"""E-challan in a real browser against the real server: a traffic officer works the validation queue.

Violations are made the way the pipeline makes them: evidence images go into the media store through the
media API, and a `rule.*` event plus a `plate.read` event are published on the server's embedded bus (its
message log in the server's database), where the `challan` consumer turns them into violations.
"""

from __future__ import annotations

import io
import re
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from typing import Any

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from tests.e2e.conftest import Server

pytestmark = pytest.mark.slow

CAMERA = "lhr-kalma-chowk"  # a demo camera: its name shows, and its recordings may give the violation a clip
RED_LIGHT_PLATE = "LEA-4821"
SPEEDING_PLATE = "LEB-7305"
OWNER = "Ayesha Siddiqui"
REGISTRY_CSV = (
    "plate,vehicle_class,owner_name,owner_cnic,make,model,colour\n"
    f"{RED_LIGHT_PLATE},car,{OWNER},35202-1234567-1,Toyota,Corolla,white\n"
    f"{SPEEDING_PLATE},car,Bilal Ahmed,35202-7654321-3,Honda,Civic,grey\n"
)


class Api:
    """The server's HTTP API with one user's bearer token."""

    def __init__(self, server: Server, username: str) -> None:
        import httpx

        self.http = httpx.Client(base_url=server.base_url, timeout=30)
        response = self.http.post(
            "/api/v1/auth/login", json={"username": username, "password": server.password}
        )
        response.raise_for_status()
        self.http.headers["Authorization"] = f"Bearer {response.json()['access_token']}"

    def get(self, path: str, **params: Any) -> Any:
        response = self.http.get(path, params=params)
        response.raise_for_status()
        return response.json()

    def upload_jpeg(self, image: Any) -> str:
        buffer = io.BytesIO()
        image.save(buffer, format="JPEG", quality=90)
        files = {"file": ("evidence.jpg", buffer.getvalue(), "image/jpeg")}
        response = self.http.post("/api/v1/media", files=files)
        response.raise_for_status()
        return str(response.json()["sha256"])


def _scene(caption: str, car_x: int, light: str) -> Any:
    """A junction frame: road, stop line, a car and the signal head, with the caption burnt in."""
    from PIL import Image
    from PIL import ImageDraw
    from PIL import ImageFont

    image = Image.new("RGB", (960, 540), (52, 56, 60))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 300, 960, 540), fill=(70, 72, 76))
    draw.rectangle((0, 380, 960, 390), fill=(235, 235, 235))  # the stop line
    draw.rectangle((car_x, 400, car_x + 180, 480), fill=(200, 200, 210))
    draw.rectangle((car_x + 55, 455, car_x + 125, 475), fill=(250, 250, 250))
    draw.rectangle((880, 40, 930, 170), fill=(20, 20, 20))
    colours = {"red": (230, 40, 40), "green": (40, 200, 80)}
    draw.ellipse((890, 50, 920, 80), fill=colours["red"] if light == "red" else (60, 20, 20))
    draw.ellipse((890, 130, 920, 160), fill=colours["green"] if light == "green" else (20, 60, 30))
    draw.text((20, 20), caption, fill=(255, 255, 255), font=ImageFont.load_default(size=28))
    return image


def _plate_crop(text: str) -> Any:
    from PIL import Image
    from PIL import ImageDraw
    from PIL import ImageFont

    image = Image.new("RGB", (240, 64), (245, 245, 240))
    draw = ImageDraw.Draw(image)
    draw.rectangle((2, 2, 237, 61), outline=(20, 20, 20), width=3)
    draw.text((120, 32), text, fill=(10, 10, 10), anchor="mm", font=ImageFont.load_default(size=40))
    return image


def _publish(server: Server, events: list[Any]) -> None:
    """Append events to the server's embedded bus: the running server's consumers poll it."""
    from safecity.core.bus.message_log import MessageLog
    from safecity.core.db import Database

    database = Database(f"sqlite:///{(server.log_path.parent / 'data' / 'safecity.db').resolve()}")
    try:
        log = MessageLog(database)
        for event in events:
            log.append(event)
    finally:
        database.dispose()


def _violation_events(api: Api, *, kind: str, plate: str, track: str, at: datetime) -> list[Any]:
    from safecity.anpr.events import PlateReadEvent
    from safecity.core.bus import Event

    light = "red" if kind == "red_light" else "green"
    frames = {
        name: api.upload_jpeg(_scene(f"{CAMERA} {name} {when:%H:%M:%S}", x, light))
        for name, x, when in (
            ("context_before", 300, at - timedelta(seconds=1)),
            ("context_at", 420, at),
            ("context_after", 560, at + timedelta(seconds=1)),
        )
    }
    crop = api.upload_jpeg(_plate_crop(plate))
    payload: dict[str, Any] = {
        "track_id": track,
        "object_class": "car",
        "snapshot_sha256": frames["context_at"],
    }
    for name, sha256 in frames.items():
        payload[f"{name}_sha256"] = sha256
    payload["context_before_time"] = (at - timedelta(seconds=1)).isoformat()
    payload["context_at_time"] = at.isoformat()
    payload["context_after_time"] = (at + timedelta(seconds=1)).isoformat()
    if kind == "red_light":
        payload |= {
            "signal": "kalma-north",
            "signal_phase": "red",
            "phase_source": "schedule",
            "seconds_into_red": 2.4,
        }
    else:
        payload |= {"speed_kmh": 92.5, "limit_kmh": 60}
    rule = Event(type=f"rule.{kind}", time=at, camera_id=CAMERA, source="e2e-pipeline", payload=payload)
    read = PlateReadEvent(
        time=at + timedelta(milliseconds=600),
        camera_id=CAMERA,
        source="e2e-anpr",
        text=plate,
        matched=True,
        confidence=0.91 if kind == "red_light" else 0.64,
        crop_sha256=crop,
        snapshot_sha256=frames["context_at"],
        track_id=track,
    )
    return [rule, read]


def _wait_for_pending(api: Api, count: int) -> list[dict[str, Any]]:
    """Until the consumer has filed `count` violations of the camera, each with its plate attached."""
    import time

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        found = api.get("/api/v1/challan/violations", camera_id=CAMERA)
        if len(found) >= count and all(v["plate"] for v in found):
            return list(found)
        time.sleep(0.3)
    pytest.fail(f"violations not filed in time: {api.get('/api/v1/challan/violations', camera_id=CAMERA)}")


@pytest.fixture(scope="module")
def violations(server: Server) -> list[dict[str, Any]]:
    admin = Api(server, "admin")
    imported = admin.http.post(
        "/api/v1/challan/registry/import", content=REGISTRY_CSV, headers={"Content-Type": "text/csv"}
    )
    imported.raise_for_status()
    now = datetime.now(UTC).replace(microsecond=0)
    events = _violation_events(
        admin, kind="red_light", plate=RED_LIGHT_PLATE, track="e2e-1", at=now - timedelta(seconds=40)
    )
    events += _violation_events(
        admin, kind="speeding", plate=SPEEDING_PLATE, track="e2e-2", at=now - timedelta(seconds=30)
    )
    _publish(server, events)
    return _wait_for_pending(admin, 2)


def log_in(page: Page, username: str, password: str) -> None:
    page.goto("/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("button", name="Log out").wait_for()


def test_officer_accepts_one_violation_and_rejects_the_next(
    page: Page, server: Server, screenshots: Path, violations: list[dict[str, Any]]
) -> None:
    assert [v["violation_type"] for v in violations] == ["red_light", "speeding"]  # oldest first
    log_in(page, "traffic", server.password)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="E-challan").click()
    page.get_by_role("heading", name="Validation queue").wait_for()
    page.get_by_label("Camera id").fill(CAMERA)
    page.get_by_role("button", name="Show").click()
    queue = page.get_by_test_id("challan-queue")
    # The demo's traffic camera files violations of its own: wait for the queue of this camera only.
    page.get_by_test_id("queue-count").filter(has_text=re.compile(r"^2 pending violations\.$")).wait_for()
    queue.get_by_text("92.5 km/h in a 60 km/h limit").wait_for()
    rows = queue.locator("tbody tr")
    assert "Red light" in rows.nth(0).inner_text()
    assert RED_LIGHT_PLATE in rows.nth(0).inner_text()
    assert "low, 64% confidence" in rows.nth(1).inner_text()
    page.screenshot(path=screenshots / "challan-queue.png", full_page=True)

    # The oldest first: the red light, with its plate crop and context frames from the media store.
    page.get_by_role("button", name="Start with the oldest").click()
    view = page.get_by_test_id("validation-view")
    view.get_by_role("heading", name=f"Red light · {RED_LIGHT_PLATE}").wait_for()
    assert page.get_by_test_id("plate-read").inner_text() == RED_LIGHT_PLATE
    assert "signal red for 2.4 s" in page.get_by_test_id("measured").inner_text()
    view.get_by_role("img", name=re.compile(f"^Plate crop; the camera read {RED_LIGHT_PLATE}")).wait_for()
    for caption in ("Before", "At the violation", "After"):
        view.get_by_role("img", name=re.compile(f"^{caption}[ ,]")).first.wait_for()
    page.wait_for_function(
        "[...document.querySelectorAll('[data-testid=validation-view] img')]"
        ".every(image => image.complete && image.naturalWidth > 0)"
    )
    page.screenshot(path=screenshots / "challan-validation.png", full_page=True)

    # "a" accepts (the shortcut works because focus is not in a field); a ticket is issued.
    page.keyboard.press("a")
    notice = page.get_by_test_id("queue-notice")
    notice.get_by_text(re.compile(r"Accepted: ticket EC\d{6}-[A-Z0-9]{8} issued\.")).wait_for()
    ticket_number = re.search(r"EC\d{6}-[A-Z0-9]{8}", notice.inner_text())
    assert ticket_number is not None

    # The next one opens by itself: rejecting needs a reason.
    view.get_by_role("heading", name=f"Speeding · {SPEEDING_PLATE}").wait_for()
    assert "Low confidence" in view.get_by_role("region", name="Plate").inner_text()
    view.get_by_role("button", name="Reject").click()
    view.get_by_text("Choose the reason for rejecting.").wait_for()
    view.get_by_label("Rejection reason (required to reject)").select_option(label="Plate misread")
    view.get_by_label("Note (optional)").fill("The crop shows LEB-7306")
    view.get_by_role("button", name="Reject").click()
    notice.get_by_text("Rejected: Plate misread.").wait_for()
    page.get_by_text("No pending violations. The queue is empty.").wait_for()

    # The ticket, with the owner from the registry, and its PDF.
    page.get_by_role("navigation", name="E-challan").get_by_role("link", name="Tickets").click()
    page.get_by_test_id("tickets-table").get_by_role("link", name=ticket_number.group(0)).click()
    page.get_by_test_id("registry-owner").get_by_text(OWNER).wait_for()
    facts = page.get_by_test_id("ticket-facts").inner_text()
    assert RED_LIGHT_PLATE in facts
    assert "Red light" in facts
    assert page.get_by_test_id("ticket-status").inner_text() == "Issued"
    page.get_by_role("region", name="Ticket evidence").get_by_role(
        "img", name=re.compile("^Before,")
    ).wait_for()
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download PDF").click()
    download = download_info.value
    assert download.suggested_filename == f"{ticket_number.group(0)}.pdf"
    assert Path(download.path()).read_bytes().startswith(b"%PDF")
    page.screenshot(path=screenshots / "challan-ticket.png", full_page=True)

    page.get_by_label("New status").select_option(label="Mark delivered")
    page.get_by_role("button", name="Save status").click()
    page.get_by_text(f"Ticket {ticket_number.group(0)} is now delivered.").wait_for()

    # Supervisors see why violations are rejected.
    page.get_by_role("navigation", name="E-challan").get_by_role("link", name="Rejection statistics").click()
    by_reason = page.get_by_test_id("stats-by-reason")
    by_reason.get_by_role("rowheader", name="Plate misread").wait_for()
    camera_row = page.get_by_test_id("stats-by-camera").get_by_role("row").filter(has_text=CAMERA)
    assert re.search(r"Kalma Chowk.*\b1\b.*\b1\b.*50%", " ".join(camera_row.inner_text().split()))
    page.screenshot(path=screenshots / "challan-stats.png", full_page=True)
