"""The `safecity` command line: one Typer app, one sub-command group per domain.

Exit codes: 0 success, 1 the operation found a problem (e.g. a broken audit chain), 2 bad usage or
configuration, 3 a named object does not exist.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from safecity.commands import analyze as analyze_command
from safecity.commands import backup as backup_command
from safecity.commands import cameras as cameras_command
from safecity.commands import challan as challan_command
from safecity.commands import cluster as cluster_command
from safecity.commands import common
from safecity.commands import crime as crime_command
from safecity.commands import evidence as evidence_command
from safecity.commands import faces as faces_command
from safecity.commands import hotlists as hotlists_command
from safecity.commands import models as models_command
from safecity.commands import persons as persons_command
from safecity.commands import plates as plates_command
from safecity.commands import recordings as recordings_command
from safecity.commands import worker as worker_command

if TYPE_CHECKING:  # like the command modules, heavy dependencies are imported only when a command runs
    from sqlalchemy.orm import Session

    from safecity.config import Settings

console = Console()
errors = Console(stderr=True)

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
app.add_typer(cluster_command.app, name="cluster")
app.command("worker")(worker_command.worker)
app.add_typer(evidence_command.app, name="evidence")
app.add_typer(evidence_command.retention_app, name="retention")
app.add_typer(backup_command.app, name="backup")
app.add_typer(recordings_command.app, name="recordings")
app.add_typer(crime_command.app, name="crime")
app.add_typer(persons_command.app, name="persons")
app.command("restore")(backup_command.restore)


def migrated(settings: Settings) -> Settings:
    common.migrate(settings)
    return settings


@app.command()
def serve(
    config: common.ConfigOption = None,
    host: Annotated[str | None, typer.Option(help="Bind address (default from config: 127.0.0.1).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default from config: 8080).")] = None,
    migrate: Annotated[bool, typer.Option(help="Apply pending database migrations at start.")] = True,
) -> None:
    """Run the API, the console and the services."""
    from safecity.server import run_server

    settings = common.load_settings_or_fail(config)
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
    fetch_model: Annotated[
        bool, typer.Option(help="Fetch the detector model in the background when it is missing.")
    ] = True,
) -> None:
    """Start everything on http://127.0.0.1:8080 with a fresh data directory, seeded users and sample data."""
    from safecity.config import ConfigError
    from safecity.demo import run_demo

    try:
        run_demo(data_dir=data_dir, host=host, port=port, console=console, fetch_model=fetch_model)
    except ConfigError as exc:
        common.fail(str(exc), common.ExitCode.USAGE)


@db_app.command("upgrade")
def db_upgrade(config: common.ConfigOption = None) -> None:
    """Apply every pending migration."""
    from safecity.core.schema import current_revision

    settings = migrated(common.load_settings_or_fail(config))
    console.print(f"database at revision {current_revision(settings.resolved_database_url)}")


@db_app.command("current")
def db_current(config: common.ConfigOption = None, as_json: common.JsonOption = False) -> None:
    """Show the database's revision and the newest one this version knows."""
    from safecity.core.schema import current_revision
    from safecity.core.schema import head_revision

    settings = common.load_settings_or_fail(config)
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
    config: common.ConfigOption = None,
    as_json: common.JsonOption = False,
) -> None:
    """Create a user with a role."""
    from safecity.core.auth.passwords import WeakPasswordError
    from safecity.core.auth.service import UserError
    from safecity.core.auth.service import create_user

    try:
        with common.database_session(config) as session:
            user = create_user(session, username, password, role, full_name)
            common.audit_as_cli(session, "user.create", "user", username, {"role": user.role})
    except (UserError, WeakPasswordError) as exc:
        common.fail(str(exc), common.ExitCode.USAGE)
    if as_json:
        typer.echo(json.dumps({"username": user.username, "role": user.role}))
    else:
        console.print(f"created user [bold]{user.username}[/] with role {user.role}")


