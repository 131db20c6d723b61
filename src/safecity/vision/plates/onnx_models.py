"""The PP-OCRv4 models shipped inside the rapidocr_onnxruntime wheel, opened as onnxruntime sessions."""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

import onnxruntime as ort

logger = logging.getLogger(__name__)

DETECTOR_FILE = "ch_PP-OCRv4_det_infer.onnx"
RECOGNIZER_FILE = "ch_PP-OCRv4_rec_infer.onnx"


def shipped_model(file_name: str) -> Path:
    """Path of a model bundled with rapidocr_onnxruntime; raises FileNotFoundError naming the package."""
    path = Path(str(resources.files("rapidocr_onnxruntime").joinpath("models", file_name)))
    if not path.is_file():
        raise FileNotFoundError(f"{file_name} is missing from the rapidocr_onnxruntime package at {path}")
    return path


def _paddle_model(path: Path) -> str | bytes:
    """The PP-OCR model with the exact rewrites of `paddle_graph` (needs the `onnx` package; without it
    the file as shipped, which gives the same reads about 10 % slower)."""
    try:
        from safecity.vision.plates.paddle_graph import rewritten_model_bytes
    except ImportError as error:
        logger.warning("PP-OCR graph rewrite skipped (%s): install 'onnx' for faster plate reading", error)
        return str(path)
    return rewritten_model_bytes(path)


def open_session(path: Path, threads: int, paddle_graph: bool = False) -> ort.InferenceSession:
    """A CPU session; `threads` bounds intra-op parallelism (1 for one core per camera stream).
    `paddle_graph`: the model is a Paddle2ONNX export (PP-OCR) and is rewritten by `paddle_graph` first."""
    if not path.is_file():
        raise FileNotFoundError(f"ONNX model not found: {path}")
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    model = _paddle_model(path) if paddle_graph else str(path)
    return ort.InferenceSession(model, sess_options=options, providers=["CPUExecutionProvider"])
