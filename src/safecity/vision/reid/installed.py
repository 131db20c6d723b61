"""Which re-id model to run: the registry's installed one, or None (person re-id is then off)."""

from __future__ import annotations

from pathlib import Path

from safecity.vision.models import find_installed
from safecity.vision.reid.embedder import REID_KIND

DEFAULT_REID_MODEL = "person-reid-0248"


def find_reid_model(models_dir: Path | None) -> tuple[Path | None, str]:
    """The installed re-id model's file and an empty reason, or None and why."""
    found, reason = find_installed(models_dir, REID_KIND, DEFAULT_REID_MODEL, "re-id model")
    return (None if found is None else found[1]), reason
