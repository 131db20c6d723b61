"""The API's contract for errors, auth, limits, health and metrics."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.conftest import PASSWORD
from tests.api.conftest import auth


def test_health_reports_database_bus_and_media(client: TestClient) -> None:
    response = client.get("/api/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert {name: check["ok"] for name, check in body["checks"].items()} == {
        "database": True,
        "bus": True,
        "media": True,
    }


def test_unknown_api_route_is_a_json_404(client: TestClient) -> None:
    response = client.get("/api/v1/no-such-thing")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/json")
    assert response.json() == {"detail": "Not Found"}


def test_unauthenticated_calls_get_401(client: TestClient) -> None:
    response = client.get("/api/v1/users")
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"


def test_a_garbage_token_gets_401(client: TestClient) -> None:
    response = client.get("/api/v1/users", headers={"Authorization": "Bearer not-a-jwt"})
    assert response.status_code == 401


def test_calls_without_the_permission_get_403(client: TestClient) -> None:
    response = client.get("/api/v1/users", headers=auth(client, "operator"))
    assert response.status_code == 403
    assert "users.manage" in response.json()["detail"]


def test_a_malformed_body_gets_422_naming_the_field(client: TestClient) -> None:
    response = client.post("/api/v1/auth/login", json={"username": "admin"})
    assert response.status_code == 422
    assert ["body", "password"] in [error["loc"] for error in response.json()["detail"]]


def test_login_returns_a_token_with_the_user_and_permissions(client: TestClient) -> None:
    response = client.post("/api/v1/auth/login", json={"username": "supervisor", "password": PASSWORD})
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "bearer"
    assert body["user"]["role"] == "supervisor"
    assert "alerts.act" in body["user"]["permissions"]
    me = client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {body['access_token']}"})
    assert me.json()["username"] == "supervisor"


def test_repeated_failed_logins_are_rate_limited(client: TestClient) -> None:
    statuses = [
        client.post("/api/v1/auth/login", json={"username": "admin", "password": "guess-123"}).status_code
        for _ in range(6)
    ]
    assert statuses[:5] == [401] * 5
    assert statuses[5] == 429
    locked = client.post("/api/v1/auth/login", json={"username": "admin", "password": PASSWORD})
    assert locked.status_code == 429
    assert int(locked.headers["retry-after"]) >= 1


def test_admin_creates_a_user_who_can_log_in_and_it_is_audited(client: TestClient) -> None:
    admin = auth(client, "admin")
    created = client.post(
        "/api/v1/users",
        headers=admin,
        json={"username": "sana", "password": "password-456", "role": "investigator", "full_name": "Sana"},
    )
    assert created.status_code == 201
    assert (
        client.post("/api/v1/auth/login", json={"username": "sana", "password": "password-456"}).status_code
        == 200
    )
    entries = client.get("/api/v1/audit", headers=auth(client, "auditor"), params={"action": "user.*"}).json()
    assert [(e["actor"], e["action"], e["object_id"]) for e in entries] == [("admin", "user.create", "sana")]


def test_a_disabled_user_loses_access_at_once(client: TestClient) -> None:
    operator = auth(client, "operator")
    client.patch("/api/v1/users/operator", headers=auth(client, "admin"), json={"is_active": False})
    assert client.get("/api/v1/auth/me", headers=operator).status_code == 401


def test_user_creation_with_a_bad_role_names_the_field(client: TestClient) -> None:
    response = client.post(
        "/api/v1/users",
        headers=auth(client, "admin"),
        json={"username": "sana", "password": "password-456", "role": "chief"},
    )
    assert response.status_code == 422
    assert ["body", "role"] in [error["loc"] for error in response.json()["detail"]]


def test_uploads_are_stored_by_hash_and_oversized_ones_get_413(client: TestClient) -> None:
    headers = auth(client, "operator")
    small = client.post(
        "/api/v1/media", headers=headers, files={"file": ("a.jpg", b"\xff\xd8small", "image/jpeg")}
    )
    assert small.status_code == 201
    sha = small.json()["sha256"]
    assert client.get(f"/api/v1/media/{sha}", headers=headers).content == b"\xff\xd8small"
    big = client.post(
        "/api/v1/media",
        headers=headers,
        files={"file": ("b.bin", b"\0" * (1024 * 1024 + 1), "application/octet-stream")},
    )
    assert big.status_code == 413


def test_metrics_count_requests_by_route_template(client: TestClient) -> None:
    client.get("/api/health")
    text = client.get("/metrics", headers=auth(client, "admin")).text
    assert 'safecity_http_requests_total{method="GET",route="/api/health",status="200"}' in text


def test_the_openapi_document_describes_the_routes(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    assert {"/api/v1/auth/login", "/api/v1/users", "/api/v1/audit", "/api/health"} <= set(spec["paths"])
