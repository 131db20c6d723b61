"""The console in a real browser against the real server: login, live page, users, audit, keyboard use."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.e2e.conftest import open_from_nav

if TYPE_CHECKING:
    from playwright.sync_api import Locator
    from playwright.sync_api import Page
    from playwright.sync_api import WebSocketRoute

    from tests.e2e.conftest import Server

pytestmark = pytest.mark.slow


def log_in(page: Page, username: str, password: str) -> None:
    page.goto("/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/(live|audit|admin/users|system)$"))


def log_out(page: Page) -> None:
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url(re.compile(r"/login$"))


def nav_labels(page: Page) -> list[str]:
    """The header's top-level entries: page links and menu buttons (Desks, Admin)."""
    entries = page.get_by_role("navigation", name="Main").locator(".nav > li > a, .nav > li > button")
    entries.first.wait_for()
    return [text.replace("▾", "").strip() for text in entries.all_inner_texts()]


def has_visible_focus(locator: Locator) -> bool:
    """The focused element draws an outline (the theme's :focus-visible ring)."""
    style = locator.evaluate(
        "el => { const s = getComputedStyle(el); return [s.outlineStyle, s.outlineWidth]; }"
    )
    return style[0] != "none" and style[1] not in ("0px", "")


def test_operator_sees_live_page_with_connected_feed(page: Page, server: Server, screenshots: Path) -> None:
    log_in(page, "operator", server.password)

    assert page.url.endswith("/live")
    page.get_by_role("heading", name="Live", level=1).wait_for()
    assert nav_labels(page) == ["Live", "Alerts", "Incidents", "Desks", "Analysis"]
    status = page.get_by_test_id("live-status")
    # The WebSocket's live.hello flips the indicator to connected.
    page.wait_for_selector("[data-testid=live-status][data-state=connected]")
    assert status.inner_text().strip() == "Connected"
    # The demo's five sample cameras (four streets and the traffic camera) are on the map, and their workers
    # bring them online.
    page.get_by_test_id("camera-map").wait_for()
    legend = page.get_by_role("list", name="Camera health summary")
    legend.get_by_text("Online: 5").wait_for(timeout=90_000)
    assert " ".join(legend.inner_text().split()).startswith("5 cameras")
    # A camera up close: the live view with the detections drawn, its health in words, its recent alerts.
    page.locator(".camera-grid").get_by_role("button", name=re.compile("Kalma Chowk")).click()
    detail = page.get_by_test_id("camera-detail")
    detail.get_by_role("heading", name="Kalma Chowk").wait_for()
    video = detail.get_by_role("img", name="Live view of Kalma Chowk with detections drawn")
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=video.element_handle())
    assert "Online" in detail.inner_text()
    page.get_by_label("Show detections").uncheck()
    detail.get_by_role("img", name="Live view of Kalma Chowk").wait_for()
    page.screenshot(path=screenshots / "live-operator.png", full_page=True)

    page.goto("/audit")
    page.get_by_role("heading", name="Not permitted").wait_for()


