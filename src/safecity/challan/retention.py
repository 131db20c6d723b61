"""Retention of e-challan's own copy of plate reads (`challan_plate_reads`, kept to match reads with red-light
and speed hits): older than `retention.plate_reads_days` they go, except a read a violation (and so its
ticket) names, one a legal hold covers, or one whose file is evidence. Also what e-challan tells the others:
which plate reads its violations still need, and which media files its records use."""

from __future__ import annotations

from sqlalchemy import Select
from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.anpr.retention import DEFAULT_DAYS
from safecity.challan.models import ChallanPlateRead
from safecity.challan.models import Violation
from safecity.challan.models import ViolationEvidence
from safecity.evidence.retention import DataClassPolicy
from safecity.evidence.retention import RetentionContext
from safecity.evidence.retention_rows import RowClass
from safecity.evidence.retention_rows import files_named
from safecity.evidence.retention_rows import row_class_policy

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


def challan_media(session: Session, shas: set[str]) -> set[str]:
    """Which of `shas` a violation's evidence or e-challan's plate reads still use."""
    reads = (ChallanPlateRead.crop_sha256, ChallanPlateRead.snapshot_sha256)
    return files_named(session, shas, ViolationEvidence.sha256, *reads)


def challan_plate_read_retention(context: RetentionContext) -> list[DataClassPolicy]:
    keep = ChallanPlateRead.event_id.not_in(reads_named_by_violations())
    policy = row_class_policy(
        context, "challan_plate_reads", CHALLAN_PLATE_READS, DEFAULT_DAYS, keep, days_setting="plate_reads"
    )
    return [policy]
