"""Several API nodes behind one address: two real `safecity serve` processes on one PostgreSQL database.

Live events reach the clients of every node, the login budget is one for the cluster (Redis), and the
cluster's singleton jobs (the escalation timer, ...) run on exactly one node, the other taking over when it
is killed.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from typing import Literal

import httpx
import pytest
from websockets.sync.client import ClientConnection
from websockets.sync.client import connect

from safecity.core.auth.service import create_user
from safecity.core.db import Database
from tests.cluster.api_nodes import ApiNode
from tests.cluster.api_nodes import cluster_environment
from tests.cluster.api_nodes import require_nats
from tests.cluster.api_nodes import require_redis
from tests.cluster.api_nodes import running_nodes
from tests.conftest import fresh_postgres_database
from tests.support.polling import eventually

pytestmark = [pytest.mark.postgres, pytest.mark.slow]
OPERATOR_PASSWORD = "operator-password-1"
EVENT_DEADLINE = 30.0  # seconds a live event may take to arrive on a busy machine


@contextmanager
def _cluster(tmp_path: Path, bus: Literal["nats", "embedded"], **extra: str) -> Iterator[list[ApiNode]]:
    require_redis()
    if bus == "nats":
        require_nats()
    with (
        fresh_postgres_database() as database_url,
        running_nodes(tmp_path, cluster_environment(database_url, bus, **extra)) as nodes,
    ):
        _create_operator(database_url)
        yield nodes


def _create_operator(database_url: str) -> None:
    database = Database(database_url)
    try:
        with database.session() as session:
            create_user(session, "operator", OPERATOR_PASSWORD, "operator")
    finally:
        database.dispose()


@pytest.fixture(scope="module")
def nats_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[ApiNode]]:
    """Two nodes on NATS for the whole module (starting nodes is the slow part); the takeover test kills one
    of them, so it comes last. A critical alert nobody acknowledges is escalated after 2 s."""
    fast_escalation = {
        "SAFECITY_ALERTS__ESCALATE_AFTER_SECONDS": json.dumps({"critical": 2}),
        "SAFECITY_ALERTS__ESCALATION_CHECK_SECONDS": "0.5",
    }
    with _cluster(tmp_path_factory.mktemp("nats-cluster"), "nats", **fast_escalation) as nodes:
        yield nodes


def _login(node: ApiNode, username: str, password: str, address: str) -> httpx.Response:
    # the nodes trust X-Forwarded-For from 127.0.0.1 (http.trusted_proxies): each test logs in from its own
    # address
    return httpx.post(
        f"{node.base_url}/api/v1/auth/login",
        json={"username": username, "password": password},
        headers={"X-Forwarded-For": address},
        timeout=10,
    )


@contextmanager
def _live(node: ApiNode, token: str, topics: str = "alert.>") -> Iterator[ClientConnection]:
    """A console's live feed on `node` (with a media ticket `node` issues for the access token, as the
    console does), once the node has said hello."""
    answer = httpx.post(
        f"{node.base_url}/api/v1/auth/media-ticket", headers={"Authorization": f"Bearer {token}"}, timeout=10
    )
    assert answer.status_code == 200, answer.text
    ticket = answer.json()["ticket"]
    with connect(f"{node.ws_url}/api/v1/live?ticket={ticket}&topics={topics}", open_timeout=10) as socket:
        hello = json.loads(socket.recv(timeout=10))
        assert hello["type"] == "live.hello"
        yield socket


def _raise_panic(node: ApiNode) -> int:
    response = httpx.post(
        f"{node.base_url}/api/v1/panic",
        json={"device_id": f"phone-{uuid.uuid4().hex[:8]}", "latitude": 31.5656, "longitude": 74.3142},
        headers={"X-Forwarded-For": f"10.9.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}"},
        timeout=10,
    )
    assert response.status_code == 201, response.text
    return int(response.json()["alert_id"])


def _next_alert_event(socket: ClientConnection, event_type: str, alert_id: int) -> dict[str, Any]:
    """Read the live feed until `event_type` for the alert arrives (other alerts' events are skipped)."""

    def arrived() -> dict[str, Any] | None:
        try:
            event: dict[str, Any] = json.loads(socket.recv(timeout=1))
        except TimeoutError:
            return None
        if event.get("type") == event_type and event.get("alert", {}).get("id") == alert_id:
            return event
        return None

    found: dict[str, Any] = eventually(
        arrived, f"{event_type} of alert {alert_id} on the live feed", EVENT_DEADLINE
    )
    return found


def test_live_events_cross_nodes_on_the_embedded_bus_too(tmp_path: Path) -> None:
    with _cluster(tmp_path, "embedded") as (node_a, node_b):
        token = _login(node_b, "operator", OPERATOR_PASSWORD, "10.2.0.1").json()["access_token"]
        with _live(node_b, token) as console_on_b:
            alert_id = _raise_panic(node_a)
            _next_alert_event(console_on_b, "alert.created", alert_id)


def test_a_console_on_node_b_sees_an_alert_raised_through_node_a(nats_cluster: list[ApiNode]) -> None:
    node_a, node_b = nats_cluster
    login = _login(node_a, "operator", OPERATOR_PASSWORD, "10.1.0.1")
    assert login.status_code == 200, login.text
    with _live(node_b, login.json()["access_token"]) as console_on_b:  # a token from A is good on B
        alert_id = _raise_panic(node_a)
        event = _next_alert_event(console_on_b, "alert.created", alert_id)
    assert event["alert"]["severity"] == "critical"


def test_the_login_budget_counts_attempts_made_on_every_node(nats_cluster: list[ApiNode]) -> None:
    node_a, node_b = nats_cluster
    username, address = f"guess-{uuid.uuid4().hex[:6]}", "10.1.0.2"
    # five wrong passwords are free, wherever they are tried: A, B, A, B, A; then the address waits
    for node in (node_a, node_b, node_a, node_b, node_a):
        assert _login(node, username, "wrong-password", address).status_code == 401
    refused = _login(node_b, username, "wrong-password", address)
    assert refused.status_code == 429
    assert int(refused.headers["Retry-After"]) >= 1
    # another address is not affected by this one's budget
    assert _login(node_b, "operator", OPERATOR_PASSWORD, "10.1.0.3").status_code == 200


def test_one_node_runs_the_singleton_jobs_and_the_other_takes_over_when_it_is_killed(
    nats_cluster: list[ApiNode],
) -> None:
    leader: ApiNode = eventually(lambda: _the_one_leader(nats_cluster), "exactly one node leads")
    standby = next(node for node in nats_cluster if node is not leader)
    eventually(
        lambda: (
            "standby: another API node runs the singleton jobs; trying to take over" in standby.log_events()
        ),
        "the standby says it stands by",
    )
    assert _the_one_leader(nats_cluster) is leader

    leader.kill()
    eventually(standby.leads, "the standby takes over after kill -9 of the leader")
    assert "leader: this API node runs the singleton jobs" in standby.log_events()

    # the escalation timer now runs on the survivor: an unacknowledged critical alert is escalated
    token = _login(standby, "operator", OPERATOR_PASSWORD, "10.3.0.1").json()["access_token"]
    with _live(standby, token) as console:
        alert_id = _raise_panic(standby)
        _next_alert_event(console, "alert.escalated", alert_id)


def _the_one_leader(nodes: list[ApiNode]) -> ApiNode | None:
    leaders = [node for node in nodes if node.leads()]
    assert len(leaders) <= 1, f"two nodes lead at once: {[node.name for node in leaders]}"
    return leaders[0] if leaders else None
