"""Events e-challan publishes. Ids derive from the violation / ticket, so a redelivery republishes the same
ids and downstream consumers skip them."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from safecity.core.bus import Event
from safecity.core.bus import register_event

_NAMESPACE = uuid.UUID("8d3b7a8e-55b4-4f0e-9c67-6a8f0f5e2c11")


def derived_id(kind: str, key: str) -> uuid.UUID:
    return uuid.uuid5(_NAMESPACE, f"{kind}/{key}")


@register_event
class ViolationDetectedEvent(Event):
    """A violation entered a queue (validation or registry); no ticket exists yet."""

    type: Literal["challan.violation_detected"] = "challan.violation_detected"
    violation_id: str
    violation_type: str
    occurred_at: datetime
    queue: str
    plate: str | None = None
    source_event_id: str | None = None


@register_event
class TicketIssuedEvent(Event):
    type: Literal["challan.ticket_issued"] = "challan.ticket_issued"
    ticket_number: str
    violation_id: str
    violation_type: str
    plate: str
    fine_minor: int
    currency: str
    due_at: datetime


@register_event
class SignalPhaseEvent(Event):
    """A controller reported a phase change; workers feed it to their red-light rules."""

    type: Literal["challan.signal_phase"] = "challan.signal_phase"
    signal: str
    phase: str
    changed_at: datetime
