"""The alert queue (/alerts) in a real browser against the real demo server.

Alerts are raised the way the city raises them: a panic button press (POST /api/v1/panic) and citizen
reports (POST /open311/v2/requests.json); both push `alert.created` over the live WebSocket.
"""

from __future__ import annotations

import json
import re
import urllib.request
import uuid
from pathlib import Path
from typing import TYPE_CHECKING
from typing import Any

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Locator
    from playwright.sync_api import Page

    from tests.e2e.conftest import Server

pytestmark = pytest.mark.slow

# Colour contrast of an element's text against the first opaque background behind it (WCAG 2 formula).
CONTRAST_JS = """
el => {
  const parse = (c) => {
    const parts = c.match(/rgba?\\(([^)]+)\\)/)[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return { r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1 };
  };
  let node = el;
  let background = null;
  while (node && !background) {
    const colour = parse(getComputedStyle(node).backgroundColor);
    if (colour.a > 0) background = colour;
    node = node.parentElement;
  }
  background = background || { r: 255, g: 255, b: 255 };
  const channel = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  const luminance = (c) => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  const text = luminance(parse(getComputedStyle(el).color));
  const [light, dark] = [text, luminance(background)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}
"""


def call(server: Server, method: str, path: str, body: object = None, token: str | None = None) -> Any:
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = None if body is None else json.dumps(body).encode()
    url = f"{server.base_url}{path}"
    request = urllib.request.Request(url, data=data, method=method, headers=headers)  # noqa: S310 (http://127.0.0.1)
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (http://127.0.0.1)
        return json.loads(response.read() or b"null")


def token_of(server: Server, username: str) -> str:
    answer = call(server, "POST", "/api/v1/auth/login", {"username": username, "password": server.password})
    return str(answer["access_token"])


def press_panic(server: Server, name: str) -> dict[str, Any]:
    """The women-safety phone app's panic button: a critical alert (with its incident already open)."""
    body = {"device_id": f"e2e-{uuid.uuid4().hex[:12]}", "latitude": 31.52, "longitude": 74.35, "name": name}
    return dict(call(server, "POST", "/api/v1/panic", body))


def citizen_report(server: Server, token: str, service_code: str, latitude: float) -> dict[str, Any]:
    """A citizen's Open311 report; returns the alert it raised."""
    body = {"service_code": service_code, "lat": latitude, "long": 74.3, "description": "at the bus stop"}
    report_id = int(call(server, "POST", "/open311/v2/requests.json", body)[0]["service_request_id"])
    alerts = call(server, "GET", "/api/v1/alerts?kind=citizen_report&limit=500", token=token)
    return next(a for a in alerts if a["details"].get("report_id") == report_id)


def log_in_to_alerts(page: Page, server: Server, username: str = "operator") -> None:
    page.goto("/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(server.password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/live$"))
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Alerts").click()
    page.get_by_role("heading", name="Alerts", level=1).wait_for()
    page.wait_for_selector("[data-testid=alerts-live-status][data-state=connected]")


def queue(page: Page) -> Locator:
    return page.get_by_role("listbox", name="Alert queue")


def option_titled(page: Page, title: str) -> Locator:
    return queue(page).get_by_role("option").filter(has_text=title)


def active_option_id(page: Page) -> str | None:
    return queue(page).get_attribute("aria-activedescendant")


# Every text the alert queue's live region announces, in order: the demo's cameras raise alerts of their
# own, so a test waits for its announcement among them instead of reading only the latest one.
RECORD_ANNOUNCEMENTS_JS = """
() => {
  window.announcements = [];
  const region = document.querySelector('[data-testid="alerts-announcement"]');
  const record = () => window.announcements.push(region.textContent);
  new MutationObserver(record).observe(region, { childList: true, characterData: true, subtree: true });
}
"""


def wait_for_announcement(page: Page, pattern: str) -> None:
    page.wait_for_function(
        "pattern => window.announcements.some(text => new RegExp(pattern).test(text))", arg=pattern
    )


