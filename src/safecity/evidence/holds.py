"""Legal holds and what they protect.

A hold covers a whole case, one item, or a camera's recordings over a time range (open-ended when `end` is
empty; every camera when `camera_id` is empty; a camera hold may name the case it keeps footage for). Held
data is never deleted: the retention sweeper skips it and `HoldChecker.is_held` is the hook for
`safecity.video.retention.apply_retention`. Items of an open case are protected too, and so is the recorded
footage such an item was cut from.
"""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from typing import Any

from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.core.audit.actors import Actor
from safecity.core.db import Database
from safecity.core.db import utcnow
from safecity.evidence import custody
from safecity.evidence.custody import CustodyAction
from safecity.evidence.errors import EvidenceError
from safecity.evidence.errors import EvidenceNotFoundError
from safecity.evidence.errors import InvalidEvidenceInputError
from safecity.evidence.models import CASE_OPEN
from safecity.evidence.models import ITEM_PURGED
from safecity.evidence.models import EvidenceCase
from safecity.evidence.models import EvidenceItem
from safecity.evidence.models import LegalHold
from safecity.evidence.vault import get_case
from safecity.evidence.vault import get_item

HOLD_SCOPES = ("case", "item", "camera")


def place_hold(
    session: Session,
    actor: Actor,
    *,
    scope: str,
    reason: str,
    case_id: int | None = None,
    item_id: int | None = None,
    camera_id: str | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
    case_ref: str = "",
) -> LegalHold:
    if scope not in HOLD_SCOPES:
        raise InvalidEvidenceInputError("scope", f"must be one of {', '.join(HOLD_SCOPES)}")
    if not reason.strip():
        raise InvalidEvidenceInputError("reason", "a legal hold needs a reason")
    if scope == "case":
        if case_id is None:
            raise InvalidEvidenceInputError("case_id", "required for a case hold")
        _exists(lambda: get_case(session, case_id), "case_id")
    if scope == "item":
        if item_id is None:
            raise InvalidEvidenceInputError("item_id", "required for an item hold")
        _exists(lambda: get_item(session, item_id), "item_id")
    if scope == "camera":
        if case_id is not None:  # footage kept for a case (e.g. the segments an exported clip was cut from)
            _exists(lambda: get_case(session, case_id), "case_id")
        for name, value in (("start", start), ("end", end)):
            if value is not None and value.tzinfo is None:
                raise InvalidEvidenceInputError(name, "needs a timezone")
        if start and end and end <= start:
            raise InvalidEvidenceInputError("end", "must be after start")
    hold = LegalHold(
        scope=scope,
        case_id=case_id if scope in ("case", "camera") else None,
        item_id=item_id if scope == "item" else None,
        camera_id=camera_id if scope == "camera" else None,
        start=start if scope == "camera" else None,
        end=end if scope == "camera" else None,
        reason=reason.strip(),
        case_ref=case_ref,
        created_by=actor.username,
        created_at=utcnow(),
    )
    session.add(hold)
    session.flush()
    _log_retention_change(session, hold, actor, "placed")
    return hold


def release_hold(session: Session, hold_id: int, actor: Actor, reason: str) -> LegalHold:
    """Lift a hold, saying why; the reason is kept on the hold and in the custody of every item it covered.

    A hold is released once: releasing it again is an `EvidenceError` (its first release reason stands).
    The row is locked first (PostgreSQL), so of two concurrent releases the second sees the first.
    """
    hold = session.get(LegalHold, hold_id, with_for_update=True)
    if hold is None:
        raise EvidenceNotFoundError(f"no legal hold {hold_id}")
    reason = reason.strip()
    if len(reason) < 3:
        raise InvalidEvidenceInputError("reason", "releasing a hold needs a reason (at least 3 characters)")
    if hold.released_at is not None:
        raise EvidenceError(
            f"legal hold {hold_id} was already released by {hold.released_by} at "
            f"{hold.released_at.isoformat(timespec='seconds')}"
        )
    hold.released_at = utcnow()
    hold.released_by = actor.username
    hold.release_reason = reason
    _log_retention_change(session, hold, actor, "released")
    return hold


def active_holds(session: Session) -> list[LegalHold]:
    return list(
        session.scalars(select(LegalHold).where(LegalHold.released_at.is_(None)).order_by(LegalHold.id))
    )


