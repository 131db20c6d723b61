"""Embedded bus: publish in one OS process → handled by a durable consumer in another, printed as JSON.

    python bench/bus_wakeup.py [--events 100] [--backend sqlite|postgresql|both]

A publisher process (this script with `--publish`) publishes events at random gaps of 20–120 ms, each
carrying the CLOCK_MONOTONIC time (shared by every process on the host) just before `publish`; a consumer in
this process records how long after that its handler ran. Three ways, same database, same run:

- `wakeup`: today's bus: the publish wakes other processes (PostgreSQL LISTEN/NOTIFY, SQLite named pipes),
  with the 2 s poll as safety net;
- `poll_only`: the bus before: no cross-process notice, a 0.5 s poll;
- `same_process`: publisher and consumer on one bus object (the in-process wake-up), the bare baseline.

Also the publisher's own p50 per publish (the NOTIFY or pipe writes are part of it).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
import sqlalchemy as sa

from safecity.core.bus import EmbeddedBus
from safecity.core.bus import Event
from safecity.core.db import Database
from safecity.core.schema import upgrade

MODES: dict[str, dict[str, Any]] = {
    "wakeup": {"wake_other_processes": True},
    "poll_only": {"wake_other_processes": False, "poll_interval": 0.5},
}


def _stats(values: list[float]) -> dict[str, float]:
    return {
        "p50_ms": round(float(np.percentile(values, 50)), 2),
        "p95_ms": round(float(np.percentile(values, 95)), 2),
        "max_ms": round(max(values), 2),
    }


async def _publish(bus: EmbeddedBus, topic: str, count: int, seed: int) -> list[float]:
    """Publish `count` events at random gaps; returns each publish call's duration in ms."""
    gaps = random.Random(seed)
    durations = []
    for number in range(count):
        await asyncio.sleep(gaps.uniform(0.02, 0.12))
        sent = time.monotonic()
        await bus.publish(Event(type=topic, payload={"n": number, "sent": sent}))
        durations.append((time.monotonic() - sent) * 1000)
    return durations


async def _publisher_process(url: str, topic: str, count: int, wake: bool) -> None:
    database = Database(url)
    try:
        bus = EmbeddedBus(database, wake_other_processes=wake)
        durations = await _publish(bus, topic, count, seed=count)
    finally:
        database.dispose()
    print(json.dumps({"publish_p50_ms": round(float(np.percentile(durations, 50)), 3)}))


async def _measure(url: str, count: int, mode: str) -> dict[str, Any]:
    # A topic per mode: each mode's new consumer starts at the oldest message and must skip the others'.
    topic = f"bench.{mode}"
    database = Database(url)
    bus = EmbeddedBus(database, **MODES.get(mode, {}))
    await bus.start()
    latencies: list[float] = []
    done = asyncio.Event()

    async def handle(event: Event) -> None:
        latencies.append((time.monotonic() - event.payload["sent"]) * 1000)
        if len(latencies) == count:
            done.set()

    try:
        await bus.subscribe(f"bench-{mode}", [topic], handle)
        if mode == "same_process":
            publish_ms = await _publish(bus, topic, count, seed=count)
            extra = {"publish_p50_ms": round(float(np.percentile(publish_ms, 50)), 3)}
        else:
            wake = "1" if MODES[mode]["wake_other_processes"] else "0"
            command = [
                sys.executable,
                __file__,
                "--publish",
                url,
                topic,
                "--events",
                str(count),
                "--wake",
                wake,
            ]
            output = await asyncio.to_thread(
                subprocess.run, command, capture_output=True, text=True, check=True
            )
            extra = json.loads(output.stdout)
        async with asyncio.timeout(60):
            await done.wait()
    finally:
        await bus.close()
        database.dispose()
    return {**_stats(latencies), **extra}


@contextmanager
def _database(backend: str, postgres_admin: str) -> Iterator[str]:
    if backend == "sqlite":
        with tempfile.TemporaryDirectory() as tmp:
            url = f"sqlite:///{Path(tmp) / 'bench.db'}"
            upgrade(url)
            yield url
        return
    name = f"bench_bus_wakeup_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(postgres_admin, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        url = sa.engine.make_url(postgres_admin).set(database=name).render_as_string(hide_password=False)
        upgrade(url)
        yield url
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def run(backends: list[str], count: int, postgres_admin: str) -> dict[str, Any]:
    results: dict[str, Any] = {
        "benchmark": "embedded bus, publish in one process → durable consumer in another",
        "events_per_mode": count,
    }
    for backend in backends:
        with _database(backend, postgres_admin) as url:
            measured = {mode: asyncio.run(_measure(url, count, mode)) for mode in (*MODES, "same_process")}
        measured["p95_poll_only_over_wakeup"] = round(
            measured["poll_only"]["p95_ms"] / measured["wakeup"]["p95_ms"], 1
        )
        results[backend] = measured
    return results


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=100, help="events per mode and backend")
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--postgres", default="postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--publish", nargs=2, metavar=("DATABASE_URL", "TOPIC"), help=argparse.SUPPRESS)
    parser.add_argument("--wake", choices=("0", "1"), default="1", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.publish:
        url, topic = args.publish
        asyncio.run(_publisher_process(url, topic, args.events, args.wake == "1"))
        return
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    print(json.dumps(run(backends, args.events, args.postgres), indent=2))


if __name__ == "__main__":
    main()
