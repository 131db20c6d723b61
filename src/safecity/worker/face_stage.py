"""The face stage of a camera: person tracks in, the best face of each track out as a `face.sighting`.

Pure apart from `sighting_event` (which stores the crop in the media store). Per frame, the upper part of each
tracked person's box is searched for faces with the (search-threshold) face pipeline; the faces that pass the
quality gate are kept per track, best first (`best_faces_per_track`). A track's best faces come out when the
track has not been seen for `idle_seconds`, or on `close()`. The API node's `faces` consumer stores each
sighting (forensic search) and matches it against the watchlist (candidates).

Hook (one line in the camera runner, after the pipeline's detections of a frame are known):
    for s in face_stage.process(frame.image, persons, frame.timestamp): publish(sighting_event(s, ...))
"""

from __future__ import annotations

from collections.abc import Hashable
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC
from datetime import datetime

from safecity.cameras.live_frames import encode_jpeg
from safecity.core.bus.vectors import encode_vector
from safecity.core.media import MediaStore
from safecity.faces.events import FaceSightingEvent
from safecity.video.frame import Image
from safecity.vision.boxes import Box
from safecity.vision.faces import FacePipeline
from safecity.vision.faces import FaceResult
from safecity.vision.faces import TrackFace
from safecity.vision.faces import best_faces_per_track
from safecity.worker.track_stage import CROP_JPEG_QUALITY
from safecity.worker.track_stage import TrackStage


@dataclass(frozen=True, slots=True)
class TrackedPerson:
    """A tracked person in this frame: track id and box (x1, y1, x2, y2) in frame pixels."""

    track_id: Hashable
    box: Box


@dataclass(frozen=True, slots=True)
class FaceStageConfig:
    """`per_track`: faces published per track. `idle_seconds`: a track unseen this long is finished.
    `head_share`: the top share of a person box searched for a face. `min_person_height`: smaller people are
    too far away for a usable face and are skipped. `crop_margin`: share of the face box kept around it."""

    per_track: int = 1
    idle_seconds: float = 2.0
    head_share: float = 0.5
    min_person_height: int = 80
    crop_margin: float = 0.3


@dataclass(frozen=True, slots=True)
class FaceSighting:
    track_id: str
    timestamp: float
    face: FaceResult
    crop_jpeg: bytes


@dataclass(slots=True)
class _Kept:
    faces: list[TrackFace]
    crops: dict[int, bytes]
    last_seen: float


class FaceStage(TrackStage[_Kept, FaceSighting]):
    def __init__(self, pipeline: FacePipeline | None = None, config: FaceStageConfig | None = None) -> None:
        self.pipeline = pipeline or FacePipeline()
        self.config = config or FaceStageConfig()
        super().__init__(self.config.idle_seconds)
        self._frame = 0

    def process(self, image: Image, persons: Sequence[TrackedPerson], timestamp: float) -> list[FaceSighting]:
        """Look for faces of this frame's persons; returns the sightings of tracks that have finished."""
        self._frame += 1
        height, width = image.shape[:2]
        for person in persons:
            x1, y1, x2, y2 = (round(v) for v in person.box)
            x1, y1, x2, y2 = max(0, x1), max(0, y1), min(width, x2), min(height, y2)
            if y2 - y1 < self.config.min_person_height or x2 <= x1:
                continue
            head = image[y1 : y1 + max(1, int((y2 - y1) * self.config.head_share)), x1:x2]
            usable = [face for face in self.pipeline.analyse(head) if face.usable]
            kept = self._seen(person.track_id, timestamp, lambda: _Kept([], {}, timestamp))
            if not usable:
                continue
            face = _shifted(max(usable, key=lambda f: f.box.area), x1, y1)
            kept.faces.append(TrackFace(person.track_id, self._frame, face))
            kept.crops[self._frame] = _crop_jpeg(image, face.box, self.config.crop_margin)
            best = best_faces_per_track(kept.faces, per_track=self.config.per_track)[person.track_id]
            kept.faces = best
            kept.crops = {item.frame_index: kept.crops[item.frame_index] for item in best}
        return self._ended(timestamp)

    def _finish(self, track_id: Hashable, kept: _Kept) -> list[FaceSighting]:
        return [
            FaceSighting(str(track_id), kept.last_seen, item.face, kept.crops[item.frame_index])
            for item in kept.faces
        ]


def _shifted(face: FaceResult, dx: int, dy: int) -> FaceResult:
    return FaceResult(
        face.box.shifted(dx, dy), face.quality, face.embedding, face.detector, face.landmarks.shifted(dx, dy)
    )


def _crop_jpeg(image: Image, box: Box, margin: float) -> bytes:
    height, width = image.shape[:2]
    mx, my = box.width * margin, box.height * margin
    x1, y1 = max(0, int(box.x1 - mx)), max(0, int(box.y1 - my))
    x2, y2 = min(width, int(box.x2 + mx)), min(height, int(box.y2 + my))
    return encode_jpeg(image[y1:y2, x1:x2], CROP_JPEG_QUALITY)


def sighting_event(
    sighting: FaceSighting, media: MediaStore, camera_id: str, worker: str
) -> FaceSightingEvent:
    """Store the crop in the media store and describe the sighting for the bus (vector inline, base64)."""
    embedding = sighting.face.embedding
    if embedding is None:
        raise ValueError("a sighting needs a face that passed the quality gate")
    crop = media.put_bytes(sighting.crop_jpeg, ".jpg")
    return FaceSightingEvent(
        camera_id=camera_id,
        time=datetime.fromtimestamp(sighting.timestamp, UTC),
        source=f"worker:{worker}",
        track_id=sighting.track_id,
        crop_sha256=crop.sha256,
        box=[float(v) for v in sighting.face.box.as_list()],
        quality_score=round(float(sighting.face.quality.score), 4),
        model=embedding.model_id,
        dim=embedding.model.dim,
        vector=encode_vector(embedding.vector),
    )
