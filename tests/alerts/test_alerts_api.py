"""Alerts over HTTP: a bus event becomes an alert pushed live; operator actions, their refusals and audit."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from safecity.core.audit.models import AuditEntry
from safecity.core.bus import Event
from tests.api.conftest import auth
from tests.api.conftest import ticket_for
from tests.api.conftest import token_for


def publish(client: TestClient, event: Event) -> None:
    bus = client.app.state.services.bus  # type: ignore[attr-defined]
    client.portal.call(bus.publish, event)  # type: ignore[union-attr]


def _next_alert(socket: Any) -> dict[str, Any]:
    message: dict[str, Any] = socket.receive_json()
    while not message["type"].startswith("alert."):
        message = socket.receive_json()
    return message


def test_a_bus_event_becomes_an_alert_on_the_live_socket_and_operators_act_on_it(client: TestClient) -> None:
    token = token_for(client, "operator")
    headers = {"Authorization": f"Bearer {token}"}
    ticket = ticket_for(client, "operator")
    with client.websocket_connect(f"/api/v1/live?ticket={ticket}&topics=alert.>") as socket:
        socket.receive_json()  # hello
        publish(client, Event(type="camera.health", camera_id="cam-7", state="covered"))
        created = _next_alert(socket)
        assert created["type"] == "alert.created"
        assert created["alert"]["severity"] == "high"
        assert created["alert"]["title"] == "Camera cam-7 is covered"
        alert_id = created["alert"]["id"]

        listed = client.get("/api/v1/alerts", params={"status": "new", "severity": "high"}, headers=headers)
        assert [a["id"] for a in listed.json()] == [alert_id]

        acknowledged = client.post(f"/api/v1/alerts/{alert_id}/acknowledge", headers=headers)
        assert acknowledged.status_code == 200
        assert acknowledged.json()["acknowledged_by"] == "operator"
        assert _next_alert(socket)["action"] == "acknowledged"

        again = client.post(f"/api/v1/alerts/{alert_id}/acknowledge", headers=headers)
        assert again.status_code == 409

        no_reason = client.post(f"/api/v1/alerts/{alert_id}/dismiss", json={}, headers=headers)
        assert no_reason.status_code == 422
        assert no_reason.json()["detail"][0]["loc"] == ["body", "reason"]
        both = client.post(
            f"/api/v1/alerts/{alert_id}/assign", json={"user": "a", "unit_id": "b"}, headers=headers
        )
        assert both.status_code == 422
        unknown_unit = client.post(
            f"/api/v1/alerts/{alert_id}/assign", json={"unit_id": "nope"}, headers=headers
        )
        assert unknown_unit.status_code == 404

        assigned = client.post(
            f"/api/v1/alerts/{alert_id}/assign", json={"user": "supervisor"}, headers=headers
        )
        assert assigned.json()["status"] == "assigned"
        dismissed = client.post(
            f"/api/v1/alerts/{alert_id}/dismiss", json={"reason": "maintenance crew"}, headers=headers
        )
        assert dismissed.json()["dismissed_reason"] == "maintenance crew"
        assert client.post(f"/api/v1/alerts/{alert_id}/escalate", json={}, headers=headers).status_code == 409

    database = client.app.state.services.database  # type: ignore[attr-defined]
    with database.session() as session:
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.object_id == str(alert_id))
        ).all()
    assert actions == ["alert.acknowledge", "alert.assign", "alert.dismiss"]


def test_opening_an_incident_from_an_alert_links_both_ways(client: TestClient) -> None:
    headers = auth(client, "operator")
    with client.websocket_connect(
        f"/api/v1/live?ticket={ticket_for(client, 'operator')}&topics=alert.>"
    ) as socket:
        socket.receive_json()
        publish(
            client,
            Event(type="rule.crowd", camera_id="cam-2", payload={"rule": "square", "lat": 31.5, "lon": 74.3}),
        )
        alert_id = _next_alert(socket)["alert"]["id"]
    bad_type = client.post(f"/api/v1/alerts/{alert_id}/incident", json={"type": "alien"}, headers=headers)
    assert bad_type.status_code == 422
    assert "type" in str(bad_type.json()["detail"])
    opened = client.post(
        f"/api/v1/alerts/{alert_id}/incident", json={"type": "public_order"}, headers=headers
    )
    assert opened.status_code == 201
    incident = opened.json()
    assert (incident["origin"], incident["priority"], incident["latitude"]) == ("alert", 3, 31.5)
    detail = client.get(f"/api/v1/incidents/{incident['id']}", headers=headers).json()
    assert [(x["kind"], x["ref"]) for x in detail["links"]] == [("alert", str(alert_id)), ("camera", "cam-2")]
    assert client.get(f"/api/v1/alerts/{alert_id}", headers=headers).json()["incident_id"] == incident["id"]


def test_roles_without_the_permission_are_refused(client: TestClient) -> None:
    assert client.get("/api/v1/alerts", headers=auth(client, "auditor")).status_code == 403
    investigator = auth(client, "investigator")
    assert client.post("/api/v1/alerts/1/acknowledge", headers=investigator).status_code == 403
    assert client.get("/api/v1/alerts/999", headers=auth(client, "operator")).status_code == 404
