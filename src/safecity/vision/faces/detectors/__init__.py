"""Face detectors: dlib HOG, dlib CNN (MMOD), YuNet, and a cascade of them."""

from __future__ import annotations

from pathlib import Path

from safecity.vision.faces.detection import FaceDetector
from safecity.vision.faces.detectors.cascade import CascadeDetector
from safecity.vision.faces.detectors.dlib_cnn import DlibCnnDetector
from safecity.vision.faces.detectors.dlib_hog import DlibHogDetector
from safecity.vision.faces.detectors.yunet import YuNetDetector
from safecity.vision.faces.vocabulary import DETECTOR_NAMES


def create_detector(name: str = "hog+cnn", *, model_path: str | Path | None = None) -> FaceDetector:
    """A detector by name: "hog", "cnn", "hog+cnn" (CNN only when HOG finds nothing) or "yunet" (needs
    `model_path`, the YuNet ONNX file)."""
    if name == "hog":
        return DlibHogDetector()
    if name == "cnn":
        return DlibCnnDetector()
    if name == "hog+cnn":
        return CascadeDetector([DlibHogDetector(), DlibCnnDetector()])
    if name == "yunet":
        if model_path is None:
            raise ValueError(
                "the yunet detector needs the model file path (face_detection_yunet_2023mar.onnx)"
            )
        return YuNetDetector(model_path)
    raise ValueError(f"unknown face detector {name!r}; choose one of {', '.join(DETECTOR_NAMES)}")


__all__ = [
    "DETECTOR_NAMES",
    "CascadeDetector",
    "DlibCnnDetector",
    "DlibHogDetector",
    "YuNetDetector",
    "create_detector",
]
