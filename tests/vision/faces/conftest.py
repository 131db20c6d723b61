"""Fixtures for the face tests: shared labelled photos, analysed once per session."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
from tests.conftest import shared_dir

from safecity.vision.faces import Embedding
from safecity.vision.faces import analyse_image


def synthetic_scene(width: int = 320, height: int = 240, seed: int = 0) -> np.ndarray:
    """A smooth textured BGR image with no face in it."""
    rng = np.random.default_rng(seed)
    noise = rng.integers(0, 255, size=(height // 8, width // 8, 3), dtype=np.uint8)
    return cv2.resize(noise, (width, height), interpolation=cv2.INTER_CUBIC)


@pytest.fixture(scope="session")
def labelled_faces() -> list[tuple[str, str, Embedding]]:
    """(identity, file name, embedding) of the largest face of every single-person shared photo."""
    root = shared_dir() / "data" / "faces"
    if not root.is_dir():
        pytest.skip(f"shared face photos not found at {root} (set SAFECITY_SHARED_DIR)")
    faces = []
    for path in sorted(p for p in root.glob("*/*") if p.parent.name != "_group"):
        found = analyse_image(path)
        assert found, f"no face found in {path}"
        assert found[0].embedding is not None, f"{path}: {found[0].quality.reasons}"
        faces.append((path.parent.name, path.name, found[0].embedding))
    return faces


def write_image(path: Path, image: np.ndarray) -> Path:
    assert cv2.imwrite(str(path), image)
    return path
