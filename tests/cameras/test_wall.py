"""The video wall's server side: tile sub-streams bounded in rate and size, and each user's saved views."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import cv2
import numpy as np
import pytest
from fastapi.testclient import TestClient

from safecity.cameras.api import MJPEG_BOUNDARY
from safecity.cameras.api import live_frames
from safecity.cameras.live_frames import encode_jpeg
from tests.api.conftest import auth_once as auth
from tests.cameras.test_camera_api import create
from tests.cameras.test_camera_api import services_of


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    """SQLite only: nothing here depends on the database backend, and each app costs seconds."""
    return f"sqlite:///{tmp_path / 'safecity.db'}"


def jpegs_in(body: bytes) -> list[bytes]:
    parts = body.split(f"--{MJPEG_BOUNDARY}\r\n".encode())[1:]
    return [part.split(b"\r\n\r\n", 1)[1].removesuffix(b"\r\n") for part in parts]


def test_a_tile_stream_sends_no_more_pictures_than_asked_and_at_the_tile_width(client: TestClient) -> None:
    create(client, "cam-wall")
    frames = live_frames(services_of(client))
    stop = threading.Event()

    def camera_at_30_fps() -> None:  # a new 640x360 picture every 33 ms, far more than the tile shows
        shade = 0
        while not stop.is_set():
            shade = (shade + 7) % 250
            frames.put("cam-wall", encode_jpeg(np.full((360, 640, 3), shade, np.uint8)))
            time.sleep(1 / 30)

    frames.put("cam-wall", encode_jpeg(np.full((360, 640, 3), 1, np.uint8)))
    producer = threading.Thread(target=camera_at_30_fps, daemon=True)
    producer.start()
    ticket = client.post("/api/v1/auth/media-ticket", headers=auth(client, "operator")).json()["ticket"]
    try:
        started = time.monotonic()
        stream = client.get(f"/api/v1/cameras/cam-wall/mjpeg?ticket={ticket}&fps=4&width=160&frames=5")
        elapsed = time.monotonic() - started
    finally:
        stop.set()
        producer.join(timeout=5)

    assert stream.status_code == 200
    pictures = jpegs_in(stream.content)
    assert len(pictures) == 5
    # 5 pictures at 4 a second: the server waited a quarter second between them (4 waits), so it never sent
    # the ~30 a second the camera made. A loaded machine only makes this slower.
    assert elapsed >= 4 * 0.25
    for jpeg in pictures:
        image = cv2.imdecode(np.frombuffer(jpeg, np.uint8), cv2.IMREAD_COLOR)
        assert image.shape[:2] == (90, 160)  # scaled to the tile's width, aspect kept

    tile = client.get(
        "/api/v1/cameras/cam-wall/snapshot.jpg?width=320&live=true", headers=auth(client, "operator")
    )
    assert tile.status_code == 200
    assert cv2.imdecode(np.frombuffer(tile.content, np.uint8), cv2.IMREAD_COLOR).shape[:2] == (180, 320)


def test_tile_requests_beyond_the_server_caps_are_refused_naming_the_field(client: TestClient) -> None:
    create(client, "cam-caps")
    headers = auth(client, "operator")
    too_fast = client.get("/api/v1/cameras/cam-caps/mjpeg?fps=60&frames=1", headers=headers)
    assert too_fast.status_code == 422
    assert too_fast.json()["detail"][0]["loc"] == ["query", "fps"]
    too_wide = client.get("/api/v1/cameras/cam-caps/mjpeg?width=10000&frames=1", headers=headers)
    assert too_wide.status_code == 422
    assert too_wide.json()["detail"][0]["loc"] == ["query", "width"]


def test_each_user_saves_replaces_lists_and_deletes_their_own_wall_views(client: TestClient) -> None:
    for camera in ("cam-a", "cam-b", "cam-c"):
        create(client, camera)
    operator, supervisor = auth(client, "operator"), auth(client, "supervisor")
    view = {"layout": "1+5", "camera_ids": ["cam-a", None, "cam-b"]}
    saved = client.put("/api/v1/wall/views/Night%20shift", json=view, headers=operator)
    assert saved.status_code == 200, saved.text
    assert saved.json()["name"] == "Night shift"
    assert saved.json()["camera_ids"] == ["cam-a", None, "cam-b"]

    tour = {"layout": "1", "camera_ids": ["cam-a", "cam-b", "cam-c"], "tour_seconds": 10}
    assert client.put("/api/v1/wall/views/Night%20shift", json=tour, headers=operator).status_code == 200
    assert client.put("/api/v1/wall/views/Mine", json=view, headers=supervisor).status_code == 200

    mine = client.get("/api/v1/wall/views", headers=operator).json()
    assert [(v["name"], v["layout"], v["tour_seconds"]) for v in mine] == [("Night shift", "1", 10)]
    assert [v["name"] for v in client.get("/api/v1/wall/views", headers=supervisor).json()] == ["Mine"]

    assert client.delete("/api/v1/wall/views/Mine", headers=operator).status_code == 404  # not theirs
    assert client.delete("/api/v1/wall/views/Night%20shift", headers=operator).status_code == 204
    assert client.get("/api/v1/wall/views", headers=operator).json() == []


def test_a_wall_view_with_unknown_cameras_or_too_many_for_its_tiles_is_refused(client: TestClient) -> None:
    create(client, "cam-x")
    headers = auth(client, "operator")
    unknown = client.put(
        "/api/v1/wall/views/v", json={"layout": "4", "camera_ids": ["cam-x", "cam-gone"]}, headers=headers
    )
    assert unknown.status_code == 422
    assert unknown.json()["detail"][0]["loc"] == ["body", "camera_ids"]
    assert "cam-gone" in unknown.json()["detail"][0]["msg"]

    crowded = client.put(
        "/api/v1/wall/views/v", json={"layout": "1", "camera_ids": ["cam-x", "cam-x"]}, headers=headers
    )
    assert crowded.status_code == 422
    assert "set tour_seconds" in crowded.text
    bad_layout = client.put("/api/v1/wall/views/v", json={"layout": "3", "camera_ids": []}, headers=headers)
    assert bad_layout.status_code == 422
    assert bad_layout.json()["detail"][0]["loc"] == ["body", "layout"]
    assert client.get("/api/v1/wall/views", headers=auth(client, "auditor")).status_code == 403
