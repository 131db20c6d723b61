"""End-to-end fixtures: the real server (`safecity demo`) serving the built console, driven by Chromium.

Nothing is built here: run `npm run build` in web/ first. The tests skip, saying why, when web/dist or
/usr/bin/chromium is missing.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.e2e.map_data import write_map_files

REPO_ROOT = Path(__file__).resolve().parents[2]
# Another build of the console (say, one per working copy) can be tested with SAFECITY_E2E_WEB_DIST.
WEB_DIST = Path(os.environ.get("SAFECITY_E2E_WEB_DIST", REPO_ROOT / "web" / "dist")).resolve()
CHROMIUM = Path(os.environ.get("SAFECITY_E2E_CHROMIUM", "/usr/bin/chromium"))
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
DEMO_PASSWORD = "e2e-demo-password"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
STARTUP_TIMEOUT_S = 180.0  # a cold start converts the sample clip and migrates a new database

if TYPE_CHECKING:
    from playwright.sync_api import Browser
    from playwright.sync_api import Page


@dataclass(frozen=True)
class Server:
    base_url: str
    password: str
    log_path: Path


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_healthy(url: str, process: subprocess.Popen[bytes], log_path: Path) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"safecity demo exited with {process.returncode}:\n{log_path.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/api/health", timeout=2) as response:  # noqa: S310 (http://127.0.0.1)
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.3)
    pytest.fail(f"safecity demo not healthy after {STARTUP_TIMEOUT_S}s:\n{log_path.read_text()[-3000:]}")


def require_prerequisites() -> None:
    if not (WEB_DIST / "index.html").is_file():
        pytest.skip(f"console not built: {WEB_DIST}/index.html missing (run npm ci && npm run build in web)")
    if not CHROMIUM.is_file():
        pytest.skip(f"no Chromium at {CHROMIUM} (install Debian's chromium or set SAFECITY_E2E_CHROMIUM)")
    pytest.importorskip("playwright.sync_api", reason="the Python playwright package is not installed")


# Per package: the demo keeps analysing its cameras, so it stops when the last end-to-end test has run rather
# than when the whole session ends.
@pytest.fixture(scope="package")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`safecity demo` on a free port with a fresh data directory; always stopped at the end."""
    require_prerequisites()
    with demo_server(tmp_path_factory.mktemp("demo")) as started:
        yield started


@contextlib.contextmanager
def demo_server(
    data_dir: Path, extra_env: dict[str, str] | None = None, *, test_map: bool = True
) -> Iterator[Server]:
    """A `safecity demo` of its own (e.g. with other settings in `extra_env`), stopped on leaving. With
    `test_map` it draws the test's outline and PMTiles base map; without, the demo's own map settings."""
    port = _free_port()
    log_path = data_dir / "server.log"
    env = {
        **os.environ,
        "SAFECITY_DEMO_PASSWORD": DEMO_PASSWORD,
        # Every test logs in from 127.0.0.1; the default 5 logins a minute per address would throttle them.
        "SAFECITY_AUTH__LOGIN_ATTEMPTS_PER_MINUTE": "1000",
        "SAFECITY_HTTP__CONSOLE_DIR": str(WEB_DIST),
        # A city outline and a one-tile PMTiles base map, written here (tests/e2e/map_data.py).
        **(write_map_files(data_dir / "maps") if test_map else {}),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT / "src"), os.environ.get("PYTHONPATH")])),
        **(extra_env or {}),
    }
    command = [
        sys.executable,
        "-c",
        "from safecity.cli import main; main()",
        "demo",
        "--data-dir",
        str(data_dir / "data"),
        "--port",
        str(port),
    ]
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        base_url = f"http://127.0.0.1:{port}"
        _wait_healthy(base_url, process, log_path)
        yield Server(base_url=base_url, password=DEMO_PASSWORD, log_path=log_path)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


# Per module, not per session: Playwright's sync API keeps an asyncio loop running in this thread while it
# is open, and pytest-asyncio cannot run the async tests of later modules beside it.
@pytest.fixture(scope="module")
def browser(server: Server) -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser: Browser, server: Server) -> Iterator[Page]:
    context = browser.new_context(base_url=server.base_url, viewport={"width": 1440, "height": 900})
    # Generous: the demo server decodes four cameras beside the browser on a 2-core CI machine.
    context.set_default_timeout(30_000)
    opened = context.new_page()
    try:
        yield opened
    finally:
        context.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS


def open_from_nav(page: Page, label: str) -> None:
    """Follow the main navigation to `label`: a link in the header, or in one of its menus (Desks, Admin).

    A menu's links exist only while it is open, so each menu is opened in turn until the link shows."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    nav = page.get_by_role("navigation", name="Main")
    nav.get_by_role("link").first.wait_for()  # the header is drawn (just after a login it may not be yet)
    link = nav.get_by_role("link", name=label, exact=True)
    if not link.is_visible():
        for menu in nav.locator("button[aria-expanded]").all():
            menu.click()
            try:
                link.wait_for(timeout=3_000)
                break
            except PlaywrightTimeoutError:
                menu.click()
    link.click()
