"""The unit that flows from a video source into the pipeline."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

Image = npt.NDArray[np.uint8]
PixelBox = tuple[int, int, int, int]  # a crop rectangle: x1, y1, x2, y2 in whole pixels, x2/y2 exclusive


@dataclass(frozen=True, slots=True)
class Frame:
    """One decoded frame.

    `image` is BGR uint8 (H, W, 3), the layout OpenCV expects. `timestamp` is seconds since the epoch
    (wall clock for live sources, start time + pts for files); `pts` is the stream position in seconds.
    """

    camera_id: str
    index: int
    timestamp: float
    pts: float
    image: Image

    @property
    def height(self) -> int:
        return int(self.image.shape[0])

    @property
    def width(self) -> int:
        return int(self.image.shape[1])
