"""Scale a JPEG down until it fits a size limit (a NATS message carries at most `max_payload` bytes)."""

from __future__ import annotations

import math

import cv2
import numpy as np

from safecity.cameras.live_frames import encode_jpeg

ATTEMPTS = 4
MARGIN = 0.9  # aim a little under the limit: a JPEG's size follows its pixel count only roughly


def fit_jpeg(jpeg: bytes, max_bytes: int) -> bytes:
    """`jpeg` itself when it fits in `max_bytes`, else the same picture scaled down to fit.

    Raises ValueError when `jpeg` is not a picture, or cannot be made to fit.
    """
    if len(jpeg) <= max_bytes:
        return jpeg
    image = cv2.imdecode(np.frombuffer(jpeg, np.uint8), cv2.IMREAD_COLOR)
    if image is None:
        raise ValueError(f"a live picture of {len(jpeg)} bytes is not a JPEG")
    height, width = image.shape[:2]
    scale, size = 1.0, len(jpeg)
    for _ in range(ATTEMPTS):
        scale *= MARGIN * math.sqrt(max_bytes / size)
        smaller = (max(1, round(width * scale)), max(1, round(height * scale)))
        resized = cv2.resize(image, smaller, interpolation=cv2.INTER_AREA)
        encoded = encode_jpeg(np.asarray(resized, dtype=np.uint8))
        if len(encoded) <= max_bytes:
            return encoded
        size = len(encoded)
    raise ValueError(
        f"a live picture of {len(jpeg)} bytes ({width}x{height}) does not fit in {max_bytes} bytes, "
        f"even scaled down to {smaller[0]}x{smaller[1]} ({size} bytes)"
    )


def scale_to_width(jpeg: bytes, width: int) -> bytes:
    """The picture scaled down to `width` pixels across (aspect kept); `jpeg` itself when already that narrow.

    A video wall's tiles ask for their own size, so a 16-camera wall moves thumbnails, not 1080p frames.
    Raises ValueError when `jpeg` is not a picture.
    """
    image = cv2.imdecode(np.frombuffer(jpeg, np.uint8), cv2.IMREAD_COLOR)
    if image is None:
        raise ValueError(f"a live picture of {len(jpeg)} bytes is not a JPEG")
    height, current = image.shape[:2]
    if current <= width:
        return jpeg
    smaller = (width, max(1, round(height * width / current)))
    return encode_jpeg(np.asarray(cv2.resize(image, smaller, interpolation=cv2.INTER_AREA), dtype=np.uint8))
