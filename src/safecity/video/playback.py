"""Playback of recorded footage: what was recorded in a window (segments and gaps) and the window as one MP4.

A window may cross any number of segment boundaries. The MP4 is stream-copied by `clip_export` (starting at
the keyframe at or before the window's start) and kept for a while in a cache folder, so the range requests
a player makes while it seeks through a download read a finished file instead of assembling it again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import time
from dataclasses import dataclass
from pathlib import Path

from safecity.core.errors import NotFoundError
from safecity.video.clip_export import ClipError
from safecity.video.clip_export import export_clip
from safecity.video.segment_store import Segment
from safecity.video.segment_store import SegmentStore

MAX_WINDOW_SECONDS = 3600.0
#: Segment names are in milliseconds, so consecutive segments may be a rounding apart without a real gap.
GAP_TOLERANCE_SECONDS = 0.002
CACHE_SECONDS = 15 * 60


class NoFootageError(NotFoundError):
    """Nothing was recorded in the window (or the recording asked for is gone)."""


@dataclass(frozen=True, slots=True)
class Gap:
    start: float
    end: float


@dataclass(frozen=True, slots=True)
class Timeline:
    camera_id: str
    start: float
    end: float
    segments: list[Segment]
    gaps: list[Gap]
    in_progress: Segment | None = None  # the segment being written at the live edge (not playable yet)

    @property
    def recorded_seconds(self) -> float:
        covered = [*self.segments, *([self.in_progress] if self.in_progress else [])]
        return sum(min(s.end, self.end) - max(s.start, self.start) for s in covered)


def timeline(
    store: SegmentStore, camera_id: str, start: float, end: float, in_progress: Segment | None = None
) -> Timeline:
    """The segments overlapping [start, end) and the stretches of it that no segment covers; the segment
    being written, when given and in the window, covers its part too (the live edge is not a gap)."""
    segments = store.segments(camera_id, start, end)
    if in_progress is not None and not in_progress.overlaps(start, end):
        in_progress = None
    gaps: list[Gap] = []
    covered_until = start
    for segment in [*segments, *([in_progress] if in_progress else [])]:
        if segment.start - covered_until > GAP_TOLERANCE_SECONDS:
            gaps.append(Gap(covered_until, segment.start))
        covered_until = max(covered_until, segment.end)
    if end - covered_until > GAP_TOLERANCE_SECONDS:
        gaps.append(Gap(covered_until, end))
    return Timeline(camera_id, start, end, segments, gaps, in_progress)


def footage_in(store: SegmentStore, camera_id: str, start: float, end: float) -> list[Segment]:
    segments = store.segments(camera_id, start, end)
    if not segments:
        raise NoFootageError(f"camera {camera_id} recorded nothing between {_iso(start)} and {_iso(end)}")
    return segments


def window_mp4(store: SegmentStore, camera_id: str, start: float, end: float, cache_dir: Path) -> Path:
    """The window as one stream-copied MP4 file in `cache_dir` (made now, or reused while the same
    segments are on disk)."""
    segments = footage_in(store, camera_id, start, end)
    cached = cache_dir / f"{_cache_key(camera_id, start, end, segments)}.mp4"
    try:
        os.utime(cached)  # in use: keep it
        return cached
    except FileNotFoundError:
        pass  # not made yet, or just removed as unused
    _forget_old(cache_dir)
    # A private name first: two requests for the same window must not write into one file.
    private = cache_dir / f"{cached.stem}.{os.getpid()}.{time.monotonic_ns()}.mp4"
    try:
        export_clip(store, camera_id, start, end, private)
        private.replace(cached)
    except ClipError as exc:  # the segments overlap the window but hold no frame in it
        raise NoFootageError(str(exc)) from exc
    finally:
        private.unlink(missing_ok=True)
    return cached


def _cache_key(camera_id: str, start: float, end: float, segments: list[Segment]) -> str:
    """Names the window and the exact files it is made of, so a segment added or deleted makes a new file."""
    parts = [camera_id, f"{start:.3f}", f"{end:.3f}"]
    parts += [f"{s.path.name}:{s.size_bytes}" for s in segments]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]


def _forget_old(cache_dir: Path) -> None:
    if not cache_dir.is_dir():
        return
    cut_off = time.time() - CACHE_SECONDS
    for path in cache_dir.glob("*.mp4"):
        try:
            if path.stat().st_mtime < cut_off:
                path.unlink()
        except FileNotFoundError:
            continue  # another request removed it meanwhile


def _iso(seconds: float) -> str:
    return dt.datetime.fromtimestamp(seconds, dt.UTC).isoformat().replace("+00:00", "Z")
