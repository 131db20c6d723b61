"""Store plate reads idempotently; search them by plate pattern, camera and time; build trajectories.

Search strategy (see docs/plates.md): an exact key uses the key index; a pattern with a literal start uses
the key index as a prefix range (SQLite GLOB, PostgreSQL trigram GIN); a pattern with a literal end also
filters on the reversed key so SQLite can use that index as a prefix range too; PostgreSQL's trigram GIN
answers infix patterns. Fuzzy search runs the same on confusion skeletons, then ranks by `plate_distance`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement
from sqlalchemy import Select
from sqlalchemy import and_
from sqlalchemy import func
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy.dialects import postgresql
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.orm import Session

from safecity.anpr.events import PlateReadEvent
from safecity.anpr.locations import Location
from safecity.anpr.models import PlateReadRecord
from safecity.anpr.patterns import PlatePattern
from safecity.core.db import utcnow
from safecity.vision.plates import plate_distance

MAX_LIMIT = 1000
MAX_TRAJECTORY = 10_000


@dataclass(frozen=True, slots=True)
class ReadQuery:
    pattern: PlatePattern | None = None
    camera_id: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    fuzzy: bool = False
    limit: int = 100


def store_read(session: Session, event: PlateReadEvent, location: Location | None) -> bool:
    """Insert the read unless its event id is already stored; True when it was new."""
    if not event.complete:
        raise ValueError("a plate read needs a camera id and text")
    keys = event.plate_key()
    values = {
        **event.stored_fields(),
        "plate_key": keys.key,
        "plate_key_reversed": keys.reversed_key,
        "skeleton": keys.skeleton,
        "series": event.series,
        "year": event.year,
        "number": event.number,
        "format": event.format,
        "direction": event.direction,
        "latitude": location[0] if location else None,
        "longitude": location[1] if location else None,
        "stored_at": utcnow(),
    }
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    statement = (
        insert(PlateReadRecord)
        .values(values)
        .on_conflict_do_nothing(index_elements=["event_id"])
        .returning(PlateReadRecord.id)
    )
    return session.execute(statement).scalar_one_or_none() is not None


def _matches(column: InstrumentedAttribute[str], pattern: str, dialect: str) -> ColumnElement[bool]:
    if dialect == "sqlite":
        glob: ColumnElement[bool] = column.op("GLOB", is_comparison=True)(pattern)
        return glob
    return column.like(PlatePattern(pattern, None).like(), escape="\\")


def plate_condition(pattern: PlatePattern, dialect: str, *, fuzzy: bool = False) -> ColumnElement[bool]:
    """WHERE clause for a plate pattern (on skeletons when fuzzy), written so each backend uses its index."""
    target = pattern.skeleton() if fuzzy else pattern
    column = PlateReadRecord.skeleton if fuzzy else PlateReadRecord.plate_key
    if not target.has_wildcards:
        condition: ColumnElement[bool] = column == target.key
    else:
        condition = _matches(column, target.key, dialect)
        suffix = target.literal_suffix
        if not fuzzy and suffix and not target.literal_prefix:
            reversed_prefix = PlatePattern(suffix[::-1] + "*", None).key
            condition = and_(
                condition, _matches(PlateReadRecord.plate_key_reversed, reversed_prefix, dialect)
            )
    if target.year is not None:
        condition = and_(condition, or_(PlateReadRecord.year == target.year, PlateReadRecord.year.is_(None)))
    return condition


def _filtered(query: ReadQuery, dialect: str) -> Select[PlateReadRecord]:
    statement = select(PlateReadRecord)
    if query.pattern is not None:
        statement = statement.where(plate_condition(query.pattern, dialect, fuzzy=query.fuzzy))
    if query.camera_id is not None:
        statement = statement.where(PlateReadRecord.camera_id == query.camera_id)
    if query.since is not None:
        statement = statement.where(PlateReadRecord.time >= query.since)
    if query.until is not None:
        statement = statement.where(PlateReadRecord.time < query.until)
    return statement


def _time_order(query: ReadQuery) -> ColumnElement[datetime]:
    """With a plate pattern, order by an expression no index provides: otherwise PostgreSQL, misjudging how
    many rows a LIKE matches, may walk the time index backwards filtering every row (the ORDER BY ... LIMIT
    trap) instead of looking the plate up and sorting its few matches."""
    if query.pattern is None:
        return PlateReadRecord.time.expression
    return func.coalesce(PlateReadRecord.time, PlateReadRecord.time)


def search_reads(session: Session, query: ReadQuery) -> list[PlateReadRecord]:
    """Newest first; fuzzy results closest first (by confusion-aware distance), then newest."""
    dialect = session.get_bind().dialect.name
    limit = max(1, min(query.limit, MAX_LIMIT))
    statement = _filtered(query, dialect).order_by(_time_order(query).desc(), PlateReadRecord.id.desc())
    rows = list(session.scalars(statement.limit(limit)))
    if query.fuzzy and query.pattern is not None and not query.pattern.has_wildcards:
        wanted = query.pattern.key
        rows.sort(key=lambda row: plate_distance(wanted, row.plate_key))  # stable: newest first on ties
    return rows


def trajectory(
    session: Session,
    pattern: PlatePattern,
    since: datetime | None = None,
    until: datetime | None = None,
    *,
    fuzzy: bool = False,
    limit: int = MAX_TRAJECTORY,
) -> Sequence[PlateReadRecord]:
    """Sightings of one vehicle, oldest first."""
    query = ReadQuery(pattern=pattern, since=since, until=until, fuzzy=fuzzy)
    statement = _filtered(query, session.get_bind().dialect.name)
    statement = statement.order_by(_time_order(query), PlateReadRecord.id).limit(min(limit, MAX_TRAJECTORY))
    return list(session.scalars(statement))
