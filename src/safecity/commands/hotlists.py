"""`safecity hotlists ...`: vehicle hotlists from the command line (imports are audited as the CLI user)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from safecity.commands import common
from safecity.watchlist.vehicles.vocabulary import HotlistKind

app = typer.Typer(help="Vehicle hotlists: wanted, stolen and suspect plates.", no_args_is_help=True)
console = Console()
errors = Console(stderr=True)


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
    from safecity.watchlist.vehicles import service
    from safecity.watchlist.vehicles.csv_import import import_entries
    from safecity.watchlist.vehicles.schemas import HotlistIn

    text = common.read_csv_text(csv_file)
    actor = common.cli_actor()
    try:
        with common.database_session(config) as session:
            try:
                hotlist = service.hotlist_by_name(session, name)
            except service.HotlistNotFoundError:
                if create is None:
                    raise
                hotlist = service.create_hotlist(session, HotlistIn(name=name, kind=create), actor)
            report = import_entries(session, hotlist.id, text, actor)
    except service.HotlistNotFoundError as exc:
        common.fail(f"{exc} (use --create KIND to create it)", common.ExitCode.NOT_FOUND)
    except CsvFormatError as exc:
        common.fail(str(exc), common.ExitCode.USAGE)
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

    with common.database_session(config) as session:
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
    common.print_rows(
        rows,
        as_json,
        ("name", "kind", "edit budget", "active", "entries"),
        lambda row: (
            str(row["name"]),
            str(row["kind"]),
            str(row["edit_budget"]),
            "yes" if row["active"] else "no",
            str(row["entries"]),
        ),
    )
