"""Both stores of live pictures keep the same promises: the folder of the single box, and the NATS bucket."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import anyio
import numpy as np
import pytest
from nats.aio.client import Client
from nats.js.api import StreamState
from nats.js.errors import NotFoundError

from safecity.cameras.live_frames import LiveFrame
from safecity.cameras.live_frames import LiveFrames
from safecity.cameras.live_frames import LiveFramesUnavailableError
from safecity.cameras.live_frames import encode_jpeg
from safecity.cameras.live_frames_folder import FolderLiveFrames
from safecity.cameras.live_frames_nats import NatsLiveFrames
from safecity.cameras.live_frames_setup import BUCKET
from safecity.cameras.live_frames_setup import VIEWERS
from safecity.cameras.live_frames_setup import open_live_frames
from safecity.config import load_settings
from safecity.core.bus import BusNames
from tests.conftest import require_service
from tests.core.bus.conftest import DEADLINE
from tests.core.bus.conftest import NATS_URL
from tests.core.bus.conftest import PrivateNatsServer
from tests.core.bus.conftest import delete_stream
from tests.core.bus.conftest import eventually
from tests.core.bus.conftest import private_nats
from tests.core.bus.conftest import shared_nats_available
from tests.core.bus.conftest import unique_names

__all__ = ["private_nats"]  # a fixture: a nats-server of the test's own, to restart


def nats_store(url: str, names: BusNames, **options: Any) -> NatsLiveFrames:
    """Every picture is sent, watched or not, unless the test passes `idle_seconds`."""
    settings: dict[str, Any] = {"reconnect_wait": 0.1, "idle_seconds": None} | options
    viewers = f"{names.subject_root}.{VIEWERS}"
    return NatsLiveFrames(url=url, bucket=names.bucket(BUCKET), viewers_subject=viewers, **settings)


@contextlib.asynccontextmanager
async def nats_bucket(**options: Any) -> AsyncIterator[NatsLiveFrames]:
    """A started store on a bucket of the test's own, deleted afterwards."""
    require_service("NATS", shared_nats_available())
    frames = nats_store(NATS_URL, unique_names(), **options)
    await frames.start()
    try:
        yield frames
    finally:
        await frames.close()
        with contextlib.suppress(NotFoundError):
            await delete_stream(NATS_URL, f"KV_{frames.bucket}")


@pytest.fixture(params=["folder", pytest.param("nats", marks=pytest.mark.nats)])
async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[LiveFrames]:
    if request.param == "nats":
        async with nats_bucket() as frames:
            yield frames
        return
    folder = FolderLiveFrames(tmp_path / "live")
    await folder.start()
    yield folder
    await folder.close()


def picture(shade: int) -> bytes:
    return encode_jpeg(np.full((48, 64, 3), shade, np.uint8))


async def test_a_camera_has_no_picture_until_one_is_put_then_the_newest(store: LiveFrames) -> None:
    assert await store.latest("gate-1") is None
    store.put("gate-1", picture(10), 100.0)
    store.put("gate-1", picture(20), 101.0)

    newest = await eventually(lambda: _taken_at(store, "gate-1", 101.0))

    assert newest == LiveFrame(picture(20), 101.0)


async def test_the_overlay_is_served_when_asked_for_and_the_clean_picture_otherwise(
    store: LiveFrames,
) -> None:
    clean, drawn = picture(40), picture(220)
    store.put("gate-1", clean, 100.0)
    assert (await eventually(lambda: store.latest("gate-1", overlay=True))).jpeg == clean  # no overlay yet

    store.put("gate-1", drawn, 100.0, overlay=True)
    assert (await eventually(lambda: _with(store, "gate-1", drawn, overlay=True))).jpeg == drawn
    latest_clean = await store.latest("gate-1")
    assert latest_clean is not None
    assert latest_clean.jpeg == clean


async def test_cameras_whose_ids_differ_only_in_dots_keep_their_own_pictures(store: LiveFrames) -> None:
    store.put("gate.1.", picture(60), 100.0)
    store.put("gate.1", picture(120), 100.0)
    store.put("gate-1", picture(180), 100.0)

    for camera_id, shade in (("gate.1.", 60), ("gate.1", 120), ("gate-1", 180)):
        assert (await eventually(lambda: store.latest(camera_id))).jpeg == picture(shade)  # noqa: B023


async def test_a_follower_receives_each_new_picture_in_order(store: LiveFrames) -> None:
    received: list[LiveFrame] = []

    async def follow() -> None:
        async with contextlib.aclosing(store.follow("gate-1", interval=0.01)) as pictures:
            async for frame in pictures:
                received.append(frame)
                if len(received) == 3:
                    return

    follower = asyncio.create_task(follow())
    for n in range(3):
        store.put("gate-1", picture(50 * n), 100.0 + n)
        await eventually(lambda: _count(received, n + 1))  # noqa: B023
    await asyncio.wait_for(follower, DEADLINE)

    assert [frame.at for frame in received] == [100.0, 101.0, 102.0]
    assert [frame.jpeg for frame in received] == [picture(0), picture(50), picture(100)]


