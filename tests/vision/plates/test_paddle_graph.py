"""The PP-OCR graph rewrite changes how the models compute, never what they output."""

from __future__ import annotations

from collections import Counter

import numpy as np
import onnxruntime as ort
import pytest
from tests.vision.plates.synthetic import punjab_plate
from tests.vision.plates.synthetic import sindh_plate

from safecity.vision.plates.onnx_models import DETECTOR_FILE
from safecity.vision.plates.onnx_models import RECOGNIZER_FILE
from safecity.vision.plates.onnx_models import open_session
from safecity.vision.plates.onnx_models import shipped_model
from safecity.vision.plates.text_detector import TextDetector
from safecity.vision.plates.text_recognizer import TextRecognizer

onnx = pytest.importorskip("onnx")
from onnx import TensorProto  # noqa: E402
from onnx import helper  # noqa: E402
from onnx import numpy_helper  # noqa: E402

from safecity.vision.plates.paddle_graph import rewrite_paddle_graph  # noqa: E402


def _session(model: onnx.ModelProto) -> ort.InferenceSession:
    return ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])


def _block(pointwise_pad: int) -> onnx.ModelProto:
    """Conv, scalar affine, hard-swish as Paddle2ONNX spells it, scalar affine, then two convolutions
    reading it: a 1x1 one with `pointwise_pad` and a padded 3x3 one."""
    rng = np.random.default_rng(3)

    def const(name: str, value: np.ndarray | float) -> onnx.NodeProto:
        tensor = numpy_helper.from_array(np.asarray(value, dtype=np.float32), name)
        return helper.make_node("Constant", [], [name], value=tensor)

    nodes = [
        const("w0", rng.normal(size=(8, 3, 3, 3))),
        const("b0", rng.normal(size=8)),
        const("a1", 1.7),
        const("c1", -0.3),
        const("three", 3.0),
        const("zero", 0.0),
        const("six", 6.0),
        const("a2", 0.4),
        const("c2", 0.25),
        const("w1", rng.normal(size=(4, 8, 1, 1))),
        const("w2", rng.normal(size=(4, 8, 3, 3))),
        helper.make_node("Conv", ["x", "w0", "b0"], ["y"], pads=[1, 1, 1, 1]),
        helper.make_node("Mul", ["a1", "y"], ["ya"]),
        helper.make_node("Add", ["ya", "c1"], ["yb"]),
        helper.make_node("Add", ["yb", "three"], ["y3"]),
        helper.make_node("Clip", ["y3", "zero", "six"], ["yc"]),
        helper.make_node("Mul", ["yb", "yc"], ["ym"]),
        helper.make_node("Div", ["ym", "six"], ["h"]),
        helper.make_node("Mul", ["a2", "h"], ["ha"]),
        helper.make_node("Add", ["ha", "c2"], ["hb"]),
        helper.make_node("Conv", ["hb", "w1"], ["out1"], pads=[pointwise_pad] * 4),
        helper.make_node("Conv", ["hb", "w2"], ["out2"], pads=[1, 1, 1, 1]),
    ]
    graph = helper.make_graph(
        nodes,
        "block",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 3, 12, 20])],
        [
            helper.make_tensor_value_info("out1", TensorProto.FLOAT, None),
            helper.make_tensor_value_info("out2", TensorProto.FLOAT, None),
        ],
    )
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 12)], ir_version=7)


def test_a_block_is_rewritten_to_fewer_nodes_with_the_same_outputs() -> None:
    x = np.random.default_rng(4).normal(size=(1, 3, 12, 20)).astype(np.float32)
    original = _block(pointwise_pad=0)
    expected = _session(original).run(None, {"x": x})
    rewritten = rewrite_paddle_graph(_block(pointwise_pad=0))
    ops = Counter(node.op_type for node in rewritten.graph.node)
    # the affine after the first conv is folded into it; hard-swish is x * HardSigmoid(x); the affine
    # before the convolutions stays, because the padded 3x3 one reads it too
    assert ops == {"Conv": 3, "HardSigmoid": 1, "Mul": 2, "Add": 1}
    for got, want in zip(_session(rewritten).run(None, {"x": x}), expected, strict=True):
        np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-5)


def test_an_affine_read_only_by_unpadded_convolutions_is_folded_into_them() -> None:
    model = _block(pointwise_pad=0)
    model.graph.node.pop()  # drop the padded 3x3 conv
    model.graph.output.pop()
    x = np.random.default_rng(5).normal(size=(1, 3, 12, 20)).astype(np.float32)
    expected = _session(model).run(None, {"x": x})[0]
    rewritten = rewrite_paddle_graph(model)
    assert Counter(node.op_type for node in rewritten.graph.node) == {"Conv": 2, "HardSigmoid": 1, "Mul": 1}
    np.testing.assert_allclose(_session(rewritten).run(None, {"x": x})[0], expected, rtol=1e-5, atol=1e-5)


def test_padding_keeps_the_affine_in_front_of_a_convolution() -> None:
    model = _block(pointwise_pad=1)
    model.graph.node.pop()
    model.graph.output.pop()
    rewritten = rewrite_paddle_graph(model)
    assert Counter(node.op_type for node in rewritten.graph.node)["Add"] == 1


@pytest.fixture(scope="module")
def strips() -> list[np.ndarray]:
    sindh, punjab = sindh_plate("AVV", "584"), punjab_plate("LEB", "06", "5700")
    return [np.ascontiguousarray(sindh[20:82, 10:310]), np.ascontiguousarray(punjab[80:142, 90:280])]


def test_the_rewritten_recogniser_outputs_what_the_shipped_one_does(strips: list[np.ndarray]) -> None:
    path = shipped_model(RECOGNIZER_FILE)
    shipped, rewritten = open_session(path, 1), open_session(path, 1, paddle_graph=True)
    assert len(rewritten.get_outputs()) == len(shipped.get_outputs())
    batch = TextRecognizer.model_input(strips)
    name = shipped.get_inputs()[0].name
    np.testing.assert_allclose(
        rewritten.run(None, {name: batch})[0], shipped.run(None, {name: batch})[0], atol=1e-4
    )


def test_the_rewritten_text_detector_outputs_what_the_shipped_one_does() -> None:
    path = shipped_model(DETECTOR_FILE)
    shipped, rewritten = open_session(path, 1), open_session(path, 1, paddle_graph=True)
    blob = TextDetector.model_input(punjab_plate("LEB", "06", "5700"), 192)
    name = shipped.get_inputs()[0].name
    np.testing.assert_allclose(
        rewritten.run(None, {name: blob})[0], shipped.run(None, {name: blob})[0], atol=1e-4
    )
