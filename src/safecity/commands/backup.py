"""`safecity backup DEST` and `safecity restore SRC`: database, media and keys, verified by hashes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from safecity.commands import common


def backup(
    dest: Annotated[Path, typer.Argument(help="A new or empty folder for the backup.")],
    config: common.ConfigOption = None,
    no_pg_dump: Annotated[
        bool, typer.Option("--no-pg-dump", help="PostgreSQL: logical export even when pg_dump is there.")
    ] = False,
    as_json: common.JsonOption = False,
) -> None:
    """Back up the database and media while safecity runs (SQLite online backup; pg_dump or logical)."""
    from safecity.backup import BackupError
    from safecity.backup import backup as run_backup
    from safecity.core.db import Database

    settings = common.load_settings_or_fail(config)
    try:
        report = run_backup(settings, dest, use_pg_dump=not no_pg_dump)
    except BackupError as exc:
        common.fail(str(exc), common.ExitCode.USAGE)
    database = Database(settings.resolved_database_url)
    try:
        with database.session() as session:
            details = {"method": report.method, "files": report.files}
            common.audit_as_cli(session, "system.backup", "backup", str(dest), details)
    finally:
        database.dispose()
    _print(report.method, report.files, report.rows, report.problems, as_json, f"backed up to {dest}")


def restore(
    src: Annotated[Path, typer.Argument(help="A folder made by `safecity backup`.")],
    config: common.ConfigOption = None,
    as_json: common.JsonOption = False,
) -> None:
    """Restore into an EMPTY data directory and database; refuses otherwise; verifies hashes and rows."""
    from safecity.backup import BackupError
    from safecity.backup import restore as run_restore

    settings = common.load_settings_or_fail(config)
    try:
        report = run_restore(settings, src)
    except BackupError as exc:
        common.fail(str(exc), common.ExitCode.USAGE)
    _print(report.method, report.files, report.rows, report.problems, as_json, f"restored from {src}")


def _print(
    method: str, files: int, rows: dict[str, int], problems: list[str], as_json: bool, done: str
) -> None:
    if as_json:
        typer.echo(
            json.dumps(
                {"ok": not problems, "method": method, "files": files, "rows": rows, "problems": problems}
            )
        )
    else:
        for problem in problems:
            typer.echo(f"PROBLEM: {problem}", err=True)
        typer.echo(f"{done}: database by {method}, {files} files verified, {sum(rows.values())} rows")
    if problems:
        raise typer.Exit(1)
