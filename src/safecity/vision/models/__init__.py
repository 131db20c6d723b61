"""Model registry: fetch (official URL + sha256) or import model files; never downloads implicitly."""

from safecity.vision.models.catalog import CATALOG, DEFAULT_DETECTOR, DEFAULT_PLATE_DETECTOR, ModelSpec
from safecity.vision.models.registry import (
    InstalledModel,
    ModelIntegrityError,
    ModelRegistry,
    ModelRegistryError,
    default_models_dir,
    sha256_of,
)

__all__ = [
    "CATALOG",
    "DEFAULT_DETECTOR",
    "DEFAULT_PLATE_DETECTOR",
    "InstalledModel",
    "ModelIntegrityError",
    "ModelRegistry",
    "ModelRegistryError",
    "ModelSpec",
    "default_models_dir",
    "sha256_of",
]
