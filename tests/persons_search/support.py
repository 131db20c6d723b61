"""Synthetic people whose identity is known by construction: clothing colours make the person; background,
position, size, lighting and noise change from one view to the next."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime

import cv2
import numpy as np

from safecity.core.bus.vectors import encode_vector
from safecity.persons_search.events import PersonAppearanceEvent
from tests.conftest import shared_path

REID_MODEL = shared_path("models/person-reidentification-retail-0248.onnx")
DETECTOR_MODEL = shared_path("models/yolox_nano.onnx")
VTEST = shared_path("media/vtest.avi")

# (shirt, trousers) in BGR: six people dressed differently
CLOTHES = [
    ((40, 40, 200), (60, 40, 20)),
    ((200, 80, 30), (30, 30, 30)),
    ((40, 180, 40), (160, 160, 160)),
    ((230, 230, 230), (120, 40, 40)),
    ((20, 200, 230), (40, 40, 110)),
    ((150, 50, 150), (200, 180, 150)),
]


def synthetic_person(person: int, view: int, size: tuple[int, int] = (128, 256)) -> np.ndarray:
    """A BGR crop of person `person` (index into CLOTHES) as seen in view `view` (any seed)."""
    shirt, trousers = CLOTHES[person]
    rng = np.random.default_rng(1000 * person + view)
    width, height = size
    background = rng.integers(60, 200, (8, 4, 3), dtype=np.uint8)
    image = cv2.resize(background, (width, height), interpolation=cv2.INTER_CUBIC)
    s = rng.uniform(0.9, 1.05) * height / 256
    cx = width // 2 + int(rng.integers(-8, 9) * width / 128)

    def y(v: float) -> int:
        return int(v * s) + int(10 * height / 256)

    def x(v: float) -> int:
        return cx + int(v * s)

    cv2.ellipse(image, (cx, y(30)), (int(14 * s), int(18 * s)), 0, 0, 360, (120, 150, 200), -1)
    cv2.rectangle(image, (x(-28), y(50)), (x(28), y(140)), shirt, -1)
    cv2.rectangle(image, (x(-24), y(140)), (x(-2), y(240)), trousers, -1)
    cv2.rectangle(image, (x(2), y(140)), (x(24), y(240)), trousers, -1)
    lit = image.astype(np.float32) * rng.uniform(0.8, 1.2) + rng.normal(0, 6, image.shape)
    return np.clip(lit, 0, 255).astype(np.uint8)


def appearance_event(
    vector: np.ndarray,
    *,
    camera_id: str,
    track_id: str,
    first_seen: datetime,
    last_seen: datetime,
    model: str,
    crop_sha256: str = "0" * 64,
) -> PersonAppearanceEvent:
    return PersonAppearanceEvent(
        camera_id=camera_id,
        time=last_seen.astimezone(UTC),
        first_seen=first_seen,
        source="worker:test",
        track_id=track_id,
        crop_sha256=crop_sha256,
        box=[0.0, 0.0, 64.0, 128.0],
        crops=3,
        model=model,
        dim=int(vector.shape[0]),
        vector=encode_vector(vector),
    )
