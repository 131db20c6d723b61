"""Face test support: the shared photos as bytes and face pipelines that analyse each image only once.

Detection (~120 ms per image) and embedding (~60 ms per face) dominate the face tests, so every pipeline
here caches its results per (thresholds, embed_rejected, image bytes) for the whole session.
"""

from __future__ import annotations

import hashlib
from datetime import UTC
from datetime import datetime
from functools import cache

import cv2
import numpy as np

from safecity.core.bus.vectors import encode_vector
from safecity.faces.events import FaceSightingEvent
from safecity.faces.watchlist.runtime import FaceWatchlist
from safecity.vision.faces import Embedding
from safecity.vision.faces import FacePipeline
from safecity.vision.faces import FaceResult
from safecity.vision.faces import QualityThresholds
from safecity.vision.faces.image_input import ImageSource
from tests.conftest import shared_path

_results: dict[tuple[str, bool, str], list[FaceResult]] = {}


class CachingPipeline(FacePipeline):
    def analyse(self, source: ImageSource) -> list[FaceResult]:
        if not isinstance(source, bytes):
            return super().analyse(source)
        key = (repr(self.thresholds), self.embed_rejected, hashlib.sha256(source).hexdigest())
        if key not in _results:
            _results[key] = super().analyse(source)
        return _results[key]


@cache
def pipelines() -> dict[str, FacePipeline]:
    return {
        "search": CachingPipeline(),
        "enrol": CachingPipeline(thresholds=QualityThresholds.for_enrolment()),
        "investigation": CachingPipeline(embed_rejected=True),
    }


def use_cached_pipelines(watchlist: FaceWatchlist) -> FaceWatchlist:
    for purpose, pipeline in pipelines().items():
        watchlist.set_pipeline(purpose, pipeline)
    return watchlist


def photo(relative: str) -> bytes:
    """A shared face photo (skips the test when the shared assets are absent)."""
    return shared_path(f"data/faces/{relative}").read_bytes()


OBAMA = "obama/obama.jpg"
OBAMA_PROBE = "obama/obama-720p.jpg"
OBAMA_TOO_SMALL = "obama/obama-240p.jpg"
BIDEN = "biden/biden.jpg"
ALEX = "alex_lacamoire/alex-lacamoire.png"
KIT = "kit_harington/john1.jpeg"
STRANGER = "rose_leslie/img1.jpg"  # nobody enrolled looks like her


def no_face_jpeg() -> bytes:
    """A smooth textured picture with no face in it."""
    rng = np.random.default_rng(0)
    noise = rng.integers(0, 255, size=(30, 40, 3), dtype=np.uint8)
    ok, encoded = cv2.imencode(".jpg", cv2.resize(noise, (320, 240), interpolation=cv2.INTER_CUBIC))
    assert ok
    return encoded.tobytes()


def sighting_event(
    embedding: Embedding,
    *,
    camera_id: str = "cam-1",
    track_id: str = "7",
    time: datetime | None = None,
    crop: bytes = b"probe crop",
) -> FaceSightingEvent:
    """What the worker's face stage publishes for a person track's best face."""
    return FaceSightingEvent(
        camera_id=camera_id,
        time=time or datetime.now(UTC),
        source="worker:test",
        track_id=track_id,
        crop_sha256=hashlib.sha256(crop).hexdigest(),
        box=[10.0, 10.0, 90.0, 90.0],
        quality_score=0.9,
        model=embedding.model_id,
        dim=embedding.model.dim,
        vector=encode_vector(embedding.vector),
    )


def search_embedding(relative: str) -> Embedding:
    faces = pipelines()["search"].analyse(photo(relative))
    assert faces
    assert faces[0].embedding is not None
    return faces[0].embedding
