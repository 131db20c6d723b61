"""What the `safecity` sub-commands share: the --config and --json options, exit codes, the settings, the
migrated database and audit entries written as the command-line user.

Light on purpose (see tests/commands/test_cli_startup.py): settings, SQLAlchemy and the audit log are
imported inside the functions that use them.
"""

from __future__ import annotations

import getpass
import json
from collections.abc import Callable
from collections.abc import Iterable
from collections.abc import Iterator
from collections.abc import Sequence
from contextlib import contextmanager
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING
from typing import Annotated
from typing import Any
from typing import NoReturn

import typer

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from safecity.config import Settings
    from safecity.core.audit.actors import Actor
    from safecity.core.db import Database

ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config", "-c", help="Path to safecity.yaml (default: $SAFECITY_CONFIG or ./safecity.yaml)."
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Machine-readable JSON output.")]

CLI_ROLE = "cli"
CLI_ADDRESS = "localhost"


class ExitCode(IntEnum):
    OK = 0
    PROBLEM = 1
    USAGE = 2
    NOT_FOUND = 3


def fail(message: str, code: int = ExitCode.PROBLEM) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(int(code))


def load_settings_or_fail(config: Path | None, **overrides: object) -> Settings:
    """The settings; a configuration error exits 2 naming the bad path (`cameras[3].url: ...`)."""
    from safecity.config import ConfigError
    from safecity.config import load_settings

    try:
        return load_settings(config, **{key: value for key, value in overrides.items() if value is not None})
    except ConfigError as exc:
        fail(str(exc), ExitCode.USAGE)


def migrate(settings: Settings) -> None:
    """Brings the configured database to the newest schema; a revision this version does not know exits 1."""
    from safecity.core.schema import UnknownRevisionError
    from safecity.core.schema import upgrade

    try:
        upgrade(settings.resolved_database_url)
    except UnknownRevisionError as exc:
        fail(str(exc))


def migrated_database(settings: Settings) -> Database:
    """The configured database, brought to the newest schema first."""
    from safecity.core.db import Database

    migrate(settings)
    return Database(settings.resolved_database_url)


@contextmanager
def opened_database(settings: Settings) -> Iterator[Database]:
    """The migrated database (see `migrated_database`) for the block; its connections are closed after it."""
    database = migrated_database(settings)
    try:
        yield database
    finally:
        database.dispose()


@contextmanager
def database_session(config: Path | None) -> Iterator[Session]:
    """One transaction on the configured, migrated database (committed unless the block raises)."""
    with opened_database(load_settings_or_fail(config)) as database, database.session() as session:
        yield session


def read_csv_text(path: Path) -> str:
    """A CSV file's text; a file that cannot be read or decoded exits 2 saying why."""
    from safecity.core.csv_files import CsvFormatError
    from safecity.core.csv_files import decode

    try:
        return decode(path.read_bytes())
    except (OSError, CsvFormatError) as exc:
        fail(str(exc), ExitCode.USAGE)


def print_rows(
    rows: list[dict[str, Any]],
    as_json: bool,
    headers: Sequence[str],
    cells: Callable[[dict[str, Any]], Iterable[str]],
) -> None:
    """The rows as one JSON array with --json, else as a table under `headers` with `cells(row)` a line."""
    from rich.console import Console
    from rich.table import Table

    if as_json:
        typer.echo(json.dumps(rows))
        return
    table = Table(*headers)
    for row in rows:
        table.add_row(*cells(row))
    Console().print(table)


def cli_user() -> str:
    return f"cli:{getpass.getuser()}"


def cli_actor() -> Actor:
    """Who the audit log names for what the command-line user does."""
    from safecity.core.audit.actors import Actor

    return Actor(cli_user(), CLI_ROLE, CLI_ADDRESS)


def audit_as_cli(
    session: Session,
    action: str,
    object_type: str,
    object_id: str,
    details: dict[str, Any] | None = None,
    *,
    purpose: str = "",
    case_ref: str = "",
) -> None:
    """An audit entry for what the command-line user did, in the caller's transaction."""
    from safecity.core.audit.actors import audit_change

    actor = cli_actor()
    audit_change(
        session, actor, action, object_type, object_id, details or {}, purpose=purpose, case_ref=case_ref
    )
