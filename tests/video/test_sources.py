"""open_source: files, HTTP (MJPEG, HLS), bad input and unreachable cameras."""

from __future__ import annotations

import itertools
import logging
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from tests.support.http_streams import serve_empty
from tests.support.http_streams import serve_folder
from tests.support.http_streams import serve_mjpeg
from tests.support.media import Image
from tests.support.media import write_audio_only
from tests.support.media import write_h264
from tests.support.rtsp import free_port

from safecity.video.frame import Frame
from safecity.video.sources import Backoff
from safecity.video.sources import SourceError
from safecity.video.sources import SourceState
from safecity.video.sources import SourceStatus
from safecity.video.sources import open_source

FAST_RETRY = Backoff(initial=0.05, maximum=0.2)


def wait_for(condition: Callable[[], bool], timeout: float = 15.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


class StateLog:
    def __init__(self) -> None:
        self.states: list[SourceState] = []
        self._lock = threading.Lock()

    def __call__(self, state: SourceState) -> None:
        with self._lock:
            self.states.append(state)

    @property
    def statuses(self) -> list[SourceStatus]:
        with self._lock:
            return [state.status for state in self.states]


# --------------------------------------------------------------------------------------------------- files
def test_a_file_yields_every_frame_in_order_as_bgr(vtest: Path) -> None:
    with open_source(str(vtest), "cam-1", start_time=1_000.0) as source:
        frames = list(source)

    assert len(frames) == 795  # vtest.avi: 795 frames at 10 fps
    assert [f.index for f in frames] == list(range(795))
    first = frames[0]
    assert first.camera_id == "cam-1"
    assert first.image.shape == (576, 768, 3)
    assert first.image.dtype == np.uint8
    assert frames[100].pts == pytest.approx(10.0)
    assert frames[100].timestamp == pytest.approx(1_010.0)
    assert source.stats.frames_decoded == 795
    assert source.stats.frames_delivered == 795
    assert source.stats.codec == "msmpeg4"


def test_reading_a_file_twice_gives_identical_frames(short_clip: Path) -> None:
    def read() -> list[Frame]:
        with open_source(f"file://{short_clip}", "cam-1", fps=5, start_time=0.0) as source:
            return list(source)

    first, second = read(), read()
    assert [f.pts for f in first] == [f.pts for f in second]
    assert all(np.array_equal(a.image, b.image) for a, b in zip(first, second, strict=True))


def test_sampling_keeps_frames_at_the_requested_rate(vtest: Path) -> None:
    with open_source(str(vtest), "cam-1", fps=2.5) as source:
        frames = list(source)

    gaps = np.diff([f.pts for f in frames])
    assert len(frames) == 199  # 79.5 s at 2.5 fps
    assert gaps == pytest.approx(np.full(len(gaps), 0.4))
    assert frames[1].index == 4  # indices count decoded frames, so 4 of 10 fps are skipped between


def test_a_looping_file_restarts_with_increasing_timestamps(short_clip: Path) -> None:
    with open_source(str(short_clip), "demo", loop=True) as source:
        frames = [frame for _, frame in zip(range(50), source, strict=False)]

    assert len(frames) == 50  # the clip holds only 20
    pts = [f.pts for f in frames]
    assert all(b > a for a, b in itertools.pairwise(pts))
    assert pts[20] == pytest.approx(2.0)
    assert np.array_equal(frames[0].image, frames[20].image)


def test_a_realtime_source_keeps_only_the_newest_frames_for_a_slow_consumer(
    vtest_small: list[Image], tmp_path: Path
) -> None:
    fast = write_h264(tmp_path / "fast.mp4", vtest_small * 5, fps=100)  # 3 s of 100 fps
    with open_source(str(fast), "demo", realtime=True, queue_size=2) as source:
        seen: list[Frame] = []
        for frame in source:
            seen.append(frame)
            assert source.queued <= 2
            time.sleep(0.1)  # a consumer ten times slower than the camera
            if len(seen) == 8:
                break
        stats = source.stats

    assert stats.frames_dropped > 0
    assert stats.frames_decoded > len(seen) + stats.frames_dropped - 3
    assert seen[-1].index - seen[0].index > 2 * len(seen)  # it skipped ahead rather than lagging behind


def test_closing_ends_iteration_of_a_looping_realtime_file(short_clip: Path) -> None:
    states = StateLog()
    source = open_source(str(short_clip), "demo", realtime=True, loop=True, on_state=states)
    frames = iter(source)
    next(frames)
    source.close()

    assert list(frames) == []
    assert states.statuses == [SourceStatus.CONNECTING, SourceStatus.ONLINE, SourceStatus.CLOSED]


# --------------------------------------------------------------------------------------------------- HTTP
def test_an_mjpeg_camera_over_http_delivers_frames(vtest_small: list[Image]) -> None:
    states = StateLog()
    with (
        serve_mjpeg(vtest_small[:10]) as base,
        open_source(f"{base}/video.mjpg", "mjpeg", on_state=states) as source,
    ):
        frames = [frame for _, frame in zip(range(5), source, strict=False)]

    assert len(frames) == 5
    assert frames[0].image.shape == (288, 384, 3)
    assert source.stats.codec == "mjpeg"
    assert states.statuses[:2] == [SourceStatus.CONNECTING, SourceStatus.ONLINE]


def test_an_hls_playlist_over_http_delivers_frames(short_clip: Path, tmp_path: Path) -> None:
    subprocess.run(
        ["ffmpeg", "-v", "error", "-i", str(short_clip), "-c", "copy", "-f", "hls", "-hls_time", "1",
         "-hls_playlist_type", "vod", str(tmp_path / "index.m3u8")],
        check=True,
    )  # fmt: skip
    with serve_folder(tmp_path) as base, open_source(f"{base}/index.m3u8", "hls", realtime=False) as source:
        frames = list(source)

    assert len(frames) == 20
    assert source.stats.codec == "h264"


# ---------------------------------------------------------------------------------------------- bad input
def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="not found"):
        open_source(str(tmp_path / "nope.mp4"), "cam-1")


