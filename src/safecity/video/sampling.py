"""Pick frames at a target rate from a stream by their presentation times."""

from __future__ import annotations

# A jump this large in presentation time (or any step back) means a new stream: restart the schedule.
_DISCONTINUITY_SECONDS = 5.0


class FrameSampler:
    """Keeps a frame when its pts reaches the next due time; `fps=None` keeps every frame."""

    def __init__(self, fps: float | None) -> None:
        if fps is not None and fps <= 0:
            raise ValueError(f"sample fps must be positive, got {fps}")
        self._interval = 1.0 / fps if fps else 0.0
        self._next_due: float | None = None
        self._last_pts: float | None = None

    def keep(self, pts: float) -> bool:
        if self._last_pts is not None and not (0 <= pts - self._last_pts <= _DISCONTINUITY_SECONDS):
            self._next_due = None
        self._last_pts = pts
        if self._next_due is None or pts >= self._next_due - 1e-6:
            due = self._next_due if self._next_due is not None else pts
            # Fall back onto the schedule rather than bursting to catch up after a gap.
            self._next_due = max(due + self._interval, pts + self._interval / 2)
            return True
        return False

    def reset(self) -> None:
        self._next_due = None
        self._last_pts = None
