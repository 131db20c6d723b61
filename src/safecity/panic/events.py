"""`panic.location`: the phone's position, pushed live to the operators following the panic."""

from __future__ import annotations

from typing import Literal

from safecity.core.bus import Event
from safecity.core.bus import register_event


@register_event
class PanicLocationEvent(Event):
    type: Literal["panic.location"] = "panic.location"
    panic_id: str
    incident_id: int
    alert_id: int
    latitude: float
    longitude: float
    accuracy_m: float | None = None
