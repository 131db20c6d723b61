"""Search the embedded bus's stored event log (`bus_messages`) by type prefix, camera and time.

The log is the embedded bus's delivery log: it holds every published event until all consumers have passed
it and it is older than the bus retention (24 h by default), so this searches the recent past, not an
archive. Time filters use the indexed `published_at`; the camera is read out of the event JSON (no index,
but the table is small because of retention). Newest first, paged by sequence number.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, String, cast, func, not_, select
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Session

from safecity.core.bus.tables import BusMessage

MAX_LIMIT = 500
# Fields every event has; anything else a typed event carries is shown as its payload.
_ENVELOPE = frozenset({"id", "type", "time", "camera_id", "source", "payload"})


@dataclass(frozen=True, slots=True)
class EventQuery:
    type_prefix: str | None = None
    camera_id: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    before_seq: int | None = None
    limit: int = 100
    # Event-type prefixes (ending in ".") the caller may not see; filtered in SQL.
    hidden_prefixes: Sequence[str] = ()


@dataclass(frozen=True, slots=True)
class StoredEvent:
    seq: int
    published_at: datetime
    id: str
    type: str
    time: str
    camera_id: str | None
    source: str | None
    payload: dict[str, Any]


@dataclass(frozen=True, slots=True)
class EventPage:
    events: list[StoredEvent]
    # The sequence number to pass as `before_seq` for the next (older) page; None on the last page.
    next_before_seq: int | None


def _starts_with(column: Any, prefix: str) -> ColumnElement[bool]:
    # substr instead of LIKE: topics may contain "_", a LIKE wildcard.
    condition: ColumnElement[bool] = func.substr(column, 1, len(prefix)) == prefix
    return condition


def _camera_of_event(dialect: str) -> ColumnElement[str]:
    if dialect == "postgresql":
        return cast(BusMessage.event_json, JSONB)["camera_id"].astext
    extracted: ColumnElement[str] = func.json_extract(BusMessage.event_json, "$.camera_id", type_=String)
    return extracted


def _filtered(query: EventQuery, dialect: str) -> Select[BusMessage]:
    # Dead-letter replays are copies targeted at one consumer, not new events.
    statement = select(BusMessage).where(BusMessage.target_consumer.is_(None))
    for prefix in query.hidden_prefixes:
        statement = statement.where(not_(_starts_with(BusMessage.event_type, prefix)))
    if query.type_prefix:
        statement = statement.where(_starts_with(BusMessage.event_type, query.type_prefix))
    if query.camera_id is not None:
        statement = statement.where(_camera_of_event(dialect) == query.camera_id)
    if query.since is not None:
        statement = statement.where(BusMessage.published_at >= query.since)
    if query.until is not None:
        statement = statement.where(BusMessage.published_at < query.until)
    if query.before_seq is not None:
        statement = statement.where(BusMessage.seq < query.before_seq)
    return statement


def _stored(row: BusMessage) -> StoredEvent:
    raw: dict[str, Any] = json.loads(row.event_json)
    payload = dict(raw.get("payload") or {})
    payload.update({key: value for key, value in raw.items() if key not in _ENVELOPE})
    return StoredEvent(
        seq=row.seq,
        published_at=row.published_at,
        id=str(raw.get("id", row.event_id)),
        type=row.event_type,
        time=str(raw.get("time", "")),
        camera_id=raw.get("camera_id"),
        source=raw.get("source"),
        payload=payload,
    )


def search_events(
    session: Session, query: EventQuery, visible: Callable[[str], bool] = lambda _: True
) -> EventPage:
    """One page of stored events, newest first. `visible(type)` drops what SQL could not filter."""
    limit = max(1, min(query.limit, MAX_LIMIT))
    statement = _filtered(query, session.get_bind().dialect.name)
    rows = list(session.scalars(statement.order_by(BusMessage.seq.desc()).limit(limit + 1)))
    page = rows[:limit]
    events = [_stored(row) for row in page if visible(row.event_type)]
    return EventPage(events, page[-1].seq if len(rows) > limit else None)
