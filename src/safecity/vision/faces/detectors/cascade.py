"""Try detectors in order and keep the first that finds a face: fast HOG first, slow CNN only if needed."""

from __future__ import annotations

from collections.abc import Sequence

from safecity.video.frame import Image
from safecity.vision.faces.detection import Detection
from safecity.vision.faces.detection import FaceDetector


class CascadeDetector:
    """Returns the faces of the first detector that finds any; each detection keeps its own detector name."""

    def __init__(self, detectors: Sequence[FaceDetector]) -> None:
        if not detectors:
            raise ValueError("a cascade needs at least one detector")
        self.detectors = list(detectors)

    @property
    def name(self) -> str:
        return "+".join(d.name for d in self.detectors)

    def detect(self, image: Image) -> list[Detection]:
        for detector in self.detectors:
            found = detector.detect(image)
            if found:
                return found
        return []
