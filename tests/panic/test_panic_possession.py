"""A phone proves it owns a panic with the token it got at the first press; nobody else can take it over."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.api.conftest import auth

LAHORE = {"latitude": 31.5204, "longitude": 74.3587}
KARACHI = {"latitude": 24.8607, "longitude": 67.0011}


def _press(
    client: TestClient, device_id: str, token: str | None = None, where: dict[str, float] | None = None
) -> dict[str, Any]:
    headers = {"X-Panic-Token": token} if token else {}
    response = client.post(
        "/api/v1/panic", json={"device_id": device_id, **(where or LAHORE)}, headers=headers
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def test_a_press_without_the_token_starts_a_new_panic_and_leaves_the_victims_alone(
    client: TestClient,
) -> None:
    victim = _press(client, "victim-phone")
    attacker = _press(client, "victim-phone", where=KARACHI)  # knows only the device id

    assert attacker["panic_id"] != victim["panic_id"]
    assert attacker["incident_id"] != victim["incident_id"]
    assert attacker["token"] != victim["token"]
    moved = client.post(
        f"/api/v1/panic/{victim['panic_id']}/location",
        json=KARACHI,
        headers={"X-Panic-Token": attacker["token"]},
    )
    assert moved.status_code == 403
    safe = client.post(
        f"/api/v1/panic/{victim['panic_id']}/safe", headers={"X-Panic-Token": attacker["token"]}
    )
    assert safe.status_code == 403

    # the victim's own token still works, and the incident stayed where the victim is
    still = client.post(
        f"/api/v1/panic/{victim['panic_id']}/location",
        json=LAHORE,
        headers={"X-Panic-Token": victim["token"]},
    )
    assert still.status_code == 204
    view = client.get(f"/api/v1/panic/{victim['panic_id']}", headers=auth(client, "operator")).json()
    assert view["active"] is True
    assert (view["incident"]["latitude"], view["incident"]["longitude"]) == (31.5204, 74.3587)


def test_a_press_with_the_token_continues_the_panic_without_rotating_it(client: TestClient) -> None:
    first = _press(client, "phone-1")
    again = _press(client, "phone-1", first["token"], {"latitude": 31.53, "longitude": 74.36})

    assert (again["panic_id"], again["incident_id"], again["alert_id"]) == (
        first["panic_id"],
        first["incident_id"],
        first["alert_id"],
    )
    assert again["token"] == first["token"]
    view = client.get(f"/api/v1/panic/{first['panic_id']}", headers=auth(client, "operator")).json()
    assert len(view["trail"]) == 2


def test_another_panics_token_does_not_continue_this_one(client: TestClient) -> None:
    mine = _press(client, "phone-a")
    other = _press(client, "phone-b")
    pressed = _press(client, "phone-a", other["token"])
    assert pressed["panic_id"] not in {mine["panic_id"], other["panic_id"]}


def test_safe_needs_the_token(client: TestClient) -> None:
    panic = _press(client, "phone-2")
    assert client.post(f"/api/v1/panic/{panic['panic_id']}/safe").status_code == 422
    assert (
        client.post(
            f"/api/v1/panic/{panic['panic_id']}/safe", headers={"X-Panic-Token": panic["token"]}
        ).status_code
        == 204
    )
    view = client.get(f"/api/v1/panic/{panic['panic_id']}", headers=auth(client, "operator")).json()
    assert view["active"] is False
