"""The console's files as the real app sends them: gzip for text, a year of caching for content-hashed
assets, revalidation for index.html — and the built console's entry script within its size budget."""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from safecity.app import create_app
from safecity.config import load_settings
from safecity.core.schema import upgrade

REPO_WEB_DIST = Path(__file__).resolve().parents[2] / "web" / "dist"
ENTRY_BUDGET_GZIP_BYTES = 200 * 1024
SCRIPT = "export const answer = 42;\n" * 200  # text worth compressing


@pytest.fixture(scope="module")
def console(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    tmp_path = tmp_path_factory.mktemp("console")
    web = tmp_path / "web"
    (web / "assets").mkdir(parents=True)
    (web / "index.html").write_text(
        '<!doctype html><script type="module" src="/assets/index-3f2a.js"></script>'
    )
    (web / "assets" / "index-3f2a.js").write_text(SCRIPT)
    (web / "assets" / "logo-9c1d.png").write_bytes(b"\x89PNG" + bytes(range(256)) * 8)
    settings = load_settings(None, data_dir=tmp_path / "data")
    upgrade(settings.resolved_database_url)
    with TestClient(create_app(settings, web_dir=web)) as client:
        yield client


def test_hashed_assets_are_immutable_and_gzipped_for_clients_that_accept_it(console: TestClient) -> None:
    response = console.get("/assets/index-3f2a.js", headers={"Accept-Encoding": "gzip, br"})

    assert response.status_code == 200
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert response.headers["content-encoding"] == "gzip"
    assert response.headers["vary"] == "Accept-Encoding"
    assert response.headers["content-type"].startswith("text/javascript")
    assert int(response.headers["content-length"]) < len(SCRIPT) / 10
    assert response.text == SCRIPT  # httpx decodes the gzip body


def test_a_client_without_gzip_gets_the_file_as_it_is(console: TestClient) -> None:
    response = console.get("/assets/index-3f2a.js", headers={"Accept-Encoding": "identity"})

    assert "content-encoding" not in response.headers
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert response.content == SCRIPT.encode()


def test_binary_assets_are_cached_but_not_compressed(console: TestClient) -> None:
    response = console.get("/assets/logo-9c1d.png", headers={"Accept-Encoding": "gzip"})

    assert response.status_code == 200
    assert "content-encoding" not in response.headers
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"


@pytest.mark.parametrize("path", ["/", "/index.html", "/incidents/12"])
def test_index_html_and_client_routes_are_revalidated_on_every_load(console: TestClient, path: str) -> None:
    response = console.get(path)

    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-cache"
    assert "/assets/index-3f2a.js" in response.text


def test_a_missing_hashed_asset_is_a_404_not_the_index_page(console: TestClient) -> None:
    response = console.get("/assets/index-0000.js")

    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found"}


def test_the_built_console_entry_script_is_within_200_kb_gzipped() -> None:
    index = REPO_WEB_DIST / "index.html"
    if not index.is_file():
        pytest.skip(f"console not built: {index} missing (npm run build in web)")
    entries = re.findall(r'<script[^>]+src="/(assets/[^"]+\.js)"', index.read_text())
    assert entries, "index.html names no entry script"
    for entry in entries:
        size = len(gzip.compress((REPO_WEB_DIST / entry).read_bytes(), compresslevel=6))
        print(f"{entry}: {size / 1024:.1f} KB gzipped (budget {ENTRY_BUDGET_GZIP_BYTES // 1024} KB)")
        assert size <= ENTRY_BUDGET_GZIP_BYTES
    assert not any("maplibre" in (REPO_WEB_DIST / e).read_text() for e in entries), "MapLibre is in the entry"
