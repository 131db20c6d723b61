"""The escalation timer: alerts nobody acknowledged within their severity's limit are escalated."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping

from safecity.alerts import service
from safecity.alerts.events import alert_event
from safecity.alerts.schemas import AlertView
from safecity.core.bus import Event
from safecity.core.bus import EventBus
from safecity.core.clock import Clock
from safecity.core.db import Database

logger = logging.getLogger(__name__)


class EscalationTimer:
    def __init__(
        self, database: Database, bus: EventBus, after_seconds: Mapping[str, float], clock: Clock
    ) -> None:
        self._database = database
        self._bus = bus
        self._after = dict(after_seconds)
        self._clock = clock

    def check(self) -> list[Event]:
        """Escalate what is overdue at the clock's now; returns the `alert.escalated` events."""
        with self._database.session() as session:
            escalated = service.escalate_overdue(session, self._clock.now(), self._after)
            return [alert_event("escalated", AlertView.of(alert), actor="system") for alert in escalated]

    async def tick(self) -> int:
        events = await asyncio.to_thread(self.check)
        for event in events:
            await self._bus.publish(event)
        return len(events)

    async def run(self, interval: float) -> None:
        while True:
            try:
                await self.tick()
            except Exception:
                logger.exception("alert escalation check failed; retrying")
            await asyncio.sleep(interval)
