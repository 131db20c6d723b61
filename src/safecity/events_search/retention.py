"""Retention of the event index: events older than `retention.events_days` (default 90) are removed.

On PostgreSQL whole day partitions go, once their whole day is past the cut-off (so up to a day more is kept
than the setting says); on SQLite the rows are deleted.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete
from sqlalchemy import func
from sqlalchemy import select

from safecity.core.db import Database
from safecity.events_search.models import EventLogEntry
from safecity.events_search.partitions import drop_partitions_before
from safecity.evidence.retention import DataClassPolicy
from safecity.evidence.retention import RetentionContext


def purge_events(database: Database, before: datetime, dry_run: bool) -> int:
    """Remove (or with `dry_run` count) the indexed events older than `before`; returns how many."""
    with database.session() as session:
        if database.dialect == "postgresql":
            return drop_partitions_before(session, before, dry_run=dry_run)
        if dry_run:
            return int(session.scalar(select(func.count()).where(EventLogEntry.time < before)) or 0)
        result = session.execute(delete(EventLogEntry).where(EventLogEntry.time < before))
        return int(getattr(result, "rowcount", 0) or 0)


def event_log_retention(context: RetentionContext) -> list[DataClassPolicy]:
    days = context.settings.retention.events_days
    return [
        DataClassPolicy(
            "events", days, lambda before, dry_run: purge_events(context.database, before, dry_run)
        )
    ]