def test_a_zero_byte_file_is_a_clear_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.mp4"
    empty.touch()
    with pytest.raises(SourceError, match=r"empty \(0 bytes\)"):
        open_source(str(empty), "cam-1")


def test_a_corrupt_file_is_a_clear_error(tmp_path: Path) -> None:
    corrupt = tmp_path / "corrupt.mp4"
    corrupt.write_bytes(np.random.default_rng(7).integers(0, 256, 50_000, dtype=np.uint8).tobytes())
    with pytest.raises(SourceError, match=r"cannot open .*corrupt\.mp4"):
        open_source(str(corrupt), "cam-1")


def test_a_file_with_damaged_video_data_yields_its_good_frames_and_counts_the_bad(
    short_clip: Path, tmp_path: Path
) -> None:
    data = bytearray(short_clip.read_bytes())
    start, end = len(data) * 2 // 10, len(data) * 8 // 10  # garbage over the middle of the frame data
    data[start:end] = np.random.default_rng(1).integers(0, 256, end - start, dtype=np.uint8).tobytes()
    damaged = tmp_path / "damaged.mp4"
    damaged.write_bytes(bytes(data))

    with open_source(str(damaged), "cam-1") as source:
        frames = list(source)

    assert 0 < len(frames) < 20
    assert source.stats.decode_errors > 0
    assert source.stats.last_error == "Invalid data found when processing input"


def test_a_file_without_video_is_a_clear_error(tmp_path: Path) -> None:
    audio = write_audio_only(tmp_path / "voice.m4a")
    with pytest.raises(SourceError, match="no video stream"):
        open_source(str(audio), "cam-1")


def test_a_video_codec_without_decoder_is_a_clear_error(short_clip: Path, tmp_path: Path) -> None:
    unknown = tmp_path / "unknown_codec.mp4"
    unknown.write_bytes(short_clip.read_bytes().replace(b"avc1", b"zzzz"))
    with pytest.raises(SourceError, match="unsupported video codec"):
        open_source(str(unknown), "cam-1")


def test_an_unsupported_scheme_is_a_clear_error() -> None:
    with pytest.raises(SourceError, match="unsupported source scheme 'ftp'"):
        open_source("ftp://camera/stream", "cam-1")


def test_a_password_never_appears_in_errors() -> None:
    with pytest.raises(SourceError) as error:
        open_source("ftp://admin:secret@camera/stream", "cam-1")
    assert "secret" not in str(error.value)


def test_an_unreachable_camera_goes_offline_and_keeps_retrying_without_raising(
    caplog: pytest.LogCaptureFixture,
) -> None:
    states = StateLog()
    url = f"rtsp://admin:secret@127.0.0.1:{free_port()}/cam"
    with caplog.at_level(logging.WARNING, logger="safecity.video"):
        source = open_source(url, "gate-3", on_state=states, backoff=FAST_RETRY)
        try:
            assert wait_for(lambda: source.stats.connect_attempts >= 3)
        finally:
            source.close()

    assert states.statuses == [SourceStatus.CONNECTING, SourceStatus.OFFLINE, SourceStatus.CLOSED]
    offline = states.states[1]
    assert "Connection refused" in offline.reason
    assert "secret" not in offline.reason
    assert "gate-3" in caplog.text
    assert "offline" in caplog.text
    assert list(source) == []  # a closed live source ends iteration


def test_a_zero_byte_http_stream_goes_offline_with_a_reason() -> None:
    states = StateLog()
    with serve_empty() as base:
        source = open_source(f"{base}/cam.mjpg", "empty-cam", on_state=states, backoff=FAST_RETRY)
        try:
            assert wait_for(lambda: SourceStatus.OFFLINE in states.statuses)
        finally:
            source.close()

    offline = next(state for state in states.states if state.status is SourceStatus.OFFLINE)
    assert offline.reason
    assert source.stats.last_error


# -------------------------------------------------------------------------------------------- hardware decode
@pytest.mark.parametrize("hwaccel", ["auto", "no-such-device"])
def test_hardware_decoding_falls_back_to_the_cpu_when_unavailable(short_clip: Path, hwaccel: str) -> None:
    with open_source(str(short_clip), "cam-1", hwaccel=hwaccel) as source:
        frames = list(source)

    assert len(frames) == 20
    assert frames[0].image.shape == (288, 384, 3)


def test_a_sample_rate_that_is_not_positive_is_a_clear_error(short_clip: Path) -> None:
    with pytest.raises(ValueError, match="sample fps must be positive"):
        open_source(str(short_clip), "cam-1", fps=0)
