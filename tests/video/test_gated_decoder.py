"""Gated decoding of real H.264: what a still scene costs, and replayed pictures equal fully decoded ones."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import av
import numpy as np
import pytest
from tests.support.rtsp import RtspServer
from tests.support.rtsp import rtsp_unavailable_reason

from safecity.video.gated_decoder import decode_gated
from safecity.video.gated_decoder import luma
from safecity.video.packet_gate import PacketGate
from safecity.video.packet_gate import PacketGateSettings
from safecity.video.sources import open_source
from safecity.video.synthetic import MovingObject
from safecity.video.synthetic import SyntheticScene

FPS = 10.0
CAR = MovingObject("car", size=(160, 80), start=(-80, 200), end=(700, 200), start_time=7.3, end_time=11.0)


@pytest.fixture(scope="module")
def street(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """12 s of a still street (keyframes every 2 s); a car drives in at 7.3 s."""
    scene = SyntheticScene(width=640, height=360, fps=FPS, duration=12.0, objects=[CAR], noise_fields=8)
    return scene.write_h264(tmp_path_factory.mktemp("gated") / "street.mp4", gop_seconds=2.0)


def full_decode(path: Path) -> dict[float, np.ndarray]:
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        assert stream.time_base is not None
        return {
            round(float(frame.pts * stream.time_base), 2): luma(frame).copy()
            for frame in container.decode(stream)
            if frame.pts is not None
        }


def gated_decode(path: Path) -> tuple[dict[float, np.ndarray], int, PacketGate]:
    gate = PacketGate(PacketGateSettings(probe_seconds=4.0))
    skipped = 0

    def count_skip() -> None:
        nonlocal skipped
        skipped += 1

    with av.open(str(path)) as container:
        pictures = {
            round(decoded.pts, 2): luma(decoded.frame).copy()
            for decoded in decode_gated(container, gate, on_skipped=count_skip)
        }
    return pictures, skipped, gate


def test_still_stretch_decodes_only_probes_then_the_whole_gop_of_the_change(street: Path) -> None:
    pictures, skipped, gate = gated_decode(street)
    times = sorted(pictures)
    still = [t for t in times if 3.5 <= t < 6.0]
    assert still == []  # closed after the first 3 s; the next probe is due at 7 s (no keyframe at 7 s)
    assert gate.openings >= 1
    assert 6.0 in pictures  # the car's packets opened the gate: its GOP is decoded from the keyframe on ...
    assert all(round(6.0 + i / FPS, 2) in pictures for i in range(30))  # ... every picture of it
    assert skipped >= 20


def test_replayed_pictures_are_the_pictures_a_full_decode_gives(street: Path) -> None:
    full = full_decode(street)
    pictures, _, _ = gated_decode(street)
    for pts, picture in pictures.items():
        difference = np.abs(picture.astype(np.int16) - full[pts].astype(np.int16)).mean()
        assert difference == 0, f"picture at {pts} s differs from the full decode by {difference:.2f}"


def test_a_live_gated_camera_stamps_replayed_pictures_with_the_times_they_were_sent(street: Path) -> None:
    """Streamed live (RTSP, at its real pace), a GOP replayed when the gate opens comes out of the decoder in
    a burst; its frames must still be as far apart in time as in the stream (speeds and dwell times are
    measured from their timestamps)."""
    reason = rtsp_unavailable_reason()
    if reason:
        pytest.skip(reason)
    server = RtspServer(street)
    server.start()
    try:
        frames = []
        with open_source(server.url, "street", queue_size=200, gate=PacketGateSettings()) as source:
            for frame in source:  # the stream is 12 s long; stop once the car's GOP is well past
                frames.append(frame)
                if frame.pts - frames[0].pts >= 9.0:
                    break
    finally:
        server.stop()
    # The gate closed (a gap in the pictures), then opened mid-GOP: the pictures after the gap were decoded
    # from the GOP's keyframe at once.
    gap = next(i for i, (a, b) in enumerate(pairwise(frames), 1) if b.pts - a.pts > 0.5)
    replayed = [frame for frame in frames[gap:] if frame.pts - frames[gap].pts <= 1.0]
    assert len(replayed) >= 10
    pts_span = replayed[-1].pts - replayed[0].pts
    stamp_span = replayed[-1].timestamp - replayed[0].timestamp
    assert stamp_span >= 0.8 * pts_span, f"{pts_span:.2f} s of video stamped over {stamp_span:.2f} s"
    assert all(a.timestamp <= b.timestamp for a, b in pairwise(replayed))


def test_a_looping_still_file_restarts_after_its_last_packet_not_its_last_decoded_picture(
    tmp_path: Path,
) -> None:
    still = SyntheticScene(width=320, height=180, fps=FPS, duration=8.0, noise_fields=4)
    path = still.write_h264(tmp_path / "still.mp4", gop_seconds=2.0)
    with open_source(str(path), "still", loop=True, gate=PacketGateSettings()) as source:
        times = []
        for frame in source:
            times.append(frame.pts)
            if frame.pts >= 8.0:
                break
    assert max(t for t in times if t < 8.0) <= 3.5  # the gate closed after 3 s: nothing else was decoded
    assert times[-1] == pytest.approx(8.0, abs=0.01)  # the second round starts where the file ended


def test_a_gate_opening_right_after_it_closed_decodes_each_picture_once(tmp_path: Path) -> None:
    """The gate closes on the picture at 1.0 s and a bus appears in the very next one: the decoder still
    holds the GOP's chain, so the GOP must not be decoded (and delivered) a second time."""
    bus = MovingObject(
        "bus", size=(260, 160), start=(200, 180), end=(600, 180), start_time=1.05, end_time=3.0
    )
    scene = SyntheticScene(width=640, height=360, fps=FPS, duration=3.0, objects=[bus], noise_fields=4)
    path = scene.write_h264(tmp_path / "sudden.mp4", gop_seconds=1.0)
    gate = PacketGate(PacketGateSettings(hold_seconds=1.0))
    with av.open(str(path)) as container:
        times = [round(decoded.pts, 2) for decoded in decode_gated(container, gate)]
    assert gate.openings == 1
    assert times == [round(i / FPS, 2) for i in range(30)]  # every picture once, in order
