"""Publish events from an OS process of its own, as a camera worker beside the API would.

python -m tests.core.bus.another_process <database url> <event json> [<event json> ...]
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from safecity.core.bus import EmbeddedBus
from safecity.core.bus import Event
from safecity.core.bus import parse_event
from safecity.core.db import Database

REPOSITORY = Path(__file__).resolve().parents[3]


async def publish_from_another_process(database_url: str, *events: Event) -> None:
    """Run this module in a new interpreter and wait for it to publish `events` and exit."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        __name__,
        database_url,
        *(event.to_json() for event in events),
        cwd=REPOSITORY,
        stderr=asyncio.subprocess.PIPE,
    )
    _, errors = await process.communicate()
    assert process.returncode == 0, errors.decode()


async def _publish(database_url: str, events_json: list[str]) -> None:
    database = Database(database_url)
    bus = EmbeddedBus(database)
    try:
        for event_json in events_json:
            await bus.publish(parse_event(event_json))
    finally:
        database.dispose()


if __name__ == "__main__":
    asyncio.run(_publish(sys.argv[1], sys.argv[2:]))
