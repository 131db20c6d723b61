"""Person track crops (the snapshots of person search) read through `GET /api/v1/media/{sha256}`: the
search permission and a stated purpose, audited as a personal-data read, as face pictures are."""

from __future__ import annotations

from sqlalchemy import exists
from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.core.auth.permissions import Permission
from safecity.core.http.media_access import MediaRule
from safecity.persons_search.models import PersonAppearance


def is_person_crop(session: Session, sha256: str) -> bool:
    return bool(session.scalar(select(exists().where(PersonAppearance.crop_sha256 == sha256))))


PERSON_MEDIA = MediaRule(
    owner="a person track crop",
    permissions=frozenset({Permission.FACES_SEARCH}),
    owns=is_person_crop,
    purpose_required=True,
    audit_action="persons.media_view",
)
