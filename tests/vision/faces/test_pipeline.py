"""The whole pipeline on real photos (shared assets) and on awkward inputs."""

from pathlib import Path

import cv2
import numpy as np
import pytest
from tests.conftest import shared_path
from tests.vision.faces.conftest import synthetic_scene

from safecity.vision.faces import FacePipeline
from safecity.vision.faces import ImageInputError
from safecity.vision.faces import QualityThresholds
from safecity.vision.faces import analyse_image
from safecity.vision.faces import create_detector
from safecity.vision.faces import distance

HOG_ONLY = FacePipeline(create_detector("hog"))


def test_one_usable_face_with_a_128_d_dlib_embedding() -> None:
    faces = analyse_image(shared_path("data/faces/obama/obama.jpg"))
    assert len(faces) == 1
    face = faces[0]
    assert face.usable
    assert face.quality.passed
    assert face.quality.reasons == []
    assert face.embedding is not None
    assert face.embedding.model_id == "dlib-resnet-v1"
    assert face.embedding.vector.shape == (128,)
    assert 300 < face.box.center[0] < 560


def test_image_without_a_face_gives_no_faces() -> None:
    assert analyse_image(synthetic_scene(400, 300), pipeline=HOG_ONLY) == []


def test_group_photo_gives_every_face_largest_first() -> None:
    faces = analyse_image(shared_path("data/faces/_group/kit_with_rose.jpg"))
    assert len(faces) == 2
    assert faces[0].box.area >= faces[1].box.area
    assert all(face.usable for face in faces)


def test_rgba_png_and_grayscale_give_the_same_person() -> None:
    colour = analyse_image(shared_path("data/faces/obama/obama2.jpg"))[0].embedding
    rgba = analyse_image(shared_path("data/faces/obama/32bit.png"))[0].embedding
    gray_image = cv2.cvtColor(cv2.imread(str(shared_path("data/faces/obama/obama2.jpg"))), cv2.COLOR_BGR2GRAY)
    gray = analyse_image(gray_image)[0].embedding
    assert colour is not None
    assert rgba is not None
    assert gray is not None
    assert distance(colour, rgba) < 0.1
    assert distance(colour, gray) < 0.4


def test_large_image_is_detected_downscaled_but_boxes_are_in_full_resolution() -> None:
    image = cv2.imread(str(shared_path("data/faces/obama/obama-720p.jpg")))
    small = analyse_image(image, pipeline=HOG_ONLY)[0]
    large = analyse_image(
        cv2.resize(image, None, fx=3, fy=3, interpolation=cv2.INTER_CUBIC), pipeline=HOG_ONLY
    )
    assert len(large) == 1
    assert large[0].box.center[0] == pytest.approx(3 * small.box.center[0], rel=0.05)
    assert large[0].box.width == pytest.approx(3 * small.box.width, rel=0.15)
    assert small.embedding is not None
    assert large[0].embedding is not None
    assert distance(small.embedding, large[0].embedding) < 0.25


def test_tiny_and_blurred_faces_are_skipped_with_reasons_and_not_embedded() -> None:
    image = cv2.imread(str(shared_path("data/faces/obama/obama-480p.jpg")))
    blurred = cv2.GaussianBlur(image, (0, 0), 4)
    strict = FacePipeline(create_detector("hog"), thresholds=QualityThresholds(min_face_px=150))
    too_small = analyse_image(image, pipeline=strict)[0]
    assert not too_small.usable
    assert any("too small" in reason for reason in too_small.quality.reasons)
    (face,) = analyse_image(blurred, pipeline=HOG_ONLY)
    assert not face.usable
    assert face.embedding is None
    assert any("blurred" in reason for reason in face.quality.reasons)


def test_rejected_faces_can_still_be_embedded_for_investigation() -> None:
    image = cv2.imread(str(shared_path("data/faces/obama/obama-480p.jpg")))
    pipeline = FacePipeline(
        create_detector("hog"), thresholds=QualityThresholds(min_face_px=150), embed_rejected=True
    )
    face = analyse_image(image, pipeline=pipeline)[0]
    assert not face.quality.passed
    assert face.embedding is not None


def test_face_cut_by_the_edge_keeps_its_box_outside_the_image() -> None:
    faces = analyse_image(shared_path("data/faces/obama/obama_partial_face.jpg"))
    assert faces[0].box.x1 < 0
    assert faces[0].usable
    assert 0.6 < faces[0].quality.visible_fraction < 1.0


def test_enrolment_gate_is_stricter_than_the_search_gate() -> None:
    image = cv2.imread(str(shared_path("data/faces/obama/obama-240p.jpg")))
    search = analyse_image(image, pipeline=HOG_ONLY)[0]
    enrol = analyse_image(
        image, pipeline=FacePipeline(create_detector("hog"), thresholds=QualityThresholds.for_enrolment())
    )[0]
    assert search.usable
    assert not enrol.usable
    assert any("too small" in reason for reason in enrol.quality.reasons)


def test_unreadable_image_is_an_error_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "truncated.jpg"
    path.write_bytes(cv2.imencode(".jpg", synthetic_scene())[1].tobytes()[:100])
    with pytest.raises(ImageInputError, match=r"truncated\.jpg"):
        analyse_image(path)


def test_uniform_image_has_no_face() -> None:
    assert analyse_image(np.full((200, 200, 3), 128, dtype=np.uint8), pipeline=HOG_ONLY) == []
