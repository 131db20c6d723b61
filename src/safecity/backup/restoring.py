"""`safecity restore SRC`: check the backup against its manifest, restore into an empty place, check again.

Refuses a data directory holding media, recordings or keys, or a database that already has tables. After the
restore every file is compared with its manifest hash and every table with the snapshot's row count.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect

from safecity.backup.copying import CopyMismatchError
from safecity.backup.copying import copy_verified
from safecity.backup.database import restore_database
from safecity.backup.database import row_counts
from safecity.backup.errors import BackupError
from safecity.backup.errors import BackupReport
from safecity.backup.manifest import Manifest
from safecity.backup.manifest import check_files
from safecity.backup.manifest import read_manifest
from safecity.backup.recordings import RECORDINGS_PREFIX
from safecity.backup.recordings import restored_recording_path
from safecity.backup.taking import KEY_FILES
from safecity.backup.taking import MEDIA_PREFIX
from safecity.backup.taking import media_files
from safecity.config import Settings
from safecity.core.checkpoints import CHECKPOINT_DIR
from safecity.core.db import Database
from safecity.core.db import create_db_engine
from safecity.video.segment_store import RecordingsOnDisk
from safecity.video.segment_store import recordings_dir


def restore(settings: Settings, source: Path) -> BackupReport:
    try:
        manifest = read_manifest(source)
    except BackupError as exc:
        raise BackupError(f"SRC: {exc}") from exc
    if damaged := check_files(source, manifest):
        raise BackupError("SRC: " + "; ".join(damaged))
    _refuse_non_empty(settings)
    url = settings.resolved_database_url
    database = manifest.database
    restore_database(url, source / database.folder, database.method, database.revision)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    report = BackupReport(source, database.method)
    for name, entry in sorted(manifest.files.items()):
        target = _restored_path(settings, manifest, name)
        if target is None:
            continue
        report.files += 1
        report.recordings_copied += name.startswith(RECORDINGS_PREFIX)
        try:
            copied = copy_verified(source / name, target)
        except CopyMismatchError as exc:
            report.problems.append(f"{name}: {exc}")
            continue
        if copied.sha256 != entry.sha256:
            report.problems.append(f"{name}: restored copy differs from the backup (sha256)")
    restored = Database(url)
    try:
        report.rows = row_counts(restored)
    finally:
        restored.dispose()
    for table, count in manifest.rows.items():
        if report.rows.get(table) != count:
            restored_rows = report.rows.get(table)
            report.problems.append(f"table {table}: {restored_rows} rows restored, backup has {count}")
    return report


def _restored_path(settings: Settings, manifest: Manifest, name: str) -> Path | None:
    """Where a file of the backup goes back to; None for the database snapshot, which is loaded instead."""
    keys = "keys/" if manifest.database.folder == "." else f"{manifest.database.folder}/keys/"
    if name.startswith(MEDIA_PREFIX):
        return settings.media_dir / name.removeprefix(MEDIA_PREFIX)
    if name.startswith(RECORDINGS_PREFIX):
        return restored_recording_path(recordings_dir(settings.data_dir), name)
    if name.startswith(keys):
        return settings.data_dir / name.removeprefix(keys)
    return None


def _refuse_non_empty(settings: Settings) -> None:
    if media_files(settings.media_dir):
        raise BackupError(f"data_dir: {settings.media_dir} already holds media; restore into an empty one")
    recordings = recordings_dir(settings.data_dir)
    if RecordingsOnDisk(recordings).segments():
        raise BackupError(f"data_dir: {recordings} already holds recordings; restore into an empty one")
    for name in (*KEY_FILES, CHECKPOINT_DIR):
        if (settings.data_dir / name).exists():
            raise BackupError(
                f"data_dir: {settings.data_dir / name} exists; restore only into an empty data directory"
            )
    engine = create_db_engine(settings.resolved_database_url)
    try:
        tables = [name for name in inspect(engine).get_table_names() if name != "alembic_version"]
    finally:
        engine.dispose()
    if tables:
        raise BackupError(
            "database_url: the target database already has tables; restore only into an empty database"
        )