def test_alert_arrives_live_and_is_acknowledged_with_the_keyboard(
    page: Page, server: Server, screenshots: Path
) -> None:
    log_in_to_alerts(page, server)
    page.get_by_test_id("alerts-announcement").wait_for(state="attached")
    page.evaluate(RECORD_ANNOUNCEMENTS_JS)

    caller = f"E2E Caller {uuid.uuid4().hex[:6]}"
    panic = press_panic(server, caller)
    row = option_titled(page, f"PANIC: {caller}")
    row.wait_for()  # no reload: the live socket brought it
    assert "Critical" in row.inner_text()
    assert "New" in row.get_by_test_id("alert-status").inner_text()
    wait_for_announcement(page, f"New critical alert {panic['alert_id']}\\b")

    queue(page).focus()
    page.keyboard.press("Home")  # the only critical alert is the most urgent: first in the queue
    assert active_option_id(page) == f"alert-option-{panic['alert_id']}"
    assert row.get_attribute("aria-selected") == "true"
    page.keyboard.press("a")
    row.get_by_test_id("alert-status").get_by_text("Acknowledged").wait_for()
    wait_for_announcement(page, f"^Alert {panic['alert_id']} acknowledged")

    stored = call(server, "GET", f"/api/v1/alerts/{panic['alert_id']}", token=token_of(server, "operator"))
    assert (stored["status"], stored["acknowledged_by"]) == ("acknowledged", "operator")
    # The panic already has its incident, so the details link to it instead of offering a new one.
    detail = page.get_by_test_id("alert-detail")
    incident_link = detail.get_by_role("link", name=f"Incident {panic['incident_id']}", exact=True)
    assert incident_link.get_attribute("href") == f"/incidents/{panic['incident_id']}"
    assert detail.get_by_role("button", name=re.compile("Create incident")).count() == 0
    assert detail.get_by_role("button", name=re.compile("^Acknowledge")).count() == 0

    # Queue text stays readable on the dark theme, for the selected row and the others.
    texts = (row.locator(".alert-title"), row.locator(".alert-row-meta"), row.get_by_test_id("alert-status"))
    for text in texts:
        assert text.evaluate(CONTRAST_JS) >= 4.5
    for other in queue(page).get_by_role("option").all()[:5]:
        assert other.locator(".alert-title").evaluate(CONTRAST_JS) >= 4.5
        assert other.locator(".alert-row-meta").evaluate(CONTRAST_JS) >= 4.5
    page.screenshot(path=screenshots / "alerts-queue.png", full_page=True)


