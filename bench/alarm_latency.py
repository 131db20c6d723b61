"""Frame → alarm on a console connected to ANOTHER API node, under a steady alarm rate; prints JSON.

    python bench/alarm_latency.py [--rate 50] [--duration 30] [--cameras 50] [--drain 30]

Two real `safecity serve` processes (nodes A and B) share a fresh PostgreSQL database (created and dropped
here), NATS JetStream under a bus prefix of their own and Redis, as `docs/architecture.md` ("Several API
nodes") describes. An operator logs in on node B and opens the live WebSocket (`/api/v1/live`, topics
`alert.>`). The bench then plays a worker: it publishes `rule.wrong_way` events through `NatsBus.publish`
(the worker's own path: JetStream publish with `Nats-Msg-Id`, awaited), stamped with a lease epoch of a
lease it wrote for each camera, at `--rate` events/s for `--duration` s, round-robin over `--cameras`
cameras with a new rule name per event, so the alert dedup never merges two (every event is a new alert).
Each event's `time` is taken right before it is published: that is the frame time.

Measured for every `alert.created` that reaches node B's WebSocket: receipt − its source event's time
(p50/p95/max), and how many arrived of those sent. The path is split with two more clocks: the alert
event's own `time` (stamped by the `alerts` consumer, on node A or B, inside its transaction) and when a
plain NATS subscriber in this process received that `alert.created`:

    source event ─(JetStream → alerts consumer, fence, DB transaction)→ alert stamped
                 ─(commit, JetStream publish)→ alert on NATS
                 ─(node B's subscription, live feed, WebSocket)→ console

Baseline, same run, same events: a plain NATS subscriber here receiving each `rule.wrong_way` (bare
publish → receipt). Ratio = safecity's p95 ÷ the baseline's. Before the measured run, a warm-up of
`--warmup` s at the same rate (not counted). Load average, each node's CPU during the run and the CPU both
nodes spent per alarm (which survives a busy machine better than the latencies) are reported, as the
machine is shared. Needs PostgreSQL (trust), nats-server and Redis; override their addresses with
SAFECITY_BENCH_POSTGRES / _NATS / _REDIS. The embedded bus is left out: two nodes cannot share SQLite, and
on PostgreSQL `bench/bus_wakeup.py` measures its cross-process delivery.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from dataclasses import field
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import numpy as np
import sqlalchemy
import websockets
from nats.aio.client import Client
from nats.aio.msg import Msg

from safecity.cluster.models import CameraLease
from safecity.cluster.models import LeaseGrant
from safecity.core.auth.service import create_user
from safecity.core.bus import BusNames
from safecity.core.bus import Event
from safecity.core.bus import NatsBus
from safecity.core.bus.nats_consumer import event_subject
from safecity.core.db import Database
from safecity.core.schema import upgrade

POSTGRES = os.environ.get("SAFECITY_BENCH_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
NATS = os.environ.get("SAFECITY_BENCH_NATS", "nats://127.0.0.1:4222")
REDIS = os.environ.get("SAFECITY_BENCH_REDIS", "redis://127.0.0.1:6379/0")
OPERATOR, PASSWORD = "operator", "bench-operator-password"
WORKER = "bench-worker"
LEASE_EPOCH = 1
STARTUP_SECONDS = 300.0  # two nodes importing and migrating at once on a busy machine (load 20-30 here)
GOAL_P95_MS = 1000.0
WINDOW_SECONDS = 5.0  # the run's latency is also shown per window of send time: a queue would grow
_serials = itertools.count()  # one rule name per event across warm-up and run: no alert is ever merged


# --- what was seen, and when (wall clock, seconds since the epoch: the same clock as the events' `time`)


@dataclass
class Arrivals:
    """Source events sent, and when each of them (or the alert it raised) arrived where."""

    sent: dict[str, float] = field(default_factory=dict)  # source event id → its time
    baseline: dict[str, float] = field(default_factory=dict)  # source id → plain NATS receipt
    alert_stamped: dict[str, float] = field(default_factory=dict)  # source id → the alert event's time
    alert_on_nats: dict[str, float] = field(default_factory=dict)  # source id → plain NATS receipt
    on_console: dict[str, float] = field(default_factory=dict)  # source id → node B's WebSocket receipt
    other_alert_messages: int = 0  # alert.updated / escalated etc. (a merge would show here)
    publish_ms: list[float] = field(default_factory=list)  # how long each worker publish was awaited
    console_news: asyncio.Event = field(default_factory=asyncio.Event)  # set at each alert on the console

    def clear(self) -> None:
        for table in (self.sent, self.baseline, self.alert_stamped, self.alert_on_nats, self.on_console):
            table.clear()
        self.other_alert_messages = 0
        self.publish_ms.clear()

    def delivered(self) -> int:
        """Sent events whose alert reached the console (a warm-up straggler after `clear` is not counted)."""
        return len(self.sent.keys() & self.on_console.keys())

    def missing_on_console(self) -> int:
        return len(self.sent.keys() - self.on_console.keys())


def _seconds(moment: str) -> float:
    return datetime.fromisoformat(moment).timestamp()


def _source_of(alert_message: dict[str, Any]) -> str | None:
    source = alert_message.get("alert", {}).get("details", {}).get("event_id")
    return str(source) if source else None


# --- services and processes


def _require(name: str, url: str) -> None:
    host, port = re.sub(r"^\w+://", "", url).split("/")[0].rsplit(":", 1)
    with socket.socket() as probe:
        probe.settimeout(1.0)
        if probe.connect_ex((host, int(port))) != 0:
            raise SystemExit(
                f"{name} is not reachable at {url}; start it or set SAFECITY_BENCH_{name.upper()}"
            )


@contextmanager
def fresh_database() -> Iterator[str]:
    """A PostgreSQL database of the run's own, migrated, dropped afterwards."""
    name = f"safecity_bench_{uuid.uuid4().hex[:10]}"
    admin = sqlalchemy.create_engine(POSTGRES, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sqlalchemy.text(f'CREATE DATABASE "{name}"'))
    try:
        url = sqlalchemy.engine.make_url(POSTGRES).set(database=name).render_as_string(hide_password=False)
        upgrade(url)
        yield url
    finally:
        with admin.connect() as connection:
            connection.execute(sqlalchemy.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def camera_ids(count: int) -> list[str]:
    return [f"bench-cam-{index:03d}" for index in range(count)]


def seed(url: str, cameras: list[str]) -> None:
    """The operator who watches node B, and a lease per camera, held by the worker this bench plays (so
    its events carry a valid epoch and pass the API's fence as a real worker's do)."""
    database = Database(url)
    now = datetime.now(UTC)
    try:
        with database.session() as session:
            create_user(session, OPERATOR, PASSWORD, "operator")
            for camera in cameras:
                session.add(
                    CameraLease(
                        camera_id=camera,
                        worker_id=WORKER,
                        epoch=LEASE_EPOCH,
                        granted_at=now,
                        expires_at=now + timedelta(hours=6),
                    )
                )
                session.add(LeaseGrant(camera_id=camera, epoch=LEASE_EPOCH, worker_id=WORKER, granted_at=now))
    finally:
        database.dispose()


@dataclass
class Node:
    name: str
    port: int
    process: subprocess.Popen[bytes]
    log_path: Path

    @property
    def http(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def cpu_seconds(self) -> float:
        """User + system CPU of the node's process so far (Linux /proc)."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def wait_healthy(self, deadline: float) -> None:
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"node {self.name} exited: {self.log_path.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(f"{self.http}/api/health", timeout=10) as response:  # noqa: S310
                    if response.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.5)
        raise RuntimeError(f"node {self.name} not healthy in time: {self.log_path.read_text()[-3000:]}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_node(name: str, root: Path, url: str, prefix: str) -> Node:
    """One `safecity serve`, configured as one node of a cluster (see docs/architecture.md)."""
    folder = root / name
    folder.mkdir()
    port = _free_port()
    env = {
        **{key: value for key, value in os.environ.items() if not key.startswith("SAFECITY_")},
        "SAFECITY_DATABASE_URL": url,
        "SAFECITY_DATA_DIR": str(folder / "data"),
        "SAFECITY_BUS__KIND": "nats",
        "SAFECITY_BUS__NATS_URL": NATS,
        "SAFECITY_BUS__PREFIX": prefix,
        "SAFECITY_API_NODES__REDIS_URL": REDIS,
        "SAFECITY_API_NODES__REDIS_KEY_PREFIX": prefix,
        "SAFECITY_AUTH__JWT_SECRET": f"{prefix}-secret-shared-by-both-nodes",
        "SAFECITY_LOGGING__JSON_OUTPUT": "true",
    }
    command = [sys.executable, "-m", "safecity", "serve", "--port", str(port)]
    log_path = folder / "serve.log"
    with log_path.open("wb") as log:
        # cwd: the node's own folder, so no safecity.yaml of the repository is read
        process = subprocess.Popen(command, cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT)
    return Node(name, port, process, log_path)


@contextmanager
def running_nodes(root: Path, url: str, prefix: str) -> Iterator[tuple[Node, Node]]:
    nodes: list[Node] = []
    try:
        nodes = [start_node(name, root, url, prefix) for name in ("a", "b")]
        deadline = time.monotonic() + STARTUP_SECONDS
        for node in nodes:
            node.wait_healthy(deadline)
        yield nodes[0], nodes[1]
    finally:
        for node in nodes:
            node.stop()


async def remove_from_nats(names: BusNames) -> None:
    """The run's stream and key-value buckets (their streams are `KV_<bucket>`)."""
    client = Client()
    await client.connect(NATS)
    try:
        jetstream = client.jetstream()
        for info in await jetstream.streams_info():
            name = info.config.name or ""
            if name == names.stream or name.startswith(f"KV_{names.bucket('')}"):
                await jetstream.delete_stream(name)
    finally:
        await client.close()


# --- the measurement


async def live_ticket(node: Node) -> str:
    """Log the operator in on `node` and get a media ticket for the live socket, as the console does."""
    async with httpx.AsyncClient(base_url=node.http, timeout=30) as client:
        response = await client.post("/api/v1/auth/login", json={"username": OPERATOR, "password": PASSWORD})
        response.raise_for_status()
        token = str(response.json()["access_token"])
        answer = await client.post("/api/v1/auth/media-ticket", headers={"Authorization": f"Bearer {token}"})
        answer.raise_for_status()
        return str(answer.json()["ticket"])


async def backlog(node: Node) -> dict[str, int]:
    """Events each durable consumer of the cluster still has to handle (its pending + unacknowledged), as the
    node's /api/health reports them: the consumer that cannot keep up is the one with a backlog."""
    async with httpx.AsyncClient(base_url=node.http, timeout=30) as client:
        response = await client.get("/api/health")
    consumers = response.json().get("checks", {}).get("bus", {}).get("consumers", {})
    return {name: int(state.get("pending", 0)) for name, state in sorted(consumers.items())}


async def watch_console(console: Any, arrivals: Arrivals) -> None:
    """Node B's WebSocket, as the operator's console reads it."""
    async for raw in console:
        received = time.time()
        message = json.loads(raw)
        source = _source_of(message)
        if message.get("type") == "alert.created" and source is not None:
            arrivals.on_console[source] = received
            arrivals.alert_stamped[source] = _seconds(message["time"])
            arrivals.console_news.set()
        elif str(message.get("type", "")).startswith("alert."):
            arrivals.other_alert_messages += 1


async def watch_nats(client: Client, names: BusNames, arrivals: Arrivals) -> None:
    """Plain NATS subscriptions: the baseline (each source event) and each `alert.created` on the wire."""

    async def on_source(message: Msg) -> None:
        received = time.time()
        arrivals.baseline[json.loads(message.data)["id"]] = received

    async def on_alert(message: Msg) -> None:
        received = time.time()
        source = _source_of(json.loads(message.data))
        if source is not None:
            arrivals.alert_on_nats[source] = received

    await client.subscribe(event_subject(names.subject_root, "rule.wrong_way"), cb=on_source)
    await client.subscribe(event_subject(names.subject_root, "alert.created"), cb=on_alert)
    await client.flush()


def wrong_way(serial: int, camera: str) -> Event:
    """What a worker's pipeline sends for a wrong-way car (worker/bus_events.py); time = the frame's."""
    return Event(
        type="rule.wrong_way",
        time=datetime.now(UTC),
        camera_id=camera,
        source=f"worker:{WORKER}",
        lease_epoch=LEASE_EPOCH,
        payload={
            "rule": f"one-way-{serial}",  # a new rule name per event: never merged into an earlier alert
            "track_id": serial,
            "object_class": "car",
            "pipeline_event_id": uuid.uuid4().hex,
        },
    )


async def play_worker(
    bus: NatsBus, cameras: list[str], rate: float, seconds: float, arrivals: Arrivals
) -> float:
    """Publish at `rate` events/s on a fixed schedule (a late publish does not shift the next ones);
    returns the rate achieved."""
    count = max(1, round(rate * seconds))
    loop = asyncio.get_running_loop()
    start = loop.time()
    for index in range(count):
        await asyncio.sleep(max(0.0, start + index / rate - loop.time()))
        serial = next(_serials)
        event = wrong_way(serial, cameras[serial % len(cameras)])
        arrivals.sent[str(event.id)] = event.time.timestamp()
        began = time.perf_counter()
        await bus.publish(event)
        arrivals.publish_ms.append((time.perf_counter() - began) * 1000)
    return count / (loop.time() - start)


async def until_delivered(arrivals: Arrivals, seconds: float) -> float:
    """Wait for the console to receive every alert (or give up after `seconds`); returns the wait."""
    started = time.monotonic()
    while arrivals.missing_on_console() and (left := seconds - (time.monotonic() - started)) > 0:
        arrivals.console_news.clear()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(arrivals.console_news.wait(), left)
    return time.monotonic() - started


def latency_ms(ends: dict[str, float], starts: dict[str, float]) -> list[float]:
    return [(ends[key] - starts[key]) * 1000 for key in ends.keys() & starts.keys()]


def p95_by_window(arrivals: Arrivals) -> list[float | None]:
    """The console latency's p95 for the events sent in each `WINDOW_SECONDS` of the run, in order."""
    if not arrivals.sent:
        return []
    first = min(arrivals.sent.values())
    windows: dict[int, list[float]] = {}
    for source, sent in arrivals.sent.items():
        if source in arrivals.on_console:
            windows.setdefault(int((sent - first) // WINDOW_SECONDS), []).append(
                (arrivals.on_console[source] - sent) * 1000
            )
    last = int((max(arrivals.sent.values()) - first) // WINDOW_SECONDS)
    return [stats(windows.get(index, []))["p95_ms"] for index in range(last + 1)]


def stats(values: list[float]) -> dict[str, float | int | None]:
    if not values:
        return {"count": 0, "p50_ms": None, "p95_ms": None, "max_ms": None}
    return {
        "count": len(values),
        "p50_ms": round(float(np.percentile(values, 50)), 1),
        "p95_ms": round(float(np.percentile(values, 95)), 1),
        "max_ms": round(max(values), 1),
    }


async def measure(
    node_a: Node, node_b: Node, url: str, names: BusNames, args: argparse.Namespace
) -> dict[str, Any]:
    cameras = camera_ids(args.cameras)
    arrivals = Arrivals()
    ticket = await live_ticket(node_b)
    database = Database(url)
    bus = NatsBus(database, url=NATS, names=names)  # the bus a worker publishes with
    plain = Client()
    await bus.start()
    await plain.connect(NATS)
    await watch_nats(plain, names, arrivals)
    uri = f"ws://127.0.0.1:{node_b.port}/api/v1/live?ticket={ticket}&topics=alert.>"
    try:
        async with websockets.connect(uri, max_size=None) as console:
            hello = json.loads(await console.recv())
            if hello.get("type") != "live.hello":
                raise RuntimeError(f"unexpected first message on the live socket: {hello}")
            reader = asyncio.create_task(watch_console(console, arrivals))
            try:
                await play_worker(bus, cameras, args.rate, args.warmup, arrivals)
                await until_delivered(arrivals, args.drain)
                warmup_missing = arrivals.missing_on_console()
                arrivals.clear()
                cpu_before = {node.name: node.cpu_seconds() for node in (node_a, node_b)}
                load_before = os.getloadavg()
                started = time.monotonic()
                achieved = await play_worker(bus, cameras, args.rate, args.duration, arrivals)
                pending_when_sent = await backlog(node_a)
                drained = await until_delivered(arrivals, args.drain)
                wall = time.monotonic() - started
                load_after = os.getloadavg()
                cpu_seconds = {
                    node.name: node.cpu_seconds() - cpu_before[node.name] for node in (node_a, node_b)
                }
            finally:
                reader.cancel()
    finally:
        await plain.close()
        await bus.close()
        database.dispose()
    total = latency_ms(arrivals.on_console, arrivals.sent)
    baseline = latency_ms(arrivals.baseline, arrivals.sent)
    total_stats, baseline_stats = stats(total), stats(baseline)
    return {
        "benchmark": "frame → alarm on another API node's WebSocket (2 × safecity serve, PostgreSQL, NATS)",
        "rate_per_second": args.rate,
        "achieved_rate_per_second": round(achieved, 1),
        "duration_seconds": args.duration,
        "cameras": args.cameras,
        "sent": len(arrivals.sent),
        "alerts_on_console": arrivals.delivered(),
        "missing_after_drain": arrivals.missing_on_console(),
        "other_alert_messages": arrivals.other_alert_messages,
        "warmup_missing": warmup_missing,
        "drain_seconds": round(drained, 1),
        "frame_to_console": total_stats,
        "frame_to_console_p95_ms_per_5s_window": p95_by_window(arrivals),
        "baseline_bare_nats_publish_to_subscriber": baseline_stats,
        "ratio_p95": _ratio(total_stats["p95_ms"], baseline_stats["p95_ms"]),
        "goal_p95_ms": GOAL_P95_MS,
        "goal_met": total_stats["p95_ms"] is not None and total_stats["p95_ms"] <= GOAL_P95_MS,
        "stages": {
            "source_to_alert_stamped (JetStream → alerts consumer → DB transaction)": stats(
                latency_ms(arrivals.alert_stamped, arrivals.sent)
            ),
            "alert_stamped_to_nats (commit, JetStream publish)": stats(
                latency_ms(arrivals.alert_on_nats, arrivals.alert_stamped)
            ),
            "nats_to_console (node B: subscription, live feed, WebSocket)": stats(
                latency_ms(arrivals.on_console, arrivals.alert_on_nats)
            ),
        },
        "consumer_backlog_when_last_event_sent": pending_when_sent,
        "worker_publish_awaited": stats(arrivals.publish_ms),
        "machine": {
            "cpus": os.cpu_count(),
            "load_average_1m_before": round(load_before[0], 2),
            "load_average_1m_after": round(load_after[0], 2),
            "node_cpu_cores_during_run": {name: round(used / wall, 2) for name, used in cpu_seconds.items()},
            # CPU both nodes spent per alarm that reached the console, from the first event sent until the
            # last alert arrived: what an alarm costs, whatever share of the machine the nodes were given.
            "node_cpu_ms_per_alarm": _per_alarm_ms(sum(cpu_seconds.values()), arrivals.delivered()),
        },
    }


def _per_alarm_ms(cpu_seconds: float, alarms: int) -> float | None:
    return round(cpu_seconds * 1000 / alarms, 2) if alarms else None


def _ratio(ours: float | int | None, bare: float | int | None) -> float | None:
    return round(ours / bare, 1) if ours is not None and bare else None


def run(args: argparse.Namespace) -> dict[str, Any]:
    for name, url in (("nats", NATS), ("redis", REDIS)):
        _require(name, url)
    names = BusNames(f"alarm{uuid.uuid4().hex[:8]}")
    with tempfile.TemporaryDirectory() as folder, fresh_database() as url:
        seed(url, camera_ids(args.cameras))
        try:
            with running_nodes(Path(folder), url, names.prefix) as (node_a, node_b):
                return asyncio.run(measure(node_a, node_b, url, names, args))
        finally:
            asyncio.run(remove_from_nats(names))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rate", type=float, default=50.0, help="alarm-causing events per second")
    parser.add_argument("--duration", type=float, default=30.0, help="seconds of the measured run")
    parser.add_argument(
        "--warmup", type=float, default=3.0, help="seconds at the same rate before, not counted"
    )
    parser.add_argument("--cameras", type=int, default=50, help="cameras the events are spread over")
    parser.add_argument("--drain", type=float, default=30.0, help="seconds to wait for late alerts")
    args = parser.parse_args()
    if args.rate <= 0 or args.duration <= 0 or args.warmup < 0 or args.cameras < 1 or args.drain < 0:
        parser.error("--rate and --duration must be > 0, --warmup and --drain ≥ 0, --cameras ≥ 1")
    print(json.dumps(run(args), indent=2))


if __name__ == "__main__":
    main()
