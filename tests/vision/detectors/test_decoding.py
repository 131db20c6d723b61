"""Decoding YOLOX and YOLOv8 outputs, class selection and NMS, on hand-made arrays."""

from __future__ import annotations

import numpy as np
import pytest

from safecity.vision.detectors import Placement
from safecity.vision.detectors import decode_yolov8
from safecity.vision.detectors import decode_yolox
from safecity.vision.detectors import letterbox_batch
from safecity.vision.detectors import select_detections
from safecity.vision.detectors.decoding import yolox_anchor_count

PERSON_CAR = {0: "person", 2: "car"}


def yolox_raw(input_size: tuple[int, int] = (64, 64), classes: int = 80) -> np.ndarray:
    return np.zeros((yolox_anchor_count(input_size), 5 + classes), np.float32)


def test_yolox_anchor_count_matches_the_nano_model_shape() -> None:
    assert yolox_anchor_count((416, 416)) == 3549


def test_yolox_decodes_grid_offsets_and_log_sizes_per_stride() -> None:
    raw = yolox_raw()
    # stride 8 grid is 8x8 (rows 0..63), stride 16 is 4x4 (64..79): take cell (gx=2, gy=1) of stride 16.
    row = 64 + 1 * 4 + 2
    raw[row, :5] = [0.5, 0.25, np.log(2.0), np.log(3.0), 0.9]
    raw[row, 5 + 2] = 0.8
    boxes, scores = decode_yolox(raw, (64, 64))
    cx, cy, w, h = (2.5) * 16, (1.25) * 16, 2.0 * 16, 3.0 * 16
    np.testing.assert_allclose(boxes[row], [cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2], rtol=1e-5)
    assert scores[row, 2] == pytest.approx(0.72)


def test_yolox_rejects_an_output_that_does_not_fit_the_input_size() -> None:
    with pytest.raises(ValueError, match="YOLOX output must be"):
        decode_yolox(np.zeros((100, 85), np.float32), (64, 64))


def yolov8_raw(
    boxes_cxcywh: list[list[float]], class_scores: list[dict[int, float]], classes: int = 80
) -> np.ndarray:
    raw = np.zeros((4 + classes, len(boxes_cxcywh)), np.float32)
    for column, (box, scores) in enumerate(zip(boxes_cxcywh, class_scores, strict=True)):
        raw[:4, column] = box
        for class_id, score in scores.items():
            raw[4 + class_id, column] = score
    return raw


def test_yolov8_reads_channels_first_and_transposed_layouts_alike() -> None:
    raw = yolov8_raw([[100, 50, 20, 40]], [{2: 0.7}])
    boxes, scores = decode_yolov8(raw, 80)
    boxes_t, scores_t = decode_yolov8(raw.T.copy(), 80)
    np.testing.assert_allclose(boxes, [[90, 30, 110, 70]])
    np.testing.assert_array_equal(boxes, boxes_t)
    np.testing.assert_array_equal(scores, scores_t)
    assert scores[0, 2] == pytest.approx(0.7)


def test_yolov8_guesses_the_layout_without_a_class_count() -> None:
    raw = yolov8_raw([[10, 10, 4, 4]] * 200, [{0: 0.5}] * 200)
    boxes, scores = decode_yolov8(raw)
    assert boxes.shape == (200, 4)
    assert scores.shape == (200, 80)


def test_yolov8_rejects_a_class_count_that_fits_no_axis() -> None:
    with pytest.raises(ValueError, match="4 \\+ 3 classes"):
        decode_yolov8(np.zeros((84, 10), np.float32), 3)


