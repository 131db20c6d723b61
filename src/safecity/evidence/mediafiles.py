"""Decode and re-encode evidence images and videos frame by frame (OpenCV for images, PyAV for video)."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

import av
import cv2
import numpy as np

from safecity.video.frame import Image

IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".bmp", ".webp", ".tif", ".tiff"})
VIDEO_SUFFIXES = frozenset({".mp4", ".mkv", ".mov", ".avi", ".webm"})

#: A function over a run of consecutive frames (so detectors can run on some frames and cover the others).
ChunkTransform = Callable[[list[Image]], list[Image]]


def media_type(suffix: str) -> str:
    """ "image", "video" or "other" by file suffix."""
    suffix = suffix.lower()
    if suffix in IMAGE_SUFFIXES:
        return "image"
    if suffix in VIDEO_SUFFIXES:
        return "video"
    return "other"


def read_image(path: Path) -> Image:
    image = cv2.imread(str(path), cv2.IMREAD_COLOR)
    if image is None:
        raise ValueError(f"{path}: not a readable image")
    return np.ascontiguousarray(image, dtype=np.uint8)


def encode_image(image: Image, suffix: str) -> bytes:
    """Encode in the original format; JPEG at quality 95 (PNG and other lossless formats stay exact)."""
    params = [cv2.IMWRITE_JPEG_QUALITY, 95] if suffix.lower() in {".jpg", ".jpeg"} else []
    ok, buffer = cv2.imencode(suffix.lower(), image, params)
    if not ok:
        raise ValueError(f"cannot encode an image as {suffix}")
    return bytes(buffer.tobytes())


def rewrite_video(source: Path, destination: Path, transform: ChunkTransform, *, chunk: int = 1) -> int:
    """Decode `source`, pass runs of `chunk` frames through `transform`, encode H.264 MP4; returns frames."""
    frames = 0
    with av.open(str(source)) as container, av.open(str(destination), mode="w", format="mp4") as output:
        stream = container.streams.video[0]
        rate = stream.average_rate or Fraction(25)
        encoder = output.add_stream("libx264", rate=rate)
        encoder.width = stream.codec_context.width // 2 * 2
        encoder.height = stream.codec_context.height // 2 * 2
        encoder.pix_fmt = "yuv420p"
        encoder.options = {"crf": "18", "preset": "veryfast"}
        pending: list[Image] = []

        def flush() -> None:
            for image in transform(pending):
                frame = av.VideoFrame.from_ndarray(image[: encoder.height, : encoder.width], format="bgr24")
                for packet in encoder.encode(frame):
                    output.mux(packet)
            pending.clear()

        for decoded in container.decode(stream):
            pending.append(_bgr(decoded))
            frames += 1
            if len(pending) >= chunk:
                flush()
        if pending:
            flush()
        for packet in encoder.encode(None):
            output.mux(packet)
    return frames


def video_size(path: Path) -> tuple[int, int]:
    """Width and height of the first video stream's frames."""
    with av.open(str(path)) as container:
        context = container.streams.video[0].codec_context
        return int(context.width), int(context.height)


def read_video_frames(path: Path) -> list[Image]:
    with av.open(str(path)) as container:
        return [_bgr(frame) for frame in container.decode(video=0)]


def _bgr(frame: av.VideoFrame) -> Image:
    return np.asarray(frame.to_ndarray(format="bgr24"), dtype=np.uint8)
