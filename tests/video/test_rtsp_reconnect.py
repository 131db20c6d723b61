"""A real RTSP camera that dies and comes back: ingest, health and recording all recover."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import av
import cv2
import numpy as np
import pytest
from tests.support.media import Image
from tests.support.media import cycle
from tests.support.media import write_h264
from tests.support.rtsp import RtspServer
from tests.video.conftest import CLIP_FPS

from safecity.video.health import CameraHealthMonitor
from safecity.video.health_types import HealthChange
from safecity.video.health_types import HealthStatus
from safecity.video.playback import timeline
from safecity.video.recorder import SegmentRecorder
from safecity.video.segment_store import Segment
from safecity.video.segment_store import SegmentStore
from safecity.video.source_state import SourceState
from safecity.video.source_state import SourceStatus
from safecity.video.sources import Backoff
from safecity.video.sources import open_source

RETRY = Backoff(initial=0.2, maximum=1.0)
GOP_SECONDS = 1.0  # the served clip has a keyframe every second
# Footage is placed on the stream's clock from the first keyframe's arrival; that clock may run a bit ahead.
STREAM_CLOCK_SLACK = 0.5


def wait_for(condition: Callable[[], bool], timeout: float = 20.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def resident_memory_bytes() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    pytest.skip("no /proc/self/status on this system")


@pytest.mark.slow
def test_a_camera_that_dies_and_returns_is_reconnected_reported_and_recorded(
    rtsp_server: RtspServer, tmp_path: Path
) -> None:
    changes: list[HealthChange] = []
    source_states: list[SourceState] = []
    recorder_states: list[SourceState] = []
    segments: list[Segment] = []
    health = CameraHealthMonitor("gate-1", on_change=changes.append)

    def on_source_state(state: SourceState) -> None:
        source_states.append(state)
        health.observe_state(state)

    store = SegmentStore(tmp_path / "recordings")
    recorder = SegmentRecorder(
        rtsp_server.url, "gate-1", store, segment_seconds=2, on_state=recorder_states.append,
        on_segment=segments.append, backoff=RETRY, read_timeout=3,
    )  # fmt: skip
    source = open_source(
        rtsp_server.url, "gate-1", fps=5, on_state=on_source_state, backoff=RETRY, read_timeout=3
    )
    frames_seen: list[float] = []
    max_queued = 0

    def consume() -> None:
        nonlocal max_queued
        for frame in source:
            health.observe_frame(frame, source.stats)
            frames_seen.append(frame.timestamp)
            max_queued = max(max_queued, source.queued)
            time.sleep(0.3)  # slower than the camera's 5 sampled fps: stale frames must be dropped

    consumer = threading.Thread(target=consume, daemon=True)
    try:
        recorder.start()
        consumer.start()
        assert wait_for(lambda: len(frames_seen) >= 8), "no frames from the RTSP camera"
        memory_before = resident_memory_bytes()

        killed_at = time.time()  # before stop(): the source may notice while the server shuts down
        rtsp_server.stop()
        assert wait_for(lambda: health.status is HealthStatus.OFFLINE)
        assert wait_for(lambda: recorder.status is SourceStatus.OFFLINE)
        frames_before_restart = len(frames_seen)

        stopped_at = time.time()
        rtsp_server.start()
        restarted_at = time.time()
        assert wait_for(lambda: len(frames_seen) >= frames_before_restart + 8), "no frames after the restart"
        assert wait_for(lambda: any(s.start > killed_at for s in store.segments("gate-1")))
        memory_after = resident_memory_bytes()
    finally:
        source.close()
        recorder.close()
        consumer.join(timeout=10)

    assert source.stats.reconnects == 1
    assert [s.status for s in source_states] == [
        SourceStatus.CONNECTING, SourceStatus.ONLINE, SourceStatus.OFFLINE, SourceStatus.ONLINE,
        SourceStatus.CLOSED,
    ]  # fmt: skip
    assert [c.current for c in changes] == [
        HealthStatus.CONNECTING, HealthStatus.ONLINE, HealthStatus.OFFLINE, HealthStatus.ONLINE,
        HealthStatus.CLOSED,
    ]  # fmt: skip
    offline = changes[2]
    assert offline.at >= killed_at
    assert offline.reason

    assert [s.status for s in recorder_states][:4] == [
        SourceStatus.CONNECTING, SourceStatus.ONLINE, SourceStatus.OFFLINE, SourceStatus.ONLINE,
    ]  # fmt: skip
    recorded = store.segments("gate-1")
    before = [s for s in recorded if s.end <= killed_at + 0.5]
    after = [s for s in recorded if s.start > killed_at]
    assert before, "nothing recorded before the outage"
    assert after, "recording did not resume after the outage"
    assert after[0].start > before[-1].end  # the outage (here a fraction of a second) is a gap
    assert all(s.size_bytes > 0 for s in recorded)
    assert sorted(segments) == recorded  # every finished segment was announced
    # The listing shows one gap, the outage: none at segment boundaries while the camera streamed, and the
    # footage resumes with the first keyframe after the recorder reconnected.
    [gap] = timeline(store, "gate-1", recorded[0].start, recorded[-1].end).gaps
    back_online = recorder_states[3].at
    assert killed_at - GOP_SECONDS <= gap.start <= stopped_at + STREAM_CLOCK_SLACK
    assert restarted_at <= gap.end <= back_online

    assert max_queued <= 2
    assert source.stats.frames_dropped > 0
    assert memory_after - memory_before < 64 * 1024 * 1024


def first_frame(path: Path) -> av.VideoFrame:
    with av.open(str(path)) as container:
        return next(container.decode(video=0))


def all_frames(path: Path) -> list[av.VideoFrame]:
    with av.open(str(path)) as container:
        return list(container.decode(video=0))


@pytest.mark.slow
def test_a_returning_camera_is_recorded_from_the_first_frame_it_sends_and_a_new_size_gets_new_segments(
    rtsp_server: RtspServer, h264_clip: Path, vtest_small: list[Image], tmp_path: Path
) -> None:
    # The server sends each new client its clip from the first frame, a keyframe, as cameras do on PLAY.
    # Nothing of it may be lost to probing or to waiting for a later keyframe, on the first connection
    # and on the one after the outage, when the camera comes back at another resolution.
    wide = [np.asarray(cv2.resize(image, (480, 272)), dtype=np.uint8) for image in vtest_small]
    wide_clip = write_h264(tmp_path / "wide.mp4", cycle(wide, 30 * CLIP_FPS), fps=CLIP_FPS)
    store = SegmentStore(tmp_path / "recordings")
    with SegmentRecorder(rtsp_server.url, "gate-2", store, segment_seconds=60, read_timeout=3) as recorder:
        assert wait_for(lambda: recorder.stats.packets_written >= 2 * CLIP_FPS), "nothing recorded"
        rtsp_server.stop()
        assert wait_for(lambda: recorder.status is SourceStatus.OFFLINE)
        written_before = recorder.stats.packets_written
        rtsp_server.clip = wide_clip
        rtsp_server.start()
        assert wait_for(lambda: recorder.stats.packets_written >= written_before + 2 * CLIP_FPS)
    before, after = store.segments("gate-2")

    def same_picture(recorded: Path, sent: Path) -> bool:
        return np.array_equal(first_frame(recorded).to_ndarray(), first_frame(sent).to_ndarray())

    assert same_picture(before.path, h264_clip), "the first frame of the first connection was not recorded"
    assert same_picture(after.path, wide_clip), "the first frame after the return was not recorded"
    assert {(f.width, f.height) for f in all_frames(before.path)} == {(384, 288)}
    assert {(f.width, f.height) for f in all_frames(after.path)} == {(480, 272)}
    assert after.start > before.end
