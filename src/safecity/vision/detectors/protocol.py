"""What the pipeline needs from any detector."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np

from safecity.vision.detectors.types import Detections


class Detector(Protocol):
    name: str
    input_size: tuple[int, int]

    def detect(self, image: np.ndarray) -> Detections: ...

    def detect_batch(self, images: Sequence[np.ndarray]) -> list[Detections]: ...
