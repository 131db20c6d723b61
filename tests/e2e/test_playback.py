"""Recorded video in a real browser, the way an operator finds and keeps footage (issue 14's must-show).

Open an alert → its "Play video" opens the player at the alert's moment (minus the 10 s pre-roll) → mark a
20-second range → export it to an evidence case → the case lists the clip with the hash the export showed;
then `safecity evidence verify`, run against the demo's data directory, finds the vault intact.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import uuid
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from typing import Any
from urllib.parse import urlencode

import pytest

from tests.e2e.test_alerts import call
from tests.e2e.test_alerts import token_of
from tests.support.polling import eventually

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from tests.e2e.conftest import Server

pytestmark = pytest.mark.slow

CAMERA = "lhr-kalma-chowk"  # a demo camera, recording from the sample clip
PRE_ROLL = timedelta(seconds=10)
CLIP = timedelta(seconds=20)
# The footage the journey needs around the alert: the pre-roll before it, the clip after it.
BEFORE, AFTER = PRE_ROLL + timedelta(seconds=2), CLIP + timedelta(seconds=3)
# The demo records 60-second segments; the first is listed once it is finished.
FIRST_SEGMENT_TIMEOUT_S = 150.0
REPO_ROOT = Path(__file__).resolve().parents[2]


def data_dir(server: Server) -> Path:
    return server.log_path.parent / "data"


def recorded_moment(server: Server, token: str) -> datetime:
    """A moment the camera recorded with BEFORE and AFTER around it, in one finished (playable) segment."""

    def find() -> datetime | None:
        now = datetime.now(UTC)
        query = urlencode(
            {
                "start": (now - timedelta(minutes=20)).isoformat(),
                "end": now.isoformat(),
                "purpose": "e2e: waiting for recorded footage",
            }
        )
        listing = call(server, "GET", f"/api/v1/cameras/{CAMERA}/recordings?{query}", token=token)
        for segment in reversed(listing["segments"]):
            if segment.get("in_progress"):
                continue  # still being written: listed, not playable yet
            start, end = (datetime.fromisoformat(segment[key]) for key in ("start", "end"))
            if end - start >= BEFORE + AFTER:
                return start + BEFORE
        return None

    return eventually(find, f"a finished recording of {CAMERA}", FIRST_SEGMENT_TIMEOUT_S)


def raise_camera_alert(server: Server, token: str, at: datetime) -> dict[str, Any]:
    """A loitering rule fires on the camera at `at` (on the server's bus, as the pipeline publishes it)."""
    from safecity.core.bus import Event
    from safecity.core.bus.message_log import MessageLog
    from safecity.core.db import Database

    rule = f"e2e gate {uuid.uuid4().hex[:6]}"
    event = Event(
        type="rule.loitering", time=at, camera_id=CAMERA, source="e2e-pipeline", payload={"rule": rule}
    )
    database = Database(f"sqlite:///{(data_dir(server) / 'safecity.db').resolve()}")
    try:
        MessageLog(database).append(event)
    finally:
        database.dispose()

    def created() -> dict[str, Any] | None:
        alerts = call(server, "GET", f"/api/v1/alerts?camera_id={CAMERA}&limit=500", token=token)
        return next((a for a in alerts if a["details"].get("rule") == rule), None)

    return eventually(created, f"the alert of rule {rule!r}")


def wall_clock(page: Page) -> datetime:
    text = page.get_by_test_id("wall-clock").get_attribute("data-time")
    assert text, "the player shows no frame time"
    return datetime.fromisoformat(text)


def wait_for_wall_clock(page: Page, expected: datetime, tolerance_s: float = 0.5) -> None:
    page.wait_for_function(
        "([expected, tolerance]) => {"
        "  const shown = document.querySelector('[data-testid=wall-clock]')?.dataset.time;"
        "  return shown && Math.abs(Date.parse(shown) - Date.parse(expected)) <= tolerance * 1000;"
        "}",
        arg=[expected.isoformat(), tolerance_s],
    )


def test_alert_to_exported_clip_in_a_case(page: Page, server: Server, screenshots: Path) -> None:
    supervisor = token_of(server, "supervisor")
    reference = f"FIR CLIP-{uuid.uuid4().hex[:6]}"
    body = {"reference": reference, "title": "Loitering at the gate"}
    case = call(server, "POST", "/api/v1/evidence/cases", body, supervisor)
    moment = recorded_moment(server, supervisor)
    alert = raise_camera_alert(server, supervisor, moment)
    alert_at = datetime.fromisoformat(alert["first_seen"])

    page.goto("/login")
    page.get_by_label("Username").fill("supervisor")
    page.get_by_label("Password").fill(server.password)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("button", name="Log out").wait_for()

    # The alert's details offer its video; the player opens at the alert's moment minus the pre-roll.
    page.goto(f"/alerts/{alert['id']}")
    page.get_by_test_id("alert-detail").get_by_role("link", name="Play video").click()
    page.wait_for_url(re.compile(rf"/cameras/{CAMERA}/playback\?at="))
    purpose = page.get_by_role("dialog", name="Purpose of this search")
    purpose.get_by_label("Purpose (required)").fill(f"Review of alert {alert['id']} for {reference}")
    purpose.get_by_role("button", name="Continue").click()
    wait_for_wall_clock(page, alert_at - PRE_ROLL)
    timeline = page.get_by_test_id("timeline")
    timeline.locator(".timeline-recorded").first.wait_for()
    timeline.locator(".timeline-mark-alert").first.wait_for(state="attached")
    page.screenshot(path=screenshots / "playback-1-player.png", full_page=True)

    # Forward 10 s to the alert itself, mark in; 20 s on, mark out.
    page.get_by_role("button", name=re.compile(r"^\+10 s")).click()
    wait_for_wall_clock(page, alert_at)
    page.get_by_role("button", name=re.compile("^Mark in")).click()
    for step in (1, 2):
        page.get_by_role("button", name=re.compile(r"^\+10 s")).click()
        wait_for_wall_clock(page, alert_at + step * timedelta(seconds=10))
    page.get_by_role("button", name=re.compile("^Mark out")).click()
    selection = page.get_by_test_id("selection")
    selection.get_by_text("20.0 s").wait_for()
    in_at = wall_clock(page) - CLIP

    # Export the range to the case: the dialog shows the stored clip's hash.
    page.get_by_role("button", name=re.compile("^Export to case")).click()
    dialog = page.get_by_role("dialog", name="Export to case")
    dialog.get_by_label("Case (required)").select_option(str(case["id"]))
    dialog.get_by_label("Purpose of the export (required)").fill(f"Evidence of loitering for {reference}")
    dialog.get_by_role("button", name="Export clip").click()
    sha256 = dialog.get_by_test_id("export-sha256").inner_text()
    assert re.fullmatch(r"[0-9a-f]{64}", sha256)
    page.screenshot(path=screenshots / "playback-2-exported.png", full_page=True)

    # The case lists the clip with that hash.
    dialog.get_by_role("link", name="Open case").click()
    page.wait_for_url(re.compile(rf"/evidence/cases/{case['id']}$"))
    row = page.get_by_test_id("items-table").get_by_role("row").filter(has_text=sha256)
    row.wait_for()
    assert "clip" in row.inner_text()
    page.screenshot(path=screenshots / "playback-3-case.png", full_page=True)

    items = call(server, "GET", f"/api/v1/evidence/items?case_id={case['id']}", token=supervisor)
    (clip,) = [item for item in items if item["sha256"] == sha256]
    assert (clip["kind"], clip["camera_id"]) == ("clip", CAMERA)
    clip_start, clip_end = (datetime.fromisoformat(clip[key]) for key in ("start", "end"))
    assert abs(clip_start - in_at) <= timedelta(seconds=1)
    assert abs(clip_end - clip_start - CLIP) <= timedelta(seconds=1)

    python_path = [str(REPO_ROOT / "src"), os.environ.get("PYTHONPATH")]
    verified = subprocess.run(
        [sys.executable, "-c", "from safecity.cli import main; main()", "evidence", "verify", "--json"],
        cwd=REPO_ROOT,
        env={
            **os.environ,
            "SAFECITY_DATA_DIR": str(data_dir(server)),
            "PYTHONPATH": os.pathsep.join(filter(None, python_path)),
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert verified.returncode == 0, verified.stdout + verified.stderr
    report = json.loads(verified.stdout)
    assert report["ok"] is True
    assert report["items"] >= 1
