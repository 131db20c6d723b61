"""Running a worker: as its own process (`safecity worker`, stops on SIGINT/SIGTERM) or in a background
thread of another process (the demo runs one beside the API).

A worker started while its database or bus is down waits for them, logging each failed attempt with the
time of the next one, instead of exiting: in a city deployment workers often boot before the servers.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import threading
from collections.abc import Awaitable
from collections.abc import Callable

from tenacity import AsyncRetrying
from tenacity import RetryCallState
from tenacity import retry_if_not_exception_type
from tenacity import wait_exponential

from safecity.cameras.startup import check_worker_cameras
from safecity.config import ConfigError
from safecity.config import Settings
from safecity.core.bus import BusNames
from safecity.core.bus import EventBus
from safecity.core.bus import create_bus
from safecity.core.db import Database
from safecity.core.schema import upgrade
from safecity.worker.worker import CameraWorker
from safecity.worker.worker import WorkerOptions

log = logging.getLogger(__name__)

MAX_WAIT_SECONDS = 30.0


async def serve_worker(settings: Settings, options: WorkerOptions, stop: asyncio.Event) -> None:
    """Connect to the database and the bus (waiting for them), check configured cameras, run until `stop`."""
    database = Database(settings.resolved_database_url)
    bus = create_bus(
        settings.bus.kind,
        database,
        nats_url=settings.bus.nats_url,
        names=BusNames(settings.bus.prefix),
        start_timeout=settings.bus.start_timeout_seconds,
    )
    try:
        if not await _until_reachable("database", lambda: _prepare_database(settings, database), stop):
            return
        if not await _until_reachable(f"{settings.bus.kind} bus", bus.start, stop):
            return
        await CameraWorker(settings, database, bus, options).run(stop)
    finally:
        await _close(bus)
        database.dispose()


async def _prepare_database(settings: Settings, database: Database) -> None:
    await asyncio.to_thread(upgrade, settings.resolved_database_url)
    await asyncio.to_thread(check_worker_cameras, settings, database)


async def _until_reachable(what: str, attempt: Callable[[], Awaitable[None]], stop: asyncio.Event) -> bool:
    """Run `attempt` until it succeeds (True) or `stop` is set (False); a configuration error is final."""

    def waiting(state: RetryCallState) -> None:
        error = state.outcome.exception() if state.outcome else None
        seconds = state.next_action.sleep if state.next_action else 0.0
        log.error("worker: the %s is unreachable (%s); trying again in %.0f s", what, error, seconds)

    retrying = AsyncRetrying(
        wait=wait_exponential(multiplier=1, min=1, max=MAX_WAIT_SECONDS),
        retry=retry_if_not_exception_type(ConfigError),
        stop=lambda _: stop.is_set(),
        before_sleep=waiting,
        sleep=lambda seconds: _sleep_unless(stop, seconds),
        reraise=True,
    )
    try:
        async for trying in retrying:
            with trying:
                await attempt()
    except Exception:
        if stop.is_set():
            return False
        raise
    return not stop.is_set()


async def _sleep_unless(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), seconds)


async def _close(bus: EventBus) -> None:
    try:
        await bus.close()
    except Exception as error:  # never started
        log.debug("bus close: %s", error)


def run_worker_process(settings: Settings, options: WorkerOptions) -> None:
    """Block until SIGINT or SIGTERM, then close every camera cleanly."""

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, stop.set)
        await serve_worker(settings, options, stop)

    asyncio.run(main())


class BackgroundWorker:
    """A worker on its own event loop in a daemon thread; `stop()` closes it cleanly."""

    def __init__(self, settings: Settings, options: WorkerOptions) -> None:
        self._settings = settings
        self._options = options
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="camera-worker", daemon=True)

    def start(self) -> BackgroundWorker:
        self._thread.start()
        self._ready.wait(timeout=10)
        return self

    def stop(self, timeout: float = 30.0) -> None:
        if self._loop is not None and self._stop is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(timeout=timeout)

    def _run(self) -> None:
        async def main() -> None:
            self._loop = asyncio.get_running_loop()
            self._stop = asyncio.Event()
            self._ready.set()
            await serve_worker(self._settings, self._options, self._stop)

        asyncio.run(main())
