"""The data classes the evidence domain purges itself: evidence items and continuous recordings."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from safecity.core.audit.actors import Actor
from safecity.core.db import Database, utcnow
from safecity.core.media import MediaStore
from safecity.evidence import custody
from safecity.evidence.custody import CustodyAction
from safecity.evidence.holds import HoldChecker, active_holds, protection
from safecity.evidence.models import CASE_OPEN, ITEM_PURGED, EvidenceCase, EvidenceItem
from safecity.evidence.retention import DataClassPolicy, RetentionContext
from safecity.video.retention import purge_segments
from safecity.video.segment_store import RecordingsOnDisk, recordings_dir

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


def purge_evidence(database: Database, media: MediaStore, before: datetime, dry_run: bool) -> int:
    """Items collected before `before` that are not in an open case and not held; rows and custody stay
    (status "purged", a `purged` custody entry), the file goes unless another live item uses it."""
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
        still_used = protected_media(session, {item.sha256 for item in doomed})
    for sha in {item.sha256 for item in doomed} - still_used:
        media.delete(sha)
    return len(doomed)


def purge_recordings(root: Path, holds: HoldChecker, before: datetime, dry_run: bool) -> int:
    """Finished recorded segments that ended before `before` and are not held (a failing hold check keeps
    them); never a segment still being written."""
    store = RecordingsOnDisk(root)
    result = purge_segments(store, ended_before=before.timestamp(), is_held=holds.is_held, dry_run=dry_run)
    return len(result.deleted)


def builtin_classes(context: RetentionContext) -> list[DataClassPolicy]:
    retention = context.settings.retention
    root = retention.recordings_dir or recordings_dir(context.settings.data_dir)
    checker = HoldChecker(context.database)
    return [
        DataClassPolicy(
            "evidence",
            retention.evidence_days,
            lambda before, dry_run: purge_evidence(context.database, context.media, before, dry_run),
        ),
        DataClassPolicy(
            "recordings",
            retention.recordings_days,
            lambda before, dry_run: purge_recordings(root, checker, before, dry_run),
        ),
    ]
