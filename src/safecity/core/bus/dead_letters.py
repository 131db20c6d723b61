"""The one place both buses park events a consumer could not handle: `bus_dead_letters`."""

from __future__ import annotations

import asyncio
import traceback
from dataclasses import asdict
from dataclasses import fields

from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.orm import Session

from safecity.core.bus.base import BusError
from safecity.core.bus.base import DeadLetter
from safecity.core.bus.base import NewDeadLetter
from safecity.core.bus.tables import DeadLetterRecord
from safecity.core.db import Database
from safecity.core.db import utcnow

MAX_ERROR_CHARS = 20_000


def describe_error(error: BaseException) -> str:
    """The exception with its traceback, trimmed to a bounded size."""
    text = "".join(traceback.format_exception(error))
    return (
        text
        if len(text) <= MAX_ERROR_CHARS
        else text[: MAX_ERROR_CHARS // 2] + "\n…\n" + text[-MAX_ERROR_CHARS // 2 :]
    )


def _to_dead_letter(record: DeadLetterRecord) -> DeadLetter:
    return DeadLetter(**{field.name: getattr(record, field.name) for field in fields(DeadLetter)})


class DeadLetterStore:
    def __init__(self, database: Database) -> None:
        self._database = database

    def add_in(self, session: Session, letter: NewDeadLetter) -> None:
        """Park an event inside the caller's transaction (so it can go together with the acknowledgement)."""
        session.add(DeadLetterRecord(**asdict(letter), created_at=utcnow()))

    async def add(self, letter: NewDeadLetter) -> None:
        def add() -> None:
            with self._database.session() as session:
                self.add_in(session, letter)

        await asyncio.to_thread(add)

    async def pending(self, consumer: str | None = None, limit: int = 100) -> list[DeadLetter]:
        """Dead letters not yet replayed, oldest first."""

        def pending() -> list[DeadLetter]:
            query = select(DeadLetterRecord).where(DeadLetterRecord.replayed_at.is_(None))
            if consumer is not None:
                query = query.where(DeadLetterRecord.consumer == consumer)
            with self._database.session() as session:
                records = session.scalars(query.order_by(DeadLetterRecord.id).limit(limit))
                return [_to_dead_letter(record) for record in records]

        return await asyncio.to_thread(pending)

    async def count_pending(self) -> int:
        def count() -> int:
            query = (
                select(func.count())
                .select_from(DeadLetterRecord)
                .where(DeadLetterRecord.replayed_at.is_(None))
            )
            with self._database.session() as session:
                return int(session.scalar(query) or 0)

        return await asyncio.to_thread(count)

    async def get_pending(self, dead_letter_id: int) -> DeadLetter:
        def get() -> DeadLetter:
            with self._database.session() as session:
                return _to_dead_letter(self._pending_record(session, dead_letter_id))

        return await asyncio.to_thread(get)

    def mark_replayed_in(self, session: Session, dead_letter_id: int) -> DeadLetter:
        """Mark it replayed (write first: see insert_if_absent for why) and return it."""
        marked = session.execute(
            update(DeadLetterRecord)
            .where(DeadLetterRecord.id == dead_letter_id, DeadLetterRecord.replayed_at.is_(None))
            .values(replayed_at=utcnow())
        )
        if getattr(marked, "rowcount", 0) != 1:
            raise BusError(f"no pending dead letter with id {dead_letter_id}")
        record = session.get_one(DeadLetterRecord, dead_letter_id)
        return _to_dead_letter(record)

    async def mark_replayed(self, dead_letter_id: int) -> None:
        def mark() -> None:
            with self._database.session() as session:
                self.mark_replayed_in(session, dead_letter_id)

        await asyncio.to_thread(mark)

    @staticmethod
    def _pending_record(session: Session, dead_letter_id: int) -> DeadLetterRecord:
        record = session.get(DeadLetterRecord, dead_letter_id)
        if record is None or record.replayed_at is not None:
            raise BusError(f"no pending dead letter with id {dead_letter_id}")
        return record
