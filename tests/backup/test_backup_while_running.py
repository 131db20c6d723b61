"""A backup taken while the server writes restores cleanly: the database copy is one snapshot and the manifest
counts that snapshot; recordings come along, each file proven by its sha256; `verify` names damage.

Runs on SQLite (online backup API) and PostgreSQL (`pg_dump --snapshot` of an exported snapshot)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from safecity.backup import backup
from safecity.backup import restore
from safecity.backup import row_counts
from safecity.backup import verify_backup
from safecity.config import Settings
from safecity.core.db import Database
from safecity.core.media import MediaStore
from safecity.core.media import hash_file
from safecity.evidence.integrity import verify_vault
from safecity.video.segment_store import recordings_dir
from tests.backup.conftest import busy_writer
from tests.support.polling import eventually


def _live_rows(settings: Settings) -> dict[str, int]:
    database = Database(settings.resolved_database_url)
    try:
        return row_counts(database)
    finally:
        database.dispose()


def test_a_backup_taken_while_events_are_published_restores_to_the_snapshot_and_every_hash(
    live: Settings, empty: Settings, tmp_path: Path
) -> None:
    destination = tmp_path / "backup"
    with busy_writer(live) as writer:
        eventually(lambda: writer.published >= 30, "the writer has published 30 events")
        report = backup(live, destination, recordings=True)
        at_backup_end = writer.published
        eventually(lambda: writer.published > at_backup_end + 10, "the writer goes on after the backup")
    manifest = json.loads((destination / "backup.json").read_text())

    assert report.problems == []
    assert report.recordings_copied == 3
    assert manifest["rows"] == report.rows
    # Rows written after the snapshot are not in it, and the manifest does not claim them.
    assert manifest["rows"]["bus_messages"] < _live_rows(live)["bus_messages"]

    restored = restore(empty, destination)

    assert restored.problems == []
    assert restored.rows == manifest["rows"]
    assert restored.rows["bus_messages"] >= 30
    recordings = {name: entry for name, entry in manifest["files"].items() if name.startswith("recordings/")}
    assert len(recordings) == 3
    for name, entry in recordings.items():
        restored_file = recordings_dir(empty.data_dir) / name.removeprefix("recordings/")
        original = recordings_dir(live.data_dir) / name.removeprefix("recordings/")
        assert hash_file(restored_file) == entry["sha256"] == hash_file(original)
        assert entry["size"] == restored_file.stat().st_size
        assert entry["camera"] == "gate-1"
    media = MediaStore(empty.media_dir)
    database = Database(empty.resolved_database_url)
    try:
        with database.session() as session:
            vault = verify_vault(session, media)  # every evidence item of the snapshot has its file, intact
    finally:
        database.dispose()
    assert vault.ok, vault
    assert verify_backup(destination).problems == []


def test_verify_names_a_flipped_byte_and_a_deleted_segment(live: Settings, tmp_path: Path) -> None:
    destination = tmp_path / "backup"
    with busy_writer(live) as writer:
        eventually(lambda: writer.published >= 10, "the writer has published 10 events")
        assert backup(live, destination, recordings=True).problems == []
    segments = sorted((destination / "recordings").rglob("*.mp4"))
    flipped, deleted = segments[0], segments[1]
    data = bytearray(flipped.read_bytes())
    data[len(data) // 2] ^= 0x01
    flipped.write_bytes(bytes(data))
    deleted.unlink()

    problems = verify_backup(destination).problems

    assert problems == [
        f"{flipped.relative_to(destination).as_posix()} was altered since the backup (sha256 differs)",
        f"{deleted.relative_to(destination).as_posix()} is missing from the backup",
    ]


@pytest.mark.parametrize(
    "database_url", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True
)
def test_without_pg_dump_the_logical_export_reads_and_counts_one_snapshot(
    live: Settings, empty: Settings, tmp_path: Path
) -> None:
    with busy_writer(live) as writer:
        eventually(lambda: writer.published >= 30, "the writer has published 30 events")
        report = backup(live, tmp_path / "backup", use_pg_dump=False)

    restored = restore(empty, tmp_path / "backup")

    assert report.method == "logical"
    assert restored.problems == []
    assert restored.rows == report.rows
