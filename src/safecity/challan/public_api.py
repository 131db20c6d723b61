"""Routes without a login: the payment webhook (HMAC-signed), the citizens' lookup (plate + CNIC, rate
limited) and the verification page the ticket's QR code opens."""

from __future__ import annotations

from html import escape
from typing import Annotated

from fastapi import APIRouter
from fastapi import Header
from fastapi import HTTPException
from fastapi import Query
from fastapi import Request
from fastapi import status
from fastapi.responses import HTMLResponse
from pydantic import ValidationError

from safecity.challan import tickets as ticket_service
from safecity.challan.evidence import evidence_of
from safecity.challan.fines import format_minor
from safecity.challan.payments import SIGNATURE_HEADER
from safecity.challan.payments import PaymentNotice
from safecity.challan.payments import record_payment
from safecity.challan.payments import signature_valid
from safecity.challan.runtime import ChallanRuntimeDep
from safecity.challan.schemas import PaymentOut
from safecity.challan.schemas import PublicTicketOut
from safecity.challan.schemas import verify_path
from safecity.challan.tickets import TICKET_NUMBER_PATTERN
from safecity.core.cnic import normalize_cnic
from safecity.core.errors import InvalidInputError
from safecity.core.errors import NotFoundError
from safecity.core.http.deps import ServicesDep
from safecity.core.http.outputs import from_row
from safecity.core.http.security import client_address
from safecity.vision.plates.keys import plate_key

payments_router = APIRouter(prefix="/api/v1/challan/payments", tags=["e-challan payments"])
public_router = APIRouter(prefix="/api/v1/public/challan", tags=["e-challan public"])
MAX_NOTICE_BYTES = 64 * 1024


@payments_router.post(
    "/webhook",
    response_model=PaymentOut,
    responses={
        400: {"description": "Bad amount or currency"},
        401: {"description": "Missing or wrong signature"},
        409: {"description": "Already paid, cancelled, or the key was used for another notification"},
        503: {"description": "No webhook secret configured"},
    },
)
async def payment_webhook(
    request: Request,
    services: ServicesDep,
    signature: Annotated[str | None, Header(alias=SIGNATURE_HEADER)] = None,
) -> PaymentOut:
    secret = services.settings.challan.webhook_secret
    if not secret:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, "the payment webhook is not configured")
    body = await request.body()
    if len(body) > MAX_NOTICE_BYTES:
        raise HTTPException(status.HTTP_413_REQUEST_ENTITY_TOO_LARGE, "notification too large")
    if not signature_valid(secret, body, signature):
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, f"{SIGNATURE_HEADER}: missing or invalid signature")
    try:
        notice = PaymentNotice.model_validate_json(body)
    except ValidationError as error:
        detail = [
            {"loc": ["body", *issue["loc"]], "msg": issue["msg"], "type": issue["type"]}
            for issue in error.errors()
        ]
        raise HTTPException(422, detail) from error
    with services.database.session() as session:
        result = record_payment(session, notice, body)
        return PaymentOut(
            ticket_number=result.ticket.number,
            ticket_status=result.ticket.status,
            amount=format_minor(result.payment.amount_minor),
            currency=result.payment.currency,
            reference=result.payment.reference,
            replayed=result.replayed,
        )


@public_router.get(
    "/lookup",
    response_model=list[PublicTicketOut],
    responses={429: {"description": "Too many lookups; see Retry-After"}},
    summary="A vehicle's tickets, for its owner (plate and the owner's CNIC)",
)
def lookup(
    request: Request,
    services: ServicesDep,
    runtime: ChallanRuntimeDep,
    plate: Annotated[str, Query(min_length=2, max_length=32)],
    cnic: Annotated[str, Query(min_length=13, max_length=15)],
) -> list[PublicTicketOut]:
    try:
        key = plate_key(plate).key
    except ValueError as error:
        raise InvalidInputError(str(error), field="plate", location="query") from error
    try:
        owner = normalize_cnic(cnic)
    except ValueError as error:
        raise InvalidInputError(str(error), field="cnic", location="query") from error
    limiter = runtime.lookup_limiter
    keys = (f"challan-lookup:ip:{client_address(request)}", f"challan-lookup:plate:{key}")
    if not limiter.hit(*keys):
        retry = limiter.retry_after(*keys)
        raise HTTPException(
            status.HTTP_429_TOO_MANY_REQUESTS, "too many lookups", {"Retry-After": str(retry)}
        )
    with services.database.session() as session:
        ticket_service.mark_overdue(session)
        found = ticket_service.lookup(session, key, owner)
        return [
            from_row(PublicTicketOut, t, fine=format_minor(t.fine_minor), verify_url=verify_path(t.number))
            for t in found
        ]


def _masked(plate: str) -> str:
    """Enough of the plate to recognise one's own vehicle, not enough to trace a stranger's."""
    visible = 3
    return plate[:visible] + "".join("*" if ch.isalnum() else ch for ch in plate[visible:-2]) + plate[-2:]


@public_router.get(
    "/verify/{number}", response_class=HTMLResponse, summary="The page the ticket's QR code opens"
)
def verify(number: str, services: ServicesDep, runtime: ChallanRuntimeDep) -> HTMLResponse:
    import re

    if not re.match(TICKET_NUMBER_PATTERN, number):
        raise NotFoundError("no such ticket")
    with services.database.session() as session:
        ticket_service.mark_overdue(session)
        ticket = ticket_service.get_ticket(session, number)
        evidence = evidence_of(session, ticket.violation_id)
    rows = [
        ("Ticket", ticket.number),
        ("Violation", ticket.violation_type.replace("_", " ")),
        ("Date and time (UTC)", f"{ticket.occurred_at:%Y-%m-%d %H:%M:%S}"),
        ("Camera", ticket.camera_id),
        ("Vehicle", _masked(ticket.plate_text)),
        ("Fine", f"{ticket.currency} {format_minor(ticket.fine_minor)}"),
        ("Due", f"{ticket.due_at:%Y-%m-%d}"),
        ("Status", ticket.status),
    ]
    rows.extend((f"Evidence ({item.kind.replace('_', ' ')})", f"sha256 {item.sha256}") for item in evidence)
    table = "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in rows)
    issuer = escape(runtime.settings.public_base_url)
    html = (
        "<!doctype html><html><head><meta charset='utf-8'><title>e-challan "
        f"{escape(ticket.number)}</title></head><body><h1>Valid e-challan</h1>"
        f"<p>This ticket was issued by the safe-city authority ({issuer}).</p>"
        f"<table>{table}</table></body></html>"
    )
    return HTMLResponse(html)


routers = (payments_router, public_router)
