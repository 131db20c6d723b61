"""1:N search of a face against a gallery index: identification (thresholded) and investigation (ranked).

Scores: `distance_to_score` maps a distance d to 1 / (1 + exp((d - t) / s)), with t the embedding model's
calibrated threshold and s its score scale (dlib: t = 0.6, s = 0.05). The score is 0.5 exactly at the
threshold, rises towards 1 for closer faces (dlib d = 0.41 gives 0.98) and falls towards 0 beyond it. It is
a monotone display score for ranking and reading, not a probability; decisions use the distance threshold.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from safecity.vision.faces.embedding import Embedding
from safecity.vision.faces.embedding import EmbeddingModel
from safecity.vision.faces.index.base import FaceIndex
from safecity.vision.faces.vocabulary import SearchMode

# Entries fetched per wanted candidate, so that subjects with many gallery photos do not crowd others out.
ENTRIES_PER_CANDIDATE = 4


@dataclass(frozen=True, slots=True)
class Candidate:
    subject: str
    distance: float
    score: float

    def to_dict(self) -> dict[str, object]:
        return {"subject": self.subject, "score": round(self.score, 4), "distance": round(self.distance, 4)}


def distance_to_score(distance: float, model: EmbeddingModel) -> float:
    """Display score in (0, 1); 0.5 at the model's calibrated threshold (see the module notes)."""
    exponent = (distance - model.threshold) / model.score_scale
    if exponent > 700:  # math.exp overflows past ~709
        return 0.0
    return 1.0 / (1.0 + math.exp(exponent))


def search_gallery(
    index: FaceIndex,
    probe: Embedding,
    *,
    mode: SearchMode = SearchMode.IDENTIFICATION,
    k: int = 5,
    threshold: float | None = None,
) -> list[Candidate]:
    """The nearest subjects (best entry per subject), nearest first, at most `k`.

    In identification mode only subjects within `threshold` (default: the model's) are returned.
    Raises ModelMismatchError when the probe's model differs from the index's.
    """
    if k < 1:
        raise ValueError(f"k must be at least 1, got {k}")
    limit = threshold if threshold is not None else index.model.threshold
    hits = index.search(probe, k * ENTRIES_PER_CANDIDATE)
    best: dict[str, float] = {}
    for hit in hits:
        if hit.subject not in best:
            best[hit.subject] = hit.distance
    candidates = [Candidate(s, d, distance_to_score(d, index.model)) for s, d in best.items()]
    if mode is SearchMode.IDENTIFICATION:
        candidates = [c for c in candidates if c.distance <= limit]
    return candidates[:k]
