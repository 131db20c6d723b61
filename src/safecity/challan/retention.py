"""Retention of e-challan's own copy of plate reads (`challan_plate_reads`, kept to match reads with red-light
and speed hits): older than `retention.plate_reads_days` they go, except a read a violation (and so its
ticket) names, one a legal hold covers, or one whose file is evidence. Also what e-challan tells the others:
which plate reads its violations still need, and which media files its records use."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from safecity.challan.models import ChallanPlateRead, Violation, ViolationEvidence
from safecity.evidence.retention import DataClassPolicy, Inventory, RetentionContext
from safecity.evidence.retention_rows import RowClass, inventory_of, purge_rows

DEFAULT_DAYS = 90.0
CHALLAN_PLATE_READS = RowClass(
    key=ChallanPlateRead.event_id,
    time=ChallanPlateRead.time,
    camera=ChallanPlateRead.camera_id,
    files=(ChallanPlateRead.crop_sha256, ChallanPlateRead.snapshot_sha256),
)


def reads_named_by_violations() -> Select[tuple[str]]:
    """The event ids of the plate reads violations name (NULLs left out, so `NOT IN` works)."""
    named = Violation.plate_event_id
    return select(named).where(named.is_not(None))  # type: ignore[return-value]


def purge_challan_plate_reads(context: RetentionContext, before: datetime, dry_run: bool) -> int:
    keep = ChallanPlateRead.event_id.not_in(reads_named_by_violations())
    return purge_rows(context, CHALLAN_PLATE_READS, before, dry_run, keep)


def challan_media(session: Session, shas: set[str]) -> set[str]:
    """Which of `shas` a violation's evidence or e-challan's plate reads still use."""
    proofs = select(ViolationEvidence.sha256).where(ViolationEvidence.sha256.in_(shas))
    crops = select(ChallanPlateRead.crop_sha256).where(ChallanPlateRead.crop_sha256.in_(shas))
    snaps = select(ChallanPlateRead.snapshot_sha256).where(ChallanPlateRead.snapshot_sha256.in_(shas))
    return {sha for sha in session.scalars(proofs.union(crops, snaps)) if sha}


def challan_plate_read_inventory(context: RetentionContext) -> Inventory:
    with context.database.session() as session:
        return inventory_of(session, context.media, CHALLAN_PLATE_READS.time, CHALLAN_PLATE_READS.files)


def challan_plate_read_retention(context: RetentionContext) -> list[DataClassPolicy]:
    days = context.settings.retention.days_for("plate_reads", DEFAULT_DAYS)
    return [
        DataClassPolicy(
            "challan_plate_reads",
            days,
            lambda before, dry_run: purge_challan_plate_reads(context, before, dry_run),
            lambda: challan_plate_read_inventory(context),
        )
    ]
