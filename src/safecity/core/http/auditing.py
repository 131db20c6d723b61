"""Record what a logged-in user did, inside the transaction that did it."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from safecity.core.audit.actors import Actor
from safecity.core.audit.actors import audit_change
from safecity.core.http.security import Principal


def actor_of(principal: Principal) -> Actor:
    return Actor(principal.username, principal.role.value, principal.client_address)


def audit(
    session: Session, principal: Principal, action: str, object_type: str, object_id: object, **details: Any
) -> None:
    audit_change(session, actor_of(principal), action, object_type, object_id, details)
