"""The foundation's command line: migrations, users, audit verification, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from safecity.cli import app
from safecity.config import load_settings
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


def test_db_upgrade_brings_the_schema_to_head(config: Path) -> None:
    code, _ = run("db", "upgrade", "-c", str(config))
    assert code == 0
    code, output = run("db", "current", "-c", str(config), "--json")
    assert json.loads(output)["up_to_date"] is True


def test_users_are_created_listed_and_given_a_new_role(config: Path) -> None:
    assert (
        run(
            "users", "create", "ayesha", "--role", "operator", "--password", "password-123", "-c", str(config)
        )[0]
        == 0
    )
    assert run("users", "set-role", "ayesha", "supervisor", "-c", str(config))[0] == 0
    code, output = run("users", "list", "-c", str(config), "--json")
    assert code == 0
    assert json.loads(output) == [{"username": "ayesha", "role": "supervisor", "active": True}]


def test_bad_user_input_exits_with_a_usage_code_and_the_reason(config: Path) -> None:
    code, output = run(
        "users", "create", "bilal", "--role", "chief", "--password", "password-123", "-c", str(config)
    )
    assert code == 2
    assert "unknown role 'chief'" in output
    code, output = run("users", "set-role", "nobody", "operator", "-c", str(config))
    assert code == 3
    assert "no user 'nobody'" in output


def test_audit_verify_passes_then_names_the_tampered_entry(config: Path, tmp_path: Path) -> None:
    for name in ("u1", "u2", "u3"):
        run("users", "create", name, "--role", "operator", "--password", "password-123", "-c", str(config))
    code, output = run("audit", "verify", "-c", str(config), "--json")
    assert (code, json.loads(output)["ok"], json.loads(output)["checked"]) == (0, True, 3)

    database = Database(f"sqlite:///{tmp_path / 'data' / 'safecity.db'}")
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE audit_log SET object_id = 'someone-else' WHERE seq = 2"))
    database.dispose()
    code, output = run("audit", "verify", "-c", str(config), "--json")
    report = json.loads(output)
    assert code == 1
    assert report["first_bad_entry"] == 2
    assert "entry 2" in report["problem"]


def test_a_configuration_error_exits_2_naming_the_path(tmp_path: Path) -> None:
    config = tmp_path / "safecity.yaml"
    config.write_text(f"data_dir: {tmp_path}\ncameras:\n  - {{id: a, name: A, url: 'ftp://x/y'}}\n")
    code, output = run("users", "list", "-c", str(config))
    assert code == 2
    assert "cameras[0].url" in output


def test_every_command_has_help() -> None:
    for command in ([], ["db"], ["users"], ["audit"], ["serve"], ["demo"], ["plates"], ["faces"], ["models"]):
        code, output = run(*command, "--help")
        assert code == 0, command
        assert "Usage" in output


def test_db_upgrade_of_a_database_at_a_squashed_revision_exits_1_with_the_way_forward(config: Path) -> None:
    database = Database(load_settings(config).resolved_database_url)
    with database.engine.begin() as connection:
        connection.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)"))
        connection.execute(text("INSERT INTO alembic_version VALUES ('0013_event_index')"))
    database.dispose()

    code, output = run("db", "upgrade", "-c", str(config))

    assert code == 1
    assert "error: the database is at schema revision '0013_event_index'" in output
    assert "safecity db upgrade" in output
