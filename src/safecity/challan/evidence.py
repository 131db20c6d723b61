"""Evidence per violation: files in the content-addressed media store, listed by kind with their hashes.

Two integration points, both optional on `ChallanRuntime`:

- `ContextCollector`: context frames before / at / after (stored in the media store; returns the hashes).
  The camera worker does this itself: it keeps a short ring of analysed frames per enforcement camera and
  puts the before / at / after hashes in the rule event's payload (`context_payload`), which the `challan`
  consumer files as evidence (`add_payload_context`), so the worker may run in another process.
- `EvidenceArchive`: called when a ticket is issued, to file the violation's evidence in the evidence vault
  (`safecity.evidence.vault`) under the ticket number, so custody and retention rules apply to it.

The short clip cut from the camera's recordings (`EvidenceKind.CLIP`) is filed later by
`safecity.challan.clips`: the segment holding the violation's end is usually still being written when it is
detected.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.challan.models import Ticket
from safecity.challan.models import Violation
from safecity.challan.models import ViolationEvidence
from safecity.core.db import utcnow


class EvidenceKind(StrEnum):
    SNAPSHOT = "snapshot"  # the frame at the violation (from the rule event)
    PLATE_CROP = "plate_crop"
    PLATE_SNAPSHOT = "plate_snapshot"
    CONTEXT_BEFORE = "context_before"
    CONTEXT_AT = "context_at"
    CONTEXT_AFTER = "context_after"
    CLIP = "clip"
    VEHICLE_CROP = "vehicle_crop"  # the crop a helmet / seat-belt classifier judged
    ENTRY_PLATE_CROP = "entry_plate_crop"  # section control: the read at the first camera
    EXIT_PLATE_CROP = "exit_plate_crop"


# The order images appear on the ticket PDF.
PDF_ORDER = (
    EvidenceKind.CONTEXT_BEFORE,
    EvidenceKind.SNAPSHOT,
    EvidenceKind.CONTEXT_AT,
    EvidenceKind.CONTEXT_AFTER,
    EvidenceKind.VEHICLE_CROP,
    EvidenceKind.ENTRY_PLATE_CROP,
    EvidenceKind.EXIT_PLATE_CROP,
    EvidenceKind.PLATE_CROP,
    EvidenceKind.PLATE_SNAPSHOT,
)


@dataclass(frozen=True, slots=True)
class CollectedMedia:
    kind: EvidenceKind
    sha256: str
    captured_at: datetime | None = None


class ContextCollector(Protocol):
    def collect(self, camera_id: str, at: datetime) -> list[CollectedMedia]: ...


class EvidenceArchive(Protocol):
    def archive(self, session: Session, ticket: Ticket, evidence: list[ViolationEvidence]) -> None: ...


def add_evidence(
    session: Session,
    violation: Violation,
    kind: EvidenceKind,
    sha256: str | None,
    captured_at: datetime | None = None,
    camera_id: str | None = None,
) -> None:
    """Record one file (no-op without a hash or when already recorded)."""
    if not sha256:
        return
    existing = session.scalar(
        select(ViolationEvidence.id).where(
            ViolationEvidence.violation_id == violation.id,
            ViolationEvidence.kind == kind.value,
            ViolationEvidence.sha256 == sha256,
        )
    )
    if existing is not None:
        return
    session.add(
        ViolationEvidence(
            violation_id=violation.id,
            kind=kind.value,
            sha256=sha256,
            captured_at=captured_at,
            camera_id=camera_id or violation.camera_id,
            created_at=utcnow(),
        )
    )


def evidence_of(session: Session, violation_id: str) -> list[ViolationEvidence]:
    rows = session.scalars(select(ViolationEvidence).where(ViolationEvidence.violation_id == violation_id))
    return sorted(rows, key=lambda row: (row.captured_at or row.created_at, row.id))


CONTEXT_KINDS = (EvidenceKind.CONTEXT_BEFORE, EvidenceKind.CONTEXT_AT, EvidenceKind.CONTEXT_AFTER)


def context_payload(items: list[CollectedMedia]) -> dict[str, str]:
    """Rule-event payload fields for context frames: `<kind>_sha256` and `<kind>_time` (ISO 8601)."""
    fields: dict[str, str] = {}
    for item in items:
        if item.kind in CONTEXT_KINDS:
            fields[f"{item.kind.value}_sha256"] = item.sha256
            if item.captured_at is not None:
                fields[f"{item.kind.value}_time"] = item.captured_at.isoformat()
    return fields


def context_from_payload(payload: Mapping[str, Any]) -> list[CollectedMedia]:
    """The context frames a rule event's payload names (see `context_payload`)."""
    items: list[CollectedMedia] = []
    for kind in CONTEXT_KINDS:
        sha256 = payload.get(f"{kind.value}_sha256")
        if not isinstance(sha256, str) or not sha256:
            continue
        captured = payload.get(f"{kind.value}_time")
        try:
            captured_at = datetime.fromisoformat(captured) if isinstance(captured, str) else None
        except ValueError:
            captured_at = None
        items.append(CollectedMedia(kind, sha256, captured_at))
    return items


def add_payload_context(session: Session, source_key: str, payload: Mapping[str, Any]) -> None:
    """File the context frames named in a rule event's payload on the violation it produced (if any)."""
    items = context_from_payload(payload)
    if not items:
        return
    violation = session.scalar(select(Violation).where(Violation.source_key == source_key))
    if violation is None:
        return
    for item in items:
        add_evidence(session, violation, item.kind, item.sha256, item.captured_at)
