"""The MJPEG live view never hangs: no picture in time is a clear 503, and a viewer that leaves ends it."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
from collections.abc import AsyncIterator

import pytest
from fastapi.testclient import TestClient

from safecity.cameras import mjpeg_stream
from tests.api.conftest import auth


def test_a_camera_without_pictures_answers_503_instead_of_hanging(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(mjpeg_stream, "FIRST_PICTURE_SECONDS", 0.5)
    headers = auth(client, "admin")
    camera = {"id": "cam-dark", "name": "Dark", "url": "rtsp://cam/dark"}
    assert client.post("/api/v1/cameras", json=camera, headers=headers).status_code == 201
    response = client.get("/api/v1/cameras/cam-dark/mjpeg?frames=1", headers=headers)
    assert response.status_code == 503
    assert "no picture from camera 'cam-dark'" in response.json()["detail"]


async def _silent() -> AsyncGenerator[bytes, None]:
    await asyncio.Event().wait()  # a camera that never sends another picture
    yield b""


def test_waiting_for_the_next_picture_ends_when_the_viewer_is_gone() -> None:
    checks: list[int] = []

    async def gone() -> bool:
        checks.append(1)
        return len(checks) >= 2

    async def scenario() -> bytes | None:
        pictures = _silent()
        try:
            return await asyncio.wait_for(mjpeg_stream.next_picture_or_gone(pictures, gone, poll=0.05), 30)
        finally:
            await pictures.aclose()

    assert asyncio.run(scenario()) is None
    assert len(checks) == 2


def test_the_next_picture_arrives_while_the_viewer_stays() -> None:
    async def pictures() -> AsyncIterator[bytes]:
        await asyncio.sleep(0.1)
        yield b"jpeg"

    async def stays() -> bool:
        return False

    assert asyncio.run(mjpeg_stream.next_picture_or_gone(pictures(), stays, poll=0.02)) == b"jpeg"
