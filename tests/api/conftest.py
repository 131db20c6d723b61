"""An API node on a fresh data directory with one user per role (password: password-123)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from safecity.app import create_app
from safecity.config import Settings
from safecity.config import load_settings
from safecity.core.auth.models import User
from safecity.core.auth.passwords import hash_password
from safecity.core.auth.permissions import Role
from safecity.core.db import Database
from safecity.core.schema import upgrade

PASSWORD = "password-123"
_PASSWORD_HASH = hash_password(PASSWORD)  # hashed once: Argon2 is slow on purpose


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    return load_settings(
        None, data_dir=tmp_path / "data", database_url=database_url, http={"max_upload_mb": 1}
    )


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    upgrade(settings.resolved_database_url)
    database = Database(settings.resolved_database_url)
    with database.session() as session:
        session.add_all(User(username=r.value, role=r.value, password_hash=_PASSWORD_HASH) for r in Role)
    database.dispose()
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def token_for(client: TestClient, username: str) -> str:
    response = client.post("/api/v1/auth/login", json={"username": username, "password": PASSWORD})
    assert response.status_code == 200, response.text
    return str(response.json()["access_token"])


def ticket_for(client: TestClient, username: str) -> str:
    """A media ticket for `?ticket=` on media URLs (MJPEG, snapshots, the live socket)."""
    response = client.post("/api/v1/auth/media-ticket", headers=auth_once(client, username))
    assert response.status_code == 200, response.text
    return str(response.json()["ticket"])


def auth(client: TestClient, username: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token_for(client, username)}"}


def auth_once(client: TestClient, username: str) -> dict[str, str]:
    """Bearer headers, logging in once per client and user (logins are throttled).

    Tokens live on the client itself: a cache keyed by id(client) handed a later client, reusing a freed
    client's id, a token signed by another app's secret.
    """
    tokens: dict[str, str] = client.__dict__.setdefault("_test_tokens", {})
    if username not in tokens:
        tokens[username] = token_for(client, username)
    return {"Authorization": f"Bearer {tokens[username]}"}