def test_keyboard_navigation_dismissal_and_incident(page: Page, server: Server, screenshots: Path) -> None:
    token = token_of(server, "operator")
    harassment = citizen_report(server, token, "harassment", 31.601)
    street_crime = citizen_report(server, token, "street_crime", 31.602)
    missing = citizen_report(server, token, "missing_person", 31.603)
    log_in_to_alerts(page, server)
    page.get_by_label("Severity").select_option("high")
    for alert in (harassment, street_crime, missing):
        queue(page).locator(f"#alert-option-{alert['id']}").wait_for()
    # The filtered list replaces the unfiltered one (with the demo cameras' medium alerts) when it arrives.
    page.wait_for_function(
        """() => [...document.querySelectorAll('[role=listbox][aria-label="Alert queue"] [role=option]')]
            .every(option => /high/i.test(option.textContent))"""
    )

    # Arrows, j/k, Home and End move through the queue in its order; Enter opens the details.
    order = queue(page).evaluate("el => [...el.querySelectorAll('[role=option]')].map(o => o.id)")
    assert len(order) >= 3
    queue(page).focus()
    moves = (("Home", 0), ("ArrowDown", 1), ("j", 2), ("k", 1), ("ArrowUp", 0), ("End", len(order) - 1))
    for key, index in moves:
        page.keyboard.press(key)
        assert active_option_id(page) == order[index], key
    page.keyboard.press("Home")
    page.keyboard.press("Enter")
    heading = page.get_by_test_id("alert-detail").get_by_role("heading", level=2)
    assert heading.evaluate("el => el === document.activeElement")
    assert heading.inner_text().startswith(f"Alert {order[0].removeprefix('alert-option-')}:")
    page.keyboard.press("Escape")
    assert queue(page).evaluate("el => el === document.activeElement")

    # d asks for a reason; an empty one is refused in words and Escape cancels without dismissing.
    queue(page).locator(f"#alert-option-{missing['id']}").click()
    page.keyboard.press("d")
    dialog = page.get_by_role("dialog", name=f"Dismiss alert {missing['id']}")
    assert page.get_by_label("Reason (required)").evaluate("el => el === document.activeElement")
    dialog.get_by_role("button", name="Dismiss alert").click()
    assert dialog.get_by_role("alert").inner_text() == "Give a reason of at least 3 characters."
    page.keyboard.press("Escape")
    dialog.wait_for(state="detached")
    assert queue(page).evaluate("el => el === document.activeElement")  # focus returns to the queue
    assert call(server, "GET", f"/api/v1/alerts/{missing['id']}", token=token)["status"] == "new"

    page.evaluate(RECORD_ANNOUNCEMENTS_JS)
    page.keyboard.press("d")
    page.get_by_label("Reason (required)").fill("Child found by the family, confirmed by phone")
    dialog.get_by_role("button", name="Dismiss alert").click()
    queue(page).locator(f"#alert-option-{missing['id']}").wait_for(state="detached")  # open alerts only
    wait_for_announcement(page, f"^Alert {missing['id']} dismissed")
    stored = call(server, "GET", f"/api/v1/alerts/{missing['id']}", token=token)
    assert (stored["status"], stored["dismissed_reason"]) == (
        "dismissed",
        "Child found by the family, confirmed by phone",
    )

    # i creates an incident from the alert; the page links to it.
    queue(page).locator(f"#alert-option-{street_crime['id']}").click()
    page.keyboard.press("i")
    dialog = page.get_by_role("dialog", name=f"Create incident from alert {street_crime['id']}")
    incident_type = dialog.get_by_label("Incident type")
    incident_type.locator("option[value=street_crime]").wait_for(state="attached")
    assert incident_type.input_value() == "street_crime"  # suggested from the report's category
    page.screenshot(path=screenshots / "alerts-incident-dialog.png")
    dialog.get_by_role("button", name="Create incident").click()
    message = page.get_by_test_id("alert-action-message")
    link = message.get_by_role("link", name=re.compile(r"Open incident \d+"))
    incident_id = int(link.inner_text().rsplit(" ", 1)[1])
    assert link.get_attribute("href") == f"/incidents/{incident_id}"
    stored = call(server, "GET", f"/api/v1/alerts/{street_crime['id']}", token=token)
    assert stored["incident_id"] == incident_id
    detail = page.get_by_test_id("alert-detail")
    detail.get_by_role("link", name=f"Incident {incident_id}", exact=True).wait_for()
    assert detail.get_by_role("button", name=re.compile("Create incident")).count() == 0


def test_face_candidates_need_a_purpose(page: Page, server: Server, screenshots: Path) -> None:
    log_in_to_alerts(page, server)
    page.get_by_role("navigation", name="Alerts sections").get_by_role("link", name="Face candidates").click()
    page.get_by_role("button", name="Review face candidates").click()
    dialog = page.get_by_role("dialog", name="Purpose of this search")
    dialog.get_by_label("Purpose (required)").fill("Shift review of watchlist candidates")
    dialog.get_by_role("button", name="Continue").click()
    page.get_by_text("No pending face candidates.").wait_for()
    assert "Shift review of watchlist candidates" in page.get_by_test_id("faces-purpose").inner_text()
    page.screenshot(path=screenshots / "alerts-faces.png", full_page=True)
