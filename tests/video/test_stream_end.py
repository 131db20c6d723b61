"""The packet a live stream ends on is not recorded: a camera that vanished mid-frame leaves it cut short."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import av
import pytest

from safecity.video.stream_end import whole_packets


def clip_packets(clip: Path, count: int) -> list[av.Packet]:
    with av.open(str(clip)) as container:
        return [p for p in container.demux(video=0) if p.size][:count]


def test_each_packet_is_handed_on_and_the_one_the_stream_ends_on_is_reported_cut(h264_clip: Path) -> None:
    packets = clip_packets(h264_clip, 12)
    cut: list[av.Packet] = []

    recorded = list(whole_packets(packets, cut.append))

    assert recorded == packets[:-1]
    assert cut == [packets[-1]]


def test_a_failing_stream_reports_the_packet_it_was_holding_and_the_failure_goes_on(h264_clip: Path) -> None:
    packets = clip_packets(h264_clip, 5)

    def connection_lost() -> Iterator[av.Packet]:
        yield from packets
        raise OSError("connection reset by peer")

    cut: list[av.Packet] = []
    reading = whole_packets(connection_lost(), cut.append)
    recorded = [next(reading) for _ in packets[:-1]]
    with pytest.raises(OSError, match="connection reset"):
        next(reading)

    assert recorded == packets[:-1]
    assert cut == [packets[-1]]


def test_a_reader_that_stops_early_is_not_told_of_a_cut(h264_clip: Path) -> None:
    packets = clip_packets(h264_clip, 5)
    cut: list[av.Packet] = []

    reading = whole_packets(packets, cut.append)
    first = next(reading)
    reading.close()  # the recorder was closed: the stream did not end

    assert first is packets[0]
    assert cut == []


def test_an_empty_stream_reports_nothing() -> None:
    cut: list[av.Packet] = []

    assert list(whole_packets([], cut.append)) == []
    assert cut == []
