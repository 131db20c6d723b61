"""What every face vector index offers, and the checks they share."""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Sized
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from safecity.vision.faces.embedding import Embedding
from safecity.vision.faces.embedding import EmbeddingModel
from safecity.vision.faces.embedding import require_same_model


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One gallery entry near the query: its subject key and the distance in the model's metric."""

    subject: str
    distance: float


class FaceIndex(Protocol):
    """A gallery of face vectors of one embedding model, searchable by nearest distance.

    A subject may have several entries (several photos); `search` returns entries, nearest first.
    Adding or searching with another model's vectors raises ModelMismatchError.
    """

    @property
    def model(self) -> EmbeddingModel: ...

    def __len__(self) -> int: ...

    def add(self, subject: str, embedding: Embedding) -> None: ...

    def add_many(self, subjects: Sequence[str], embeddings: Sequence[Embedding]) -> None: ...

    def remove(self, subject: str) -> int:
        """Drop every entry of `subject`; returns how many were dropped."""
        ...

    def search(self, query: Embedding, k: int) -> list[SearchHit]: ...


class VectorIndexBase:
    """What the indexes share: the model, the size, and adding or searching embeddings through the vector
    methods each index implements (`_add_vectors`, `search_vectors`)."""

    _model: EmbeddingModel
    _subjects: Sized

    @property
    def model(self) -> EmbeddingModel:
        return self._model

    def __len__(self) -> int:
        return len(self._subjects)

    def add(self, subject: str, embedding: Embedding) -> None:
        self.add_many([subject], [embedding])

    def add_many(self, subjects: Sequence[str], embeddings: Sequence[Embedding]) -> None:
        self.add_vectors(subjects, stacked_vectors(self._model, subjects, embeddings))

    def add_vectors(self, subjects: Sequence[str], vectors: np.ndarray) -> None:
        """Bulk load an (N, dim) matrix already known to come from this index's model."""
        if vectors.shape != (len(subjects), self._model.dim):
            raise ValueError(f"expected ({len(subjects)}, {self._model.dim}) vectors, got {vectors.shape}")
        self._add_vectors(subjects, vectors)

    def search(self, query: Embedding, k: int) -> list[SearchHit]:
        require_same_model(self._model, query.model)
        return self.search_vectors(query.vector[None, :], k)[0]

    def search_vectors(self, queries: np.ndarray, k: int) -> list[list[SearchHit]]:
        """Top-k entries for each row of a (Q, dim) matrix, nearest first."""
        raise NotImplementedError

    def _add_vectors(self, subjects: Sequence[str], vectors: np.ndarray) -> None:
        raise NotImplementedError


def stacked_vectors(
    model: EmbeddingModel, subjects: Sequence[str], embeddings: Sequence[Embedding]
) -> np.ndarray:
    """The embeddings as an (N, dim) float32 matrix, after checking they all come from `model`."""
    if len(subjects) != len(embeddings):
        raise ValueError(f"{len(subjects)} subjects for {len(embeddings)} embeddings")
    for subject in subjects:
        if not subject:
            raise ValueError("subject key must be a non-empty string")
    for embedding in embeddings:
        require_same_model(model, embedding.model)
    if not embeddings:
        return np.empty((0, model.dim), dtype=np.float32)
    return np.stack([e.vector for e in embeddings]).astype(np.float32, copy=False)


def check_k(k: int) -> None:
    if k < 1:
        raise ValueError(f"k must be at least 1, got {k}")
