"""Remember which event ids each consumer has handled, so a redelivery does not run the handler again."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import timedelta
from uuid import UUID

from sqlalchemy import delete
from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.core.bus.events import Event
from safecity.core.bus.insert_if_absent import insert_all_if_absent
from safecity.core.bus.insert_if_absent import insert_if_absent
from safecity.core.bus.tables import HandledEvent
from safecity.core.db import Database
from safecity.core.db import utcnow


class IdempotencyGuard:
    """Backed by `bus_handled_events`; shared by every bus implementation and every process."""

    def __init__(self, database: Database) -> None:
        self._database = database

    async def already_handled(self, consumer: str, event_id: UUID) -> bool:
        return await asyncio.to_thread(self._already_handled, consumer, event_id)

    async def mark_handled(self, consumer: str, event_id: UUID) -> None:
        await asyncio.to_thread(self._mark_handled, consumer, event_id)

    async def handled_among(self, consumer: str, event_ids: Sequence[UUID]) -> set[UUID]:
        """Which of `event_ids` the consumer has already handled (one query for a whole batch)."""
        return await asyncio.to_thread(self._handled_among, consumer, event_ids)

    async def mark_all_handled(self, consumer: str, event_ids: Sequence[UUID]) -> None:
        await asyncio.to_thread(self._mark_all_handled, consumer, event_ids)

    def handled_among_in(self, session: Session, consumer: str, event_ids: Sequence[UUID]) -> set[UUID]:
        """`handled_among` inside the caller's transaction (a handler that records its own handled ids)."""
        wanted = {str(event_id): event_id for event_id in event_ids}
        query = select(HandledEvent.event_id).where(
            HandledEvent.consumer == consumer, HandledEvent.event_id.in_(wanted)
        )
        return {wanted[found] for found in session.scalars(query)}

    def unhandled_in(self, session: Session, consumer: str, events: Sequence[Event]) -> list[Event]:
        """The events the consumer has not handled yet, each once, in order, inside the caller's transaction
        (a retry after the consumer's changes committed but publishing failed finds its event handled)."""
        seen = self.handled_among_in(session, consumer, [event.id for event in events])
        fresh = []
        for event in events:
            if event.id not in seen:
                seen.add(event.id)
                fresh.append(event)
        return fresh

    def mark_all_handled_in(self, session: Session, consumer: str, event_ids: Sequence[UUID]) -> None:
        """Record a batch as handled inside the caller's transaction; ids already recorded are skipped."""
        handled_at = utcnow()
        rows = [
            {"consumer": consumer, "event_id": str(event_id), "handled_at": handled_at}
            for event_id in dict.fromkeys(event_ids)
        ]
        if rows:
            insert_all_if_absent(session, HandledEvent, rows)

    def mark_handled_in(self, session: Session, consumer: str, event_id: UUID) -> None:
        """Record the event as handled inside the caller's transaction; a second record is a no-op."""
        insert_if_absent(
            session, HandledEvent, {"consumer": consumer, "event_id": str(event_id), "handled_at": utcnow()}
        )

    async def forget_older_than(self, age: timedelta) -> int:
        """Drop records older than `age` (longer than any redelivery can take); returns how many."""
        return await asyncio.to_thread(self._forget_older_than, age)

    def _already_handled(self, consumer: str, event_id: UUID) -> bool:
        with self._database.session() as session:
            query = select(HandledEvent.event_id).where(
                HandledEvent.consumer == consumer, HandledEvent.event_id == str(event_id)
            )
            return session.execute(query).first() is not None

    def _handled_among(self, consumer: str, event_ids: Sequence[UUID]) -> set[UUID]:
        with self._database.session() as session:
            return self.handled_among_in(session, consumer, event_ids)

    def _mark_all_handled(self, consumer: str, event_ids: Sequence[UUID]) -> None:
        with self._database.session() as session:
            self.mark_all_handled_in(session, consumer, event_ids)

    def _mark_handled(self, consumer: str, event_id: UUID) -> None:
        with self._database.session() as session:
            self.mark_handled_in(session, consumer, event_id)

    def _forget_older_than(self, age: timedelta) -> int:
        with self._database.session() as session:
            result = session.execute(delete(HandledEvent).where(HandledEvent.handled_at < utcnow() - age))
            return int(getattr(result, "rowcount", 0) or 0)
