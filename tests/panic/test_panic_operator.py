"""The operator's side of a panic: the list of panics with where each phone last was, and "confirmed safe"."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.conftest import auth


def test_the_operator_lists_active_panics_with_the_last_position_and_confirms_one_safe(
    client: TestClient,
) -> None:
    pressed = client.post(
        "/api/v1/panic", json={"device_id": "phone-9", "latitude": 31.52, "longitude": 74.35}
    )
    assert pressed.status_code == 201, pressed.text
    panic = pressed.json()
    moved = client.post(
        f"/api/v1/panic/{panic['panic_id']}/location",
        json={"latitude": 31.53, "longitude": 74.36},
        headers={"X-Panic-Token": panic["token"]},
    )
    assert moved.status_code == 204
    operator = auth(client, "operator")

    listed = client.get("/api/v1/panic", headers=operator).json()
    assert [(p["panic_id"], p["active"]) for p in listed] == [(panic["panic_id"], True)]
    assert (listed[0]["last_position"]["latitude"], listed[0]["last_position"]["longitude"]) == (31.53, 74.36)

    assert client.post(f"/api/v1/panic/{panic['panic_id']}/confirm-safe", headers=operator).status_code == 204
    assert client.get("/api/v1/panic", headers=operator).json() == []
    ended = client.get("/api/v1/panic", params={"active": "false"}, headers=operator).json()
    assert [p["panic_id"] for p in ended] == [panic["panic_id"]]
    detail = client.get(f"/api/v1/incidents/{panic['incident_id']}", headers=operator).json()
    assert any("confirmed the person safe" in entry["text"] for entry in detail["log"])


def test_panics_and_confirming_safe_need_the_alert_permission(client: TestClient) -> None:
    auditor = auth(client, "auditor")
    assert client.get("/api/v1/panic", headers=auditor).status_code == 403
    assert client.post("/api/v1/panic/nope/confirm-safe", headers=auditor).status_code == 403
    assert client.post("/api/v1/panic/nope/confirm-safe", headers=auth(client, "operator")).status_code == 404


def test_the_console_settings_name_the_time_zone_and_language(client: TestClient) -> None:
    settings = client.get("/api/v1/console/settings")
    assert settings.status_code == 200
    assert settings.json() == {"timezone": "Asia/Karachi", "language": "en"}
