"""The audit log for auditors: browse entries and check the chain."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter
from fastapi import Depends
from fastapi import Query
from pydantic import BaseModel
from pydantic import Field
from sqlalchemy import select

from safecity.core.audit.checkpoints import verify_audit
from safecity.core.audit.models import AuditEntry
from safecity.core.auth.permissions import Permission
from safecity.core.http.security import Principal
from safecity.core.http.security import require
from safecity.core.http.services import Services
from safecity.core.http.services import get_services

router = APIRouter(prefix="/api/v1/audit", tags=["audit"])


class AuditEntryOut(BaseModel):
    seq: int
    time: datetime
    actor: str
    role: str
    action: str
    object_type: str
    object_id: str
    purpose: str
    case_ref: str
    client_address: str
    details: str
    hash: str


class ChainReport(BaseModel):
    ok: bool
    checked: int
    first_bad_entry: int | None
    problem: str | None
    checkpoints: int = Field(description="Signed checkpoints of the log checked against it")
    problems: list[str] = Field(description="Every problem: the broken link and what the checkpoints caught")


@router.get("", response_model=list[AuditEntryOut], summary="Audit entries, newest first, with filters")
def list_entries(
    services: Annotated[Services, Depends(get_services)],
    _: Annotated[Principal, require(Permission.AUDIT_READ)],
    actor: str | None = None,
    action: str | None = Query(None, description="Exact action, or a prefix ending in '*' (e.g. 'plate.*')"),
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = Query(100, ge=1, le=1000),
    before_seq: int | None = Query(
        None, description="Page backwards: entries older than this sequence number"
    ),
) -> list[AuditEntryOut]:
    query = select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(limit)
    if actor:
        query = query.where(AuditEntry.actor == actor)
    if action:
        if action.endswith("*"):
            query = query.where(AuditEntry.action.startswith(action[:-1]))
        else:
            query = query.where(AuditEntry.action == action)
    if since:
        query = query.where(AuditEntry.time >= since)
    if until:
        query = query.where(AuditEntry.time < until)
    if before_seq:
        query = query.where(AuditEntry.seq < before_seq)
    with services.database.session() as session:
        return [AuditEntryOut.model_validate(row, from_attributes=True) for row in session.scalars(query)]


@router.get(
    "/verify", response_model=ChainReport, summary="Re-check the whole hash chain and its signed checkpoints"
)
def verify(
    services: Annotated[Services, Depends(get_services)],
    _: Annotated[Principal, require(Permission.AUDIT_READ)],
) -> ChainReport:
    with services.database.session() as session:
        report = verify_audit(session, services.settings.data_dir)
    problem = report.chain_problem
    return ChainReport(
        ok=report.ok,
        checked=report.checked,
        first_bad_entry=problem.seq if problem else None,
        problem=problem.reason if problem else (report.problems[0] if report.problems else None),
        checkpoints=report.checkpoints,
        problems=report.all_problems,
    )
