"""`safecity cameras ...`: the camera registry and its health from the command line."""

from __future__ import annotations

from typing import Annotated

import typer

from safecity.commands import common

app = typer.Typer(help="The camera registry: list, uptime, remove.", no_args_is_help=True)


@app.command("list")
def list_command(config: common.ConfigOption = None, as_json: common.JsonOption = False) -> None:
    """Cameras with their health (passwords masked)."""
    from safecity.cameras import service
    from safecity.cameras.credentials import masked_url
    from safecity.cameras.health_store import current_health
    from safecity.core.db import utcnow

    with common.database_session(config) as session:
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
    columns = ("id", "name", "district", "url", "state", "reason")
    common.print_rows(rows, as_json, columns, lambda row: (str(row[k] or "") for k in columns))


@app.command("uptime")
def uptime_command(
    camera_id: str,
    days: Annotated[int, typer.Option(min=1, max=366)] = 7,
    config: common.ConfigOption = None,
    as_json: common.JsonOption = False,
) -> None:
    """Per-day available and healthy percentages of one camera."""
    from safecity.cameras import service
    from safecity.cameras.health_store import uptime
    from safecity.core.db import utcnow

    with common.database_session(config) as session:
        try:
            service.get_camera(session, camera_id)
        except service.CameraNotFoundError as exc:
            common.fail(str(exc), common.ExitCode.NOT_FOUND)
        entries = uptime(session, camera_id, days=days, now=utcnow())
    rows = [
        {
            "day": e.day.isoformat(),
            "available_percent": e.available_percent,
            "healthy_percent": e.healthy_percent,
        }
        for e in entries
    ]
    common.print_rows(
        rows,
        as_json,
        ("day", "available %", "healthy %"),
        lambda row: (
            str(row["day"]),
            *(
                f"{v:.1f}" if isinstance(v, float) else "-"
                for v in (row["available_percent"], row["healthy_percent"])
            ),
        ),
    )


@app.command("remove")
def remove_command(camera_id: str, config: common.ConfigOption = None) -> None:
    """Delete a camera from the registry (audited)."""
    from safecity.cameras import service

    with common.database_session(config) as session:
        try:
            service.delete_camera(session, camera_id)
        except service.CameraNotFoundError as exc:
            common.fail(str(exc), common.ExitCode.NOT_FOUND)
        common.audit_as_cli(session, "camera.delete", "camera", camera_id)
    typer.echo(f"removed camera {camera_id}")


@app.command("add-samples")
def add_samples_command(
    count: Annotated[int, typer.Option(min=1, max=10_000, help="How many cameras to add.")] = 12,
    config: common.ConfigOption = None,
) -> None:
    """Register looping sample cameras around the demo's sites (for trying a cluster); existing ids stay."""
    from safecity.cameras.samples import numbered_sample_cameras
    from safecity.cameras.service import add_missing_from_settings

    settings = common.load_settings_or_fail(config)
    cameras = numbered_sample_cameras(settings.data_dir, count)
    with common.opened_database(settings) as database, database.session() as session:
        add_missing_from_settings(session, cameras)
        common.audit_as_cli(session, "camera.create", "camera", f"{count} sample cameras")
    typer.echo(f"{count} sample cameras registered ({cameras[0].id} … {cameras[-1].id})")
