"""What the purges of time-stamped rows share (plate reads, face sightings, ...): the camera and time spans
legal holds protect, as one SQL condition, a class's inventory (count, oldest, bytes of its files), its
policy, and which files its table still names.

A row made by camera C at time T is held when an active camera hold covers C (or every camera) at T, or when
an evidence item cut from C around T is protected (its case is open, or a hold names the item or its case):
the same rule as `holds.held_in`, but worked out once per sweep instead of once per row.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement
from sqlalchemy import and_
from sqlalchemy import delete
from sqlalchemy import false
from sqlalchemy import func
from sqlalchemy import not_
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy import true
from sqlalchemy import union
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.orm import Session

from safecity.core.media import MediaNotFoundError
from safecity.core.media import MediaStore
from safecity.evidence.holds import active_holds
from safecity.evidence.models import CASE_OPEN
from safecity.evidence.models import ITEM_PURGED
from safecity.evidence.models import EvidenceCase
from safecity.evidence.models import EvidenceItem
from safecity.evidence.retention import DataClassPolicy
from safecity.evidence.retention import Inventory
from safecity.evidence.retention import RetentionContext


@dataclass(frozen=True, slots=True)
class HeldSpan:
    camera_id: str | None  # None: every camera
    start: datetime | None  # None: open towards the past
    end: datetime | None  # None: open towards the future


@dataclass(frozen=True, slots=True)
class RowClass:
    """A table of time-stamped rows that retention purges: its key, time and camera columns, and the
    columns naming its media files (deleted with the rows when nothing else references them)."""

    key: InstrumentedAttribute[Any]
    time: InstrumentedAttribute[datetime]
    camera: InstrumentedAttribute[str] | InstrumentedAttribute[str | None]
    files: tuple[InstrumentedAttribute[Any], ...] = ()
    batch: int = 2000  # rows per transaction: a long purge never holds the table for long


def held_spans(session: Session) -> list[HeldSpan]:
    """Every camera and time span a legal hold or a protected evidence item keeps."""
    holds = active_holds(session)
    spans = [HeldSpan(h.camera_id, h.start, h.end) for h in holds if h.scope == "camera"]
    held_items = {h.item_id for h in holds if h.scope == "item" and h.item_id is not None}
    held_cases = {h.case_id for h in holds if h.scope == "case" and h.case_id is not None}
    protected = or_(
        EvidenceCase.status == CASE_OPEN,
        EvidenceItem.id.in_(held_items) if held_items else false(),
        EvidenceItem.case_id.in_(held_cases) if held_cases else false(),
    )
    items = session.execute(
        select(EvidenceItem.camera_id, EvidenceItem.start, EvidenceItem.end)
        .outerjoin(EvidenceCase, EvidenceItem.case_id == EvidenceCase.id)
        .where(
            EvidenceItem.status != ITEM_PURGED,
            EvidenceItem.camera_id.is_not(None),
            EvidenceItem.start.is_not(None),
            EvidenceItem.end.is_not(None),
            protected,
        )
    )
    spans.extend(HeldSpan(camera, start, end) for camera, start, end in items)
    return spans


def outside_spans(
    camera: InstrumentedAttribute[str] | InstrumentedAttribute[str | None],
    time: InstrumentedAttribute[datetime],
    spans: Iterable[HeldSpan],
) -> ColumnElement[bool]:
    """SQL: the row's camera and time fall in none of `spans`."""
    covered = []
    for span in spans:
        terms: list[ColumnElement[bool]] = []
        if span.camera_id is not None:
            terms += [camera.is_not(None), camera == span.camera_id]  # NULL would keep the row
        if span.start is not None:
            terms.append(time >= span.start)
        if span.end is not None:
            terms.append(time <= span.end)
        covered.append(and_(true(), *terms))
    return not_(or_(*covered)) if covered else true()


def not_evidence_file(column: InstrumentedAttribute[str | None]) -> ColumnElement[bool]:
    """SQL: the row's file (if any) is not the file of a live evidence item."""
    live = select(EvidenceItem.sha256).where(EvidenceItem.status != ITEM_PURGED)
    return or_(column.is_(None), column.not_in(live))


