"""`safecity hotlists ...`: vehicle hotlists from the command line (imports are audited as the CLI user)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from safecity.commands import common
from safecity.watchlist.vehicles.vocabulary import HotlistKind

if TYPE_CHECKING:  # SQLAlchemy and the hotlist service are imported only when a command runs
    from safecity.core.db import Database
    from safecity.watchlist.vehicles.service import Actor

app = typer.Typer(help="Vehicle hotlists: wanted, stolen and suspect plates.", no_args_is_help=True)
console = Console()
errors = Console(stderr=True)


def _database(config: Path | None) -> Database:
    return common.migrated_database(common.load_settings_or_fail(config))


def _actor() -> Actor:
    from safecity.watchlist.vehicles.service import Actor

    return Actor(common.cli_user(), common.CLI_ROLE, common.CLI_ADDRESS)


@app.command("import")
def import_command(
    name: Annotated[str, typer.Argument(help="Hotlist name.")],
    csv_file: Annotated[Path, typer.Argument(help="CSV with plate, reason, case_ref, vehicle, expires_at.")],
    create: Annotated[
        HotlistKind | None, typer.Option(help="Create the list with this kind when it does not exist.")
    ] = None,
    config: common.ConfigOption = None,
    as_json: common.JsonOption = False,
) -> None:
    """Add or update a list's entries from a CSV; bad rows are reported by line and the rest imported.

    Exit 0 when every row went in, 1 when some rows failed, 2 for an unusable file, 3 for an unknown list."""
    from safecity.core.csv_files import CsvFormatError
    from safecity.core.csv_files import decode
    from safecity.watchlist.vehicles import service
    from safecity.watchlist.vehicles.csv_import import import_entries
    from safecity.watchlist.vehicles.schemas import HotlistIn

    try:
        text = decode(csv_file.read_bytes())
    except (OSError, CsvFormatError) as exc:
        common.fail(str(exc), common.ExitCode.USAGE)
    database = _database(config)
    try:
        with database.session() as session:
            try:
                hotlist = service.hotlist_by_name(session, name)
            except service.HotlistNotFoundError:
                if create is None:
                    raise
                hotlist = service.create_hotlist(session, HotlistIn(name=name, kind=create), _actor())
            report = import_entries(session, hotlist.id, text, _actor())
    except service.HotlistNotFoundError as exc:
        common.fail(f"{exc} (use --create KIND to create it)", common.ExitCode.NOT_FOUND)
    except CsvFormatError as exc:
        common.fail(str(exc), common.ExitCode.USAGE)
    finally:
        database.dispose()
    if as_json:
        typer.echo(json.dumps(report.as_dict()))
    else:
        console.print(
            f"{name}: {report.created} added, {report.updated} updated, {len(report.errors)} failed"
        )
        for error in report.errors:
            errors.print(f"line {error.line}: {error.message}", highlight=False)
    if report.errors:
        raise typer.Exit(common.ExitCode.PROBLEM)


@app.command("list")
def list_command(config: common.ConfigOption = None, as_json: common.JsonOption = False) -> None:
    """Show the hotlists with their kind, edit budget and number of entries."""
    from safecity.watchlist.vehicles import service

    database = _database(config)
    try:
        with database.session() as session:
            counts = service.entry_counts(session)
            rows = [
                {
                    "name": h.name,
                    "kind": h.kind,
                    "edit_budget": h.edit_budget,
                    "active": h.active,
                    "entries": counts.get(h.id, 0),
                }
                for h in service.list_hotlists(session)
            ]
    finally:
        database.dispose()
    if as_json:
        typer.echo(json.dumps(rows))
        return
    table = Table("name", "kind", "edit budget", "active", "entries")
    for row in rows:
        table.add_row(
            str(row["name"]), str(row["kind"]), str(row["edit_budget"]), "yes" if row["active"] else "no",
            str(row["entries"]),
        )  # fmt: skip
    console.print(table)
