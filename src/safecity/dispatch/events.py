"""Typed command-and-control events on the bus (forwarded to operators by the live socket)."""

from __future__ import annotations

from typing import Literal

from safecity.core.bus import Event
from safecity.core.bus import register_event
from safecity.dispatch.schemas import IncidentOut
from safecity.dispatch.schemas import UnitOut


@register_event
class IncidentCreated(Event):
    type: Literal["incident.created"] = "incident.created"
    incident: IncidentOut
    actor: str = ""


@register_event
class IncidentUpdated(Event):
    """`action`: status, note, link, dispatch, unit, location."""

    type: Literal["incident.updated"] = "incident.updated"
    incident: IncidentOut
    action: str
    actor: str = ""


@register_event
class UnitUpdated(Event):
    """`action`: created, status, assigned, location."""

    type: Literal["unit.updated"] = "unit.updated"
    unit: UnitOut
    action: str
    incident_id: int | None = None
