"""Retention of face crops: sightings older than `retention.face_crops_days` (default 30) lose their row
and crop file, unless the crop is evidence (`protected_media`) or a legal hold covers its camera and time."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from safecity.core.db import Database
from safecity.core.media import MediaStore
from safecity.evidence.holds import held_in
from safecity.evidence.purgers import protected_media
from safecity.evidence.retention import DataClassPolicy, RetentionContext
from safecity.faces.models import FaceSighting

DEFAULT_DAYS = 30.0


def purge_face_crops(database: Database, media: MediaStore, before: datetime, dry_run: bool) -> int:
    """Delete sightings seen before `before` (rows, then unreferenced crop files); returns the count."""
    with database.session() as session:
        rows = session.scalars(
            select(FaceSighting).where(FaceSighting.time < before).order_by(FaceSighting.id)
        ).all()
        protected = protected_media(session, {row.crop_sha256 for row in rows})
        doomed = []
        for row in rows:
            if row.crop_sha256 in protected:
                continue
            moment = row.time.timestamp()
            if row.camera_id and held_in(session, row.camera_id, moment, moment):
                continue
            doomed.append(row)
        if dry_run:
            return len(doomed)
        shas = {row.crop_sha256 for row in doomed}
        for row in doomed:
            session.delete(row)
        session.flush()
        still_used = set(
            session.scalars(select(FaceSighting.crop_sha256).where(FaceSighting.crop_sha256.in_(shas)))
        )
    for sha in shas - still_used - protected:
        media.delete(sha)
    return len(doomed)


def face_crop_retention(context: RetentionContext) -> list[DataClassPolicy]:
    days = context.settings.retention.days_for("face_crops", DEFAULT_DAYS)
    return [
        DataClassPolicy(
            "face_crops",
            days,
            lambda before, dry_run: purge_face_crops(context.database, context.media, before, dry_run),
        )
    ]
