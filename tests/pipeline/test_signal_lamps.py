"""The signal phase read from the lamps in the picture: the lit lamp, or nothing when none stands out."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from safecity.pipeline.rules.signal_lamps import LampReader
from safecity.pipeline.rules.traffic_config import SignalLamps
from safecity.pipeline.rules.traffic_config import SignalPhase

LAMPS = SignalLamps(red=(0.5, 0.2), amber=(0.5, 0.5), green=(0.5, 0.8), radius=3)
CENTRES = {SignalPhase.RED: (50, 20), SignalPhase.AMBER: (50, 50), SignalPhase.GREEN: (50, 80)}
LIT = {SignalPhase.RED: (40, 40, 255), SignalPhase.AMBER: (0, 190, 255), SignalPhase.GREEN: (80, 255, 60)}


def signal_head(lit: SignalPhase | None, unlit: int = 55) -> np.ndarray:
    image = np.full((100, 100, 3), 30, np.uint8)
    for phase, centre in CENTRES.items():
        colour = LIT[phase] if phase is lit else (unlit, unlit, unlit)
        cv2.circle(image, centre, 8, colour, -1)
    return image


@pytest.mark.parametrize("lit", list(SignalPhase))
def test_the_lit_lamp_gives_the_phase(lit: SignalPhase) -> None:
    assert LampReader(LAMPS, 100, 100, "auto").read(signal_head(lit)) is lit


def test_no_lamp_lit_or_all_alike_bright_says_nothing() -> None:
    reader = LampReader(LAMPS, 100, 100, "auto")
    assert reader.read(signal_head(None)) is None
    assert reader.read(signal_head(None, unlit=230)) is None  # glare on the whole head: no lamp stands out
