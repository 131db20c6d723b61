"""Tables the bus keeps in the database: shared idempotency and dead letters, and the embedded bus's log."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy import Text
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column

from safecity.core.db import Base
from safecity.core.db import UTCDateTime
from safecity.core.db import utcnow

# SQLite only auto-increments a column declared exactly INTEGER PRIMARY KEY.
SequenceInteger = BigInteger().with_variant(Integer(), "sqlite")


class BusMessage(Base):
    """The embedded bus's durable log; `seq` orders delivery and is what consumer offsets point at."""

    __tablename__ = "bus_messages"
    # AUTOINCREMENT: never reuse a sequence number after retention empties the table, or consumers whose
    # offsets are past it would skip the new messages.
    __table_args__ = ({"sqlite_autoincrement": True},)

    seq: Mapped[int] = mapped_column(SequenceInteger, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(String(36))
    event_type: Mapped[str] = mapped_column(String(200))
    event_json: Mapped[str] = mapped_column(Text)
    # Set for a dead-letter replay: only this consumer receives the message.
    target_consumer: Mapped[str | None] = mapped_column(String(100))
    published_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


class ConsumerOffset(Base):
    """How far a durable embedded consumer has got: the last `bus_messages.seq` it acknowledged."""

    __tablename__ = "bus_consumer_offsets"

    consumer: Mapped[str] = mapped_column(String(100), primary_key=True)
    position: Mapped[int] = mapped_column(BigInteger, default=0)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class HandledEvent(Base):
    """An event id a consumer has handled; redeliveries of it are acknowledged without running the handler."""

    __tablename__ = "bus_handled_events"

    consumer: Mapped[str] = mapped_column(String(100), primary_key=True)
    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    handled_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


class DeadLetterRecord(Base):
    """An event a consumer gave up on after its last attempt, with the error; both buses write here."""

    __tablename__ = "bus_dead_letters"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    consumer: Mapped[str] = mapped_column(String(100), index=True)
    event_id: Mapped[str | None] = mapped_column(String(36))
    event_type: Mapped[str | None] = mapped_column(String(200))
    event_json: Mapped[str] = mapped_column(Text)
    error: Mapped[str] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    replayed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
