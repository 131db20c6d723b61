"""Recorded segments on disk and their index, which is rebuilt from the files after a restart.

The one owner of the recording layout: ROOT/<camera_id>/<YYYY-MM-DD UTC>/<start_ms>-<end_ms>.mp4 for finished
segments and <start_ms>.partial.mp4 while one is being written; ROOT is `recordings_dir(data_dir)` unless
configured. Segments are fragmented MP4, so a partial file left by a crash is still readable: `rebuild()`
measures it and turns it into a finished segment. `RecordingsOnDisk` reads the same folders without an index.
"""

from __future__ import annotations

import bisect
import datetime as dt
import logging
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path

import av
import av.container

from safecity.video.decoder import FFMPEG_ERRORS

log = logging.getLogger(__name__)

_CAMERA_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")
_FINISHED = re.compile(r"^(\d+)-(\d+)\.mp4$")
#: Fragmented MP4: every keyframe closes a fragment, so a crash loses at most the fragment being written —
#: provided each closed fragment reaches the file: `flush_packets` empties the I/O buffer after every packet
#: (without it a low-bitrate camera's last 32 KB, many seconds, died with the process).
SEGMENT_MUXER_OPTIONS = {"movflags": "frag_keyframe+empty_moov+default_base_moof", "flush_packets": "1"}
_PARTIAL = re.compile(r"^(\d+)\.partial\.mp4$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: A partial file not written to for this long belongs to a recorder that stopped (it is salvaged at restart).
IN_PROGRESS_STALE_SECONDS = 30.0
# A segment lives in the folder of the day it started, so one that overlaps `start` may be a day older.
_LOOK_BACK = dt.timedelta(days=1)


def recordings_dir(data_dir: Path) -> Path:
    """Where the camera workers record when no other folder is configured."""
    return data_dir / "recordings"


@dataclass(frozen=True, slots=True, order=True)
class Segment:
    start: float  # epoch seconds of the first frame
    end: float  # epoch seconds just after the last frame
    camera_id: str = field(compare=False)
    path: Path = field(compare=False)
    size_bytes: int = field(compare=False)

    @property
    def duration(self) -> float:
        return self.end - self.start

    def overlaps(self, start: float, end: float) -> bool:
        return self.start < end and start < self.end


@dataclass(frozen=True, slots=True)
class RebuildReport:
    segments: int
    recovered: int  # partial files from an interrupted run, kept
    discarded: int  # partial files with no readable video, deleted


def check_camera_id(camera_id: str) -> str:
    """Camera ids become folder names: letters, digits, '.', '_' and '-' only."""
    if not _CAMERA_ID.match(camera_id) or ".." in camera_id:
        raise ValueError(
            f"camera id {camera_id!r} is not usable as a folder name (use letters, digits, . _ -)"
        )
    return camera_id


class SegmentStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        self._by_camera: dict[str, list[Segment]] = {}
        self._lock = threading.Lock()

    def partial_path(self, camera_id: str, start: float) -> Path:
        """Where a segment starting at `start` is written while it is open."""
        folder = self._day_folder(check_camera_id(camera_id), start)
        folder.mkdir(parents=True, exist_ok=True)
        return folder / f"{_ms(start)}.partial.mp4"

    def finish(self, partial: Path, camera_id: str, start: float, end: float) -> Segment:
        """Give a written partial file its final name and add it to the index."""
        final = partial.with_name(f"{_ms(start)}-{max(_ms(end), _ms(start) + 1)}.mp4")
        partial.replace(final)
        segment = Segment(start, end, camera_id, final, final.stat().st_size)
        self._add(segment)
        return segment

    def rebuild(self) -> RebuildReport:
        """Forget the index and read it back from disk, recovering partial files. Call before recording."""
        with self._lock:
            self._by_camera.clear()
        recovered = discarded = 0
        if not self.root.is_dir():
            return RebuildReport(0, 0, 0)
        for camera_dir in sorted(p for p in self.root.iterdir() if p.is_dir() and _CAMERA_ID.match(p.name)):
            for path in sorted(camera_dir.glob("*/*.mp4")):
                if finished := _finished_segment(camera_dir.name, path):
                    self._add(finished)
                elif partial := _PARTIAL.match(path.name):
                    start = int(partial[1]) / 1000
                    duration = _salvage(path)
                    if duration is None:
                        log.warning("discarding unreadable partial recording %s", path)
                        path.unlink(missing_ok=True)
                        discarded += 1
                    else:
                        self.finish(path, camera_dir.name, start, start + duration)
                        recovered += 1
        return RebuildReport(len(self.segments()), recovered, discarded)

    def segments(
        self, camera_id: str | None = None, start: float | None = None, end: float | None = None
    ) -> list[Segment]:
        """Finished segments, oldest first, of one camera (or all), overlapping [start, end) if given."""
        with self._lock:
            lists = [self._by_camera.get(camera_id, [])] if camera_id else list(self._by_camera.values())
            found = [segment for segments in lists for segment in segments]
        low = float("-inf") if start is None else start
        high = float("inf") if end is None else end
        return sorted(segment for segment in found if segment.overlaps(low, high))

    def delete(self, segment: Segment) -> None:
        with self._lock:
            segments = self._by_camera.get(segment.camera_id, [])
            if segment in segments:
                segments.remove(segment)
        segment.path.unlink(missing_ok=True)

    def total_bytes(self) -> int:
        return sum(segment.size_bytes for segment in self.segments())

    def _add(self, segment: Segment) -> None:
        with self._lock:
            bisect.insort(self._by_camera.setdefault(segment.camera_id, []), segment)

    def _day_folder(self, camera_id: str, start: float) -> Path:
        day = dt.datetime.fromtimestamp(start, dt.UTC).date().isoformat()
        return self.root / camera_id / day


class RecordingsOnDisk(SegmentStore):
    """A `SegmentStore` whose `segments()` reads the folders each time, for processes that do not record.

    It sees segments a worker (often another process) finished a moment ago, holds nothing in memory between
    calls, and never touches a partial file (`rebuild` would salvage the one a worker is still writing).
    """

    def segments(
        self, camera_id: str | None = None, start: float | None = None, end: float | None = None
    ) -> list[Segment]:
        low = float("-inf") if start is None else start
        high = float("inf") if end is None else end
        first_day = None if start is None else (_day(start) - _LOOK_BACK).isoformat()
        last_day = None if end is None else _day(end).isoformat()
        found: list[Segment] = []
        for camera_dir in self._camera_dirs(camera_id):
            for day_dir in camera_dir.iterdir():
                name = day_dir.name
                if not _DAY.match(name) or (first_day and name < first_day) or (last_day and name > last_day):
                    continue
                for path in day_dir.glob("*.mp4"):
                    segment = _finished_segment(camera_dir.name, path)
                    if segment is not None and segment.overlaps(low, high):
                        found.append(segment)
        return sorted(found)

    def in_progress(self, camera_id: str, now: float) -> Segment | None:
        """The segment a recorder is writing now, up to its last flushed fragment (the file's modification
        time), or None. A partial file untouched for `IN_PROGRESS_STALE_SECONDS` is not being written: it is
        left for `rebuild` at the recorder's next start."""
        newest: Segment | None = None
        for camera_dir in self._camera_dirs(camera_id):
            for path in camera_dir.glob("*/*.partial.mp4"):
                partial = _PARTIAL.match(path.name)
                try:
                    stat = path.stat()
                except FileNotFoundError:
                    continue  # finished meanwhile
                if partial is None or now - stat.st_mtime > IN_PROGRESS_STALE_SECONDS:
                    continue
                start = int(partial[1]) / 1000
                segment = Segment(start, max(stat.st_mtime, start + 0.001), camera_id, path, stat.st_size)
                newest = max(newest, segment) if newest else segment
        return newest

    def _camera_dirs(self, camera_id: str | None) -> list[Path]:
        if camera_id is None:
            if not self.root.is_dir():
                return []
            return [path for path in self.root.iterdir() if path.is_dir() and _CAMERA_ID.match(path.name)]
        try:
            camera_dir = self.root / check_camera_id(camera_id)
        except ValueError:
            return []
        return [camera_dir] if camera_dir.is_dir() else []


def _finished_segment(camera_id: str, path: Path) -> Segment | None:
    """The segment a finished file holds, from its name; None for other files or one deleted meanwhile."""
    finished = _FINISHED.match(path.name)
    if finished is None:
        return None
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return None  # deleted by retention meanwhile
    return Segment(int(finished[1]) / 1000, int(finished[2]) / 1000, camera_id, path, size)


def _day(seconds: float) -> dt.date:
    return dt.datetime.fromtimestamp(seconds, dt.UTC).date()


def _ms(seconds: float) -> int:
    return round(seconds * 1000)


def _salvage(partial: Path) -> float | None:
    """Rewrite a crashed partial file with its packets that still decode; returns their duration in seconds.

    The tail of a file cut off mid-write is a truncated packet that would break players, so it is dropped.
    Returns None (and writes nothing) when not even one packet is usable.
    """
    salvaged = partial.with_name(partial.name.replace(".partial.mp4", ".salvage.mp4"))
    try:
        with av.open(str(partial)) as source:
            if not source.streams.video:
                return None
            stream = source.streams.video[0]
            good = list(_decodable_prefix(source, stream))
            if not good or stream.time_base is None:
                return None
            with av.open(str(salvaged), mode="w", format="mp4", options=SEGMENT_MUXER_OPTIONS) as output:
                copy = output.add_stream_from_template(stream)
                for packet in good:
                    packet.stream = copy
                    output.mux(packet)
            first = min(p.pts for p in good if p.pts is not None)
            last = max(p.pts for p in good if p.pts is not None)
            duration = float((last - first + (good[-1].duration or 0)) * stream.time_base)
        salvaged.replace(partial)
        return max(duration, 0.001)
    except FFMPEG_ERRORS as exc:
        log.warning("cannot salvage %s: %s", partial, exc)
        return None
    finally:
        salvaged.unlink(missing_ok=True)


def _decodable_prefix(container: av.container.InputContainer, stream: av.VideoStream) -> Iterator[av.Packet]:
    for packet in container.demux(stream):
        if packet.pts is None or packet.dts is None or not packet.size:
            continue
        try:
            stream.decode(packet)
        except FFMPEG_ERRORS:
            return
        yield packet
