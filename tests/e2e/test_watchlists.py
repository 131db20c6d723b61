"""Watchlists page (/admin/watchlists) in a real browser against the real server: a supervisor keeps vehicle
hotlists (entries, CSV import with a per-row report) and the person watchlist (subjects, face enrolment)."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import TYPE_CHECKING
from typing import Any

import pytest

from tests.conftest import shared_path
from tests.e2e.conftest import open_from_nav

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from tests.e2e.conftest import Server

pytestmark = pytest.mark.slow

# Face detection (HOG, then the CNN fallback on a picture without a face) can take seconds on a busy machine.
ENROLMENT_TIMEOUT_MS = 60_000


def log_in(page: Page, username: str, password: str) -> None:
    page.goto("/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(lambda url: not url.endswith("/login"))


def open_watchlists(page: Page, server: Server) -> None:
    log_in(page, "supervisor", server.password)
    open_from_nav(page, "Watchlists")
    page.get_by_role("heading", name="Watchlists", level=1).wait_for()


def api_headers(page: Page, server: Server, username: str = "supervisor") -> dict[str, str]:
    response = page.request.post(
        "/api/v1/auth/login", data={"username": username, "password": server.password}
    )
    assert response.ok, response.text()
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def api_get(page: Page, path: str, headers: dict[str, str]) -> Any:
    response = page.request.get(path, headers=headers)
    assert response.ok, response.text()
    return response.json()


def picture_without_a_face() -> bytes:
    """A plain gradient, like a photo of a wall: the enrolment gate must refuse it."""
    from PIL import Image

    image = Image.linear_gradient("L").resize((400, 300)).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG")
    return buffer.getvalue()


def test_supervisor_keeps_a_hotlist_and_imports_a_csv(page: Page, server: Server, screenshots: Path) -> None:
    open_watchlists(page, server)
    assert page.url.endswith("/admin/watchlists/vehicles")

    page.get_by_label("List name").fill("e2e-stolen")
    page.get_by_label("Kind").select_option("stolen")
    page.get_by_label("Description (purpose of the list)").fill("Vehicles reported stolen this month")
    page.get_by_role("button", name="Create hotlist").click()
    page.get_by_test_id("hotlists-status").get_by_text("Created hotlist e2e-stolen.").wait_for()
    row = page.get_by_test_id("hotlists-table").get_by_role("row").filter(has_text="e2e-stolen")
    assert "Vehicles reported stolen this month" in row.inner_text()
    page.screenshot(path=screenshots / "watchlists-hotlists.png", full_page=True)

    row.get_by_role("link", name="e2e-stolen").click()
    page.get_by_role("heading", name="Hotlist e2e-stolen").wait_for()
    page.get_by_label("Plate", exact=True).fill("leb 06 5700")
    # The form previews what the server stores and the key reads are matched on.
    page.get_by_text("matched on LEB5700").wait_for()
    page.get_by_label("Reason", exact=True).fill("stolen from the city market")
    page.get_by_label("Vehicle description").fill("white Corolla")
    page.get_by_role("button", name="Add plate").click()
    page.get_by_test_id("hotlist-status").get_by_text("Added LEB 06 5700.").wait_for()
    entries = page.get_by_test_id("entries-table")
    entries.get_by_role("rowheader", name="LEB 06 5700").wait_for()

    csv = b"plate,reason,vehicle\nAVV-584,wanted for robbery,red Mehran\nLEB*,a wildcard is not a plate,\n"
    page.get_by_label("CSV file").set_input_files(
        files=[{"name": "plates.csv", "mimeType": "text/csv", "buffer": csv}]
    )
    page.get_by_role("button", name="Import CSV").click()
    summary = page.get_by_test_id("import-summary")
    summary.get_by_text("Imported plates.csv: 1 added, 0 updated, 1 rejected.").wait_for()
    report = page.get_by_role("table", name="Every row of plates.csv")
    good = report.get_by_role("row").filter(has_text="AVV-584")
    bad = report.get_by_role("row").filter(has_text="LEB*")
    assert re.search(r"^2\s+AVV-584\s+✓ Imported$", good.inner_text().strip())
    assert "Rejected: plate: hotlist plates cannot contain wildcards" in bad.inner_text()
    entries.get_by_role("rowheader", name="AVV-584").wait_for()
    page.screenshot(path=screenshots / "watchlists-hotlist-detail.png", full_page=True)

    headers = api_headers(page, server)
    [hotlist] = [h for h in api_get(page, "/api/v1/hotlists", headers) if h["name"] == "e2e-stolen"]
    stored = api_get(page, f"/api/v1/hotlists/{hotlist['id']}/entries", headers)
    assert sorted((e["plate"], e["plate_key"], e["added_by"]) for e in stored) == [
        ("AVV-584", "AVV584", "supervisor"),
        ("LEB 06 5700", "LEB5700", "supervisor"),
    ]


def test_supervisor_adds_a_person_and_sees_a_picture_without_a_face_refused(
    page: Page, server: Server, screenshots: Path
) -> None:
    open_watchlists(page, server)
    page.get_by_role("link", name="Person watchlist").click()
    page.get_by_role("heading", name="Person watchlist").wait_for()

    page.get_by_label("Name", exact=True).fill("Ayesha Khan")
    page.get_by_label("Subject id (optional)").fill("e2e-missing-1")
    page.get_by_label("Category").select_option("missing")
    page.get_by_label("Case reference").fill("MP-17/2025")
    page.get_by_label("Legal basis").fill("missing-person report 17/2025")
    page.get_by_label("Reason", exact=True).fill("reported missing by her family")
    page.get_by_role("button", name="Add person").click()
    page.get_by_test_id("subjects-status").get_by_text("Added Ayesha Khan (e2e-missing-1).").wait_for()
    row = page.get_by_test_id("subjects-table").get_by_role("row").filter(has_text="Ayesha Khan")
    assert "No enrolled face: not matched yet" in row.inner_text()
    page.screenshot(path=screenshots / "watchlists-persons.png", full_page=True)

    row.get_by_role("link", name="Ayesha Khan").click()
    page.get_by_role("heading", name="Ayesha Khan", exact=True).wait_for()
    page.get_by_label("Face photos (JPEG or PNG)").set_input_files(
        files=[{"name": "blank-wall.jpg", "mimeType": "image/jpeg", "buffer": picture_without_a_face()}]
    )
    page.get_by_role("button", name="Enrol images").click()
    page.get_by_test_id("enrolment-outcomes").get_by_text(
        "✗ blank-wall.jpg: refused: no face found in blank-wall.jpg"
    ).wait_for(timeout=ENROLMENT_TIMEOUT_MS)
    page.get_by_text("No face images yet").wait_for()
    page.screenshot(path=screenshots / "watchlists-person-refused.png", full_page=True)


def test_supervisor_enrols_a_face_image_and_sees_its_thumbnail(
    page: Page, server: Server, screenshots: Path
) -> None:
    photo = shared_path("data/faces/obama/obama.jpg")
    open_watchlists(page, server)
    headers = api_headers(page, server)
    created = page.request.post(
        "/api/v1/watchlists/persons",
        headers=headers,
        data={
            "id": "e2e-wanted-1",
            "name": "Barack Obama",
            "category": "person_of_interest",
            "legal_authority": "court order 42/2025",
            "reason": "e2e enrolment check",
        },
    )
    assert created.status == 201, created.text()

    page.get_by_role("link", name="Person watchlist").click()
    page.get_by_role("link", name="Barack Obama").click()
    page.get_by_role("heading", name="Barack Obama", exact=True).wait_for()
    page.get_by_label("Face photos (JPEG or PNG)").set_input_files(photo)
    page.get_by_role("button", name="Enrol images").click()
    page.get_by_test_id("enrolment-outcomes").get_by_text("✓ obama.jpg: enrolled.").wait_for(
        timeout=ENROLMENT_TIMEOUT_MS
    )
    # The thumbnail is fetched with the bearer token and shown from an object URL: wait until it decodes.
    thumbnail = page.get_by_alt_text("Enrolled image 1 of Barack Obama")
    thumbnail.wait_for()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=thumbnail.element_handle())
    page.get_by_test_id("subject-summary").get_by_text("Active: 1 face enrolled").wait_for()
    page.screenshot(path=screenshots / "watchlists-person-detail.png", full_page=True)

    [subject] = [s for s in api_get(page, "/api/v1/watchlists/persons", headers) if s["id"] == "e2e-wanted-1"]
    assert (subject["vectors"], len(subject["images"])) == (1, 1)
