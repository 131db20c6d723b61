"""Login throttling that slows a password guesser without locking the owner out.

Wrong passwords are counted three ways, each with a free budget and then an exponential backoff (15 s,
doubling up to 15 min) during which that way refuses every attempt with 429 before the password is checked:

- per username and address: the owner mistyping, or a guesser on one account from one address;
- per address (over all usernames, 4x the budget): one address spraying many accounts;
- per username (over all addresses, 4x the budget): many addresses on one account. This one never applies to
  an address the account has logged in from before (the last 90 days), so a guesser elsewhere cannot lock
  the owner out of their usual place; a new address waits like the guesser does.

A correct password clears its own username-and-address count. Counts are forgotten an hour after the first
failure. The counters live where the other rate limits do (Redis for several API nodes, else memory).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from limits.storage import Storage

from safecity.core.ratelimit import RateLimiter

FIRST_BLOCK_SECONDS = 15
MAX_BLOCK_SECONDS = 15 * 60
FORGET_FAILURES_AFTER_SECONDS = 60 * 60
KNOWN_ADDRESS_SECONDS = 90 * 24 * 60 * 60
WIDE_BUDGET_FACTOR = 4


def backoff_seconds(failures: int, free: int) -> int:
    """How long to refuse after the `failures`-th wrong password when `free` are allowed (0: not yet)."""
    if failures < free:
        return 0
    return min(MAX_BLOCK_SECONDS, FIRST_BLOCK_SECONDS * 2 ** min(failures - free, 16))


@dataclass(frozen=True, slots=True)
class _Way:
    key: str
    free: int


class LoginThrottle:
    def __init__(self, storage: RateLimiter, free_failures: int) -> None:
        self._storage = storage
        self._free = free_failures

    def _ways(self, username: str, address: str, *, known: bool) -> list[_Way]:
        wide = self._free * WIDE_BUDGET_FACTOR
        ways = [_Way(f"login:pair:{username}|{address}", self._free), _Way(f"login:addr:{address}", wide)]
        if not known:
            ways.append(_Way(f"login:user:{username}", wide))
        return ways

    def wait_seconds(self, username: str, address: str) -> int:
        """0 when this attempt may check its password; otherwise the seconds to wait (Retry-After)."""

        def longest(counters: Storage) -> int:
            known = counters.get(_known_key(username, address)) > 0
            waits = [
                _remaining(counters, f"{way.key}:block") for way in self._ways(username, address, known=known)
            ]
            return max(waits, default=0)

        return self._storage.counters(longest)

    def failed(self, username: str, address: str) -> None:
        def count(counters: Storage) -> None:
            for way in self._ways(username, address, known=False):
                failures = counters.incr(way.key, FORGET_FAILURES_AFTER_SECONDS)
                block = backoff_seconds(failures, way.free)
                if block:
                    counters.clear(f"{way.key}:block")
                    counters.incr(f"{way.key}:block", block)

        self._storage.counters(count)

    def succeeded(self, username: str, address: str) -> None:
        def clear(counters: Storage) -> None:
            pair = self._ways(username, address, known=True)[0].key
            counters.clear(pair)
            counters.clear(f"{pair}:block")
            counters.clear(_known_key(username, address))
            counters.incr(_known_key(username, address), KNOWN_ADDRESS_SECONDS)

        self._storage.counters(clear)


def _known_key(username: str, address: str) -> str:
    return f"login:known:{username}|{address}"


def _remaining(counters: Storage, key: str) -> int:
    if counters.get(key) <= 0:
        return 0
    return max(1, int(counters.get_expiry(key) - time.time()) + 1)
