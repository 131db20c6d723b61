"""Waiting for something to happen in another process or thread, with a generous deadline (never a fixed
sleep: the CI machine is busy)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

import pytest

T = TypeVar("T")


def eventually(check: Callable[[], T | None], what: str, deadline_seconds: float = 30.0) -> T:
    """Call `check` until it returns something truthy, and return that; fail naming `what` at the deadline."""
    deadline = time.monotonic() + deadline_seconds
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            pytest.fail(f"not within {deadline_seconds:g} s: {what} (last result {result!r})")
        time.sleep(0.2)
