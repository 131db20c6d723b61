"""The last active admin cannot be disabled or demoted (nobody could manage users any more)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.conftest import auth


def test_the_last_admin_cannot_disable_or_demote_itself(client: TestClient) -> None:
    admin = auth(client, "admin")
    disabled = client.patch("/api/v1/users/admin", headers=admin, json={"is_active": False})
    assert disabled.status_code == 409
    assert "last active admin" in disabled.json()["detail"]
    demoted = client.patch("/api/v1/users/admin", headers=admin, json={"role": "operator"})
    assert demoted.status_code == 409
    assert client.get("/api/v1/auth/me", headers=admin).json()["role"] == "admin"


def test_with_a_second_admin_the_first_may_step_down(client: TestClient) -> None:
    admin = auth(client, "admin")
    second = {"username": "sana", "password": "password-456", "role": "admin"}
    assert client.post("/api/v1/users", headers=admin, json=second).status_code == 201
    assert client.patch("/api/v1/users/admin", headers=admin, json={"role": "operator"}).status_code == 200
    sana = client.patch("/api/v1/users/sana", headers=admin, json={"is_active": False})
    assert sana.status_code == 403  # the old admin lost the right with its role


def test_a_disabled_admin_does_not_count(client: TestClient) -> None:
    admin = auth(client, "admin")
    second = {"username": "sana", "password": "password-456", "role": "admin"}
    assert client.post("/api/v1/users", headers=admin, json=second).status_code == 201
    assert client.patch("/api/v1/users/sana", headers=admin, json={"is_active": False}).status_code == 200
    assert client.patch("/api/v1/users/admin", headers=admin, json={"is_active": False}).status_code == 409
