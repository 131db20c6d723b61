"""Helmet / seat-belt checks through the ONNX classifier interface, with a tiny model built here."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import onnx
from onnx import TensorProto
from onnx import helper

from safecity.challan.checks import OnnxImageClassifier
from safecity.core.bus import Event
from safecity.core.db import Database
from safecity.core.media import MediaStore
from tests.challan.helpers import at
from tests.challan.helpers import feed
from tests.challan.helpers import make_runtime
from tests.challan.helpers import violations

LABELS = ["helmet", "no_helmet"]


def tiny_classifier(path: Path) -> Path:
    """Mean colour per channel → logits: [blue - red, red - blue]. A red crop means `no_helmet`."""
    image = helper.make_tensor_value_info("image", TensorProto.FLOAT, [1, 3, 16, 16])
    scores = helper.make_tensor_value_info("scores", TensorProto.FLOAT, [1, 2])
    # Input is RGB: channel 0 red, channel 2 blue.
    weights = helper.make_tensor("w", TensorProto.FLOAT, [3, 2], [-10.0, 10.0, 0.0, 0.0, 10.0, -10.0])
    axes = helper.make_tensor("axes", TensorProto.INT64, [2], [2, 3])
    graph = helper.make_graph(
        [
            helper.make_node("ReduceMean", ["image", "axes"], ["mean"], keepdims=0),
            helper.make_node("MatMul", ["mean", "w"], ["logits"]),
            helper.make_node("Softmax", ["logits"], ["scores"], axis=1),
        ],
        "tiny-helmet",
        [image],
        [scores],
        [weights, axes],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 18)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, str(path))
    return path


def crop(bgr: tuple[int, int, int]) -> np.ndarray:
    return np.full((40, 30, 3), bgr, np.uint8)


def test_onnx_classifier_scores_labels(tmp_path: Path) -> None:
    classifier = OnnxImageClassifier(tiny_classifier(tmp_path / "helmet.onnx"), LABELS, (16, 16))
    red = classifier.classify(crop((0, 0, 255)))
    blue = classifier.classify(crop((255, 0, 0)))
    assert red["no_helmet"] > 0.99
    assert blue["helmet"] > 0.99
    assert abs(sum(red.values()) - 1) < 1e-6


def test_a_rider_without_helmet_becomes_a_violation(database: Database, tmp_path: Path) -> None:
    model = tiny_classifier(tmp_path / "helmet.onnx")
    check = {
        "check": "no_helmet",
        "model": model,
        "classes": ["motorcycle"],
        "labels": LABELS,
        "violation_label": "no_helmet",
        "input_size": (16, 16),
    }
    runtime = make_runtime(tmp_path, classifiers=[check])
    media = MediaStore(tmp_path / "media")

    def ended(colour: tuple[int, int, int], object_class: str, track_id: int) -> Event:
        sha = media.put_bytes(cv2.imencode(".jpg", crop(colour))[1].tobytes(), ".jpg").sha256
        payload = {"track_id": track_id, "object_class": object_class, "snapshot_sha256": sha}
        return Event(type="track.ended", time=at(track_id), camera_id="cam-1", payload=payload)

    feed(
        database,
        runtime,
        ended((0, 0, 255), "motorcycle", 1),  # red: no helmet
        ended((255, 0, 0), "motorcycle", 2),  # blue: helmet
        ended((0, 0, 255), "car", 3),  # the check does not apply to cars
    )
    (violation,) = violations(database)
    assert (violation.violation_type, violation.track_id, violation.object_class) == (
        "no_helmet",
        "1",
        "motorcycle",
    )
    assert violation.details["score"] > 0.8
