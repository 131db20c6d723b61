"""A bounded hand-off between a reader thread and a consumer that keeps only the newest items."""

from __future__ import annotations

import collections
import threading
from typing import Generic
from typing import TypeVar

T = TypeVar("T")


class LatestQueue(Generic[T]):
    """Holds at most `capacity` items; putting into a full queue drops the oldest (a stale frame)."""

    def __init__(self, capacity: int = 2) -> None:
        if capacity < 1:
            raise ValueError(f"queue capacity must be at least 1, got {capacity}")
        self._items: collections.deque[T] = collections.deque(maxlen=capacity)
        self._ready = threading.Condition()
        self._finished = False
        self.capacity = capacity
        self.dropped = 0

    def put(self, item: T) -> None:
        with self._ready:
            if len(self._items) == self.capacity:
                self.dropped += 1
            self._items.append(item)
            self._ready.notify()

    def get(self, timeout: float) -> T | None:
        """The oldest kept item, or None after `timeout` seconds or once finished and empty."""
        with self._ready:
            if not self._items and not self._finished:
                self._ready.wait(timeout)
            return self._items.popleft() if self._items else None

    def finish(self) -> None:
        """No more items will come; wakes waiting consumers."""
        with self._ready:
            self._finished = True
            self._ready.notify_all()

    @property
    def finished(self) -> bool:
        with self._ready:
            return self._finished and not self._items

    def __len__(self) -> int:
        with self._ready:
            return len(self._items)
