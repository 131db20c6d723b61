"""Real `safecity serve` processes sharing one PostgreSQL database, NATS (or the embedded bus) and Redis."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import httpx
import pytest

from tests.conftest import require_service

REPO_ROOT = Path(__file__).resolve().parents[2]
NATS_URL = os.environ.get("SAFECITY_TEST_NATS", "nats://127.0.0.1:4222")
REDIS_URL = os.environ.get("SAFECITY_TEST_REDIS", "redis://127.0.0.1:6379/0")
JWT_SECRET = "api-nodes-test-secret-shared-by-every-node"
METRICS_TOKEN = "api-nodes-test-scrape-token"
STARTUP_DEADLINE = 90.0  # seconds; two nodes import and migrate at once on a busy 2-core machine
LEADER_GAUGE = re.compile(r"^safecity_singleton_jobs_leader (\S+)$", re.MULTILINE)


def _port_open(url: str) -> bool:
    host, port = re.sub(r"^\w+://", "", url).split("/")[0].rsplit(":", 1)
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex((host, int(port))) == 0


def require_nats() -> None:
    require_service("NATS", _port_open(NATS_URL))


def require_redis() -> None:
    require_service("Redis", _port_open(REDIS_URL))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class ApiNode:
    name: str
    port: int
    process: subprocess.Popen[bytes]
    log_path: Path

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}"

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def log_events(self) -> list[str]:
        """The `event` of every JSON log line the node wrote."""
        events = []
        for line in self.log().splitlines():
            if line.startswith("{"):
                try:
                    events.append(str(json.loads(line).get("event", "")))
                except ValueError:
                    continue
        return events

    def metrics(self) -> str:
        """The node's /metrics, read as Prometheus does: with the scrape token."""
        response = httpx.get(
            f"{self.base_url}/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"}, timeout=5
        )
        response.raise_for_status()
        return response.text

    def leads(self) -> bool:
        """What the node's /metrics says: does it run the cluster's singleton jobs right now?"""
        found = LEADER_GAUGE.search(self.metrics())
        return found is not None and float(found.group(1)) == 1.0

    def kill(self) -> None:
        """kill -9: no shutdown, no goodbye to PostgreSQL."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def cluster_environment(database_url: str, bus: Literal["nats", "embedded"], **extra: str) -> dict[str, str]:
    """What every node of one test cluster shares; each node gets its own data directory."""
    unique = f"t{uuid.uuid4().hex[:10]}"
    return {
        "SAFECITY_DATABASE_URL": database_url,
        "SAFECITY_BUS__KIND": bus,
        "SAFECITY_BUS__NATS_URL": NATS_URL,
        "SAFECITY_BUS__PREFIX": unique,
        "SAFECITY_API_NODES__REDIS_URL": REDIS_URL,
        "SAFECITY_API_NODES__REDIS_KEY_PREFIX": unique,
        "SAFECITY_API_NODES__LEADER_RETRY_SECONDS": "1",
        "SAFECITY_AUTH__JWT_SECRET": JWT_SECRET,
        "SAFECITY_HTTP__METRICS_TOKEN": METRICS_TOKEN,
        "SAFECITY_LOGGING__JSON_OUTPUT": "true",
        "SAFECITY_HTTP__TRUSTED_PROXIES": '["127.0.0.1"]',  # the tests log in "from" addresses of their own
        **extra,
    }


def start_node(name: str, root: Path, environment: dict[str, str]) -> ApiNode:
    node_dir = root / name
    node_dir.mkdir(parents=True)
    port = free_port()
    env = {
        **{key: value for key, value in os.environ.items() if not key.startswith("SAFECITY_")},
        **environment,
        "SAFECITY_DATA_DIR": str(node_dir / "data"),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT / "src"), os.environ.get("PYTHONPATH")])),
    }
    command = [sys.executable, "-c", "from safecity.cli import main; main()", "serve", "--port", str(port)]
    log_path = node_dir / "serve.log"
    with log_path.open("wb") as log:
        # cwd: the node's own folder, so no safecity.yaml of the repository is read
        process = subprocess.Popen(command, cwd=node_dir, env=env, stdout=log, stderr=subprocess.STDOUT)
    return ApiNode(name, port, process, log_path)


def wait_healthy(node: ApiNode, deadline: float) -> None:
    while time.monotonic() < deadline:
        if node.process.poll() is not None:
            pytest.fail(f"node {node.name} exited with {node.process.returncode}:\n{node.log()[-4000:]}")
        try:
            with urllib.request.urlopen(f"{node.base_url}/api/health", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.3)
    pytest.fail(f"node {node.name} not healthy after {STARTUP_DEADLINE:g} s:\n{node.log()[-4000:]}")


@contextmanager
def running_nodes(
    root: Path, environment: dict[str, str], names: tuple[str, ...] = ("a", "b")
) -> Iterator[list[ApiNode]]:
    """Start the nodes together (they migrate the fresh database at the same moment) and stop them after."""
    nodes: list[ApiNode] = []
    try:
        for name in names:
            nodes.append(start_node(name, root, environment))
        deadline = time.monotonic() + STARTUP_DEADLINE
        for node in nodes:
            wait_healthy(node, deadline)
        yield nodes
    finally:
        for node in nodes:
            node.stop()
