"""Retention of face sightings: sightings older than `retention.face_crops_days` (default 30) lose their row
and crop file, unless the crop is evidence or a legal hold covers their camera and time (the class keeps its
historical name, `face_crops`)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from safecity.evidence.retention import DataClassPolicy
from safecity.evidence.retention import RetentionContext
from safecity.evidence.retention_rows import RowClass
from safecity.evidence.retention_rows import files_named
from safecity.evidence.retention_rows import row_class_policy
from safecity.faces.models import FaceSighting

DEFAULT_DAYS = 30.0
FACE_SIGHTINGS = RowClass(
    key=FaceSighting.id,
    time=FaceSighting.time,
    camera=FaceSighting.camera_id,
    files=(FaceSighting.crop_sha256,),
)


def face_crop_media(session: Session, shas: set[str]) -> set[str]:
    """Which of `shas` a stored sighting still shows."""
    return files_named(session, shas, FaceSighting.crop_sha256)


def face_crop_retention(context: RetentionContext) -> list[DataClassPolicy]:
    return [row_class_policy(context, "face_crops", FACE_SIGHTINGS, DEFAULT_DAYS)]
