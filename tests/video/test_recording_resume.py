"""What decides the footage lost when a camera comes back: the retry pace, the first keyframe, the clock."""

from __future__ import annotations

import random
from pathlib import Path

import av
import pytest

from safecity.video.arrival_clock import ArrivalClock
from safecity.video.keyframe_start import frame_ticks
from safecity.video.keyframe_start import from_first_keyframe
from safecity.video.reconnect import Backoff
from safecity.video.recorder import RECORDING_BACKOFF


def test_retries_stay_quick_in_the_first_minute_after_a_drop_then_back_off() -> None:
    backoff = Backoff(initial=0.1, maximum=1.0, quick_seconds=60.0)
    rng = random.Random(1)
    quick = [backoff.delay(failures, since_lost=failures * 0.15, rng=rng) for failures in range(1, 300)]
    assert all(0.1 <= wait <= 0.2 for wait in quick)
    later = [backoff.delay(failures, since_lost=60.0 + failures, rng=rng) for failures in range(1, 10)]
    assert later[0] < later[3] <= 1.0
    assert later[-1] == 1.0


def test_without_a_quick_window_waits_double_up_to_the_maximum() -> None:
    backoff = Backoff(initial=0.5, maximum=4.0)
    rng = random.Random(2)
    waits = [backoff.delay(failures, since_lost=0.0, rng=rng) for failures in range(1, 6)]
    assert [int(wait) for wait in waits] == [0, 1, 2, 4, 4]


def test_the_recorder_retries_quickly_after_a_drop() -> None:
    assert RECORDING_BACKOFF.quick_seconds >= 30
    assert RECORDING_BACKOFF.delay(1, since_lost=0.0) <= 2 * RECORDING_BACKOFF.initial <= 0.5


def test_a_negative_quick_window_is_refused() -> None:
    with pytest.raises(ValueError, match="quick_seconds"):
        Backoff(quick_seconds=-1.0)


def test_frames_are_placed_at_their_earliest_possible_arrival() -> None:
    clock = ArrivalClock(settle_seconds=5.0)
    # three frames held back by the probe arrive together at 100.5; the next ones arrive on time
    for media, arrived in [(0.0, 100.5), (0.1, 100.5), (0.2, 100.5), (0.3, 100.3), (0.4, 100.41)]:
        clock.observe(media, arrived)
    assert clock.wall(0.0) == pytest.approx(100.0)
    clock.observe(30.0, 129.0)  # after settling, a camera clock running fast moves nothing
    assert clock.wall(60.0) == pytest.approx(160.0)


def test_a_clock_that_saw_no_frame_refuses_to_guess() -> None:
    with pytest.raises(RuntimeError, match="no frame"):
        ArrivalClock().wall(0.0)


def test_a_first_keyframe_without_timestamps_is_kept_as_rtsp_delivers_it(h264_clip: Path) -> None:
    with av.open(str(h264_clip)) as container:
        stream = container.streams.video[0]
        original = [p for p in container.demux(stream) if p.size]
        ticks = frame_ticks(stream)
        expected = [(p.pts, p.dts) for p in original]
        original[0].pts = original[0].dts = None  # FFmpeg's RTSP demuxer has not placed the clock yet
        kept = list(from_first_keyframe(original, ticks))
    assert kept[0] is original[0]
    assert kept[0].is_keyframe
    assert [(p.pts, p.dts) for p in kept[1:]] == expected[1:]
    second_dts = kept[1].dts
    assert second_dts is not None
    assert kept[0].dts == second_dts - ticks


def test_packets_before_the_first_keyframe_are_left_out(h264_clip: Path) -> None:
    with av.open(str(h264_clip)) as container:
        stream = container.streams.video[0]
        packets = [p for p in container.demux(stream) if p.size]
        ticks = frame_ticks(stream)
    keyframes = [i for i, p in enumerate(packets) if p.is_keyframe]
    joined_late = packets[1:]  # a session that began mid-GOP
    kept = list(from_first_keyframe(joined_late, ticks))
    assert kept[0] is packets[keyframes[1]]
    assert len(kept) == len(packets) - keyframes[1]
