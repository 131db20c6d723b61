"""Retention of person track appearances: rows (with their vectors) and best crops older than
`retention.other_days.person_appearances` (default 30, as face crops) are deleted, unless the crop is evidence
or a legal hold covers their camera and time."""

from __future__ import annotations

from sqlalchemy.orm import Session

from safecity.evidence.retention import DataClassPolicy
from safecity.evidence.retention import RetentionContext
from safecity.evidence.retention_rows import RowClass
from safecity.evidence.retention_rows import files_named
from safecity.evidence.retention_rows import row_class_policy
from safecity.persons_search.models import PersonAppearance

DEFAULT_DAYS = 30.0
PERSON_APPEARANCES = RowClass(
    key=PersonAppearance.id,
    time=PersonAppearance.last_seen,
    camera=PersonAppearance.camera_id,
    files=(PersonAppearance.crop_sha256,),
)


def person_crop_media(session: Session, shas: set[str]) -> set[str]:
    """Which of `shas` a stored appearance still shows."""
    return files_named(session, shas, PersonAppearance.crop_sha256)


def person_appearance_retention(context: RetentionContext) -> list[DataClassPolicy]:
    return [row_class_policy(context, "person_appearances", PERSON_APPEARANCES, DEFAULT_DAYS)]
