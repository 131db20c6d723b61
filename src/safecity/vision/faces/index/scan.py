"""1:N search by scanning every entry: FAISS over half-precision codes, then an exact re-rank.

At city scale (1 M faces, 128-D) a graph index (HNSW) needs tens of CPU-minutes to build and still misses the
exact nearest entry for probes of strangers (whose nearest neighbour is one of thousands at about the same
distance). A full scan has neither problem: FAISS compares the query with every entry's float16 copy (SIMD,
half the memory traffic of float32) and the best `rerank` × k candidates are re-ranked with exact float32
distances, so the result is the exact search's for practical purposes (fp16 rounding is far smaller than the
gaps the re-rank has to resolve). Adding is a copy (no build); removing compacts the arrays.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

import faiss
import numpy as np

from safecity.vision.faces.embedding import EmbeddingModel
from safecity.vision.faces.index.base import SearchHit
from safecity.vision.faces.index.base import VectorIndexBase
from safecity.vision.faces.index.base import check_k


class ScanIndex(VectorIndexBase):
    """Every entry scanned per query over fp16 codes (FAISS), the top `rerank` × k re-ranked exactly.

    `threads` bounds FAISS's OpenMP threads for a search (process-wide setting, applied per call).
    """

    def __init__(self, model: EmbeddingModel, *, rerank: int = 4, threads: int = 1) -> None:
        if rerank < 1:
            raise ValueError(f"rerank must be at least 1, got {rerank}")
        self._model = model
        self.rerank = rerank
        self.threads = threads
        metric = faiss.METRIC_INNER_PRODUCT if model.metric == "cosine" else faiss.METRIC_L2
        self._codes = faiss.IndexScalarQuantizer(model.dim, faiss.ScalarQuantizer.QT_fp16, metric)
        # Exact vectors for the re-rank (unit length for cosine), grown by doubling.
        self._vectors = np.empty((0, model.dim), dtype=np.float32)
        self._subjects: list[str] = []
        self._lock = threading.Lock()

    def _prepared(self, vectors: np.ndarray) -> np.ndarray:
        prepared = np.ascontiguousarray(vectors, dtype=np.float32)
        if self._model.metric == "cosine":
            prepared = prepared / np.maximum(np.linalg.norm(prepared, axis=1, keepdims=True), 1e-12)
        return np.ascontiguousarray(prepared, dtype=np.float32)

    def _add_vectors(self, subjects: Sequence[str], vectors: np.ndarray) -> None:
        if not subjects:
            return
        prepared = self._prepared(vectors)
        with self._lock:
            size = len(self._subjects)
            if size + len(prepared) > len(self._vectors):
                grown = np.empty(
                    (max(size + len(prepared), 2 * len(self._vectors)), self._model.dim), np.float32
                )
                grown[:size] = self._vectors[:size]
                self._vectors = grown
            self._vectors[size : size + len(prepared)] = prepared
            self._codes.add(prepared)
            self._subjects.extend(subjects)

    def remove(self, subject: str) -> int:
        with self._lock:
            gone = np.array([i for i, owner in enumerate(self._subjects) if owner == subject], dtype=np.int64)
            if not len(gone):
                return 0
            self._codes.remove_ids(faiss.IDSelectorBatch(gone))  # compacts, keeping the order of the rest
            size = len(self._subjects)
            keep = np.ones(size, dtype=bool)
            keep[gone] = False
            self._vectors = np.ascontiguousarray(self._vectors[:size][keep])
            self._subjects = [owner for owner, kept in zip(self._subjects, keep, strict=True) if kept]
            return len(gone)

    def search_vectors(self, queries: np.ndarray, k: int) -> list[list[SearchHit]]:
        """Top-k entries for each row of a (Q, dim) matrix, nearest first (exact distances)."""
        check_k(k)
        prepared = self._prepared(queries)
        with self._lock:
            size = len(self._subjects)
            k = min(k, size)
            if k == 0:
                return [[] for _ in range(len(prepared))]
            faiss.omp_set_num_threads(self.threads)
            _, candidates = self._codes.search(prepared, min(size, self.rerank * k))
            results = []
            for query, row in zip(prepared, candidates, strict=True):
                found = row[row >= 0]
                distances = self._exact_distances(query, self._vectors[found])
                order = np.argsort(distances, kind="stable")[:k]
                results.append([SearchHit(self._subjects[int(found[i])], float(distances[i])) for i in order])
            return results

    def _exact_distances(self, query: np.ndarray, vectors: np.ndarray) -> np.ndarray:
        if self._model.metric == "cosine":
            return np.asarray(1.0 - vectors @ query, dtype=np.float32)
        return np.sqrt(((vectors - query) ** 2).sum(axis=1), dtype=np.float32)
