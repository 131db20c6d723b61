"""The validation queue: a traffic officer accepts or rejects every automatic violation before a ticket
exists. Every decision is audited in the same transaction; rejection statistics show bad cameras/readers."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from typing import Any

from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.challan.errors import ConflictError
from safecity.challan.errors import InvalidRequestError
from safecity.challan.errors import NotFoundError
from safecity.challan.intake import check_registry
from safecity.challan.models import Ticket
from safecity.challan.models import Violation
from safecity.challan.registry import vehicle_matches
from safecity.challan.runtime import ChallanRuntime
from safecity.challan.tickets import existing_ticket_for
from safecity.challan.tickets import issue_ticket
from safecity.challan.vocabulary import Queue
from safecity.challan.vocabulary import RegistryStatus
from safecity.challan.vocabulary import RejectReason
from safecity.challan.vocabulary import ViolationStatus
from safecity.core.audit.actors import Actor
from safecity.core.audit.actors import audit_change
from safecity.core.bus import Event
from safecity.core.db import get_or_raise
from safecity.core.db import utcnow
from safecity.registries.keys import plate_lookup_key
from safecity.vision.plates.keys import plate_key

Officer = Actor  # who decides a violation: the logged-in officer or the CLI's user


@dataclass(frozen=True, slots=True)
class Decision:
    accept: bool
    reason: RejectReason | None = None
    plate: str | None = None  # the officer's reading of the plate from the evidence (corrects the reader)
    accept_vehicle_mismatch: bool = False  # the detector's class was wrong, the registry's is right
    note: str | None = None


@dataclass
class Outcome:
    violation: Violation
    ticket: Ticket | None = None
    message: str = ""
    events: list[Event] = field(default_factory=list)


def get_violation(session: Session, violation_id: str) -> Violation:
    return get_or_raise(session, Violation, violation_id, NotFoundError(f"no violation {violation_id}"))


def list_queue(
    session: Session,
    queue: Queue | None = Queue.VALIDATION,
    status: ViolationStatus | None = ViolationStatus.PENDING,
    camera_id: str | None = None,
    limit: int = 100,
) -> list[Violation]:
    query = select(Violation).order_by(Violation.occurred_at).limit(limit)
    if queue is not None:
        query = query.where(Violation.queue == queue.value)
    if status is not None:
        query = query.where(Violation.status == status.value)
    if camera_id:
        query = query.where(Violation.camera_id == camera_id)
    return list(session.scalars(query))


def decide(
    session: Session, runtime: ChallanRuntime, violation_id: str, decision: Decision, officer: Officer
) -> Outcome:
    violation = get_violation(session, violation_id)
    if violation.status != ViolationStatus.PENDING.value:
        raise ConflictError(f"violation {violation_id} is already {violation.status}")
    if decision.accept:
        outcome = _accept(session, runtime, violation, decision, officer)
    else:
        outcome = _reject(violation, decision, officer)
    _audit(session, officer, violation, decision, outcome)
    return outcome


def _reject(violation: Violation, decision: Decision, officer: Officer) -> Outcome:
    if decision.reason is None:
        raise InvalidRequestError("reason: a rejection needs a reason")
    _decided(violation, officer, ViolationStatus.REJECTED, decision)
    violation.reason = decision.reason.value
    return Outcome(violation, message=f"rejected: {decision.reason.value}")


def _accept(
    session: Session, runtime: ChallanRuntime, violation: Violation, decision: Decision, officer: Officer
) -> Outcome:
    from_registry_queue = violation.queue == Queue.REGISTRY.value
    if decision.plate:
        _correct_plate(violation, decision.plate)
    if violation.plate_key is None:
        raise ConflictError("the violation has no plate: give the plate as read from the evidence")
    check_registry(session, runtime, violation)
    record = runtime.registry.lookup(session, plate_lookup_key(violation.plate_key))
    if record is None:
        if from_registry_queue:
            raise ConflictError(f"plate {violation.plate_text} is not in the vehicle registry")
        violation.queue = Queue.REGISTRY.value
        return Outcome(violation, message="plate not in the vehicle registry: moved to the registry queue")
    if (
        not vehicle_matches(violation.object_class, record.vehicle_class)
        and not decision.accept_vehicle_mismatch
    ):
        violation.queue = Queue.REGISTRY.value
        return Outcome(
            violation,
            message=f"camera saw a {violation.object_class}, registry says {record.vehicle_class}: "
            "moved to the registry queue (accept with accept_vehicle_mismatch to confirm)",
        )
    violation.registry_status = RegistryStatus.OK.value
    duplicate = existing_ticket_for(session, runtime, violation)
    if duplicate is not None:
        _decided(violation, officer, ViolationStatus.DUPLICATE, decision)
        violation.duplicate_of = duplicate.violation_id
        return Outcome(violation, duplicate, message=f"already ticketed as {duplicate.number}")
    _decided(violation, officer, ViolationStatus.ACCEPTED, decision)
    ticket, event = issue_ticket(session, runtime, violation, record, officer.username)
    return Outcome(violation, ticket, message=f"ticket {ticket.number} issued", events=[event])


def _correct_plate(violation: Violation, plate: str) -> None:
    try:
        key = plate_key(plate)
    except ValueError as error:
        raise InvalidRequestError(f"plate: {error}") from error
    if violation.plate_key != key.key:
        violation.details = {**violation.details, "plate_read_by_camera": violation.plate_text}
        violation.plate_text = plate.strip().upper()
        violation.plate_key = key.key


def _decided(violation: Violation, officer: Officer, status: ViolationStatus, decision: Decision) -> None:
    violation.status = status.value
    violation.decided_by = officer.username
    violation.decided_at = utcnow()
    violation.note = decision.note


def _audit(
    session: Session, officer: Officer, violation: Violation, decision: Decision, outcome: Outcome
) -> None:
    details: dict[str, Any] = {
        "decision": "accept" if decision.accept else "reject",
        "result": violation.status if violation.status != ViolationStatus.PENDING.value else violation.queue,
        "violation_type": violation.violation_type,
        "camera_id": violation.camera_id,
        "plate": violation.plate_text,
    }
    if decision.reason:
        details["reason"] = decision.reason.value
    if decision.plate:
        details["plate_entered"] = decision.plate
    if decision.note:
        details["note"] = decision.note
    if outcome.ticket is not None:
        details["ticket"] = outcome.ticket.number
    action = f"challan.violation.{'accept' if decision.accept else 'reject'}"
    audit_change(session, officer, action, "challan_violation", violation.id, details)


@dataclass
class CameraStats:
    camera_id: str
    accepted: int = 0
    rejected: int = 0
    duplicates: int = 0
    by_reason: dict[str, int] = field(default_factory=dict)

    @property
    def rejection_rate(self) -> float:
        decided = self.accepted + self.rejected
        return round(self.rejected / decided, 3) if decided else 0.0


def rejection_stats(
    session: Session, since: datetime | None = None
) -> tuple[list[CameraStats], dict[str, int]]:
    """Per camera: accepted, rejected (by reason), duplicates; and rejections per reason overall."""
    query = (
        select(Violation.camera_id, Violation.status, Violation.reason, func.count())
        .where(Violation.status != ViolationStatus.PENDING.value)
        .group_by(Violation.camera_id, Violation.status, Violation.reason)
    )
    if since is not None:
        query = query.where(Violation.decided_at >= since)
    cameras: dict[str, CameraStats] = {}
    by_reason: dict[str, int] = {}
    for camera_id, status, reason, count in session.execute(query):
        stats = cameras.setdefault(camera_id, CameraStats(camera_id))
        if status == ViolationStatus.ACCEPTED.value:
            stats.accepted += count
        elif status == ViolationStatus.DUPLICATE.value:
            stats.duplicates += count
        elif status == ViolationStatus.REJECTED.value:
            stats.rejected += count
            label = reason or RejectReason.OTHER.value
            stats.by_reason[label] = stats.by_reason.get(label, 0) + count
            by_reason[label] = by_reason.get(label, 0) + count
    ordered = sorted(cameras.values(), key=lambda s: (-s.rejection_rate, -s.rejected, s.camera_id))
    return ordered, dict(sorted(by_reason.items(), key=lambda item: -item[1]))
