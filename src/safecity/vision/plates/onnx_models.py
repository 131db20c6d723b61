"""The PP-OCRv4 models shipped inside the rapidocr_onnxruntime wheel, opened as onnxruntime sessions."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import onnxruntime as ort

DETECTOR_FILE = "ch_PP-OCRv4_det_infer.onnx"
RECOGNIZER_FILE = "ch_PP-OCRv4_rec_infer.onnx"


def shipped_model(file_name: str) -> Path:
    """Path of a model bundled with rapidocr_onnxruntime; raises FileNotFoundError naming the package."""
    path = Path(str(resources.files("rapidocr_onnxruntime").joinpath("models", file_name)))
    if not path.is_file():
        raise FileNotFoundError(f"{file_name} is missing from the rapidocr_onnxruntime package at {path}")
    return path


def open_session(path: Path, threads: int) -> ort.InferenceSession:
    """A CPU session; `threads` bounds intra-op parallelism (1 for one core per camera stream)."""
    if not path.is_file():
        raise FileNotFoundError(f"ONNX model not found: {path}")
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    return ort.InferenceSession(str(path), sess_options=options, providers=["CPUExecutionProvider"])
