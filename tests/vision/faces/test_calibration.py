import numpy as np
import pytest

from safecity.vision.faces import open_set_curve
from safecity.vision.faces import pair_distances
from safecity.vision.faces.calibration import threshold_at_fpir

# Two identities on a line: "a" at 0.0 and 0.2, "b" at 1.0 and 1.3.
VECTORS = np.array([[0.0], [0.2], [1.0], [1.3]], dtype=np.float32)
LABELS = ["a", "a", "b", "b"]


def test_pairs_split_into_genuine_and_impostor_distances() -> None:
    pairs = pair_distances(VECTORS, LABELS, "euclidean")
    assert sorted(pairs.genuine.tolist()) == pytest.approx([0.2, 0.3], abs=1e-5)
    assert sorted(pairs.impostor.tolist()) == pytest.approx([0.8, 1.0, 1.1, 1.3], abs=1e-5)
    assert pairs.accuracy(0.5) == 1.0
    assert pairs.accuracy(0.25) == pytest.approx(5 / 6)


def test_open_set_rates_follow_the_threshold() -> None:
    strict, middle, loose = open_set_curve(VECTORS, LABELS, "euclidean", [0.1, 0.5, 0.9])
    assert (strict.fnir, strict.fpir) == (1.0, 0.0)
    assert (middle.fnir, middle.fpir) == (0.0, 0.0)
    assert loose.fpir == pytest.approx(0.5)  # 0.2 and 1.0 are 0.8 apart
    assert middle.mated_searches == 4


def test_calibrated_threshold_is_the_loosest_within_the_fpir_budget() -> None:
    points = open_set_curve(VECTORS, LABELS, "euclidean", [0.1, 0.5, 0.7, 0.9])
    assert threshold_at_fpir(points, 0.0).threshold == 0.7
    assert threshold_at_fpir(points, 0.5).threshold == 0.9
