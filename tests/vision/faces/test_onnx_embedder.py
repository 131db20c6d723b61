"""Plumbing of the pluggable ONNX embedder, on a tiny model built in the test (no real weights needed)."""

from pathlib import Path

import numpy as np
import pytest
from tests.vision.faces.conftest import synthetic_scene

from safecity.vision.boxes import Box
from safecity.vision.faces import DLIB_RESNET
from safecity.vision.faces import Detection
from safecity.vision.faces import Embedding
from safecity.vision.faces import ExactIndex
from safecity.vision.faces import ModelFileError
from safecity.vision.faces import ModelMismatchError
from safecity.vision.faces import OnnxFaceEmbedder
from safecity.vision.faces.face_crop import FaceCrop

onnx = pytest.importorskip("onnx", reason="the onnx package builds the test model; install onnx to run this")
from onnx import TensorProto  # noqa: E402
from onnx import helper  # noqa: E402


def tiny_embedder_model(path: Path, weight_seed: int, dim: int = 8) -> Path:
    """NCHW 3x112x112 image -> mean over each 28x28 block -> linear layer -> `dim` numbers."""
    weights = np.random.default_rng(weight_seed).normal(size=(3 * 4 * 4, dim)).astype(np.float32)
    graph = helper.make_graph(
        [
            helper.make_node("AveragePool", ["image"], ["pooled"], kernel_shape=[28, 28], strides=[28, 28]),
            helper.make_node("Flatten", ["pooled"], ["flat"]),
            helper.make_node("MatMul", ["flat", "weights"], ["embedding"]),
        ],
        "tiny_face_embedder",
        [helper.make_tensor_value_info("image", TensorProto.FLOAT, ["batch", 3, 112, 112])],
        [helper.make_tensor_value_info("embedding", TensorProto.FLOAT, ["batch", dim])],
        [helper.make_tensor("weights", TensorProto.FLOAT, weights.shape, weights.flatten().tolist())],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    onnx.save(model, path)
    return path


def face_crop(seed: int) -> FaceCrop:
    image = synthetic_scene(300, 300, seed=seed)
    keypoints = np.array([[120, 130], [180, 130], [150, 160], [125, 190], [175, 190]], dtype=np.float32)
    detection = Detection(Box(100, 100, 200, 200), 0.9, "test", 0.5, keypoints)
    return FaceCrop(image, detection)


def test_embedder_reports_its_model_and_gives_unit_vectors(tmp_path: Path) -> None:
    embedder = OnnxFaceEmbedder(tiny_embedder_model(tmp_path / "tiny.onnx", 0), threshold=0.4)
    embedding = embedder.embed(face_crop(1))
    assert embedder.model.dim == 8
    assert embedder.model.metric == "cosine"
    assert embedding.model_id.startswith("onnx-tiny-")
    assert embedding.vector.shape == (8,)
    assert np.linalg.norm(embedding.vector) == pytest.approx(1.0, abs=1e-5)
    assert np.allclose(embedder.embed(face_crop(1)).vector, embedding.vector)
    assert not np.allclose(embedder.embed(face_crop(2)).vector, embedding.vector)


def test_same_file_name_with_other_weights_is_another_model(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = OnnxFaceEmbedder(tiny_embedder_model(tmp_path / "a" / "sface.onnx", 0), threshold=0.4)
    second = OnnxFaceEmbedder(tiny_embedder_model(tmp_path / "b" / "sface.onnx", 1), threshold=0.4)
    assert first.model.id != second.model.id
    index = ExactIndex(first.model)
    index.add("someone", first.embed(face_crop(1)))
    with pytest.raises(ModelMismatchError):
        index.search(second.embed(face_crop(1)), k=1)


def test_onnx_and_dlib_vectors_never_mix(tmp_path: Path) -> None:
    embedder = OnnxFaceEmbedder(tiny_embedder_model(tmp_path / "tiny.onnx", 0, dim=128), threshold=0.4)
    index = ExactIndex(DLIB_RESNET)
    with pytest.raises(ModelMismatchError):
        index.add("someone", embedder.embed(face_crop(1)))
    index.add("someone", Embedding(np.zeros(128, dtype=np.float32), DLIB_RESNET))
    with pytest.raises(ModelMismatchError):
        index.search(embedder.embed(face_crop(1)), k=1)


def test_missing_or_broken_model_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelFileError, match="not found"):
        OnnxFaceEmbedder(tmp_path / "absent.onnx", threshold=0.4)
    broken = tmp_path / "broken.onnx"
    broken.write_bytes(b"not a model")
    with pytest.raises(ModelFileError, match="cannot load"):
        _ = OnnxFaceEmbedder(broken, threshold=0.4).model
