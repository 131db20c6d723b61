"""Live pictures too large for a NATS message are scaled down to fit, or refused with the reason."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from safecity.cameras.jpeg_fit import fit_jpeg
from safecity.cameras.live_frames import encode_jpeg


def noisy_jpeg(width: int, height: int) -> bytes:
    """Noise compresses badly: a JPEG far larger than a real scene of the same size."""
    return encode_jpeg(np.random.default_rng(7).integers(0, 256, (height, width, 3), dtype=np.uint8))


def test_a_picture_within_the_limit_is_kept_as_it_is() -> None:
    jpeg = noisy_jpeg(64, 48)
    assert fit_jpeg(jpeg, len(jpeg)) is jpeg


def test_a_larger_picture_is_scaled_down_to_fit_keeping_its_shape() -> None:
    jpeg = noisy_jpeg(1280, 720)
    limit = len(jpeg) // 3

    fitted = fit_jpeg(jpeg, limit)

    assert len(fitted) <= limit
    image = cv2.imdecode(np.frombuffer(fitted, np.uint8), cv2.IMREAD_COLOR)
    height, width = image.shape[:2]
    assert width < 1280
    assert width / height == pytest.approx(1280 / 720, rel=0.02)


def test_bytes_that_are_not_a_picture_are_refused() -> None:
    with pytest.raises(ValueError, match="is not a JPEG"):
        fit_jpeg(b"not a picture at all", 10)


def test_a_limit_no_picture_can_meet_is_refused_naming_the_sizes() -> None:
    jpeg = noisy_jpeg(64, 48)
    with pytest.raises(ValueError, match=rf"of {len(jpeg)} bytes \(64x48\) does not fit in 100 bytes"):
        fit_jpeg(jpeg, 100)