def list_holds(session: Session, *, include_released: bool = False) -> list[LegalHold]:
    query = select(LegalHold).order_by(LegalHold.id)
    if not include_released:
        query = query.where(LegalHold.released_at.is_(None))
    return list(session.scalars(query))


def _overlaps(hold: LegalHold, camera_id: str | None, start: datetime | None, end: datetime | None) -> bool:
    if hold.scope != "camera" or camera_id is None:
        return False
    if hold.camera_id is not None and hold.camera_id != camera_id:
        return False
    low = start or end
    high = end or start
    if low is None or high is None:
        return hold.start is None and hold.end is None  # an item without times: only a whole-camera hold
    return (hold.end is None or low < hold.end) and (hold.start is None or high >= hold.start)


def protection(session: Session, item: EvidenceItem, holds: list[LegalHold] | None = None) -> str | None:
    """Why `item` must be kept ("open case", "legal hold 3"), or None when retention may delete it."""
    if item.case_id is not None:
        case = session.get(EvidenceCase, item.case_id)
        if case is not None and case.status == CASE_OPEN:
            return f"open case {case.reference}"
    for hold in active_holds(session) if holds is None else holds:
        if (
            (hold.scope == "item" and hold.item_id == item.id)
            or (hold.scope == "case" and hold.case_id is not None and hold.case_id == item.case_id)
            or _overlaps(hold, item.camera_id, item.start, item.end)
        ):
            return f"legal hold {hold.id}"
    return None


def affected_items(session: Session, hold: LegalHold) -> list[EvidenceItem]:
    query = select(EvidenceItem).where(EvidenceItem.status != ITEM_PURGED)
    if hold.scope == "item":
        query = query.where(EvidenceItem.id == hold.item_id)
    elif hold.scope == "case":
        query = query.where(EvidenceItem.case_id == hold.case_id)
    else:
        query = query.where(EvidenceItem.camera_id.is_not(None))
        if hold.camera_id is not None:
            query = query.where(EvidenceItem.camera_id == hold.camera_id)
    items = list(session.scalars(query.order_by(EvidenceItem.id)))
    if hold.scope == "camera":
        items = [item for item in items if _overlaps(hold, item.camera_id, item.start, item.end)]
    return items


def _log_retention_change(session: Session, hold: LegalHold, actor: Actor, change: str) -> None:
    details: dict[str, Any] = {"legal_hold": hold.id, "change": change, "reason": hold.reason}
    if hold.release_reason is not None:
        details["release_reason"] = hold.release_reason
    for item in affected_items(session, hold):
        custody.record(
            session, item, CustodyAction.RETENTION_CHANGED, actor, case_ref=hold.case_ref, details=details
        )


def _exists(getter: Any, field: str) -> None:
    try:
        getter()
    except EvidenceNotFoundError as exc:
        raise InvalidEvidenceInputError(field, str(exc)) from None


def _utc(epoch: float) -> datetime:
    return datetime.fromtimestamp(epoch, UTC)


class HoldChecker:
    """`is_held(camera_id, start, end)` for the recorder's retention: any active hold on that camera and
    time, or an item of an open case (or under a hold) cut from that camera and time."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def is_held(self, camera_id: str, start: float, end: float) -> bool:
        with self.database.session() as session:
            return held_in(session, camera_id, start, end)


def held_in(session: Session, camera_id: str, start: float, end: float) -> bool:
    """`HoldChecker.is_held` inside a transaction the caller already has open (SQLite cannot nest one)."""
    low, high = _utc(start), _utc(end)
    camera_hold = session.scalar(
        select(LegalHold.id)
        .where(
            LegalHold.released_at.is_(None),
            LegalHold.scope == "camera",
            or_(LegalHold.camera_id.is_(None), LegalHold.camera_id == camera_id),
            or_(LegalHold.start.is_(None), LegalHold.start <= high),
            or_(LegalHold.end.is_(None), LegalHold.end > low),
        )
        .limit(1)
    )
    if camera_hold is not None:
        return True
    items = session.scalars(
        select(EvidenceItem).where(
            EvidenceItem.camera_id == camera_id,
            EvidenceItem.status != ITEM_PURGED,
            EvidenceItem.start <= high,
            EvidenceItem.end >= low,
        )
    )
    holds = active_holds(session)
    return any(protection(session, item, holds) is not None for item in items)