def row_inventory(
    session: Session, time: InstrumentedAttribute[datetime], *conditions: ColumnElement[bool]
) -> tuple[int, datetime | None]:
    """How many rows of `time`'s table (matching `conditions`) there are, and the oldest one's time."""
    count, oldest = session.execute(select(func.count(), func.min(time)).where(*conditions)).one()
    return int(count or 0), oldest


def media_bytes(media: MediaStore, shas: Iterable[str]) -> int:
    """The bytes of the media files of `shas` (each counted once; a missing file counts nothing)."""
    total = 0
    for sha in set(shas):
        try:
            total += media.path(sha).stat().st_size
        except (MediaNotFoundError, OSError):
            continue
    return total


def inventory_of(
    session: Session,
    media: MediaStore,
    time: InstrumentedAttribute[datetime],
    files: Iterable[InstrumentedAttribute[str | None]],
) -> Inventory:
    """A class of rows with media files: its count, oldest row and the bytes of the files it references."""
    count, oldest = row_inventory(session, time)
    shas: set[str] = set()
    for column in files:
        shas |= {sha for sha in session.scalars(select(column).distinct()) if sha}
    return Inventory(count, oldest, media_bytes(media, shas))


def purge_rows(
    context: RetentionContext,
    rows: RowClass,
    before: datetime,
    dry_run: bool,
    *keep: ColumnElement[bool],
) -> int:
    """Delete (or count) the rows older than `before` outside every held span, keeping also the rows
    `keep` (conditions a row must meet to go) excludes and those whose file is evidence; then the files no
    record references any more. Returns how many rows."""
    with context.database.session() as session:
        spans = held_spans(session)
    doomed = [
        rows.time < before,
        outside_spans(rows.camera, rows.time, spans),
        *(not_evidence_file(column) for column in rows.files),
        *keep,
    ]
    if dry_run:
        with context.database.session() as session:
            return int(session.scalar(select(func.count()).select_from(rows.key.class_).where(*doomed)) or 0)
    deleted = 0
    while True:
        with context.database.session() as session:
            batch = session.execute(
                select(rows.key, *rows.files).where(*doomed).order_by(rows.key).limit(rows.batch)
            ).all()
            if not batch:
                return deleted
            session.execute(delete(rows.key.class_).where(rows.key.in_([row[0] for row in batch])))
            shas = {sha for row in batch for sha in row[1:] if sha}
            unused = shas - _still_used(session, context, rows, shas)
        for sha in unused:
            context.media.delete(sha)
        deleted += len(batch)


def _still_used(session: Session, context: RetentionContext, rows: RowClass, shas: set[str]) -> set[str]:
    """The files of `shas` a remaining row of the same table, a live evidence item or any table of the
    plan's `media_references` still uses (the first two even when the context lists none)."""
    used = {sha for column in rows.files for sha in session.scalars(select(column).where(column.in_(shas)))}
    used |= set(
        session.scalars(
            select(EvidenceItem.sha256).where(
                EvidenceItem.sha256.in_(shas), EvidenceItem.status != ITEM_PURGED
            )
        )
    )
    return used | context.media_in_use(session, shas - used)


def row_class_policy(
    context: RetentionContext,
    name: str,
    rows: RowClass,
    default_days: float,
    *keep: ColumnElement[bool],
    days_setting: str | None = None,
) -> DataClassPolicy:
    """The data class `name` of `rows`: kept for the days `retention` sets for `days_setting` (`name` when
    not given; else `default_days`), purged by `purge_rows` (with `keep`); its inventory: rows and files."""

    def inventory() -> Inventory:
        with context.database.session() as session:
            return inventory_of(session, context.media, rows.time, rows.files)

    return DataClassPolicy(
        name,
        context.settings.retention.days_for(days_setting or name, default_days),
        lambda before, dry_run: purge_rows(context, rows, before, dry_run, *keep),
        inventory,
    )


def files_named(session: Session, shas: set[str], *columns: InstrumentedAttribute[Any]) -> set[str]:
    """Which of `shas` a row still names in one of `columns`."""
    named = [select(column).where(column.in_(shas)) for column in columns]
    return {sha for sha in session.scalars(union(*named)) if sha}
