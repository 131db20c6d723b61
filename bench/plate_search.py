"""Plate search latency over N synthetic stored reads, on SQLite and/or PostgreSQL.

Builds a fresh database per backend and size with the real migrations, bulk-loads synthetic Punjab-style reads
(indexes dropped during the load and rebuilt from the model's definitions afterwards), then times the real
search path (`safecity.anpr.service.search_reads` / `trajectory`) for each kind of query: exact, prefix,
suffix, wildcard, fuzzy (confusion-aware), plate + time range, camera + time range, trajectory.
Prints one JSON object. Run:
    .venv/bin/python bench/plate_search.py --rows 1000000 --backend both
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import string
import sys
import time
import uuid
from collections.abc import Callable
from collections.abc import Iterator
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from safecity.anpr.keys import read_key

from safecity.anpr.models import PlateReadRecord
from safecity.anpr.patterns import parse_pattern
from safecity.anpr.service import ReadQuery
from safecity.anpr.service import search_reads
from safecity.anpr.service import trajectory
from safecity.core.db import Database
from safecity.core.schema import upgrade

START = datetime(2026, 1, 1, tzinfo=UTC)
DAYS = 90
CAMERAS = 2000
SIGHTINGS_PER_VEHICLE = 20
COLUMNS = [
    "event_id", "camera_id", "time", "text", "plate_key", "plate_key_reversed", "skeleton", "series",
    "year", "number", "format", "matched", "confidence", "track_id", "direction", "latitude", "longitude",
    "crop_sha256", "snapshot_sha256", "stored_at",
]  # fmt: skip


def vehicles(count: int, rng: random.Random) -> list[tuple[str, str, str, str, str, str, str]]:
    """(text, key, reversed key, skeleton, series, year, number) of `count` distinct synthetic plates."""
    seen: set[str] = set()
    result = []
    while len(result) < count:
        series = "".join(rng.choices(string.ascii_uppercase, k=rng.choice((2, 3, 3, 3))))
        year = f"{rng.randrange(0, 25):02d}"
        number = str(rng.randrange(1, 10000))
        key = read_key(f"{series}-{year}-{number}", series, year, number)
        if key.key in seen:
            continue
        seen.add(key.key)
        result.append(
            (f"{series}-{year}-{number}", key.key, key.reversed_key, key.skeleton, series, year, number)
        )
    return result


def rows(total: int, plates: list[tuple[str, ...]], rng: random.Random) -> Iterator[tuple[Any, ...]]:
    span = DAYS * 86400
    stored = START + timedelta(days=DAYS)
    for _ in range(total):
        text, key, reversed_key, skeleton, series, year, number = plates[rng.randrange(len(plates))]
        camera = rng.randrange(CAMERAS)
        yield (
            uuid.UUID(int=rng.getrandbits(128)).hex,
            f"cam-{camera:04d}",
            START + timedelta(seconds=rng.randrange(span)),
            text, key, reversed_key, skeleton, series, year, number,
            "punjab-legacy", True, round(rng.uniform(0.5, 1.0), 3), None, "down",
            31.4 + camera * 1e-4, 74.3 + camera * 1e-4, None, None, stored,
        )  # fmt: skip


def _drop_indexes(engine: sa.Engine) -> None:
    with engine.begin() as connection:
        for index in PlateReadRecord.__table__.indexes:
            index.drop(connection)


def _create_indexes(engine: sa.Engine) -> None:
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.exec_driver_sql("SET maintenance_work_mem = '1GB'")
        for index in PlateReadRecord.__table__.indexes:
            index.create(connection)
        connection.exec_driver_sql("ANALYZE plate_reads")


def load_sqlite(path: Path, data: Iterator[tuple[Any, ...]]) -> None:
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA synchronous=OFF")
    placeholders = ",".join("?" * len(COLUMNS))
    statement = f"INSERT INTO plate_reads ({','.join(COLUMNS)}) VALUES ({placeholders})"  # noqa: S608 - constant names
    batch: list[tuple[Any, ...]] = []
    for row in data:
        # SQLAlchemy's UTCDateTime on SQLite stores 'YYYY-MM-DD HH:MM:SS.ffffff' (naive UTC).
        batch.append(
            (
                *row[:2],
                row[2].strftime("%Y-%m-%d %H:%M:%S.%f"),
                *row[3:19],
                row[19].strftime("%Y-%m-%d %H:%M:%S.%f"),
            )
        )
        if len(batch) == 100_000:
            connection.executemany(statement, batch)
            connection.commit()
            batch.clear()
    connection.executemany(statement, batch)
    connection.commit()
    connection.close()


def load_postgres(engine: sa.Engine, data: Iterator[tuple[Any, ...]]) -> None:
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        with cursor.copy(f"COPY plate_reads ({','.join(COLUMNS)}) FROM STDIN") as copy:  # type: ignore[attr-defined]
            for row in data:
                copy.write_row(row)
        raw.commit()
    finally:
        raw.close()


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {
        "p50_ms": round(statistics.median(ordered) * 1000, 2),
        "p95_ms": round(p95 * 1000, 2),
        "max_ms": round(ordered[-1] * 1000, 2),
    }


def query_kinds(plates: list[tuple[str, ...]], rng: random.Random) -> dict[str, Callable[[Any], object]]:
    typical = [plate for plate in plates if len(plate[1]) >= 6]  # most plates: LEB5700, not AB1

    def pick() -> tuple[str, ...]:
        return typical[rng.randrange(len(typical))]

    def day() -> tuple[datetime, datetime]:
        since = START + timedelta(days=rng.randrange(DAYS))
        return since, since + timedelta(days=1)

    def confused(text: str) -> str:
        return text.translate(str.maketrans("0OB8S5", "O08B5S"))

    def search(**kwargs: Any) -> Callable[[Any], object]:
        return lambda session: search_reads(session, ReadQuery(**kwargs))

    return {
        "exact": lambda s: search_reads(s, ReadQuery(parse_pattern(pick()[0]))),
        "prefix": lambda s: search_reads(s, ReadQuery(parse_pattern(pick()[1][:-1] + "*"))),
        "suffix": lambda s: search_reads(s, ReadQuery(parse_pattern("*" + pick()[1][-4:]))),
        "wildcard": lambda s: search_reads(
            s, ReadQuery(parse_pattern((p := pick())[4][:-1] + "?-" + p[5] + "-" + p[6][:-1] + "*"))
        ),
        "infix": lambda s: search_reads(s, ReadQuery(parse_pattern("*" + pick()[1][1:-1] + "*"))),
        "fuzzy": lambda s: search_reads(s, ReadQuery(parse_pattern(confused(pick()[0])), fuzzy=True)),
        "plate_and_day": lambda s: search_reads(
            s, ReadQuery(parse_pattern(pick()[0]), since=(d := day())[0], until=d[1])
        ),
        "camera_and_day": lambda s: search_reads(
            s, ReadQuery(camera_id=f"cam-{rng.randrange(CAMERAS):04d}", since=(d := day())[0], until=d[1])
        ),
        "trajectory": lambda s: trajectory(s, parse_pattern(pick()[0])),
    }


def measure(database: Database, plates: list[tuple[str, ...]], queries: int) -> dict[str, dict[str, float]]:
    rng = random.Random(7)
    results = {}
    for name, run in query_kinds(plates, rng).items():
        samples = []
        with database.session() as session:
            for _ in range(3):
                run(session)  # warm the cache a little: a live system is warm
            for _ in range(queries):
                start = time.perf_counter()
                run(session)
                samples.append(time.perf_counter() - start)
        results[name] = percentiles(samples)
    return results


def bench(backend: str, total: int, args: argparse.Namespace) -> dict[str, Any]:
    rng = random.Random(total)
    plates = vehicles(max(1, total // SIGHTINGS_PER_VEHICLE), rng)
    if backend == "sqlite":
        path = Path(args.workdir) / f"plates-{total}.db"
        path.unlink(missing_ok=True)
        url = f"sqlite:///{path}"
    else:
        name = f"safecity_bench_plates_{total}"
        admin = sa.create_engine(args.postgres, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
        admin.dispose()
        url = sa.engine.make_url(args.postgres).set(database=name).render_as_string(hide_password=False)
    upgrade(url)
    database = Database(url)
    _drop_indexes(database.engine)
    started = time.perf_counter()
    if backend == "sqlite":
        load_sqlite(path, rows(total, plates, rng))
    else:
        load_postgres(database.engine, rows(total, plates, rng))
    loaded = time.perf_counter()
    _create_indexes(database.engine)
    indexed = time.perf_counter()
    size = path.stat().st_size if backend == "sqlite" else _pg_size(database)
    result = {
        "backend": backend,
        "rows": total,
        "vehicles": len(plates),
        "load_s": round(loaded - started, 1),
        "index_s": round(indexed - loaded, 1),
        "size_mb": round(size / 2**20),
        "queries_per_kind": args.queries,
        "latency": measure(database, plates, args.queries),
    }
    database.dispose()
    if not args.keep and backend == "sqlite":
        path.unlink(missing_ok=True)
    return result


def _pg_size(database: Database) -> int:
    with database.engine.connect() as connection:
        return int(connection.exec_driver_sql("SELECT pg_database_size(current_database())").scalar_one())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, action="append", help="reads to store (repeatable)")
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--queries", type=int, default=200, help="timed queries per kind")
    parser.add_argument("--workdir", default="/tmp", help="where SQLite files go")
    parser.add_argument("--postgres", default="postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--keep", action="store_true", help="keep the SQLite files")
    args = parser.parse_args()
    backends = ("sqlite", "postgresql") if args.backend == "both" else (args.backend,)
    results = [bench(backend, total, args) for total in (args.rows or [100_000]) for backend in backends]
    print(json.dumps({"runs": results}, indent=2))


if __name__ == "__main__":
    main()
