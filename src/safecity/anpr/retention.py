"""Retention of plate reads: reads older than `retention.plate_reads_days` (default 90) lose their row and
their crop and snapshot files, unless a legal hold covers their camera and time, their file is evidence, or
another domain still needs the read (`still_needed`: e-challan's violations, wired in `safecity.retention`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from safecity.anpr.models import PlateReadRecord
from safecity.evidence.retention import DataClassPolicy, Inventory, RetentionContext
from safecity.evidence.retention_rows import RowClass, inventory_of, purge_rows

DEFAULT_DAYS = 90.0
PLATE_READS = RowClass(
    key=PlateReadRecord.id,
    time=PlateReadRecord.time,
    camera=PlateReadRecord.camera_id,
    files=(PlateReadRecord.crop_sha256, PlateReadRecord.snapshot_sha256),
)

#: still_needed() -> a query of the event ids (never NULL) of plate reads another domain still references
ReadsStillNeeded = Callable[[], Select[tuple[str]]]


def purge_plate_reads(
    context: RetentionContext,
    before: datetime,
    dry_run: bool,
    still_needed: ReadsStillNeeded | None = None,
) -> int:
    """Delete (or count) the reads made before `before` that nothing holds or needs; returns how many."""
    keep = () if still_needed is None else (PlateReadRecord.event_id.not_in(still_needed()),)
    return purge_rows(context, PLATE_READS, before, dry_run, *keep)


def plate_read_media(session: Session, shas: set[str]) -> set[str]:
    """Which of `shas` a stored plate read still shows (as its crop or snapshot)."""
    crops = select(PlateReadRecord.crop_sha256).where(PlateReadRecord.crop_sha256.in_(shas))
    snapshots = select(PlateReadRecord.snapshot_sha256).where(PlateReadRecord.snapshot_sha256.in_(shas))
    return {sha for sha in session.scalars(crops.union(snapshots)) if sha}


def plate_read_inventory(context: RetentionContext) -> Inventory:
    with context.database.session() as session:
        return inventory_of(session, context.media, PLATE_READS.time, PLATE_READS.files)


def plate_read_retention(
    still_needed: ReadsStillNeeded | None = None,
) -> Callable[[RetentionContext], list[DataClassPolicy]]:
    """The provider of the `plate_reads` class, keeping the reads `still_needed` names."""

    def provider(context: RetentionContext) -> list[DataClassPolicy]:
        days = context.settings.retention.days_for("plate_reads", DEFAULT_DAYS)
        return [
            DataClassPolicy(
                "plate_reads",
                days,
                lambda before, dry_run: purge_plate_reads(context, before, dry_run, still_needed),
                lambda: plate_read_inventory(context),
            )
        ]

    return provider
