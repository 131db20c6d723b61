"""Evidence tables: cases, items (files in the media store), per-item custody chains, legal holds."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger
from sqlalchemy import ForeignKey
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy import Text
from sqlalchemy import UniqueConstraint
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column

from safecity.core.db import Base
from safecity.core.db import UTCDateTime
from safecity.core.db import utcnow

CASE_OPEN = "open"
CASE_CLOSED = "closed"
ITEM_ACTIVE = "active"
ITEM_PURGED = "purged"


class EvidenceCase(Base):
    """A case (or incident) that groups evidence items; items of an open case are never purged."""

    __tablename__ = "evidence_cases"

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(128), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    incident_ref: Mapped[str] = mapped_column(String(128), default="")
    status: Mapped[str] = mapped_column(String(16), default=CASE_OPEN, index=True)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class EvidenceItem(Base):
    """One file in the content-addressed media store with what a court needs to know about it.

    The metadata is immutable after collection and repeated in the first custody entry, so `verify` notices
    when a row is edited. `custody_head`/`custody_count` pin the end of the custody chain (no silent
    truncation). A redacted derivative points at its original through `original_id`.
    """

    __tablename__ = "evidence_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("evidence_cases.id"), nullable=True, index=True)
    kind: Mapped[str] = mapped_column(String(16))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(BigInteger)
    suffix: Mapped[str] = mapped_column(String(16), default="")
    filename: Mapped[str] = mapped_column(String(255), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    camera_id: Mapped[str | None] = mapped_column(String(128), nullable=True, index=True)
    start: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    end: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    collected_by: Mapped[str] = mapped_column(String(64))
    collected_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    original_id: Mapped[int | None] = mapped_column(ForeignKey("evidence_items.id"), nullable=True)
    derivation: Mapped[str] = mapped_column(String(32), default="")
    status: Mapped[str] = mapped_column(String(16), default=ITEM_ACTIVE)
    purged_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    custody_head: Mapped[str] = mapped_column(String(64), default="")
    custody_count: Mapped[int] = mapped_column(Integer, default=0)


class CustodyEntry(Base):
    """One link of an item's chain of custody: who did what, when, why; hashed over the previous link."""

    __tablename__ = "evidence_custody"
    __table_args__ = (UniqueConstraint("item_id", "seq", name="uq_evidence_custody_item_seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("evidence_items.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    time: Mapped[datetime] = mapped_column(UTCDateTime)
    action: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(32), default="")
    purpose: Mapped[str] = mapped_column(Text, default="")
    case_ref: Mapped[str] = mapped_column(String(128), default="")
    details: Mapped[str] = mapped_column(Text, default="{}")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class LegalHold(Base):
    """Keeps data from any deletion until released: a whole case, one item, or a camera's time range."""

    __tablename__ = "legal_holds"

    id: Mapped[int] = mapped_column(primary_key=True)
    scope: Mapped[str] = mapped_column(String(16))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("evidence_cases.id"), nullable=True)
    item_id: Mapped[int | None] = mapped_column(ForeignKey("evidence_items.id"), nullable=True)
    camera_id: Mapped[str | None] = mapped_column(String(128), nullable=True, index=True)
    start: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    end: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    reason: Mapped[str] = mapped_column(Text)
    case_ref: Mapped[str] = mapped_column(String(128), default="")
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    released_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True, index=True)
    released_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    release_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
