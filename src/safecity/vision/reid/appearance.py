"""A person track's appearance: one vector from its best crops, compared by cosine similarity."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def track_appearance(vectors: Sequence[np.ndarray]) -> np.ndarray:
    """The normalised mean of a track's crop vectors: steadier than any single crop (pose, occlusion)."""
    if not vectors:
        raise ValueError("a track appearance needs at least one crop vector")
    mean = np.mean(np.stack(vectors).astype(np.float32), axis=0)
    return np.asarray(mean / max(float(np.linalg.norm(mean)), 1e-12), dtype=np.float32)


def appearance_similarity(probe: np.ndarray, gallery: np.ndarray) -> np.ndarray:
    """Cosine similarity of one probe vector to each row of `gallery` (N, dim): 1 same look, ~0 unrelated."""
    if gallery.size == 0:
        return np.empty(0, dtype=np.float32)
    rows = gallery / np.maximum(np.linalg.norm(gallery, axis=1, keepdims=True), 1e-12)
    unit = probe / max(float(np.linalg.norm(probe)), 1e-12)
    return np.asarray(rows @ unit, dtype=np.float32)
