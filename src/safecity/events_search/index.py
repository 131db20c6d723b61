"""The event index consumer: every event on the bus, personal data aside, written to `event_log`.

A durable consumer (`event-index`) on either bus; where the bus hands out batches (`BatchSubscriber`, both
of ours do) it writes each batch with one INSERT, so it keeps up with the publishers. Writes skip ids already
stored, so a redelivered event is stored once (and the bus keeps no handled ids for it:
`handler_tracks_handled`). On PostgreSQL the days a batch needs get their partitions
first (see `partitions.py`).

Plate reads and face sightings are not indexed: the search never returns them (they are read with a stated
purpose under `/api/v1/plates` and `/api/v1/faces`), and a copy here would outlive their own retention.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from safecity.core.bus import BatchSubscriber
from safecity.core.bus import Event
from safecity.core.bus import EventBus
from safecity.core.bus.insert_if_absent import insert_all_if_absent
from safecity.core.db import Database
from safecity.core.db import utcnow
from safecity.events_search.models import EventLogEntry
from safecity.events_search.partitions import create_partitions
from safecity.events_search.partitions import day_of
from safecity.events_search.visibility import PERSONAL_DATA_PREFIXES

CONSUMER = "event-index"
MAX_BATCH = 500
# Fields every event has; anything else a typed event carries is shown as its payload.
_ENVELOPE = frozenset({"id", "type", "time", "camera_id", "source", "payload", "lease_epoch"})


def is_indexed(event_type: str) -> bool:
    return not event_type.startswith(PERSONAL_DATA_PREFIXES)


def payload_of(event: Event) -> dict[str, Any]:
    """The event's `payload` with the fields of its typed class merged in, as the search shows them."""
    raw = event.model_dump(mode="json")
    payload = dict(raw.get("payload") or {})
    payload.update({key: value for key, value in raw.items() if key not in _ENVELOPE})
    return payload


class EventIndex:
    """Writes events to `event_log`. Synchronous; the consumer calls it through `asyncio.to_thread`."""

    def __init__(self, database: Database) -> None:
        self._database = database
        self._partitioned = database.dialect == "postgresql"
        self._days_with_partition: set[date] = set()

    def store(self, events: Sequence[Event]) -> int:
        """Index the events not stored yet; returns how many of `events` were indexable."""
        unique = {event.id: event for event in events if is_indexed(event.type)}
        if not unique:
            return 0
        indexed_at = utcnow()
        rows = [
            {
                "id": str(event.id),
                "time": event.time,
                "type": event.type,
                "camera_id": event.camera_id,
                "source": event.source,
                "payload": payload_of(event),
                "indexed_at": indexed_at,
            }
            for event in unique.values()
        ]
        if self._partitioned:
            self._ensure_partitions({day_of(event.time) for event in unique.values()})
        try:
            with self._database.session() as session:
                if not self._partitioned:
                    _number(session, rows)
                insert_all_if_absent(session, EventLogEntry, rows)
        except IntegrityError:
            # Most likely retention dropped a day we remembered; look again on the retry.
            self._days_with_partition.clear()
            raise
        return len(rows)

    def _ensure_partitions(self, days: set[date]) -> None:
        missing = days - self._days_with_partition
        if missing:
            with self._database.session() as session:
                create_partitions(session, missing)
            self._days_with_partition |= missing


def _number(session: Session, rows: list[dict[str, Any]]) -> None:
    """Give SQLite rows the next sequence numbers (the transaction holds the write lock, so no one else can
    take them); PostgreSQL takes them from `event_log_seq`."""
    last = int(session.scalar(select(func.max(EventLogEntry.seq))) or 0)
    for offset, row in enumerate(rows, start=1):
        row["seq"] = last + offset


async def start_event_index(database: Database, bus: EventBus) -> EventIndex:
    """Subscribe the index consumer: in batches where the bus allows it, else one event at a time."""
    index = EventIndex(database)

    async def store(events: Sequence[Event]) -> None:
        await asyncio.to_thread(index.store, events)

    if isinstance(bus, BatchSubscriber):
        # The INSERT skips ids already stored: the bus needs no record of handled ids of its own.
        await bus.subscribe_batches(CONSUMER, [">"], store, max_batch=MAX_BATCH, handler_tracks_handled=True)
    else:
        await bus.subscribe(CONSUMER, [">"], lambda event: store([event]))
    return index
