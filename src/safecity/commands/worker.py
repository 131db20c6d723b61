"""`safecity worker`: run the cameras assigned to this worker until SIGINT/SIGTERM."""

from __future__ import annotations

import socket
from typing import Annotated

import typer

from safecity.commands import common

GIB = 1024**3


def worker(
    config: common.ConfigOption = None,
    worker_id: Annotated[
        str | None, typer.Option("--id", help="This worker's name (cameras can be assigned to it).")
    ] = None,
    retention_days: Annotated[
        float | None,
        typer.Option(
            min=0.01, help="Delete recordings older than this (default: retention.recordings_days)."
        ),
    ] = None,
    max_recordings_gb: Annotated[
        float | None,
        typer.Option(
            min=0,
            help="Delete the oldest recordings beyond this quota (default: retention.recordings_quota_gb).",
        ),
    ] = None,
    segment_seconds: Annotated[float, typer.Option(min=1, help="Length of recorded segments.")] = 60,
    record: Annotated[bool, typer.Option(help="Record each camera's main stream.")] = True,
    detect: Annotated[bool, typer.Option(help="Use the installed detector (else motion only).")] = True,
    capacity: Annotated[
        float | None,
        typer.Option(
            min=0.1,
            help="Cost units this worker carries (one 720p camera at 5 fps = 1); default 8 per core.",
        ),
    ] = None,
    address: Annotated[
        str | None, typer.Option(help="Where API nodes reach this worker, e.g. http://10.0.0.5:8081.")
    ] = None,
) -> None:
    """Run ingest, health, recording and analytics for the cameras this worker holds the leases of."""
    from safecity.config import ConfigError
    from safecity.core.logs import configure_logging
    from safecity.video.retention import RetentionPolicy
    from safecity.worker.runtime import run_worker_process
    from safecity.worker.worker import WorkerOptions

    settings = common.load_settings_or_fail(config)
    configure_logging(settings.logging.level, json_output=settings.logging.json_output)
    retention = settings.retention
    quota = (
        int(max_recordings_gb * GIB) if max_recordings_gb is not None else retention.recordings_quota_bytes
    )
    options = WorkerOptions(
        worker_id=worker_id or socket.gethostname(),
        record=record,
        segment_seconds=segment_seconds,
        retention=RetentionPolicy(
            max_age_days=retention_days or retention.recordings_days, max_total_bytes=quota
        ),
        quota_alert_fraction=retention.recordings_alert_percent / 100,
        use_detector=detect,
        capacity=capacity,
        address=address,
    )
    try:
        run_worker_process(settings, options)
    except ConfigError as exc:
        common.fail(str(exc), common.ExitCode.USAGE)
