"""Face recognition library: detection, 5-point alignment, quality gate, embeddings, 1:1 and 1:N search.

Knows nothing of the database. Entry points:
- `analyse_image(image)` -> list[FaceResult]: every face with box, quality and (if usable) embedding;
- `verify(a, b)` -> VerificationResult: 1:1 decision at the model's calibrated threshold;
- `ExactIndex` / `ScanIndex` / `HnswIndex` + `search_gallery(index, embedding, mode=...)`: 1:N search;
- `best_faces_per_track(...)`: the best faces of person tracks for live matching.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from safecity.vision.faces.calibration import OpenSetPoint, PairDistances, open_set_curve, pair_distances
    from safecity.vision.faces.detection import Detection, FaceDetector
    from safecity.vision.faces.detectors import (
        CascadeDetector,
        DlibCnnDetector,
        DlibHogDetector,
        YuNetDetector,
        create_detector,
    )
    from safecity.vision.faces.embedders import DLIB_RESNET, DlibResnetEmbedder, OnnxFaceEmbedder
    from safecity.vision.faces.embedding import Embedding, EmbeddingModel, FaceEmbedder, distance
    from safecity.vision.faces.errors import (
        FaceError,
        ImageInputError,
        ModelFileError,
        ModelMismatchError,
        NoUsableFaceError,
    )
    from safecity.vision.faces.identification import Candidate, distance_to_score, search_gallery
    from safecity.vision.faces.image_input import load_image
    from safecity.vision.faces.index import ExactIndex, FaceIndex, HnswIndex, ScanIndex, SearchHit
    from safecity.vision.faces.pipeline import (
        FacePipeline,
        FaceResult,
        analyse_image,
        best_usable_face,
        default_pipeline,
    )
    from safecity.vision.faces.quality import QualityReport, QualityThresholds
    from safecity.vision.faces.tracks import TrackFace, best_faces_per_track
    from safecity.vision.faces.verification import VerificationResult, primary_face, verify, verify_pairs
    from safecity.vision.faces.vocabulary import DETECTOR_NAMES, SearchMode

# Loaded on first use (PEP 562): importing this package, or a light module in it such as `vocabulary`,
# must not pull in NumPy, dlib, OpenCV and ONNX Runtime (the command line's start-up time depends on it).
_EXPORTS_BY_MODULE = {
    "calibration": "OpenSetPoint PairDistances open_set_curve pair_distances",
    "detection": "Detection FaceDetector",
    "detectors": "CascadeDetector DlibCnnDetector DlibHogDetector YuNetDetector create_detector",
    "embedders": "DLIB_RESNET DlibResnetEmbedder OnnxFaceEmbedder",
    "embedding": "Embedding EmbeddingModel FaceEmbedder distance",
    "errors": "FaceError ImageInputError ModelFileError ModelMismatchError NoUsableFaceError",
    "identification": "Candidate distance_to_score search_gallery",
    "image_input": "load_image",
    "index": "ExactIndex FaceIndex HnswIndex ScanIndex SearchHit",
    "pipeline": "FacePipeline FaceResult analyse_image best_usable_face default_pipeline",
    "quality": "QualityReport QualityThresholds",
    "tracks": "TrackFace best_faces_per_track",
    "verification": "VerificationResult primary_face verify verify_pairs",
    "vocabulary": "DETECTOR_NAMES SearchMode",
}
_HOME_OF = {name: module for module, names in _EXPORTS_BY_MODULE.items() for name in names.split()}


def __getattr__(name: str) -> object:
    module = _HOME_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "DETECTOR_NAMES",
    "DLIB_RESNET",
    "Candidate",
    "CascadeDetector",
    "Detection",
    "DlibCnnDetector",
    "DlibHogDetector",
    "DlibResnetEmbedder",
    "Embedding",
    "EmbeddingModel",
    "ExactIndex",
    "FaceDetector",
    "FaceEmbedder",
    "FaceError",
    "FaceIndex",
    "FacePipeline",
    "FaceResult",
    "HnswIndex",
    "ImageInputError",
    "ModelFileError",
    "ModelMismatchError",
    "NoUsableFaceError",
    "OnnxFaceEmbedder",
    "OpenSetPoint",
    "PairDistances",
    "QualityReport",
    "QualityThresholds",
    "ScanIndex",
    "SearchHit",
    "SearchMode",
    "TrackFace",
    "VerificationResult",
    "YuNetDetector",
    "analyse_image",
    "best_faces_per_track",
    "best_usable_face",
    "create_detector",
    "default_pipeline",
    "distance",
    "distance_to_score",
    "load_image",
    "open_set_curve",
    "pair_distances",
    "primary_face",
    "search_gallery",
    "verify",
    "verify_pairs",
]
