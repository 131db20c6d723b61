"""Rows of a track's best crop with its vector, as face sightings (`faces`) and person track appearances
(`persons_search`) keep them: one row per bus event, the crop in the media store (`crop_sha256`) and the
vector inline (float32 bytes, `dim` long, of `model_id`).

What the two share lives here: storing an event's row once, reading a search's vectors a batch at a time, and
the retention class that purges the rows with their crops.
"""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from typing import Protocol
from typing import TypeVar
from typing import TypeVarTuple

import numpy as np
from sqlalchemy import Row
from sqlalchemy import Select
from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.config.retention import RetentionSettings
from safecity.core.db import Base
from safecity.evidence.retention import DataClassPolicy
from safecity.evidence.retention import RetentionContext
from safecity.evidence.retention_rows import RowClass
from safecity.evidence.retention_rows import files_named
from safecity.evidence.retention_rows import row_class_policy

BATCH = 5000  # rows a search reads (and ranks) at a time
DEFAULT_DAYS = 30.0

_Row = TypeVar("_Row", bound=Base)
_Columns = TypeVarTuple("_Columns")


class CropEvent(Protocol):
    """A worker event carrying a crop and its vector (`face.sighting`, `reid.appearance`)."""

    @property
    def id(self) -> object: ...
    @property
    def crop_sha256(self) -> str: ...
    @property
    def box(self) -> list[float]: ...
    @property
    def model(self) -> str: ...
    @property
    def dim(self) -> int: ...
    def array(self) -> np.ndarray: ...


def row_of_event(session: Session, row_type: type[_Row], event_id: str) -> _Row | None:
    return session.scalars(select(row_type).filter_by(event_id=event_id)).first()


def store_once(session: Session, row_type: type[_Row], event: CropEvent, **columns: Any) -> _Row:
    """The `row_type` row of the event: its id, crop and vector, and the other `columns` (idempotent: an
    event seen before returns its row)."""
    existing = row_of_event(session, row_type, str(event.id))
    if existing is not None:
        return existing
    row = row_type(
        event_id=str(event.id),
        crop_sha256=event.crop_sha256,
        box=[float(v) for v in event.box],
        model_id=event.model,
        dim=event.dim,
        vector=event.array().tobytes(),
        **columns,
    )
    session.add(row)
    session.flush()
    return row


def vector_of(row: Any) -> np.ndarray:
    """The float32 vector of a stored row (or of a selected `vector` column)."""
    return np.frombuffer(row.vector, dtype=np.float32)


def vector_batches(
    session: Session, query: Select[*_Columns]
) -> Iterator[tuple[Sequence[Row[*_Columns]], np.ndarray]]:
    """The rows of `query` (which selects a `vector` column) a batch at a time, with their vectors stacked
    (a batch's row `i` has vector `i`)."""
    for rows in session.execute(query.execution_options(yield_per=BATCH)).partitions(BATCH):
        yield rows, np.stack([vector_of(row) for row in rows])


@dataclass(frozen=True, slots=True)
class CropRetention:
    """The retention data class `name` of crop rows: rows older than its days lose their row and crop, unless
    the crop is evidence or a legal hold covers their camera and time."""

    name: str
    rows: RowClass
    default_days: float = DEFAULT_DAYS

    def days(self, retention: RetentionSettings) -> float:
        """The days the settings keep the class's rows for."""
        return retention.days_for(self.name, self.default_days)

    def media(self, session: Session, shas: set[str]) -> set[str]:
        """Which of `shas` a stored row still shows."""
        return files_named(session, shas, *self.rows.files)

    def policies(self, context: RetentionContext) -> list[DataClassPolicy]:
        return [row_class_policy(context, self.name, self.rows, self.default_days)]
