"""Hold a file back to its natural speed when it stands in for a live camera."""

from __future__ import annotations

import threading
import time


class Pacer:
    def __init__(self, stop: threading.Event) -> None:
        self._stop = stop
        self._origin: tuple[float, float] | None = None  # (monotonic time, pts) of the first frame

    def wait_until(self, pts: float) -> None:
        """Sleep until the frame at `pts` is due; a step back in pts (a new loop) restarts the clock."""
        now = time.monotonic()
        if self._origin is None or pts < self._origin[1]:
            self._origin = (now, pts)
            return
        delay = self._origin[0] + (pts - self._origin[1]) - now
        if delay > 0:
            self._stop.wait(delay)
