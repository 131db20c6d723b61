"""The event index on SQLite and PostgreSQL: what it stores, once, and how the search filters and pages it."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from datetime import timedelta

from sqlalchemy import func
from sqlalchemy import select

from safecity.core.bus.events import Event
from safecity.core.db import Database
from safecity.events_search.index import EventIndex
from safecity.events_search.models import EventLogEntry
from safecity.events_search.queries import EventQuery
from safecity.events_search.queries import search_events

T0 = datetime(2026, 5, 1, 8, 0, tzinfo=UTC)


def event(event_type: str, camera_id: str | None, minutes: int, **fields: object) -> Event:
    return Event(type=event_type, camera_id=camera_id, time=T0 + timedelta(minutes=minutes), **fields)


def search(database: Database, **criteria: object) -> list[tuple[str, str | None]]:
    with database.session() as session:
        page = search_events(session, EventQuery(**criteria))  # type: ignore[arg-type]
    return [(found.type, found.camera_id) for found in page.events]


def stored_count(database: Database) -> int:
    with database.session() as session:
        return int(session.scalar(select(func.count()).select_from(EventLogEntry)) or 0)


def test_filters_by_type_prefix_camera_and_time_newest_first(database: Database) -> None:
    EventIndex(database).store(
        [
            event("door.opened", "cam-1", 0),
            event("door.closed", "cam-2", 10),
            event("door_bell.rang", "cam-1", 20),  # "door_" must not match the prefix "door."
            event("window.broken", "cam-1", 30),
        ]
    )

    assert search(database, type_prefix="door.") == [("door.closed", "cam-2"), ("door.opened", "cam-1")]
    assert search(database, type_prefix="door.opened") == [("door.opened", "cam-1")]
    assert search(database, camera_id="cam-1") == [
        ("window.broken", "cam-1"),
        ("door_bell.rang", "cam-1"),
        ("door.opened", "cam-1"),
    ]
    window = {"since": T0 + timedelta(minutes=10), "until": T0 + timedelta(minutes=30)}
    assert search(database, **window) == [("door_bell.rang", "cam-1"), ("door.closed", "cam-2")]
    assert search(database, camera_id="cam-1", type_prefix="door", **window) == [("door_bell.rang", "cam-1")]
    assert search(database, hidden_prefixes=("door.", "window.")) == [("door_bell.rang", "cam-1")]


def test_orders_by_when_events_happened_not_when_they_arrived(database: Database) -> None:
    index = EventIndex(database)
    index.store([event("door.opened", "cam-1", 5)])
    index.store([event("door.opened", "cam-2", 1)])  # late: indexed after a newer event

    assert search(database) == [("door.opened", "cam-1"), ("door.opened", "cam-2")]


def test_pages_with_a_cursor_until_the_end_across_days(database: Database) -> None:
    # Two events per day share a minute, so the order falls back to the log position.
    index = EventIndex(database)
    for n in range(5):
        index.store([event("door.opened", "cam-1", (n // 2) * 24 * 60, payload={"n": n})])
    seen: list[int] = []
    cursor: int | None = None
    pages = 0
    while True:
        with database.session() as session:
            page = search_events(session, EventQuery(after_seq=cursor, limit=2))
        seen += [found.payload["n"] for found in page.events]
        pages += 1
        if page.next_after_seq is None:
            break
        cursor = page.next_after_seq
    assert seen == [4, 3, 2, 1, 0]
    assert pages == 3


def test_a_cursor_whose_event_is_gone_ends_the_search(database: Database) -> None:
    EventIndex(database).store([event("door.opened", "cam-1", 0)])
    with database.session() as session:
        page = search_events(session, EventQuery(after_seq=10_000))
    assert page.events == []
    assert page.next_after_seq is None


def test_typed_fields_and_payload_are_returned_together(database: Database) -> None:
    sent = event("door.opened", "cam-1", 0, source="worker-1", payload={"zone": "north"}, severity="high")
    EventIndex(database).store([sent])
    with database.session() as session:
        (found,) = search_events(session, EventQuery()).events
    assert found.id == str(sent.id)
    assert found.source == "worker-1"
    assert found.payload == {"zone": "north", "severity": "high"}
    assert found.time == "2026-05-01T08:00:00Z"


def test_an_event_delivered_again_is_stored_once(database: Database) -> None:
    index = EventIndex(database)
    first, second = event("door.opened", "cam-1", 0), event("door.closed", "cam-1", 1)

    assert index.store([first, first, second]) == 2
    index.store([second, first])  # a redelivery of the whole batch
    EventIndex(database).store([first])  # or by another API node

    assert stored_count(database) == 2
    assert search(database) == [("door.closed", "cam-1"), ("door.opened", "cam-1")]


def test_personal_data_is_not_indexed(database: Database) -> None:
    stored = EventIndex(database).store(
        [
            event("plate.read", "cam-1", 0, payload={"text": "LEB-06-5700"}),
            event("face.sighting", "cam-1", 0),
            event("alert.created", "cam-1", 0),
        ]
    )
    assert stored == 1
    assert search(database) == [("alert.created", "cam-1")]
