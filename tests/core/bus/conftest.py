"""Fixtures for the bus tests: buses of both kinds on a migrated database, and a private nats-server."""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import subprocess
import time
import uuid
from collections.abc import AsyncIterator
from collections.abc import Awaitable
from collections.abc import Callable
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from typing import Literal

import pytest
from nats.aio.client import Client
from nats.js.errors import NotFoundError
from tests.conftest import require_service

from safecity.core.bus import BusNames
from safecity.core.bus import EmbeddedBus
from safecity.core.bus import Event
from safecity.core.bus import EventBus
from safecity.core.bus import NatsBus
from safecity.core.bus import RetryPolicy
from safecity.core.db import Database

NATS_URL = os.environ.get("SAFECITY_TEST_NATS", "nats://127.0.0.1:4222")
NATS_SERVER = "/usr/sbin/nats-server"
FAST_RETRY = RetryPolicy(first_delay=0.05, max_delay=0.2)
DEADLINE = 15.0  # seconds a test waits for something to happen before failing


def _port_open(host: str, port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex((host, port)) == 0


def shared_nats_available() -> bool:
    host, port = NATS_URL.removeprefix("nats://").rsplit(":", 1)
    return _port_open(host, int(port))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Recorder:
    """A handler that records every call, can fail its first calls, and lets a test wait for results."""

    def __init__(self, failures: float = 0, error: str = "handler failed") -> None:
        self.calls: list[Event] = []
        self.handled: list[Event] = []
        self._failures_left = failures
        self._error = error
        self._changed = asyncio.Condition()

    async def __call__(self, event: Event) -> None:
        async with self._changed:
            self.calls.append(event)
            failing = self._failures_left > 0
            if failing:
                self._failures_left -= 1
            else:
                self.handled.append(event)
            self._changed.notify_all()
        if failing:
            raise RuntimeError(self._error)

    def stop_failing(self) -> None:
        self._failures_left = 0

    async def wait_handled(self, count: int) -> list[Event]:
        async with asyncio.timeout(DEADLINE), self._changed:
            await self._changed.wait_for(lambda: len(self.handled) >= count)
        return self.handled

    async def wait_calls(self, count: int) -> list[Event]:
        async with asyncio.timeout(DEADLINE), self._changed:
            await self._changed.wait_for(lambda: len(self.calls) >= count)
        return self.calls


async def eventually(check: Callable[[], Awaitable[Any]]) -> Any:
    """Await `check` until it returns something truthy, failing after the deadline."""
    deadline = time.monotonic() + DEADLINE
    while True:
        result = await check()
        if result:
            return result
        if time.monotonic() > deadline:
            pytest.fail(f"condition not met within {DEADLINE} s: last result {result!r}")
        await asyncio.sleep(0.05)


@pytest.fixture
async def server() -> AsyncIterator[Client]:
    """A plain client, to look at what the bus created on the server."""
    client = Client()
    await client.connect(NATS_URL, max_reconnect_attempts=1)
    try:
        yield client
    finally:
        await client.close()


@pytest.fixture
def recorder() -> type[Recorder]:
    return Recorder


@pytest.fixture
def wait_until() -> Callable[[Callable[[], Awaitable[Any]]], Awaitable[Any]]:
    return eventually


async def delete_stream(url: str, stream: str) -> None:
    client = Client()
    await client.connect(url, max_reconnect_attempts=1)
    try:
        await client.jetstream().delete_stream(stream)
    finally:
        await client.close()


def unique_names() -> BusNames:
    """Names of a test's own, so a test run never meets another run or a deployment on the same server."""
    return BusNames(f"test-{uuid.uuid4().hex[:12]}")


def nats_bus(database: Database, url: str, names: BusNames, **options: Any) -> NatsBus:
    """A NATS bus tuned for tests: fast retries, quick redelivery, the stream and subjects of `names`."""
    defaults: dict[str, Any] = {
        "ack_wait": 1.0,
        "retry": FAST_RETRY,
        "reconnect_wait": 0.1,
        "start_timeout": 5.0,
    }
    return NatsBus(database, url=url, names=names, **(defaults | options))


BusMaker = Callable[..., Awaitable[EventBus]]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Run bus tests on embedded × {SQLite, PostgreSQL} and NATS × SQLite only (the NATS bus uses the
    database just for what the embedded runs cover on both backends); a module may set `BUS_KINDS`."""
    here = Path(__file__).parent
    deselected = [item for item in items if item.path.is_relative_to(here) and not _wanted_setup(item)]
    if deselected:
        items[:] = [item for item in items if item not in deselected]
        config.hook.pytest_deselected(items=deselected)


def _wanted_setup(item: pytest.Item) -> bool:
    params = getattr(getattr(item, "callspec", None), "params", {})
    kind = params.get("bus_kind")
    if kind is None:
        return True
    kinds = getattr(getattr(item, "module", None), "BUS_KINDS", ("embedded", "nats"))
    return kind in kinds and not (kind == "nats" and params.get("database_url") == "postgresql")


@pytest.fixture(params=["embedded", pytest.param("nats", marks=pytest.mark.nats)])
def bus_kind(request: pytest.FixtureRequest) -> Literal["embedded", "nats"]:
    if request.param == "nats":
        require_service("NATS", shared_nats_available())
    return request.param  # type: ignore[no-any-return]


@pytest.fixture
async def make_bus(bus_kind: str, database: Database) -> AsyncIterator[BusMaker]:
    """Start buses that share storage (the database, and for NATS the stream of a test-private prefix), as
    separate processes would; all are closed, and the stream deleted, at the end."""
    names = unique_names()
    created: list[EventBus] = []

    async def make(**options: Any) -> EventBus:
        bus: EventBus
        if bus_kind == "embedded":
            bus = EmbeddedBus(database, poll_interval=0.05, retry=FAST_RETRY, **options)
        else:
            bus = nats_bus(database, NATS_URL, names, **options)
        await bus.start()
        created.append(bus)
        return bus

    try:
        yield make
    finally:
        for bus in created:
            await bus.close()
        if bus_kind == "nats":
            with contextlib.suppress(NotFoundError):
                await delete_stream(NATS_URL, names.stream)


class PrivateNatsServer:
    """A nats-server of our own on a free port, so restarting it never disturbs the shared one."""

    def __init__(self, store_dir: Path) -> None:
        self.port = free_port()
        self.url = f"nats://127.0.0.1:{self.port}"
        self._store_dir = store_dir
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        command = [NATS_SERVER, "-a", "127.0.0.1", "-p", str(self.port), "-js", "-sd", str(self._store_dir)]
        self._process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + DEADLINE
        while not _port_open("127.0.0.1", self.port):
            if self._process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"nats-server did not start on port {self.port}")
            time.sleep(0.05)

    def stop(self) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process.wait(timeout=DEADLINE)
            self._process = None


@pytest.fixture
def private_nats(tmp_path: Path) -> Iterator[PrivateNatsServer]:
    if not Path(NATS_SERVER).exists():
        require_service("nats-server binary", False)
    server = PrivateNatsServer(tmp_path / "jetstream")
    server.start()
    try:
        yield server
    finally:
        server.stop()