def test_admin_creates_user_and_auditor_sees_it(page: Page, server: Server, screenshots: Path) -> None:
    log_in(page, "admin", server.password)
    assert nav_labels(page)[-1] == "Admin"
    page.get_by_role("button", name="Admin").click()
    admin_menu = [t.strip() for t in page.locator(".nav-menu-list a").all_inner_texts()]
    assert admin_menu == ["Cameras", "Watchlists", "Retention", "Users", "System health"]  # no audit log
    page.get_by_role("link", name="Users").click()
    page.get_by_label("Username").fill("e2e.officer")
    page.get_by_label("Full name").fill("E2E Traffic Officer")
    page.get_by_label("Initial password").fill("a-long-enough-password")
    page.get_by_label("Role", exact=True).select_option("traffic_officer")
    page.get_by_role("button", name="Create user").click()
    page.get_by_test_id("users-message").get_by_text("Created user e2e.officer").wait_for()
    row = page.get_by_test_id("users-table").get_by_role("row").filter(has_text="e2e.officer")
    assert "Traffic officer" in row.get_by_role("combobox").evaluate("el => el.selectedOptions[0].text")

    row.get_by_role("button", name="Disable e2e.officer").click()
    page.wait_for_selector("text=e2e.officer disabled.")
    row.get_by_text("Disabled").wait_for()
    page.screenshot(path=screenshots / "users-admin.png", full_page=True)

    open_from_nav(page, "System health")
    page.get_by_test_id("system-status").get_by_text("All checks passing", exact=True).wait_for()
    # The demo's one in-process worker ("demo") holds every sample camera (claimed at its second lease tick).
    page.get_by_test_id("workers-summary").get_by_text(
        re.compile(r"1 of 1 worker alive · \d+ cameras, all watched")
    ).wait_for()
    demo_worker = page.get_by_test_id("workers-table").get_by_role("row", name=re.compile(r"^demo "))
    assert "Alive" in demo_worker.inner_text()
    leases = page.get_by_test_id("camera-leases-table").locator("tbody tr")
    assert leases.count() >= 1
    assert leases.filter(has_text="demo").filter(has_text="Held").count() == leases.count()
    assert demo_worker.get_by_role("cell").nth(2).inner_text() == str(leases.count())
    page.screenshot(path=screenshots / "system-admin.png", full_page=True)
    log_out(page)

    log_in(page, "auditor", server.password)
    assert page.url.endswith("/audit")
    assert nav_labels(page) == ["Audit log"]
    page.get_by_label("Action").fill("user.*")
    page.get_by_role("button", name="Apply filters").click()
    table = page.get_by_test_id("audit-table")
    table.get_by_text("user.create").wait_for()
    assert "e2e.officer" in table.inner_text()
    assert "user.update" in table.inner_text()

    page.get_by_role("button", name="Verify chain").click()
    result = page.get_by_test_id("verify-result")
    result.get_by_text("Chain intact").wait_for()
    assert re.search(r"\d+ entries checked", result.inner_text())
    page.screenshot(path=screenshots / "audit-auditor.png", full_page=True)


def test_wrong_password_and_expired_session(page: Page, server: Server, screenshots: Path) -> None:
    page.goto("/login")
    page.get_by_label("Username").fill("operator")
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Log in").click()
    assert page.get_by_role("alert").inner_text() == "Wrong username or password."
    page.screenshot(path=screenshots / "login-error.png")

    # A token the server no longer accepts and no refresh cookie to renew it (the shift's login has ended):
    # the first API call gets 401, the refresh fails, and the console returns to login.
    log_in(page, "admin", server.password)
    page.context.clear_cookies()
    page.evaluate(
        """() => {
            const s = JSON.parse(sessionStorage.getItem('safecity.session'));
            s.token = 'revoked';
            sessionStorage.setItem('safecity.session', JSON.stringify(s));
        }"""
    )
    page.goto("/admin/users")
    page.wait_for_url(re.compile(r"/login$"))
    page.get_by_text("Your session ended").wait_for()


def test_keyboard_only_login_and_navigation(page: Page, server: Server, screenshots: Path) -> None:
    page.goto("/login")
    username = page.get_by_label("Username")
    assert username.evaluate("el => el === document.activeElement")  # autofocus
    page.keyboard.type("admin")
    page.keyboard.press("Tab")
    password = page.get_by_label("Password")
    assert password.evaluate("el => el === document.activeElement")
    assert has_visible_focus(password)
    page.keyboard.type(server.password)
    page.keyboard.press("Tab")
    submit = page.get_by_role("button", name="Log in")
    assert submit.evaluate("el => el === document.activeElement")
    assert has_visible_focus(submit)
    page.screenshot(path=screenshots / "keyboard-login.png")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/live$"))
    # After login focus starts at the top of the new page, as after a full page load.
    page.wait_for_function("document.activeElement && document.activeElement.classList.contains('shell')")

    # First Tab: the skip link, shown on screen while focused.
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    assert skip.evaluate("el => el === document.activeElement")
    box = skip.bounding_box()
    assert box is not None
    assert box["y"] >= 0
    # Then the navigation, in order, each with a visible focus ring.
    labels = nav_labels(page)
    assert labels[-1] == "Admin"
    nav = page.get_by_role("navigation", name="Main")
    for label in labels:
        page.keyboard.press("Tab")
        entry = nav.locator(".nav > li > a, .nav > li > button").filter(has_text=label).first
        assert entry.evaluate("el => el === document.activeElement"), f"{label} not focused"
        assert has_visible_focus(entry), f"{label} has no visible focus"
    page.keyboard.press("Enter")  # opens the Admin menu; its pages follow in Tab order
    for _ in range(5):
        page.keyboard.press("Tab")
    system = nav.get_by_role("link", name="System health")
    assert system.evaluate("el => el === document.activeElement")
    page.screenshot(path=screenshots / "keyboard-nav.png")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/system$"))
    page.get_by_role("heading", name="System health", level=1).wait_for()


