"""Face embeddings: vectors that always carry the id of the model that made them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal
from typing import Protocol

import numpy as np
import numpy.typing as npt

from safecity.vision.faces.errors import ModelMismatchError
from safecity.vision.faces.face_crop import FaceCrop

Vector = npt.NDArray[np.float32]
Metric = Literal["euclidean", "cosine"]


@dataclass(frozen=True, slots=True)
class EmbeddingModel:
    """Identity and comparison rules of an embedding model.

    `threshold` is the calibrated distance at or below which two faces are taken as the same person;
    `score_scale` sets how fast the display score falls around it (see `identification.distance_to_score`).
    """

    id: str
    dim: int
    metric: Metric
    threshold: float
    score_scale: float


@dataclass(frozen=True, slots=True)
class Embedding:
    vector: Vector
    model: EmbeddingModel

    def __post_init__(self) -> None:
        if self.vector.shape != (self.model.dim,):
            raise ModelMismatchError(
                f"model {self.model.id} makes {self.model.dim}-D vectors, got shape {self.vector.shape}"
            )

    @property
    def model_id(self) -> str:
        return self.model.id


class FaceEmbedder(Protocol):
    """Turns one located face into an embedding."""

    @property
    def model(self) -> EmbeddingModel: ...

    def embed(self, crop: FaceCrop) -> Embedding: ...


def require_same_model(expected: EmbeddingModel, actual: EmbeddingModel) -> None:
    """Refuse to compare or mix vectors of different models (their distances mean nothing across models)."""
    if expected.id != actual.id:
        raise ModelMismatchError(f"embedding model mismatch: expected {expected.id}, got {actual.id}")


def distance(a: Embedding, b: Embedding) -> float:
    """Distance between two faces in the model's metric: Euclidean, or 1 - cosine similarity."""
    require_same_model(a.model, b.model)
    return float(pairwise_distances(a.vector[None, :], b.vector[None, :], a.model.metric)[0, 0])


def pairwise_distances(queries: np.ndarray, gallery: np.ndarray, metric: Metric) -> np.ndarray:
    """(Q, N) distances between rows of `queries` and rows of `gallery`."""
    q = queries.astype(np.float32, copy=False)
    g = gallery.astype(np.float32, copy=False)
    if metric == "cosine":
        qn = q / np.maximum(np.linalg.norm(q, axis=1, keepdims=True), 1e-12)
        gn = g / np.maximum(np.linalg.norm(g, axis=1, keepdims=True), 1e-12)
        return np.asarray(1.0 - qn @ gn.T, dtype=np.float32)
    squared = (q * q).sum(axis=1)[:, None] - 2.0 * (q @ g.T) + (g * g).sum(axis=1)[None, :]
    return np.sqrt(np.maximum(squared, 0.0), dtype=np.float32)
