"""The re-id stage of a camera: person tracks in, one appearance per finished track out (`reid.appearance`).

Per analysed frame every tracked person's crop is offered to the track's `TrackCrops` (the few largest whole
views, spread in time); nothing runs the network then. When a track has not been seen for `idle_seconds`
(or the camera stops) its kept crops are embedded and averaged into the track's appearance vector, and its
best crop goes to the media store as the track's snapshot. The API node's `persons_search` consumer stores
the event for person search across cameras.
"""

from __future__ import annotations

import logging
from collections.abc import Hashable
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC
from datetime import datetime
from pathlib import Path

import numpy as np

from safecity.cameras.live_frames import encode_jpeg
from safecity.core.bus.vectors import encode_vector
from safecity.core.media import MediaStore
from safecity.persons_search.events import PersonAppearanceEvent
from safecity.video.frame import Image
from safecity.vision.boxes import Box
from safecity.vision.reid import CropCandidate
from safecity.vision.reid import PersonReidEmbedder
from safecity.vision.reid import ReidModelError
from safecity.vision.reid import TrackCrops
from safecity.vision.reid import crop_score
from safecity.vision.reid import find_reid_model
from safecity.vision.reid import track_appearance
from safecity.worker.face_stage import TrackedPerson
from safecity.worker.track_stage import CROP_JPEG_QUALITY
from safecity.worker.track_stage import TrackStage

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ReidStageConfig:
    """`crops_per_track`: crops averaged into a track's appearance. `min_person_height`: smaller people are
    too far away to describe. `idle_seconds`: a track unseen this long is finished."""

    crops_per_track: int = 3
    min_person_height: int = 64
    idle_seconds: float = 2.0


@dataclass(frozen=True, slots=True)
class TrackAppearance:
    track_id: str
    first_seen: float
    last_seen: float
    vector: np.ndarray  # float32 unit vector
    box: Box
    crops: int
    crop_jpeg: bytes


@dataclass(slots=True)
class _Open:
    crops: TrackCrops
    first_seen: float
    last_seen: float = 0.0


class ReidStage(TrackStage[_Open, TrackAppearance]):
    def __init__(self, embedder: PersonReidEmbedder, config: ReidStageConfig | None = None) -> None:
        self.embedder = embedder
        self.config = config or ReidStageConfig()
        super().__init__(self.config.idle_seconds)

    def process(
        self, image: Image, persons: Sequence[TrackedPerson], timestamp: float
    ) -> list[TrackAppearance]:
        """Keep this frame's good person crops; returns the appearances of tracks that have finished."""
        height, width = image.shape[:2]
        keep = self.config.crops_per_track
        for person in persons:
            track = self._seen(person.track_id, timestamp, lambda: _Open(TrackCrops(keep=keep), timestamp))
            box = person.box
            if box.height < self.config.min_person_height:
                continue
            score = crop_score(box, (width, height))
            x1, y1 = max(0, int(box.x1)), max(0, int(box.y1))
            x2, y2 = min(width, int(box.x2)), min(height, int(box.y2))
            if score > 0 and x2 > x1 and y2 > y1:
                track.crops.offer(CropCandidate(score, timestamp, box, image[y1:y2, x1:x2].copy()))
        return self._ended(timestamp)

    def _finish(self, track_id: Hashable, track: _Open) -> list[TrackAppearance]:
        best = track.crops.best
        if best is None:
            return []  # never seen large and whole enough to describe
        vector = track_appearance([self.embedder.embed(c.pixels) for c in track.crops.crops])
        appearance = TrackAppearance(
            str(track_id),
            track.first_seen,
            track.last_seen,
            vector,
            best.box,
            len(track.crops.crops),
            encode_jpeg(best.pixels, CROP_JPEG_QUALITY),
        )
        return [appearance]


def appearance_event(
    appearance: TrackAppearance, media: MediaStore, camera_id: str, worker: str, model_id: str
) -> PersonAppearanceEvent:
    """Store the best crop in the media store and describe the track for the bus (vector inline, base64)."""
    crop = media.put_bytes(appearance.crop_jpeg, ".jpg")
    return PersonAppearanceEvent(
        camera_id=camera_id,
        time=datetime.fromtimestamp(appearance.last_seen, UTC),
        first_seen=datetime.fromtimestamp(appearance.first_seen, UTC),
        source=f"worker:{worker}",
        track_id=appearance.track_id,
        crop_sha256=crop.sha256,
        box=[float(v) for v in appearance.box],
        crops=appearance.crops,
        model=model_id,
        dim=int(appearance.vector.shape[0]),
        vector=encode_vector(appearance.vector),
    )


def load_reid(models_dir: Path | None) -> PersonReidEmbedder | None:
    """The registry's re-id model shared by the worker's cameras, or None (logged: person search then has
    no new tracks, everything else runs as before)."""
    path, reason = find_reid_model(models_dir)
    if path is None:
        log.info("person re-id off: %s", reason)
        return None
    try:
        return PersonReidEmbedder(path)
    except ReidModelError as error:
        log.error("person re-id off: %s", error)
        return None
