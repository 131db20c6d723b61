"""`safecity backup DEST` / `safecity restore SRC`: database + media + keys, consistent while running.

Database: SQLite is copied with its online backup API (a consistent snapshot while writers go on);
PostgreSQL with `pg_dump --format=custom` when it is on PATH, else a logical export of every table through
SQLAlchemy (JSON lines, one file per table). The database is copied first, then the media: media files are
immutable and content-addressed, and a file is written before any row refers to it, so every file the
snapshot refers to exists (files added later are harmless extras). `backup.json` lists every file's sha256
and every table's row count; restore checks the backup against it before and the result after.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, inspect, select
from sqlalchemy.engine import make_url

from safecity.config import Settings
from safecity.core.db import Database, create_db_engine
from safecity.core.media import hash_file
from safecity.core.schema import current_revision
from safecity.models import metadata

BACKUP_MANIFEST = "backup.json"
KEY_FILES = ("evidence-signing.key", "jwt-secret.key")
SQLITE_FILE = "database.sqlite3"
PG_DUMP_FILE = "database.pgdump"
LOGICAL_DIR = "tables"


class BackupError(Exception):
    """The backup or restore cannot go on; the message names what is wrong."""


@dataclass(slots=True)
class BackupReport:
    destination: Path
    method: str
    files: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


# Helpers -------------------------------------------------------------------------------------------------


def _metadata_tables() -> list[Any]:
    return list(metadata.sorted_tables)


def row_counts(database: Database) -> dict[str, int]:
    present = set(inspect(database.engine).get_table_names())
    counts: dict[str, int] = {}
    with database.engine.connect() as connection:
        for table in _metadata_tables():
            if table.name in present:
                counts[table.name] = int(
                    connection.execute(select(func.count()).select_from(table)).scalar_one()
                )
    return counts


def _sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    if not parsed.database or parsed.database == ":memory:":
        raise BackupError("database_url: an in-memory SQLite database cannot be backed up")
    return Path(parsed.database)


def _pg_command_url(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _media_files(root: Path) -> list[Path]:
    return (
        sorted(p for p in root.glob("??/??/*") if p.is_file() and not p.name.endswith(".tmp"))
        if root.is_dir()
        else []
    )


# Backup --------------------------------------------------------------------------------------------------


def backup(settings: Settings, destination: Path, *, use_pg_dump: bool = True) -> BackupReport:
    if destination.exists() and any(destination.iterdir()):
        raise BackupError(f"DEST: {destination} is not empty; back up into a new folder")
    destination.mkdir(parents=True, exist_ok=True)
    url = settings.resolved_database_url
    database = Database(url)
    try:
        method = _backup_database(database, url, destination, use_pg_dump=use_pg_dump)
        rows = row_counts(database)
    finally:
        database.dispose()
    report = BackupReport(destination, method, rows=rows)
    hashes: dict[str, str] = {}
    for source in _media_files(settings.media_dir):
        relative = source.relative_to(settings.media_dir)
        target = destination / "media" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
        digest = hash_file(target)
        if digest != source.name[:64]:
            report.problems.append(f"media/{relative}: stored file does not match its name (sha256 {digest})")
        hashes[f"media/{relative.as_posix()}"] = digest
    for name in KEY_FILES:  # the signing key is evidence too: its fingerprint is pinned by courts
        if (settings.data_dir / name).is_file():
            (destination / "keys").mkdir(exist_ok=True)
            shutil.copy2(settings.data_dir / name, destination / "keys" / name)
            hashes[f"keys/{name}"] = hash_file(destination / "keys" / name)
    for path in sorted(destination.rglob("*")):
        relative_name = path.relative_to(destination).as_posix()
        if path.is_file() and not relative_name.startswith(("media/", "keys/")):
            hashes[relative_name] = hash_file(path)
    report.files = len(hashes)
    manifest = {
        "format": "safecity-backup/1",
        "created_at": dt.datetime.now(dt.UTC).isoformat(),
        "database": {"dialect": database.dialect, "method": method, "revision": current_revision(url)},
        "rows": rows,
        "files": hashes,
    }
    (destination / BACKUP_MANIFEST).write_text(
        json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8"
    )
    return report


def _backup_database(database: Database, url: str, destination: Path, *, use_pg_dump: bool) -> str:
    sqlite_path = _sqlite_path(url)
    if sqlite_path is not None:
        source = sqlite3.connect(str(sqlite_path))
        target = sqlite3.connect(str(destination / SQLITE_FILE))
        try:
            with target:
                source.backup(target)
        finally:
            target.close()
            source.close()
        return "sqlite-online-backup"
    if use_pg_dump and shutil.which("pg_dump"):
        completed = subprocess.run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--file",
                str(destination / PG_DUMP_FILE),
                _pg_command_url(url),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if completed.returncode == 0:
            return "pg_dump"
        (destination / PG_DUMP_FILE).unlink(missing_ok=True)
    _logical_export(database, destination / LOGICAL_DIR)
    return "logical"


def _encode(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return {"$dt": value.isoformat()}
    if isinstance(value, bytes):
        return {"$b64": base64.b64encode(value).decode()}
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict) and "$dt" in value:
        return dt.datetime.fromisoformat(value["$dt"])
    if isinstance(value, dict) and "$b64" in value:
        return base64.b64decode(value["$b64"])
    return value


def _logical_export(database: Database, folder: Path) -> None:
    """Every table as JSON lines, in one REPEATABLE READ transaction on PostgreSQL (a consistent snapshot)."""
    folder.mkdir(parents=True)
    present = set(inspect(database.engine).get_table_names())
    options = {"isolation_level": "REPEATABLE READ"} if database.dialect == "postgresql" else {}
    with database.engine.connect().execution_options(**options) as connection, connection.begin():
        for table in _metadata_tables():
            if table.name not in present:
                continue
            with (folder / f"{table.name}.jsonl").open("w", encoding="utf-8") as out:
                for row in connection.execute(select(table)).mappings():
                    out.write(json.dumps({k: _encode(v) for k, v in row.items()}) + "\n")
        if "alembic_version" in present:
            from sqlalchemy import text

            version = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
            (folder / "alembic_version.txt").write_text(str(version or ""), encoding="utf-8")


# Restore -------------------------------------------------------------------------------------------------


def restore(settings: Settings, source: Path) -> BackupReport:
    manifest_path = source / BACKUP_MANIFEST
    if not manifest_path.is_file():
        raise BackupError(f"SRC: {source} holds no {BACKUP_MANIFEST}; not a safecity backup")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    files: dict[str, str] = manifest["files"]
    for name, expected in sorted(files.items()):
        if not (source / name).is_file():
            raise BackupError(f"SRC: {name} is missing from the backup")
        if hash_file(source / name) != expected:
            raise BackupError(f"SRC: {name} was altered since the backup (sha256 differs)")
    _refuse_non_empty(settings)
    url = settings.resolved_database_url
    method = manifest["database"]["method"]
    _restore_database(url, source, method, manifest["database"].get("revision"))
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    for name in sorted(files):
        target = _restored_path(settings, name)
        if target is None:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source / name, target)
    report = BackupReport(source, method)
    for name, expected in sorted(files.items()):
        target = _restored_path(settings, name)
        if target is None:
            continue
        report.files += 1
        if hash_file(target) != expected:
            report.problems.append(f"{name}: restored copy differs from the backup (sha256)")
    database = Database(url)
    try:
        report.rows = row_counts(database)
    finally:
        database.dispose()
    for table, count in manifest["rows"].items():
        if report.rows.get(table) != count:
            report.problems.append(
                f"table {table}: {report.rows.get(table)} rows restored, backup has {count}"
            )
    return report


def _refuse_non_empty(settings: Settings) -> None:
    if _media_files(settings.media_dir):
        raise BackupError(
            f"data_dir: {settings.media_dir} already holds media; restore only into an empty one"
        )
    for name in KEY_FILES:
        if (settings.data_dir / name).exists():
            raise BackupError(
                f"data_dir: {settings.data_dir / name} exists; restore only into an empty data directory"
            )
    engine = create_db_engine(settings.resolved_database_url)
    try:
        tables = [name for name in inspect(engine).get_table_names() if name != "alembic_version"]
        if tables:
            database = Database(settings.resolved_database_url)
            try:
                counts = row_counts(database)
            finally:
                database.dispose()
            if any(counts.values()):
                raise BackupError(
                    "database_url: the target database already holds data; restore only into an empty one"
                )
            raise BackupError(
                "database_url: the target database already has tables; restore into an empty database"
            )
    finally:
        engine.dispose()


def _restore_database(url: str, source: Path, method: str, revision: str | None) -> None:
    sqlite_path = _sqlite_path(url)
    if method == "sqlite-online-backup":
        if sqlite_path is None:
            raise BackupError(
                "database_url: a SQLite backup restores into SQLite; use a logical backup to move"
            )
        sqlite_path.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{sqlite_path}{suffix}").unlink(missing_ok=True)
        backup_db = sqlite3.connect(str(source / SQLITE_FILE))
        target = sqlite3.connect(str(sqlite_path))
        try:
            with target:
                backup_db.backup(target)
        finally:
            target.close()
            backup_db.close()
        return
    if method == "pg_dump":
        if sqlite_path is not None:
            raise BackupError("database_url: a pg_dump backup restores into PostgreSQL only")
        completed = subprocess.run(
            [
                "pg_restore",
                "--no-owner",
                "--exit-on-error",
                "--dbname",
                _pg_command_url(url),
                str(source / PG_DUMP_FILE),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if completed.returncode != 0:
            raise BackupError(f"pg_restore failed: {completed.stderr.strip()[-500:]}")
        return
    _logical_import(url, source / LOGICAL_DIR, revision)


def _logical_import(url: str, folder: Path, revision: str | None) -> None:
    from safecity.core.schema import upgrade

    upgrade(url, revision or "head")
    database = Database(url)
    try:
        with database.engine.begin() as connection:
            for table in _metadata_tables():
                path = folder / f"{table.name}.jsonl"
                if not path.is_file():
                    continue
                with path.open(encoding="utf-8") as handle:
                    rows = [
                        {k: _decode(v) for k, v in json.loads(line).items()}
                        for line in handle
                        if line.strip()
                    ]
                if rows:
                    connection.execute(table.insert(), rows)
            if database.dialect == "postgresql":
                _reset_sequences(connection)
    finally:
        database.dispose()


def _reset_sequences(connection: Any) -> None:
    from sqlalchemy import text

    for table in _metadata_tables():
        for column in table.primary_key.columns:
            if column.autoincrement is True or (
                column.autoincrement == "auto" and column.type.python_type is int
            ):
                sequence = connection.execute(
                    text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table.name, "c": column.name}
                ).scalar()
                if sequence:
                    # Names come from our own table metadata, never from input.
                    highest = f"SELECT COALESCE(MAX({column.name}), 0) + 1 FROM {table.name}"  # noqa: S608
                    connection.execute(text(f"SELECT setval('{sequence}', ({highest}), false)"))


def _restored_path(settings: Settings, name: str) -> Path | None:
    """Where a file of the backup (`media/...`, `keys/...`) goes back to; None for the database dump."""
    if name.startswith("media/"):
        return settings.media_dir / name.removeprefix("media/")
    if name.startswith("keys/"):
        return settings.data_dir / name.removeprefix("keys/")
    return None
