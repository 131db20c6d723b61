"""When a live stream's frames happened, from when they arrived.

A frame cannot arrive before it was filmed, and a live camera sends at the speed it films, so the earliest
"arrival time − media time" seen is the best estimate of the wall time of media time 0. Frames that waited
in FFmpeg's buffer while the stream was probed arrive late together; frames after them arrive on time and
pull the estimate back. It is settled over the first `settle_seconds` of media and then kept, so a camera
clock that drifts against ours does not move footage already placed.
"""

from __future__ import annotations

import math


class ArrivalClock:
    def __init__(self, settle_seconds: float = 5.0) -> None:
        self._settle = settle_seconds
        self._origin = math.inf

    def observe(self, media_seconds: float, arrived_at: float) -> None:
        if media_seconds <= self._settle:
            self._origin = min(self._origin, arrived_at - media_seconds)

    def wall(self, media_seconds: float) -> float:
        """Epoch seconds of the frame at `media_seconds`; call `observe` with at least one frame first."""
        if math.isinf(self._origin):
            raise RuntimeError("no frame observed yet")
        return self._origin + media_seconds
