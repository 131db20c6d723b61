"""`reid.appearance`: a finished person track's appearance (best crop in the media store, vector inline)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

import numpy as np

from safecity.core.bus import Event
from safecity.core.bus import register_event
from safecity.core.bus.vectors import decode_vector


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
        return decode_vector(self.vector, self.dim, "appearance")
