"""Clips whose every frame shows its own number as a row of black and white blocks, read back after decoding.

So a test can tell which moment of the recording a decoded frame is, even when the clip loops.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from tests.support.media import Image
from tests.support.media import cycle
from tests.support.media import write_h264

BITS = 16
BLOCK = 24  # pixels per bit: big enough to survive H.264 at any sensible quality


def stamp(image: Image, number: int) -> Image:
    stamped = image.copy()
    for bit in range(BITS):
        value = 255 if number >> bit & 1 else 0
        stamped[0:BLOCK, bit * BLOCK : (bit + 1) * BLOCK] = value
    return stamped


def frame_number(image: npt.NDArray[Any]) -> int:
    """The number `stamp` drew into a decoded (BGR or gray) frame."""
    gray = image if image.ndim == 2 else image.mean(axis=2)
    number = 0
    for bit in range(BITS):
        block = gray[4 : BLOCK - 4, bit * BLOCK + 4 : (bit + 1) * BLOCK - 4]
        if float(np.mean(block)) > 128:
            number |= 1 << bit
    return number


def write_timecoded_clip(
    path: Path, frames: list[Image], seconds: int, *, fps: int = 10, gop: int = 10
) -> Path:
    """`seconds` of H.264 (a keyframe every `gop` frames) made from `frames`, frame n stamped with n."""
    count = seconds * fps
    return write_h264(
        path, (stamp(image, n) for n, image in enumerate(cycle(frames, count))), fps=fps, gop=gop
    )
