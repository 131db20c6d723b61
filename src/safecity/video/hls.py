"""HLS of recorded footage: a playlist of fMP4 media segments cut from the recorded files by byte copy.

Each recorded segment is already fragmented MP4 with one fragment per GOP (`fmp4.py`), so an HLS media
segment is a run of whole fragments of one file, served as the bytes they are, and the file's `ftyp` +
`moov` is its init section. Every recorded file starts its own timeline (and may follow a gap, or a codec
change), so each begins a discontinuity with its own `EXT-X-MAP`; every media segment carries
`EXT-X-PROGRAM-DATE-TIME`, which is how a player seeks by wall time. Nothing is re-encoded or remuxed.
"""

from __future__ import annotations

import bisect
import datetime as dt
import logging
import math
from collections.abc import Callable
from dataclasses import dataclass

from safecity.video.fmp4 import Fmp4Error
from safecity.video.fmp4 import FragmentIndex
from safecity.video.fmp4 import read_fragments
from safecity.video.fmp4 import read_range
from safecity.video.playback import NoFootageError
from safecity.video.playback import footage_in
from safecity.video.segment_store import Segment
from safecity.video.segment_store import SegmentStore

log = logging.getLogger(__name__)

#: Media segments are whole GOPs adding up to at least this long (one GOP if it is longer).
TARGET_SECONDS = 4.0
INIT_NAME = "init.mp4"

#: The URI of a file of the playlist: (recorded segment's start in ms, "init.mp4" or "<first>-<last>.m4s").
UriFor = Callable[[int, str], str]


@dataclass(frozen=True, slots=True)
class Piece:
    """Fragments first..last (inclusive) of one recorded segment."""

    segment: Segment
    first: int
    last: int
    start: float  # epoch seconds of its first frame
    duration: float

    @property
    def name(self) -> str:
        return f"{self.first}-{self.last}.m4s"


def segment_ms(segment: Segment) -> int:
    return round(segment.start * 1000)


def playlist(store: SegmentStore, camera_id: str, start: float, end: float, uri_for: UriFor) -> str:
    """A VOD media playlist of [start, end); raises `NoFootageError` when nothing was recorded in it."""
    runs = [
        run for segment in footage_in(store, camera_id, start, end) if (run := _pieces(segment, start, end))
    ]
    if not runs:
        raise NoFootageError(f"the recordings of camera {camera_id} in this window cannot be read")
    longest = max(piece.duration for run in runs for piece in run)
    lines = [
        "#EXTM3U",
        "#EXT-X-VERSION:7",
        f"#EXT-X-TARGETDURATION:{max(1, math.ceil(longest))}",
        "#EXT-X-MEDIA-SEQUENCE:0",
        "#EXT-X-PLAYLIST-TYPE:VOD",
        "#EXT-X-INDEPENDENT-SEGMENTS",
    ]
    for number, run in enumerate(runs):
        if number:
            lines.append("#EXT-X-DISCONTINUITY")
        ms = segment_ms(run[0].segment)
        lines.append(f'#EXT-X-MAP:URI="{uri_for(ms, INIT_NAME)}"')
        for piece in run:
            lines.append(f"#EXT-X-PROGRAM-DATE-TIME:{_program_date_time(piece.start)}")
            lines.append(f"#EXTINF:{piece.duration:.3f},")
            lines.append(uri_for(ms, piece.name))
    lines.append("#EXT-X-ENDLIST")
    return "\n".join(lines) + "\n"


def init_section(store: SegmentStore, camera_id: str, start_ms: int) -> bytes:
    segment = _segment(store, camera_id, start_ms)
    index = _index(segment)
    return read_range(segment.path, 0, index.init_size)


def media_section(store: SegmentStore, camera_id: str, start_ms: int, first: int, last: int) -> bytes:
    """Fragments first..last of the recorded segment that starts at `start_ms`, as one fMP4 media segment."""
    segment = _segment(store, camera_id, start_ms)
    fragments = _index(segment).fragments
    if not 0 <= first <= last < len(fragments):
        raise NoFootageError(
            f"recording {start_ms} of camera {camera_id} has fragments 0-{len(fragments) - 1}, "
            f"not {first}-{last}"
        )
    begin = fragments[first].offset
    finish = fragments[last].offset + fragments[last].size
    return read_range(segment.path, begin, finish - begin)


def _pieces(segment: Segment, start: float, end: float) -> list[Piece]:
    """The segment's fragments that show [start, end) (from the keyframe at or before `start`), grouped."""
    try:
        index = _index(segment)
    except NoFootageError as exc:
        log.warning("leaving an unreadable recording out of a playlist: %s", exc)
        return []
    starts = [segment.start + index.seconds(fragment) for fragment in index.fragments]
    ends = [*starts[1:], max(segment.end, starts[-1])]
    first = max(bisect.bisect_right(starts, start) - 1, 0)
    last = bisect.bisect_left(starts, end) - 1
    pieces: list[Piece] = []
    begin = first
    for number in range(first, last + 1):
        if ends[number] - starts[begin] >= TARGET_SECONDS or number == last:
            pieces.append(Piece(segment, begin, number, starts[begin], ends[number] - starts[begin]))
            begin = number + 1
    return pieces


def _segment(store: SegmentStore, camera_id: str, start_ms: int) -> Segment:
    at = start_ms / 1000
    for segment in store.segments(camera_id, at, at + 0.001):
        if segment_ms(segment) == start_ms:
            return segment
    raise NoFootageError(f"camera {camera_id} has no recording starting at {start_ms} ms (deleted since?)")


def _index(segment: Segment) -> FragmentIndex:
    try:
        return read_fragments(segment.path)
    except (Fmp4Error, OSError) as exc:
        raise NoFootageError(f"recording {segment.path.name} of camera {segment.camera_id}: {exc}") from exc


def _program_date_time(seconds: float) -> str:
    return (
        dt.datetime.fromtimestamp(seconds, dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    )
