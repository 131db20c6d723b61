"""`safecity backup DEST --recordings` is incremental: a later run into the same backup copies only the
segments it lacks, each checked by sha256, and says when there is nothing new; the manifest describes every
segment. (File handling does not depend on the database: these run on SQLite.)"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from safecity.backup import BackupError
from safecity.backup import backup
from safecity.backup import verify_backup
from safecity.cli import app
from safecity.config import Settings
from safecity.video.segment_store import SegmentStore
from safecity.video.segment_store import recordings_dir
from tests.backup.conftest import CAMERA
from tests.backup.conftest import FIRST_SEGMENT_START
from tests.backup.conftest import record_segment

on_sqlite = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def _manifest(destination: Path) -> dict[str, dict[str, dict[str, object]]]:
    document: dict[str, dict[str, dict[str, object]]] = json.loads((destination / "backup.json").read_text())
    return document


def _use(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAFECITY_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("SAFECITY_DATABASE_URL", settings.resolved_database_url)


@on_sqlite
def test_the_manifest_describes_every_segment(live: Settings, tmp_path: Path) -> None:
    backup(live, tmp_path / "backup", recordings=True)

    entry = _manifest(tmp_path / "backup")["files"][
        f"recordings/{CAMERA}/2026-03-01/1772359202000-1772359204000.mp4"
    ]

    source = recordings_dir(live.data_dir) / CAMERA / "2026-03-01" / "1772359202000-1772359204000.mp4"
    assert entry["camera"] == CAMERA
    assert entry["start"] == "2026-03-01T10:00:02.000+00:00"
    assert entry["end"] == "2026-03-01T10:00:04.000+00:00"
    assert entry["size"] == source.stat().st_size


@on_sqlite
def test_a_second_run_copies_only_new_segments_and_says_when_there_are_none(
    live: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _use(live, monkeypatch)
    destination = str(tmp_path / "backup")
    runner = CliRunner()

    first = runner.invoke(app, ["backup", destination, "--recordings"])
    second = runner.invoke(app, ["backup", destination, "--recordings"])
    record_segment(live, FIRST_SEGMENT_START + 6)
    third = runner.invoke(app, ["backup", destination, "--recordings", "--json"])

    assert first.exit_code == 0, first.output
    assert "recordings: 3 new segments copied" in first.output
    assert second.exit_code == 0, second.output
    assert "recordings: nothing new to copy; 3 segments already in the backup" in second.output
    assert "media: 0 new files copied" in second.output
    assert third.exit_code == 0, third.output
    outcome = json.loads(third.output)
    assert (outcome["recordings_copied"], outcome["recordings_already_there"]) == (1, 3)
    assert (
        len([name for name in _manifest(tmp_path / "backup")["files"] if name.startswith("recordings/")]) == 4
    )
    assert len(list((tmp_path / "backup" / "snapshot").iterdir())) == 1  # each run replaces the snapshot
    assert verify_backup(tmp_path / "backup").problems == []


@on_sqlite
def test_a_segment_still_being_written_waits_for_the_next_run(live: Settings, tmp_path: Path) -> None:
    store = SegmentStore(recordings_dir(live.data_dir))
    store.partial_path(CAMERA, FIRST_SEGMENT_START + 6).write_bytes(b"half a segment")

    report = backup(live, tmp_path / "backup", recordings=True)

    assert report.recordings_copied == 3
    assert not list((tmp_path / "backup").rglob("*.partial.mp4"))


@on_sqlite
def test_segments_deleted_at_the_source_stay_in_the_backup(live: Settings, tmp_path: Path) -> None:
    backup(live, tmp_path / "backup", recordings=True)
    oldest = SegmentStore(recordings_dir(live.data_dir))
    oldest.rebuild()
    oldest.delete(oldest.segments()[0])

    report = backup(live, tmp_path / "backup", recordings=True)

    assert (report.recordings_copied, report.problems) == (0, [])
    assert (
        len([name for name in _manifest(tmp_path / "backup")["files"] if name.startswith("recordings/")]) == 3
    )


@on_sqlite
def test_without_recordings_a_backup_copies_none(live: Settings, tmp_path: Path) -> None:
    report = backup(live, tmp_path / "backup")

    assert report.recordings_copied == 0
    assert not (tmp_path / "backup" / "recordings").exists()


@on_sqlite
def test_a_folder_that_is_not_a_backup_is_refused(live: Settings, tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "notes.txt").write_text("mine")

    with pytest.raises(BackupError, match=r"DEST: .* holds no safecity backup"):
        backup(live, tmp_path / "elsewhere", recordings=True)


@on_sqlite
def test_cli_verify_exits_1_naming_each_damaged_file(
    live: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _use(live, monkeypatch)
    backup(live, tmp_path / "backup", recordings=True)
    runner = CliRunner()
    intact = runner.invoke(app, ["backup", "verify", str(tmp_path / "backup")])
    segment = sorted((tmp_path / "backup" / "recordings").rglob("*.mp4"))[0]
    segment.unlink()

    damaged = runner.invoke(app, ["backup", "verify", str(tmp_path / "backup")])

    assert intact.exit_code == 0, intact.output
    assert "intact" in intact.output
    assert damaged.exit_code == 1
    assert (
        f"{segment.relative_to(tmp_path / 'backup').as_posix()} is missing from the backup" in damaged.output
    )


def test_cli_verify_of_a_folder_without_a_manifest_is_a_usage_error(tmp_path: Path) -> None:
    refused = CliRunner().invoke(app, ["backup", "verify", str(tmp_path)])

    assert refused.exit_code == 2
    assert "holds no backup.json" in refused.output


@on_sqlite
def test_restore_refuses_a_backup_with_a_damaged_segment_naming_it(
    live: Settings, empty: Settings, tmp_path: Path
) -> None:
    from safecity.backup import restore

    backup(live, tmp_path / "backup", recordings=True)
    segment = sorted((tmp_path / "backup" / "recordings").rglob("*.mp4"))[-1]
    segment.write_bytes(segment.read_bytes()[:-1])

    with pytest.raises(
        BackupError, match=f"SRC: {segment.relative_to(tmp_path / 'backup').as_posix()} was altered"
    ):
        restore(empty, tmp_path / "backup")
