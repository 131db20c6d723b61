"""Record what a logged-in user did, inside the transaction that did it."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from safecity.core.audit.service import AuditRecord, append
from safecity.core.http.security import Principal


def audit(
    session: Session, principal: Principal, action: str, object_type: str, object_id: object, **details: Any
) -> None:
    append(
        session,
        AuditRecord(
            actor=principal.username,
            role=principal.role.value,
            action=action,
            object_type=object_type,
            object_id=str(object_id),
            client_address=principal.client_address,
            details=details,
        ),
    )
