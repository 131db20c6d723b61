"""Approximate nearest-neighbour search with hnswlib (HNSW graphs): milliseconds over millions of faces."""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

import hnswlib
import numpy as np

from safecity.vision.faces.embedding import EmbeddingModel
from safecity.vision.faces.errors import ModelMismatchError
from safecity.vision.faces.index.base import SearchHit
from safecity.vision.faces.index.base import VectorIndexBase
from safecity.vision.faces.index.base import check_k


class HnswIndex(VectorIndexBase):
    """An HNSW graph over one model's vectors.

    `m` and `ef_construction` trade build time and memory for recall; `ef_search` (at least k) trades
    query time for recall. The graph grows by doubling when full (`capacity` 0 is reserved for `load`).
    Removal marks entries deleted; their slots are reused by later additions.
    """

    def __init__(
        self,
        model: EmbeddingModel,
        *,
        capacity: int = 1024,
        m: int = 32,
        ef_construction: int = 200,
        ef_search: int = 400,
        threads: int = 1,
    ) -> None:
        self._model = model
        self.ef_search = ef_search
        self.threads = threads
        self._graph = hnswlib.Index(space=_space(model), dim=model.dim)
        self._subjects: dict[int, str] = {}
        self._free_labels: list[int] = []
        self._next_label = 0
        self._lock = threading.Lock()
        if capacity > 0:
            self._graph.init_index(
                max_elements=capacity, ef_construction=ef_construction, M=m, allow_replace_deleted=True
            )

    def _add_vectors(self, subjects: Sequence[str], vectors: np.ndarray) -> None:
        if not subjects:
            return
        with self._lock:
            reused = [self._free_labels.pop() for _ in range(min(len(subjects), len(self._free_labels)))]
            fresh = list(range(self._next_label, self._next_label + len(subjects) - len(reused)))
            self._next_label += len(fresh)
            needed = self._next_label
            if needed > self._graph.get_max_elements():
                self._graph.resize_index(max(needed, 2 * self._graph.get_max_elements()))
            labels = np.array(reused + fresh, dtype=np.int64)
            if reused:
                self._graph.add_items(vectors[: len(reused)], labels[: len(reused)], replace_deleted=True)
            if fresh:
                self._graph.add_items(vectors[len(reused) :], labels[len(reused) :], num_threads=self.threads)
            self._subjects.update(zip(labels.tolist(), subjects, strict=True))

    def remove(self, subject: str) -> int:
        with self._lock:
            labels = [label for label, owner in self._subjects.items() if owner == subject]
            for label in labels:
                self._graph.mark_deleted(label)
                del self._subjects[label]
                self._free_labels.append(label)
            return len(labels)

    def search_vectors(self, queries: np.ndarray, k: int) -> list[list[SearchHit]]:
        """Top-k entries for each row of a (Q, dim) matrix, nearest first (approximate)."""
        check_k(k)
        with self._lock:
            k = min(k, len(self._subjects))
            if k == 0:
                return [[] for _ in range(len(queries))]
            self._graph.set_ef(max(self.ef_search, k))
            labels, distances = self._graph.knn_query(
                queries.astype(np.float32), k=k, num_threads=self.threads
            )
            subjects = self._subjects
        if self._model.metric == "euclidean":
            distances = np.sqrt(np.maximum(distances, 0.0))  # hnswlib's "l2" space reports squared distances
        return [
            [SearchHit(subjects[int(label)], float(dist)) for label, dist in zip(row_l, row_d, strict=True)]
            for row_l, row_d in zip(labels, distances, strict=True)
        ]

    def save(self, path: str | Path) -> None:
        """Write the graph to `path` and the model and subject keys beside it (`path` + ".json")."""
        path = Path(path)
        with self._lock:
            self._graph.save_index(str(path))
            meta = {
                "model": asdict(self._model),
                "subjects": {str(label): subject for label, subject in self._subjects.items()},
                "free_labels": self._free_labels,
                "next_label": self._next_label,
                "ef_search": self.ef_search,
            }
        Path(f"{path}.json").write_text(json.dumps(meta))

    @classmethod
    def load(cls, path: str | Path, *, expected_model: EmbeddingModel | None = None) -> HnswIndex:
        """Read an index written by `save`; refuses it when it was built with another model than expected."""
        path = Path(path)
        meta = json.loads(Path(f"{path}.json").read_text())
        model = EmbeddingModel(**meta["model"])
        if expected_model is not None and expected_model.id != model.id:
            raise ModelMismatchError(f"index {path} holds {model.id} vectors, expected {expected_model.id}")
        index = cls(model, capacity=0, ef_search=int(meta["ef_search"]))
        index._graph.load_index(str(path), allow_replace_deleted=True)
        index._subjects = {int(label): subject for label, subject in meta["subjects"].items()}
        index._free_labels = [int(label) for label in meta["free_labels"]]
        index._next_label = int(meta["next_label"])
        return index


def _space(model: EmbeddingModel) -> str:
    return "cosine" if model.metric == "cosine" else "l2"
