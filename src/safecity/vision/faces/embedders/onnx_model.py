"""Any ArcFace-style ONNX face embedder (SFace, ArcFace, ...), configured by its model file."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path
from typing import Literal

import cv2
import numpy as np
import onnxruntime as ort

from safecity.vision.faces.alignment import align_to_template
from safecity.vision.faces.alignment import alignment_points
from safecity.vision.faces.embedding import Embedding
from safecity.vision.faces.embedding import EmbeddingModel
from safecity.vision.faces.errors import ModelFileError
from safecity.vision.faces.errors import existing_model_file
from safecity.vision.faces.face_crop import FaceCrop


class OnnxFaceEmbedder:
    """Aligns the face to the ArcFace template at the model's input size and runs the network.

    Input: one NCHW float image, `(pixel - mean) / std` in `channel_order`. Output: the first output,
    flattened and L2-normalised; faces are compared by cosine distance (1 - cosine similarity) and
    `threshold` is a cosine distance. The model id is `onnx-<file stem>-<first 12 hex of sha256>`, so two
    different files never share an id even when named alike.
    """

    def __init__(
        self,
        model_path: str | Path,
        *,
        threshold: float,
        channel_order: Literal["rgb", "bgr"] = "rgb",
        mean: float = 127.5,
        std: float = 127.5,
        score_scale: float = 0.05,
        threads: int = 1,
    ) -> None:
        self.model_path = existing_model_file(model_path, "face embedding model")
        digest = hashlib.sha256(self.model_path.read_bytes()).hexdigest()
        self.model_id = f"onnx-{self.model_path.stem}-{digest[:12]}"
        self.threshold = threshold
        self.channel_order = channel_order
        self.mean, self.std = mean, std
        self.score_scale = score_scale
        self.threads = threads
        self._session: ort.InferenceSession | None = None
        self._model: EmbeddingModel | None = None
        self._input_size = (112, 112)
        self._lock = threading.Lock()

    @property
    def model(self) -> EmbeddingModel:
        self._load()
        assert self._model is not None
        return self._model

    def _load(self) -> ort.InferenceSession:
        with self._lock:
            if self._session is None:
                self._session = self._open_session()
            return self._session

    def _open_session(self) -> ort.InferenceSession:
        options = ort.SessionOptions()
        options.intra_op_num_threads = self.threads
        try:
            session = ort.InferenceSession(str(self.model_path), options, providers=["CPUExecutionProvider"])
        except Exception as error:  # onnxruntime raises several unrelated exception types for bad files
            raise ModelFileError(f"cannot load ONNX model {self.model_path}: {error}") from error
        shape = session.get_inputs()[0].shape
        if len(shape) != 4 or shape[1] != 3:
            raise ModelFileError(f"{self.model_path}: expected an NCHW 3-channel input, got {shape}")
        height = shape[2] if isinstance(shape[2], int) else 112
        width = shape[3] if isinstance(shape[3], int) else 112
        self._input_size = (width, height)
        probe = self._run(session, np.zeros((height, width, 3), dtype=np.uint8))
        self._model = EmbeddingModel(
            id=self.model_id,
            dim=int(probe.shape[0]),
            metric="cosine",
            threshold=self.threshold,
            score_scale=self.score_scale,
        )
        return session

    def _run(self, session: ort.InferenceSession, aligned_bgr: np.ndarray) -> np.ndarray:
        pixels = cv2.cvtColor(aligned_bgr, cv2.COLOR_BGR2RGB) if self.channel_order == "rgb" else aligned_bgr
        blob = ((pixels.astype(np.float32) - self.mean) / self.std).transpose(2, 0, 1)[None]
        output = session.run(None, {session.get_inputs()[0].name: blob})[0]
        vector = np.asarray(output, dtype=np.float32).reshape(-1)
        return vector / max(float(np.linalg.norm(vector)), 1e-12)

    def embed(self, crop: FaceCrop) -> Embedding:
        session = self._load()
        points = alignment_points(crop.landmarks, crop.keypoints)
        aligned = align_to_template(crop.bgr, points, self._input_size)
        return Embedding(self._run(session, aligned), self.model)
