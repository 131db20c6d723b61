"""Benchmark the cluster: how long a killed worker's cameras stay unwatched; prints one JSON object.

Run: .venv/bin/python bench/cluster.py [--kills 10] [--cameras 8] [--workers 2]
     [--city-cameras 8000 --city-workers 40]  (the lease rows' cost at city size; --kills 0 for only that)
     [--with-index-and-density]  (also runs bench/events_index.py's NATS → PostgreSQL throughput and
     bench/pipeline.py's static-camera density, so the three cluster figures come from one run)

Real processes on a fresh PostgreSQL database with the production lease timing (`cluster:` defaults:
12 s leases renewed every 3 s) and the embedded bus (takeover does not depend on the bus). For each kill:
SIGKILL the worker holding the most cameras, time until every one of its cameras is held by a live worker
again (polled every 0.1 s from the lease rows), restart it and wait until the cluster is balanced again.
The bare baseline is the lease timing itself: a takeover cannot beat `lease_seconds` after the last renewal.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

import sqlalchemy

from safecity.cameras.models import Camera
from safecity.cameras.schemas import CameraCreate
from safecity.cameras.service import create_camera
from safecity.cluster.fencing import LeaseFence
from safecity.cluster.member import ClusterMember
from safecity.cluster.models import CameraLease
from safecity.cluster.models import ClusterWorker
from safecity.cluster.status import ClusterStatus
from safecity.cluster.status import cluster_status
from safecity.config.cluster import ClusterSettings
from safecity.core.db import Database
from safecity.core.db import utcnow
from safecity.core.schema import upgrade
from safecity.video.synthetic import crossing_square_clip

REPO = Path(__file__).resolve().parents[1]
ADMIN_URL = os.environ.get("SAFECITY_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
SETTINGS = ClusterSettings()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kills", type=int, default=10)
    parser.add_argument("--cameras", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--with-index-and-density", action="store_true")
    parser.add_argument(
        "--city-cameras", type=int, default=8000, help="cameras in the lease-table measurement"
    )
    parser.add_argument("--city-workers", type=int, default=40)
    args = parser.parse_args()
    result: dict[str, Any] = {"lease_table": lease_table(args.city_cameras, args.city_workers)}
    if args.kills:
        result["takeover"] = takeover(args.kills, args.cameras, args.workers)
    if args.with_index_and_density:
        result["event_index"] = _run_json([sys.executable, str(REPO / "bench" / "events_index.py")])
        result["density"] = _run_json([sys.executable, str(REPO / "bench" / "pipeline.py")])
    print(json.dumps(result, indent=2))


def takeover(kills: int, camera_count: int, worker_count: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder, FreshDatabase() as url:
        root = Path(folder)
        upgrade(url)
        clip = crossing_square_clip(root / "clip.mp4")
        database = Database(url)
        with database.session() as session:
            for index in range(camera_count):
                camera_id = f"cam{index:02d}"
                create_camera(session, CameraCreate(id=camera_id, name=camera_id, url=str(clip), loop=True))
        workers = {f"w{i + 1}": _start(f"w{i + 1}", root, url) for i in range(worker_count)}
        seconds: list[float] = []
        try:
            _wait(lambda: _balanced(database, set(workers)), 180)
            for _ in range(kills):
                status = _status(database)
                victim = max(status.workers, key=lambda w: len(w.cameras) if w.alive else -1)
                orphans = set(victim.cameras)
                workers[victim.id].send_signal(signal.SIGKILL)
                workers[victim.id].wait()
                killed_at = time.monotonic()
                survivors = set(workers) - {victim.id}
                _wait(lambda o=orphans, s=survivors: _rehomed(database, o, s), 120, every=0.1)
                seconds.append(time.monotonic() - killed_at)
                workers[victim.id] = _start(victim.id, root, url)
                _wait(lambda: _balanced(database, set(workers)), 300)
        finally:
            for process in workers.values():
                process.terminate()
            for process in workers.values():
                process.wait(timeout=30)
            database.dispose()
    ordered = sorted(seconds)
    return {
        "kills": len(seconds),
        "cameras": camera_count,
        "workers": worker_count,
        "takeover_seconds_p50": round(statistics.median(ordered), 2),
        "takeover_seconds_p95": round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 2),
        "takeover_seconds_max": round(ordered[-1], 2),
        "lease_seconds": SETTINGS.lease_seconds,
        "renew_seconds": SETTINGS.renew_seconds,
        "bound_seconds": SETTINGS.lease_seconds + SETTINGS.renew_seconds,
        "goal_seconds": 20,
    }


def lease_table(camera_count: int, worker_count: int, fence_refresh_seconds: float = 2.0) -> dict[str, Any]:
    """The database's share of a city: one worker's lease tick and one API node's fence refresh, with
    `camera_count` cameras spread over `worker_count` workers (rows written directly, no processes)."""
    with FreshDatabase() as url:
        upgrade(url)
        database = Database(url)
        now = utcnow()
        with database.session() as session:
            for index in range(camera_count):
                session.add(
                    Camera(id=f"c{index:05d}", name="c", url="/x.mp4", created_at=now, updated_at=now)
                )
            session.flush()
            for w in range(worker_count):
                session.add(
                    ClusterWorker(id=f"w{w}", capacity=1000, load=0, started_at=now, heartbeat_at=now)
                )
            for index in range(camera_count):
                worker = f"w{index % worker_count}"
                expires = now + timedelta(seconds=SETTINGS.lease_seconds)
                session.add(
                    CameraLease(
                        camera_id=f"c{index:05d}",
                        worker_id=worker,
                        epoch=1,
                        granted_at=now,
                        expires_at=expires,
                    )
                )
        member = ClusterMember(database, "w0", capacity=1000, settings=SETTINGS)
        member.tick()
        ticks = [_timed(member.tick) for _ in range(20)]
        fence = LeaseFence(database, refresh_seconds=fence_refresh_seconds)
        refreshes = [_timed(lambda: asyncio.run(fence._refresh())) for _ in range(20)]
        database.dispose()
    return {
        "cameras": camera_count,
        "workers": worker_count,
        "worker_tick_ms_p50": round(statistics.median(ticks), 1),
        "worker_tick_ms_max": round(max(ticks), 1),
        "ticks_per_second_cluster": round(worker_count / SETTINGS.renew_seconds, 1),
        "fence_refresh_ms_p50": round(statistics.median(refreshes), 1),
        "fence_refreshes_per_second_per_api_node": round(1 / fence_refresh_seconds, 2),
    }


def _timed(call: Any) -> float:
    started = time.perf_counter()
    call()
    return (time.perf_counter() - started) * 1000


def _status(database: Database) -> ClusterStatus:
    with database.session() as session:
        return cluster_status(session, SETTINGS)


def _balanced(database: Database, workers: set[str]) -> bool:
    status = _status(database)
    loads = [len(w.cameras) for w in status.workers if w.alive and w.id in workers]
    held = all(c.state == "held" for c in status.cameras)
    return held and len(loads) == len(workers) and max(loads) - min(loads) <= 1


def _rehomed(database: Database, cameras: set[str], survivors: set[str]) -> bool:
    status = _status(database)
    return all(c.state == "held" and c.worker in survivors for c in status.cameras if c.id in cameras)


def _wait(condition: Any, seconds: float, every: float = 0.5) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"not within {seconds} s")
        time.sleep(every)


def _start(name: str, root: Path, url: str) -> subprocess.Popen[bytes]:
    folder = root / name
    folder.mkdir(exist_ok=True)
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("SAFECITY_")},
        "SAFECITY_DATABASE_URL": url,
        "SAFECITY_DATA_DIR": str(folder / "data"),
    }
    command = [sys.executable, "-m", "safecity", "worker", "--id", name, "--no-detect", "--no-record"]
    with (folder / "worker.log").open("ab") as log:
        return subprocess.Popen(command, cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT)


class FreshDatabase:
    """A fresh PostgreSQL database for the run, dropped afterwards."""

    def __enter__(self) -> str:
        self.name = f"safecity_bench_{uuid.uuid4().hex[:10]}"
        self.admin = sqlalchemy.create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
        with self.admin.connect() as connection:
            connection.execute(sqlalchemy.text(f'CREATE DATABASE "{self.name}"'))
        return (
            sqlalchemy.engine.make_url(ADMIN_URL)
            .set(database=self.name)
            .render_as_string(hide_password=False)
        )

    def __exit__(self, *_: object) -> None:
        with self.admin.connect() as connection:
            connection.execute(sqlalchemy.text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))
        self.admin.dispose()


def _run_json(command: list[str]) -> Any:
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


if __name__ == "__main__":
    main()
