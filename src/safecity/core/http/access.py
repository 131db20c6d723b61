"""Purpose-bound access to personal data.

Plate and face searches, trajectories and evidence views are reads of personal data: the caller must state
a purpose (and may give a case reference), and every such read is written to the audit log before the route
runs.
A route opts in by taking `PersonalDataAccess` from `personal_data_read(...)`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated
from typing import Any

from fastapi import Depends
from fastapi import Header
from fastapi import Query
from fastapi import Request
from fastapi.exceptions import RequestValidationError

from safecity.core.audit.actors import audit_change
from safecity.core.auth.permissions import Permission
from safecity.core.http.auditing import actor_of
from safecity.core.http.security import Principal
from safecity.core.http.security import require
from safecity.core.http.services import Services
from safecity.core.http.services import get_services

MIN_PURPOSE_LENGTH = 5
PURPOSE_DESCRIPTION = (
    f"Required: why this personal data is needed (audited), at least {MIN_PURPOSE_LENGTH} characters, here "
    "or in the `X-Safecity-Purpose` header; without it the answer is a 422 on `purpose`."
)


@dataclass(frozen=True, slots=True)
class PersonalDataAccess:
    principal: Principal
    purpose: str
    case_ref: str
    action: str


def _missing_purpose() -> RequestValidationError:
    return RequestValidationError(
        [
            {
                "type": "missing",
                "loc": ("query", "purpose"),
                "msg": f"personal-data access needs a purpose of at least {MIN_PURPOSE_LENGTH} characters",
                "input": None,
            }
        ]
    )


def checked_purpose(query: str | None, header: str | None) -> str:
    """The purpose stated in the query (or the `X-Safecity-Purpose` header); 422 naming it when too short."""
    stated = (query or header or "").strip()
    if len(stated) < MIN_PURPOSE_LENGTH:
        raise _missing_purpose()
    return stated


def personal_data_read(permission: Permission, action: str) -> Any:
    """A dependency for routes that read personal data: permission check, stated purpose, audit entry."""

    permission_check = require(permission)

    # Closure variables cannot appear in string annotations, so the permission check is a default value.
    def dependency(
        request: Request,
        services: Annotated[Services, Depends(get_services)],
        principal: Principal = permission_check,
        purpose: Annotated[str | None, Query(description=PURPOSE_DESCRIPTION)] = None,
        case_ref: Annotated[str | None, Query(description="Case or incident reference (audited).")] = None,
        purpose_header: Annotated[
            str | None, Header(alias="X-Safecity-Purpose", description="The purpose, when not in the query.")
        ] = None,
    ) -> PersonalDataAccess:
        stated = checked_purpose(purpose, purpose_header)
        query = {k: v for k, v in request.query_params.items() if k not in {"purpose", "case_ref"}}
        with services.database.session() as session:
            details = {"query": query, "path_params": dict(request.path_params)}
            audit_change(
                session,
                actor_of(principal),
                action,
                "personal_data",
                request.url.path,
                details,
                purpose=stated,
                case_ref=case_ref or "",
            )
        return PersonalDataAccess(principal, stated, case_ref or "", action)

    dependency.__name__ = f"personal_data_{action.replace('.', '_')}"
    return Depends(dependency)
