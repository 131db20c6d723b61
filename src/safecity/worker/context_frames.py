"""Context frames for violations: a short ring of recent analysed frames per enforcement camera.

`ContextFrames` implements e-challan's `ContextCollector`: `collect(camera_id, at)` stores the frames
nearest `at - before_seconds`, `at` and `at + after_seconds` as JPEGs in the media store and returns their
hashes. Memory is bounded: each camera keeps at most `ring_length(fps)` frames (references to frames the
pipeline already decoded; nothing is copied or encoded until a violation needs it).
"""

from __future__ import annotations

import logging
import math
import threading
from collections import deque
from dataclasses import dataclass
from datetime import UTC
from datetime import datetime

from safecity.cameras.live_frames import encode_jpeg
from safecity.challan.evidence import CollectedMedia
from safecity.challan.evidence import EvidenceKind
from safecity.core.media import MediaError
from safecity.core.media import MediaStore
from safecity.video.frame import Frame

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ContextSettings:
    before_seconds: float = 1.0
    after_seconds: float = 1.0
    max_frames: int = 16  # hard bound per camera, whatever the frame rate

    def __post_init__(self) -> None:
        if self.before_seconds < 0 or self.after_seconds < 0 or self.max_frames < 2:
            raise ValueError("context seconds must be >= 0 and max_frames >= 2")

    def ring_length(self, fps: float) -> int:
        """Frames spanning before + after at `fps` (plus the frame at the event), capped at `max_frames`."""
        return max(2, min(self.max_frames, math.ceil((self.before_seconds + self.after_seconds) * fps) + 2))


class FrameRing:
    """The newest `maxlen` analysed frames of one camera."""

    def __init__(self, maxlen: int) -> None:
        self._frames: deque[Frame] = deque(maxlen=maxlen)
        self._lock = threading.Lock()

    @property
    def maxlen(self) -> int:
        return self._frames.maxlen or 0

    def __len__(self) -> int:
        return len(self._frames)

    def add(self, frame: Frame) -> None:
        with self._lock:
            self._frames.append(frame)

    def newest_time(self) -> float | None:
        with self._lock:
            return self._frames[-1].timestamp if self._frames else None

    def nearest(
        self, timestamp: float, *, not_after: float | None = None, not_before: float | None = None
    ) -> Frame | None:
        with self._lock:
            frames = [
                f
                for f in self._frames
                if (not_after is None or f.timestamp <= not_after)
                and (not_before is None or f.timestamp >= not_before)
            ]
        return min(frames, key=lambda f: abs(f.timestamp - timestamp), default=None)


class ContextFrames:
    """Rings of every enforcement camera of a worker, and the collector e-challan calls."""

    def __init__(self, media: MediaStore, settings: ContextSettings | None = None) -> None:
        self.media = media
        self.settings = settings or ContextSettings()
        self._rings: dict[str, FrameRing] = {}
        self._lock = threading.Lock()

    def ring(self, camera_id: str, fps: float) -> FrameRing:
        with self._lock:
            ring = self._rings.get(camera_id)
            if ring is None:
                ring = self._rings[camera_id] = FrameRing(self.settings.ring_length(fps))
            return ring

    def forget(self, camera_id: str) -> None:
        with self._lock:
            self._rings.pop(camera_id, None)

    def ready(self, camera_id: str, at: float) -> bool:
        """Whether the ring already holds the frame `after_seconds` past `at`."""
        ring = self._rings.get(camera_id)
        newest = ring.newest_time() if ring is not None else None
        return newest is not None and newest >= at + self.settings.after_seconds

    def collect(self, camera_id: str, at: datetime) -> list[CollectedMedia]:
        """Store the before / at / after frames around `at` that the ring still holds (each at most once)."""
        ring = self._rings.get(camera_id)
        if ring is None:
            return []
        moment = at.timestamp()
        at_frame = ring.nearest(moment)
        picks = {
            EvidenceKind.CONTEXT_BEFORE: ring.nearest(
                moment - self.settings.before_seconds, not_after=moment
            ),
            EvidenceKind.CONTEXT_AT: at_frame,
            EvidenceKind.CONTEXT_AFTER: ring.nearest(moment + self.settings.after_seconds, not_before=moment),
        }
        collected: list[CollectedMedia] = []
        for kind, frame in picks.items():
            if frame is None or (frame is at_frame and kind is not EvidenceKind.CONTEXT_AT):
                continue  # the ring has nothing earlier (or later) than the moment itself
            try:
                sha256 = self.media.put_bytes(encode_jpeg(frame.image), ".jpg").sha256
            except (MediaError, OSError, ValueError) as exc:
                log.error("camera %s: context frame not stored: %s", camera_id, exc)
                continue
            collected.append(CollectedMedia(kind, sha256, datetime.fromtimestamp(frame.timestamp, tz=UTC)))
        return collected
