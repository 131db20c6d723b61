"""Who did something, and the audit entry for a change made by them inside the caller's transaction.

Services that are called both by routes and by the CLI (watchlists, evidence) take an `Actor` instead of a
route's `Principal`; `core.http.auditing.actor_of` makes one from the logged-in user.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from safecity.core.audit.service import AuditRecord
from safecity.core.audit.service import append


@dataclass(frozen=True, slots=True)
class Actor:
    """A user (with role and client address) or a system process (`cli:alice`, `retention`)."""

    username: str
    role: str = ""
    client_address: str = ""


def audit_change(
    session: Session,
    actor: Actor,
    action: str,
    object_type: str,
    object_id: object,
    details: Mapping[str, Any],
    *,
    purpose: str = "",
    case_ref: str = "",
) -> None:
    """Append the audit entry; a `case_ref` among the details is recorded as the entry's case reference."""
    append(
        session,
        AuditRecord(
            actor=actor.username,
            role=actor.role,
            action=action,
            object_type=object_type,
            object_id=str(object_id),
            purpose=purpose,
            case_ref=case_ref or str(details.get("case_ref", "")),
            client_address=actor.client_address,
            details=details,
        ),
    )
