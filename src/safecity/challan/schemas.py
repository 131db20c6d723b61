"""Request and response bodies of the e-challan API."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from typing import Any
from typing import Literal

from pydantic import AwareDatetime
from pydantic import BaseModel
from pydantic import Field
from pydantic import model_validator

from safecity.challan.fines import format_minor
from safecity.challan.models import Ticket
from safecity.challan.models import Violation
from safecity.challan.models import ViolationEvidence
from safecity.challan.vocabulary import RejectReason
from safecity.challan.vocabulary import TicketStatus
from safecity.core.http.outputs import from_row
from safecity.core.http.parameter_types import RefuseNumbers
from safecity.pipeline.rules.traffic_config import SignalPhase


class EvidenceOut(BaseModel):
    kind: str
    sha256: str
    captured_at: datetime | None
    camera_id: str | None
    url: str

    @classmethod
    def of(cls, item: ViolationEvidence) -> EvidenceOut:
        return from_row(cls, item, url=f"/api/v1/media/{item.sha256}")


class ViolationOut(BaseModel):
    id: str
    violation_type: str
    camera_id: str
    occurred_at: datetime
    track_id: str | None
    object_class: str | None
    latitude: float | None
    longitude: float | None
    measured_kmh: float | None
    limit_kmh: float | None
    signal_phase: str | None
    plate: str | None
    plate_confidence: float | None
    queue: str
    status: str
    registry_status: str
    duplicate_of: str | None
    decided_by: str | None
    decided_at: datetime | None
    reason: str | None
    note: str | None
    details: dict[str, Any]
    clip_status: str | None = Field(
        None, description="pending | attached | unavailable (none: from before clips, or clips are off)."
    )
    clip_reason: str | None = Field(
        None, description="Why the clip is unavailable, partial, or still pending."
    )
    clip_attempts: int = 0
    evidence: list[EvidenceOut] = Field(default_factory=list)

    @classmethod
    def of(cls, violation: Violation, evidence: list[ViolationEvidence] | None = None) -> ViolationOut:
        return from_row(
            cls,
            violation,
            plate=violation.plate_text,
            clip_attempts=violation.clip_attempts or 0,
            evidence=[EvidenceOut.of(item) for item in evidence or []],
        )


class DecisionIn(BaseModel):
    decision: Literal["accept", "reject"]
    reason: RejectReason | None = Field(None, description="Required for a rejection.")
    plate: str | None = Field(
        None, min_length=2, max_length=32, description="The plate as the officer reads it."
    )
    accept_vehicle_mismatch: bool = False
    note: str | None = Field(None, max_length=2000)

    @model_validator(mode="after")
    def _reason_for_rejection(self) -> DecisionIn:
        if self.decision == "reject" and self.reason is None:
            raise ValueError("reason is required to reject a violation")
        return self


def verify_path(number: str) -> str:
    """Where anyone can check that a ticket is genuine (the QR code on the PDF opens it)."""
    return f"/api/v1/public/challan/verify/{number}"


class TicketOut(BaseModel):
    number: str
    violation_id: str
    violation_type: str
    camera_id: str
    occurred_at: datetime
    plate: str
    vehicle_class: str
    fine: str
    fine_minor: int
    currency: str
    issued_at: datetime
    due_at: datetime
    status: str
    status_reason: str | None
    paid_at: datetime | None
    verify_url: str

    @classmethod
    def of(cls, ticket: Ticket) -> TicketOut:
        return from_row(
            cls,
            ticket,
            plate=ticket.plate_text,
            fine=format_minor(ticket.fine_minor),
            verify_url=verify_path(ticket.number),
        )


class DecisionOut(BaseModel):
    violation: ViolationOut
    ticket: TicketOut | None
    message: str


class StatusIn(BaseModel):
    status: Literal[TicketStatus.DELIVERED, TicketStatus.CONTESTED, TicketStatus.CANCELLED]
    reason: str | None = Field(None, max_length=2000)

    @model_validator(mode="after")
    def _reason_needed(self) -> StatusIn:
        if self.status in (TicketStatus.CONTESTED, TicketStatus.CANCELLED) and not self.reason:
            raise ValueError(f"reason is required to mark a ticket {self.status.value}")
        return self


class PhaseIn(BaseModel):
    phase: SignalPhase
    changed_at: Annotated[AwareDatetime, RefuseNumbers] | None = Field(
        None, description="When the phase began (default: now)."
    )


class OffenderOut(BaseModel):
    plate: str
    tickets: int
    unpaid: int
    unpaid_amount: str
    last_at: datetime


class CameraStatsOut(BaseModel):
    camera_id: str
    accepted: int
    rejected: int
    duplicates: int
    rejection_rate: float
    by_reason: dict[str, int]


class RejectionStatsOut(BaseModel):
    by_camera: list[CameraStatsOut]
    by_reason: dict[str, int]


class PaymentOut(BaseModel):
    ticket_number: str
    ticket_status: str
    amount: str
    currency: str
    reference: str
    replayed: bool


class PublicTicketOut(BaseModel):
    number: str
    violation_type: str
    occurred_at: datetime
    camera_id: str
    fine: str
    currency: str
    due_at: datetime
    status: str
    verify_url: str
