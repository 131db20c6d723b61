"""The in-process 1:N search index of enrolled faces, one index per embedding model id.

The database is the truth (`face_vectors`, float32 bytes); pgvector is not available, so each API node holds
the vectors of every model it knows in a `ScanIndex` (FAISS fp16 scan + exact re-rank; or `HnswIndex`,
`ExactIndex`), keyed by subject id. It is rebuilt from the database at start, updated in place after this
node's enrolments and deletions commit, and rebuilt when a cheap version query (count, max id, sum of ids of
`face_vectors`) shows another process changed it. Vectors of a model the node does not know are skipped
(counted in `skipped`): they are never compared.
"""

from __future__ import annotations

import logging
import threading
from collections import defaultdict
from collections.abc import Iterable
from collections.abc import Sequence
from typing import Literal

import numpy as np
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.faces.watchlist.models import FaceVector
from safecity.vision.faces import DLIB_RESNET
from safecity.vision.faces import Candidate
from safecity.vision.faces import Embedding
from safecity.vision.faces import EmbeddingModel
from safecity.vision.faces import ExactIndex
from safecity.vision.faces import FaceIndex
from safecity.vision.faces import HnswIndex
from safecity.vision.faces import ScanIndex
from safecity.vision.faces import SearchMode
from safecity.vision.faces import search_gallery

log = logging.getLogger(__name__)
IndexKind = Literal["scan", "hnsw", "exact"]


def to_embedding(data: bytes, model: EmbeddingModel) -> Embedding:
    return Embedding(np.frombuffer(data, dtype=np.float32).copy(), model)


def vector_version(session: Session) -> tuple[object, ...]:
    """Changes whenever a vector is added or removed anywhere."""
    return tuple(
        session.execute(select(func.count(), func.max(FaceVector.id), func.sum(FaceVector.id))).one()
    )


class Gallery:
    def __init__(
        self, models: Iterable[EmbeddingModel] = (DLIB_RESNET,), *, kind: IndexKind = "scan"
    ) -> None:
        self.kind = kind
        self._models: dict[str, EmbeddingModel] = {}
        self._indexes: dict[str, FaceIndex] = {}
        self._lock = threading.RLock()
        self._version: tuple[object, ...] | None = None
        self.skipped = 0
        for model in models:
            self.register_model(model)

    def register_model(self, model: EmbeddingModel) -> None:
        with self._lock:
            self._models.setdefault(model.id, model)

    def model(self, model_id: str) -> EmbeddingModel | None:
        return self._models.get(model_id)

    def index_for(self, model_id: str) -> FaceIndex | None:
        return self._indexes.get(model_id)

    def size(self, model_id: str) -> int:
        index = self._indexes.get(model_id)
        return len(index) if index is not None else 0

    def _new_index(self, model: EmbeddingModel) -> FaceIndex:
        if self.kind == "scan":
            return ScanIndex(model)
        return HnswIndex(model) if self.kind == "hnsw" else ExactIndex(model)

    def _index(self, model: EmbeddingModel) -> FaceIndex:
        index = self._indexes.get(model.id)
        if index is None:
            index = self._indexes[model.id] = self._new_index(model)
        return index

    # ---------------------------------------------------------------------------------------------- sync
    def rebuild(self, session: Session) -> None:
        """Load every vector of every known model from the database (replacing what was held)."""
        with self._lock:
            version = vector_version(session)
            rows: dict[str, list[tuple[str, bytes]]] = defaultdict(list)
            for subject_id, model_id, data in session.execute(
                select(FaceVector.subject_id, FaceVector.model_id, FaceVector.vector).order_by(FaceVector.id)
            ):
                rows[model_id].append((subject_id, data))
            self._indexes = {}
            self.skipped = 0
            for model_id, entries in rows.items():
                model = self._models.get(model_id)
                if model is None:
                    self.skipped += len(entries)
                    log.warning(
                        "%d enrolled vectors of unknown model %s are not searchable", len(entries), model_id
                    )
                    continue
                vectors = np.stack([np.frombuffer(data, dtype=np.float32) for _, data in entries])
                if vectors.shape[1] != model.dim:
                    self.skipped += len(entries)
                    log.warning(
                        "vectors of %s have %d dims, the model makes %d",
                        model_id,
                        vectors.shape[1],
                        model.dim,
                    )
                    continue
                index = self._new_index(model)
                index.add_many([s for s, _ in entries], [Embedding(v.copy(), model) for v in vectors])
                self._indexes[model_id] = index
            self._version = version

    def sync(self, session: Session) -> None:
        """Rebuild when the stored vectors changed since this node last looked (another process wrote)."""
        if vector_version(session) != self._version:
            self.rebuild(session)

    def mark_synced(self, session: Session) -> None:
        """After applying this node's own committed change in place: remember the database's version."""
        with self._lock:
            self._version = vector_version(session)

    def add(self, subject_id: str, embeddings: Sequence[Embedding]) -> None:
        with self._lock:
            for embedding in embeddings:
                self.register_model(embedding.model)
                self._index(embedding.model).add(subject_id, embedding)

    def remove(self, subject_id: str) -> int:
        """Drop every vector of the subject from every model's index; returns how many were dropped."""
        with self._lock:
            return sum(index.remove(subject_id) for index in self._indexes.values())

    def replace(self, subject_id: str, session: Session) -> None:
        """Reload one subject's vectors from the database (after one of its images was removed)."""
        with self._lock:
            self.remove(subject_id)
            rows = session.execute(
                select(FaceVector.model_id, FaceVector.vector).where(FaceVector.subject_id == subject_id)
            )
            embeddings = [
                to_embedding(data, model) for model_id, data in rows if (model := self.model(model_id))
            ]
            self.add(subject_id, embeddings)

    # -------------------------------------------------------------------------------------------- search
    def search(
        self, probe: Embedding, *, mode: SearchMode, k: int, threshold: float | None = None
    ) -> list[Candidate]:
        """Nearest subjects among the vectors of the probe's model only (none held: an empty list)."""
        with self._lock:
            index = self._indexes.get(probe.model_id)
            if index is None or len(index) == 0:
                return []
            return search_gallery(index, probe, mode=mode, k=k, threshold=threshold)
