"""Hand-made tracks for rule tests."""

from __future__ import annotations

from safecity.vision.boxes import Box
from safecity.vision.tracking import Track


def track_at(
    track_id: int, x: float, y: float, t: float, label: str = "person", previous: Track | None = None
) -> Track:
    """A track whose ground point (bottom centre) is at (x, y) at time t; extends `previous` if given."""
    box = Box(x - 10, y - 40, x + 10, y)
    if previous is None:
        track = Track(track_id, t, t, box, 0.9)
        track.label_votes[label] += 1
    else:
        track = previous
        track.box = box
        track.last_seen = t
    track.path.append((t, x, y))
    return track
