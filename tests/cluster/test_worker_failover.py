"""Workers sharing the city's cameras through leases: real `safecity worker` processes, PostgreSQL, NATS.

Three workers and twelve looping file cameras: each camera is held by exactly one worker; a worker killed
with SIGKILL has its cameras taken over by the others and a `system` alert raised; restarted, it gets its
share back; a worker paused past its leases (SIGSTOP) has the events it sends on waking refused.
"""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from safecity.alerts.models import Alert
from safecity.cluster.models import LeaseGrant
from safecity.core.db import Database
from safecity.events_search.models import EventLogEntry
from safecity.video.synthetic import crossing_square_clip
from tests.cluster.api_nodes import ApiNode
from tests.cluster.api_nodes import cluster_environment
from tests.cluster.api_nodes import require_nats
from tests.cluster.api_nodes import running_nodes
from tests.cluster.workers import FAST_CLUSTER
from tests.cluster.workers import WorkerProcess
from tests.cluster.workers import add_file_cameras
from tests.cluster.workers import each_camera_held_once
from tests.cluster.workers import read_status
from tests.cluster.workers import start_worker
from tests.conftest import fresh_postgres_database
from tests.support.polling import eventually

pytestmark = [pytest.mark.postgres, pytest.mark.slow]
DEADLINE = 90.0  # generous for a busy 2-core machine; bench/cluster.py measures the takeover time
FENCED = re.compile(r'^safecity_fenced_events_total\{reason="[^"]+"\} (\S+)$', re.MULTILINE)


def test_workers_share_cameras_take_over_from_a_dead_one_and_fence_a_paused_one(tmp_path: Path) -> None:
    require_nats()
    with fresh_postgres_database() as database_url:
        environment = cluster_environment(database_url, "nats", **FAST_CLUSTER)
        with running_nodes(tmp_path, environment, names=("api",)) as (api,):
            cameras = add_file_cameras(database_url, crossing_square_clip(tmp_path / "clip.mp4"), 12)
            workers = {name: start_worker(name, tmp_path, environment) for name in ("w1", "w2", "w3")}
            try:
                _journey(database_url, api, workers, tmp_path, environment, cameras)
            finally:
                for worker in workers.values():
                    worker.stop()


def _journey(
    database_url: str,
    api: ApiNode,
    workers: dict[str, WorkerProcess],
    tmp_path: Path,
    environment: dict[str, str],
    cameras: list[str],
) -> None:
    everyone = set(workers)
    eventually(
        lambda: each_camera_held_once(read_status(database_url), everyone),
        "each camera held by one worker",
        DEADLINE,
    )
    status = _cli_status(environment)
    assert sorted(c["id"] for c in status["cameras"]) == cameras
    assert {w["id"] for w in status["workers"]} == everyone

    victim = read_status(database_url)
    orphans = next(w.cameras for w in victim.workers if w.id == "w3")
    workers["w3"].kill()
    survivors = {"w1", "w2"}
    eventually(
        lambda: each_camera_held_once(read_status(database_url), survivors),
        f"w3's cameras {orphans} taken over by w1 and w2",
        DEADLINE,
    )
    eventually(lambda: _system_alerts(database_url, "w3"), "a system alert for the lost worker w3", DEADLINE)

    workers["w3"] = start_worker("w3", tmp_path, environment)
    eventually(
        lambda: _balanced(database_url, everyone), "w3 back with its share after rebalancing", DEADLINE * 2
    )

    paused = workers["w1"]
    paused.signal(signal.SIGSTOP)
    eventually(
        lambda: each_camera_held_once(read_status(database_url), {"w2", "w3"}),
        "w1's cameras taken over while it is paused",
        DEADLINE,
    )
    paused.signal(signal.SIGCONT)
    eventually(lambda: _fenced(api) > 0, "w1's late events refused by the API", DEADLINE)
    assert _events_from_past_holders(database_url) == []


def _cli_status(environment: dict[str, str]) -> dict[str, list[dict[str, str]]]:
    command = [sys.executable, "-c", "from safecity.cli import main; main()", "cluster", "status", "--json"]
    done = subprocess.run(
        command, env={**environment}, capture_output=True, text=True, timeout=120, check=True
    )
    status: dict[str, list[dict[str, str]]] = json.loads(done.stdout)
    return status


def _balanced(database_url: str, workers: set[str]) -> bool:
    status = read_status(database_url)
    return each_camera_held_once(status, workers) and all(
        len(w.cameras) == 4 for w in status.workers if w.id in workers
    )


def _system_alerts(database_url: str, worker: str) -> list[str]:
    database = Database(database_url)
    try:
        with database.session() as session:
            alerts = session.scalars(select(Alert).where(Alert.kind == "system", Alert.subject == worker))
            return [alert.title for alert in alerts]
    finally:
        database.dispose()


def _fenced(api: ApiNode) -> float:
    return sum(float(count) for count in FENCED.findall(api.metrics()))


def _events_from_past_holders(database_url: str) -> list[str]:
    """Stored camera events sent by a worker after the camera's lease had passed to another one."""
    database = Database(database_url)
    try:
        with database.session() as session:
            grants: dict[str, list[LeaseGrant]] = {}
            for grant in session.scalars(select(LeaseGrant).order_by(LeaseGrant.granted_at)):
                grants.setdefault(grant.camera_id, []).append(grant)
            stale = []
            query = select(EventLogEntry).where(EventLogEntry.source.like("worker:%"))
            for event in session.scalars(query):
                sender = (event.source or "").removeprefix("worker:")
                later = [g for g in grants.get(event.camera_id or "", []) if g.granted_at <= event.time]
                holder = later[-1].worker_id if later else None
                if holder is not None and holder != sender and _well_after(event, later[-1]):
                    stale.append(f"{event.type} of {event.camera_id} from {sender} at {event.time}")
            return stale
    finally:
        database.dispose()


def _well_after(event: EventLogEntry, grant: LeaseGrant) -> bool:
    return (event.time - grant.granted_at).total_seconds() > 1.0  # the fence's clock tolerance
