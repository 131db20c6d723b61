"""`watchlist.vehicle_hit`: a plate read matched a hotlist entry; the alerts domain turns it into an alert."""

from __future__ import annotations

from typing import Literal

from safecity.core.bus import Event
from safecity.core.bus import register_event


@register_event
class VehicleHitEvent(Event):
    """`score` is 1 for an exact match and falls with the confusion-aware distance (`distance`)."""

    type: Literal["watchlist.vehicle_hit"] = "watchlist.vehicle_hit"
    hotlist_entry_id: int
    hotlist_id: int
    list_name: str
    list_kind: str
    reason: str
    case_ref: str = ""
    vehicle: str = ""
    entry_plate: str
    read_plate: str
    score: float
    distance: float
    read_event_id: str
    crop_sha256: str | None = None
    snapshot_sha256: str | None = None
