"""Events-per-second and bytes-per-second over a sliding time window."""

from __future__ import annotations

import collections


class RateMeter:
    """Counts amounts at timestamps and reports their rate over the last `window` seconds."""

    def __init__(self, window: float = 5.0) -> None:
        if window <= 0:
            raise ValueError(f"rate window must be positive, got {window}")
        self._window = window
        self._samples: collections.deque[tuple[float, float]] = collections.deque()
        self._total = 0.0

    def add(self, at: float, amount: float = 1.0) -> None:
        self._samples.append((at, amount))
        self._total += amount
        self._expire(at)

    def rate(self, now: float) -> float:
        """Amount per second over the window ending at `now` (0 with fewer than two samples)."""
        self._expire(now)
        if len(self._samples) < 2:
            return 0.0
        span = max(now - self._samples[0][0], 1e-6)
        # The first sample opens the window; what it counts happened before it.
        return (self._total - self._samples[0][1]) / span

    def _expire(self, now: float) -> None:
        horizon = now - self._window
        while self._samples and self._samples[0][0] < horizon:
            _, amount = self._samples.popleft()
            self._total -= amount
