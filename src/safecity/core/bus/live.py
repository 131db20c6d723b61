"""A bounded, drop-oldest feed of live events for one reader (a WebSocket client, a console view)."""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable
from collections.abc import Sequence
from types import TracebackType

from safecity.core.bus.events import Event
from safecity.core.bus.events import parse_event
from safecity.core.bus.events import topic_matches
from safecity.core.bus.events import validate_pattern


class LiveFeed:
    """Best-effort: a slow reader loses the oldest events (counted in `dropped`) instead of growing memory.

    Use as `async with bus.listen(["camera.*"]) as feed: async for event in feed: ...`.
    """

    def __init__(self, patterns: Sequence[str], max_queue: int, on_close: Callable[[LiveFeed], None]) -> None:
        if max_queue < 1:
            raise ValueError("max_queue must be at least 1")
        self.patterns = [validate_pattern(pattern) for pattern in patterns]
        self.dropped = 0
        self._queue: deque[Event] = deque(maxlen=max_queue)
        self._ready = asyncio.Event()
        self._closed = False
        self._on_close = on_close

    def wants(self, topic: str) -> bool:
        return any(topic_matches(pattern, topic) for pattern in self.patterns)

    def offer(self, event: Event) -> None:
        """Queue the event if it matches; never blocks."""
        if self._closed or not self.wants(event.type):
            return
        if len(self._queue) == self._queue.maxlen:
            self.dropped += 1
        self._queue.append(event)
        self._ready.set()

    @property
    def pending(self) -> int:
        return len(self._queue)

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._ready.set()
            self._on_close(self)

    def __aiter__(self) -> LiveFeed:
        return self

    async def __anext__(self) -> Event:
        while not self._queue:
            if self._closed:
                raise StopAsyncIteration
            self._ready.clear()
            await self._ready.wait()
        return self._queue.popleft()

    async def __aenter__(self) -> LiveFeed:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class LiveFeeds:
    """The live feeds open on one bus: `open` serves `EventBus.listen`, `offer` hands each event to all."""

    def __init__(self) -> None:
        self._feeds: set[LiveFeed] = set()

    def __len__(self) -> int:
        return len(self._feeds)

    def open(self, patterns: Sequence[str], max_queue: int) -> LiveFeed:
        feed = LiveFeed(patterns, max_queue, on_close=self._feeds.discard)
        self._feeds.add(feed)
        return feed

    def wants(self, topic: str) -> bool:
        return any(feed.wants(topic) for feed in self._feeds)

    def offer(self, event: Event) -> None:
        for feed in list(self._feeds):
            feed.offer(event)

    def offer_json(self, topic: str, data: str | bytes) -> bool:
        """Offer the event in `data` when a feed wants `topic` (else it is not parsed); False: unreadable."""
        if not self.wants(topic):
            return True
        try:
            event = parse_event(data)
        except ValueError:
            return False
        self.offer(event)
        return True

    def close_all(self) -> None:
        for feed in list(self._feeds):
            feed.close()

    def health(self) -> dict[str, int]:
        return {"live_feeds": len(self._feeds), "live_dropped": sum(feed.dropped for feed in self._feeds)}
