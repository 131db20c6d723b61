"""Read-only view of the camera workers' recordings, for cutting violation clips on an API node.

The workers write `SegmentStore` folders (ROOT/<camera>/<YYYY-MM-DD UTC>/<start_ms>-<end_ms>.mp4, and
`<start_ms>.partial.mp4` while a segment is open) and keep their index in memory, often in another process.
This view lists the finished segment files of the days a query touches, every time it is asked, so it sees
segments the worker finished a moment ago, holds nothing in memory between calls, and never touches a file
(`SegmentStore.rebuild` would salvage the partial file a worker is still writing).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from safecity.video.segment_store import Segment, SegmentStore, check_camera_id

_FINISHED = re.compile(r"^(\d+)-(\d+)\.mp4$")  # the layout of `safecity.video.segment_store`
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# A segment lives in the folder of the day it started, so one that overlaps `start` may be a day older.
_LOOK_BACK = dt.timedelta(days=1)


def default_recordings_dir(data_dir: Path) -> Path:
    """Where `safecity worker` records (`safecity.worker.worker.recordings_dir`)."""
    from safecity.worker.worker import recordings_dir  # deferred: the worker module is heavy to import

    return recordings_dir(data_dir)


class RecordingsOnDisk(SegmentStore):
    """A `SegmentStore` whose `segments()` reads the folders each time; for reading only."""

    def segments(
        self, camera_id: str | None = None, start: float | None = None, end: float | None = None
    ) -> list[Segment]:
        if camera_id is None:
            return []  # cutting clips always names the camera; a scan of every camera is not needed
        try:
            camera_dir = self.root / check_camera_id(camera_id)
        except ValueError:
            return []
        if not camera_dir.is_dir():
            return []
        low = float("-inf") if start is None else start
        high = float("inf") if end is None else end
        first_day = None if start is None else (_day(start) - _LOOK_BACK).isoformat()
        last_day = None if end is None else _day(end).isoformat()
        found: list[Segment] = []
        for day_dir in camera_dir.iterdir():
            name = day_dir.name
            if not _DAY.match(name) or (first_day and name < first_day) or (last_day and name > last_day):
                continue
            for path in day_dir.glob("*.mp4"):
                finished = _FINISHED.match(path.name)
                if finished is None:
                    continue
                segment_start, segment_end = int(finished[1]) / 1000, int(finished[2]) / 1000
                if not (segment_start < high and low < segment_end):
                    continue
                try:
                    size = path.stat().st_size
                except FileNotFoundError:
                    continue  # deleted by retention meanwhile
                found.append(Segment(segment_start, segment_end, camera_id, path, size))
        return sorted(found)


def _day(seconds: float) -> dt.date:
    return dt.datetime.fromtimestamp(seconds, dt.UTC).date()
