"""Payment notifications from banks / ePay: HMAC-authenticated, idempotent by the sender's key.

A replayed notification (same idempotency key, same body) answers with the payment already recorded and
never pays twice; the same key with a different body is a conflict. The amount must equal the fine.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from decimal import Decimal

from pydantic import AwareDatetime
from pydantic import BaseModel
from pydantic import Field
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from safecity.challan.errors import ConflictError
from safecity.challan.errors import InvalidRequestError
from safecity.challan.fines import format_minor
from safecity.challan.fines import to_minor
from safecity.challan.models import Payment
from safecity.challan.models import Ticket
from safecity.challan.tickets import get_ticket
from safecity.challan.vocabulary import TicketStatus
from safecity.core.db import utcnow

SIGNATURE_HEADER = "X-Safecity-Signature"
SIGNATURE_PREFIX = "sha256="


class PaymentNotice(BaseModel):
    idempotency_key: str = Field(min_length=8, max_length=200)
    ticket_number: str = Field(min_length=1, max_length=32)
    amount: Decimal = Field(description='In major units, e.g. 2000 or "2000.00".')
    currency: str = Field("PKR", min_length=3, max_length=3)
    provider: str = Field(min_length=1, max_length=64)
    reference: str = Field(min_length=1, max_length=200)
    paid_at: AwareDatetime


def sign(secret: str, body: bytes) -> str:
    return SIGNATURE_PREFIX + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def signature_valid(secret: str, body: bytes, header: str | None) -> bool:
    return header is not None and hmac.compare_digest(sign(secret, body), header.strip())


@dataclass(frozen=True, slots=True)
class PaymentResult:
    payment: Payment
    ticket: Ticket
    replayed: bool


def record_payment(session: Session, notice: PaymentNotice, body: bytes) -> PaymentResult:
    request_sha = hashlib.sha256(body).hexdigest()
    previous = _by_key(session, notice.idempotency_key)
    if previous is not None:
        return _replay(session, previous, request_sha)
    ticket = get_ticket(session, notice.ticket_number)
    amount = _amount(notice, ticket)
    if ticket.status == TicketStatus.PAID.value:
        raise ConflictError(f"ticket {ticket.number} is already paid")
    if ticket.status == TicketStatus.CANCELLED.value:
        raise ConflictError(f"ticket {ticket.number} is cancelled")
    now = utcnow()
    payment = Payment(
        idempotency_key=notice.idempotency_key,
        ticket_id=ticket.id,
        amount_minor=amount,
        currency=notice.currency.upper(),
        provider=notice.provider,
        reference=notice.reference,
        paid_at=notice.paid_at,
        received_at=now,
        request_sha256=request_sha,
    )
    try:
        with session.begin_nested():
            session.add(payment)
    except IntegrityError:
        # Another node stored the same notification a moment ago.
        raced = _by_key(session, notice.idempotency_key)
        if raced is None:
            raise
        return _replay(session, raced, request_sha)
    ticket.status = TicketStatus.PAID.value
    ticket.paid_at = notice.paid_at
    ticket.updated_at = now
    return PaymentResult(payment, ticket, replayed=False)


def _by_key(session: Session, key: str) -> Payment | None:
    return session.scalar(select(Payment).where(Payment.idempotency_key == key))


def _replay(session: Session, payment: Payment, request_sha: str) -> PaymentResult:
    if payment.request_sha256 != request_sha:
        raise ConflictError("idempotency_key was already used for a different notification")
    ticket = session.get(Ticket, payment.ticket_id)
    assert ticket is not None
    return PaymentResult(payment, ticket, replayed=True)


def _amount(notice: PaymentNotice, ticket: Ticket) -> int:
    try:
        amount = to_minor(notice.amount)
    except ValueError as error:
        raise InvalidRequestError(f"amount: {error}") from error
    if notice.currency.upper() != ticket.currency:
        raise InvalidRequestError(f"currency: expected {ticket.currency}, got {notice.currency}")
    if amount != ticket.fine_minor:
        raise InvalidRequestError(
            f"amount: {format_minor(amount)} does not match the fine of {format_minor(ticket.fine_minor)}"
        )
    return amount
