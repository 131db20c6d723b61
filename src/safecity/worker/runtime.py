"""Running a worker: as its own process (`safecity worker`, stops on SIGINT/SIGTERM) or in a background
thread of another process (the demo runs one beside the API)."""

from __future__ import annotations

import asyncio
import signal
import threading

from safecity.cameras.startup import sync_configured_cameras
from safecity.config import Settings
from safecity.core.bus import create_bus
from safecity.core.db import Database
from safecity.worker.worker import CameraWorker, WorkerOptions


async def serve_worker(settings: Settings, options: WorkerOptions, stop: asyncio.Event) -> None:
    """Connect to the database and the bus, sync configured cameras, run until `stop` is set."""
    database = Database(settings.resolved_database_url)
    bus = create_bus(settings.bus.kind, database, nats_url=settings.bus.nats_url, stream=settings.bus.stream)
    try:
        await bus.start()
        await asyncio.to_thread(sync_configured_cameras, settings, database)
        await CameraWorker(settings, database, bus, options).run(stop)
    finally:
        await bus.close()
        database.dispose()


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
