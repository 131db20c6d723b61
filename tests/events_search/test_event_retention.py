"""Keeping the event index: day partitions on PostgreSQL (made ahead and on demand, dropped by retention),
row deletion on SQLite, and the `events` entry of the retention plan."""

from __future__ import annotations

from datetime import UTC
from datetime import date
from datetime import datetime
from pathlib import Path

import pytest

from safecity.config import load_settings
from safecity.core.bus.events import Event
from safecity.core.db import Database
from safecity.core.media import MediaStore
from safecity.events_search.index import EventIndex
from safecity.events_search.partitions import PartitionKeeper
from safecity.events_search.partitions import existing_partitions
from safecity.events_search.queries import EventQuery
from safecity.events_search.queries import search_events
from safecity.events_search.retention import purge_events
from safecity.evidence.retention import RetentionContext
from safecity.retention import RETENTION_PLAN

NOW = datetime(2026, 5, 10, 12, 0, tzinfo=UTC)


def on_day(day: int, hour: int = 12) -> Event:
    return Event(type="camera.health", camera_id="cam-1", time=datetime(2026, 5, day, hour, tzinfo=UTC))


def indexed_days(database: Database) -> list[int]:
    with database.session() as session:
        page = search_events(session, EventQuery(limit=500))
    return sorted({int(found.time[8:10]) for found in page.events})


def partitions(database: Database) -> set[date]:
    with database.session() as session:
        return existing_partitions(session)


def test_retention_removes_events_older_than_the_cut_off(database: Database) -> None:
    EventIndex(database).store([on_day(1), on_day(2, hour=6), on_day(2, hour=18), on_day(3)])
    before = datetime(2026, 5, 3, 0, 0, tzinfo=UTC)

    assert purge_events(database, before, dry_run=True) == 3
    assert indexed_days(database) == [1, 2, 3]  # a dry run removes nothing
    assert purge_events(database, before, dry_run=False) == 3
    assert indexed_days(database) == [3]


@pytest.mark.postgres
def test_postgresql_drops_whole_day_partitions_only(postgres_url: str) -> None:
    from safecity.core.schema import upgrade

    upgrade(postgres_url)
    database = Database(postgres_url)
    try:
        EventIndex(database).store([on_day(1), on_day(2, hour=6), on_day(2, hour=18), on_day(3)])
        assert partitions(database) == {date(2026, 5, 1), date(2026, 5, 2), date(2026, 5, 3)}

        # The cut-off falls inside 2 May: that day is kept whole until all of it is past.
        removed = purge_events(database, datetime(2026, 5, 2, 12, 0, tzinfo=UTC), dry_run=False)

        assert removed == 1
        assert partitions(database) == {date(2026, 5, 2), date(2026, 5, 3)}
        assert indexed_days(database) == [2, 3]
        # A late event for a dropped day gets its partition back.
        EventIndex(database).store([on_day(1)])
        assert indexed_days(database) == [1, 2, 3]
    finally:
        database.dispose()


@pytest.mark.postgres
def test_the_keeper_makes_partitions_ahead_and_the_index_remembers_a_dropped_one(postgres_url: str) -> None:
    from safecity.core.schema import upgrade

    upgrade(postgres_url)
    database = Database(postgres_url)
    try:
        created = PartitionKeeper(database, days_ahead=2).ensure_ahead(NOW)
        assert created == [date(2026, 5, 10), date(2026, 5, 11), date(2026, 5, 12)]
        assert PartitionKeeper(database, days_ahead=2).ensure_ahead(NOW) == []  # nothing twice

        index = EventIndex(database)
        index.store([on_day(10)])
        purge_events(database, datetime(2026, 5, 11, tzinfo=UTC), dry_run=False)
        # The index still believes 10 May has a partition: the first write fails, the retry (the bus
        # retries a failed batch) recreates it.
        with pytest.raises(Exception, match="no partition"):
            index.store([on_day(10)])
        index.store([on_day(10)])
        assert indexed_days(database) == [10]
    finally:
        database.dispose()


def test_the_retention_plan_keeps_events_for_events_days(database: Database, tmp_path: Path) -> None:
    settings = load_settings(None, data_dir=tmp_path, retention={"events_days": 2})
    context = RetentionContext(settings, database, MediaStore(tmp_path / "media"))
    EventIndex(database).store([on_day(1), on_day(9)])

    report = RETENTION_PLAN.sweeper(context).sweep(NOW, dry_run=False)

    (line,) = [line for line in report.lines if line.name == "events"]
    assert (line.days, line.count, line.error) == (2, 1, None)
    assert indexed_days(database) == [9]
