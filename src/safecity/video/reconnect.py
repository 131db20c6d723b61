"""Retry a connection with exponential backoff and jitter until it succeeds or the owner stops."""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from tenacity import RetryCallState
from tenacity import Retrying
from tenacity import retry_if_exception_type

from safecity.video.source_state import SourceError

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Backoff:
    """Waits start at `initial` seconds, double each failure up to `maximum`, plus up to `initial` jitter.

    `quick_seconds`: for this long after the connection was lost, retry every `initial` seconds (plus jitter)
    instead: a camera that was just online usually comes back soon, every second until the next attempt is
    footage lost, and an attempt the camera refuses costs next to nothing. Then the waits grow as above.
    """

    initial: float = 0.5
    maximum: float = 30.0
    quick_seconds: float = 0.0

    def __post_init__(self) -> None:
        if not 0 < self.initial <= self.maximum:
            raise ValueError(f"backoff needs 0 < initial <= maximum, got {self.initial}, {self.maximum}")
        if self.quick_seconds < 0:
            raise ValueError(f"backoff quick_seconds must be >= 0, got {self.quick_seconds}")

    def delay(self, failures: int, since_lost: float, rng: random.Random | None = None) -> float:
        """Seconds to wait after the `failures`-th failed attempt, `since_lost` seconds after the loss."""
        jitter = (rng or random).uniform(0, self.initial)
        if since_lost < self.quick_seconds:
            return self.initial + jitter
        return min(self.initial * 2 ** (failures - 1) + jitter, self.maximum)


class StoppedError(Exception):
    """The owner stopped while waiting to reconnect."""


def retry_until_stopped(
    attempt: Callable[[], T], stop: threading.Event, backoff: Backoff, *, name: str = "source"
) -> T:
    """Call `attempt` until it returns; a SourceError means "try later". Raises StoppedError once stopped."""

    def log_wait(state: RetryCallState) -> None:
        wait = state.next_action.sleep if state.next_action else 0.0
        error = state.outcome.exception() if state.outcome else None
        attempt = state.attempt_number
        level = logging.INFO if attempt & (attempt - 1) == 0 else logging.DEBUG  # 1, 2, 4, 8 ...: no flood
        log.log(level, "%s: attempt %d failed (%s); retrying in %.1fs", name, attempt, error, wait)

    def wait(seconds: float) -> None:
        stop.wait(seconds)  # interruptible, so closing cuts a backoff short

    retrying = Retrying(
        retry=retry_if_exception_type(SourceError),
        wait=lambda state: backoff.delay(state.attempt_number, state.seconds_since_start or 0.0),
        stop=lambda _state: stop.is_set(),
        sleep=wait,
        before_sleep=log_wait,
        reraise=True,
    )
    try:
        return retrying(attempt)
    except SourceError as exc:
        if stop.is_set():
            raise StoppedError from exc
        raise
