"""Detect, check quality, align and embed every face of an image."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from safecity.vision.boxes import Box
from safecity.vision.faces.detection import FaceDetector
from safecity.vision.faces.detectors import create_detector
from safecity.vision.faces.embedders import DlibResnetEmbedder
from safecity.vision.faces.embedding import Embedding
from safecity.vision.faces.embedding import FaceEmbedder
from safecity.vision.faces.face_crop import FaceCrop
from safecity.vision.faces.image_input import ImageSource
from safecity.vision.faces.image_input import load_image
from safecity.vision.faces.landmarks import FaceLandmarks
from safecity.vision.faces.quality import QualityReport
from safecity.vision.faces.quality import QualityThresholds
from safecity.vision.faces.quality import assess_quality


@dataclass(frozen=True, slots=True)
class FaceResult:
    """One face of an image; `embedding` is None when it failed the quality gate (see quality.reasons)."""

    box: Box
    quality: QualityReport
    embedding: Embedding | None
    detector: str
    landmarks: FaceLandmarks

    @property
    def usable(self) -> bool:
        return self.embedding is not None

    def to_dict(self) -> dict[str, object]:
        """JSON-ready summary (box, detector, quality, model id); the vector itself is left out."""
        return {
            "box": self.box.as_list(),
            "detector": self.detector,
            "quality": self.quality.to_dict(),
            "model": self.embedding.model_id if self.embedding is not None else None,
        }


class FacePipeline:
    """Finds faces with `detector`, gates them with `thresholds` and embeds those that pass with `embedder`.

    Faces come back largest first. With `embed_rejected` the faces that fail the gate are embedded too (for
    investigation searches that accept poor probes); their quality report still says they failed.
    """

    def __init__(
        self,
        detector: FaceDetector | None = None,
        embedder: FaceEmbedder | None = None,
        thresholds: QualityThresholds | None = None,
        *,
        embed_rejected: bool = False,
    ) -> None:
        self.detector = detector if detector is not None else create_detector("hog+cnn")
        self.embedder = embedder if embedder is not None else DlibResnetEmbedder()
        self.thresholds = thresholds if thresholds is not None else QualityThresholds.for_search()
        self.embed_rejected = embed_rejected

    def analyse(self, source: ImageSource) -> list[FaceResult]:
        """All faces of an image (file path, encoded bytes or BGR/gray/BGRA array), largest first.

        Raises ImageInputError when the image itself cannot be used; a face-free image gives [].
        """
        image = load_image(source)
        height, width = image.shape[:2]
        detections = sorted(self.detector.detect(image), key=lambda d: d.box.area, reverse=True)
        results = []
        for detection in detections:
            crop = FaceCrop(image, detection)
            quality = assess_quality(crop, detection, (width, height), self.thresholds)
            embedding = self.embedder.embed(crop) if quality.passed or self.embed_rejected else None
            results.append(
                FaceResult(detection.box, quality, embedding, detection.detector, crop.landmarks_in_image())
            )
        return results


_default_pipeline: FacePipeline | None = None
_default_lock = threading.Lock()


def default_pipeline() -> FacePipeline:
    """The shared pipeline with default settings (HOG then CNN detection, dlib ResNet embeddings)."""
    global _default_pipeline
    with _default_lock:
        if _default_pipeline is None:
            _default_pipeline = FacePipeline()
        return _default_pipeline


def analyse_image(image: ImageSource, *, pipeline: FacePipeline | None = None) -> list[FaceResult]:
    """Every face of `image` with its box, quality and (when it passes the gate) embedding, largest first."""
    return (pipeline or default_pipeline()).analyse(image)


def best_usable_face(faces: list[FaceResult]) -> FaceResult | None:
    """The largest face that passed the quality gate, or None."""
    usable = [face for face in faces if face.usable]
    return max(usable, key=lambda face: face.box.area) if usable else None
