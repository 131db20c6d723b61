"""The person re-identification network: a BGR person crop in, a unit appearance vector out."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import cv2
import numpy as np
import onnxruntime as ort

REID_KIND = "person-reid"  # the model registry's kind for re-id models


class ReidModelError(RuntimeError):
    """The re-id model file is missing or is not an NHWC image-in, vector-out network."""


class PersonReidEmbedder:
    """Runs an NHWC re-id network (input [1, H, W, 3], BGR 0-255, no normalisation, as Intel's
    person-reidentification-retail-0248 at 256x128) on person crops; outputs are L2-normalised, so people are
    compared by cosine similarity. `model_id` is `onnx-<file stem>-<first 12 hex of sha256>`."""

    def __init__(self, model_path: str | Path, *, threads: int = 1) -> None:
        self.model_path = Path(model_path)
        if not self.model_path.is_file():
            raise ReidModelError(f"re-id model {self.model_path} not found")
        digest = hashlib.sha256(self.model_path.read_bytes()).hexdigest()
        self.model_id = f"onnx-{self.model_path.stem}-{digest[:12]}"
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        try:
            self._session = ort.InferenceSession(
                str(self.model_path), options, providers=["CPUExecutionProvider"]
            )
        except Exception as error:  # onnxruntime raises several unrelated exception types for bad files
            raise ReidModelError(f"cannot load re-id model {self.model_path}: {error}") from error
        shape = self._session.get_inputs()[0].shape
        if len(shape) != 4 or shape[3] != 3 or not all(isinstance(v, int) for v in shape[1:3]):
            raise ReidModelError(f"{self.model_path}: expected an NHWC 3-channel input, got {shape}")
        self.input_size = (int(shape[2]), int(shape[1]))  # (width, height)
        self._input = self._session.get_inputs()[0].name
        self._lock = threading.Lock()
        self.dim = int(self.embed(np.zeros((8, 4, 3), dtype=np.uint8)).shape[0])

    def embed(self, crop: np.ndarray) -> np.ndarray:
        """The unit appearance vector of one BGR person crop (any size; stretched to the input size)."""
        if crop.ndim != 3 or crop.shape[2] != 3 or crop.shape[0] < 1 or crop.shape[1] < 1:
            raise ValueError(f"a person crop must be a BGR image, got shape {crop.shape}")
        blob = cv2.resize(crop, self.input_size, interpolation=cv2.INTER_LINEAR).astype(np.float32)[None]
        with self._lock:
            output = self._session.run(None, {self._input: blob})[0]
        vector = np.asarray(output, dtype=np.float32).reshape(-1)
        return vector / max(float(np.linalg.norm(vector)), 1e-12)
