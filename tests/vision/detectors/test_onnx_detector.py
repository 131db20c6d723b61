"""OnnxDetector on the shared YOLOX-Nano model and on a tiny YOLOv8-style graph."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
from tests.conftest import shared_path

from safecity.vision.detectors import COCO_NAMES
from safecity.vision.detectors import DetectorError
from safecity.vision.detectors import DetectorOptions
from safecity.vision.detectors import OnnxDetector
from safecity.vision.detectors import OutputFormat


@pytest.fixture(scope="module")
def nano() -> OnnxDetector:
    return OnnxDetector(shared_path("models/yolox_nano.onnx"), DetectorOptions(threads=1))


def read_image(path: Path) -> np.ndarray:
    image = cv2.imread(str(path))
    assert image is not None, f"cannot read {path}"
    return np.asarray(image)


def iou(a: np.ndarray, b: list[float]) -> float:
    x1, y1 = max(a[0], b[0]), max(a[1], b[1])
    x2, y2 = min(a[2], b[2]), min(a[3], b[3])
    inter = max(0.0, x2 - x1) * max(0.0, y2 - y1)
    area = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return float(inter / area)


def test_yolox_nano_is_recognised_and_finds_the_player(nano: OnnxDetector) -> None:
    assert nano.output_format is OutputFormat.YOLOX
    assert nano.input_size == (416, 416)
    assert "CPUExecutionProvider" in nano.providers
    found = nano.detect(read_image(shared_path("media/messi5.jpg")))
    people = [
        (box, score)
        for box, score, label in zip(found.boxes, found.scores, found.labels, strict=False)
        if label == "person"
    ]
    best_box, best_score = max(people, key=lambda item: item[1])
    assert best_score == pytest.approx(0.853, abs=0.01)  # MANIFEST: person 0.853 [59, 58, 474, 335]
    assert iou(best_box, [59, 58, 474, 335]) > 0.95
    assert set(found.labels) <= {"person", "bicycle", "car", "motorcycle", "bus", "truck"}


def test_full_coco_class_map_reports_the_ball(shared: Path) -> None:
    detector = OnnxDetector(
        shared_path("models/yolox_nano.onnx"), DetectorOptions(class_map=dict(enumerate(COCO_NAMES)))
    )
    found = detector.detect(read_image(shared / "media/messi5.jpg"))
    balls = [box for box, label in zip(found.boxes, found.labels, strict=False) if label == "sports ball"]
    assert any(iou(box, [338, 291, 387, 337]) > 0.9 for box in balls)


def test_pedestrians_and_vehicles_on_a_cctv_frame(nano: OnnxDetector) -> None:
    capture = cv2.VideoCapture(str(shared_path("media/vtest.avi")))
    capture.set(cv2.CAP_PROP_POS_FRAMES, 100)
    ok, frame = capture.read()
    capture.release()
    assert ok
    assert frame is not None
    found = nano.detect(np.asarray(frame))
    assert found.labels.count("person") >= 6  # MANIFEST: 7 walkers, one hidden by the post is missed
    assert "car" in found.labels


def test_batch_gives_the_same_result_as_single_images(nano: OnnxDetector) -> None:
    image = read_image(shared_path("media/messi5.jpg"))
    single = nano.detect(image)
    batch = nano.detect_batch([image, image[:, ::-1].copy()])
    assert len(batch) == 2
    np.testing.assert_allclose(batch[0].boxes, single.boxes)


def test_missing_model_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DetectorError, match="not found"):
        OnnxDetector(tmp_path / "none.onnx")


def test_a_file_that_is_not_onnx_is_a_clear_error(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.onnx"
    bogus.write_bytes(b"not a model")
    with pytest.raises(DetectorError, match="cannot load"):
        OnnxDetector(bogus)


def test_class_map_outside_the_model_is_rejected() -> None:
    with pytest.raises(ValueError, match="outside the model's 80 classes"):
        OnnxDetector(shared_path("models/yolox_nano.onnx"), DetectorOptions(class_map={95: "tank"}))


def tiny_yolov8_model(path: Path, boxes_cxcywh: list[list[float]], classes: dict[int, str]) -> None:
    """A graph that ignores its image and always outputs the given boxes, Ultralytics-style (1, 4 + C, N)."""
    onnx = pytest.importorskip("onnx", reason="the onnx package builds the tiny YOLOv8-style test graph")
    from onnx import TensorProto
    from onnx import helper
    from onnx import numpy_helper

    num_classes = len(classes)
    raw = np.zeros((1, 4 + num_classes, len(boxes_cxcywh)), np.float32)
    for column, box in enumerate(boxes_cxcywh):
        raw[0, :4, column] = box
        raw[0, 4 + column % num_classes, column] = 0.9
    nodes = [
        helper.make_node("ReduceMean", ["images"], ["mean"], keepdims=0),
        helper.make_node("Mul", ["mean", "zero"], ["nothing"]),
        helper.make_node("Add", ["fixed", "nothing"], ["output0"]),
    ]
    graph = helper.make_graph(
        nodes,
        "tiny_yolov8",
        [helper.make_tensor_value_info("images", TensorProto.FLOAT, [1, 3, 64, 64])],
        [helper.make_tensor_value_info("output0", TensorProto.FLOAT, list(raw.shape))],
        initializer=[
            numpy_helper.from_array(raw, "fixed"),
            numpy_helper.from_array(np.zeros((), np.float32), "zero"),
        ],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    helper.set_model_props(model, {"names": repr(classes)})
    onnx.save(model, str(path))


def test_yolov8_style_graph_maps_boxes_back_through_the_centred_letterbox(tmp_path: Path) -> None:
    path = tmp_path / "tiny.onnx"
    # Input 64x64; a 128x64 (w x h) image is scaled by 0.5 and centred with 16 px padding top and bottom.
    tiny_yolov8_model(path, [[32, 32, 16, 8], [10, 26, 4, 4]], {0: "person", 1: "car"})
    detector = OnnxDetector(path)
    assert detector.output_format is OutputFormat.YOLOV8
    assert detector.class_map == {0: "person", 1: "car"}
    found = detector.detect(np.zeros((64, 128, 3), np.uint8))
    assert found.labels == ("person", "car")
    np.testing.assert_allclose(found.boxes[0], [48, 24, 80, 40], atol=1e-4)
    np.testing.assert_allclose(found.boxes[1], [16, 16, 24, 24], atol=1e-4)
