"""`safecity challan ...`: issue tickets for validated violations, list tickets, render PDFs, import the
local vehicle registry. Decisions are audited as the CLI user."""

from __future__ import annotations

import getpass
import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from safecity.challan import tickets as ticket_service
from safecity.challan.errors import ChallanError
from safecity.challan.evidence import evidence_of
from safecity.challan.fines import format_minor
from safecity.challan.pdf import render_ticket_pdf
from safecity.challan.registry import RegistryError, import_records, parse_registry_csv
from safecity.challan.runtime import ChallanRuntime, build_runtime
from safecity.challan.validation import Decision, Officer, decide, get_violation
from safecity.challan.vocabulary import TicketStatus
from safecity.config import ConfigError, Settings, load_settings
from safecity.core.audit.service import AuditRecord, append
from safecity.core.db import Database
from safecity.core.media import MediaStore
from safecity.core.schema import upgrade

app = typer.Typer(help="e-challan: tickets from validated camera violations.", no_args_is_help=True)
console = Console()
errors = Console(stderr=True)

ConfigOption = Annotated[Path | None, typer.Option("--config", "-c", help="Path to safecity.yaml.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Machine-readable JSON output.")]
EXIT_PROBLEM, EXIT_USAGE, EXIT_NOT_FOUND = 1, 2, 3


def _fail(message: str, code: int) -> typer.Exit:
    errors.print(f"[bold red]error:[/] {message}", highlight=False)
    return typer.Exit(code)


def _open(config: Path | None) -> tuple[Settings, Database, ChallanRuntime]:
    try:
        settings = load_settings(config)
    except ConfigError as exc:
        raise _fail(str(exc), EXIT_USAGE) from exc
    upgrade(settings.resolved_database_url)
    runtime = build_runtime(settings.challan, MediaStore(settings.media_dir))
    return settings, Database(settings.resolved_database_url), runtime


def _cli_officer() -> Officer:
    return Officer(f"cli:{getpass.getuser()}", "cli", "localhost")


@app.command("issue")
def issue(
    violation_id: str,
    plate: Annotated[
        str | None, typer.Option(help="The plate as read from the evidence (corrects the reader).")
    ] = None,
    config: ConfigOption = None,
    as_json: JsonOption = False,
) -> None:
    """Accept a pending violation and issue its ticket (audited as the CLI user)."""
    _, database, runtime = _open(config)
    try:
        with database.session() as session:
            get_violation(session, violation_id)
            outcome = decide(
                session, runtime, violation_id, Decision(accept=True, plate=plate), _cli_officer()
            )
            number = outcome.ticket.number if outcome.ticket else None
    except ChallanError as exc:
        code = EXIT_NOT_FOUND if "no violation" in str(exc) else EXIT_PROBLEM
        raise _fail(str(exc), code) from exc
    finally:
        database.dispose()
    if as_json:
        typer.echo(json.dumps({"ticket": number, "message": outcome.message}))
    else:
        console.print(outcome.message)
    if number is None:
        raise typer.Exit(EXIT_PROBLEM)


@app.command("list")
def list_tickets(
    status: Annotated[TicketStatus | None, typer.Option(help="Only tickets in this state.")] = None,
    limit: Annotated[int, typer.Option(min=1, max=10000)] = 100,
    config: ConfigOption = None,
    as_json: JsonOption = False,
) -> None:
    """List tickets, newest first (overdue ones are marked first)."""
    _, database, _ = _open(config)
    with database.session() as session:
        ticket_service.mark_overdue(session)
        found = ticket_service.list_tickets(session, status.value if status else None, None, limit)
    database.dispose()
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
    if as_json:
        typer.echo(json.dumps(rows))
        return
    table = Table("number", "violation", "plate", "fine", "due", "status")
    for row in rows:
        table.add_row(
            row["number"],
            row["violation"],
            row["plate"],
            f"{row['currency']} {row['fine']}",
            row["due"],
            row["status"],
        )
    console.print(table)


@app.command("pdf")
def pdf(
    number: str,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default: NUMBER.pdf).")
    ] = None,
    config: ConfigOption = None,
) -> None:
    """Render a ticket as PDF with its evidence and verification QR code."""
    settings, database, runtime = _open(config)
    try:
        with database.session() as session:
            ticket = ticket_service.get_ticket(session, number)
            violation = get_violation(session, ticket.violation_id)
            content = render_ticket_pdf(
                ticket,
                violation,
                evidence_of(session, violation.id),
                runtime.media,
                settings.challan.public_base_url,
            )
    except ChallanError as exc:
        raise _fail(str(exc), EXIT_NOT_FOUND) from exc
    finally:
        database.dispose()
    target = output or Path(f"{number}.pdf")
    target.write_bytes(content)
    console.print(f"wrote {target}")


@app.command("import-registry")
def import_registry(path: Path, config: ConfigOption = None, as_json: JsonOption = False) -> None:
    """Load the local vehicle registry from CSV (plate,vehicle_class,owner_name,owner_cnic,...)."""
    try:
        records = parse_registry_csv(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise _fail(f"{path}: cannot read ({exc.strerror or exc})", EXIT_USAGE) from exc
    except RegistryError as exc:
        raise _fail(f"{path}: {exc}", EXIT_USAGE) from exc
    _, database, _ = _open(config)
    with database.session() as session:
        count = import_records(session, records)
        officer = _cli_officer()
        append(
            session,
            AuditRecord(
                actor=officer.username,
                role=officer.role,
                action="challan.registry.import",
                object_type="challan_registry",
                object_id="local",
                client_address=officer.client_address,
                details={"rows": count, "file": str(path)},
            ),
        )
    database.dispose()
    if as_json:
        typer.echo(json.dumps({"imported": count}))
    else:
        console.print(f"imported {count} vehicles")
