"""One consistent snapshot of the database, its table counts taken in that same snapshot; and its restore.

The counts written to the manifest are what restore checks, so they must describe the snapshot, not the live
database a moment later (a server publishing events meanwhile would otherwise fail its own restore check).

- SQLite: the online backup API in a single step (one read transaction on the source while writers go on),
  then the counts are read from the copy.
- PostgreSQL: a REPEATABLE READ transaction exports its snapshot (`pg_export_snapshot()`), `pg_dump
  --snapshot` dumps exactly that snapshot while the transaction stays open, and the rows are counted in it.
  Without pg_dump, a logical export (JSON lines per table) reads every table in one such transaction and the
  counts are the rows it wrote.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import logging
import shutil
import sqlite3
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection
from sqlalchemy import Table
from sqlalchemy import func
from sqlalchemy import inspect
from sqlalchemy import select
from sqlalchemy import text
from sqlalchemy.engine import make_url

from safecity.backup.errors import BackupError
from safecity.core.db import Database
from safecity.models import metadata

SQLITE_FILE = "database.sqlite3"
PG_DUMP_FILE = "database.pgdump"
LOGICAL_DIR = "tables"

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class DatabaseSnapshot:
    method: str  # sqlite-online-backup | pg_dump | logical
    rows: dict[str, int]  # counted in the snapshot itself


def row_counts(database: Database) -> dict[str, int]:
    """Rows of every table of ours the database has (read now, outside any snapshot)."""
    present = set(inspect(database.engine).get_table_names())
    with database.engine.connect() as connection:
        return _counts(connection, _tables_present(present))


def take_snapshot(url: str, folder: Path, *, use_pg_dump: bool = True) -> DatabaseSnapshot:
    """Write the database's snapshot into `folder` (new or empty) and count its rows in the same snapshot."""
    folder.mkdir(parents=True, exist_ok=True)
    sqlite_path = sqlite_path_of(url)
    if sqlite_path is not None:
        return DatabaseSnapshot("sqlite-online-backup", _sqlite_snapshot(sqlite_path, folder / SQLITE_FILE))
    database = Database(url)
    try:
        return _postgres_snapshot(database, url, folder, use_pg_dump=use_pg_dump)
    finally:
        database.dispose()


