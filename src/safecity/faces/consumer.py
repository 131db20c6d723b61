"""The durable consumer `faces`: store each `face.sighting` once and match it against the face watchlist.

A sighting within a subject's threshold becomes a candidate (`face.candidate`, one per subject and person
track). A redelivered sighting republishes the candidates it made (same event ids), so alerts never double.
"""

from __future__ import annotations

from sqlalchemy import select

from safecity.core.bus import Event
from safecity.core.bus import EventBus
from safecity.core.bus import as_event
from safecity.core.bus.threaded_apply import subscribe_applying
from safecity.core.logs import get_logger
from safecity.faces.crop_rows import row_of_event
from safecity.faces.events import FaceSightingEvent
from safecity.faces.models import FaceSighting
from safecity.faces.service import store_sighting
from safecity.faces.watchlist.candidates import candidate_event
from safecity.faces.watchlist.models import FaceCandidate
from safecity.faces.watchlist.runtime import FaceWatchlist
from safecity.vision.faces import Embedding

log = get_logger(__name__)
CONSUMER = "faces"
PATTERNS = ("face.sighting",)


class SightingConsumer:
    def __init__(self, watchlist: FaceWatchlist, bus: EventBus) -> None:
        self.watchlist = watchlist
        self.bus = bus

    async def start(self) -> None:
        await subscribe_applying(self.bus, CONSUMER, PATTERNS, self.apply)

    def apply(self, event: Event) -> list[Event]:
        """Store and match one sighting; returns the `face.candidate` events to publish."""
        sighting = as_event(event, FaceSightingEvent)
        event_id = str(sighting.id)
        with self.watchlist.database.session() as session:
            if row_of_event(session, FaceSighting, event_id) is not None:
                made = session.scalars(
                    select(FaceCandidate).where(FaceCandidate.sighting_event_id == event_id)
                )
                return [candidate_event(c) for c in made]
            store_sighting(session, sighting)
            model = self.watchlist.gallery.model(sighting.model)
            if model is None:
                log.warning("sighting of unknown model is stored but not matched", model=sighting.model)
                return []
            created = self.watchlist.match_sighting(
                session,
                Embedding(sighting.array().copy(), model),
                probe_sha256=sighting.crop_sha256,
                camera_id=sighting.camera_id,
                track_id=sighting.track_id,
                seen_at=sighting.time,
                sighting_event_id=event_id,
            )
            return [candidate_event(c) for c in created]
