"""Alert ingest → WebSocket delivery on the embedded stack (SQLite + embedded bus), printed as JSON.

    python bench/alerts.py [--latency 200] [--burst 500]

A rule hit is published on the bus; the durable "alerts" consumer turns it into an alert in the database and
publishes `alert.created`; the live WebSocket `/api/v1/live` forwards it to a logged-in operator. Measured:
per-alert latency (publish → JSON received on the socket, one at a time: p50/p95) and sustained alerts/s
(a burst published from another thread, until the last alert arrives). Baseline in the same run: a bare bus
publish → the same WebSocket (no consumer, no database write for the alert); ratio = ours / baseline.
"""

from __future__ import annotations

import argparse
import itertools
import json
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np
from fastapi.testclient import TestClient

from safecity.app import create_app
from safecity.config import load_settings
from safecity.core.auth.models import User
from safecity.core.auth.passwords import hash_password
from safecity.core.bus import Event
from safecity.core.db import Database
from safecity.core.schema import upgrade

PASSWORD = "bench-password-123"


_serial = itertools.count()


def _hit(index: int) -> Event:
    # A distinct rule per event so every hit is a new alert (no dedup merging).
    return Event(
        type="rule.crowd", camera_id="bench-cam", payload={"rule": f"zone-{next(_serial)}", "count": 40}
    )


def _ping(index: int) -> Event:
    return Event(type="bench.ping", payload={"n": index})


def _matches(message: dict[str, Any], event: Event, topic: str) -> bool:
    if topic == "alert.created":
        return bool(message.get("alert", {}).get("details", {}).get("event_id") == str(event.id))
    return bool(message.get("id") == str(event.id))


def _latencies(client: TestClient, socket: Any, make: Any, topic: str, count: int) -> list[float]:
    bus = client.app.state.services.bus  # type: ignore[attr-defined]
    result = []
    for index in range(count):
        event = make(index)
        start = time.perf_counter()
        client.portal.call(bus.publish, event)  # type: ignore[union-attr]
        while not _matches(socket.receive_json(), event, topic):
            pass
        result.append((time.perf_counter() - start) * 1000)
    return result


def _rate(client: TestClient, socket: Any, make: Any, topic: str, count: int, offset: int) -> float:
    bus = client.app.state.services.bus  # type: ignore[attr-defined]
    events = [make(offset + index) for index in range(count)]

    def publish_all() -> None:
        for event in events:
            client.portal.call(bus.publish, event)  # type: ignore[union-attr]

    start = time.perf_counter()
    publisher = threading.Thread(target=publish_all)
    publisher.start()
    received = 0
    while received < count:
        message = socket.receive_json()
        if message.get("type") == topic:
            received += 1
    elapsed = time.perf_counter() - start
    publisher.join()
    return count / elapsed


def _stats(values: list[float]) -> dict[str, float]:
    return {
        "p50_ms": round(float(np.percentile(values, 50)), 2),
        "p95_ms": round(float(np.percentile(values, 95)), 2),
    }


def run(latency_count: int, burst: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(None, data_dir=Path(tmp), database_url=f"sqlite:///{tmp}/bench.db")
        upgrade(settings.resolved_database_url)
        database = Database(settings.resolved_database_url)
        with database.session() as session:
            session.add(User(username="operator", role="operator", password_hash=hash_password(PASSWORD)))
        database.dispose()
        results: dict[str, Any] = {}
        with TestClient(create_app(settings)) as client:
            login = client.post("/api/v1/auth/login", json={"username": "operator", "password": PASSWORD})
            token = login.json()["access_token"]
            for name, topic, make in (("baseline", "bench.ping", _ping), ("alerts", "alert.created", _hit)):
                with client.websocket_connect(f"/api/v1/live?token={token}&topics={topic}") as socket:
                    socket.receive_json()  # hello
                    _latencies(client, socket, make, topic, 10)  # warm-up
                    latencies = _latencies(client, socket, make, topic, latency_count)
                    rate = _rate(client, socket, make, topic, burst, offset=100_000)
                results[name] = {**_stats(latencies), "per_second": round(rate, 1)}
    baseline, alerts = results["baseline"], results["alerts"]
    return {
        "benchmark": "alert ingest → WebSocket delivery (embedded stack: SQLite + embedded bus)",
        "latency_samples": latency_count,
        "burst": burst,
        "alerts": alerts,
        "baseline_bus_publish_to_socket": baseline,
        "ratio_p95": round(alerts["p95_ms"] / baseline["p95_ms"], 2),
        "ratio_throughput": round(alerts["per_second"] / baseline["per_second"], 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--latency", type=int, default=200, help="alerts timed one at a time")
    parser.add_argument("--burst", type=int, default=500, help="alerts in the throughput burst (< 1000)")
    args = parser.parse_args()
    print(json.dumps(run(args.latency, min(args.burst, 900)), indent=2))


if __name__ == "__main__":
    main()
