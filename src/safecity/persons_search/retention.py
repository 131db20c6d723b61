"""Retention of person track appearances: rows (with their vectors) and best crops older than
`retention.other_days.person_appearances` (default 30, as face crops) are deleted, unless the crop is evidence
or a legal hold covers their camera and time."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.evidence.retention import DataClassPolicy, Inventory, RetentionContext
from safecity.evidence.retention_rows import RowClass, inventory_of, purge_rows
from safecity.persons_search.models import PersonAppearance

DEFAULT_DAYS = 30.0
PERSON_APPEARANCES = RowClass(
    key=PersonAppearance.id,
    time=PersonAppearance.last_seen,
    camera=PersonAppearance.camera_id,
    files=(PersonAppearance.crop_sha256,),
)


def purge_person_appearances(context: RetentionContext, before: datetime, dry_run: bool) -> int:
    """Delete (or count) the appearances last seen before `before` that nothing holds; returns how many."""
    return purge_rows(context, PERSON_APPEARANCES, before, dry_run)


def person_crop_media(session: Session, shas: set[str]) -> set[str]:
    """Which of `shas` a stored appearance still shows."""
    return set(
        session.scalars(select(PersonAppearance.crop_sha256).where(PersonAppearance.crop_sha256.in_(shas)))
    )


def person_appearance_retention(context: RetentionContext) -> list[DataClassPolicy]:
    days = context.settings.retention.days_for("person_appearances", DEFAULT_DAYS)

    def inventory() -> Inventory:
        with context.database.session() as session:
            return inventory_of(session, context.media, PERSON_APPEARANCES.time, PERSON_APPEARANCES.files)

    return [
        DataClassPolicy(
            "person_appearances",
            days,
            lambda before, dry_run: purge_person_appearances(context, before, dry_run),
            inventory,
        )
    ]
