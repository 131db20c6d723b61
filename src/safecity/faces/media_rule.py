"""Face pictures read through `GET /api/v1/media/{sha256}`.

Sighting crops (faces of whoever passed a camera, and the probe side of a candidate) are personal-data reads:
a face permission and a stated purpose, audited. Watchlist images (enrolled under a recorded legal basis to
be recognised, and shown beside a candidate for the comparison) need a face or watchlist permission.
"""

from __future__ import annotations

from sqlalchemy import exists
from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.orm import Session

from safecity.core.auth.permissions import Permission
from safecity.core.http.media_access import MediaRule
from safecity.faces.models import FaceSighting
from safecity.faces.watchlist.models import FaceCandidate
from safecity.faces.watchlist.models import FaceSubjectImage


def _in_any(session: Session, sha256: str, *columns: InstrumentedAttribute[str]) -> bool:
    return any(session.scalar(select(exists().where(column == sha256))) for column in columns)


def is_sighting_crop(session: Session, sha256: str) -> bool:
    return _in_any(session, sha256, FaceSighting.crop_sha256, FaceCandidate.probe_sha256)


def is_watchlist_image(session: Session, sha256: str) -> bool:
    return _in_any(session, sha256, FaceSubjectImage.sha256, FaceCandidate.enrolled_sha256)


FACE_SIGHTING_MEDIA = MediaRule(
    owner="a face sighting",
    permissions=frozenset({Permission.FACES_SEARCH, Permission.FACES_CONFIRM}),
    owns=is_sighting_crop,
    purpose_required=True,
    audit_action="faces.media_view",
)
WATCHLIST_IMAGE_MEDIA = MediaRule(
    owner="a watchlist image",
    permissions=frozenset({Permission.FACES_SEARCH, Permission.FACES_CONFIRM, Permission.WATCHLISTS_MANAGE}),
    owns=is_watchlist_image,
)
