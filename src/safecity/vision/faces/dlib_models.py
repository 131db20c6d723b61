"""The dlib models shipped in the `face_recognition_models` package, loaded once on first use."""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any
from typing import TypeVar

import dlib

from safecity.vision.faces.errors import ModelFileError

T = TypeVar("T")
_load_lock = threading.Lock()


def _model_path(locator: str) -> Path:
    import face_recognition_models

    path = Path(getattr(face_recognition_models, locator)())
    if not path.is_file():
        raise ModelFileError(f"dlib model file missing: {path} (reinstall face-recognition-models)")
    return path


def _locked_load(loader: Callable[[str], T], locator: str) -> T:
    with _load_lock:
        return loader(str(_model_path(locator)))


@cache
def hog_detector() -> Any:
    """dlib's frontal face detector (HOG + linear SVM); built in, no file."""
    return dlib.get_frontal_face_detector()


@cache
def cnn_detector() -> Any:
    """dlib's MMOD CNN face detector."""
    return _locked_load(dlib.cnn_face_detection_model_v1, "cnn_face_detector_model_location")


@cache
def five_point_predictor() -> Any:
    """dlib's 5-point landmark model (eye corners and nose base), used for alignment and pose."""
    return _locked_load(dlib.shape_predictor, "pose_predictor_five_point_model_location")


@cache
def resnet_embedder() -> Any:
    """dlib's ResNet-34 face recognition model giving 128-D descriptors."""
    return _locked_load(dlib.face_recognition_model_v1, "face_recognition_model_location")
