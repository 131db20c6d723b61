"""Errors raised by the face library; each names the problem so a caller can show it as is."""

from __future__ import annotations

from pathlib import Path


class FaceError(Exception):
    """Base class for every error of the face library."""


class ImageInputError(FaceError, ValueError):
    """An image could not be read or has a layout the pipeline cannot use (corrupt, empty, too large)."""


class ModelMismatchError(FaceError, ValueError):
    """Vectors from different embedding models (or dimensions) were about to be compared or mixed."""


class ModelFileError(FaceError, FileNotFoundError):
    """A model file is missing or cannot be loaded."""


def existing_model_file(path: str | Path, model: str) -> Path:
    """`path` when it names a file; else a ModelFileError saying which `model` is missing."""
    model_path = Path(path)
    if not model_path.is_file():
        raise ModelFileError(f"{model} not found: {model_path}")
    return model_path


class NoUsableFaceError(FaceError):
    """An image holds no face that passes detection and the quality gate (for enrolment or verification)."""
