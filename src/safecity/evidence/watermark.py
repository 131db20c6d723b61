"""A visible watermark burned into exported images and video frames: who exported it, when, which bundle."""

from __future__ import annotations

from datetime import datetime

import cv2
import numpy as np

from safecity.video.frame import Image


def watermark_text(username: str, when: datetime, bundle_id: str) -> str:
    return f"EXPORTED BY {username} {when.strftime('%Y-%m-%d %H:%M UTC')} BUNDLE {bundle_id[:8]}"


def burn_watermark(image: Image, text: str) -> Image:
    """A copy of `image` with `text` in a dark band along the bottom edge, scaled to the image width."""
    out = image.copy()
    height, width = out.shape[:2]
    font = cv2.FONT_HERSHEY_SIMPLEX
    (text_width, text_height), baseline = cv2.getTextSize(text, font, 1.0, 2)
    scale = max(0.3, min(2.0, 0.95 * width / max(text_width, 1)))
    thickness = max(1, round(scale * 1.5))
    band = round((text_height + baseline) * scale) + 8
    y0 = max(0, height - band)
    out[y0:, :] = (out[y0:, :].astype(np.uint16) * 2 // 5).astype(np.uint8)
    cv2.putText(out, text, (4, height - 4 - round(baseline * scale)), font, scale, (255, 255, 255), thickness)
    return out
