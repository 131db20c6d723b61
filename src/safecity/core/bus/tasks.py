"""The asyncio tasks a bus runs: one per durable consumer, and its own loops (live feed, housekeeping)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from collections.abc import Callable
from collections.abc import Coroutine
from typing import Any

from safecity.core.bus.base import BusError

logger = logging.getLogger(__name__)


class BusTasks:
    def __init__(self) -> None:
        self._consumers: dict[str, asyncio.Task[None]] = {}
        self._loops: list[asyncio.Task[None]] = []

    @property
    def consumers(self) -> list[str]:
        return list(self._consumers)

    def check_free(self, consumer: str) -> None:
        if consumer in self._consumers:
            raise BusError(f"consumer {consumer!r} is already subscribed on this bus")

    def start_consumer(self, consumer: str, delivery: Coroutine[Any, Any, None]) -> None:
        self._consumers[consumer] = asyncio.create_task(delivery, name=f"bus consumer {consumer}")

    def start_loop(self, loop: Coroutine[Any, Any, None], name: str) -> None:
        self._loops.append(asyncio.create_task(loop, name=f"bus {name}"))

    def start_housekeeping(self, interval: float, chore: Callable[[], Awaitable[object]]) -> None:
        """Run `chore` every `interval` seconds; a failure is logged and the next round runs as planned."""
        self.start_loop(_every(interval, chore), "housekeeping")

    def is_running(self, consumer: str) -> bool:
        return not self._consumers[consumer].done()

    def stopped(self) -> list[str]:
        return [name for name, task in self._consumers.items() if task.done()]

    async def cancel_all(self) -> None:
        tasks = [*self._loops, *self._consumers.values()]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._loops.clear()
        self._consumers.clear()


async def _every(interval: float, chore: Callable[[], Awaitable[object]]) -> None:
    while True:
        await asyncio.sleep(interval)
        try:
            await chore()
        except Exception:
            logger.exception("bus: housekeeping failed")
