"""Fixed-budget rate limiting per key (login attempts, panic alarms, citizen reports, public lookups), via
`limits`; the budget is shared by every API node when it is kept in Redis."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from limits import RateLimitItem
from limits import parse
from limits.errors import StorageError
from limits.storage import MemoryStorage
from limits.storage import Storage
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

from safecity.config.platform import ApiNodeSettings
from safecity.core.logs import get_logger

log = get_logger(__name__)
_Result = TypeVar("_Result")

SHARED_STORAGE_TIMEOUT_SECONDS = 1.0  # a login must not hang on an unreachable Redis
SHARED_STORAGE_RETRY_SECONDS = 10.0  # after a failure, count on this node for this long before trying again


class RateLimiter:
    """`RateLimiter("5/minute")`: at most five hits per key in any sliding minute.

    The default storage is this process's memory; pass a `limits` storage URI such as `redis://...` to share
    the budget between API nodes. When the shared storage cannot be reached the node keeps counting in its
    own memory (a per-node budget instead of none) and tries the shared one again a little later.
    """

    def __init__(self, rate: str, storage_uri: str | None = None, *, key_prefix: str = "safecity") -> None:
        self.item: RateLimitItem = parse(rate)
        self._local = MovingWindowRateLimiter(MemoryStorage())
        self._shared: MovingWindowRateLimiter | None = None
        if storage_uri:
            storage = storage_from_string(
                storage_uri,
                key_prefix=f"{key_prefix}:limits",
                wrap_exceptions=True,
                socket_timeout=SHARED_STORAGE_TIMEOUT_SECONDS,
                socket_connect_timeout=SHARED_STORAGE_TIMEOUT_SECONDS,
            )
            self._shared = MovingWindowRateLimiter(storage)
        self._shared_retry_at = 0.0

    @property
    def shared(self) -> bool:
        """True when the budget is kept outside this process (every API node counts against it)."""
        return self._shared is not None

    def hit(self, *keys: str) -> bool:
        """Count one attempt for every key; False when any of them is over budget."""

        def count(limiter: MovingWindowRateLimiter) -> bool:
            allowed = True
            for key in keys:
                allowed = limiter.hit(self.item, key) and allowed
            return allowed

        return self._with_storage(count)

    def retry_after(self, *keys: str) -> int:
        """Seconds until every key has budget again."""

        def longest_wait(limiter: MovingWindowRateLimiter) -> int:
            waits = []
            for key in keys:
                reset_at, remaining = limiter.get_window_stats(self.item, key)
                if remaining <= 0:
                    waits.append(max(1, int(reset_at - time.time()) + 1))
            return max(waits, default=0)

        return self._with_storage(longest_wait)

    def counters(self, operation: Callable[[Storage], _Result]) -> _Result:
        """Run `operation` on the plain counters of the same storage (shared or this node's), for budgets a
        sliding window does not express (the login throttle's backoff)."""
        return self._with_storage(lambda limiter: operation(limiter.storage))

    def reset(self) -> None:
        self._with_storage(lambda limiter: limiter.storage.reset())
        self._local.storage.reset()

    def _with_storage(self, operation: Callable[[MovingWindowRateLimiter], _Result]) -> _Result:
        if self._shared is not None and time.monotonic() >= self._shared_retry_at:
            try:
                return operation(self._shared)
            except StorageError as error:
                self._shared_retry_at = time.monotonic() + SHARED_STORAGE_RETRY_SECONDS
                log.warning(
                    "rate limits: the shared storage is unreachable; counting on this node meanwhile",
                    error=str(error.storage_error),
                    retry_in_seconds=SHARED_STORAGE_RETRY_SECONDS,
                )
        return operation(self._local)


def node_rate_limiter(rate: str, nodes: ApiNodeSettings, storage_uri: str | None = None) -> RateLimiter:
    """A limiter every API node shares when `api_nodes.redis_url` (or `storage_uri`) is set, this node's own
    otherwise."""
    return RateLimiter(rate, storage_uri or nodes.redis_url, key_prefix=nodes.redis_key_prefix)