FAKE_CAMERAS = [
    {
        "id": f"cam-{index}",
        "name": f"Junction {index}",
        "latitude": 18.52 + index * 0.004,
        "longitude": 73.85 + index * 0.003,
        "district": "Central" if index % 2 else "East",
        "enabled": index != 4,
        "health": {"state": state, "since": "2025-01-01T00:00:00Z", "fps": 12.5},
    }
    for index, state in enumerate(["online", "online", "offline", "frozen", "unknown"])
]


def _live_events() -> list[str]:
    base = {"time": "2025-01-01T10:00:00Z", "source": "e2e"}
    alert = {"id": "e1", "type": "alert.raised", "camera_id": "cam-3", "payload": {"rule": "loitering"}}
    health = {"id": "e2", "type": "camera.health", "camera_id": "cam-0", "payload": {"state": "offline"}}
    return [json.dumps({**base, **alert}), json.dumps({**base, **health})]


def test_live_page_against_the_camera_contract(page: Page, server: Server, screenshots: Path) -> None:
    """Cameras in every health state and scripted live events, served from the browser to check the page."""
    body = json.dumps(FAKE_CAMERAS)
    page.route(
        re.compile(r".*/api/v1/cameras$"),
        lambda route: route.fulfill(status=200, content_type="application/json", body=body),
    )
    # Play the server's side of the live socket, to send exactly the events under test.
    sockets: list[WebSocketRoute] = []

    def accept(ws: WebSocketRoute) -> None:
        ws.send(json.dumps({"type": "live.hello", "user": "operator", "topics": [">"]}))
        sockets.append(ws)

    page.route_web_socket(re.compile(r".*/api/v1/live.*"), accept)
    log_in(page, "operator", server.password)

    legend = page.get_by_role("list", name="Camera health summary")
    legend.get_by_text("Online: 2").wait_for()
    summary = " ".join(legend.inner_text().split())
    assert summary.startswith("5 cameras")
    assert "Offline: 1" in summary
    grid = page.locator(".camera-grid > li")
    assert grid.count() == 4  # one page of tiles; the rest behind "Next"
    page.get_by_text("Page 1 of 2").wait_for()
    # Cameras unknown to the server: MJPEG fails and tiles show a placeholder, not a broken image.
    page.get_by_text("No live video").first.wait_for()
    page.wait_for_selector("[data-testid=live-status][data-state=connected]")
    # Every socket the console opened gets them: the page's feed and the alarm pop-up each keep their own.
    for message in _live_events():
        for socket in sockets:
            socket.send(message)
    feed = page.get_by_test_id("event-feed")
    feed.get_by_text("Alert raised: rule loitering").wait_for()  # in words, never raw JSON
    assert "Junction 3" in feed.inner_text()  # camera ids are shown by name
    # The camera.health event turned Junction 0 from online to offline.
    legend.get_by_text("Offline: 2").wait_for()
    tile = page.locator(".camera-grid").get_by_role("button", name=re.compile("Junction 1"))
    tile.click()
    assert tile.get_attribute("aria-pressed") == "true"
    page.screenshot(path=screenshots / "live-cameras.png", full_page=True)

    page.get_by_label("Health", exact=True).select_option("offline")
    assert grid.count() == 2
    assert "Junction 0" in grid.first.inner_text()
