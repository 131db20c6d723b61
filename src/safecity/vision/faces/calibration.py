"""Threshold calibration on labelled faces: pair accuracy (1:1) and FNIR at FPIR (1:N open-set search).

Open-set protocol (leave one out): every labelled face is searched against all the others.
- mated search (its identity has other photos): a miss counts towards FNIR unless the nearest face of its
  own identity is within the threshold and nearer than every other identity's face (rank 1);
- non-mated search (the same face against the gallery without its identity): any face within the threshold
  counts towards FPIR.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from safecity.vision.faces.embedding import Metric
from safecity.vision.faces.embedding import pairwise_distances


@dataclass(frozen=True, slots=True)
class PairDistances:
    genuine: np.ndarray
    impostor: np.ndarray

    def accuracy(self, threshold: float) -> float:
        """Share of pairs decided right: genuine pairs within the threshold, impostor pairs beyond it."""
        correct = int((self.genuine <= threshold).sum()) + int((self.impostor > threshold).sum())
        return correct / max(1, len(self.genuine) + len(self.impostor))


@dataclass(frozen=True, slots=True)
class OpenSetPoint:
    threshold: float
    fnir: float
    fpir: float
    mated_searches: int
    non_mated_searches: int


def pair_distances(vectors: np.ndarray, labels: Sequence[str], metric: Metric) -> PairDistances:
    """Distances of every unordered pair, split into same-identity and different-identity pairs."""
    distances = pairwise_distances(vectors, vectors, metric)
    label_array = np.asarray(labels)
    upper = np.triu_indices(len(labels), k=1)
    same = label_array[upper[0]] == label_array[upper[1]]
    values = distances[upper]
    return PairDistances(genuine=values[same], impostor=values[~same])


def open_set_curve(
    vectors: np.ndarray, labels: Sequence[str], metric: Metric, thresholds: Sequence[float]
) -> list[OpenSetPoint]:
    """FNIR and FPIR at each threshold under the leave-one-out protocol of the module notes."""
    distances = pairwise_distances(vectors, vectors, metric).astype(np.float64)
    np.fill_diagonal(distances, np.inf)
    label_array = np.asarray(labels)
    same = label_array[:, None] == label_array[None, :]
    nearest_same = np.where(same, distances, np.inf).min(axis=1)
    nearest_other = np.where(same, np.inf, distances).min(axis=1)
    mated = np.isfinite(nearest_same)
    points = []
    for threshold in thresholds:
        hit = mated & (nearest_same <= threshold) & (nearest_same < nearest_other)
        fnir = 1.0 - hit.sum() / max(1, mated.sum())
        fpir = float((nearest_other <= threshold).mean()) if len(labels) else 0.0
        points.append(OpenSetPoint(float(threshold), float(fnir), fpir, int(mated.sum()), len(labels)))
    return points


def threshold_at_fpir(points: Sequence[OpenSetPoint], max_fpir: float) -> OpenSetPoint | None:
    """The most permissive (largest) threshold whose FPIR stays at or under `max_fpir`."""
    allowed = [p for p in points if p.fpir <= max_fpir]
    return max(allowed, key=lambda p: p.threshold) if allowed else None
