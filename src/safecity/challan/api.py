"""Officer routes under /api/v1/challan: validation queue, tickets, PDFs, statistics, registry, signals."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter
from fastapi import HTTPException
from fastapi import Query
from fastapi import Request
from fastapi import status
from fastapi.responses import Response

from safecity.challan import tickets as ticket_service
from safecity.challan import validation
from safecity.challan.clips import ensure_clip
from safecity.challan.events import SignalPhaseEvent
from safecity.challan.events import derived_id
from safecity.challan.evidence import evidence_of
from safecity.challan.fines import format_minor
from safecity.challan.pdf import stored_ticket_pdf
from safecity.challan.runtime import ChallanRuntimeDep
from safecity.challan.schemas import CameraStatsOut
from safecity.challan.schemas import DecisionIn
from safecity.challan.schemas import DecisionOut
from safecity.challan.schemas import OffenderOut
from safecity.challan.schemas import PhaseIn
from safecity.challan.schemas import RejectionStatsOut
from safecity.challan.schemas import StatusIn
from safecity.challan.schemas import TicketOut
from safecity.challan.schemas import ViolationOut
from safecity.challan.signal_feed import record_phase
from safecity.challan.vocabulary import Queue
from safecity.challan.vocabulary import RejectReason
from safecity.challan.vocabulary import TicketStatus
from safecity.challan.vocabulary import ViolationStatus
from safecity.core.auth.permissions import Permission
from safecity.core.db import utcnow
from safecity.core.errors import InvalidInputError
from safecity.core.errors import NotFoundError
from safecity.core.http.actions import action
from safecity.core.http.actions import change
from safecity.core.http.auditing import actor_of
from safecity.core.http.deps import ServicesDep
from safecity.core.http.outputs import from_row
from safecity.core.http.security import Principal
from safecity.core.http.security import require
from safecity.registries.csv_records import RecordFileError
from safecity.registries.keys import plate_lookup_key
from safecity.registries.local_vehicles import import_vehicles
from safecity.registries.local_vehicles import parse_vehicles_csv
from safecity.vision.plates.keys import plate_key

router = APIRouter(prefix="/api/v1/challan", tags=["e-challan"])
Reader = Annotated[Principal, require(Permission.CHALLAN_READ)]
Validator = Annotated[Principal, require(Permission.CHALLAN_VALIDATE)]
Admin = Annotated[Principal, require(Permission.SYSTEM_MANAGE)]
SignalReporter = Annotated[Principal, require(Permission.CAMERAS_MANAGE)]
MAX_REGISTRY_CSV = 20 * 1024 * 1024


@router.get("/violations", response_model=list[ViolationOut], summary="The validation or registry queue")
def list_violations(
    services: ServicesDep,
    _: Reader,
    queue: Queue | None = Queue.VALIDATION,
    status_: Annotated[ViolationStatus | None, Query(alias="status")] = ViolationStatus.PENDING,
    camera_id: str | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[ViolationOut]:
    with services.database.session() as session:
        found = validation.list_queue(session, queue, status_, camera_id, limit)
        return [ViolationOut.of(violation) for violation in found]


@router.get(
    "/violations/{violation_id}",
    response_model=ViolationOut,
    summary="A violation with its evidence (cuts its clip now when it is still pending and can be cut)",
)
def get_violation(
    violation_id: str, services: ServicesDep, runtime: ChallanRuntimeDep, _: Reader
) -> ViolationOut:
    ensure_clip(services.database, runtime, violation_id, utcnow())
    with services.database.session() as session:
        violation = validation.get_violation(session, violation_id)
        return ViolationOut.of(violation, evidence_of(session, violation.id))


@router.post(
    "/violations/{violation_id}/decision",
    response_model=DecisionOut,
    responses={409: {"description": "Already decided, no plate, or the plate is not registered"}},
)
def decide(
    violation_id: str,
    body: DecisionIn,
    services: ServicesDep,
    runtime: ChallanRuntimeDep,
    principal: Validator,
) -> DecisionOut:
    decision = validation.Decision(
        accept=body.decision == "accept",
        reason=body.reason,
        plate=body.plate,
        accept_vehicle_mismatch=body.accept_vehicle_mismatch,
        note=body.note,
    )
    ensure_clip(services.database, runtime, violation_id, utcnow())  # so an issued ticket files it too
    with action(services, principal) as act:
        outcome = validation.decide(act.session, runtime, violation_id, decision, actor_of(principal))
        result = DecisionOut(
            violation=ViolationOut.of(outcome.violation, evidence_of(act.session, violation_id)),
            ticket=TicketOut.of(outcome.ticket) if outcome.ticket else None,
            message=outcome.message,
        )
        act.publish(*outcome.events)
    return result


@router.get("/reasons", summary="Rejection reasons an officer may give")
def reasons(_: Reader) -> list[str]:
    return [reason.value for reason in RejectReason]


@router.get("/stats/rejections", response_model=RejectionStatsOut, summary="Rejections per camera and reason")
def rejection_stats(services: ServicesDep, _: Reader, since: datetime | None = None) -> RejectionStatsOut:
    with services.database.session() as session:
        cameras, by_reason = validation.rejection_stats(session, since)
    return RejectionStatsOut(
        by_camera=[from_row(CameraStatsOut, c) for c in cameras],
        by_reason=by_reason,
    )


@router.get("/tickets", response_model=list[TicketOut])
def list_tickets(
    services: ServicesDep,
    _: Reader,
    status_: Annotated[TicketStatus | None, Query(alias="status")] = None,
    plate: Annotated[str | None, Query(min_length=1, max_length=32)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[TicketOut]:
    key = _plate_key(plate, "query") if plate else None
    with services.database.session() as session:
        ticket_service.mark_overdue(session)
        found = ticket_service.list_tickets(session, status_.value if status_ else None, key, limit)
        return [TicketOut.of(ticket) for ticket in found]


@router.get("/tickets/{number}", response_model=TicketOut)
def get_ticket(number: str, services: ServicesDep, _: Reader) -> TicketOut:
    with services.database.session() as session:
        ticket_service.mark_overdue(session)
        return TicketOut.of(ticket_service.get_ticket(session, number))


@router.get(
    "/tickets/{number}/pdf", response_class=Response, responses={200: {"content": {"application/pdf": {}}}}
)
def ticket_pdf(number: str, services: ServicesDep, runtime: ChallanRuntimeDep, _: Reader) -> Response:
    with services.database.session() as session:
        pdf = stored_ticket_pdf(session, number, services.media, runtime.settings.public_base_url)
    headers = {"Content-Disposition": f'inline; filename="{number}.pdf"'}
    return Response(pdf, media_type="application/pdf", headers=headers)


@router.post(
    "/tickets/{number}/status", response_model=TicketOut, responses={409: {"description": "Not allowed now"}}
)
def change_status(number: str, body: StatusIn, services: ServicesDep, principal: Validator) -> TicketOut:
    with action(services, principal) as act:
        ticket = ticket_service.get_ticket(act.session, number)
        previous = ticket.status
        ticket_service.change_status(act.session, ticket, TicketStatus(body.status), body.reason)
        act.audit(
            f"challan.ticket.{body.status.value}",
            "challan_ticket",
            number,
            **{"from": previous, "reason": body.reason},
        )
        return TicketOut.of(ticket)


@router.get("/offenders", response_model=list[OffenderOut], summary="Repeat offenders")
def offenders(
    services: ServicesDep,
    _: Reader,
    min_tickets: Annotated[int, Query(ge=2, le=1000)] = 2,
    since: datetime | None = None,
) -> list[OffenderOut]:
    with services.database.session() as session:
        found = ticket_service.repeat_offenders(session, min_tickets, since)
    return [from_row(OffenderOut, o, unpaid_amount=format_minor(o.unpaid_minor)) for o in found]


@router.post("/registry/import", summary="Import the local vehicle registry from CSV (text/csv body)")
async def import_registry(request: Request, services: ServicesDep, principal: Admin) -> dict[str, int]:
    body = await request.body()
    if len(body) > MAX_REGISTRY_CSV:
        raise HTTPException(status.HTTP_413_REQUEST_ENTITY_TOO_LARGE, "registry CSV too large")
    try:
        records = parse_vehicles_csv(body.decode("utf-8-sig"))
    except (RecordFileError, UnicodeDecodeError) as error:
        raise InvalidInputError(str(error)) from error
    with action(services, principal) as act:
        count = import_vehicles(act.session, records)
        act.audit("challan.registry.import", "challan_registry", "local", rows=count)
    return {"imported": count}


@router.get("/registry/{plate}", summary="A plate's registry record")
def registry_record(
    plate: str, services: ServicesDep, runtime: ChallanRuntimeDep, principal: Reader
) -> dict[str, str | None]:
    key = _plate_key(plate, "path")
    with action(services, principal) as act:
        record = runtime.registry.lookup(act.session, plate_lookup_key(key))
        if record is None:
            raise NotFoundError(f"plate {plate} is not in the registry")
        act.audit("challan.registry.read", "challan_registry", key)
    return {
        "plate": record.plate_text,
        "vehicle_class": record.vehicle_class,
        "make": record.make,
        "model": record.model,
        "colour": record.colour,
        "owner_name": record.owner_name,
    }


@router.post("/signals/{signal}/phase", status_code=201, summary="Controller feed: a signal changed phase")
def signal_phase(
    signal: str, body: PhaseIn, services: ServicesDep, principal: SignalReporter
) -> dict[str, str]:
    if not signal or len(signal) > 100:
        raise InvalidInputError("1 to 100 characters", field="signal", location="path")
    changed_at = body.changed_at or utcnow()
    with change(services) as ch:
        recorded = record_phase(ch.session, signal, body.phase, changed_at, principal.username)
        ch.publish(
            SignalPhaseEvent(
                id=derived_id("signal", str(recorded.id)),
                source="challan",
                signal=signal,
                phase=body.phase.value,
                changed_at=changed_at,
            )
        )
    return {"signal": signal, "phase": body.phase.value, "changed_at": changed_at.isoformat()}


def _plate_key(plate: str, location: str) -> str:
    try:
        return plate_key(plate).key
    except ValueError as error:
        raise InvalidInputError(str(error), field="plate", location=location) from error
