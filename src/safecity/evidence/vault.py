"""The evidence vault: cases and items whose files live in the content-addressed media store.

Every change to an item goes through here so that it lands in the item's custody chain in the same
transaction. Item metadata is fixed at collection and snapshotted into the first custody entry.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePath
from typing import Any
from typing import BinaryIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.core.audit.actors import Actor
from safecity.core.db import get_or_raise
from safecity.core.db import utcnow
from safecity.core.media import MediaError
from safecity.core.media import MediaNotFoundError
from safecity.core.media import MediaStore
from safecity.evidence import custody
from safecity.evidence.custody import CustodyAction
from safecity.evidence.errors import EvidenceNotFoundError
from safecity.evidence.errors import InvalidEvidenceInputError
from safecity.evidence.models import CASE_CLOSED
from safecity.evidence.models import CASE_OPEN
from safecity.evidence.models import EvidenceCase
from safecity.evidence.models import EvidenceItem

ITEM_KINDS = ("clip", "snapshot", "upload", "document")
CASE_STATUSES = (CASE_OPEN, CASE_CLOSED)


@dataclass(frozen=True, slots=True)
class ItemMetadata:
    """What the collector states about an item (the hash and size come from the file itself)."""

    kind: str
    case_id: int | None = None
    camera_id: str | None = None
    start: datetime | None = None
    end: datetime | None = None
    filename: str = ""
    description: str = ""

    def check(self) -> None:
        if self.kind not in ITEM_KINDS:
            raise InvalidEvidenceInputError("kind", f"must be one of {', '.join(ITEM_KINDS)}")
        for name, value in (("start", self.start), ("end", self.end)):
            if value is not None and value.tzinfo is None:
                raise InvalidEvidenceInputError(name, "needs a timezone (e.g. 2026-01-01T10:00:00Z)")
        if self.start and self.end and self.end < self.start:
            raise InvalidEvidenceInputError("end", "is before start")


def _iso(value: datetime | None) -> str | None:
    return value.isoformat(timespec="microseconds") if value is not None else None


def metadata_snapshot(item: EvidenceItem) -> dict[str, Any]:
    """The immutable facts of an item, as recorded in its `collected` custody entry."""
    return {
        "case_id": item.case_id,
        "kind": item.kind,
        "sha256": item.sha256,
        "size": item.size,
        "suffix": item.suffix,
        "filename": item.filename,
        "description": item.description,
        "camera_id": item.camera_id,
        "start": _iso(item.start),
        "end": _iso(item.end),
        "collected_by": item.collected_by,
        "collected_at": _iso(item.collected_at),
        "original_id": item.original_id,
        "derivation": item.derivation,
    }


# Cases ----------------------------------------------------------------------------------------------------


def create_case(
    session: Session,
    reference: str,
    title: str,
    actor: Actor,
    *,
    description: str = "",
    incident_ref: str = "",
) -> EvidenceCase:
    reference = reference.strip()
    if not reference:
        raise InvalidEvidenceInputError("reference", "must not be empty")
    if session.scalar(select(EvidenceCase.id).where(EvidenceCase.reference == reference)) is not None:
        raise InvalidEvidenceInputError("reference", f"case {reference!r} already exists")
    case = EvidenceCase(
        reference=reference,
        title=title,
        description=description,
        incident_ref=incident_ref,
        status=CASE_OPEN,
        created_by=actor.username,
        created_at=utcnow(),
    )
    session.add(case)
    session.flush()
    return case


def get_case(session: Session, case_id: int) -> EvidenceCase:
    return get_or_raise(session, EvidenceCase, case_id, EvidenceNotFoundError(f"no evidence case {case_id}"))


def find_case(session: Session, ref: str) -> EvidenceCase | None:
    """The case named by its reference ('FIR 123/2026'), or else by its id."""
    by_reference = session.scalar(select(EvidenceCase).where(EvidenceCase.reference == ref))
    if by_reference is not None or not ref.isdigit():
        return by_reference
    return session.get(EvidenceCase, int(ref))


def list_cases(session: Session) -> list[EvidenceCase]:
    return list(session.scalars(select(EvidenceCase).order_by(EvidenceCase.id)))


def set_case_status(session: Session, case: EvidenceCase, status: str, actor: Actor) -> EvidenceCase:
    """Close or reopen a case; its items' retention changes (open cases are never purged), so log it."""
    if status not in CASE_STATUSES:
        raise InvalidEvidenceInputError("status", f"must be one of {', '.join(CASE_STATUSES)}")
    if case.status == status:
        return case
    case.status = status
    case.closed_at = utcnow() if status == CASE_CLOSED else None
    for item in items_of_case(session, case.id):
        custody.record(
            session,
            item,
            CustodyAction.RETENTION_CHANGED,
            actor,
            case_ref=case.reference,
            details={"case_status": status},
        )
    return case


