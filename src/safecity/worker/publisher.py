"""Publishing onto the (async) bus from camera threads, without blocking them."""

from __future__ import annotations

import asyncio
import logging
import threading
from concurrent.futures import Future

from safecity.core.bus import Event
from safecity.core.bus import EventBus

log = logging.getLogger(__name__)


class ThreadPublisher:
    """`publish()` may be called from any thread; the event is stored by the bus on `loop`."""

    def __init__(self, bus: EventBus, loop: asyncio.AbstractEventLoop) -> None:
        self._bus = bus
        self._loop = loop
        self._pending: set[Future[None]] = set()
        self._lock = threading.Lock()

    def publish(self, event: Event) -> None:
        try:
            future = asyncio.run_coroutine_threadsafe(self._bus.publish(event), self._loop)
        except RuntimeError:  # the loop is gone: the worker is shutting down
            log.warning("event %s for camera %s dropped: worker stopping", event.type, event.camera_id)
            return
        with self._lock:
            self._pending.add(future)
        future.add_done_callback(self._done)

    def _done(self, future: Future[None]) -> None:
        with self._lock:
            self._pending.discard(future)
        if not future.cancelled() and (error := future.exception()) is not None:
            log.error("publishing an event failed: %s", error)

    async def drain(self, limit_seconds: float = 5.0) -> None:
        """Wait (up to `limit_seconds`) for events already handed over to be stored."""
        with self._lock:
            pending = [asyncio.wrap_future(future) for future in self._pending]
        if pending:
            await asyncio.wait(pending, timeout=limit_seconds)
