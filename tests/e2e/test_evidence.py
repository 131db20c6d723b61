"""Evidence and retention in a real browser against the real server: a case (its details edited), an
uploaded image with its hash and chain of custody, a redaction of regions drawn with the mouse and the
keyboard (checked to be blurred in the downloaded copy), a signed bundle whose download hashes to the shown
hash, a legal hold placed and released with a reason."""

from __future__ import annotations

import hashlib
import io
import json
import re
import urllib.parse
import urllib.request
import uuid
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING
from typing import Any

import pytest

from tests.e2e.conftest import open_from_nav

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from tests.e2e.conftest import Server

pytestmark = pytest.mark.slow

PURPOSE = "Investigating the reported theft"


def api_bytes(server: Server, method: str, path: str, token: str | None = None, body: Any = None) -> bytes:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = json.dumps(body).encode() if body is not None else None
    url = f"{server.base_url}{path}"
    request = urllib.request.Request(url, data=data, headers=headers, method=method)  # noqa: S310 (http://127.0.0.1)
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (http://127.0.0.1)
        return bytes(response.read())


def api(server: Server, method: str, path: str, token: str | None = None, body: Any = None) -> Any:
    return json.loads(api_bytes(server, method, path, token, body))


def pixels(data: bytes) -> Any:
    """An image file's pixels as an (H, W, 3) float array."""
    import numpy as np
    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(data)).convert("RGB"), dtype=np.float64)


def variance(image: Any, box: list[int]) -> float:
    """Mean per-channel pixel variance inside `box` [x1, y1, x2, y2]: blurring makes it drop."""
    x1, y1, x2, y2 = box
    return float(image[y1:y2, x1:x2].reshape(-1, 3).var(axis=0).mean())


def token_of(server: Server, username: str) -> str:
    login = {"username": username, "password": server.password}
    return str(api(server, "POST", "/api/v1/auth/login", body=login)["access_token"])


