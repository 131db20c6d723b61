"""The durable consumer `persons_search`: store each worker `reid.appearance` once."""

from __future__ import annotations

from safecity.core.bus import Event
from safecity.core.bus import EventBus
from safecity.core.bus import as_event
from safecity.core.bus.threaded_apply import subscribe_applying
from safecity.core.db import Database
from safecity.persons_search.events import PersonAppearanceEvent
from safecity.persons_search.service import store_appearance

CONSUMER = "persons_search"
PATTERNS = ("reid.appearance",)


class AppearanceConsumer:
    def __init__(self, database: Database, bus: EventBus) -> None:
        self.database = database
        self.bus = bus

    async def start(self) -> None:
        await subscribe_applying(self.bus, CONSUMER, PATTERNS, self.apply)

    def apply(self, event: Event) -> list[Event]:
        """Store one appearance; it makes no events."""
        appearance = as_event(event, PersonAppearanceEvent)
        with self.database.session() as session:
            store_appearance(session, appearance)
        return []
