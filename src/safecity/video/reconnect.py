"""Retry a connection with exponential backoff and jitter until it succeeds or the owner stops."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from tenacity import RetryCallState, Retrying, retry_if_exception_type, wait_exponential_jitter

from safecity.video.source_state import SourceError

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Backoff:
    """Waits start at `initial` seconds, double each failure up to `maximum`, plus up to `initial` jitter."""

    initial: float = 0.5
    maximum: float = 30.0

    def __post_init__(self) -> None:
        if not 0 < self.initial <= self.maximum:
            raise ValueError(f"backoff needs 0 < initial <= maximum, got {self.initial}, {self.maximum}")


class StoppedError(Exception):
    """The owner stopped while waiting to reconnect."""


def retry_until_stopped(
    attempt: Callable[[], T], stop: threading.Event, backoff: Backoff, *, name: str = "source"
) -> T:
    """Call `attempt` until it returns; a SourceError means "try later". Raises StoppedError once stopped."""

    def log_wait(state: RetryCallState) -> None:
        wait = state.next_action.sleep if state.next_action else 0.0
        error = state.outcome.exception() if state.outcome else None
        log.info("%s: attempt %d failed (%s); retrying in %.1fs", name, state.attempt_number, error, wait)

    def wait(seconds: float) -> None:
        stop.wait(seconds)  # interruptible, so closing cuts a backoff short

    retrying = Retrying(
        retry=retry_if_exception_type(SourceError),
        wait=wait_exponential_jitter(multiplier=backoff.initial, max=backoff.maximum, jitter=backoff.initial),
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
