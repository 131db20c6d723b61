"""`face.sighting`: the worker's best face of a person track (crop in the media store, vector inline)."""

from __future__ import annotations

from typing import Literal

import numpy as np

from safecity.core.bus import Event
from safecity.core.bus import register_event
from safecity.core.bus.vectors import decode_vector


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
        return decode_vector(self.vector, self.dim, "sighting")
