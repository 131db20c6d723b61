"""Accuracy on the shared labelled photos and the shared face video (skipped without the shared assets)."""

import av
import numpy as np
from tests.conftest import shared_path

from safecity.vision.faces import DLIB_RESNET
from safecity.vision.faces import Embedding
from safecity.vision.faces import ExactIndex
from safecity.vision.faces import FacePipeline
from safecity.vision.faces import SearchMode
from safecity.vision.faces import analyse_image
from safecity.vision.faces import create_detector
from safecity.vision.faces import open_set_curve
from safecity.vision.faces import pair_distances
from safecity.vision.faces import search_gallery
from safecity.vision.faces.calibration import threshold_at_fpir


def test_every_shared_pair_is_decided_right_at_the_default_threshold(
    labelled_faces: list[tuple[str, str, Embedding]],
) -> None:
    vectors = np.stack([e.vector for _, _, e in labelled_faces])
    pairs = pair_distances(vectors, [label for label, _, _ in labelled_faces], "euclidean")
    assert len(pairs.genuine) == 74
    assert len(pairs.impostor) == 179
    assert pairs.accuracy(DLIB_RESNET.threshold) == 1.0


def test_open_set_search_meets_fnir_at_fpir_goal(labelled_faces: list[tuple[str, str, Embedding]]) -> None:
    vectors = np.stack([e.vector for _, _, e in labelled_faces])
    labels = [label for label, _, _ in labelled_faces]
    (at_default,) = open_set_curve(vectors, labels, "euclidean", [DLIB_RESNET.threshold])
    assert at_default.fpir <= 0.01
    assert at_default.fnir <= 0.02
    calibrated = threshold_at_fpir(
        open_set_curve(vectors, labels, "euclidean", np.arange(0.3, 0.9, 0.01)), 0.01
    )
    assert calibrated is not None
    assert calibrated.threshold >= DLIB_RESNET.threshold


def test_video_frames_are_matched_to_the_right_person_only() -> None:
    gallery = ExactIndex(DLIB_RESNET)
    for subject, photo in [
        ("lin_manuel_miranda", "data/faces/lin_manuel_miranda/lin-manuel-miranda.png"),
        ("alex_lacamoire", "data/faces/alex_lacamoire/alex-lacamoire.png"),
        ("obama", "data/faces/obama/obama.jpg"),
        ("biden", "data/faces/biden/biden.jpg"),
    ]:
        embedding = analyse_image(shared_path(photo))[0].embedding
        assert embedding is not None
        gallery.add(subject, embedding)
    pipeline = FacePipeline(create_detector("hog"))
    matched: list[str] = []
    with av.open(str(shared_path("media/short_hamilton_clip.mp4"))) as container:
        for index, frame in enumerate(container.decode(video=0)):
            if index % 15:
                continue
            for face in analyse_image(frame.to_ndarray(format="bgr24"), pipeline=pipeline):
                if face.embedding is not None:
                    matched += [
                        c.subject
                        for c in search_gallery(gallery, face.embedding, mode=SearchMode.IDENTIFICATION, k=1)
                    ]
    assert matched.count("lin_manuel_miranda") >= 8
    assert set(matched) == {"lin_manuel_miranda"}
