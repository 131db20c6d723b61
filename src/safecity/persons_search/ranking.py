"""Re-ranking appearance matches with the camera topology (pure).

Appearance alone confuses people dressed alike. Where the origin camera has known neighbours, a match on a
neighbouring camera seen about one usual travel time away is more believable than one on a camera with no
link, or one that would need an impossible walk. The score is the appearance similarity times a factor:
  - linked camera: 0.85 + 0.15 * plausibility, plausibility = exp(-((dt - T) / spread)^2 / 2), with T the
    link's travel time, dt the time between the origin and the match, and a spread of T / 4 + 15 s when
    faster than usual (people seldom beat the usual time) but T + 30 s when slower (they linger);
  - camera not linked to the origin camera (while it has links): 0.85;
  - no topology for the origin (or no origin, e.g. an uploaded photo): 1 (appearance only).
`neighbours_only` drops the matches on cameras not linked to the origin camera.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import replace
from datetime import datetime

UNLINKED_FACTOR = 0.85
TOPOLOGY_WEIGHT = 0.15


@dataclass(frozen=True, slots=True)
class Origin:
    camera_id: str
    first_seen: datetime
    last_seen: datetime


@dataclass(frozen=True, slots=True)
class Match:
    appearance_id: int
    camera_id: str
    track_id: str
    first_seen: datetime
    last_seen: datetime
    crop_sha256: str
    similarity: float
    score: float = 0.0
    travel_seconds: float | None = None  # the link's usual travel time from the origin camera, if linked


def travel_plausibility(elapsed_seconds: float, usual_seconds: float) -> float:
    """1 when the gap is the usual travel time, falling off on both sides (too fast or too slow)."""
    spread = usual_seconds / 4 + 15.0 if elapsed_seconds < usual_seconds else usual_seconds + 30.0
    return math.exp(-(((elapsed_seconds - usual_seconds) / spread) ** 2) / 2)


def elapsed_between(origin: Origin, match: Match) -> float:
    """Seconds between leaving one camera and appearing at the other, whichever came first."""
    if match.first_seen >= origin.last_seen:
        return (match.first_seen - origin.last_seen).total_seconds()
    if match.last_seen <= origin.first_seen:
        return (origin.first_seen - match.last_seen).total_seconds()
    return 0.0  # seen on both cameras at once


def rerank(
    matches: Sequence[Match],
    origin: Origin | None,
    links: Mapping[str, float],
    *,
    neighbours_only: bool = False,
) -> list[Match]:
    """`matches` scored, best first. `links`: the origin camera's neighbours -> usual travel seconds."""
    scored = []
    for match in matches:
        usual = links.get(match.camera_id)
        if origin is None or not links:
            factor = 1.0
        elif usual is None:
            if neighbours_only:
                continue
            factor = UNLINKED_FACTOR
        else:
            plausible = travel_plausibility(elapsed_between(origin, match), usual)
            factor = UNLINKED_FACTOR + TOPOLOGY_WEIGHT * plausible
        scored.append(replace(match, score=round(match.similarity * factor, 4), travel_seconds=usual))
    return sorted(scored, key=lambda m: (-m.score, m.first_seen, m.appearance_id))
