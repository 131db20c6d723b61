"""The data classes the evidence domain purges itself: evidence items and continuous recordings."""

from __future__ import annotations

import logging
from datetime import UTC
from datetime import datetime
from pathlib import Path

from sqlalchemy import func
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.core.audit.actors import Actor
from safecity.core.db import Database
from safecity.core.db import utcnow
from safecity.core.media import MediaStore
from safecity.evidence import custody
from safecity.evidence.custody import CustodyAction
from safecity.evidence.holds import HoldChecker
from safecity.evidence.holds import active_holds
from safecity.evidence.holds import protection
from safecity.evidence.models import CASE_OPEN
from safecity.evidence.models import ITEM_PURGED
from safecity.evidence.models import EvidenceCase
from safecity.evidence.models import EvidenceItem
from safecity.evidence.retention import DataClassPolicy
from safecity.evidence.retention import Inventory
from safecity.evidence.retention import MediaReferences
from safecity.evidence.retention import RetentionContext
from safecity.video.retention import purge_segments
from safecity.video.segment_store import RecordingsOnDisk
from safecity.video.segment_store import recordings_dir

log = logging.getLogger(__name__)
RETENTION_ACTOR = Actor("retention", "system")


def protected_media(session: Session, shas: set[str]) -> set[str]:
    """Which of `shas` are files of live evidence items: other domains' purges must not delete those."""
    if not shas:
        return set()
    rows = session.scalars(
        select(EvidenceItem.sha256).where(EvidenceItem.sha256.in_(shas), EvidenceItem.status != ITEM_PURGED)
    )
    return set(rows)


def purge_evidence(
    database: Database,
    media: MediaStore,
    before: datetime,
    dry_run: bool,
    in_use: MediaReferences = protected_media,
) -> int:
    """Items collected before `before` that are not in an open case and not held; rows and custody stay
    (status "purged", a `purged` custody entry), the file goes unless another live item (or, with the
    plan's `in_use`, any record) uses it."""
    with database.session() as session:
        candidates = session.scalars(
            select(EvidenceItem)
            .outerjoin(EvidenceCase, EvidenceItem.case_id == EvidenceCase.id)
            .where(
                EvidenceItem.status != ITEM_PURGED,
                EvidenceItem.collected_at < before,
                or_(EvidenceItem.case_id.is_(None), EvidenceCase.status != CASE_OPEN),
            )
            .order_by(EvidenceItem.id)
        ).all()
        holds = active_holds(session)
        doomed = [item for item in candidates if protection(session, item, holds) is None]
        if dry_run:
            return len(doomed)
        for item in doomed:
            item.status = ITEM_PURGED
            item.purged_at = utcnow()
            custody.record(
                session, item, CustodyAction.PURGED, RETENTION_ACTOR, details={"before": before.isoformat()}
            )
        session.flush()
        still_used = in_use(session, {item.sha256 for item in doomed})
    for sha in {item.sha256 for item in doomed} - still_used:
        media.delete(sha)
    return len(doomed)


def purge_recordings(
    root: Path, holds: HoldChecker, before: datetime, dry_run: bool, quota_bytes: int | None = None
) -> int:
    """Finished recorded segments that ended before `before`, then the oldest until the folder fits in
    `quota_bytes`; never a held one (a failing hold check keeps it) nor a segment still being written."""
    store = RecordingsOnDisk(root)
    result = purge_segments(
        store,
        ended_before=before.timestamp(),
        max_total_bytes=quota_bytes,
        is_held=holds.is_held,
        dry_run=dry_run,
    )
    return len(result.deleted)


def evidence_inventory(database: Database) -> Inventory:
    """Live items, the oldest collected, and the bytes of their files (a file shared by items once)."""
    live = EvidenceItem.status != ITEM_PURGED
    with database.session() as session:
        count, oldest = session.execute(
            select(func.count(), func.min(EvidenceItem.collected_at)).where(live)
        ).one()
        files = select(EvidenceItem.sha256, EvidenceItem.size).where(live).distinct().subquery()
        size = session.scalar(select(func.coalesce(func.sum(files.c.size), 0)))
    return Inventory(int(count or 0), oldest, int(size or 0))


def recordings_inventory(root: Path) -> Inventory:
    """Finished segments on disk, the oldest one's start, and their bytes."""
    segments = RecordingsOnDisk(root).segments()  # oldest first
    oldest = datetime.fromtimestamp(segments[0].start, UTC) if segments else None
    return Inventory(len(segments), oldest, sum(segment.size_bytes for segment in segments))


def builtin_classes(context: RetentionContext) -> list[DataClassPolicy]:
    retention = context.settings.retention
    root = retention.recordings_dir or recordings_dir(context.settings.data_dir)
    checker = HoldChecker(context.database)
    return [
        DataClassPolicy(
            "evidence",
            retention.evidence_days,
            lambda before, dry_run: purge_evidence(
                context.database, context.media, before, dry_run, in_use=context.media_in_use
            ),
            lambda: evidence_inventory(context.database),
        ),
        DataClassPolicy(
            "recordings",
            retention.recordings_days,
            lambda before, dry_run: purge_recordings(
                root, checker, before, dry_run, quota_bytes=retention.recordings_quota_bytes
            ),
            lambda: recordings_inventory(root),
        ),
    ]