def log_in(page: Page, username: str, password: str) -> None:
    page.goto("/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(lambda url: not url.endswith("/login"))


def scene_png() -> bytes:
    """A small street-like picture with no faces: what gets blurred is what the investigator draws."""
    from PIL import Image
    from PIL import ImageDraw

    image = Image.new("RGB", (320, 240), (60, 70, 80))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 160, 320, 240), fill=(90, 90, 90))
    draw.rectangle((180, 120, 300, 190), fill=(200, 30, 30))  # a car
    draw.rectangle((215, 170, 265, 184), fill=(240, 240, 240))  # its number plate
    draw.text((218, 171), "LEB 570", fill=(0, 0, 0))  # with characters: busy pixels, until blurred
    draw.rectangle((12, 12, 66, 46), fill=(20, 20, 20))  # a shop screen
    draw.text((16, 24), "12:04", fill=(0, 255, 0))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def test_investigator_collects_redacts_and_exports_a_signed_bundle(
    page: Page, server: Server, screenshots: Path, tmp_path: Path
) -> None:
    reference = f"FIR E2E-{uuid.uuid4().hex[:8]}"
    picture = tmp_path / "scene.png"
    picture.write_bytes(scene_png())
    expected_sha = hashlib.sha256(picture.read_bytes()).hexdigest()

    log_in(page, "investigator", server.password)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Evidence").click()
    page.get_by_role("heading", name="Evidence", level=1).wait_for()

    # Open a case; it is listed with its reference, title and status.
    page.get_by_label("Case reference").fill(reference)
    page.get_by_label("Title").fill("Theft near the market")
    page.get_by_role("button", name="Open case").click()
    page.get_by_text(f"Opened case {reference}.").wait_for()
    row = page.get_by_test_id("cases-table").get_by_role("row").filter(has_text=reference)
    assert "Theft near the market" in row.inner_text()
    assert "Open" in row.inner_text()
    page.screenshot(path=screenshots / "evidence-cases.png", full_page=True)

    # Collect the picture into the case: the table shows the server's SHA-256, which is the file's.
    row.get_by_role("link", name=reference).click()
    page.get_by_role("heading", name=re.compile(f"Case {reference}")).wait_for()

    # Edit the case's details: title, incident reference, description; the reference stays.
    page.get_by_role("button", name="Edit details").click()
    page.get_by_label("Case title").fill("Theft of a car near the market")
    page.get_by_label("Incident reference").fill("INC-2026-0042")
    page.get_by_label("Case description").fill("Red car seen leaving at 12:04.")
    page.get_by_role("button", name="Save details").click()
    page.get_by_text("Case details saved.").wait_for()
    page.get_by_role("heading", name=f"Case {reference}: Theft of a car near the market").wait_for()
    facts = page.get_by_test_id("case-facts").inner_text()
    assert "INC-2026-0042" in facts
    assert "Red car seen leaving at 12:04." in facts
    investigator = token_of(server, "investigator")
    cases = api(server, "GET", "/api/v1/evidence/cases", investigator)
    case = next(c for c in cases if c["reference"] == reference)
    assert (case["title"], case["incident_ref"]) == ("Theft of a car near the market", "INC-2026-0042")

    page.get_by_label("File", exact=True).set_input_files(str(picture))
    page.get_by_label("Description (optional)").fill("Photo handed in by the complainant")
    page.get_by_role("button", name="Add item").click()
    page.get_by_text(re.compile(f"Collected item \\d+, SHA-256 {expected_sha}")).wait_for()
    items = page.get_by_test_id("items-table")
    assert expected_sha in items.inner_text()

    # The item: hash, source and custody, oldest first, starting with its collection.
    items.get_by_role("link", name=re.compile(r"Item \d+ \(scene\.png\)")).click()
    page.get_by_role("heading", name=re.compile(r"Item \d+ \(scene\.png\)"), level=1).wait_for()
    assert page.get_by_test_id("item-sha256").inner_text() == expected_sha
    assert "Uploaded file" in page.get_by_test_id("item-facts").inner_text()
    custody = page.get_by_test_id("custody-table")
    custody.get_by_role("cell", name="Collected").wait_for()

    # Opening the file asks why, then shows it; the view is written into the custody.
    page.get_by_role("button", name="Open content").click()
    dialog = page.get_by_role("dialog", name="Purpose of this search")
    dialog.get_by_label("Purpose (required)").fill(PURPOSE)
    dialog.get_by_label("Case reference (optional)").fill(reference)
    dialog.get_by_role("button", name="Continue").click()
    page.get_by_role("img", name=re.compile(r"Content of item \d+")).wait_for()
    custody.get_by_role("cell", name="Viewed").wait_for()
    assert PURPOSE in custody.inner_text()

    # Mark the number plate with the mouse and a second region by keyboard.
    area = page.get_by_test_id("region-drawing-area")
    box = area.bounding_box()
    assert box is not None
    scale = box["width"] / 320
    page.mouse.move(box["x"] + 215 * scale, box["y"] + 170 * scale)
    page.mouse.down()
    page.mouse.move(box["x"] + 240 * scale, box["y"] + 178 * scale, steps=4)
    page.mouse.move(box["x"] + 265 * scale, box["y"] + 184 * scale, steps=4)
    page.mouse.up()
    regions = page.get_by_role("list", name="Marked regions")
    regions.get_by_text("Region 1:").wait_for()
    page.get_by_label("Left (px)").fill("300")
    page.get_by_label("Top (px)").fill("10")
    page.get_by_label("Width (px)").fill("60")
    page.get_by_label("Height (px)").fill("40")
    page.get_by_role("button", name="Add region").click()
    assert "at most 20 from left 300" in page.get_by_text("Reaches past the right edge").inner_text()
    page.get_by_label("Left (px)").fill("10")
    page.get_by_role("button", name="Add region").click()
    regions.get_by_text("Region 2: left 10, top 10, 60 × 40 px").wait_for()

    # The server blurs the faces it finds (none here), the plates the ANPR reader finds and both drawn
    # regions into a new item, shown with what was blurred outlined.
    page.get_by_role("checkbox", name=re.compile("Also blur number plates")).check()
    page.get_by_role("button", name="Create redacted copy").click()
    review = page.get_by_test_id("derivative-review")
    made = review.get_by_text(re.compile(r"made from item \d+"))
    made.wait_for(timeout=120_000)
    summary = page.get_by_test_id("redaction-summary")
    summary.wait_for()
    assert "2 drawn regions" in summary.inner_text()
    assert "plate region" in summary.inner_text()
    assert "left 10, top 10, 60 × 40 px" in summary.inner_text()
    assert "still visible" not in review.inner_text()
    page.get_by_role("img", name=re.compile(r"Redacted copy, item \d+")).wait_for()
    custody.get_by_role("cell", name="Redacted copy made").wait_for()
    page.screenshot(path=screenshots / "evidence-item.png", full_page=True)

    # The downloaded copy is blurred inside the drawn plate region and identical outside what was blurred.
    numbers = re.findall(r"item (\d+)", made.inner_text(), re.IGNORECASE)
    derivative_id, original_id = int(numbers[0]), int(numbers[1])
    chain = api(server, "GET", f"/api/v1/evidence/items/{derivative_id}/custody", investigator)
    details = json.loads(chain["entries"][0]["details"])
    drawn = details["drawn_regions"]
    assert len(drawn) == 2
    assert drawn[1] == [10, 10, 70, 50]
    plate_box = drawn[0]
    assert abs(plate_box[0] - 215) <= 2
    assert abs(plate_box[2] - 265) <= 2
    query = f"content?purpose={urllib.parse.quote(PURPOSE)}"
    before = pixels(api_bytes(server, "GET", f"/api/v1/evidence/items/{original_id}/{query}", investigator))
    after = pixels(api_bytes(server, "GET", f"/api/v1/evidence/items/{derivative_id}/{query}", investigator))
    assert variance(after, plate_box) < 0.2 * variance(before, plate_box)
    assert not (after[10:50, 10:70] == before[10:50, 10:70]).all()
    outside = (before == before).all(axis=2)
    for x1, y1, x2, y2 in details["regions"]:
        outside[y1:y2, x1:x2] = False
    assert (after[outside] == before[outside]).all()

    # Export the original as a signed bundle and save it.
    page.get_by_role("link", name="Back to the case").click()
    page.get_by_role("checkbox", name=re.compile(r"Export Item \d+ \(scene\.png\)")).check()
    page.get_by_role("radio", name="Original files").check()
    page.get_by_role("button", name="Export 1 item").click()
    result = page.get_by_test_id("bundle-result")
    result.get_by_text("matches the bytes received").wait_for(timeout=60_000)
    shown_sha = page.get_by_test_id("bundle-sha256").inner_text().strip()
    shown_fingerprint = page.get_by_test_id("bundle-fingerprint").inner_text().strip()
    result.get_by_text("matches the server's published signing key").wait_for()
    page.screenshot(path=screenshots / "evidence-export.png", full_page=True)

    with page.expect_download() as download_info:
        result.get_by_role("link", name=re.compile(r"Save bundle evidence-.*\.zip")).click()
    saved = tmp_path / "bundle.zip"
    download_info.value.save_as(saved)
    data = saved.read_bytes()
    assert len(data) > 0
    assert hashlib.sha256(data).hexdigest() == shown_sha
    with zipfile.ZipFile(saved) as bundle:
        manifest = json.loads(bundle.read("manifest.json"))
    assert manifest["public_key_fingerprint"] == shown_fingerprint
    key = api(server, "GET", "/api/v1/evidence/signing-key", token_of(server, "investigator"))
    assert key["fingerprint"] == shown_fingerprint


