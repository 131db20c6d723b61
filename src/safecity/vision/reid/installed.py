"""Which re-id model to run: the registry's installed one, or None (person re-id is then off)."""

from __future__ import annotations

from pathlib import Path

from safecity.vision.models import ModelRegistry
from safecity.vision.models import ModelRegistryError
from safecity.vision.reid.embedder import REID_KIND

DEFAULT_REID_MODEL = "person-reid-0248"


def find_reid_model(models_dir: Path | None) -> tuple[Path | None, str]:
    """The installed re-id model's file and an empty reason, or None and why."""
    try:
        found = ModelRegistry(models_dir).first_of_kind(REID_KIND, preferred=DEFAULT_REID_MODEL)
    except ModelRegistryError as error:
        return None, f"model registry unusable ({error})"
    if found is None:
        return None, f"no re-id model installed (run `safecity models fetch {DEFAULT_REID_MODEL}`)"
    return found[1], ""
