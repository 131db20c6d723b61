"""With the NATS bus, live pictures need no shared disk: a worker and an API node on different data
directories meet in a JetStream key-value bucket (the real nats-server, under a prefix of the test's own)."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from collections.abc import Iterator
from email.utils import formatdate
from pathlib import Path
from typing import TypeVar

import cv2
import httpx
import numpy as np
import pytest
from anyio.from_thread import start_blocking_portal
from fastapi.testclient import TestClient
from nats.aio.client import Client
from nats.js.errors import NotFoundError

from safecity.cameras.api import MJPEG_BOUNDARY
from safecity.cameras.live_frames import encode_jpeg
from safecity.cameras.live_frames_nats import DEFAULT_TTL_SECONDS
from safecity.cameras.live_frames_nats import NatsLiveFrames
from safecity.cameras.live_frames_setup import BUCKET
from safecity.cameras.live_frames_setup import VIEWERS
from safecity.config import Settings
from safecity.config import load_settings
from safecity.core.bus import BusNames
from safecity.worker.runtime import BackgroundWorker
from safecity.worker.worker import WorkerOptions
from tests.api.conftest import ticket_for
from tests.cameras.test_camera_api import auth
from tests.cameras.test_camera_api import create
from tests.cameras.test_jpeg_fit import noisy_jpeg
from tests.conftest import require_service
from tests.core.bus.conftest import NATS_URL
from tests.core.bus.conftest import delete_stream
from tests.core.bus.conftest import shared_nats_available
from tests.core.bus.conftest import unique_names
from tests.support.polling import eventually
from tests.worker.conftest import CLIP_SIZE
from tests.worker.conftest import cctv_frames
from tests.worker.conftest import h264_clip

__all__ = ["cctv_frames", "h264_clip"]  # fixtures: the worker's camera

pytestmark = [pytest.mark.nats, pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)]

DEADLINE = 15.0
T = TypeVar("T")


@pytest.fixture
def names() -> Iterator[BusNames]:
    require_service("NATS", shared_nats_available())
    names = unique_names()
    yield names
    for stream in (names.stream, f"KV_{names.bucket(BUCKET)}"):
        with contextlib.suppress(NotFoundError):
            asyncio.run(delete_stream(NATS_URL, stream))


@pytest.fixture
def worker_frames(request: pytest.FixtureRequest, names: BusNames) -> Iterator[NatsLiveFrames]:
    """A worker's live pictures, with an event loop of their own in another thread: the test puts from its
    thread as a worker's camera threads do. Parametrize (indirect) with the bucket's TTL in seconds."""
    ttl = getattr(request, "param", DEFAULT_TTL_SECONDS)
    viewers = f"{names.subject_root}.{VIEWERS}"
    frames = NatsLiveFrames(url=NATS_URL, bucket=names.bucket(BUCKET), viewers_subject=viewers, ttl=ttl)
    with start_blocking_portal() as portal:
        portal.call(frames.start)
        try:
            yield frames
        finally:
            portal.call(frames.close)


@pytest.fixture
def settings(tmp_path: Path, database_url: str, names: BusNames, worker_frames: NatsLiveFrames) -> Settings:
    """The API node's settings: the NATS bus, and a data directory the worker never sees. The worker is up
    first (it creates the bucket, with its TTL)."""
    bus = {"kind": "nats", "nats_url": NATS_URL, "prefix": names.prefix}
    return load_settings(None, data_dir=tmp_path / "api", database_url=database_url, bus=bus)


def shade(level: int) -> bytes:
    return encode_jpeg(np.full((48, 64, 3), level, np.uint8))


def numbered(n: int) -> bytes:
    """A picture showing `n`, so that each differs from the others."""
    image = np.zeros((48, 96, 3), np.uint8)
    cv2.putText(image, str(n), (4, 40), cv2.FONT_HERSHEY_SIMPLEX, 1.2, (255, 255, 255), 2)
    return encode_jpeg(image)


def until(check: Callable[[], T | None]) -> T:
    return eventually(check, "the live picture's expected state", DEADLINE)


def answered(status: int, request: Callable[[], httpx.Response]) -> Callable[[], httpx.Response | None]:
    def check() -> httpx.Response | None:
        response = request()
        return response if response.status_code == status else None

    return check


def test_the_snapshot_is_the_picture_a_worker_put_though_they_share_no_folder(
    client: TestClient, worker_frames: NatsLiveFrames, settings: Settings, tmp_path: Path
) -> None:
    create(client, "cam-n1")
    headers = auth(client, "operator")

    def snapshot() -> httpx.Response:
        return client.get("/api/v1/cameras/cam-n1/snapshot.jpg", headers=headers)

    missing = snapshot()
    assert missing.status_code == 404
    assert missing.json()["detail"] == "no picture from camera 'cam-n1' yet"

    taken_at = 1_764_700_000.25
    worker_frames.put("cam-n1", shade(90), taken_at)
    served = until(answered(200, snapshot))

    assert served.content == shade(90)
    assert served.headers["content-type"] == "image/jpeg"
    assert served.headers["last-modified"] == formatdate(taken_at, usegmt=True)
    assert not (settings.data_dir / "live").exists()
    assert not any(tmp_path.glob("**/*.jpg"))  # nothing went through a disk


def test_the_mjpeg_stream_delivers_the_workers_successive_pictures(
    client: TestClient, worker_frames: NatsLiveFrames
) -> None:
    create(client, "cam-n2")
    ticket = ticket_for(client, "operator")
    sent: list[bytes] = []
    stop = threading.Event()

    def camera() -> None:  # a new picture every 0.1 s, each one different, until the test has seen enough
        while not stop.is_set():
            n = len(sent)
            jpeg = numbered(n)
            sent.append(jpeg)
            worker_frames.put("cam-n2", jpeg, 1_764_700_000.0 + n)
            stop.wait(0.1)

    feeding = threading.Thread(target=camera, daemon=True)
    feeding.start()
    try:
        stream = client.get(f"/api/v1/cameras/cam-n2/mjpeg?ticket={ticket}&frames=4&fps=25")
    finally:
        stop.set()
        feeding.join(DEADLINE)

    assert stream.status_code == 200
    assert stream.headers["content-type"] == f"multipart/x-mixed-replace; boundary={MJPEG_BOUNDARY}"
    pictures = _parts(stream.content)
    assert len(pictures) == 4
    order = [sent.index(picture) for picture in pictures]
    assert order == sorted(set(order))  # each one newer than the one before
    until(lambda: _consumers(worker_frames.bucket) == 0)  # the stream's watch ended with it


@pytest.mark.parametrize("worker_frames", [1.0], indirect=True)
def test_a_silent_workers_picture_expires_and_the_api_answers_no_picture_yet(
    client: TestClient, worker_frames: NatsLiveFrames
) -> None:
    create(client, "cam-n3")
    headers = auth(client, "operator")

    def snapshot() -> httpx.Response:
        return client.get("/api/v1/cameras/cam-n3/snapshot.jpg", headers=headers)

    worker_frames.put("cam-n3", shade(30))
    until(answered(200, snapshot))

    expired = until(answered(404, snapshot))  # the worker put nothing more: gone after the 1 s TTL
    assert expired.json()["detail"] == "no picture from camera 'cam-n3' yet"


def test_a_picture_over_the_nats_message_limit_arrives_scaled_down(
    client: TestClient, worker_frames: NatsLiveFrames
) -> None:
    create(client, "cam-n4")
    headers = auth(client, "operator")
    big = noisy_jpeg(1920, 1080)
    assert len(big) > 1024 * 1024  # nats-server's default max_payload

    worker_frames.put("cam-n4", big)
    served = until(answered(200, lambda: client.get("/api/v1/cameras/cam-n4/snapshot.jpg", headers=headers)))

    assert len(served.content) <= 1024 * 1024
    height, width = cv2.imdecode(np.frombuffer(served.content, np.uint8), cv2.IMREAD_COLOR).shape[:2]
    assert width < 1920
    assert width / height == pytest.approx(16 / 9, rel=0.02)


@pytest.mark.slow
def test_a_worker_on_another_data_directory_feeds_the_api_nodes_live_view(
    client: TestClient, settings: Settings, names: BusNames, h264_clip: Path, tmp_path: Path
) -> None:
    create(client, "cam-n5", url=str(h264_clip), loop=True)
    headers = auth(client, "operator")
    worker_settings = load_settings(
        None,
        data_dir=tmp_path / "worker",
        database_url=settings.database_url,  # a city shares its database server, not a disk
        bus={"kind": "nats", "nats_url": NATS_URL, "prefix": names.prefix},
        cluster={"renew_seconds": 0.5},
    )
    options = WorkerOptions(worker_id="w-live", record=False, use_detector=False, anpr=False, live_fps=5.0)
    worker = BackgroundWorker(worker_settings, options).start()
    try:
        snapshot = until(
            answered(200, lambda: client.get("/api/v1/cameras/cam-n5/snapshot.jpg", headers=headers))
        )
        stream = client.get("/api/v1/cameras/cam-n5/mjpeg?frames=2&overlay=true", headers=headers)
    finally:
        worker.stop()

    height, width = cv2.imdecode(np.frombuffer(snapshot.content, np.uint8), cv2.IMREAD_COLOR).shape[:2]
    assert (width, height) == CLIP_SIZE
    first, second = _parts(stream.content)
    assert first != second
    assert not (tmp_path / "api" / "live").exists()
    assert not (tmp_path / "worker" / "live").exists()


def _parts(body: bytes) -> list[bytes]:
    pictures = []
    for part in body.split(f"--{MJPEG_BOUNDARY}\r\n".encode())[1:]:
        headers, _, rest = part.partition(b"\r\n\r\n")
        length = int(next(h for h in headers.split(b"\r\n") if h.startswith(b"Content-Length:")).split()[1])
        pictures.append(rest[:length])
    return pictures


def _consumers(bucket: str) -> int:
    async def count() -> int:
        client = Client()
        await client.connect(NATS_URL, max_reconnect_attempts=1)
        try:
            info = await client.jetstream().stream_info(f"KV_{bucket}")
            return int(info.state.consumer_count)
        finally:
            await client.close()

    return asyncio.run(count())
