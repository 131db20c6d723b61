"""`safecity users enable|disable|reset-password`: an administrator's way back in from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from safecity.cli import app
from safecity.core.auth.service import authenticate
from safecity.core.db import Database

runner = CliRunner()


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "safecity.yaml"
    path.write_text(f"data_dir: {tmp_path / 'data'}\n", encoding="utf-8")
    return path


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def _users(config: Path) -> dict[str, bool]:
    code, output = run("users", "list", "-c", str(config), "--json")
    assert code == 0, output
    return {user["username"]: user["active"] for user in json.loads(output)}


def _create(config: Path, name: str, role: str) -> None:
    code, output = run(
        "users", "create", name, "--role", role, "--password", "password-123", "-c", str(config)
    )
    assert code == 0, output


def test_disable_and_enable_a_user_but_never_the_last_admin(config: Path) -> None:
    _create(config, "root", "admin")
    _create(config, "ayesha", "operator")
    assert run("users", "disable", "ayesha", "-c", str(config))[0] == 0
    assert _users(config)["ayesha"] is False
    assert run("users", "enable", "ayesha", "-c", str(config))[0] == 0

    code, output = run("users", "disable", "root", "-c", str(config))
    assert code != 0
    assert "last active admin" in output
    assert run("users", "set-role", "root", "operator", "-c", str(config))[0] != 0
    assert _users(config) == {"root": True, "ayesha": True}


def test_reset_password_replaces_the_old_one(config: Path, tmp_path: Path) -> None:
    _create(config, "ayesha", "operator")
    code, output = run("users", "reset-password", "ayesha", "--password", "new-password-9", "-c", str(config))
    assert code == 0, output
    database = Database(f"sqlite:///{tmp_path / 'data' / 'safecity.db'}")
    try:
        with database.session() as session:
            assert authenticate(session, "ayesha", "password-123") is None
            assert authenticate(session, "ayesha", "new-password-9") is not None
    finally:
        database.dispose()
    assert run("users", "reset-password", "nobody", "--password", "new-password-9", "-c", str(config))[0] != 0
    assert run("users", "reset-password", "ayesha", "--password", "short", "-c", str(config))[0] != 0
