"""Retention of face sightings: sightings older than `retention.face_crops_days` (default 30) lose their row
and crop file, unless the crop is evidence or a legal hold covers their camera and time (the class keeps its
historical name, `face_crops`)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.evidence.retention import DataClassPolicy, Inventory, RetentionContext
from safecity.evidence.retention_rows import RowClass, inventory_of, purge_rows
from safecity.faces.models import FaceSighting

DEFAULT_DAYS = 30.0
FACE_SIGHTINGS = RowClass(
    key=FaceSighting.id,
    time=FaceSighting.time,
    camera=FaceSighting.camera_id,
    files=(FaceSighting.crop_sha256,),
)


def purge_face_crops(context: RetentionContext, before: datetime, dry_run: bool) -> int:
    """Delete (or count) the sightings seen before `before` that nothing holds; returns how many."""
    return purge_rows(context, FACE_SIGHTINGS, before, dry_run)


def face_crop_media(session: Session, shas: set[str]) -> set[str]:
    """Which of `shas` a stored sighting still shows."""
    return set(session.scalars(select(FaceSighting.crop_sha256).where(FaceSighting.crop_sha256.in_(shas))))


def face_sighting_inventory(context: RetentionContext) -> Inventory:
    with context.database.session() as session:
        return inventory_of(session, context.media, FACE_SIGHTINGS.time, FACE_SIGHTINGS.files)


def face_crop_retention(context: RetentionContext) -> list[DataClassPolicy]:
    days = context.settings.retention.days_for("face_crops", DEFAULT_DAYS)
    return [
        DataClassPolicy(
            "face_crops",
            days,
            lambda before, dry_run: purge_face_crops(context, before, dry_run),
            lambda: face_sighting_inventory(context),
        )
    ]
