"""Evidence files read through `GET /api/v1/media/{sha256}` follow the evidence rules: `evidence.read`, a
stated purpose, an audit entry and a `viewed` entry in the custody chain of every live item of that file."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.core.auth.permissions import Permission
from safecity.core.http.media_access import MediaRead
from safecity.core.http.media_access import MediaRule
from safecity.evidence import custody
from safecity.evidence.custody import CustodyAction
from safecity.evidence.models import ITEM_PURGED
from safecity.evidence.models import EvidenceItem


def _live_items(session: Session, sha256: str) -> list[EvidenceItem]:
    query = select(EvidenceItem).where(EvidenceItem.sha256 == sha256, EvidenceItem.status != ITEM_PURGED)
    return list(session.scalars(query.order_by(EvidenceItem.id)))


def _record_views(session: Session, read: MediaRead) -> None:
    for item in _live_items(session, read.sha256):
        custody.record(
            session,
            item,
            CustodyAction.VIEWED,
            read.actor,
            purpose=read.purpose,
            case_ref=read.case_ref,
            details={"what": "content", "via": "media"},
        )


EVIDENCE_MEDIA = MediaRule(
    owner="an evidence item",
    permissions=frozenset({Permission.EVIDENCE_READ}),
    owns=lambda session, sha256: bool(_live_items(session, sha256)),
    purpose_required=True,
    audit_action="evidence.view",
    on_read=_record_views,
)
