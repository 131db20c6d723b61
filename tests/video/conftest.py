"""Media and servers for the ingest, health and recording tests (made once per session from vtest.avi)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.conftest import shared_path
from tests.support.media import Image
from tests.support.media import cycle
from tests.support.media import read_frames
from tests.support.media import write_h264
from tests.support.rtsp import RtspServer
from tests.support.rtsp import rtsp_unavailable_reason

CLIP_SIZE = (384, 288)
CLIP_FPS = 10


@pytest.fixture(scope="session")
def vtest() -> Path:
    return shared_path("media/vtest.avi")


@pytest.fixture(scope="session")
def vtest_small(vtest: Path) -> list[Image]:
    """The first 60 frames of the CCTV sample at 384x288."""
    return read_frames(vtest, 60, CLIP_SIZE)


@pytest.fixture(scope="session")
def h264_clip(vtest_small: list[Image], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """30 s of real CCTV as H.264 MP4, 10 fps, a keyframe every second."""
    return write_h264(tmp_path_factory.mktemp("media") / "cctv.mp4", cycle(vtest_small, 300), fps=CLIP_FPS)


@pytest.fixture(scope="session")
def short_clip(vtest_small: list[Image], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """2 s of real CCTV as H.264 MP4, 10 fps."""
    return write_h264(tmp_path_factory.mktemp("media") / "short.mp4", vtest_small[:20], fps=CLIP_FPS)


@pytest.fixture
def rtsp_server(h264_clip: Path) -> Iterator[RtspServer]:
    """A running RTSP server streaming `h264_clip`; always killed at the end of the test."""
    reason = rtsp_unavailable_reason()
    if reason:
        pytest.skip(reason)
    server = RtspServer(h264_clip)
    try:
        server.start()
        yield server
    finally:
        server.stop()
