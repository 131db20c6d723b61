"""`safecity challan ...`: issue tickets for validated violations, list tickets, render PDFs, import the
local vehicle registry. Decisions are audited as the CLI user."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING
from typing import Annotated

import typer
from rich.console import Console

from safecity.challan.vocabulary import TicketStatus
from safecity.commands import common

if TYPE_CHECKING:  # settings, SQLAlchemy and the challan services are imported only when a command runs
    from safecity.challan.runtime import ChallanRuntime
    from safecity.config import Settings
    from safecity.core.db import Database

app = typer.Typer(help="e-challan: tickets from validated camera violations.", no_args_is_help=True)
console = Console()


@contextmanager
def _opened(config: Path | None) -> Iterator[tuple[Settings, Database, ChallanRuntime]]:
    """The settings, the migrated database (disposed of after the block) and the challan runtime."""
    from safecity.challan.runtime import build_runtime
    from safecity.core.media import MediaStore

    settings = common.load_settings_or_fail(config)
    with common.opened_database(settings) as database:
        yield settings, database, build_runtime(settings.challan, MediaStore(settings.media_dir))


@app.command("issue")
def issue(
    violation_id: str,
    plate: Annotated[
        str | None, typer.Option(help="The plate as read from the evidence (corrects the reader).")
    ] = None,
    config: common.ConfigOption = None,
    as_json: common.JsonOption = False,
) -> None:
    """Accept a pending violation and issue its ticket (audited as the CLI user)."""
    from safecity.challan.errors import ChallanError
    from safecity.challan.validation import Decision
    from safecity.challan.validation import decide
    from safecity.challan.validation import get_violation

    try:
        with _opened(config) as (_, database, runtime), database.session() as session:
            get_violation(session, violation_id)
            outcome = decide(
                session, runtime, violation_id, Decision(accept=True, plate=plate), common.cli_actor()
            )
            number = outcome.ticket.number if outcome.ticket else None
    except ChallanError as exc:
        common.fail(
            str(exc), common.ExitCode.NOT_FOUND if "no violation" in str(exc) else common.ExitCode.PROBLEM
        )
    if as_json:
        typer.echo(json.dumps({"ticket": number, "message": outcome.message}))
    else:
        console.print(outcome.message)
    if number is None:
        raise typer.Exit(common.ExitCode.PROBLEM)


@app.command("list")
def list_tickets(
    status: Annotated[TicketStatus | None, typer.Option(help="Only tickets in this state.")] = None,
    limit: Annotated[int, typer.Option(min=1, max=10000)] = 100,
    config: common.ConfigOption = None,
    as_json: common.JsonOption = False,
) -> None:
    """List tickets, newest first (overdue ones are marked first)."""
    from safecity.challan import tickets as ticket_service
    from safecity.challan.fines import format_minor

    with _opened(config) as (_, database, _), database.session() as session:
        ticket_service.mark_overdue(session)
        found = ticket_service.list_tickets(session, status.value if status else None, None, limit)
    rows = [
        {
            "number": t.number,
            "violation": t.violation_type,
            "plate": t.plate_text,
            "fine": format_minor(t.fine_minor),
            "currency": t.currency,
            "due": t.due_at.date().isoformat(),
            "status": t.status,
        }
        for t in found
    ]
    common.print_rows(
        rows,
        as_json,
        ("number", "violation", "plate", "fine", "due", "status"),
        lambda row: (
            row["number"],
            row["violation"],
            row["plate"],
            f"{row['currency']} {row['fine']}",
            row["due"],
            row["status"],
        ),
    )


@app.command("pdf")
def pdf(
    number: str,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default: NUMBER.pdf).")
    ] = None,
    config: common.ConfigOption = None,
) -> None:
    """Render a ticket as PDF with its evidence and verification QR code."""
    from safecity.challan.errors import ChallanError
    from safecity.challan.pdf import stored_ticket_pdf

    try:
        with _opened(config) as (settings, database, runtime), database.session() as session:
            content = stored_ticket_pdf(session, number, runtime.media, settings.challan.public_base_url)
    except ChallanError as exc:
        common.fail(str(exc), common.ExitCode.NOT_FOUND)
    target = output or Path(f"{number}.pdf")
    target.write_bytes(content)
    console.print(f"wrote {target}")


@app.command("import-registry")
def import_registry(
    path: Path, config: common.ConfigOption = None, as_json: common.JsonOption = False
) -> None:
    """Load the local vehicle registry from CSV (plate,vehicle_class,owner_name,owner_cnic,...)."""
    from safecity.registries.csv_records import RecordFileError
    from safecity.registries.local_vehicles import import_vehicles
    from safecity.registries.local_vehicles import parse_vehicles_csv

    try:
        records = parse_vehicles_csv(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        common.fail(f"{path}: cannot read ({exc.strerror or exc})", common.ExitCode.USAGE)
    except RecordFileError as exc:
        common.fail(f"{path}: {exc}", common.ExitCode.USAGE)
    with _opened(config) as (_, database, _), database.session() as session:
        count = import_vehicles(session, records)
        details = {"rows": count, "file": str(path)}
        common.audit_as_cli(session, "challan.registry.import", "challan_registry", "local", details)
    if as_json:
        typer.echo(json.dumps({"imported": count}))
    else:
        console.print(f"imported {count} vehicles")
