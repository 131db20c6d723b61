"""A recording session's packets from its first keyframe on, each with timestamps.

FFmpeg's RTSP demuxer hands over a session's first packet before it has placed the RTP clock: no pts, no dts.
With cameras that start a session on a keyframe (the test server, and most cameras on PLAY) that packet is
the keyframe, and skipping it meant waiting a whole GOP for the next one. It is kept instead and given the
timestamps of the frame before the next timestamped packet.
"""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Iterator

import av


def frame_ticks(stream: av.VideoStream) -> int:
    """One frame's duration in the stream's time base (25 fps when the stream does not say)."""
    rate = stream.average_rate or stream.guessed_rate or 25
    if stream.time_base is None:
        return 1
    return max(round(1 / (rate * stream.time_base)), 1)


def from_first_keyframe(packets: Iterable[av.Packet], ticks_per_frame: int) -> Iterator[av.Packet]:
    """`packets` from the first keyframe on; packets still without timestamps after that are left out (they
    cannot be placed in time), as are empty (flush) packets."""
    held: av.Packet | None = None  # a leading keyframe that arrived without timestamps
    started = False
    for packet in packets:
        if not packet.size:
            continue
        if packet.pts is None or packet.dts is None:
            if not started and held is None and packet.is_keyframe:
                held = packet
            continue
        if not started:
            if held is not None:
                held.dts = packet.dts - (held.duration or ticks_per_frame)
                held.pts = held.dts
                started = True
                yield held
            elif not packet.is_keyframe:
                continue  # a segment must start on a keyframe to be playable
            started = True
        yield packet