def test_selection_keeps_mapped_classes_above_threshold_and_suppresses_duplicates() -> None:
    boxes = np.array(
        [[0, 0, 100, 100], [2, 2, 101, 99], [200, 200, 260, 260], [0, 0, 100, 100], [300, 0, 320, 20]],
        np.float32,
    )
    scores = np.zeros((5, 80), np.float32)
    scores[0, 0] = 0.9  # person
    scores[1, 0] = 0.8  # same person, overlapping: suppressed
    scores[2, 2] = 0.6  # car
    scores[3, 2] = 0.5  # car on the person's box: another class, kept
    scores[4, 16] = 0.99  # dog: not in the class map
    kept, kept_scores, labels = select_detections(boxes, scores, PERSON_CAR, 0.3, 0.45)
    assert labels == ["person", "car", "car"]
    np.testing.assert_allclose(kept_scores, [0.9, 0.6, 0.5])
    np.testing.assert_array_equal(kept[0], boxes[0])


def test_selection_with_nothing_above_threshold_is_empty() -> None:
    boxes = np.array([[0, 0, 10, 10]], np.float32)
    scores = np.full((1, 80), 0.1, np.float32)
    kept, kept_scores, labels = select_detections(boxes, scores, PERSON_CAR, 0.3, 0.45)
    assert kept.shape == (0, 4)
    assert len(kept_scores) == 0
    assert labels == []


def test_yolox_decodes_only_rows_that_can_reach_the_score_threshold() -> None:
    raw = yolox_raw()
    raw[[3, 70], 4] = [0.35, 0.9]  # objectness of two rows; every other row has none
    raw[70, :4] = [0.5, 0.25, np.log(2.0), np.log(3.0)]
    raw[70, 5 + 2] = 0.8
    all_boxes, all_scores = decode_yolox(raw, (64, 64))
    boxes, scores = decode_yolox(raw, (64, 64), min_objectness=0.3)
    assert boxes.shape == (2, 4)
    np.testing.assert_array_equal(boxes, all_boxes[[3, 70]])
    np.testing.assert_array_equal(scores, all_scores[[3, 70]])


def test_letterbox_batch_holds_each_image_channels_first_in_its_padded_place() -> None:
    image = np.zeros((300, 600, 3), np.uint8)
    image[..., 0], image[..., 2] = 10, 200  # blue 10, red 200
    batch, _ = letterbox_batch([image, image], (416, 416), Placement.TOP_LEFT, rgb=False, scale=1.0)
    assert batch.shape == (2, 3, 416, 416)
    assert batch.dtype == np.float32
    assert batch.flags.c_contiguous
    assert (batch[1, 0, :208] == 10).all()  # BGR as given
    assert (batch[1, 2, :208] == 200).all()
    assert (batch[0, :, 208:] == 114).all()  # padded below, the image is 416 x 208
    rgb, (centred,) = letterbox_batch([image], (416, 416), Placement.CENTER, rgb=True, scale=1 / 255)
    assert centred.pad_y == (416 - 208) // 2
    assert rgb[0, 0, 104 + 5, 7] == pytest.approx(200 / 255)  # red first, scaled to 0..1
    assert rgb[0, 2, 104 + 5, 7] == pytest.approx(10 / 255)
    assert rgb[0, 1, 50, 7] == pytest.approx(114 / 255)  # the band above the image


@pytest.mark.parametrize("placement", [Placement.TOP_LEFT, Placement.CENTER])
def test_letterbox_restores_boxes_to_image_pixels(placement: Placement) -> None:
    image = np.zeros((300, 600, 3), np.uint8)
    _, (box,) = letterbox_batch([image], (416, 416), placement, rgb=False, scale=1.0)
    assert box.scale == pytest.approx(416 / 600)
    original = np.array([[60, 30, 300, 240]], np.float32)
    in_canvas = original * box.scale + np.array([box.pad_x, box.pad_y, box.pad_x, box.pad_y], np.float32)
    np.testing.assert_allclose(box.restore(in_canvas, 600, 300), original, atol=1e-3)
    if placement is Placement.TOP_LEFT:
        assert (box.pad_x, box.pad_y) == (0, 0)
    else:
        assert box.pad_y == (416 - 208) // 2


def test_letterbox_rejects_a_grey_image() -> None:
    with pytest.raises(ValueError, match="BGR image"):
        letterbox_batch([np.zeros((10, 10), np.uint8)], (416, 416), Placement.TOP_LEFT, rgb=False, scale=1.0)
