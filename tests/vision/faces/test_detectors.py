import cv2
import pytest
from tests.conftest import shared_path

from safecity.vision.boxes import Box
from safecity.vision.boxes import iou
from safecity.vision.faces import CascadeDetector
from safecity.vision.faces import Detection
from safecity.vision.faces import DlibHogDetector
from safecity.vision.faces import FacePipeline
from safecity.vision.faces import ModelFileError
from safecity.vision.faces import YuNetDetector
from safecity.vision.faces import analyse_image
from safecity.vision.faces import create_detector
from safecity.vision.faces import distance

YUNET = "models/face_detection_yunet_2023mar.onnx"


class FixedDetector:
    def __init__(self, name: str, found: list[Detection]) -> None:
        self.name = name
        self.found = found
        self.calls = 0

    def detect(self, image: object) -> list[Detection]:
        self.calls += 1
        return self.found


def test_cascade_uses_the_next_detector_only_when_the_first_finds_nothing() -> None:
    face = Detection(Box(0, 0, 50, 50), 1.0, "second", 0.5)
    empty, second = FixedDetector("first", []), FixedDetector("second", [face])
    assert CascadeDetector([empty, second]).detect(None) == [face]  # type: ignore[arg-type]
    found_first = FixedDetector("first", [face])
    never = FixedDetector("never", [])
    CascadeDetector([found_first, never]).detect(None)  # type: ignore[arg-type]
    assert never.calls == 0


def test_unknown_detector_and_missing_model_are_clear_errors() -> None:
    with pytest.raises(ValueError, match="unknown face detector 'mtcnn'"):
        create_detector("mtcnn")
    with pytest.raises(ValueError, match="needs the model file"):
        create_detector("yunet")
    with pytest.raises(ModelFileError, match="not found"):
        YuNetDetector("/nonexistent/yunet.onnx")


def test_yunet_boxes_agree_with_hog_and_give_the_same_embedding() -> None:
    image = cv2.imread(str(shared_path("data/faces/obama/obama.jpg")))
    yunet = YuNetDetector(shared_path(YUNET))
    (found,) = yunet.detect(image)
    (hog,) = DlibHogDetector().detect(image)
    assert found.keypoints is not None
    assert found.keypoints.shape == (5, 2)
    assert iou(found.box, hog.box) > 0.6
    via_yunet = analyse_image(image, pipeline=FacePipeline(yunet))[0].embedding
    via_hog = analyse_image(image, pipeline=FacePipeline(DlibHogDetector()))[0].embedding
    assert via_yunet is not None
    assert via_hog is not None
    assert distance(via_yunet, via_hog) < 0.15


def test_yunet_finds_a_face_filling_a_large_image_once_downscaled() -> None:
    image = cv2.imread(str(shared_path("data/faces/biden/biden2.jpg")))
    faces = analyse_image(image, pipeline=FacePipeline(YuNetDetector(shared_path(YUNET))))
    usable = [face for face in faces if face.usable]
    assert len(usable) == 1
    assert usable[0].box.width > 300


def test_cnn_detector_finds_the_face_hog_finds() -> None:
    image = cv2.imread(str(shared_path("data/faces/obama/obama_small.jpg")))
    (cnn,) = create_detector("cnn").detect(image)
    (hog,) = create_detector("hog").detect(image)
    assert cnn.detector == "dlib-cnn"
    assert iou(cnn.box, hog.box) > 0.5
