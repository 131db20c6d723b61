"""The cluster's index of finished recording segments: which worker holds each one and where to reach it.

Recordings stay on the disk of the worker that recorded them; the worker adds a row here when it finishes a
segment (and removes it when retention deletes the file), so an API node lists a camera's footage from the
database and fetches a segment from `worker_address` only when it is asked to play it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import BigInteger
from sqlalchemy import Delete
from sqlalchemy import Index
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy import UniqueConstraint
from sqlalchemy import delete
from sqlalchemy import select
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import Session
from sqlalchemy.orm import mapped_column

from safecity.core.db import Base
from safecity.core.db import Database
from safecity.video.segment_store import Segment
from safecity.video.segment_store import SegmentStore

log = logging.getLogger(__name__)

# A segment is filed under its start, so one overlapping a window may have started this long before it.
_LONGEST_SEGMENT_MS = 86_400_000


class IndexedSegment(Base):
    """One finished segment on a worker's disk; times are epoch milliseconds, as in the file's name."""

    __tablename__ = "recording_index"
    __table_args__ = (
        UniqueConstraint("camera_id", "start_ms"),
        Index("ix_recording_index_worker", "worker_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    camera_id: Mapped[str] = mapped_column(String(128))
    start_ms: Mapped[int] = mapped_column(BigInteger)
    end_ms: Mapped[int] = mapped_column(BigInteger)
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    worker_id: Mapped[str] = mapped_column(String(64))
    worker_address: Mapped[str | None] = mapped_column(String(200), nullable=True)


def segment_start_ms(segment: Segment) -> int:
    """The start the segment's file is named after."""
    return round(segment.start * 1000)


def indexed_in(session: Session, camera_id: str, start: float, end: float) -> list[IndexedSegment]:
    """The indexed segments of a camera overlapping [start, end), oldest first."""
    low, high = round(start * 1000), round(end * 1000)
    query = (
        select(IndexedSegment)
        .where(
            IndexedSegment.camera_id == camera_id,
            IndexedSegment.start_ms >= low - _LONGEST_SEGMENT_MS,
            IndexedSegment.start_ms < high,
            IndexedSegment.end_ms > low,
        )
        .order_by(IndexedSegment.start_ms)
    )
    return list(session.scalars(query))


class IndexingSegmentStore(SegmentStore):
    """A worker's `SegmentStore` that also files each finished segment in the cluster's index.

    The index is a convenience for other nodes: when the database cannot be written the segment is still
    recorded (and logged), and the worker's own store stays the truth about its files.
    """

    def __init__(self, root: Path, *, database: Database, worker_id: str, worker_address: str | None) -> None:
        super().__init__(root)
        self._database = database
        self._worker_id = worker_id
        self._worker_address = worker_address

    def finish(self, partial: Path, camera_id: str, start: float, end: float) -> Segment:
        segment = super().finish(partial, camera_id, start, end)
        try:
            with self._database.session() as session:
                session.execute(_same_segment(segment))
                session.add(
                    IndexedSegment(
                        camera_id=camera_id,
                        start_ms=segment_start_ms(segment),
                        end_ms=round(segment.end * 1000),
                        size_bytes=segment.size_bytes,
                        worker_id=self._worker_id,
                        worker_address=self._worker_address,
                    )
                )
        except Exception as exc:
            log.error("segment %s recorded but not indexed in the database: %s", segment.path, exc)
        return segment

    def delete(self, segment: Segment) -> None:
        super().delete(segment)
        try:
            with self._database.session() as session:
                session.execute(_same_segment(segment).where(IndexedSegment.worker_id == self._worker_id))
        except Exception as exc:
            log.error("segment %s deleted but still in the database's index: %s", segment.path, exc)


def _same_segment(segment: Segment) -> Delete:
    return delete(IndexedSegment).where(
        IndexedSegment.camera_id == segment.camera_id, IndexedSegment.start_ms == segment_start_ms(segment)
    )
