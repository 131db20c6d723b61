"""Signed checkpoints catch what re-hashing the chain hides: someone with write access to the database can
keep the chain itself consistent, but not the checkpoints outside it; each finding names the checkpoint."""

from __future__ import annotations

import json
from datetime import UTC
from datetime import datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select
from sqlalchemy import text
from typer.testing import CliRunner

from safecity.cli import app
from safecity.core.audit.checkpoints import audit_checkpoints
from safecity.core.audit.checkpoints import publish_audit_checkpoint
from safecity.core.audit.checkpoints import verify_audit
from safecity.core.audit.models import AuditEntry
from safecity.core.audit.service import AuditRecord
from safecity.core.audit.service import append
from safecity.core.audit.service import entry_hash
from safecity.core.audit.service import verify_chain
from safecity.core.db import Database
from safecity.core.signing import load_or_create_signing_key
from tests.core.audit.test_chain import record_five

# The checkpoint file's own checks do not depend on the database: these run on SQLite only.
sqlite_only = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
AFTER_FIVE = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)  # record_five's entries are dated 08:00–08:04


def checkpoint(database: Database, data_dir: Path, now: datetime = AFTER_FIVE) -> None:
    with database.session() as session:
        publish_audit_checkpoint(
            session, audit_checkpoints(data_dir), load_or_create_signing_key(data_dir), now
        )


def problems(database: Database, data_dir: Path) -> list[str]:
    with database.session() as session:
        return verify_audit(session, data_dir).all_problems


def rehash_from(database: Database, seq: int) -> None:
    """What an attacker with the database does after editing an entry: re-link and re-hash the rest."""
    with database.session() as session:
        entries = list(session.scalars(select(AuditEntry).order_by(AuditEntry.seq)))
        for previous, entry in zip([None, *entries], entries, strict=False):
            if entry.seq >= seq:
                entry.prev_hash = previous.hash if previous else "0" * 64
                entry.hash = entry_hash(entry)


def chain_is_consistent(database: Database) -> bool:
    with database.session() as session:
        return verify_chain(session)[1] is None


def test_an_untouched_log_agrees_with_its_checkpoints(database: Database, tmp_path: Path) -> None:
    record_five(database)
    checkpoint(database, tmp_path)
    with database.session() as session:
        append(session, AuditRecord(actor="ann", role="operator", action="plate.search"))
    with database.session() as session:
        report = verify_audit(session, tmp_path)
    assert report.ok, report.all_problems
    assert (report.checked, report.checkpoints, report.anchored_up_to) == (6, 1, 5)


def test_deleting_the_last_entries_is_caught_by_the_checkpoint(database: Database, tmp_path: Path) -> None:
    record_five(database)
    checkpoint(database, tmp_path)
    with database.engine.begin() as connection:
        connection.execute(text("DELETE FROM audit_log WHERE seq > 3"))
    assert chain_is_consistent(database)  # what the chain alone cannot see
    assert problems(database, tmp_path) == [
        "audit entries 4–5 were deleted: audit checkpoint #1 (2026-11-01T09:00:00+00:00) signed 5 entries, "
        "the log now ends at entry 3"
    ]


def test_an_edited_entry_with_the_rest_rehashed_is_caught_by_the_first_checkpoint_that_saw_it(
    database: Database, tmp_path: Path
) -> None:
    record_five(database)
    checkpoint(database, tmp_path, datetime(2026, 11, 1, 8, 30, tzinfo=UTC))  # saw entries 1–5
    with database.session() as session:
        append(
            session,
            AuditRecord(actor="eve", role="operator", action="face.search"),
            time=datetime(2026, 11, 1, 8, 50, tzinfo=UTC),
        )
    checkpoint(database, tmp_path)  # saw entries 1–6
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE audit_log SET actor = 'someone-else' WHERE seq = 6"))
    rehash_from(database, 6)
    assert chain_is_consistent(database)
    (problem,) = problems(database, tmp_path)
    assert problem.startswith(
        "audit entries up to 6 were rewritten: audit checkpoint #2 (2026-11-01T09:00:00+00:00) signed head "
    )


def test_a_forged_entry_dated_before_the_newest_checkpoint_is_caught(
    database: Database, tmp_path: Path
) -> None:
    record_five(database)
    checkpoint(database, tmp_path)
    with database.session() as session:  # appended through the chain's own rules, so the chain holds
        append(
            session,
            AuditRecord(actor="mallory", role="admin", action="user.update", object_id="mallory"),
            time=datetime(2026, 11, 1, 8, 30, tzinfo=UTC),
        )
        append(session, AuditRecord(actor="ann", role="operator", action="plate.search"))  # real, now
    assert chain_is_consistent(database)
    assert problems(database, tmp_path) == [
        "audit entry 6 was added after audit checkpoint #1 (2026-11-01T09:00:00+00:00), which signed 5 "
        "entries, but is dated 2026-11-01T08:30:00+00:00, before it (forged)"
    ]


@sqlite_only
def test_an_altered_checkpoint_line_fails_its_signature(database: Database, tmp_path: Path) -> None:
    record_five(database)
    checkpoint(database, tmp_path)
    path = audit_checkpoints(tmp_path).path
    line = json.loads(path.read_text())
    line["seq"] = 3
    path.write_text(json.dumps(line) + "\n")
    assert problems(database, tmp_path) == [
        "audit.jsonl line 1: the signature does not match (the line was altered)"
    ]


@sqlite_only
def test_a_checkpoint_signed_by_another_key_is_refused(database: Database, tmp_path: Path) -> None:
    record_five(database)
    with database.session() as session:
        publish_audit_checkpoint(
            session, audit_checkpoints(tmp_path), Ed25519PrivateKey.generate(), AFTER_FIVE
        )
    (problem,) = problems(database, tmp_path)
    assert problem.startswith("audit.jsonl line 1: signed by another key (SHA256:")


@sqlite_only
def test_a_removed_checkpoint_line_is_noticed(database: Database, tmp_path: Path) -> None:
    record_five(database)
    checkpoint(database, tmp_path)
    checkpoint(database, tmp_path)
    path = audit_checkpoints(tmp_path).path
    path.write_text(path.read_text().splitlines()[1] + "\n")
    assert problems(database, tmp_path) == [
        "audit.jsonl line 1: is audit checkpoint #2 (checkpoints were removed or moved)"
    ]


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "safecity.yaml"
    path.write_text(f"data_dir: {tmp_path / 'data'}\n", encoding="utf-8")
    return path


def test_audit_verify_names_the_checkpoint_and_exits_1(config: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    for name in ("u1", "u2", "u3"):
        created = runner.invoke(
            app,
            ["users", "create", name, "--role", "operator", "--password", "password-123", "-c", str(config)],
        )
        assert created.exit_code == 0, created.output
    database = Database(f"sqlite:///{tmp_path / 'data' / 'safecity.db'}")
    checkpoint(database, tmp_path / "data", datetime.now(UTC))
    intact = runner.invoke(app, ["audit", "verify", "-c", str(config)])
    assert intact.exit_code == 0, intact.output
    assert "3 entries verified, 1 signed checkpoints agree" in intact.output

    with database.engine.begin() as connection:
        connection.execute(text("DELETE FROM audit_log WHERE seq = 3"))
    database.dispose()
    result = runner.invoke(app, ["audit", "verify", "-c", str(config), "--json"])
    report = json.loads(result.stdout)
    assert result.exit_code == 1
    assert report["ok"] is False
    assert report["problems"][0].startswith("audit entries 3–3 were deleted: audit checkpoint #1 (")
