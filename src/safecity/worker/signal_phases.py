"""The worker's signal controller feed: `challan.signal_phase` events → its `ControllerFeed`.

The worker creates one feed and hands it to the red-light rules of all its cameras.
The worker listens to `challan.signal_phase` (a live feed: phases are current state, and a late copy of an
old change is harmless because the feed keeps changes in time order) and, at start, loads the changes of the
last `SEED_SECONDS` from the stored controller feed so it does not wait a whole cycle to know the phase.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

from sqlalchemy import select

from safecity.challan.events import SignalPhaseEvent
from safecity.challan.models import SignalPhaseChange
from safecity.core.bus import Event
from safecity.core.bus import EventBus
from safecity.core.bus import LiveFeed
from safecity.core.bus import as_event
from safecity.core.db import Database
from safecity.core.db import utcnow
from safecity.pipeline.rules.signals import ControllerFeed
from safecity.pipeline.rules.traffic_config import SignalPhase

log = logging.getLogger(__name__)

TOPIC = "challan.signal_phase"
SEED_SECONDS = 3600.0
SEED_LIMIT = 10_000


def apply_phase(event: Event, feed: ControllerFeed) -> bool:
    """Feed one `challan.signal_phase` event to `feed`; False (and a log line) when it is unusable."""
    try:
        change = as_event(event, SignalPhaseEvent)
        feed.update(change.signal, SignalPhase(change.phase), change.changed_at.timestamp())
    except ValueError as exc:
        log.warning("signal phase event %s ignored: %s", event.id, exc)
        return False
    return True


def seed_phases(database: Database, feed: ControllerFeed, seconds: float = SEED_SECONDS) -> int:
    """Load the stored phase changes of the last `seconds` into `feed`; returns how many."""
    since = utcnow() - timedelta(seconds=seconds)
    with database.session() as session:
        rows = session.execute(
            select(SignalPhaseChange.signal, SignalPhaseChange.phase, SignalPhaseChange.changed_at)
            .where(SignalPhaseChange.changed_at >= since)
            .order_by(SignalPhaseChange.changed_at.desc())
            .limit(SEED_LIMIT)
        ).all()
    for signal, phase, changed_at in rows:
        feed.update(signal, SignalPhase(phase), changed_at.timestamp())
    return len(rows)


def listen_to_signal_phases(bus: EventBus) -> LiveFeed:
    """Start listening now: every phase change published from here on reaches `follow_signal_phases`."""
    return bus.listen([TOPIC])


async def follow_signal_phases(
    live: LiveFeed, database: Database, stop: asyncio.Event, feed: ControllerFeed
) -> None:
    """Until `stop`: every phase change on `live` reaches `feed`. The caller opened `live` before this runs,
    so the seed from the database that follows leaves no gap, and a change published after the worker
    started is never missed."""
    try:
        try:
            seeded = await asyncio.to_thread(seed_phases, database, feed)
            log.info("controller feed: %d stored phase changes loaded", seeded)
        except Exception as exc:  # a database without the challan tables, or briefly unavailable
            log.warning("controller feed not seeded from the database: %s", exc)
        async for event in live:
            if stop.is_set():
                return
            apply_phase(event, feed)
    finally:
        live.close()
