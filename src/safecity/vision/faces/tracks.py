"""Pick the best faces of each person track, so that live matching embeds and searches a few good faces."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable
from collections.abc import Iterable
from dataclasses import dataclass

from safecity.vision.faces.pipeline import FaceResult


@dataclass(frozen=True, slots=True)
class TrackFace:
    """A face seen on frame `frame_index` and attributed by the tracker to `track_id`."""

    track_id: Hashable
    frame_index: int
    face: FaceResult


def best_faces_per_track(
    faces: Iterable[TrackFace], *, per_track: int = 3, min_frame_gap: int = 0
) -> dict[Hashable, list[TrackFace]]:
    """Up to `per_track` faces per track, best quality first, only faces that passed the quality gate.

    `min_frame_gap` keeps chosen faces at least that many frames apart, so the picks are not near-copies of
    one moment. Ties in quality go to the earlier frame. Tracks with no usable face are absent.
    """
    if per_track < 1:
        raise ValueError(f"per_track must be at least 1, got {per_track}")
    by_track: dict[Hashable, list[TrackFace]] = defaultdict(list)
    for item in faces:
        if item.face.quality.passed:
            by_track[item.track_id].append(item)
    chosen: dict[Hashable, list[TrackFace]] = {}
    for track_id, items in by_track.items():
        ranked = sorted(items, key=lambda i: (-i.face.quality.score, i.frame_index))
        picks: list[TrackFace] = []
        for item in ranked:
            if all(abs(item.frame_index - p.frame_index) >= min_frame_gap for p in picks):
                picks.append(item)
            if len(picks) == per_track:
                break
        chosen[track_id] = picks
    return chosen
