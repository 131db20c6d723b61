"""dlib's ResNet-34 face descriptor: 128-D, compared by Euclidean distance, 0.6 separates people on LFW."""

from __future__ import annotations

import numpy as np

from safecity.vision.faces import dlib_models
from safecity.vision.faces.embedding import Embedding
from safecity.vision.faces.embedding import EmbeddingModel
from safecity.vision.faces.face_crop import FaceCrop

DLIB_RESNET = EmbeddingModel(
    id="dlib-resnet-v1", dim=128, metric="euclidean", threshold=0.6, score_scale=0.05
)


class DlibResnetEmbedder:
    """Embeds dlib's aligned 150x150 chip; `jitters` > 0 averages that many jittered copies (slower)."""

    def __init__(self, *, jitters: int = 0) -> None:
        self.jitters = jitters

    @property
    def model(self) -> EmbeddingModel:
        return DLIB_RESNET

    def embed(self, crop: FaceCrop) -> Embedding:
        descriptor = dlib_models.resnet_embedder().compute_face_descriptor(crop.dlib_chip, self.jitters)
        return Embedding(np.asarray(descriptor, dtype=np.float32), DLIB_RESNET)