def sqlite_path_of(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    if not parsed.database or parsed.database == ":memory:":
        raise BackupError("database_url: an in-memory SQLite database cannot be backed up")
    return Path(parsed.database)


def sqlite_row_counts(path: Path) -> dict[str, int]:
    """The table counts of a SQLite snapshot file, read without writing to it or beside it."""
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        return _sqlite_counts(connection)
    finally:
        connection.close()


def _sqlite_snapshot(source_path: Path, target_path: Path) -> dict[str, int]:
    source = sqlite3.connect(str(source_path))
    target = sqlite3.connect(str(target_path))
    try:
        source.backup(target, pages=-1)  # one step: the copy is the database as of one read transaction
        # The copy inherits WAL mode; as a rollback-journal database it is one self-contained file.
        target.execute("PRAGMA journal_mode=DELETE").fetchall()
        return _sqlite_counts(target)
    finally:
        target.close()
        source.close()


def _sqlite_counts(connection: sqlite3.Connection) -> dict[str, int]:
    present = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    counts: dict[str, int] = {}
    for table in _tables_present(present):
        # The name comes from our own table metadata, never from input.
        counts[table.name] = int(connection.execute(f'SELECT count(*) FROM "{table.name}"').fetchone()[0])  # noqa: S608
    return counts


def _postgres_snapshot(database: Database, url: str, folder: Path, *, use_pg_dump: bool) -> DatabaseSnapshot:
    tables = _tables_present(set(inspect(database.engine).get_table_names()))
    repeatable = database.engine.connect().execution_options(isolation_level="REPEATABLE READ")
    with repeatable as connection, connection.begin():
        # The first statement of a REPEATABLE READ transaction fixes its snapshot; exporting it lets pg_dump
        # read exactly what the counts below read, however much is written meanwhile.
        snapshot_id = connection.execute(text("SELECT pg_export_snapshot()")).scalar_one()
        if use_pg_dump and shutil.which("pg_dump"):
            failure = _pg_dump(url, snapshot_id, folder / PG_DUMP_FILE)
            if failure is None:
                return DatabaseSnapshot("pg_dump", _counts(connection, tables))
            log.warning("pg_dump failed (%s); exporting the same snapshot table by table instead", failure)
        return DatabaseSnapshot("logical", _export_tables(connection, tables, folder / LOGICAL_DIR))


def _pg_dump(url: str, snapshot_id: str, target: Path) -> str | None:
    """Dump the exported snapshot `snapshot_id`; None when done, else pg_dump's complaint."""
    completed = subprocess.run(
        [
            "pg_dump",
            "--format=custom",
            "--no-owner",
            f"--snapshot={snapshot_id}",
            "--file",
            str(target),
            pg_command_url(url),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode == 0:
        return None
    target.unlink(missing_ok=True)
    return completed.stderr.strip()[-500:]


def pg_command_url(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _tables_present(present: set[str]) -> list[Table]:
    return [table for table in metadata.sorted_tables if table.name in present]


def _counts(connection: Connection, tables: Iterable[Table]) -> dict[str, int]:
    return {
        table.name: int(connection.execute(select(func.count()).select_from(table)).scalar_one())
        for table in tables
    }


# Logical export: JSON lines per table ---------------------------------------------------------------------


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


def _decoded(line: str) -> dict[str, Any]:
    return {key: _decode(value) for key, value in json.loads(line).items()}


def logical_export(database: Database, folder: Path) -> dict[str, int]:
    """Every table as JSON lines, read in one REPEATABLE READ transaction on PostgreSQL; returns the rows
    written per table, which are therefore the snapshot's counts."""
    tables = _tables_present(set(inspect(database.engine).get_table_names()))
    options = {"isolation_level": "REPEATABLE READ"} if database.dialect == "postgresql" else {}
    with database.engine.connect().execution_options(**options) as connection, connection.begin():
        return _export_tables(connection, tables, folder)


def _export_tables(connection: Connection, tables: list[Table], folder: Path) -> dict[str, int]:
    folder.mkdir(parents=True)
    counts: dict[str, int] = {}
    for table in tables:
        written = 0
        with (folder / f"{table.name}.jsonl").open("w", encoding="utf-8") as out:
            for row in connection.execute(select(table)).mappings():
                out.write(json.dumps({k: _encode(v) for k, v in row.items()}) + "\n")
                written += 1
        counts[table.name] = written
    return counts


def logical_import(url: str, folder: Path, revision: str | None) -> None:
    from safecity.core.schema import upgrade

    upgrade(url, revision or "head")
    database = Database(url)
    try:
        with database.engine.begin() as connection:
            for table in metadata.sorted_tables:
                path = folder / f"{table.name}.jsonl"
                if not path.is_file():
                    continue
                with path.open(encoding="utf-8") as handle:
                    rows = [_decoded(line) for line in handle if line.strip()]
                if rows:
                    connection.execute(table.insert(), rows)
            if database.dialect == "postgresql":
                _reset_sequences(connection)
    finally:
        database.dispose()


def _reset_sequences(connection: Connection) -> None:
    for table in metadata.sorted_tables:
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


# Restore ---------------------------------------------------------------------------------------------------


def restore_database(url: str, snapshot: Path, method: str, revision: str | None) -> None:
    """Load the snapshot in `snapshot` (a folder of the backup) into the empty database at `url`."""
    sqlite_path = sqlite_path_of(url)
    if method == "sqlite-online-backup":
        if sqlite_path is None:
            raise BackupError("database_url: a SQLite backup restores into SQLite only (a logical one moves)")
        _restore_sqlite(snapshot / SQLITE_FILE, sqlite_path)
    elif method == "pg_dump":
        if sqlite_path is not None:
            raise BackupError("database_url: a pg_dump backup restores into PostgreSQL only")
        _restore_pg_dump(snapshot / PG_DUMP_FILE, url)
    else:
        logical_import(url, snapshot / LOGICAL_DIR, revision)


def _restore_sqlite(copy: Path, sqlite_path: Path) -> None:
    sqlite_path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{sqlite_path}{suffix}").unlink(missing_ok=True)
    backup_db = sqlite3.connect(f"{copy.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    target = sqlite3.connect(str(sqlite_path))
    try:
        backup_db.backup(target)
        target.execute("PRAGMA journal_mode=WAL").fetchall()  # as safecity runs it
    finally:
        target.close()
        backup_db.close()


def _restore_pg_dump(dump: Path, url: str) -> None:
    completed = subprocess.run(
        ["pg_restore", "--no-owner", "--exit-on-error", "--dbname", pg_command_url(url), str(dump)],
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        raise BackupError(f"pg_restore failed: {completed.stderr.strip()[-500:]}")
