"""`safecity cluster ...`: the workers and which of them holds each camera."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table

from safecity.commands import common

app = typer.Typer(help="The cluster of workers: who runs which camera.", no_args_is_help=True)


@app.command("status")
def status_command(config: common.ConfigOption = None, as_json: common.JsonOption = False) -> None:
    """Workers (alive, capacity, load, cameras) and each camera's worker, lease epoch and state."""
    from safecity.cluster.status import cluster_status

    settings = common.load_settings_or_fail(config)
    with common.opened_database(settings) as database, database.session() as session:
        status = cluster_status(session, settings.cluster)
    if as_json:
        typer.echo(status.model_dump_json())
        return
    workers = Table("worker", "alive", "capacity", "load", "cameras", "last report")
    for w in status.workers:
        seen = w.heartbeat_at.strftime("%Y-%m-%d %H:%M:%S")
        workers.add_row(
            w.id, "yes" if w.alive else "no", f"{w.capacity:g}", f"{w.load:g}", str(len(w.cameras)), seen
        )
    cameras = Table("camera", "worker", "epoch", "state")
    for c in status.cameras:
        cameras.add_row(c.id, c.worker or "", str(c.epoch or ""), c.state)
    console = Console()
    console.print(workers)
    console.print(cameras)
