"""Export one camera's footage between two times as a single MP4, by stream copy from its segments.

Stream copy cannot cut between keyframes, so the clip starts at the last keyframe at or before `start` (at
most one GOP early) and ends with the last frame at or before `end`. Outages stay as gaps in the timeline.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av

from safecity.video.decoder import FFMPEG_ERRORS
from safecity.video.decoder import describe
from safecity.video.segment_store import Segment
from safecity.video.segment_store import SegmentStore

log = logging.getLogger(__name__)

_CLIP_TICKS_PER_SECOND = 90_000
_CLIP_TIME_BASE = Fraction(1, _CLIP_TICKS_PER_SECOND)
# Segments are our own MP4s whose moov holds every codec parameter: probing more of the file only costs time.
_SEGMENT_INPUT_OPTIONS = {"probesize": "32", "analyzeduration": "0"}


class ClipError(Exception):
    """The clip cannot be made: a bad time range, no footage in it, or unreadable segments."""


@dataclass(frozen=True, slots=True)
class ClipInfo:
    path: Path
    camera_id: str
    start: float  # epoch seconds of the clip's first frame
    end: float  # epoch seconds of its last frame
    packets: int
    segments: int


@dataclass(slots=True)
class _TimedPacket:
    packet: av.Packet
    at: float  # epoch seconds when the frame is shown
    decode_at: float  # epoch seconds when it is decoded (differs from `at` with B-frames)


def export_clip(store: SegmentStore, camera_id: str, start: float, end: float, destination: Path) -> ClipInfo:
    if end <= start:
        raise ClipError(f"clip end {end} must be after its start {start}")
    segments = store.segments(camera_id, start, end)
    if not segments:
        raise ClipError(f"no recordings of camera {camera_id} between {start} and {end}")
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    try:
        info = _copy(segments, camera_id, start, end, partial, destination)
        partial.replace(destination)
    except FFMPEG_ERRORS as exc:
        raise ClipError(f"exporting {camera_id} [{start}, {end}] failed: {describe(exc)}") from exc
    finally:
        partial.unlink(missing_ok=True)
    return info


def _copy(
    segments: list[Segment], camera_id: str, start: float, end: float, partial: Path, destination: Path
) -> ClipInfo:
    with av.open(str(partial), mode="w", format="mp4", options={"movflags": "+faststart"}) as output:
        stream: av.VideoStream | None = None
        origin: float | None = None
        last_dts = -1
        first_at = last_at = 0.0
        written = 0
        used = 0
        for segment, packets in ((s, _packets_in(s, start, end)) for s in segments):
            wrote_from_segment = False
            for timed in packets:
                if stream is None:
                    stream = output.add_stream_from_template(timed.packet.stream)
                if origin is None:
                    origin, first_at = timed.decode_at, timed.at
                packet = timed.packet
                dts = max(round((timed.decode_at - origin) * _CLIP_TICKS_PER_SECOND), last_dts + 1)
                pts = max(round((timed.at - origin) * _CLIP_TICKS_PER_SECOND), dts)
                packet.dts, packet.pts = dts, pts
                packet.time_base = _CLIP_TIME_BASE
                packet.stream = stream
                output.mux(packet)
                last_dts, last_at = dts, max(last_at, timed.at)
                written += 1
                wrote_from_segment = True
            used += wrote_from_segment
            log.debug("clip %s: read %s", destination.name, segment.path.name)
        if stream is None or written == 0:
            raise ClipError(f"the recordings of camera {camera_id} between {start} and {end} hold no frames")
    return ClipInfo(destination, camera_id, first_at, last_at, written, used)


def _packets_in(segment: Segment, start: float, end: float) -> Iterator[_TimedPacket]:
    """The segment's packets shown in [start, end], beginning at the last keyframe at or before `start`."""
    try:
        container = av.open(str(segment.path), options=_SEGMENT_INPUT_OPTIONS)
    except FFMPEG_ERRORS as exc:
        log.warning("skipping unreadable segment %s: %s", segment.path, describe(exc))
        return
    with container:
        if not container.streams.video:
            return
        stream = container.streams.video[0]
        seconds_per_tick = float(stream.time_base or _CLIP_TIME_BASE)  # float: Fractions cost per packet
        first_pts: int | None = None
        lead_in: list[_TimedPacket] = []  # the GOP running into `start`, needed to decode its first frames
        started = False
        for packet in container.demux(stream):
            if packet.pts is None or packet.dts is None:
                continue
            if first_pts is None:
                first_pts = packet.pts
            timed = _TimedPacket(
                packet,
                at=segment.start + (packet.pts - first_pts) * seconds_per_tick,
                decode_at=segment.start + (packet.dts - first_pts) * seconds_per_tick,
            )
            if timed.at > end:
                break
            if not started and timed.at < start:
                if packet.is_keyframe:
                    lead_in = [timed]
                elif lead_in:
                    lead_in.append(timed)
                continue
            if not started:
                if not lead_in and not packet.is_keyframe:
                    continue  # nothing decodable until a keyframe
                started = True
                yield from lead_in
                lead_in = []
            yield timed
