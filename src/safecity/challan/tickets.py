"""Tickets: issue from an accepted violation, state changes, the due-date sweep, lookups, repeat offenders."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from datetime import timedelta

from sqlalchemy import case
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.orm import Session

from safecity.challan.errors import ConflictError
from safecity.challan.errors import NotFoundError
from safecity.challan.events import TicketIssuedEvent
from safecity.challan.events import derived_id
from safecity.challan.evidence import evidence_of
from safecity.challan.models import Ticket
from safecity.challan.models import Violation
from safecity.challan.offences import same_offence
from safecity.challan.runtime import ChallanRuntime
from safecity.challan.vocabulary import TRANSITIONS
from safecity.challan.vocabulary import UNPAID
from safecity.challan.vocabulary import TicketStatus
from safecity.core.db import utcnow
from safecity.core.db import where_given
from safecity.registries.records import VehicleRecord

_NUMBER_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no I, O, 0, 1: read aloud and typed safely
TICKET_NUMBER_PATTERN = r"^EC\d{6}-[A-HJ-NP-Z2-9]{8}$"


def new_ticket_number(now: datetime) -> str:
    """`EC250301-7K3M9QXD`: the issue date and 8 random characters (not guessable, unlike a counter)."""
    return f"EC{now:%y%m%d}-" + "".join(secrets.choice(_NUMBER_ALPHABET) for _ in range(8))


def issue_ticket(
    session: Session,
    runtime: ChallanRuntime,
    violation: Violation,
    record: VehicleRecord,
    issued_by: str,
    now: datetime | None = None,
) -> tuple[Ticket, TicketIssuedEvent]:
    now = now or utcnow()
    fine = runtime.fines.amount(violation.violation_type, record.vehicle_class)
    ticket = Ticket(
        number=new_ticket_number(now),
        violation_id=violation.id,
        violation_type=violation.violation_type,
        camera_id=violation.camera_id,
        occurred_at=violation.occurred_at,
        plate_text=record.plate_text,
        plate_key=record.plate_key,
        vehicle_class=record.vehicle_class,
        owner_name=record.owner_name,
        owner_cnic=record.owner_cnic,
        fine_minor=fine,
        currency=runtime.fines.currency,
        issued_at=now,
        due_at=now + timedelta(days=runtime.settings.due_days),
        status=TicketStatus.ISSUED.value,
        issued_by=issued_by,
        updated_at=now,
    )
    session.add(ticket)
    session.flush()
    if runtime.archive is not None:
        runtime.archive.archive(session, ticket, evidence_of(session, violation.id))
    event = TicketIssuedEvent(
        id=derived_id("ticket", ticket.number),
        time=now,
        camera_id=ticket.camera_id,
        source="challan",
        ticket_number=ticket.number,
        violation_id=violation.id,
        violation_type=ticket.violation_type,
        plate=ticket.plate_text,
        fine_minor=ticket.fine_minor,
        currency=ticket.currency,
        due_at=ticket.due_at,
    )
    return ticket, event


def existing_ticket_for(session: Session, runtime: ChallanRuntime, violation: Violation) -> Ticket | None:
    """A ticket already issued for the same plate, violation and camera within the dedup window."""
    if violation.plate_key is None:
        return None
    return session.scalar(
        select(Ticket)
        .where(
            *same_offence(Ticket, violation, runtime.settings),
            Ticket.status != TicketStatus.CANCELLED.value,
        )
        .limit(1)
    )


def get_ticket(session: Session, number: str) -> Ticket:
    ticket = session.scalar(select(Ticket).where(Ticket.number == number))
    if ticket is None:
        raise NotFoundError(f"no ticket {number}")
    return ticket


def change_status(session: Session, ticket: Ticket, status: TicketStatus, reason: str | None) -> None:
    """Move a ticket along the allowed transitions (`paid` only through payments, `overdue` by the sweep)."""
    current = TicketStatus(ticket.status)
    if status not in TRANSITIONS[current]:
        raise ConflictError(f"ticket {ticket.number} is {current.value}; it cannot become {status.value}")
    now = utcnow()
    ticket.status = status.value
    ticket.status_reason = reason
    ticket.updated_at = now
    if status is TicketStatus.DELIVERED and ticket.delivered_at is None:
        ticket.delivered_at = now


def mark_overdue(session: Session, now: datetime | None = None) -> int:
    """Issued or delivered tickets past their due date become overdue; returns how many."""
    now = now or utcnow()
    result = session.execute(
        update(Ticket)
        .where(
            Ticket.status.in_([TicketStatus.ISSUED.value, TicketStatus.DELIVERED.value]),
            Ticket.due_at < now,
        )
        .values(status=TicketStatus.OVERDUE.value, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def list_tickets(
    session: Session, status: str | None = None, plate_key: str | None = None, limit: int = 100
) -> list[Ticket]:
    query = where_given(select(Ticket), (Ticket.status, status), (Ticket.plate_key, plate_key))
    return list(session.scalars(query.order_by(Ticket.issued_at.desc()).limit(limit)))


def lookup(session: Session, plate_key: str, cnic: str) -> list[Ticket]:
    """The public lookup: tickets of a plate, only when the owner's CNIC matches too."""
    query = (
        select(Ticket)
        .where(Ticket.plate_key == plate_key, Ticket.owner_cnic == cnic)
        .order_by(Ticket.issued_at.desc())
    )
    return list(session.scalars(query))


@dataclass(frozen=True, slots=True)
class Offender:
    plate: str
    tickets: int
    unpaid: int
    unpaid_minor: int
    last_at: datetime


def repeat_offenders(session: Session, min_tickets: int = 2, since: datetime | None = None) -> list[Offender]:
    unpaid = [status.value for status in UNPAID]
    is_unpaid = Ticket.status.in_(unpaid)
    query = (
        select(
            Ticket.plate_key,
            func.max(Ticket.plate_text),
            func.count(Ticket.id),
            func.sum(case((is_unpaid, 1), else_=0)),
            func.sum(case((is_unpaid, Ticket.fine_minor), else_=0)),
            func.max(Ticket.occurred_at),
        )
        .where(Ticket.status != TicketStatus.CANCELLED.value)
        .group_by(Ticket.plate_key)
        .having(func.count(Ticket.id) >= min_tickets)
    )
    if since is not None:
        query = query.where(Ticket.occurred_at >= since)
    offenders = []
    for _key, plate, count, unpaid_count, owed, last_at in session.execute(query):
        offenders.append(Offender(plate, int(count), int(unpaid_count or 0), int(owed or 0), last_at))
    return sorted(offenders, key=lambda o: (-o.tickets, -o.unpaid_minor, o.plate))
