"""Real `safecity worker` processes for cluster tests, beside the API nodes of `api_nodes.py`."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from safecity.cameras.schemas import CameraCreate
from safecity.cameras.service import create_camera
from safecity.cluster.status import ClusterStatus
from safecity.cluster.status import cluster_status
from safecity.config.cluster import ClusterSettings
from safecity.core.db import Database
from tests.cluster.api_nodes import REPO_ROOT

#: Short leases so a test sees a takeover in seconds (production: 12 s leases renewed every 3 s).
FAST_CLUSTER = {
    "SAFECITY_CLUSTER__LEASE_SECONDS": "4",
    "SAFECITY_CLUSTER__RENEW_SECONDS": "1",
    "SAFECITY_CLUSTER__FAILOVER_GRACE_SECONDS": "2",
    "SAFECITY_CLUSTER__MOVES_PER_MINUTE": "60",
    "SAFECITY_CLUSTER__WORKER_LOST_SECONDS": "6",
}


@dataclass
class WorkerProcess:
    name: str
    process: subprocess.Popen[bytes]
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def signal(self, signum: signal.Signals) -> None:
        self.process.send_signal(signum)

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def start_worker(name: str, root: Path, environment: dict[str, str], *extra: str) -> WorkerProcess:
    """A worker with its own data directory (no shared disk), motion only, not recording."""
    folder = root / f"worker-{name}"
    folder.mkdir(parents=True, exist_ok=True)
    env = {
        **{key: value for key, value in os.environ.items() if not key.startswith("SAFECITY_")},
        **environment,
        "SAFECITY_DATA_DIR": str(folder / "data"),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT / "src"), os.environ.get("PYTHONPATH")])),
    }
    command = [
        sys.executable,
        "-c",
        "from safecity.cli import main; main()",
        "worker",
        "--id",
        name,
        "--no-detect",
        "--no-record",
        *extra,
    ]
    log_path = folder / "worker.log"
    with log_path.open("ab") as log:
        process = subprocess.Popen(command, cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT)
    return WorkerProcess(name, process, log_path)


def add_file_cameras(database_url: str, clip: Path, count: int) -> list[str]:
    ids = [f"cam{i:02d}" for i in range(count)]
    database = Database(database_url)
    try:
        with database.session() as session:
            for camera_id in ids:
                create_camera(
                    session,
                    CameraCreate(id=camera_id, name=camera_id, url=str(clip), loop=True, detect_fps=2.0),
                )
    finally:
        database.dispose()
    return ids


def read_status(database_url: str) -> ClusterStatus:
    database = Database(database_url)
    try:
        with database.session() as session:
            return cluster_status(session, ClusterSettings(lease_seconds=4, renew_seconds=1))
    finally:
        database.dispose()


def each_camera_held_once(status: ClusterStatus, workers: set[str]) -> bool:
    """Every camera held by a live worker of `workers`, and no camera in two workers' lists."""
    listed = [cid for w in status.workers if w.alive for cid in w.cameras]
    return len(listed) == len(set(listed)) == len(status.cameras) and all(
        c.state == "held" and c.worker in workers for c in status.cameras
    )
