"""Test media made on the fly: H.264 MP4 clips cut from the shared CCTV sample, and broken files."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterable
from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path

import av
import cv2
import numpy as np
import numpy.typing as npt

Image = npt.NDArray[np.uint8]


def read_frames(path: Path, count: int, size: tuple[int, int] | None = None) -> list[Image]:
    """The first `count` frames of a video as BGR arrays, resized to `size` (width, height) if given."""
    frames: list[Image] = []
    with av.open(str(path)) as container:
        for frame in container.decode(video=0):
            image = frame.to_ndarray(format="bgr24")
            frames.append(cv2.resize(image, size, interpolation=cv2.INTER_AREA) if size else image)
            if len(frames) == count:
                break
    return frames


def write_h264(path: Path, frames: Iterable[Image], *, fps: int = 10, gop: int = 10) -> Path:
    """Encode BGR frames as H.264 (keyframe every `gop` frames, no B-frames) into an MP4."""
    with av.open(str(path), mode="w") as container:
        stream: av.VideoStream | None = None
        for image in frames:
            if stream is None:
                stream = container.add_stream("libx264", rate=fps)
                stream.width, stream.height = image.shape[1], image.shape[0]
                stream.pix_fmt = "yuv420p"
                stream.time_base = Fraction(1, fps)
                stream.options = {"preset": "ultrafast", "g": str(gop), "bf": "0", "keyint_min": str(gop)}
            for packet in stream.encode(av.VideoFrame.from_ndarray(image, format="bgr24")):
                container.mux(packet)
        if stream is not None:
            for packet in stream.encode():
                container.mux(packet)
    return path


def cycle(frames: list[Image], count: int) -> Iterator[Image]:
    """`count` frames, going back and forth through `frames` so motion stays smooth."""
    if not frames:
        return
    ping_pong = frames + frames[-2:0:-1] if len(frames) > 2 else frames
    for i in range(count):
        yield ping_pong[i % len(ping_pong)]


def write_audio_only(path: Path, seconds: float = 1.0) -> Path:
    """An M4A with an AAC track and no video."""
    rate = 16000
    with av.open(str(path), mode="w") as container:
        stream = container.add_stream("aac", rate=rate)
        samples = np.zeros((1, int(rate * seconds)), dtype=np.float32)
        frame = av.AudioFrame.from_ndarray(samples, format="fltp", layout="mono")
        frame.sample_rate = rate
        for packet in stream.encode(frame):
            container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return path


def probe_duration(path: Path) -> float:
    """The container's duration as ffprobe reads it, in seconds."""
    result = subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "json", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(json.loads(result.stdout)["format"]["duration"])
