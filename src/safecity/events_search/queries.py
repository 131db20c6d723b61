"""Search the event index (`event_log`) by type prefix, camera and time; newest first.

Time filters and the order are on when the event happened (`time`), the column the index is partitioned and
kept by, so on PostgreSQL a window only touches its days' partitions, and one camera and type are read
backwards along `(camera_id, type, time)` until the page is full. Pages continue after the `seq` of the last
row shown (ties in time are ordered by `seq`). A type prefix is searched as the range
[prefix, prefix with its last character raised), which the `(camera_id, type, time)` and `(type, time)`
indexes serve; the type column compares bytewise on both databases, so the range is exact.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement
from sqlalchemy import Select
from sqlalchemy import and_
from sqlalchemy import not_
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.events_search.models import EventLogEntry

MAX_LIMIT = 500


@dataclass(frozen=True, slots=True)
class EventQuery:
    type_prefix: str | None = None
    camera_id: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    # Continue after the row with this `seq` (the previous page's last).
    after_seq: int | None = None
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
    # The `seq` of the last row, to pass as `after_seq` for the next (older) page; None on the last page.
    next_after_seq: int | None


def _starts_with(prefix: str) -> ColumnElement[bool]:
    upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    return and_(EventLogEntry.type >= prefix, EventLogEntry.type < upper)


def _filtered(query: EventQuery) -> Select[EventLogEntry]:
    statement = select(EventLogEntry)
    for prefix in query.hidden_prefixes:
        statement = statement.where(not_(_starts_with(prefix)))
    if query.type_prefix:
        statement = statement.where(_starts_with(query.type_prefix))
    if query.camera_id is not None:
        statement = statement.where(EventLogEntry.camera_id == query.camera_id)
    if query.since is not None:
        statement = statement.where(EventLogEntry.time >= query.since)
    if query.until is not None:
        statement = statement.where(EventLogEntry.time < query.until)
    return statement


def _after(session: Session, statement: Select[EventLogEntry], seq: int) -> Select[EventLogEntry] | None:
    """The rows after the cursor's row in the search order; None when that row is gone (retention removed
    it, and with it everything older)."""
    cursor_time = session.scalar(select(EventLogEntry.time).where(EventLogEntry.seq == seq))
    if cursor_time is None:
        return None
    # `time <= ...` on its own as well, so the indexes and the partition pruning see a plain bound.
    return statement.where(
        EventLogEntry.time <= cursor_time,
        or_(EventLogEntry.time < cursor_time, EventLogEntry.seq < seq),
    )


def _iso(moment: datetime) -> str:
    """As the event's own JSON states it (pydantic writes UTC as `Z`)."""
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _stored(row: EventLogEntry) -> StoredEvent:
    return StoredEvent(
        seq=row.seq,
        published_at=row.indexed_at,
        id=row.id,
        type=row.type,
        time=_iso(row.time),
        camera_id=row.camera_id,
        source=row.source,
        payload=row.payload,
    )


def search_events(
    session: Session, query: EventQuery, visible: Callable[[str], bool] = lambda _: True
) -> EventPage:
    """One page of indexed events, newest first. `visible(type)` drops what SQL could not filter."""
    limit = max(1, min(query.limit, MAX_LIMIT))
    statement = _filtered(query)
    if query.after_seq is not None:
        continued = _after(session, statement, query.after_seq)
        if continued is None:
            return EventPage([], None)
        statement = continued
    ordered = statement.order_by(EventLogEntry.time.desc(), EventLogEntry.seq.desc()).limit(limit + 1)
    rows = list(session.scalars(ordered))
    page = rows[:limit]
    events = [_stored(row) for row in page if visible(row.type)]
    return EventPage(events, page[-1].seq if len(rows) > limit else None)
