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
    from safecity.vision.faces.calibration import OpenSetPoint
    from safecity.vision.faces.calibration import PairDistances
    from safecity.vision.faces.calibration import open_set_curve
    from safecity.vision.faces.calibration import pair_distances
    from safecity.vision.faces.detection import Detection
    from safecity.vision.faces.detection import FaceDetector
    from safecity.vision.faces.detectors import CascadeDetector
    from safecity.vision.faces.detectors import DlibCnnDetector
    from safecity.vision.faces.detectors import DlibHogDetector
    from safecity.vision.faces.detectors import YuNetDetector
    from safecity.vision.faces.detectors import create_detector
    from safecity.vision.faces.embedders import DLIB_RESNET
    from safecity.vision.faces.embedders import DlibResnetEmbedder
    from safecity.vision.faces.embedders import OnnxFaceEmbedder
    from safecity.vision.faces.embedding import Embedding
    from safecity.vision.faces.embedding import EmbeddingModel
    from safecity.vision.faces.embedding import FaceEmbedder
    from safecity.vision.faces.embedding import distance
    from safecity.vision.faces.errors import FaceError
    from safecity.vision.faces.errors import ImageInputError
    from safecity.vision.faces.errors import ModelFileError
    from safecity.vision.faces.errors import ModelMismatchError
    from safecity.vision.faces.errors import NoUsableFaceError
    from safecity.vision.faces.identification import Candidate
    from safecity.vision.faces.identification import distance_to_score
    from safecity.vision.faces.identification import search_gallery
    from safecity.vision.faces.image_input import load_image
    from safecity.vision.faces.index import ExactIndex
    from safecity.vision.faces.index import FaceIndex
    from safecity.vision.faces.index import HnswIndex
    from safecity.vision.faces.index import ScanIndex
    from safecity.vision.faces.index import SearchHit
    from safecity.vision.faces.pipeline import FacePipeline
    from safecity.vision.faces.pipeline import FaceResult
    from safecity.vision.faces.pipeline import analyse_image
    from safecity.vision.faces.pipeline import best_usable_face
    from safecity.vision.faces.pipeline import default_pipeline
    from safecity.vision.faces.quality import QualityReport
    from safecity.vision.faces.quality import QualityThresholds
    from safecity.vision.faces.tracks import TrackFace
    from safecity.vision.faces.tracks import best_faces_per_track
    from safecity.vision.faces.verification import VerificationResult
    from safecity.vision.faces.verification import primary_face
    from safecity.vision.faces.verification import verify
    from safecity.vision.faces.verification import verify_pairs
    from safecity.vision.faces.vocabulary import DETECTOR_NAMES
    from safecity.vision.faces.vocabulary import SearchMode

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
