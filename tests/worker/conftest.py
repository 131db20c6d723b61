"""A worker on a fresh SQLite database and embedded bus, with fast timings, plus media and an RTSP server."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator
from collections.abc import Callable
from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path

import pytest

from safecity.cameras.health_consumer import start_health_consumer
from safecity.cameras.schemas import CameraCreate
from safecity.cameras.service import create_camera
from safecity.config import Settings
from safecity.config import load_settings
from safecity.core.bus import EmbeddedBus
from safecity.core.bus import Event
from safecity.core.db import Database
from safecity.core.schema import upgrade
from safecity.video.reconnect import Backoff
from safecity.video.synthetic import MovingObject
from safecity.video.synthetic import SyntheticScene
from safecity.worker.worker import CameraWorker
from safecity.worker.worker import WorkerOptions
from tests.support.media import Image
from tests.support.media import cycle
from tests.support.media import read_frames
from tests.support.media import write_h264
from tests.support.rtsp import RtspServer
from tests.support.rtsp import rtsp_unavailable_reason

VTEST = Path("/usr/share/doc/opencv-doc/examples/data/vtest.avi")
CLIP_SIZE = (384, 288)
DEADLINE = 30.0


@pytest.fixture(scope="session")
def cctv_frames() -> list[Image]:
    """60 frames of real CCTV (Debian's opencv-doc sample) or, without it, a rendered street scene."""
    if VTEST.exists():
        return read_frames(VTEST, 60, CLIP_SIZE)
    walker = MovingObject("person", (24, 48), (30, 150), (350, 160), 0.0, 6.0)
    scene = SyntheticScene(width=CLIP_SIZE[0], height=CLIP_SIZE[1], fps=10, duration=6.0, objects=[walker])
    return [frame.image for frame in scene.frames()]


@pytest.fixture(scope="session")
def h264_clip(cctv_frames: list[Image], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """30 s of CCTV as H.264 MP4, 10 fps, a keyframe every second."""
    return write_h264(tmp_path_factory.mktemp("media") / "cctv.mp4", cycle(cctv_frames, 300), fps=10)


@pytest.fixture
def rtsp_server(h264_clip: Path) -> Iterator[RtspServer]:
    reason = rtsp_unavailable_reason()
    if reason:
        pytest.skip(reason)
    server = RtspServer(h264_clip)
    try:
        server.start()
        yield server
    finally:
        server.stop()


async def eventually(condition: Callable[[], bool], within: float = DEADLINE) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if condition():
            return True
        await asyncio.sleep(0.05)
    return condition()


@dataclass
class Harness:
    settings: Settings
    database: Database
    bus: EmbeddedBus
    events: list[Event] = field(default_factory=list)
    worker: CameraWorker | None = None

    def add_camera(self, camera_id: str, url: str, **fields: object) -> None:
        with self.database.session() as session:
            create_camera(session, CameraCreate(id=camera_id, name=camera_id, url=url, **fields))  # type: ignore[arg-type]

    def health(self, camera_id: str) -> list[str]:
        return [e.state for e in self.events if e.type == "camera.health" and e.camera_id == camera_id]  # type: ignore[attr-defined]

    @contextlib.asynccontextmanager
    async def running(self, **options: object) -> AsyncIterator[CameraWorker]:
        fast = {
            "worker_id": "test-worker",
            "heartbeat_seconds": 0.5,
            "check_seconds": 0.2,
            "retry_seconds": 0.5,
            "segment_seconds": 2.0,
            "use_detector": False,
            "backoff": Backoff(initial=0.2, maximum=1.0),
            **options,
        }
        worker = self.worker = CameraWorker(self.settings, self.database, self.bus, WorkerOptions(**fast))  # type: ignore[arg-type]
        stop = asyncio.Event()
        task = asyncio.create_task(worker.run(stop))
        try:
            await asyncio.wait_for(worker.started.wait(), 60)
            yield worker
        finally:
            stop.set()
            await asyncio.wait_for(task, 30)


@pytest.fixture
async def harness(tmp_path: Path) -> AsyncIterator[Harness]:
    settings = load_settings(None, data_dir=tmp_path / "data", cluster={"renew_seconds": 0.2})
    upgrade(settings.resolved_database_url)
    database = Database(settings.resolved_database_url)
    bus = EmbeddedBus(database, poll_interval=0.1)
    await bus.start()
    harness = Harness(settings, database, bus)
    feed = bus.listen([">"], max_queue=100_000)

    async def collect() -> None:
        async for event in feed:
            harness.events.append(event)

    collector = asyncio.create_task(collect())
    await start_health_consumer(bus, database)
    try:
        yield harness
    finally:
        feed.close()
        await collector
        await bus.close()
        database.dispose()
