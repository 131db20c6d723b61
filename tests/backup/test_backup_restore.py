"""Backup and restore: a restore into an empty data directory gives the same hashes and rows; a non-empty one
or an altered backup is refused."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from safecity.backup import BackupError
from safecity.backup import backup
from safecity.backup import restore
from safecity.backup import row_counts
from safecity.backup import verify_backup
from safecity.cli import app
from safecity.config import Settings
from safecity.config import load_settings
from safecity.core.clock import SYSTEM_CLOCK
from safecity.core.db import Database
from safecity.core.media import MediaStore
from safecity.core.schema import upgrade
from safecity.core.signing import load_or_create_signing_key
from safecity.evidence import vault
from safecity.evidence.checkpoint_job import Checkpointer
from safecity.evidence.custody_checkpoints import custody_checkpoints
from safecity.evidence.integrity import verify_vault
from safecity.evidence.models import CustodyEntry
from safecity.models import metadata
from tests.evidence.conftest import INVESTIGATOR
from tests.evidence.conftest import collect


def _settings(folder: Path) -> Settings:
    return load_settings(None, data_dir=folder)


def _populated(folder: Path) -> Settings:
    settings = _settings(folder)
    upgrade(settings.resolved_database_url)
    database = Database(settings.resolved_database_url)
    media = MediaStore(settings.media_dir)
    with database.session() as session:
        case = vault.create_case(session, "CASE-1", "theft", INVESTIGATOR)
        for number in range(3):
            collect(session, media, f"evidence {number}".encode(), suffix=".jpg", case_id=case.id)
    database.dispose()
    load_or_create_signing_key(settings.data_dir)
    return settings


def _all_rows(settings: Settings) -> dict[str, list[tuple[object, ...]]]:
    database = Database(settings.resolved_database_url)
    try:
        with database.engine.connect() as connection:
            return {
                table.name: sorted(map(tuple, connection.execute(select(table))), key=repr)
                for table in metadata.sorted_tables
            }
    finally:
        database.dispose()


def _media_hashes(settings: Settings) -> set[str]:
    return set(MediaStore(settings.media_dir))


def test_restore_into_an_empty_data_directory_gives_the_same_files_and_rows(tmp_path: Path) -> None:
    source = _populated(tmp_path / "live")
    report = backup(source, tmp_path / "backup")
    assert report.method == "sqlite-online-backup"
    assert report.rows["evidence_items"] == 3
    target = _settings(tmp_path / "fresh")
    restored = restore(target, tmp_path / "backup")
    assert restored.problems == []
    assert _media_hashes(target) == _media_hashes(source)
    assert len(_media_hashes(target)) == 3
    assert _all_rows(target) == _all_rows(source)
    assert (target.data_dir / "evidence-signing.key").read_bytes() == (
        source.data_dir / "evidence-signing.key"
    ).read_bytes()
    database = Database(target.resolved_database_url)
    with database.session() as session:
        assert verify_vault(session, MediaStore(target.media_dir)).ok
    database.dispose()


def test_restored_chains_verify_against_the_restored_signed_checkpoints(tmp_path: Path) -> None:
    source = _populated(tmp_path / "live")
    database = Database(source.resolved_database_url)
    Checkpointer(database, source.data_dir, SYSTEM_CLOCK).publish(always=True)
    database.dispose()
    backup(source, tmp_path / "backup")
    target = _settings(tmp_path / "fresh")
    assert restore(target, tmp_path / "backup").problems == []
    checkpoints = custody_checkpoints(target.data_dir).read(
        load_or_create_signing_key(target.data_dir).public_key()
    )
    assert checkpoints.checkpoints, "the custody checkpoints came back with the keys"
    database = Database(target.resolved_database_url)
    with database.session() as session:
        assert verify_vault(session, MediaStore(target.media_dir), checkpoints).problems == []
    database.dispose()


def test_restore_into_a_non_empty_data_directory_is_refused(tmp_path: Path) -> None:
    source = _populated(tmp_path / "live")
    backup(source, tmp_path / "backup")
    other = _populated(tmp_path / "other")
    with pytest.raises(BackupError, match="already holds media"):
        restore(other, tmp_path / "backup")


def test_restore_into_a_database_with_data_is_refused(tmp_path: Path) -> None:
    source = _populated(tmp_path / "live")
    backup(source, tmp_path / "backup")
    target = _settings(tmp_path / "fresh")
    upgrade(target.resolved_database_url)
    with pytest.raises(BackupError, match="database_url"):
        restore(target, tmp_path / "backup")


def test_an_altered_backup_is_refused_naming_the_file(tmp_path: Path) -> None:
    source = _populated(tmp_path / "live")
    backup(source, tmp_path / "backup")
    victim = next((tmp_path / "backup" / "media").rglob("*.jpg"))
    victim.write_bytes(b"swapped")
    relative = victim.relative_to(tmp_path / "backup").as_posix()
    with pytest.raises(BackupError, match=f"{relative} was altered"):
        restore(_settings(tmp_path / "fresh"), tmp_path / "backup")


def test_logical_export_round_trips_every_row(tmp_path: Path) -> None:
    """The fallback used for PostgreSQL without pg_dump, exercised on SQLite."""
    from safecity.backup.database import logical_export
    from safecity.backup.database import logical_import

    source = _populated(tmp_path / "live")
    database = Database(source.resolved_database_url)
    logical_export(database, tmp_path / "tables")
    database.dispose()
    target = _settings(tmp_path / "fresh")
    logical_import(target.resolved_database_url, tmp_path / "tables", None)
    assert _all_rows(target) == _all_rows(source)
    restored = Database(target.resolved_database_url)
    assert row_counts(restored)["evidence_custody"] == 3
    with restored.session() as session:
        assert session.scalar(select(CustodyEntry.action)) == "collected"
    restored.dispose()


def test_cli_backup_and_restore(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _populated(tmp_path / "live")
    runner = CliRunner()
    monkeypatch.setenv("SAFECITY_DATA_DIR", str(tmp_path / "live"))
    done = runner.invoke(app, ["backup", str(tmp_path / "backup")])
    assert done.exit_code == 0, done.output
    assert "sqlite-online-backup" in done.output
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "notes.txt").write_text("mine")
    refused_dest = runner.invoke(app, ["backup", str(tmp_path / "elsewhere")])
    assert refused_dest.exit_code == 2
    assert "DEST" in refused_dest.output
    monkeypatch.setenv("SAFECITY_DATA_DIR", str(tmp_path / "fresh"))
    restored = runner.invoke(app, ["restore", str(tmp_path / "backup")])
    assert restored.exit_code == 0, restored.output
    refused = runner.invoke(app, ["restore", str(tmp_path / "backup")])
    assert refused.exit_code == 2
    assert "data_dir" in refused.output


def _as_format_1(folder: Path) -> None:
    """Rewrite a backup as the version before recordings wrote it: database and keys at the top, and a
    manifest of `{path: sha256}`."""
    manifest = json.loads((folder / "backup.json").read_text())
    snapshot = manifest["database"].pop("folder")
    files = {}
    for name, entry in manifest["files"].items():
        old_name = name.removeprefix(f"{snapshot}/")
        if old_name != name:
            (folder / old_name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).replace(folder / old_name)
        files[old_name] = entry["sha256"]
    shutil.rmtree(folder / "snapshot")
    manifest.update(format="safecity-backup/1", files=files)
    (folder / "backup.json").write_text(json.dumps(manifest))


def test_a_backup_made_before_recordings_still_restores_and_is_brought_up_to_date(tmp_path: Path) -> None:
    source = _populated(tmp_path / "live")
    backup(source, tmp_path / "backup")
    _as_format_1(tmp_path / "backup")
    assert (tmp_path / "backup" / "database.sqlite3").is_file()

    restored = restore(_settings(tmp_path / "fresh"), tmp_path / "backup")
    updated = backup(source, tmp_path / "backup")

    assert restored.problems == []
    assert restored.rows["evidence_items"] == 3
    assert updated.problems == []
    assert updated.media_copied == 0
    assert not (tmp_path / "backup" / "database.sqlite3").exists()
    assert not (tmp_path / "backup" / "keys").exists()
    assert json.loads((tmp_path / "backup" / "backup.json").read_text())["format"] == "safecity-backup/2"
    assert verify_backup(tmp_path / "backup").problems == []
