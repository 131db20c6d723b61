"""Storing track appearances and searching them: appearance similarity in a time window, then topology."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from datetime import timedelta

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.core.db import utcnow
from safecity.core.errors import NotFoundError
from safecity.faces.crop_rows import store_once
from safecity.faces.crop_rows import vector_batches
from safecity.persons_search import topology
from safecity.persons_search.events import PersonAppearanceEvent
from safecity.persons_search.models import PersonAppearance
from safecity.persons_search.ranking import Match
from safecity.persons_search.ranking import Origin
from safecity.persons_search.ranking import rerank
from safecity.vision.reid import appearance_similarity

DEFAULT_MIN_SIMILARITY = 0.5  # cosine; retail-0248 on vtest.avi: same person ~0.74, different ~0.21


def store_appearance(session: Session, event: PersonAppearanceEvent) -> PersonAppearance:
    """The row for the event (idempotent: an event seen before returns its row)."""
    return store_once(
        session,
        PersonAppearance,
        event,
        camera_id=event.camera_id or "",
        track_id=event.track_id,
        first_seen=event.first_seen,
        last_seen=event.time,
        crops=event.crops,
    )


def track_appearance(session: Session, camera_id: str, track_id: str) -> PersonAppearance:
    """The stored appearance of a camera's track (the latest, as track ids restart with the worker)."""
    row = session.scalars(
        select(PersonAppearance)
        .where(PersonAppearance.camera_id == camera_id, PersonAppearance.track_id == track_id)
        .order_by(PersonAppearance.last_seen.desc())
    ).first()
    if row is None:
        raise NotFoundError(f"no stored appearance for track {track_id} of camera {camera_id}")
    return row


def origin_of(row: PersonAppearance) -> Origin:
    return Origin(row.camera_id, row.first_seen, row.last_seen)


def search(
    session: Session,
    probe: np.ndarray,
    model_id: str,
    *,
    since: datetime,
    until: datetime,
    origin: Origin | None = None,
    camera_ids: Sequence[str] = (),
    k: int = 20,
    min_similarity: float = DEFAULT_MIN_SIMILARITY,
    neighbours_only: bool = False,
    exclude_appearance: int | None = None,
    retention_days: float | None = None,
) -> list[Match]:
    """Stored tracks of `model_id` overlapping [since, until] that look like `probe`, best first.

    With an `origin` (a stored track), tracks on its own camera are left out and the camera topology
    re-ranks the rest (see `ranking`). Tracks past `retention_days` are never returned, even before the
    sweeper has purged them."""
    if retention_days is not None:
        since = max(since, utcnow() - timedelta(days=retention_days))
    query = (
        select(
            PersonAppearance.id,
            PersonAppearance.camera_id,
            PersonAppearance.track_id,
            PersonAppearance.first_seen,
            PersonAppearance.last_seen,
            PersonAppearance.crop_sha256,
            PersonAppearance.vector,
        )
        .where(
            PersonAppearance.model_id == model_id,
            PersonAppearance.dim == int(probe.shape[0]),
            PersonAppearance.last_seen >= since,
            PersonAppearance.first_seen <= until,
        )
        .order_by(PersonAppearance.id)
    )
    if camera_ids:
        query = query.where(PersonAppearance.camera_id.in_(list(camera_ids)))
    if origin is not None:
        query = query.where(PersonAppearance.camera_id != origin.camera_id)
    matches: list[Match] = []
    for rows, vectors in vector_batches(session, query):
        similarities = appearance_similarity(probe, vectors)
        matches.extend(
            Match(
                row.id, row.camera_id, row.track_id, row.first_seen, row.last_seen, row.crop_sha256, float(s)
            )
            for row, s in zip(rows, similarities, strict=True)
            if s >= min_similarity and row.id != exclude_appearance
        )
    links = topology.neighbours(session, origin.camera_id) if origin is not None else {}
    return rerank(matches, origin, links, neighbours_only=neighbours_only)[:k]