@users_app.command("list")
def users_list(config: common.ConfigOption = None, as_json: common.JsonOption = False) -> None:
    """List users and their roles."""
    from safecity.core.auth.service import list_users

    with common.database_session(config) as session:
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
def users_set_role(username: str, role: str, config: common.ConfigOption = None) -> None:
    """Change a user's role."""
    from safecity.core.auth.service import UserError
    from safecity.core.auth.service import UserNotFoundError
    from safecity.core.auth.service import set_role

    try:
        with common.database_session(config) as session:
            user = set_role(session, username, role)
            common.audit_as_cli(session, "user.update", "user", username, {"role": user.role})
    except UserNotFoundError as exc:
        common.fail(str(exc), common.ExitCode.NOT_FOUND)
    except UserError as exc:
        common.fail(str(exc), common.ExitCode.USAGE)
    console.print(f"{username} is now {user.role}")


def _change_user(
    username: str, config: Path | None, change: Callable[[Session], str], audited: dict[str, object]
) -> None:
    """Apply `change` (which returns what to print) and audit it as `user.update`, in one transaction."""
    from safecity.core.auth.passwords import WeakPasswordError
    from safecity.core.auth.service import UserError
    from safecity.core.auth.service import UserNotFoundError

    try:
        with common.database_session(config) as session:
            done = change(session)
            common.audit_as_cli(session, "user.update", "user", username, audited)
    except UserNotFoundError as exc:
        common.fail(str(exc), common.ExitCode.NOT_FOUND)
    except (UserError, WeakPasswordError) as exc:
        common.fail(str(exc), common.ExitCode.USAGE)
    console.print(done)


@users_app.command("enable")
def users_enable(username: str, config: common.ConfigOption = None) -> None:
    """Let a disabled user log in again."""
    from safecity.core.auth.service import set_active

    _change_user(
        username,
        config,
        lambda s: f"{set_active(s, username, True).username} is enabled",
        {"is_active": True},
    )


@users_app.command("disable")
def users_disable(username: str, config: common.ConfigOption = None) -> None:
    """Stop a user from logging in (their tokens stop working at once); never the last active admin."""
    from safecity.core.auth.service import set_active

    _change_user(
        username,
        config,
        lambda s: f"{set_active(s, username, False).username} is disabled",
        {"is_active": False},
    )


@users_app.command("reset-password")
def users_reset_password(
    username: str,
    password: Annotated[str, typer.Option(prompt=True, hide_input=True, confirmation_prompt=True)],
    config: common.ConfigOption = None,
) -> None:
    """Give a user a new password (the old one stops working)."""
    from safecity.core.auth.service import set_password

    _change_user(
        username,
        config,
        lambda s: f"new password set for {set_password(s, username, password).username}",
        {"password_reset": True},
    )


@audit_app.command("verify")
def audit_verify(config: common.ConfigOption = None, as_json: common.JsonOption = False) -> None:
    """Re-check the audit hash chain and every signed checkpoint of it; exit 1 naming the first bad entry
    or the checkpoint that caught a rewrite, a truncation or a forged entry."""
    from safecity.core.audit.checkpoints import verify_audit

    settings = common.load_settings_or_fail(config)
    with common.opened_database(settings) as database, database.session() as session:
        report = verify_audit(session, settings.data_dir)
    problem = report.chain_problem
    if as_json:
        typer.echo(
            json.dumps(
                {
                    "ok": report.ok,
                    "checked": report.checked,
                    "checkpoints": report.checkpoints,
                    "anchored_up_to": report.anchored_up_to,
                    "first_bad_entry": problem.seq if problem else None,
                    "problem": problem.reason if problem else None,
                    "problems": report.all_problems,
                }
            )
        )
    elif report.ok:
        console.print(
            f"audit chain intact: {report.checked} entries verified, {report.checkpoints} signed checkpoints "
            f"agree (entries up to {report.anchored_up_to} anchored)"
        )
    else:
        if problem is not None:
            errors.print(
                f"[bold red]audit chain broken[/] after {report.checked} good entries: {problem.reason}"
            )
        for reason in report.problems:
            errors.print(f"[bold red]TAMPERED:[/] {reason}")
    if not report.ok:
        raise typer.Exit(int(common.ExitCode.PROBLEM))


def main() -> None:
    app()
