"""Exact nearest-neighbour search with numpy: the baseline, and the right choice for small galleries."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from safecity.vision.faces.embedding import EmbeddingModel
from safecity.vision.faces.index.base import SearchHit
from safecity.vision.faces.index.base import VectorIndexBase
from safecity.vision.faces.index.base import check_k


class ExactIndex(VectorIndexBase):
    """Brute-force distances to every entry; the cost grows linearly with the gallery size."""

    def __init__(self, model: EmbeddingModel) -> None:
        self._model = model
        # Kept unit-length for cosine, with squared norms for Euclidean, so a search is one matrix product.
        self._vectors = np.empty((0, model.dim), dtype=np.float32)
        self._squared_norms = np.empty(0, dtype=np.float32)
        self._subjects: list[str] = []

    def _add_vectors(self, subjects: Sequence[str], vectors: np.ndarray) -> None:
        prepared = vectors.astype(np.float32, copy=False)
        if self._model.metric == "cosine":
            prepared = prepared / np.maximum(np.linalg.norm(prepared, axis=1, keepdims=True), 1e-12)
        self._vectors = np.concatenate([self._vectors, prepared])
        self._squared_norms = np.concatenate([self._squared_norms, (prepared * prepared).sum(axis=1)])
        self._subjects.extend(subjects)

    def remove(self, subject: str) -> int:
        keep = np.array([s != subject for s in self._subjects], dtype=bool)
        removed = len(self._subjects) - int(keep.sum())
        self._vectors = self._vectors[keep]
        self._squared_norms = self._squared_norms[keep]
        self._subjects = [s for s in self._subjects if s != subject]
        return removed

    def search_vectors(self, queries: np.ndarray, k: int) -> list[list[SearchHit]]:
        """Top-k entries for each row of an (Q, dim) matrix, nearest first."""
        check_k(k)
        if not self._subjects:
            return [[] for _ in range(len(queries))]
        distances = self._distances(queries.astype(np.float32, copy=False))
        k = min(k, len(self._subjects))
        nearest = np.argpartition(distances, k - 1, axis=1)[:, :k]
        results = []
        for row, candidates in zip(distances, nearest, strict=True):
            ordered = candidates[np.argsort(row[candidates], kind="stable")]
            results.append([SearchHit(self._subjects[i], float(row[i])) for i in ordered])
        return results

    def _distances(self, queries: np.ndarray) -> np.ndarray:
        if self._model.metric == "cosine":
            unit = queries / np.maximum(np.linalg.norm(queries, axis=1, keepdims=True), 1e-12)
            return np.asarray(1.0 - unit @ self._vectors.T, dtype=np.float32)
        squared = (
            (queries * queries).sum(axis=1)[:, None] - 2.0 * (queries @ self._vectors.T) + self._squared_norms
        )
        return np.sqrt(np.maximum(squared, 0.0), dtype=np.float32)
