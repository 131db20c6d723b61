"""The console's files as the real app sends them: brotli or gzip for text (the build's own encodings when it
wrote them), a year of caching for content-hashed assets, revalidation for index.html — and the built
console's entry script within its size budget."""

from __future__ import annotations

import gzip
import os
import re
from collections.abc import Iterator
from pathlib import Path

import brotli
import httpx
import pytest
from fastapi.testclient import TestClient

from safecity.app import create_app
from safecity.config import load_settings
from safecity.core.schema import upgrade

REPO_WEB_DIST = Path(__file__).resolve().parents[2] / "web" / "dist"
ENTRY_BUDGET_GZIP_BYTES = 200 * 1024
SCRIPT = "export const answer = 42;\n" * 200  # text worth compressing
# A script whose build wrote its encodings beside it, and one the build left older than a later copy.
VENDOR = "".join(f"export const v{i} = {i * 7919 % 1000};\n" for i in range(400))
VENDOR_BROTLI = brotli.compress(VENDOR.encode(), quality=11)
VENDOR_GZIP = gzip.compress(
    VENDOR.encode(), compresslevel=9, mtime=1_764_700_000
)  # the server writes mtime 0


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
    (web / "assets" / "vendor-77aa.js").write_text(VENDOR)
    (web / "assets" / "vendor-77aa.js.br").write_bytes(VENDOR_BROTLI)
    (web / "assets" / "vendor-77aa.js.gz").write_bytes(VENDOR_GZIP)
    (web / "assets" / "stale-5e5e.js").write_text(SCRIPT)
    (web / "assets" / "stale-5e5e.js.br").write_bytes(brotli.compress(b"an older build's script"))
    os.utime(web / "assets" / "stale-5e5e.js.br", ns=(0, 0))
    settings = load_settings(None, data_dir=tmp_path / "data")
    upgrade(settings.resolved_database_url)
    with TestClient(create_app(settings, web_dir=web)) as client:
        yield client


def raw(console: TestClient, path: str, accept_encoding: str) -> tuple[httpx.Headers, bytes]:
    """The response's headers and its body as sent (httpx would decode a brotli or gzip body)."""
    with console.stream("GET", path, headers={"Accept-Encoding": accept_encoding}) as response:
        assert response.status_code == 200
        return response.headers, b"".join(response.iter_raw())


def test_hashed_assets_are_immutable_and_brotli_encoded_for_browsers_that_accept_it(
    console: TestClient,
) -> None:
    headers, body = raw(console, "/assets/index-3f2a.js", "gzip, deflate, br, zstd")

    assert headers["content-encoding"] == "br"
    assert headers["cache-control"] == "public, max-age=31536000, immutable"
    assert headers["vary"] == "Accept-Encoding"
    assert headers["content-type"].startswith("text/javascript")
    assert int(headers["content-length"]) == len(body) < len(SCRIPT) / 10
    assert brotli.decompress(body) == SCRIPT.encode()


def test_a_client_taking_only_gzip_gets_gzip(console: TestClient) -> None:
    headers, body = raw(console, "/assets/index-3f2a.js", "gzip")

    assert headers["content-encoding"] == "gzip"
    assert headers["cache-control"] == "public, max-age=31536000, immutable"
    assert gzip.decompress(body) == SCRIPT.encode()


def test_a_client_refusing_brotli_gets_gzip(console: TestClient) -> None:
    headers, _ = raw(console, "/assets/index-3f2a.js", "br;q=0, gzip")
    assert headers["content-encoding"] == "gzip"


def test_the_builds_own_encodings_are_sent_as_they_are(console: TestClient) -> None:
    assert brotli.compress(VENDOR.encode(), quality=5) != VENDOR_BROTLI  # so the two can be told apart
    headers, body = raw(console, "/assets/vendor-77aa.js", "br")
    assert headers["content-encoding"] == "br"
    assert body == VENDOR_BROTLI  # the build's best-quality file, not compressed again here

    headers, body = raw(console, "/assets/vendor-77aa.js", "gzip")
    assert headers["content-encoding"] == "gzip"
    assert body == VENDOR_GZIP


def test_an_encoding_older_than_its_file_is_not_sent(console: TestClient) -> None:
    _, body = raw(console, "/assets/stale-5e5e.js", "br")
    assert brotli.decompress(body) == SCRIPT.encode()


def test_a_client_taking_neither_gets_the_file_as_it_is(console: TestClient) -> None:
    response = console.get("/assets/index-3f2a.js", headers={"Accept-Encoding": "identity"})

    assert "content-encoding" not in response.headers
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert response.content == SCRIPT.encode()


def test_binary_assets_are_cached_but_not_compressed(console: TestClient) -> None:
    response = console.get("/assets/logo-9c1d.png", headers={"Accept-Encoding": "gzip, br"})

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


def test_the_built_console_entry_script_is_within_200_kb_gzipped_and_smaller_in_brotli() -> None:
    index = REPO_WEB_DIST / "index.html"
    if not index.is_file():
        pytest.skip(f"console not built: {index} missing (npm run build in web)")
    entries = re.findall(r'<script[^>]+src="/(assets/[^"]+\.js)"', index.read_text())
    assert entries, "index.html names no entry script"
    for entry in entries:
        script = (REPO_WEB_DIST / entry).read_bytes()
        size = len(gzip.compress(script, compresslevel=6))
        print(f"{entry}: {size / 1024:.1f} KB gzipped (budget {ENTRY_BUDGET_GZIP_BYTES // 1024} KB)")
        assert size <= ENTRY_BUDGET_GZIP_BYTES
        built_brotli = REPO_WEB_DIST / f"{entry}.br"
        if built_brotli.is_file():  # written by the build's compression plugin
            brotli_size = built_brotli.stat().st_size
            print(f"{entry}: {brotli_size / 1024:.1f} KB as the build's brotli")
            assert brotli.decompress(built_brotli.read_bytes()) == script
            assert brotli_size < size
    assert not any("maplibre" in (REPO_WEB_DIST / e).read_text() for e in entries), "MapLibre is in the entry"
