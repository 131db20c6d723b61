"""Sessions: rotating refresh tokens in an HttpOnly cookie, reuse detection, revocation, media tickets."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from datetime import timedelta
from pathlib import Path

import numpy as np
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from safecity.cameras.api import live_frames
from safecity.cameras.live_frames import encode_jpeg
from safecity.config import Settings
from safecity.config import load_settings
from safecity.core.audit.models import AuditEntry
from safecity.core.auth import refresh
from safecity.core.auth import secret_tokens
from safecity.core.auth.models import RefreshToken
from safecity.core.auth.session_api import REFRESH_COOKIE
from safecity.core.http.services import Services
from safecity.core.log_redaction import redact_query_secrets
from tests.alerts.fakes import FakeClock
from tests.api.conftest import PASSWORD

GRACE_SECONDS = 1.0


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'safecity.db'}"


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    return load_settings(
        None,
        data_dir=tmp_path / "data",
        database_url=database_url,
        auth={"refresh_reuse_grace_seconds": GRACE_SECONDS, "session_hours": 12, "idle_lock_minutes": 5},
    )


def services_of(client: TestClient) -> Services:
    services: Services = client.app.state.services  # type: ignore[attr-defined]
    return services


def log_in(client: TestClient, username: str = "operator") -> dict[str, object]:
    response = client.post("/api/v1/auth/login", json={"username": username, "password": PASSWORD})
    assert response.status_code == 200, response.text
    return dict(response.json())


def refresh_with(client: TestClient, token: str) -> tuple[int, dict[str, object], str | None]:
    """POST /auth/refresh presenting `token` as the cookie; (status, body, the cookie set in answer)."""
    client.cookies.clear()
    client.cookies.set(REFRESH_COOKIE, token, path="/api/v1/auth")
    response = client.post("/api/v1/auth/refresh")
    return response.status_code, dict(response.json()), response.cookies.get(REFRESH_COOKIE)


def bearer(body: dict[str, object]) -> dict[str, str]:
    return {"Authorization": f"Bearer {body['access_token']}"}


def test_login_sets_an_httponly_refresh_cookie_for_the_auth_routes_only_and_stores_its_hash(
    client: TestClient,
) -> None:
    response = client.post("/api/v1/auth/login", json={"username": "operator", "password": PASSWORD})
    assert response.status_code == 200
    set_cookie = response.headers["set-cookie"]
    assert set_cookie.startswith(f"{REFRESH_COOKIE}=")
    assert "HttpOnly" in set_cookie
    assert "Path=/api/v1/auth" in set_cookie
    assert "SameSite=strict" in set_cookie
    body = response.json()
    assert body["idle_lock_seconds"] == 300
    assert "refresh" not in str(body).lower().replace("session_expires_at", "")  # never in the body
    token = response.cookies[REFRESH_COOKIE]
    with services_of(client).database.session() as session:
        stored = session.scalars(select(RefreshToken.token_hash)).all()
    assert stored == [secret_tokens.digest(token)]
    assert token not in stored


def test_refresh_rotates_the_token_and_gives_a_working_access_token(client: TestClient) -> None:
    first = log_in(client)
    token = client.cookies[REFRESH_COOKIE]
    status, body, successor = refresh_with(client, token)
    assert status == 200, body
    assert successor
    assert successor != token
    assert body["access_token"] != first["access_token"]
    assert body["session_expires_at"] == first["session_expires_at"]  # the shift does not grow
    me = client.get("/api/v1/auth/me", headers=bearer(body))
    assert me.status_code == 200
    assert me.json()["username"] == "operator"
    assert refresh_with(client, successor)[0] == 200


def test_a_rotated_token_presented_after_the_grace_revokes_the_whole_login(client: TestClient) -> None:
    log_in(client)
    stolen = client.cookies[REFRESH_COOKIE]
    _, _, owners = refresh_with(client, stolen)
    assert owners is not None
    with services_of(client).database.session() as session:
        row = session.scalar(
            select(RefreshToken).where(RefreshToken.token_hash == secret_tokens.digest(stolen))
        )
        assert row is not None
        assert row.rotated_at is not None
        row.rotated_at -= timedelta(seconds=GRACE_SECONDS + 1)  # the thief comes back later

    status, body, _ = refresh_with(client, stolen)
    assert status == 401
    assert "used twice" in str(body["detail"])
    status, body, _ = refresh_with(client, owners)  # the owner's newer token is revoked too
    assert status == 401
    assert "revoked (reused)" in str(body["detail"])
    with services_of(client).database.session() as session:
        audited = session.scalars(select(AuditEntry.action).where(AuditEntry.object_id == "operator")).all()
    assert "auth.refresh_reused" in audited


def test_two_windows_refreshing_at_once_both_keep_the_session(client: TestClient) -> None:
    log_in(client)
    token = client.cookies[REFRESH_COOKIE]
    # The server's clock, not the test's pace, decides "within the grace": a busy machine may take longer.
    clock = FakeClock(datetime.now(UTC))
    services_of(client).clock = clock
    first = refresh_with(client, token)
    clock.advance(GRACE_SECONDS / 2)
    second = refresh_with(client, token)  # within the grace: the other window's request
    assert first[0] == 200
    assert second[0] == 200
    assert first[2]
    assert second[2]
    assert first[2] != second[2]
    assert refresh_with(client, first[2])[0] == 200


def test_logout_revokes_the_refresh_token_and_clears_the_cookie(client: TestClient) -> None:
    log_in(client)
    token = client.cookies[REFRESH_COOKIE]
    response = client.post("/api/v1/auth/logout")
    assert response.status_code == 204
    assert f'{REFRESH_COOKIE}=""' in response.headers["set-cookie"]
    status, body, _ = refresh_with(client, token)
    assert status == 401
    assert "revoked (logout)" in str(body["detail"])
    client.cookies.clear()
    assert client.post("/api/v1/auth/refresh").status_code == 401  # no cookie at all


def test_the_login_ends_with_the_shift_and_a_disabled_account_cannot_refresh(client: TestClient) -> None:
    log_in(client, "operator")
    operator = client.cookies[REFRESH_COOKIE]
    database = services_of(client).database
    with database.session() as session:
        row = session.scalar(
            select(RefreshToken).where(RefreshToken.token_hash == secret_tokens.digest(operator))
        )
        assert row is not None
        end = row.expires_at
    with database.session() as session, pytest.raises(refresh.RefreshRefusedError, match="session over"):
        refresh.rotate(session, operator, now=end + timedelta(seconds=1), grace=timedelta(0))

    admin = bearer(log_in(client, "admin"))
    log_in(client, "supervisor")
    supervisor = client.cookies[REFRESH_COOKIE]
    assert (
        client.patch("/api/v1/users/supervisor", json={"is_active": False}, headers=admin).status_code == 200
    )
    status, body, _ = refresh_with(client, supervisor)
    assert status == 401
    assert body["detail"] == "account disabled"


def test_media_tickets_open_media_urls_but_are_refused_as_bearer_tokens(client: TestClient) -> None:
    admin = bearer(log_in(client, "admin"))
    camera = {"id": "cam-t", "name": "Ticket", "url": "rtsp://10.0.0.5/stream1"}
    assert client.post("/api/v1/cameras", json=camera, headers=admin).status_code == 201
    live_frames(services_of(client)).put("cam-t", encode_jpeg(np.full((48, 64, 3), 90, np.uint8)))
    access = bearer(log_in(client, "operator"))

    answer = client.post("/api/v1/auth/media-ticket", headers=access)
    assert answer.status_code == 200
    ticket = answer.json()["ticket"]
    stream = client.get(f"/api/v1/cameras/cam-t/mjpeg?ticket={ticket}&frames=1")
    assert stream.status_code == 200
    assert b"\xff\xd8" in stream.content

    as_bearer = client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {ticket}"})
    assert as_bearer.status_code == 401
    access_token = access["Authorization"].removeprefix("Bearer ")
    refused = client.get(f"/api/v1/cameras/cam-t/mjpeg?ticket={access_token}&frames=1")
    assert refused.status_code == 401
    assert "media ticket" in refused.json()["detail"]
    assert client.post("/api/v1/auth/media-ticket").status_code == 401

    tokens = services_of(client).tokens
    issued_long_ago = datetime.now(UTC) - tokens.ticket_lifetime - timedelta(seconds=5)
    old = tokens.issue_media_ticket("operator", "operator", now=issued_long_ago)
    expired = client.get(f"/api/v1/cameras/cam-t/mjpeg?ticket={old.token}&frames=1")
    assert expired.status_code == 401
    assert "expired" in expired.json()["detail"]

    with client.websocket_connect(f"/api/v1/live?ticket={ticket}&topics=camera.*") as socket:
        assert socket.receive_json()["type"] == "live.hello"


def test_tickets_and_refresh_tokens_in_urls_are_redacted_from_logs() -> None:
    line = "GET /api/v1/cameras/c/mjpeg?width=320&ticket=eyJabc.def&fps=2 HTTP/1.1"
    assert (
        redact_query_secrets(line) == "GET /api/v1/cameras/c/mjpeg?width=320&ticket=[redacted]&fps=2 HTTP/1.1"
    )
    assert "xyz" not in redact_query_secrets("/x?refresh_token=xyz")
