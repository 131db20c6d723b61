"""The event index at city scale (NATS JetStream + PostgreSQL), printed as JSON.

    python bench/events_index.py [--events 20000] [--rows 5000000] [--days 30] [--cameras 1000]
                                 [--queries 300] [--skip-throughput] [--skip-query]

1. Throughput: `--events` events are published to JetStream with the bare client (each publish awaited, as
   a producer does), which is the baseline rate; then the index consumer (`event-index`, batches from
   `NatsBus.subscribe_batches`) drains them into `event_log` on PostgreSQL. Ratio = index events/s ÷ publish
   events/s (goal ≥ 0.8). A second round runs both at once and reports how far the index lags at the end.
2. Query: `--rows` events spread over `--days` day partitions, `--cameras` cameras and 12 types, bulk-loaded
   with COPY (indexes built after the load, as a restore would); then `--queries` searches through
   `search_events`: one camera, one type, a 24 h window (p50/p95/max, goal p95 ≤ 100 ms at 50 M events),
   and one camera, a type prefix, a 7-day window.

Each part uses a database and a bus prefix of its own, dropped at the end. Needs PostgreSQL on
127.0.0.1:5432 (trust) and nats-server on 127.0.0.1:4222, or set SAFECITY_BENCH_POSTGRES / _NATS.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from typing import Any

import sqlalchemy
from nats.aio.client import Client
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import text

from safecity.core.bus import BusNames
from safecity.core.bus import Event
from safecity.core.bus import NatsBus
from safecity.core.bus.nats_consumer import MESSAGE_ID_HEADER
from safecity.core.bus.nats_consumer import event_subject
from safecity.core.db import Database
from safecity.core.schema import upgrade
from safecity.events_search.index import start_event_index
from safecity.events_search.models import EventLogEntry
from safecity.events_search.partitions import create_partitions
from safecity.events_search.partitions import day_of
from safecity.events_search.queries import EventQuery
from safecity.events_search.queries import search_events

POSTGRES = os.environ.get("SAFECITY_BENCH_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
NATS = os.environ.get("SAFECITY_BENCH_NATS", "nats://127.0.0.1:4222")
TYPES = [
    "camera.health",
    "camera.motion",
    "rule.line_crossed",
    "rule.zone_entered",
    "rule.loiter",
    "rule.crowd",
    "rule.speed",
    "rule.wrong_way",
    "alert.created",
    "alert.acknowledged",
    "incident.created",
    "worker.heartbeat",
]


@contextmanager
def scratch_database(label: str) -> Iterator[str]:
    name = f"bench_{label}_{uuid.uuid4().hex[:8]}"
    admin = sqlalchemy.create_engine(POSTGRES, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = sqlalchemy.engine.make_url(POSTGRES).set(database=name).render_as_string(hide_password=False)
    try:
        upgrade(url)
        yield url
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def progress(message: str) -> None:
    print(f"{datetime.now(UTC):%H:%M:%S} {message}", file=sys.stderr, flush=True)


def bench_event(n: int, cameras: int) -> Event:
    return Event(
        type=TYPES[n % len(TYPES)],
        camera_id=f"cam-{n % cameras:04d}",
        source="bench",
        payload={"n": n, "state": "online"},
    )


def indexed(database: Database) -> int:
    with database.session() as session:
        return int(session.scalar(select(func.count()).select_from(EventLogEntry)) or 0)


def is_indexed(database: Database, event: Event) -> bool:
    with database.session() as session:
        found = session.scalar(select(EventLogEntry.seq).where(EventLogEntry.id == str(event.id)))
        return found is not None


async def wait_indexed(database: Database, last: Event, count: int) -> float:
    """Seconds until `last` is in the index (polled every 20 ms with a key lookup, so the poll costs the
    database little), then checks that all `count` events are (the consumer writes in stream order)."""
    started = time.perf_counter()
    async with asyncio.timeout(600):
        while True:
            if await asyncio.to_thread(is_indexed, database, last):
                break
            await asyncio.sleep(0.02)
    elapsed = time.perf_counter() - started
    stored = await asyncio.to_thread(indexed, database)
    if stored != count:
        raise RuntimeError(f"{stored} events indexed, expected {count}")
    return elapsed


async def raw_publish(names: BusNames, events: list[Event]) -> float:
    """Seconds to publish `events` with the bare JetStream client, each publish awaited."""
    client = Client()
    await client.connect(NATS)
    jetstream = client.jetstream()
    payloads = [(event_subject(names.subject_root, e.type), e.to_json().encode(), str(e.id)) for e in events]
    started = time.perf_counter()
    for subject, data, message_id in payloads:
        await jetstream.publish(subject, data, headers={MESSAGE_ID_HEADER: message_id})
    elapsed = time.perf_counter() - started
    await client.close()
    return elapsed


async def throughput(count: int, cameras: int) -> dict[str, Any]:
    with scratch_database("index") as url:
        database = Database(url)
        names = BusNames(f"bench-{uuid.uuid4().hex[:8]}")
        bus = NatsBus(database, url=NATS, names=names)
        await bus.start()
        try:
            # Round 1: a backlog, published first, then drained.
            backlog = [bench_event(n, cameras) for n in range(count)]
            publish_seconds = await raw_publish(names, backlog)
            await start_event_index(database, bus)
            drain_seconds = await wait_indexed(database, backlog[-1], count)
            # Round 2: publishing while the index consumes.
            live = [bench_event(n, cameras) for n in range(count)]
            started = time.perf_counter()
            live_publish_seconds = await raw_publish(names, live)
            lag_seconds = await wait_indexed(database, live[-1], 2 * count)
            both_seconds = time.perf_counter() - started
        finally:
            await bus.close()
            client = Client()
            await client.connect(NATS)
            await client.jetstream().delete_stream(names.stream)
            await client.close()
            database.dispose()
    publish_rate = count / publish_seconds
    index_rate = count / drain_seconds
    return {
        "events": count,
        "raw_publish_per_s": round(publish_rate),
        "index_drain_per_s": round(index_rate),
        "ratio": round(index_rate / publish_rate, 2),
        "concurrent": {
            "raw_publish_per_s": round(count / live_publish_seconds),
            "indexed_per_s_end_to_end": round(count / both_seconds),
            "index_lag_after_last_publish_s": round(lag_seconds, 3),
        },
    }


def copy_rows(url: str, rows: int, days: int, cameras: int, start: datetime) -> dict[str, float]:
    """Load `rows` events with COPY: indexes dropped first and built after, as a bulk restore does."""
    database = Database(url)
    with database.session() as session:
        create_partitions(session, {day_of(start + timedelta(days=d)) for d in range(days)})
    database.dispose()
    raw = sqlalchemy.create_engine(url).raw_connection()
    span = days * 86400.0
    timings: dict[str, float] = {}
    try:
        cursor = raw.cursor()
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'event_log' AND indexname LIKE 'ix_%'"
        )
        # pg_indexes shows a partitioned index as `ON ONLY event_log`; rebuilt that way no partition gets it.
        index_definitions = [row[0].replace(" ON ONLY ", " ON ") for row in cursor.fetchall()]
        cursor.execute("ALTER TABLE event_log DROP CONSTRAINT pk_event_log")
        for definition in index_definitions:
            cursor.execute(f"DROP INDEX {definition.split()[2]}")
        raw.commit()
        began = time.perf_counter()
        generator = random.Random(7)
        columns = "id, time, seq, type, camera_id, source, payload, indexed_at"
        with cursor.copy(f"COPY event_log ({columns}) FROM STDIN") as copy:
            chunk: list[str] = []
            for n in range(rows):
                at = (start + timedelta(seconds=span * n / rows)).isoformat()
                camera = generator.randrange(cameras)
                kind = TYPES[generator.randrange(len(TYPES))]
                chunk.append(
                    f"{n:08x}-0000-4000-8000-{camera:012x}\t{at}\t{n + 1}\t{kind}\tcam-{camera:04d}\t"
                    f'bench\t{{"n": {n}, "state": "online"}}\t{at}\n'
                )
                if len(chunk) == 10000:
                    copy.write("".join(chunk))
                    chunk.clear()
                if (n + 1) % 1_000_000 == 0:
                    progress(f"copied {n + 1:,} rows")
            copy.write("".join(chunk))
        raw.commit()
        timings["copy_s"] = time.perf_counter() - began
        began = time.perf_counter()
        progress("building the indexes")
        cursor.execute("SET maintenance_work_mem = '512MB'")
        cursor.execute(f"SELECT setval('event_log_seq', {rows + 1})")
        cursor.execute("ALTER TABLE event_log ADD CONSTRAINT pk_event_log PRIMARY KEY (id, time)")
        for definition in index_definitions:
            cursor.execute(definition)
        raw.commit()
        timings["index_build_s"] = time.perf_counter() - began
        began = time.perf_counter()
        cursor.execute("ANALYZE event_log")
        raw.commit()
        timings["analyze_s"] = time.perf_counter() - began
        cursor.execute(
            "SELECT pg_total_relation_size(inhrelid) FROM pg_inherits WHERE inhparent = 'event_log'::regclass"
        )
        timings["size_gb"] = sum(row[0] for row in cursor.fetchall()) / 1e9
    finally:
        raw.close()
    return {key: round(value, 2) for key, value in timings.items()}


def timed_queries(url: str, queries: list[EventQuery]) -> dict[str, Any]:
    database = Database(url)
    durations = []
    found = []
    try:
        for query in queries:
            started = time.perf_counter()
            with database.session() as session:
                page = search_events(session, query)
            durations.append((time.perf_counter() - started) * 1000)
            found.append(len(page.events))
    finally:
        database.dispose()
    ordered = sorted(durations)
    return {
        "queries": len(queries),
        "p50_ms": round(statistics.median(ordered), 2),
        "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))], 2),
        "max_ms": round(ordered[-1], 2),
        "mean_events_returned": round(statistics.mean(found), 1),
    }


def query_latency(rows: int, days: int, cameras: int, count: int) -> dict[str, Any]:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    with scratch_database("query") as url:
        load = copy_rows(url, rows, days, cameras, start)
        generator = random.Random(11)

        def window(hours: int) -> tuple[datetime, datetime]:
            end = start + timedelta(seconds=generator.uniform(hours * 3600, days * 86400))
            return end - timedelta(hours=hours), end

        exact = []
        prefix = []
        for _ in range(count):
            since, until = window(24)
            camera = f"cam-{generator.randrange(cameras):04d}"
            exact.append(
                EventQuery(type_prefix=generator.choice(TYPES), camera_id=camera, since=since, until=until)
            )
            since, until = window(24 * 7)
            prefix.append(EventQuery(type_prefix="rule.", camera_id=camera, since=since, until=until))
        timed_queries(url, exact[: max(1, count // 10)])  # warm the connection pool and plan cache
        return {
            "rows": rows,
            "days": days,
            "cameras": cameras,
            "types": len(TYPES),
            "load": load,
            "camera_type_24h": timed_queries(url, exact),
            "camera_type_prefix_7d": timed_queries(url, prefix),
        }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=20_000, help="events through NATS → the index")
    parser.add_argument("--rows", type=int, default=5_000_000, help="events in the table the queries search")
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--cameras", type=int, default=1000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--skip-throughput", action="store_true")
    parser.add_argument("--skip-query", action="store_true")
    args = parser.parse_args()
    for name in ("events", "rows", "days", "cameras", "queries"):
        if getattr(args, name) < 1:
            parser.error(f"--{name} must be at least 1")
    result: dict[str, Any] = {"load_average": [round(value, 2) for value in os.getloadavg()]}
    if not args.skip_throughput:
        result["throughput"] = asyncio.run(throughput(args.events, args.cameras))
    if not args.skip_query:
        result["query"] = query_latency(args.rows, args.days, args.cameras, args.queries)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
