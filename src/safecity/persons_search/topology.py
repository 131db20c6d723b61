"""The camera topology: which cameras are neighbours and the usual travel time between them.

Learned from plate trajectories: a vehicle read at camera A and next at camera B within `max_gap` is one
A-B travel sample; a pair with at least `min_samples` samples becomes a link with the median time. Vehicles
are the only things the platform follows by identity, and people on foot are slower, so an operator edits
links by hand where that matters (a manual link is never overwritten by learning).
"""

from __future__ import annotations

import itertools
import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from datetime import timedelta

from sqlalchemy import delete
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.anpr.models import PlateReadRecord
from safecity.core.db import utcnow
from safecity.core.errors import InvalidInputError
from safecity.core.errors import NotFoundError
from safecity.persons_search.models import CameraLink

LEARNED = "learned"
MANUAL = "manual"


@dataclass(frozen=True, slots=True)
class LinkEstimate:
    camera_a: str
    camera_b: str
    travel_seconds: float
    samples: int


def pair(camera_x: str, camera_y: str) -> tuple[str, str]:
    return (camera_x, camera_y) if camera_x < camera_y else (camera_y, camera_x)


def estimate_links(
    reads: Iterable[tuple[str, str, datetime]], *, max_gap: timedelta, min_samples: int = 3
) -> list[LinkEstimate]:
    """Links from (plate, camera, time) reads in any order: consecutive reads of one plate at two different
    cameras within `max_gap` are travel samples; the median of each pair with `min_samples` is its time."""
    by_plate: dict[str, list[tuple[datetime, str]]] = defaultdict(list)
    for plate, camera, time in reads:
        by_plate[plate].append((time, camera))
    samples: dict[tuple[str, str], list[float]] = defaultdict(list)
    for trail in by_plate.values():
        trail.sort()
        for (t1, c1), (t2, c2) in itertools.pairwise(trail):
            if c1 != c2 and t2 - t1 <= max_gap:
                samples[pair(c1, c2)].append((t2 - t1).total_seconds())
    return [
        LinkEstimate(a, b, round(statistics.median(times), 1), len(times))
        for (a, b), times in sorted(samples.items())
        if len(times) >= min_samples
    ]


def learn_from_plates(
    session: Session, *, days: float = 30, max_gap: timedelta = timedelta(hours=1), min_samples: int = 3
) -> list[CameraLink]:
    """Re-learn the links from the last `days` of plate reads; manual links stay as they are."""
    since = utcnow() - timedelta(days=days)
    rows = session.execute(
        select(PlateReadRecord.plate_key, PlateReadRecord.camera_id, PlateReadRecord.time).where(
            PlateReadRecord.time >= since, PlateReadRecord.plate_key != ""
        )
    )
    estimates = estimate_links(
        ((r.plate_key, r.camera_id, r.time) for r in rows), max_gap=max_gap, min_samples=min_samples
    )
    manual = {(link.camera_a, link.camera_b) for link in list_links(session) if link.source == MANUAL}
    session.execute(delete(CameraLink).where(CameraLink.source == LEARNED))
    for estimate in estimates:
        if (estimate.camera_a, estimate.camera_b) not in manual:
            session.add(
                CameraLink(
                    camera_a=estimate.camera_a,
                    camera_b=estimate.camera_b,
                    travel_seconds=estimate.travel_seconds,
                    samples=estimate.samples,
                    source=LEARNED,
                )
            )
    session.flush()
    return list_links(session)


def list_links(session: Session) -> list[CameraLink]:
    return list(session.scalars(select(CameraLink).order_by(CameraLink.camera_a, CameraLink.camera_b)))


def neighbours(session: Session, camera_id: str) -> dict[str, float]:
    """The cameras linked to `camera_id` -> usual travel time in seconds."""
    links = session.scalars(
        select(CameraLink).where(or_(CameraLink.camera_a == camera_id, CameraLink.camera_b == camera_id))
    )
    return {
        (link.camera_b if link.camera_a == camera_id else link.camera_a): link.travel_seconds
        for link in links
    }


def set_link(session: Session, camera_x: str, camera_y: str, travel_seconds: float) -> CameraLink:
    """Create or overwrite the link by hand (it becomes manual)."""
    if camera_x == camera_y:
        raise InvalidInputError("a camera cannot be its own neighbour", field="camera_b")
    a, b = pair(camera_x, camera_y)
    link = session.get(CameraLink, (a, b))
    if link is None:
        link = CameraLink(camera_a=a, camera_b=b, samples=0)
        session.add(link)
    link.travel_seconds = travel_seconds
    link.source = MANUAL
    session.flush()
    return link


def remove_link(session: Session, camera_x: str, camera_y: str) -> None:
    link = session.get(CameraLink, pair(camera_x, camera_y))
    if link is None:
        raise NotFoundError(f"no link between {camera_x} and {camera_y}")
    session.delete(link)
    session.flush()
