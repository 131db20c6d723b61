"""Custody chains against their signed checkpoints: the rewrites that keep each chain and its item row
consistent (and so pass the chain checks) are caught, naming the checkpoint."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import delete
from sqlalchemy import text
from typer.testing import CliRunner

from safecity.cli import app
from safecity.core.checkpoints import CheckpointLog
from safecity.core.clock import SYSTEM_CLOCK
from safecity.core.db import Database
from safecity.core.media import MediaStore
from safecity.core.signing import load_or_create_signing_key
from safecity.evidence import custody
from safecity.evidence import vault
from safecity.evidence.checkpoint_job import Checkpointer
from safecity.evidence.custody import CustodyAction
from safecity.evidence.custody_checkpoints import custody_checkpoints
from safecity.evidence.integrity import verify_vault
from safecity.evidence.models import CustodyEntry
from safecity.evidence.models import EvidenceItem
from tests.evidence.conftest import INVESTIGATOR
from tests.evidence.conftest import collect


def seed(database: Database, media: MediaStore) -> tuple[int, int]:
    with database.session() as session:
        case = vault.create_case(session, "CASE-2026-017", "Robbery at Blue Area", INVESTIGATOR)
        first = collect(session, media, b"snapshot one", suffix=".jpg", kind="snapshot", case_id=case.id)
        second = collect(session, media, b"document two", suffix=".pdf", kind="document", case_id=case.id)
        custody.record(session, first, CustodyAction.VIEWED, INVESTIGATOR, purpose="identify the suspect")
        custody.record(session, first, CustodyAction.VIEWED, INVESTIGATOR, purpose="brief the prosecutor")
        return first.id, second.id


def signed_checkpoints(data_dir: Path) -> CheckpointLog:
    return custody_checkpoints(data_dir).read(load_or_create_signing_key(data_dir).public_key())


def problems(database: Database, media: MediaStore, data_dir: Path) -> list[str]:
    with database.session() as session:
        return verify_vault(session, media, signed_checkpoints(data_dir)).problems


def chains_are_consistent(database: Database, media: MediaStore) -> bool:
    with database.session() as session:
        return verify_vault(session, media).ok


def rehash_chain(database: Database, item_id: int) -> None:
    """What an attacker with the database does after editing an entry: re-link, re-hash, move the head."""
    with database.session() as session:
        prev = custody.GENESIS_HASH
        for entry in custody.chain(session, item_id):
            entry.prev_hash = prev
            entry.hash = prev = custody.entry_hash_of(custody.entry_to_dict(entry))
        item = session.get(EvidenceItem, item_id)
        assert item is not None
        item.custody_head = prev
        item.custody_count = len(custody.chain(session, item_id))


@pytest.fixture
def checkpointer(database: Database, tmp_path: Path) -> Checkpointer:
    return Checkpointer(database, tmp_path / "data", SYSTEM_CLOCK)


def test_an_untouched_vault_agrees_and_quiet_minutes_add_no_checkpoint(
    database: Database, media: MediaStore, checkpointer: Checkpointer
) -> None:
    first, _ = seed(database, media)
    assert [c.log for c in checkpointer.publish(always=False)] == ["audit", "custody"]
    assert checkpointer.publish(always=False) == []  # nothing moved
    assert [c.log for c in checkpointer.publish(always=True)] == ["audit", "custody"]  # an export
    with database.session() as session:
        report = verify_vault(session, media, signed_checkpoints(checkpointer.data_dir))
    assert report.ok, report.problems
    assert report.checkpoints == 2
    latest = signed_checkpoints(checkpointer.data_dir).latest
    assert latest is not None
    assert latest.seq == 4  # custody entries in the vault
    assert latest.state["items"][str(first)][0] == 3


def test_a_rehashed_custody_chain_is_caught_by_the_checkpoint(
    database: Database, media: MediaStore, checkpointer: Checkpointer
) -> None:
    first, _ = seed(database, media)
    checkpointer.publish(always=True)
    with database.engine.begin() as connection:
        connection.execute(
            text("UPDATE evidence_custody SET purpose = 'routine check' WHERE item_id = :item AND seq = 2"),
            {"item": first},
        )
    rehash_chain(database, first)
    assert chains_are_consistent(database, media)  # what the chain alone cannot see
    (problem,) = problems(database, media, checkpointer.data_dir)
    assert problem.startswith(f"item {first} custody was rewritten: custody checkpoint #1 (")
    assert "signed its custody at 3 entries with head" in problem


def test_cut_off_custody_entries_are_caught_by_the_checkpoint(
    database: Database, media: MediaStore, checkpointer: Checkpointer
) -> None:
    first, _ = seed(database, media)
    checkpointer.publish(always=True)
    with database.session() as session:
        session.execute(delete(CustodyEntry).where(CustodyEntry.item_id == first, CustodyEntry.seq == 3))
    rehash_chain(database, first)
    assert chains_are_consistent(database, media)
    (problem,) = problems(database, media, checkpointer.data_dir)
    assert problem.startswith(f"item {first} custody entries were deleted: custody checkpoint #1 (")
    assert problem.endswith("signed its custody at 3 entries, entry 3 is gone")


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_an_item_deleted_with_its_custody_is_caught_by_the_checkpoint(
    database: Database, media: MediaStore, checkpointer: Checkpointer
) -> None:
    _, second = seed(database, media)
    checkpointer.publish(always=True)
    with database.session() as session:
        session.execute(delete(CustodyEntry).where(CustodyEntry.item_id == second))
        session.execute(delete(EvidenceItem).where(EvidenceItem.id == second))
    assert chains_are_consistent(database, media)
    (problem,) = problems(database, media, checkpointer.data_dir)
    assert problem.startswith(f"item {second} was deleted with its custody: custody checkpoint #1 (")


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_forged_custody_entry_dated_before_the_checkpoint_is_caught(
    database: Database, media: MediaStore, checkpointer: Checkpointer
) -> None:
    first, _ = seed(database, media)
    (_, signed) = checkpointer.publish(always=True)
    with database.session() as session:
        item = session.get(EvidenceItem, first)
        assert item is not None
        backdated = signed.time - timedelta(hours=1)
        custody.record(
            session, item, CustodyAction.SHARED, INVESTIGATOR, purpose="sent to the press", time=backdated
        )
    assert chains_are_consistent(database, media)
    (problem,) = problems(database, media, checkpointer.data_dir)
    assert problem.startswith(f"item {first} custody entry 4 is in no checkpoint although dated ")
    assert problem.endswith(
        f"before custody checkpoint #1 ({signed.time.isoformat(timespec='seconds')}) (forged)"
    )


def test_evidence_verify_exits_1_naming_the_checkpoint(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    config = tmp_path / "safecity.yaml"
    config.write_text(f"data_dir: {data_dir}\n", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(app, ["db", "upgrade", "-c", str(config)]).exit_code == 0
    database = Database(f"sqlite:///{data_dir / 'safecity.db'}")
    media = MediaStore(data_dir / "media")
    first, _ = seed(database, media)
    Checkpointer(database, data_dir, SYSTEM_CLOCK).publish(always=True)
    intact = runner.invoke(app, ["evidence", "verify", "-c", str(config)])
    assert intact.exit_code == 0, intact.output
    assert "evidence intact: 2 items, 2 files, 4 custody entries, 1 signed checkpoints agree" in intact.output

    with database.session() as session:
        session.execute(delete(CustodyEntry).where(CustodyEntry.item_id == first))
        session.execute(delete(EvidenceItem).where(EvidenceItem.id == first))
    database.dispose()
    result = runner.invoke(app, ["evidence", "verify", "-c", str(config), "--json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["problems"] == [
        f"item {first} was deleted with its custody: "
        + next(line for line in _names(data_dir))
        + " signed its custody at 3 entries"
    ]


def _names(data_dir: Path) -> list[str]:
    return [c.name for c in signed_checkpoints(data_dir).checkpoints]
