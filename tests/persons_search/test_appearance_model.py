"""The re-id model on synthetic people whose identity is known: each view finds the same person first."""

from __future__ import annotations

import numpy as np
import pytest

from safecity.vision.reid import PersonReidEmbedder
from safecity.vision.reid import ReidModelError
from safecity.vision.reid import appearance_similarity
from safecity.vision.reid import track_appearance
from tests.persons_search.support import CLOTHES
from tests.persons_search.support import synthetic_person


def test_every_person_is_rank_1_against_other_views_of_everyone(embedder: PersonReidEmbedder) -> None:
    people = range(len(CLOTHES))
    gallery = np.stack([embedder.embed(synthetic_person(p, view=1)) for p in people])
    for person in people:
        similarities = appearance_similarity(embedder.embed(synthetic_person(person, view=2)), gallery)
        assert int(similarities.argmax()) == person, similarities


def test_a_track_of_several_views_is_closer_to_its_person_than_to_anyone_else(
    embedder: PersonReidEmbedder,
) -> None:
    track = track_appearance([embedder.embed(synthetic_person(3, view=v)) for v in (10, 11, 12)])
    others = [embedder.embed(synthetic_person(p, view=20)) for p in range(len(CLOTHES))]
    similarities = appearance_similarity(track, np.stack(others))
    assert int(similarities.argmax()) == 3
    assert float(np.linalg.norm(track)) == pytest.approx(1.0, abs=1e-5)


def test_vectors_are_unit_length_whatever_the_crop_size(embedder: PersonReidEmbedder) -> None:
    assert embedder.dim == 256
    assert embedder.model_id.startswith("onnx-person-reidentification-retail-0248-")
    for size in ((40, 90), (128, 256), (300, 500)):
        vector = embedder.embed(synthetic_person(0, view=1, size=size))
        assert vector.shape == (256,)
        assert float(np.linalg.norm(vector)) == pytest.approx(1.0, abs=1e-5)


def test_a_crop_that_is_not_a_colour_image_is_refused(embedder: PersonReidEmbedder) -> None:
    with pytest.raises(ValueError, match="must be a BGR image"):
        embedder.embed(np.zeros((100, 50), dtype=np.uint8))


def test_a_missing_model_file_is_named() -> None:
    with pytest.raises(ReidModelError, match="not found"):
        PersonReidEmbedder("/nonexistent/reid.onnx")
