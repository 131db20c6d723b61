"""The day partitions of `event_log` on PostgreSQL: `event_log_p20261202` holds 2026-12-02 00:00 UTC up to
the next midnight.

Partitions are created ahead of time by a small job (`PartitionKeeper`) and, for an event whose day has
none yet (a late or a clock-skewed one), by the index just before it writes. Retention drops the partitions
whose whole day is older than the cut-off, which costs the same for a day of ten events or ten million.
Creation is serialised by an advisory lock, so API nodes doing it at once do not collide.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta

from sqlalchemy import MetaData
from sqlalchemy import Table
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import text
from sqlalchemy.orm import Session
from sqlalchemy.schema import DropTable

from safecity.core.db import Database
from safecity.core.db import utcnow
from safecity.core.leadership import SingletonJob
from safecity.core.leadership import repeat_in_thread
from safecity.core.logs import get_logger

log = get_logger(__name__)

PARENT = "event_log"
_NAME = re.compile(rf"^{PARENT}_p(\d{{8}})$")
# Any constant: the key of the advisory lock that serialises partition DDL.
_PARTITION_LOCK_KEY = 0x5AFEC17_0013


def partition_name(day: date) -> str:
    return f"{PARENT}_p{day:%Y%m%d}"


def day_of(moment: datetime) -> date:
    return moment.astimezone(UTC).date()


def start_of(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=UTC)


def existing_partitions(session: Session) -> set[date]:
    """The days that have a partition."""
    rows = session.execute(
        text(
            "SELECT child.relname FROM pg_inherits"
            " JOIN pg_class child ON child.oid = pg_inherits.inhrelid"
            " WHERE pg_inherits.inhparent = CAST(:parent AS regclass)"
        ),
        {"parent": PARENT},
    ).scalars()
    days = set()
    for name in rows:
        match = _NAME.match(name)
        if match:
            days.add(datetime.strptime(match.group(1), "%Y%m%d").date())
    return days


def create_partitions(session: Session, days: Iterable[date]) -> list[date]:
    """Create the partitions of `days` that do not exist yet; returns the days created."""
    session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PARTITION_LOCK_KEY})
    missing = sorted(set(days) - existing_partitions(session))
    for day in missing:
        # Names and bounds come from dates, never from input, so formatting them into DDL is safe.
        session.execute(
            text(
                f'CREATE TABLE "{partition_name(day)}" PARTITION OF {PARENT}'
                f" FOR VALUES FROM ('{start_of(day).isoformat()}')"
                f" TO ('{start_of(day + timedelta(days=1)).isoformat()}')"
            )
        )
    if missing:
        log.info("event index: partitions created", days=[day.isoformat() for day in missing])
    return missing


def drop_partitions_before(session: Session, before: datetime, *, dry_run: bool) -> int:
    """Drop (or with `dry_run` only count) the partitions whose whole day is before `before`; returns how
    many events they held."""
    session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PARTITION_LOCK_KEY})
    doomed = [
        day for day in sorted(existing_partitions(session)) if start_of(day + timedelta(days=1)) <= before
    ]
    count = 0
    for day in doomed:
        name = partition_name(day)
        partition = Table(name, MetaData())
        count += int(session.scalar(select(func.count()).select_from(partition)) or 0)
        if not dry_run:
            session.execute(DropTable(partition))
    if doomed and not dry_run:
        log.info("event index: partitions dropped", days=[day.isoformat() for day in doomed], events=count)
    return count


class PartitionKeeper:
    """Keeps the partitions of today and the next `days_ahead` days in place, checking every `interval`."""

    def __init__(self, database: Database, *, days_ahead: int = 3, interval: float = 3600.0) -> None:
        if days_ahead < 1:
            raise ValueError("days_ahead must be at least 1")
        self._database = database
        self._days_ahead = days_ahead
        self._interval = interval

    def ensure_ahead(self, now: datetime | None = None) -> list[date]:
        today = day_of(now or utcnow())
        with self._database.session() as session:
            return create_partitions(
                session, (today + timedelta(days=n) for n in range(self._days_ahead + 1))
            )

    async def run(self) -> None:
        """Until cancelled; a failed round is logged and the next one runs as planned."""
        await repeat_in_thread(
            self.ensure_ahead,
            self._interval,
            log_failure=log.exception,
            failure="event index: creating partitions failed; retrying later",
        )


def partition_jobs(database: Database) -> list[SingletonJob]:
    """The partition keeper as a singleton job of the cluster; nothing to keep on SQLite."""
    if database.dialect != "postgresql":
        return []
    return [SingletonJob("event log partitions", PartitionKeeper(database).run)]
