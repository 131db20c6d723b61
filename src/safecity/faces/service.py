"""Face sightings: storing the worker's face crops with their vectors, and forensic search over them.

Forensic search takes a probe face and ranks the stored sightings of the probe's model within a time range
(and optionally some cameras) by distance: investigation mode, no threshold, for a human to review. Sightings
older than the face-crop retention period are never returned, even before the sweeper has purged them.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from datetime import datetime
from datetime import timedelta
from typing import Any

import numpy as np
from pydantic import BaseModel
from pydantic import ConfigDict
from sqlalchemy import Row
from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.core.db import utcnow
from safecity.faces.crop_rows import store_once
from safecity.faces.crop_rows import vector_batches
from safecity.faces.events import FaceSightingEvent
from safecity.faces.models import FaceSighting
from safecity.vision.faces import Embedding
from safecity.vision.faces import distance_to_score
from safecity.vision.faces.embedding import pairwise_distances


class SightingHit(BaseModel):
    """A stored sighting near the probe; the API answers it as `SightingOut` (faces/api.py)."""

    model_config = ConfigDict(frozen=True)

    sighting_id: int
    camera_id: str | None
    time: datetime
    track_id: str
    crop_sha256: str
    distance: float
    score: float


def store_sighting(session: Session, event: FaceSightingEvent) -> FaceSighting:
    """The sighting row for the event (idempotent: an event seen before returns its row)."""
    return store_once(
        session,
        FaceSighting,
        event,
        camera_id=event.camera_id,
        time=event.time,
        track_id=event.track_id,
        quality_score=event.quality_score,
    )


def forensic_search(
    session: Session,
    probe: Embedding,
    *,
    since: datetime,
    until: datetime,
    camera_ids: Sequence[str] = (),
    k: int = 50,
    retention_days: float | None = None,
    now: datetime | None = None,
) -> list[SightingHit]:
    """The `k` stored sightings nearest to the probe (its model only) within [since, until], nearest first."""
    if k < 1:
        raise ValueError(f"k must be at least 1, got {k}")
    if until < since:
        raise ValueError("until is before since")
    if retention_days is not None:
        since = max(since, (now or utcnow()) - timedelta(days=retention_days))
    query = (
        select(
            FaceSighting.id.label("sighting_id"),
            FaceSighting.camera_id,
            FaceSighting.time,
            FaceSighting.track_id,
            FaceSighting.crop_sha256,
            FaceSighting.vector,
        )
        .where(
            FaceSighting.model_id == probe.model_id,
            FaceSighting.dim == probe.model.dim,
            FaceSighting.time >= since,
            FaceSighting.time <= until,
        )
        .order_by(FaceSighting.id)
    )
    if camera_ids:
        query = query.where(FaceSighting.camera_id.in_(list(camera_ids)))
    best: list[tuple[float, int, Row[Any]]] = []  # a max-heap of the k nearest, by negated distance
    query_vector = probe.vector[None, :].astype(np.float32)
    for rows, vectors in vector_batches(session, query):
        distances = pairwise_distances(query_vector, vectors, probe.model.metric)[0]
        for row, dist in zip(rows, distances, strict=True):
            d = float(dist)
            if len(best) == k and -best[0][0] <= d:
                continue
            item = (-d, -row.sighting_id, row)
            if len(best) < k:
                heapq.heappush(best, item)
            else:
                heapq.heapreplace(best, item)
    nearest = sorted(best, key=lambda item: (-item[0], -item[1]))
    # a hit's fields are its row's columns (the vector is left out), the distance and the score
    return [
        SightingHit.model_validate(
            {**row._mapping, "distance": -negated, "score": distance_to_score(-negated, probe.model)}
        )
        for negated, _, row in nearest
    ]
