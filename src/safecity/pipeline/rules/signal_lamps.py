"""A signal's phase read from the camera picture: which lamp of the signal head is lit.

Red-light enforcement needs the phase at the moment of crossing. Without a controller interface, a camera
that sees the signal head can read it: each lamp's small patch is measured (its brightest channel), and the
lamp clearly brighter than the others, and bright enough, is the lit one. A picture where no lamp stands out
(glare, night, an occlusion) says nothing, and the last phase read stays in force.
"""

from __future__ import annotations

import numpy as np

from safecity.pipeline.rules.traffic_config import SignalLamps
from safecity.pipeline.rules.traffic_config import SignalPhase
from safecity.video.frame import Image
from safecity.vision.geometry import to_pixels

# The lit lamp must outshine every other lamp by this much (0..255), so a sunlit housing reads as nothing.
MIN_CONTRAST = 40.0


class LampReader:
    def __init__(self, lamps: SignalLamps, width: int, height: int, units: str) -> None:
        named = [(SignalPhase.RED, lamps.red), (SignalPhase.GREEN, lamps.green)]
        if lamps.amber is not None:
            named.append((SignalPhase.AMBER, lamps.amber))
        points = to_pixels([point for _, point in named], width, height, units)
        self._lamps = [(phase, round(x), round(y)) for (phase, _), (x, y) in zip(named, points, strict=True)]
        self._radius = lamps.radius
        self._min_brightness = lamps.min_brightness

    def read(self, image: Image) -> SignalPhase | None:
        """The phase the lit lamp shows, or None when no lamp is clearly lit."""
        levels = sorted(((self._brightness(image, x, y), phase) for phase, x, y in self._lamps), reverse=True)
        (brightest, phase), (second, _) = levels[0], levels[1]
        if brightest < self._min_brightness or brightest - second < MIN_CONTRAST:
            return None
        return phase

    def _brightness(self, image: Image, x: int, y: int) -> float:
        height, width = image.shape[:2]
        r = self._radius
        patch = image[max(0, y - r) : min(height, y + r + 1), max(0, x - r) : min(width, x + r + 1)]
        if patch.size == 0:
            return 0.0
        return float(np.mean(patch.max(axis=-1)))
