"""An incident opened from a camera alert starts where the camera is, so a unit can be sent at once."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from safecity.core.bus import Event
from tests.api.conftest import auth
from tests.support.polling import eventually

CAMERA = {"id": "gate-3", "name": "Market gate 3", "url": "rtsp://10.0.0.5/stream1"}
GATE = (31.5204, 74.3587)


def _alert_for(client: TestClient, headers: dict[str, str], camera_id: str) -> dict[str, Any]:
    def found() -> dict[str, Any] | None:
        listed = client.get("/api/v1/alerts", params={"camera_id": camera_id}, headers=headers).json()
        return listed[0] if listed else None

    return eventually(found, f"an alert on {camera_id}")


def test_an_incident_from_a_camera_alert_inherits_location_camera_time_and_description(
    client: TestClient,
) -> None:
    admin, operator = auth(client, "admin"), auth(client, "operator")
    camera = {**CAMERA, "latitude": GATE[0], "longitude": GATE[1]}
    assert client.post("/api/v1/cameras", json=camera, headers=admin).status_code == 201
    unit = {"id": "DOL-7", "callsign": "Dolphin 7", "type": "dolphin", "latitude": 31.521, "longitude": 74.36}
    assert client.post("/api/v1/units", json=unit, headers=admin).status_code == 201
    bus = client.app.state.services.bus  # type: ignore[attr-defined]
    hit = Event(type="rule.loitering", camera_id="gate-3", payload={"rule": "after hours", "zone": "gate"})
    client.portal.call(bus.publish, hit)  # type: ignore[union-attr]

    alert = _alert_for(client, operator, "gate-3")
    assert (alert["latitude"], alert["longitude"]) == GATE  # alert coordinates come from the camera
    opened = client.post(
        f"/api/v1/alerts/{alert['id']}/incident", json={"type": "public_order"}, headers=operator
    )
    assert opened.status_code == 201, opened.text
    incident = opened.json()

    assert (incident["latitude"], incident["longitude"]) == GATE
    assert incident["address"] == "Market gate 3"
    assert incident["received_at"] == alert["first_seen"]
    assert "Loitering: after hours" in incident["description"]
    assert "Market gate 3 (gate-3)" in incident["description"]
    detail = client.get(f"/api/v1/incidents/{incident['id']}", headers=operator).json()
    assert sorted((x["kind"], x["ref"]) for x in detail["links"]) == [
        ("alert", str(alert["id"])),
        ("camera", "gate-3"),
    ]
    situation = client.get(f"/api/v1/incidents/{incident['id']}/situation", headers=operator).json()
    assert [r["unit"]["id"] for r in situation["recommended_units"]] == ["DOL-7"]
    assert [c["camera_id"] for c in situation["cameras"]] == ["gate-3"]
    sent = client.post(
        f"/api/v1/incidents/{incident['id']}/assignments", json={"unit_id": "DOL-7"}, headers=operator
    )
    assert sent.status_code == 201, sent.text
