"""`safecity cameras ...`: the camera registry and its health from the command line."""

from __future__ import annotations

import getpass
import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from safecity.cameras import service
from safecity.cameras.credentials import masked_url
from safecity.cameras.health_store import current_health, uptime
from safecity.config import ConfigError, load_settings
from safecity.core.audit.service import AuditRecord, append
from safecity.core.db import Database, utcnow
from safecity.core.schema import upgrade

app = typer.Typer(help="The camera registry: list, uptime, remove.", no_args_is_help=True)
ConfigOption = Annotated[Path | None, typer.Option("--config", "-c", help="Path to safecity.yaml.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Machine-readable JSON output.")]


def _database(config: Path | None) -> Database:
    try:
        settings = load_settings(config)
    except ConfigError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    upgrade(settings.resolved_database_url)
    return Database(settings.resolved_database_url)


@app.command("list")
def list_command(config: ConfigOption = None, as_json: JsonOption = False) -> None:
    """Cameras with their health (passwords masked)."""
    with _database(config).session() as session:
        cameras = service.list_cameras(session)
        health = current_health(session, [c.id for c in cameras], now=utcnow())
        rows = [
            {
                "id": c.id,
                "name": c.name,
                "district": c.district,
                "url": masked_url(c.url, c.username, c.password),
                "enabled": c.enabled,
                "state": health[c.id].state if c.enabled else "disabled",
                "reason": health[c.id].reason,
            }
            for c in cameras
        ]
    if as_json:
        typer.echo(json.dumps(rows))
        return
    table = Table("id", "name", "district", "url", "state", "reason")
    for row in rows:
        table.add_row(*(str(row[k] or "") for k in ("id", "name", "district", "url", "state", "reason")))
    Console().print(table)


@app.command("uptime")
def uptime_command(
    camera_id: str,
    days: Annotated[int, typer.Option(min=1, max=366)] = 7,
    config: ConfigOption = None,
    as_json: JsonOption = False,
) -> None:
    """Per-day available and healthy percentages of one camera."""
    with _database(config).session() as session:
        try:
            service.get_camera(session, camera_id)
        except service.CameraNotFoundError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(3) from exc
        entries = uptime(session, camera_id, days=days, now=utcnow())
    rows = [
        {
            "day": e.day.isoformat(),
            "available_percent": e.available_percent,
            "healthy_percent": e.healthy_percent,
        }
        for e in entries
    ]
    if as_json:
        typer.echo(json.dumps(rows))
        return
    table = Table("day", "available %", "healthy %")
    for row in rows:
        table.add_row(
            str(row["day"]),
            *(
                f"{v:.1f}" if isinstance(v, float) else "-"
                for v in (row["available_percent"], row["healthy_percent"])
            ),
        )
    Console().print(table)


@app.command("remove")
def remove_command(camera_id: str, config: ConfigOption = None) -> None:
    """Delete a camera from the registry (audited)."""
    with _database(config).session() as session:
        try:
            service.delete_camera(session, camera_id)
        except service.CameraNotFoundError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(3) from exc
        append(
            session,
            AuditRecord(
                actor=f"cli:{getpass.getuser()}",
                role="cli",
                action="camera.delete",
                object_type="camera",
                object_id=camera_id,
                client_address="localhost",
            ),
        )
    typer.echo(f"removed camera {camera_id}")
