"""What an API node does for cameras at start: sync safecity.yaml's cameras, store workers' health reports."""

from __future__ import annotations

import asyncio

from safecity.cameras.health_consumer import start_health_consumer
from safecity.cameras.service import add_missing_from_settings
from safecity.cameras.service import sync_from_settings
from safecity.config import Settings
from safecity.core.bus import EventBus
from safecity.core.db import Database
from safecity.core.logs import get_logger

log = get_logger(__name__)


def sync_configured_cameras(settings: Settings, database: Database) -> list[str]:
    """Upsert the `cameras:` of the configuration into the registry (raises ConfigError naming the path)."""
    if not settings.cameras:
        return []
    with database.session() as session:
        ids = sync_from_settings(session, settings.cameras)
    log.info("cameras from configuration synced", count=len(ids))
    return ids


def check_worker_cameras(settings: Settings, database: Database) -> None:
    """What a worker does with safecity.yaml's cameras: adds the registry's missing ones and, where the file
    and the registry disagree, logs it and runs the registry's version (several workers, one truth)."""
    if not settings.cameras:
        return
    with database.session() as session:
        disagreements = add_missing_from_settings(session, settings.cameras)
    for camera_id, fields in disagreements.items():
        log.warning(
            "camera configuration differs from the registry; the registry wins",
            camera=camera_id,
            fields=",".join(fields),
        )


async def start_camera_services(settings: Settings, database: Database, bus: EventBus) -> None:
    await asyncio.to_thread(sync_configured_cameras, settings, database)
    await start_health_consumer(bus, database)
