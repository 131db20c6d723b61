"""Face recognition library: detection, 5-point alignment, quality gate, embeddings, 1:1 and 1:N search.

Knows nothing of the database. Entry points:
- `analyse_image(image)` -> list[FaceResult]: every face with box, quality and (if usable) embedding;
- `verify(a, b)` -> VerificationResult: 1:1 decision at the model's calibrated threshold;
- `ExactIndex` / `HnswIndex` + `search_gallery(index, embedding, mode=...)`: 1:N search;
- `best_faces_per_track(...)`: the best faces of person tracks for live matching.
"""

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
from safecity.vision.faces.geometry import Box
from safecity.vision.faces.identification import Candidate, SearchMode, distance_to_score, search_gallery
from safecity.vision.faces.image_input import load_image
from safecity.vision.faces.index import ExactIndex, FaceIndex, HnswIndex, SearchHit
from safecity.vision.faces.pipeline import (
    FacePipeline,
    FaceResult,
    analyse_image,
    best_usable_face,
    default_pipeline,
)
from safecity.vision.faces.quality import QualityReport, QualityThresholds
from safecity.vision.faces.tracks import TrackFace, best_faces_per_track
from safecity.vision.faces.verification import VerificationResult, primary_face, verify

__all__ = [
    "DLIB_RESNET",
    "Box",
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
]
