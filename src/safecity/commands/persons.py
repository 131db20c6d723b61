"""`safecity persons ...`: the persons-of-interest register from the command line (audited as the CLI
user)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from safecity.commands import common

app = typer.Typer(help="Persons of interest: import records.", no_args_is_help=True)
console = Console()
errors = Console(stderr=True)


@app.command("import")
def import_command(
    csv_file: Annotated[Path, typer.Argument(help="CSV of records; columns in docs/persons.md.")],
    config: common.ConfigOption = None,
    as_json: common.JsonOption = False,
) -> None:
    """Create records from a CSV; bad rows and duplicates are skipped and reported by line, the rest made.

    Exit 0 when every row went in, 1 when any row was skipped, 2 for an unusable file."""
    from safecity.core.clock import SystemClock
    from safecity.core.csv_files import CsvFormatError
    from safecity.poi.identity import IdentityCipher
    from safecity.poi.identity import identity_key
    from safecity.poi.importing import import_persons

    text = common.read_csv_text(csv_file)
    settings = common.load_settings_or_fail(config)
    cipher = IdentityCipher(identity_key(settings))
    actor = common.cli_actor()
    try:
        with common.opened_database(settings) as database, database.session() as session:
            report = import_persons(session, text, actor, cipher, SystemClock().now(), source=csv_file.name)
    except CsvFormatError as exc:
        common.fail(str(exc), common.ExitCode.USAGE)
    if as_json:
        typer.echo(json.dumps(report.as_dict()))
    else:
        created, duplicates, bad = len(report.created), len(report.duplicates), len(report.errors)
        console.print(f"{created} created, {duplicates} duplicates, {bad} bad rows")
        for duplicate in report.duplicates:
            ids = ", ".join(f"#{person_id}" for person_id in duplicate.person_ids)
            errors.print(f"line {duplicate.line}: duplicate of {ids} ({duplicate.reason})", highlight=False)
        for error in report.errors:
            where = f"{error.field}: " if error.field else ""
            errors.print(f"line {error.line}: {where}{error.message}", highlight=False)
    if report.skipped:
        raise typer.Exit(common.ExitCode.PROBLEM)
