"""`safecity evidence ...` (vault integrity, bundle checks, signing key) and `safecity retention ...`.

Exit codes: 0 fine, 1 tampering or a failed sweep found (each problem named), 2 bad usage or configuration.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated
from typing import Any

import typer

from safecity.commands import common

app = typer.Typer(help="The evidence vault: integrity checks, signed bundles.", no_args_is_help=True)
retention_app = typer.Typer(
    help="Retention of recordings, events, crops, reads and evidence.", no_args_is_help=True
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
def verify(config: common.ConfigOption = None, as_json: common.JsonOption = False) -> None:
    """Re-hash every evidence file and custody chain and check the chains against the signed checkpoints;
    exit 1 naming each altered file or entry and the checkpoint that caught it."""
    from safecity.core.media import MediaStore
    from safecity.core.signing import load_or_create_signing_key
    from safecity.evidence.custody_checkpoints import custody_checkpoints
    from safecity.evidence.integrity import verify_vault

    settings = common.load_settings_or_fail(config)
    with common.opened_database(settings) as database:
        public_key = load_or_create_signing_key(settings.data_dir).public_key()
        checkpoints = custody_checkpoints(settings.data_dir).read(public_key)
        with database.session() as session:
            report = verify_vault(session, MediaStore(settings.media_dir), checkpoints)
    counts = f"{report.items} items, {report.files} files, {report.custody_entries} custody entries"
    summary = f"evidence intact: {counts}, {report.checkpoints} signed checkpoints agree"
    payload = {
        "items": report.items,
        "files": report.files,
        "custody_entries": report.custody_entries,
        "checkpoints": report.checkpoints,
    }
    _report(report.ok, summary, report.problems, payload, as_json)


@app.command("verify-bundle")
def verify_bundle(
    bundle: Annotated[Path, typer.Argument(help="The exported ZIP bundle.")],
    pin: Annotated[
        str | None,
        typer.Option(help="The signing key fingerprint you trust (SHA256:...); checked when given."),
    ] = None,
    config: common.ConfigOption = None,
    as_json: common.JsonOption = False,
) -> None:
    """Check an export bundle offline: signature, key, every file's hash, custody chains. The signer must be
    the key you pin, or else this server's key (from the configuration's data directory): a valid signature
    by an unknown key proves nothing, since anyone can re-sign an altered bundle."""
    from safecity.evidence.bundle import verify_bundle as check

    if not bundle.is_file():
        common.fail(f"FILE: {bundle} does not exist", common.ExitCode.USAGE)
    server_key = None if pin else _server_fingerprint(config)
    report = check(bundle, pinned_fingerprint=pin or server_key)
    signer = "the pinned key" if pin else "this server's key"
    payload = {"bundle_id": report.bundle_id, "fingerprint": report.fingerprint, "items": report.items}
    if report.ok and pin is None and server_key is None:
        message = _unpinned(report.bundle_id, report.fingerprint)
        typer.echo(
            json.dumps({"ok": False, **payload, "unpinned": True, "problems": [message]})
            if as_json
            else f"UNPINNED: {message}",
            err=not as_json,
        )
        raise typer.Exit(int(common.ExitCode.PROBLEM))
    problems = [
        problem.replace(f"is not the pinned {server_key}", f"is not this server's key {server_key}")
        for problem in report.problems
    ]
    summary = (
        f"bundle {report.bundle_id} intact: {report.items} items, {report.files} files, "
        f"signed by {signer} {report.fingerprint}"
    )
    _report(report.ok, summary, problems, payload, as_json)


def _server_fingerprint(config: Path | None) -> str | None:
    """This installation's signing key fingerprint, when its data directory has one (never creates it)."""
    from safecity.core.signing import KEY_FILE
    from safecity.core.signing import fingerprint
    from safecity.core.signing import load_or_create_signing_key

    data_dir = common.load_settings_or_fail(config).data_dir
    if not (data_dir / KEY_FILE).is_file():
        return None
    return fingerprint(load_or_create_signing_key(data_dir).public_key())


def _unpinned(bundle_id: str | None, signer: str | None) -> str:
    return (
        f"bundle {bundle_id}: the files match the manifest and the signature is valid, but the signer "
        f"{signer} is unpinned (no --pin, and no signing key of this server to compare with): anyone can "
        "re-sign an altered bundle with a key of their own. Compare the fingerprint with the one you "
        "trust and pass it as --pin, or run this where the server's data directory is (-c)."
    )


@app.command("key")
def key(config: common.ConfigOption = None) -> None:
    """Print the bundle signing key's fingerprint (the key is created on first use) for courts to pin."""
    from safecity.core.signing import fingerprint
    from safecity.core.signing import load_or_create_signing_key

    typer.echo(
        fingerprint(load_or_create_signing_key(common.load_settings_or_fail(config).data_dir).public_key())
    )


def _sweep(config: Path | None, *, dry_run: bool, as_json: bool) -> None:
    from safecity.core.db import utcnow
    from safecity.core.media import MediaStore
    from safecity.evidence.retention import RetentionContext
    from safecity.retention import RETENTION_PLAN

    settings = common.load_settings_or_fail(config)
    with common.opened_database(settings) as database:
        context = RetentionContext(settings, database, MediaStore(settings.media_dir))
        report = RETENTION_PLAN.sweeper(context).sweep(utcnow(), dry_run=dry_run)
        if not dry_run:
            with database.session() as session:
                common.audit_as_cli(session, "retention.sweep", "retention", "sweep", report.to_dict())
    if as_json:
        typer.echo(json.dumps(report.to_dict()))
    else:
        verb = "would delete" if dry_run else "deleted"
        typer.echo(f"{'class':<20} {'keep':>8} {'items':>9} {'oldest':<17} {'size':>10}  {verb}")
        for line in report.lines:
            status = f"FAILED: {line.error}" if line.error else str(line.count)
            held = line.held
            items = "?" if held is None else str(held.count)
            oldest = f"{held.oldest:%Y-%m-%d %H:%M}" if held and held.oldest else "-"
            size = "-" if held is None or held.bytes is None else _size(held.bytes)
            typer.echo(f"{line.name:<20} {line.days:>6g} d {items:>9} {oldest:<17} {size:>10}  {status}")
    if not report.ok:
        raise typer.Exit(1)


def _size(count: int) -> str:
    value, unit = float(count), "B"
    for bigger in ("KiB", "MiB", "GiB", "TiB"):
        if value < 1024:
            break
        value, unit = value / 1024, bigger
    return f"{count} B" if unit == "B" else f"{value:.1f} {unit}"


@retention_app.command("report")
def retention_report(config: common.ConfigOption = None, as_json: common.JsonOption = False) -> None:
    """Each data class: its items, oldest item and size, and what a sweep would delete now (never held
    data)."""
    _sweep(config, dry_run=True, as_json=as_json)


@retention_app.command("sweep")
def retention_sweep(
    config: common.ConfigOption = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Only report.")] = False,
    as_json: common.JsonOption = False,
) -> None:
    """Delete what each data class's policy no longer keeps, except open cases and legal holds."""
    _sweep(config, dry_run=dry_run, as_json=as_json)
