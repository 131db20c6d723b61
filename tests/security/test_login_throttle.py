"""Login limits slow a password guesser without locking the owner out, and X-Forwarded-For is believed only
from the configured proxies."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from safecity.app import create_app
from safecity.config import ConfigError
from safecity.config import Settings
from safecity.config import load_settings
from safecity.core.auth.throttle import FIRST_BLOCK_SECONDS
from safecity.core.auth.throttle import MAX_BLOCK_SECONDS
from safecity.core.auth.throttle import backoff_seconds
from tests.api.conftest import PASSWORD
from tests.api.conftest import auth

GUESS = {"username": "admin", "password": "guess-1234"}
OWNER = {"username": "admin", "password": PASSWORD}


FREE = 2  # wrong passwords per username and address (the setting's default is 5; fewer keep this quick)


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    return load_settings(
        None, data_dir=tmp_path / "data", database_url=database_url, auth={"login_free_failures": FREE}
    )


def _from(client: TestClient, address: str) -> TestClient:
    return TestClient(client.app, client=(address, 40000))


def test_the_backoff_doubles_after_the_free_budget_and_is_capped() -> None:
    assert [backoff_seconds(n, 5) for n in (1, 4, 5, 6, 7)] == [0, 0, 15, 30, 60]
    assert backoff_seconds(500, 5) == MAX_BLOCK_SECONDS
    assert FIRST_BLOCK_SECONDS == 15


def test_guesses_from_one_address_do_not_lock_the_owner_out_elsewhere(client: TestClient) -> None:
    attacker, owner = _from(client, "203.0.113.66"), _from(client, "198.51.100.7")
    assert owner.post("/api/v1/auth/login", json=OWNER).status_code == 200  # the owner's usual address
    statuses = [attacker.post("/api/v1/auth/login", json=GUESS).status_code for _ in range(FREE + 1)]
    assert statuses == [401] * FREE + [429]
    # the attacker waits even with the right password; the owner at home is not affected
    assert attacker.post("/api/v1/auth/login", json=OWNER).status_code == 429
    assert owner.post("/api/v1/auth/login", json=OWNER).status_code == 200
    assert _from(client, "192.0.2.1").post("/api/v1/auth/login", json=OWNER).status_code == 200


def test_many_addresses_on_one_account_slow_only_addresses_it_never_used(client: TestClient) -> None:
    owner = _from(client, "198.51.100.7")
    assert owner.post("/api/v1/auth/login", json=OWNER).status_code == 200
    for index in range(4 * FREE):  # one guess from each address: no address's own budget runs out
        guesser = _from(client, f"203.0.113.{index + 1}")
        assert guesser.post("/api/v1/auth/login", json=GUESS).status_code == 401
    refused = _from(client, "203.0.113.99").post("/api/v1/auth/login", json=OWNER)
    assert refused.status_code == 429
    assert int(refused.headers["Retry-After"]) >= 1
    assert owner.post("/api/v1/auth/login", json=OWNER).status_code == 200


@pytest.fixture
def proxied_settings(settings: Settings, tmp_path: Path) -> Settings:
    return settings.model_copy(
        update={"http": settings.http.model_copy(update={"trusted_proxies": ["10.0.0.0/8"]})}
    )


@pytest.fixture
def proxied(proxied_settings: Settings, client: TestClient) -> TestClient:
    return TestClient(create_app(proxied_settings), client=("10.1.2.3", 40000))


def _login_address(client: TestClient, headers: dict[str, str]) -> str:
    assert client.post("/api/v1/auth/login", json=OWNER, headers=headers).status_code == 200
    entries = client.get(
        "/api/v1/audit", headers=auth(client, "auditor"), params={"action": "auth.login"}
    ).json()
    return str(next(e for e in entries if e["actor"] == "admin")["client_address"])


def test_x_forwarded_for_is_believed_from_a_trusted_proxy(proxied: TestClient) -> None:
    assert _login_address(proxied, {"X-Forwarded-For": "198.51.100.7"}) == "198.51.100.7"


def test_x_forwarded_for_is_ignored_from_anyone_else(client: TestClient) -> None:
    direct = _from(client, "127.0.0.1")
    assert _login_address(direct, {"X-Forwarded-For": "198.51.100.7"}) == "127.0.0.1"


def test_a_trusted_proxy_must_be_an_address_or_network(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"trusted_proxies[\s\S]*'proxy\.example' is not an IP address"):
        load_settings(None, data_dir=tmp_path, http={"trusted_proxies": ["proxy.example"]})
