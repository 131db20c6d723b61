"""The durable consumer `persons_search`: store each worker `reid.appearance` once."""

from __future__ import annotations

import asyncio

from safecity.core.bus import Event
from safecity.core.bus import EventBus
from safecity.core.bus import as_event
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
        await self.bus.subscribe(CONSUMER, PATTERNS, self.handle)

    async def handle(self, event: Event) -> None:
        await asyncio.to_thread(self.apply, event)

    def apply(self, event: Event) -> None:
        appearance = as_event(event, PersonAppearanceEvent)
        with self.database.session() as session:
            store_appearance(session, appearance)
