"""Fixed-budget rate limiting per key (login attempts, citizen reports, public lookups), via `limits`."""

from __future__ import annotations

import time

from limits import RateLimitItem, parse
from limits.storage import MemoryStorage, storage_from_string
from limits.strategies import MovingWindowRateLimiter


class RateLimiter:
    """`RateLimiter("5/minute")`: at most five hits per key in any sliding minute.

    The default storage is this process's memory; pass a `limits` storage URI such as `redis://...` to share
    the budget between API nodes.
    """

    def __init__(self, rate: str, storage_uri: str | None = None) -> None:
        self.item: RateLimitItem = parse(rate)
        storage = storage_from_string(storage_uri) if storage_uri else MemoryStorage()
        self._limiter = MovingWindowRateLimiter(storage)

    def hit(self, *keys: str) -> bool:
        """Count one attempt for every key; False when any of them is over budget."""
        allowed = True
        for key in keys:
            allowed = self._limiter.hit(self.item, key) and allowed
        return allowed

    def retry_after(self, *keys: str) -> int:
        """Seconds until every key has budget again."""
        waits = []
        for key in keys:
            reset_at, remaining = self._limiter.get_window_stats(self.item, key)
            if remaining <= 0:
                waits.append(max(1, int(reset_at - time.time()) + 1))
        return max(waits, default=0)

    def reset(self) -> None:
        self._limiter.storage.reset()
