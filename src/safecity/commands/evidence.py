"""`safecity evidence ...` (vault integrity, bundle checks, signing key) and `safecity retention ...`.

Exit codes: 0 fine, 1 tampering or a failed sweep found (each problem named), 2 bad usage or configuration.
"""

from __future__ import annotations

import getpass
import json
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from safecity.config import ConfigError, Settings, load_settings
from safecity.core.audit.service import AuditRecord, append
from safecity.core.db import Database, utcnow
from safecity.core.media import MediaStore
from safecity.core.schema import upgrade

app = typer.Typer(help="The evidence vault: integrity checks, signed bundles.", no_args_is_help=True)
retention_app = typer.Typer(
    help="Retention of recordings, events, crops, reads and evidence.", no_args_is_help=True
)
ConfigOption = Annotated[Path | None, typer.Option("--config", "-c", help="Path to safecity.yaml.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Machine-readable JSON output.")]


def fail(message: str, code: int = 1) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def load(config: Path | None) -> Settings:
    try:
        return load_settings(config)
    except ConfigError as exc:
        fail(str(exc), 2)


def open_database(settings: Settings) -> Database:
    upgrade(settings.resolved_database_url)
    return Database(settings.resolved_database_url)


def audit_cli(
    database: Database, action: str, object_type: str, object_id: str, details: dict[str, Any]
) -> None:
    with database.session() as session:
        append(
            session,
            AuditRecord(
                actor=f"cli:{getpass.getuser()}",
                role="cli",
                action=action,
                object_type=object_type,
                object_id=object_id,
                client_address="localhost",
                details=details,
            ),
        )


def _report(ok: bool, summary: str, problems: list[str], payload: dict[str, Any], as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps({"ok": ok, **payload, "problems": problems}))
    elif ok:
        typer.echo(summary)
    else:
        for problem in problems:
            typer.echo(f"TAMPERED: {problem}", err=True)
    if not ok:
        raise typer.Exit(1)


@app.command("verify")
def verify(config: ConfigOption = None, as_json: JsonOption = False) -> None:
    """Re-hash every evidence file and custody chain; exit 1 naming each altered file or entry."""
    from safecity.evidence.integrity import verify_vault

    settings = load(config)
    database = open_database(settings)
    try:
        with database.session() as session:
            report = verify_vault(session, MediaStore(settings.media_dir))
    finally:
        database.dispose()
    counts = f"{report.items} items, {report.files} files, {report.custody_entries} custody entries"
    summary = f"evidence intact: {counts}"
    payload = {"items": report.items, "files": report.files, "custody_entries": report.custody_entries}
    _report(report.ok, summary, report.problems, payload, as_json)


@app.command("verify-bundle")
def verify_bundle(
    bundle: Annotated[Path, typer.Argument(help="The exported ZIP bundle.")],
    pin: Annotated[
        str | None,
        typer.Option(help="The signing key fingerprint you trust (SHA256:...); checked when given."),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Check an export bundle offline: signature, key, every file's hash, custody chains."""
    from safecity.evidence.bundle import verify_bundle as check

    if not bundle.is_file():
        fail(f"FILE: {bundle} does not exist", 2)
    report = check(bundle, pinned_fingerprint=pin)
    summary = (
        f"bundle {report.bundle_id} intact: {report.items} items, {report.files} files, "
        f"signed by key {report.fingerprint}"
    )
    payload = {"bundle_id": report.bundle_id, "fingerprint": report.fingerprint, "items": report.items}
    _report(report.ok, summary, report.problems, payload, as_json)


@app.command("key")
def key(config: ConfigOption = None) -> None:
    """Print the bundle signing key's fingerprint (the key is created on first use) for courts to pin."""
    from safecity.evidence.signing import fingerprint, load_or_create_signing_key

    typer.echo(fingerprint(load_or_create_signing_key(load(config).data_dir).public_key()))


def _sweep(config: Path | None, *, dry_run: bool, as_json: bool) -> None:
    from safecity.evidence.retention import RetentionContext, build_sweeper

    settings = load(config)
    database = open_database(settings)
    try:
        context = RetentionContext(settings, database, MediaStore(settings.media_dir))
        report = build_sweeper(context).sweep(utcnow(), dry_run=dry_run)
        if not dry_run:
            audit_cli(database, "retention.sweep", "retention", "sweep", report.to_dict())
    finally:
        database.dispose()
    if as_json:
        typer.echo(json.dumps(report.to_dict()))
    else:
        verb = "would delete" if dry_run else "deleted"
        for line in report.lines:
            status = f"FAILED: {line.error}" if line.error else f"{verb} {line.count}"
            typer.echo(
                f"{line.name:<14} keep {line.days:g} days (before {line.before:%Y-%m-%d %H:%M}): {status}"
            )
    if not report.ok:
        raise typer.Exit(1)


@retention_app.command("report")
def retention_report(config: ConfigOption = None, as_json: JsonOption = False) -> None:
    """Dry run: what each data class would delete now (held data is never counted)."""
    _sweep(config, dry_run=True, as_json=as_json)


@retention_app.command("sweep")
def retention_sweep(
    config: ConfigOption = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Only report.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Delete what each data class's policy no longer keeps, except open cases and legal holds."""
    _sweep(config, dry_run=dry_run, as_json=as_json)
