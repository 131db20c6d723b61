"""`poi.sighting`: a watchlist hit of a person of interest (a plate of one of their vehicles, or their face).

The alerts domain turns it into one alert naming the person and their status; the hotlist hit or face
candidate it came from raises no alert of its own (`alerts.sources`).
"""

from __future__ import annotations

from typing import Literal

from safecity.core.bus import Event
from safecity.core.bus import register_event


@register_event
class PersonSightingEvent(Event):
    type: Literal["poi.sighting"] = "poi.sighting"
    person_id: int
    person_name: str
    status: str  # wanted, proclaimed_offender, missing, suspect or released
    category: str  # the status again, under the name the alert queue's priority reads
    sighting: Literal["plate", "face"]
    headline: str
    plate: str = ""
    place: str = ""
    source_event_id: str
    crop_sha256: str | None = None
    snapshot_sha256: str | None = None
