"""Retention of plate reads: reads older than `retention.plate_reads_days` (default 90) lose their row and
their crop and snapshot files, unless a legal hold covers their camera and time, their file is evidence, or
another domain still needs the read (`still_needed`: e-challan's violations, wired in `safecity.retention`).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Select
from sqlalchemy.orm import Session

from safecity.anpr.models import PlateReadRecord
from safecity.evidence.retention import DataClassPolicy
from safecity.evidence.retention import RetentionContext
from safecity.evidence.retention_rows import RowClass
from safecity.evidence.retention_rows import files_named
from safecity.evidence.retention_rows import row_class_policy

DEFAULT_DAYS = 90.0
PLATE_READS = RowClass(
    key=PlateReadRecord.id,
    time=PlateReadRecord.time,
    camera=PlateReadRecord.camera_id,
    files=(PlateReadRecord.crop_sha256, PlateReadRecord.snapshot_sha256),
)

#: still_needed() -> a query of the event ids (never NULL) of plate reads another domain still references
ReadsStillNeeded = Callable[[], Select[tuple[str]]]


def plate_read_media(session: Session, shas: set[str]) -> set[str]:
    """Which of `shas` a stored plate read still shows (as its crop or snapshot)."""
    return files_named(session, shas, PlateReadRecord.crop_sha256, PlateReadRecord.snapshot_sha256)


def plate_read_retention(
    still_needed: ReadsStillNeeded | None = None,
) -> Callable[[RetentionContext], list[DataClassPolicy]]:
    """The provider of the `plate_reads` class, keeping the reads `still_needed` names."""

    def provider(context: RetentionContext) -> list[DataClassPolicy]:
        keep = () if still_needed is None else (PlateReadRecord.event_id.not_in(still_needed()),)
        return [row_class_policy(context, "plate_reads", PLATE_READS, DEFAULT_DAYS, *keep)]

    return provider
