"""`safecity backup DEST [--recordings]`: checkpoints, a database snapshot, then media, keys and recordings.

The database is copied first, as one consistent snapshot with its own counts (`database.py`). Media files are
immutable and content-addressed and each is written before any row refers to it, so every file the snapshot
refers to exists when the media are copied after it (files added later are harmless extras); recordings
likewise. DEST may be a backup made earlier: then media and recordings are incremental, the new snapshot
replaces the old one, and `backup.json` is replaced last, atomically, so an interrupted run leaves the
previous backup whole.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from sqlalchemy.engine import make_url

from safecity.backup.copying import CopyMismatchError
from safecity.backup.copying import copy_verified
from safecity.backup.database import take_snapshot
from safecity.backup.errors import BackupError
from safecity.backup.errors import BackupReport
from safecity.backup.manifest import DatabaseSnapshotInfo
from safecity.backup.manifest import FileEntry
from safecity.backup.manifest import Manifest
from safecity.backup.manifest import is_backup
from safecity.backup.manifest import read_manifest
from safecity.backup.recordings import RECORDINGS_PREFIX
from safecity.backup.recordings import backup_recordings
from safecity.config import Settings
from safecity.core.checkpoints import CHECKPOINT_DIR
from safecity.core.media import hash_file
from safecity.core.schema import current_revision
from safecity.video.segment_store import recordings_dir

KEY_FILES = ("evidence-signing.key", "jwt-secret.key")
SNAPSHOTS_DIR = "snapshot"
MEDIA_PREFIX = "media/"


def backup(
    settings: Settings, destination: Path, *, recordings: bool = False, use_pg_dump: bool = True
) -> BackupReport:
    previous = _previous_backup(destination)
    destination.mkdir(parents=True, exist_ok=True)
    url = settings.resolved_database_url
    snapshot_name = f"{SNAPSHOTS_DIR}/{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S%fZ}"
    # Checkpoints before the snapshot: each then covers entries the snapshot holds, so the restored chains
    # verify (a checkpoint newer than the snapshot would read as a truncated log).
    files = _checkpoint_files(settings.data_dir, destination, snapshot_name)
    snapshot = take_snapshot(url, destination / snapshot_name, use_pg_dump=use_pg_dump)
    report = BackupReport(destination, snapshot.method, rows=snapshot.rows)
    files.update(_key_files(settings.data_dir, destination, snapshot_name))
    files.update(_database_files(destination, snapshot_name, files))
    previous_files = previous.files if previous else {}
    files.update(_backup_media(settings.media_dir, destination, previous_files, report))
    copy = backup_recordings(
        recordings_dir(settings.data_dir),
        destination,
        {name: entry for name, entry in previous_files.items() if name.startswith(RECORDINGS_PREFIX)},
        copy_new=recordings,
    )
    files.update(copy.entries)
    report.problems.extend(copy.problems)
    report.recordings_copied = copy.copied
    report.recordings_bytes_copied = copy.bytes_copied
    report.recordings_already_there = copy.already_there
    revision = current_revision(url)
    info = DatabaseSnapshotInfo(make_url(url).get_backend_name(), snapshot.method, revision, snapshot_name)
    Manifest(info, snapshot.rows, files).write(destination)
    _remove_older_snapshots(destination, snapshot_name, previous)
    report.files = len(files)
    return report


def _previous_backup(destination: Path) -> Manifest | None:
    if destination.exists() and not destination.is_dir():
        raise BackupError(f"DEST: {destination} is a file, not a folder")
    if is_backup(destination):
        return read_manifest(destination)
    if destination.exists() and any(destination.iterdir()):
        raise BackupError(
            f"DEST: {destination} is not empty and holds no safecity backup; use a new folder or a backup"
        )
    return None


def _key_files(data_dir: Path, destination: Path, snapshot_name: str) -> dict[str, FileEntry]:
    """The keys, kept with the snapshot: the signing key is evidence too (courts pin its fingerprint)."""
    entries: dict[str, FileEntry] = {}
    for name in KEY_FILES:
        if (data_dir / name).is_file():
            backup_name = f"{snapshot_name}/keys/{name}"
            copied = copy_verified(data_dir / name, destination / backup_name)
            entries[backup_name] = FileEntry(copied.sha256, copied.size)
    return entries


def _checkpoint_files(data_dir: Path, destination: Path, snapshot_name: str) -> dict[str, FileEntry]:
    """The signed checkpoints of the audit and custody chains, restored with the keys that verify them."""
    entries: dict[str, FileEntry] = {}
    for path in sorted((data_dir / CHECKPOINT_DIR).glob("*.jsonl")):
        backup_name = f"{snapshot_name}/keys/{CHECKPOINT_DIR}/{path.name}"
        copied = copy_verified(path, destination / backup_name)
        entries[backup_name] = FileEntry(copied.sha256, copied.size)
    return entries


def _database_files(
    destination: Path, snapshot_name: str, keys: dict[str, FileEntry]
) -> dict[str, FileEntry]:
    entries: dict[str, FileEntry] = {}
    for path in sorted((destination / snapshot_name).rglob("*")):
        name = path.relative_to(destination).as_posix()
        if path.is_file() and name not in keys:
            entries[name] = FileEntry(hash_file(path), path.stat().st_size)
    return entries


def _backup_media(
    media_dir: Path, destination: Path, previous: dict[str, FileEntry], report: BackupReport
) -> dict[str, FileEntry]:
    listed = [name for name in previous if name.startswith(MEDIA_PREFIX)]
    entries = {name: previous[name] for name in listed if (destination / name).is_file()}
    for source in media_files(media_dir):
        name = MEDIA_PREFIX + source.relative_to(media_dir).as_posix()
        if name in entries:
            continue
        try:
            copied = copy_verified(source, destination / name)
        except FileNotFoundError:
            continue  # purged by retention since it was listed
        except CopyMismatchError as exc:
            report.problems.append(f"{name}: {exc}; not backed up")
            continue
        if copied.sha256 != source.name[:64]:
            report.problems.append(f"{name}: stored file does not match its name (sha256 {copied.sha256})")
        entries[name] = FileEntry(copied.sha256, copied.size)
        report.media_copied += 1
    report.problems.extend(
        f"{name}: listed by the previous backup but missing from it, and no longer at the source"
        for name in listed
        if name not in entries
    )
    return entries


def media_files(root: Path) -> list[Path]:
    return (
        sorted(p for p in root.glob("??/??/*") if p.is_file() and not p.name.endswith(".tmp"))
        if root.is_dir()
        else []
    )


def _remove_older_snapshots(destination: Path, current: str, previous: Manifest | None) -> None:
    """Once the new manifest is in place: the snapshots it does not name (the last one, a crashed run's)."""
    for folder in (destination / SNAPSHOTS_DIR).iterdir():
        if folder.relative_to(destination).as_posix() != current:
            shutil.rmtree(folder, ignore_errors=True)
    if previous is not None and previous.database.folder == ".":  # a format 1 backup, upgraded by this run
        for name in previous.files:
            if not name.startswith((MEDIA_PREFIX, RECORDINGS_PREFIX)):
                (destination / name).unlink(missing_ok=True)
        shutil.rmtree(destination / "tables", ignore_errors=True)
        shutil.rmtree(destination / "keys", ignore_errors=True)
