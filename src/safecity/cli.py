"""The `safecity` command line: one Typer app, one sub-command group per domain.

Exit codes: 0 success, 1 the operation found a problem (e.g. a broken audit chain), 2 bad usage or
configuration, 3 a named object does not exist.
"""

from __future__ import annotations

import getpass
import json
from enum import IntEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.table import Table
from sqlalchemy.orm import Session

from safecity.commands import analyze as analyze_command
from safecity.commands import backup as backup_command
from safecity.commands import cameras as cameras_command
from safecity.commands import challan as challan_command
from safecity.commands import evidence as evidence_command
from safecity.commands import faces as faces_command
from safecity.commands import hotlists as hotlists_command
from safecity.commands import models as models_command
from safecity.commands import plates as plates_command
from safecity.commands import worker as worker_command
from safecity.config import ConfigError, Settings, load_settings
from safecity.core.audit.service import AuditRecord, append
from safecity.core.db import Database

console = Console()
errors = Console(stderr=True)


class ExitCode(IntEnum):
    OK = 0
    PROBLEM = 1
    USAGE = 2
    NOT_FOUND = 3


app = typer.Typer(
    name="safecity",
    help="safecity: camera analytics, ANPR, face watchlists, command and control, e-challan and evidence.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
db_app = typer.Typer(help="Database schema migrations.", no_args_is_help=True)
users_app = typer.Typer(help="User accounts and roles.", no_args_is_help=True)
audit_app = typer.Typer(help="The hash-chained audit log.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(users_app, name="users")
app.add_typer(audit_app, name="audit")
app.add_typer(plates_command.app, name="plates")
app.add_typer(hotlists_command.app, name="hotlists")
app.add_typer(faces_command.app, name="faces")
app.add_typer(models_command.app, name="models")
app.command("analyze")(analyze_command.analyze)
app.add_typer(cameras_command.app, name="cameras")
app.add_typer(challan_command.app, name="challan")
app.command("worker")(worker_command.worker)
app.add_typer(evidence_command.app, name="evidence")
app.add_typer(evidence_command.retention_app, name="retention")
app.command("backup")(backup_command.backup)
app.command("restore")(backup_command.restore)

ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config", "-c", help="Path to safecity.yaml (default: $SAFECITY_CONFIG or ./safecity.yaml)."
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Machine-readable JSON output.")]


def fail(message: str, code: ExitCode = ExitCode.PROBLEM) -> NoReturn:
    errors.print(f"[bold red]error:[/] {message}", highlight=False)
    raise typer.Exit(int(code))


def settings_from(config: Path | None, **overrides: object) -> Settings:
    try:
        return load_settings(config, **{k: v for k, v in overrides.items() if v is not None})
    except ConfigError as exc:
        fail(str(exc), ExitCode.USAGE)


def migrated(settings: Settings) -> Settings:
    from safecity.core.schema import upgrade

    upgrade(settings.resolved_database_url)
    return settings


@app.command()
def serve(
    config: ConfigOption = None,
    host: Annotated[str | None, typer.Option(help="Bind address (default from config: 127.0.0.1).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default from config: 8080).")] = None,
    migrate: Annotated[bool, typer.Option(help="Apply pending database migrations at start.")] = True,
) -> None:
    """Run the API, the console and the services."""
    from safecity.server import run_server

    settings = settings_from(config)
    if migrate:
        migrated(settings)
    run_server(settings, host=host, port=port)


@app.command()
def demo(
    data_dir: Annotated[
        Path | None, typer.Option(help="Where the demo keeps its data (default: a fresh folder under ./var).")
    ] = None,
    port: Annotated[int, typer.Option(help="HTTP port.")] = 8080,
    host: Annotated[str, typer.Option(help="Bind address.")] = "127.0.0.1",
) -> None:
    """Start everything on http://127.0.0.1:8080 with a fresh data directory, seeded users and sample data."""
    from safecity.demo import run_demo

    try:
        run_demo(data_dir=data_dir, host=host, port=port, console=console)
    except ConfigError as exc:
        fail(str(exc), ExitCode.USAGE)


@db_app.command("upgrade")
def db_upgrade(config: ConfigOption = None) -> None:
    """Apply every pending migration."""
    from safecity.core.schema import current_revision

    settings = migrated(settings_from(config))
    console.print(f"database at revision {current_revision(settings.resolved_database_url)}")


@db_app.command("current")
def db_current(config: ConfigOption = None, as_json: JsonOption = False) -> None:
    """Show the database's revision and the newest one this version knows."""
    from safecity.core.schema import current_revision, head_revision

    settings = settings_from(config)
    current, head = current_revision(settings.resolved_database_url), head_revision()
    if as_json:
        typer.echo(json.dumps({"current": current, "head": head, "up_to_date": current == head}))
    else:
        console.print(f"current: {current}\nhead:    {head}")


@users_app.command("create")
def users_create(
    username: str,
    role: Annotated[
        str, typer.Option(help="admin, supervisor, operator, investigator, traffic_officer, auditor")
    ],
    password: Annotated[str, typer.Option(prompt=True, hide_input=True, confirmation_prompt=True)],
    full_name: Annotated[str, typer.Option(help="Display name.")] = "",
    config: ConfigOption = None,
    as_json: JsonOption = False,
) -> None:
    """Create a user with a role."""
    from safecity.core.auth.passwords import WeakPasswordError
    from safecity.core.auth.service import UserError, create_user

    database = _database(settings_from(config))
    try:
        with database.session() as session:
            user = create_user(session, username, password, role, full_name)
            _audit_cli(session, "user.create", username, {"role": user.role})
    except (UserError, WeakPasswordError) as exc:
        fail(str(exc), ExitCode.USAGE)
    if as_json:
        typer.echo(json.dumps({"username": user.username, "role": user.role}))
    else:
        console.print(f"created user [bold]{user.username}[/] with role {user.role}")


@users_app.command("list")
def users_list(config: ConfigOption = None, as_json: JsonOption = False) -> None:
    """List users and their roles."""
    from safecity.core.auth.service import list_users

    with _database(settings_from(config)).session() as session:
        users = list_users(session)
    if as_json:
        typer.echo(
            json.dumps([{"username": u.username, "role": u.role, "active": u.is_active} for u in users])
        )
        return
    table = Table("username", "role", "full name", "active")
    for user in users:
        table.add_row(user.username, user.role, user.full_name, "yes" if user.is_active else "no")
    console.print(table)


@users_app.command("set-role")
def users_set_role(username: str, role: str, config: ConfigOption = None) -> None:
    """Change a user's role."""
    from safecity.core.auth.service import UserError, UserNotFoundError, set_role

    try:
        with _database(settings_from(config)).session() as session:
            user = set_role(session, username, role)
            _audit_cli(session, "user.update", username, {"role": user.role})
    except UserNotFoundError as exc:
        fail(str(exc), ExitCode.NOT_FOUND)
    except UserError as exc:
        fail(str(exc), ExitCode.USAGE)
    console.print(f"{username} is now {user.role}")


@audit_app.command("verify")
def audit_verify(config: ConfigOption = None, as_json: JsonOption = False) -> None:
    """Re-check the audit hash chain; exit 1 naming the first bad entry when it was tampered with."""
    from safecity.core.audit.service import verify_chain

    with _database(settings_from(config)).session() as session:
        checked, problem = verify_chain(session)
    if as_json:
        typer.echo(
            json.dumps(
                {
                    "ok": problem is None,
                    "checked": checked,
                    "first_bad_entry": problem.seq if problem else None,
                    "problem": problem.reason if problem else None,
                }
            )
        )
    elif problem is None:
        console.print(f"audit chain intact: {checked} entries verified")
    else:
        errors.print(f"[bold red]audit chain broken[/] after {checked} good entries: {problem.reason}")
    if problem is not None:
        raise typer.Exit(int(ExitCode.PROBLEM))


def _database(settings: Settings) -> Database:
    return Database(migrated(settings).resolved_database_url)


def _audit_cli(session: Session, action: str, object_id: str, details: dict[str, object]) -> None:
    append(
        session,
        AuditRecord(
            actor=f"cli:{getpass.getuser()}",
            role="cli",
            action=action,
            object_type="user",
            object_id=object_id,
            client_address="localhost",
            details=details,
        ),
    )


def main() -> None:
    app()
