"""Which live pictures are worth sending: all of a camera someone watches, few of the others.

A city's cameras cannot all stream JPEGs to one NATS server at `live_fps` (8,000 cameras × 2 variants ×
5/s × ~100 kB is GB/s). So a follower (an MJPEG stream on an API node) marks its camera as watched, again
every `VIEWER_REFRESH_SECONDS`; a mark holds `VIEWER_HOLD_SECONDS`. A worker sends every picture of a
watched camera, and of the others only a clean picture every `idle_seconds` (enough for snapshots and for
the first picture of a new viewer) and no overlay.
"""

from __future__ import annotations

import threading
import time

VIEWER_REFRESH_SECONDS = 5.0
VIEWER_HOLD_SECONDS = 15.0
IDLE_SECONDS = 5.0


class LiveDemand:
    def __init__(self, idle_seconds: float | None = IDLE_SECONDS) -> None:
        """`idle_seconds=None`: send every picture, watched or not."""
        self._idle_seconds = idle_seconds
        self._watched_until: dict[str, float] = {}
        self._last_idle_picture: dict[str, float] = {}
        self._lock = threading.Lock()

    def watched(self, camera: str, now: float | None = None) -> None:
        """Someone is watching `camera` (as of `now`, monotonic seconds)."""
        with self._lock:
            self._watched_until[camera] = (time.monotonic() if now is None else now) + VIEWER_HOLD_SECONDS

    def wanted(self, camera: str, *, overlay: bool, now: float | None = None) -> bool:
        """Whether to send this picture now; a True for an unwatched camera's clean picture counts as sent."""
        if self._idle_seconds is None:
            return True
        now = time.monotonic() if now is None else now
        with self._lock:
            if now < self._watched_until.get(camera, -1.0):
                return True
            if overlay:
                return False
            last = self._last_idle_picture.get(camera)
            if last is not None and now - last < self._idle_seconds:
                return False
            self._last_idle_picture[camera] = now
            return True

    def forget(self, camera: str) -> None:
        with self._lock:
            self._watched_until.pop(camera, None)
            self._last_idle_picture.pop(camera, None)