def test_admin_places_and_releases_a_legal_hold(page: Page, server: Server, screenshots: Path) -> None:
    reference = f"FIR HOLD-{uuid.uuid4().hex[:8]}"
    investigator = token_of(server, "investigator")
    case = api(
        server, "POST", "/api/v1/evidence/cases", investigator, {"reference": reference, "title": "Hold me"}
    )

    log_in(page, "admin", server.password)
    open_from_nav(page, "Retention")
    page.get_by_role("heading", name="Retention", level=1).wait_for()
    # The policies in force, with what a sweep now would delete.
    report = page.get_by_test_id("retention-report")
    evidence_row = report.get_by_role("row").filter(has_text="(evidence)")
    assert "365 days" in evidence_row.inner_text()
    assert "(recordings)" in report.inner_text()

    # A reason is required; then the hold is placed on the case.
    page.get_by_label("Hold covers").select_option("case")
    page.get_by_label("Case", exact=True).select_option(str(case["id"]))
    page.get_by_label("Reason").fill("x")
    page.get_by_role("button", name="Place hold").click()
    page.get_by_text("Give the reason for the hold").wait_for()
    page.get_by_label("Reason").fill("Court order 17/2026: preserve all material")
    page.get_by_label("Case reference (optional)").fill(reference)
    page.get_by_role("button", name="Place hold").click()
    placed = page.get_by_text(re.compile(r"Placed hold \d+\."))
    placed.wait_for()
    hold_id = int(re.findall(r"\d+", placed.inner_text())[0])
    row = page.get_by_test_id("holds-table").get_by_role("row").filter(has_text=f"Hold {hold_id}")
    assert f"Case {reference}" in row.inner_text()
    assert "Court order 17/2026" in row.inner_text()
    page.screenshot(path=screenshots / "retention-admin.png", full_page=True)

    # Releasing takes a confirmation and a reason; the hold then leaves the active list and shows as
    # released, with who, when and why.
    row.get_by_role("button", name=f"Release hold {hold_id}").click()
    page.get_by_role("button", name=f"Confirm release of hold {hold_id}").click()
    page.get_by_text("Give the reason for releasing the hold").wait_for()
    page.get_by_label(f"Reason for releasing hold {hold_id}").fill("Order 17/2026 set aside on appeal")
    page.get_by_role("button", name=f"Confirm release of hold {hold_id}").click()
    page.get_by_test_id("retention-message").get_by_text(f"Released hold {hold_id}.").wait_for()
    page.get_by_role("row").filter(has_text=f"Hold {hold_id}").wait_for(state="detached")
    page.get_by_label("Show released holds").check()
    released = page.get_by_test_id("holds-table").get_by_role("row").filter(has_text=f"Hold {hold_id}")
    released.get_by_text(re.compile("Released .* by admin")).wait_for()
    assert "Reason: Order 17/2026 set aside on appeal" in released.inner_text()
    page.screenshot(path=screenshots / "retention-released.png", full_page=True)
    holds = api(server, "GET", "/api/v1/holds?include_released=true", investigator)
    hold = next(h for h in holds if h["id"] == hold_id)
    assert hold["released_by"] == "admin"
    assert hold["release_reason"] == "Order 17/2026 set aside on appeal"
