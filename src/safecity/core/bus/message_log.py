"""The embedded bus's durable log in the database: append-only messages plus one offset per consumer.

Synchronous; the embedded bus calls it through `asyncio.to_thread`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import text
from sqlalchemy import update
from sqlalchemy.orm import Session

from safecity.core.bus.events import Event
from safecity.core.bus.insert_if_absent import insert_if_absent
from safecity.core.bus.tables import BusMessage
from safecity.core.bus.tables import ConsumerOffset
from safecity.core.db import Database
from safecity.core.db import utcnow

# Any constant: the key of the PostgreSQL advisory lock that serialises appends.
_APPEND_LOCK_KEY = 0x5AFEC17E
_NO_CONSUMER = 2**62


@dataclass(frozen=True)
class LoggedMessage:
    seq: int
    event_id: str
    event_type: str
    event_json: str
    target_consumer: str | None


class MessageLog:
    def __init__(self, database: Database) -> None:
        self._database = database

    def append(self, event: Event, *, target_consumer: str | None = None) -> int:
        with self._database.session() as session:
            return self.append_in(session, event.to_json(), event, target_consumer=target_consumer)

    def append_in(
        self, session: Session, event_json: str, event: Event, *, target_consumer: str | None = None
    ) -> int:
        if session.get_bind().dialect.name == "postgresql":
            # Sequence numbers are taken at insert but become visible at commit; two concurrent publishers
            # could commit out of order and a consumer would move its offset past the later-visible one.
            # Holding this lock until commit makes appends visible in sequence order.
            session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _APPEND_LOCK_KEY})
        message = BusMessage(
            event_id=str(event.id),
            event_type=event.type,
            event_json=event_json,
            target_consumer=target_consumer,
            published_at=utcnow(),
        )
        session.add(message)
        session.flush()
        return message.seq

    def read_after(self, position: int, limit: int, consumer: str | None = None) -> list[LoggedMessage]:
        """Messages after `position` in order: broadcast ones, plus those targeted at `consumer`."""
        query = select(BusMessage).where(BusMessage.seq > position)
        if consumer is None:
            query = query.where(BusMessage.target_consumer.is_(None))
        else:
            query = query.where(
                BusMessage.target_consumer.is_(None) | (BusMessage.target_consumer == consumer)
            )
        with self._database.session() as session:
            rows = session.scalars(query.order_by(BusMessage.seq).limit(limit))
            return [
                LoggedMessage(row.seq, row.event_id, row.event_type, row.event_json, row.target_consumer)
                for row in rows
            ]

    def head(self) -> int:
        """The newest sequence number, 0 when empty."""
        with self._database.session() as session:
            return int(session.scalar(select(func.max(BusMessage.seq))) or 0)

    def register(self, consumer: str) -> int:
        """The consumer's offset, creating it at 0 (the oldest retained message) when new."""
        with self._database.session() as session:
            insert_if_absent(
                session, ConsumerOffset, {"consumer": consumer, "position": 0, "updated_at": utcnow()}
            )
            position = session.scalar(
                select(ConsumerOffset.position).where(ConsumerOffset.consumer == consumer)
            )
            return int(position or 0)

    def offsets(self) -> dict[str, int]:
        with self._database.session() as session:
            return {row.consumer: row.position for row in session.scalars(select(ConsumerOffset))}

    def commit_offset_in(self, session: Session, consumer: str, position: int) -> None:
        session.execute(
            update(ConsumerOffset)
            .where(ConsumerOffset.consumer == consumer, ConsumerOffset.position < position)
            .values(position=position, updated_at=utcnow())
        )

    def commit_offset(self, consumer: str, position: int) -> None:
        with self._database.session() as session:
            self.commit_offset_in(session, consumer, position)

    def prune(self, retention: timedelta) -> int:
        """Delete messages every consumer has passed and that are older than `retention`."""
        # One statement (see insert_if_absent); with no consumers at all, nothing holds messages back.
        slowest = func.coalesce(select(func.min(ConsumerOffset.position)).scalar_subquery(), _NO_CONSUMER)
        query = delete(BusMessage).where(
            BusMessage.published_at < utcnow() - retention, BusMessage.seq <= slowest
        )
        with self._database.session() as session:
            result = session.execute(query)
            return int(getattr(result, "rowcount", 0) or 0)
