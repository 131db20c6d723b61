"""`safecity backup DEST [--recordings]`, `safecity backup verify DEST` and `safecity restore SRC`.

`safecity backup DEST` is short for `safecity backup create DEST`; a folder literally named like a
sub-command is written `./verify`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING
from typing import Annotated
from typing import Any

import typer
from typer.core import TyperGroup

from safecity.commands import common

if TYPE_CHECKING:
    from safecity.backup import BackupReport


class _CreateByDefault(TyperGroup):
    """Runs `create` when the first argument names no sub-command, so `safecity backup DEST` works."""

    # `ctx` is Typer's vendored click Context, a private type, hence Any.
    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and args[0] not in ctx.help_option_names and self.get_command(ctx, args[0]) is None:
            args = ["create", *args]
        return super().parse_args(ctx, args)


app = typer.Typer(
    cls=_CreateByDefault,
    help=(
        "Back up the database, media, keys and recordings while safecity runs; verify a backup. "
        "`safecity backup DEST` runs `create`."
    ),
    no_args_is_help=True,
)


@app.command("create")
def create(
    dest: Annotated[
        Path, typer.Argument(help="A new or empty folder, or an earlier backup to bring up to date.")
    ],
    recordings: Annotated[
        bool,
        typer.Option("--recordings", help="Also copy the recorded segments the backup lacks."),
    ] = False,
    config: common.ConfigOption = None,
    no_pg_dump: Annotated[
        bool, typer.Option("--no-pg-dump", help="PostgreSQL: logical export even when pg_dump is there.")
    ] = False,
    as_json: common.JsonOption = False,
) -> None:
    """Back up while safecity runs: one consistent database snapshot, then new media (and recordings)."""
    from safecity.backup import BackupError
    from safecity.backup import backup as run_backup
    from safecity.core.db import Database

    settings = common.load_settings_or_fail(config)
    try:
        report = run_backup(settings, dest, recordings=recordings, use_pg_dump=not no_pg_dump)
    except BackupError as exc:
        common.fail(str(exc), common.ExitCode.USAGE)
    database = Database(settings.resolved_database_url)
    try:
        with database.session() as session:
            details = {
                "method": report.method,
                "files": report.files,
                "recordings_copied": report.recordings_copied,
            }
            common.audit_as_cli(session, "system.backup", "backup", str(dest), details)
    finally:
        database.dispose()
    lines = [f"backed up to {dest}: database by {report.method}, {sum(report.rows.values())} rows"]
    lines.append(f"media: {report.media_copied} new files copied")
    if recordings:
        lines.append(_recordings_line(report))
    _finish(_as_dict(report), report.problems, as_json, lines)


@app.command("verify")
def verify(
    dest: Annotated[Path, typer.Argument(help="A folder made by `safecity backup`.")],
    as_json: common.JsonOption = False,
) -> None:
    """Check every file of a backup against its manifest (size and sha256); exit 1 naming each difference."""
    from safecity.backup import BackupError
    from safecity.backup import verify_backup

    try:
        report = verify_backup(dest)
    except BackupError as exc:
        common.fail(str(exc), common.ExitCode.USAGE)
    summary = {
        "method": report.method,
        "created_at": report.created_at,
        "files": report.files,
        "recordings": report.recordings,
        "rows": report.rows,
    }
    verdict = "intact" if not report.problems else f"{len(report.problems)} problems"
    line = f"{dest}: {report.files} files ({report.recordings} recordings) of {report.created_at}: {verdict}"
    _finish(summary, report.problems, as_json, [line])


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
    line = (
        f"restored from {src}: database by {report.method}, {report.files} files verified "
        f"({report.recordings_copied} recordings), {sum(report.rows.values())} rows"
    )
    _finish(_as_dict(report), report.problems, as_json, [line])


def _recordings_line(report: BackupReport) -> str:
    if report.recordings_copied == 0:
        already = report.recordings_already_there
        return f"recordings: nothing new to copy; {already} segments already in the backup"
    return (
        f"recordings: {report.recordings_copied} new segments copied "
        f"({report.recordings_bytes_copied / 1e6:.1f} MB, each verified by sha256), "
        f"{report.recordings_already_there} already in the backup"
    )


def _as_dict(report: BackupReport) -> dict[str, Any]:
    return {
        "method": report.method,
        "files": report.files,
        "rows": report.rows,
        "media_copied": report.media_copied,
        "recordings_copied": report.recordings_copied,
        "recordings_bytes_copied": report.recordings_bytes_copied,
        "recordings_already_there": report.recordings_already_there,
    }


def _finish(summary: dict[str, Any], problems: list[str], as_json: bool, lines: list[str]) -> None:
    if as_json:
        typer.echo(json.dumps({"ok": not problems, **summary, "problems": problems}))
    else:
        for problem in problems:
            typer.echo(f"PROBLEM: {problem}", err=True)
        for line in lines:
            typer.echo(line)
    if problems:
        raise typer.Exit(1)
