"""`face.sighting`: the worker's best face of a person track (crop in the media store, vector inline)."""

from __future__ import annotations

import base64
from typing import Literal

import numpy as np

from safecity.core.bus import Event, register_event


@register_event
class FaceSightingEvent(Event):
    """`vector` is the float32 embedding, base64 (128-D: 684 characters); `model` names its model."""

    type: Literal["face.sighting"] = "face.sighting"
    track_id: str = ""
    crop_sha256: str
    box: list[float]
    quality_score: float
    model: str
    dim: int
    vector: str

    def array(self) -> np.ndarray:
        values = np.frombuffer(base64.b64decode(self.vector), dtype=np.float32)
        if values.shape != (self.dim,):
            raise ValueError(f"sighting vector has {values.size} values, expected {self.dim}")
        return values


def encode_vector(vector: np.ndarray) -> str:
    return base64.b64encode(np.asarray(vector, dtype=np.float32).tobytes()).decode("ascii")
