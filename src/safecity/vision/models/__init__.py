"""Model registry: fetch (official URL + sha256) or import model files; never downloads implicitly."""

from safecity.vision.models.catalog import CATALOG
from safecity.vision.models.catalog import DEFAULT_DETECTOR
from safecity.vision.models.catalog import DEFAULT_PLATE_DETECTOR
from safecity.vision.models.catalog import ModelSpec
from safecity.vision.models.registry import InstalledModel
from safecity.vision.models.registry import ModelIntegrityError
from safecity.vision.models.registry import ModelRegistry
from safecity.vision.models.registry import ModelRegistryError
from safecity.vision.models.registry import default_models_dir
from safecity.vision.models.registry import find_installed
from safecity.vision.models.registry import sha256_of

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
    "find_installed",
    "sha256_of",
]