CASE_DETAIL_LIMITS = {"title": 200, "description": 10_000, "incident_ref": 128}


def update_case_details(
    session: Session,
    case: EvidenceCase,
    *,
    title: str | None = None,
    description: str | None = None,
    incident_ref: str | None = None,
) -> dict[str, dict[str, str]]:
    """Change the title, description or incident reference (None leaves a field alone).

    Returns what changed, `{field: {"from": old, "to": new}}`, for the audit log. The reference is not
    editable: custody entries cite it.
    """
    wanted = {"title": title, "description": description, "incident_ref": incident_ref}
    changes: dict[str, dict[str, str]] = {}
    for name, value in wanted.items():
        if value is None:
            continue
        value = value if name == "description" else value.strip()
        if name == "title" and not value:
            raise InvalidEvidenceInputError("title", "must not be empty")
        if len(value) > CASE_DETAIL_LIMITS[name]:
            raise InvalidEvidenceInputError(name, f"at most {CASE_DETAIL_LIMITS[name]} characters")
        old = str(getattr(case, name))
        if value != old:
            setattr(case, name, value)
            changes[name] = {"from": old, "to": value}
    return changes


# Items ----------------------------------------------------------------------------------------------------


def add_item(
    session: Session,
    media: MediaStore,
    sha256: str,
    metadata: ItemMetadata,
    actor: Actor,
    *,
    purpose: str = "",
    original: EvidenceItem | None = None,
    derivation: str = "",
    details: Mapping[str, Any] | None = None,
) -> EvidenceItem:
    """Take a file already in the media store into the vault (its hash is checked first)."""
    metadata.check()
    case_ref = ""
    if metadata.case_id is not None:
        try:
            case_ref = get_case(session, metadata.case_id).reference
        except EvidenceNotFoundError:
            raise InvalidEvidenceInputError("case_id", f"no case {metadata.case_id}") from None
    try:
        media.verify(sha256)
        path = media.path(sha256)
    except MediaNotFoundError:
        raise InvalidEvidenceInputError("media_sha256", f"no media with sha256 {sha256}") from None
    except MediaError as exc:
        raise InvalidEvidenceInputError("media_sha256", str(exc)) from exc
    item = EvidenceItem(
        case_id=metadata.case_id,
        kind=metadata.kind,
        sha256=sha256,
        size=path.stat().st_size,
        suffix=path.suffix.lower(),
        filename=metadata.filename,
        description=metadata.description,
        camera_id=metadata.camera_id,
        start=metadata.start,
        end=metadata.end,
        collected_by=actor.username,
        collected_at=utcnow(),
        original_id=original.id if original else None,
        derivation=derivation,
    )
    session.add(item)
    session.flush()
    custody.record(
        session,
        item,
        CustodyAction.COLLECTED,
        actor,
        purpose=purpose,
        case_ref=case_ref,
        details={"metadata": metadata_snapshot(item), **dict(details or {})},
    )
    return item


def add_upload(
    session: Session, media: MediaStore, stream: BinaryIO, metadata: ItemMetadata, actor: Actor, **kwargs: Any
) -> EvidenceItem:
    """Store an uploaded file and take it into the vault."""
    suffix = PurePath(metadata.filename).suffix[:9]
    try:
        ref = media.put_stream(stream, suffix)
    except MediaError as exc:
        raise InvalidEvidenceInputError("file", str(exc)) from exc
    return add_item(session, media, ref.sha256, metadata, actor, **kwargs)


def get_item(session: Session, item_id: int) -> EvidenceItem:
    return get_or_raise(session, EvidenceItem, item_id, EvidenceNotFoundError(f"no evidence item {item_id}"))


def items_of_case(session: Session, case_id: int) -> list[EvidenceItem]:
    return list(
        session.scalars(select(EvidenceItem).where(EvidenceItem.case_id == case_id).order_by(EvidenceItem.id))
    )


def list_items(session: Session, case_id: int | None = None) -> list[EvidenceItem]:
    query = select(EvidenceItem).order_by(EvidenceItem.id)
    if case_id is not None:
        query = query.where(EvidenceItem.case_id == case_id)
    return list(session.scalars(query))


def case_reference(session: Session, item: EvidenceItem) -> str:
    return get_case(session, item.case_id).reference if item.case_id is not None else ""
