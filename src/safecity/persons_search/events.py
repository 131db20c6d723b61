"""`reid.appearance`: a finished person track's appearance (best crop in the media store, vector inline)."""

from __future__ import annotations

import base64
from datetime import datetime
from typing import Literal

import numpy as np

from safecity.core.bus import Event, register_event


@register_event
class PersonAppearanceEvent(Event):
    """`time` is when the track was last seen; `vector` is the float32 appearance vector, base64."""

    type: Literal["reid.appearance"] = "reid.appearance"
    track_id: str
    first_seen: datetime
    crop_sha256: str
    box: list[float]
    crops: int
    model: str
    dim: int
    vector: str

    def array(self) -> np.ndarray:
        values = np.frombuffer(base64.b64decode(self.vector), dtype=np.float32)
        if values.shape != (self.dim,):
            raise ValueError(f"appearance vector has {values.size} values, expected {self.dim}")
        return values


def encode_vector(vector: np.ndarray) -> str:
    return base64.b64encode(np.asarray(vector, dtype=np.float32).tobytes()).decode("ascii")