@pytest.mark.nats
async def test_a_follower_cancelled_mid_wait_leaves_no_consumer_on_the_server() -> None:
    """As Starlette cancels a streaming response whose client went away: through an anyio cancel scope,
    which cancels every await of the follower's clean-up again."""
    async with nats_bucket() as frames:
        frames.put("gate-1", picture(10), 100.0)
        received = anyio.Event()

        async def watch() -> None:
            async for _ in frames.follow("gate-1", interval=0.01):
                received.set()

        async with anyio.create_task_group() as viewers:
            viewers.start_soon(watch)
            await received.wait()
            assert await _consumers(frames) == 1
            viewers.cancel_scope.cancel()

        frames.put("gate-1", picture(20), 101.0)  # nobody is watching: no consumer comes back for it
        await eventually(lambda: _none_left(frames))


@pytest.mark.nats
async def test_pictures_flow_again_once_a_restarted_nats_server_is_back(
    private_nats: PrivateNatsServer,
) -> None:
    """The bucket lives in the server's memory: a restart loses it, the first client back makes it again."""
    names = unique_names()
    worker, api = nats_store(private_nats.url, names), nats_store(private_nats.url, names)
    await worker.start()
    await api.start()
    try:
        worker.put("gate-1", picture(10), 100.0)
        await eventually(lambda: _taken_at(api, "gate-1", 100.0))

        private_nats.stop()
        with pytest.raises(LiveFramesUnavailableError, match="cannot be read from NATS"):
            await api.latest("gate-1")  # the API answers 503, not "no picture yet"
        worker.put("gate-1", picture(20), 101.0)  # the camera thread is not held up

        private_nats.start()
        shown = await eventually(lambda: _put_and_read(worker, api, picture(30)))
        assert shown.jpeg == picture(30)
    finally:
        await api.close()
        await worker.close()


async def _put_and_read(worker: LiveFrames, api: LiveFrames, jpeg: bytes) -> LiveFrame | None:
    """What a camera does while the server comes back: it keeps putting its newest picture."""
    worker.put("gate-1", jpeg)
    with contextlib.suppress(LiveFramesUnavailableError):
        return await api.latest("gate-1")
    return None


@pytest.mark.nats
async def test_an_unwatched_camera_sends_few_pictures_and_all_of_them_once_watched() -> None:
    async with nats_bucket(idle_seconds=3600.0) as frames:
        for n in range(5):
            frames.put("gate-1", picture(10 * n), 100.0 + n)
            frames.put("gate-1", picture(200 + n), 100.0 + n, overlay=True)
        await eventually(lambda: frames.latest("gate-1"))
        assert await _stored_ever(frames) == 1  # the first clean picture, for snapshots; no overlay
        assert (await frames.latest("gate-1", overlay=True)) == LiveFrame(picture(0), 100.0)

        viewer = frames.follow("gate-1", overlay=True, interval=0.01)
        assert (await anext(viewer)).jpeg == picture(0)  # what there is, at once
        frames.put("gate-1", picture(250), 200.0, overlay=True)  # now someone watches: sent
        assert await asyncio.wait_for(anext(viewer), DEADLINE) == LiveFrame(picture(250), 200.0)
        await viewer.aclose()


async def _stored_ever(frames: NatsLiveFrames) -> int:
    return int((await _stream_state(frames)).last_seq)


async def _consumers(frames: NatsLiveFrames) -> int:
    return int((await _stream_state(frames)).consumer_count)


async def _stream_state(frames: NatsLiveFrames) -> StreamState:
    client = Client()
    await client.connect(NATS_URL, max_reconnect_attempts=1)
    try:
        return (await client.jetstream().stream_info(f"KV_{frames.bucket}")).state
    finally:
        await client.close()


async def _none_left(frames: NatsLiveFrames) -> bool:
    return await _consumers(frames) == 0


async def _taken_at(store: LiveFrames, camera_id: str, at: float) -> LiveFrame | None:
    frame = await store.latest(camera_id)
    return frame if frame is not None and frame.at == at else None


async def _with(store: LiveFrames, camera_id: str, jpeg: bytes, *, overlay: bool) -> LiveFrame | None:
    frame = await store.latest(camera_id, overlay=overlay)
    return frame if frame is not None and frame.jpeg == jpeg else None


async def _count(received: list[LiveFrame], count: int) -> bool:
    return len(received) >= count


def test_the_bus_decides_the_store_a_folder_for_the_embedded_box_a_bucket_for_nats(tmp_path: Path) -> None:
    embedded = load_settings(None, data_dir=tmp_path / "box")
    nats = load_settings(None, data_dir=tmp_path / "city", bus={"kind": "nats", "prefix": "lahore-2"})

    folder = open_live_frames(embedded)
    bucket = open_live_frames(nats)

    assert isinstance(folder, FolderLiveFrames)
    assert folder.directory == tmp_path / "box" / "live"
    assert isinstance(bucket, NatsLiveFrames)
    assert bucket.bucket == "lahore-2_live_frames"
