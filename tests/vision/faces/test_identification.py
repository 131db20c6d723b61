import numpy as np
import pytest

from safecity.vision.faces import DLIB_RESNET
from safecity.vision.faces import Embedding
from safecity.vision.faces import ExactIndex
from safecity.vision.faces import SearchMode
from safecity.vision.faces import distance_to_score
from safecity.vision.faces import search_gallery


def at_distance(base: np.ndarray, dist: float) -> Embedding:
    shifted = base.copy()
    shifted[0] += dist
    return Embedding(shifted, DLIB_RESNET)


@pytest.fixture
def gallery() -> tuple[ExactIndex, np.ndarray]:
    base = np.zeros(128, dtype=np.float32)
    index = ExactIndex(DLIB_RESNET)
    index.add("near", at_distance(base, 0.3))
    index.add("near", at_distance(base, 0.35))
    index.add("borderline", at_distance(base, 0.58))
    index.add("far", at_distance(base, 0.9))
    return index, base


def test_score_is_one_half_at_the_threshold_and_falls_with_distance() -> None:
    assert distance_to_score(0.6, DLIB_RESNET) == pytest.approx(0.5)
    scores = [distance_to_score(d, DLIB_RESNET) for d in (0.0, 0.3, 0.41, 0.6, 0.8, 100.0)]
    assert scores == sorted(scores, reverse=True)
    assert distance_to_score(0.41, DLIB_RESNET) == pytest.approx(0.978, abs=1e-3)
    assert scores[-1] == 0.0


def test_identification_returns_only_subjects_within_the_threshold(
    gallery: tuple[ExactIndex, np.ndarray],
) -> None:
    index, base = gallery
    candidates = search_gallery(index, Embedding(base, DLIB_RESNET), mode=SearchMode.IDENTIFICATION)
    assert [c.subject for c in candidates] == ["near", "borderline"]
    assert candidates[0].distance == pytest.approx(0.3)
    assert candidates[0].score > 0.99


def test_identification_with_a_stricter_threshold_can_find_nobody(
    gallery: tuple[ExactIndex, np.ndarray],
) -> None:
    index, base = gallery
    assert search_gallery(index, Embedding(base, DLIB_RESNET), threshold=0.2) == []


def test_investigation_ranks_every_subject_once_without_threshold(
    gallery: tuple[ExactIndex, np.ndarray],
) -> None:
    index, base = gallery
    candidates = search_gallery(index, Embedding(base, DLIB_RESNET), mode=SearchMode.INVESTIGATION, k=5)
    assert [c.subject for c in candidates] == ["near", "borderline", "far"]
    assert candidates[-1].score < 0.01
    assert (
        search_gallery(index, Embedding(base, DLIB_RESNET), mode=SearchMode.INVESTIGATION, k=1)[0].subject
        == "near"
    )
