"""The event index: every event the bus carried (personal data aside), searchable by camera, type and time.

On PostgreSQL `event_log` is partitioned by day on `time` (see `partitions.py`), so retention drops whole
days; on SQLite it is one table. `(id, time)` is the key: an event always has the same time, so a
redelivered event hits the key and is stored once (PostgreSQL needs the partition column in every key).
`seq` orders the log for paging, from the `event_log_seq` sequence on PostgreSQL and the next number after
the largest on SQLite (`index.py`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON
from sqlalchemy import BigInteger
from sqlalchemy import Index
from sqlalchemy import Integer
from sqlalchemy import PrimaryKeyConstraint
from sqlalchemy import Sequence
from sqlalchemy import String
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column

from safecity.core.db import Base
from safecity.core.db import UTCDateTime

EVENT_LOG_SEQUENCE = Sequence("event_log_seq")
# Bytewise order on PostgreSQL, as SQLite compares by default: type prefixes are searched as ranges.
EventType = String(200).with_variant(String(200, collation="C"), "postgresql")


class EventLogEntry(Base):
    __tablename__ = "event_log"
    __table_args__ = (
        PrimaryKeyConstraint("id", "time"),
        # The search's own query: one camera, a type (or its start), a time window.
        Index("ix_event_log_camera_type_time", "camera_id", "type", "time"),
        Index("ix_event_log_type_time", "type", "time"),
        Index("ix_event_log_time", "time"),
        Index("ix_event_log_seq", "seq"),
        {"postgresql_partition_by": "RANGE (time)"},
    )

    id: Mapped[str] = mapped_column(String(36))
    time: Mapped[datetime] = mapped_column(UTCDateTime)
    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer(), "sqlite"), EVENT_LOG_SEQUENCE)
    type: Mapped[str] = mapped_column(EventType)
    camera_id: Mapped[str | None] = mapped_column(String(100))
    source: Mapped[str | None] = mapped_column(String(200))
    # The event's own fields beyond the envelope, merged into its `payload`, as the search returns them.
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    indexed_at: Mapped[datetime] = mapped_column(UTCDateTime)
