"""Synthetic rendered camera scenes with known moving objects, for tests and the demo's sample cameras.

Each object class is drawn in its own saturated colour over a textured grey background with sensor noise,
so `safecity.vision.detectors.colour_key.ColourKeyDetector` can find the objects again exactly (in whole
frames or crops) without a model.
"""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Iterator
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field
from fractions import Fraction
from pathlib import Path

import av
import cv2
import numpy as np
import numpy.typing as npt

from safecity.video.frame import Frame
from safecity.video.frame import Image

# Saturated colours, all darker in grey than the background (120..180) so motion detection sees them too.
CLASS_COLOURS: dict[str, tuple[int, int, int]] = {  # BGR
    "person": (20, 20, 200),
    "car": (200, 30, 20),
    "truck": (10, 110, 10),
    "motorcycle": (160, 20, 160),
    "bus": (0, 90, 120),
    "bicycle": (40, 40, 40),
    "suitcase": (120, 20, 20),
    "backpack": (100, 100, 0),
}
COLOUR_TOLERANCE = 45


@dataclass(frozen=True, slots=True)
class MovingObject:
    """An object of `label` moving in a straight line from `start` to `end` (box centres, pixels)."""

    label: str
    size: tuple[int, int]
    start: tuple[float, float]
    end: tuple[float, float]
    start_time: float
    end_time: float

    def __post_init__(self) -> None:
        if self.label not in CLASS_COLOURS:
            raise ValueError(f"no colour for class {self.label!r}; known: {sorted(CLASS_COLOURS)}")
        if self.end_time <= self.start_time:
            raise ValueError(f"end_time {self.end_time} must be after start_time {self.start_time}")

    def box_at(self, t: float) -> tuple[int, int, int, int] | None:
        if not self.start_time <= t <= self.end_time:
            return None
        progress = (t - self.start_time) / (self.end_time - self.start_time)
        cx = self.start[0] + (self.end[0] - self.start[0]) * progress
        cy = self.start[1] + (self.end[1] - self.start[1]) * progress
        w, h = self.size
        return round(cx - w / 2), round(cy - h / 2), round(cx + w / 2), round(cy + h / 2)


@dataclass(slots=True)
class SyntheticScene:
    """A fixed camera looking at a textured scene; `frames()` renders it at `fps` for `duration` seconds."""

    width: int = 640
    height: int = 360
    fps: float = 10.0
    duration: float = 10.0
    objects: Sequence[MovingObject] = ()
    noise: float = 2.0
    # 0: fresh sensor noise in every frame; n: cycle through n noise fields drawn once (still different
    # from frame to frame, and far quicker to render at HD sizes).
    noise_fields: int = 0
    seed: int = 0
    start_timestamp: float = 1_700_000_000.0
    _background: Image | None = field(default=None, init=False, repr=False)

    def background(self) -> Image:
        if self._background is None:
            rng = np.random.default_rng(self.seed)
            coarse = rng.integers(
                120, 180, size=(self.height // 40 + 2, self.width // 40 + 2), dtype=np.uint8
            )
            grey = cv2.resize(coarse, (self.width, self.height), interpolation=cv2.INTER_CUBIC)
            self._background = np.asarray(cv2.cvtColor(grey, cv2.COLOR_GRAY2BGR), dtype=np.uint8)
        return self._background

    def frame_count(self) -> int:
        return round(self.duration * self.fps)

    def render(
        self, t: float, rng: np.random.Generator | None = None, noise: npt.NDArray[np.float32] | None = None
    ) -> Image:
        """The picture at time `t`; `noise` (a drawn noise field) replaces drawing fresh noise."""
        image = self.background().copy()
        for obj in self.objects:
            box = obj.box_at(t)
            if box is not None:
                cv2.rectangle(
                    image, box[:2], (box[2] - 1, box[3] - 1), CLASS_COLOURS[obj.label], thickness=-1
                )
        if self.noise > 0:
            if noise is None:
                generator = rng or np.random.default_rng(self.seed)
                noise = generator.normal(0, self.noise, image.shape).astype(np.float32)
            image = np.clip(image.astype(np.float32) + noise, 0, 255).astype(np.uint8)
        return image

    def frames(self, camera_id: str = "synthetic") -> Iterator[Frame]:
        rng = np.random.default_rng(self.seed + 1)
        shape = (self.height, self.width, 3)
        fields = [
            rng.normal(0, self.noise, shape).astype(np.float32)
            for _ in range(self.noise_fields if self.noise > 0 else 0)
        ]
        for index in range(self.frame_count()):
            pts = index / self.fps
            noise = fields[index % len(fields)] if fields else None
            yield Frame(camera_id, index, self.start_timestamp + pts, pts, self.render(pts, rng, noise))

    def boxes_at(self, t: float) -> list[tuple[str, tuple[int, int, int, int]]]:
        """Ground truth: the label and box of every object visible at time `t`."""
        return [(obj.label, box) for obj in self.objects if (box := obj.box_at(t)) is not None]

    def write_h264(self, path: Path, *, gop_seconds: float = 2.0, crf: int = 26) -> Path:
        """Render the scene as an IP camera would send it: H.264, no B-frames, a keyframe every GOP."""
        return write_h264(path, (frame.image for frame in self.frames()), self.fps, gop_seconds, crf)

    def write_video(self, path: str, fourcc: str = "mp4v") -> None:
        """Render the scene to a video file (for tests and sample cameras that read files)."""
        writer = cv2.VideoWriter(path, cv2.VideoWriter.fourcc(*fourcc), self.fps, (self.width, self.height))
        if not writer.isOpened():
            raise OSError(f"cannot open a {fourcc} video writer for {path}")
        try:
            for frame in self.frames():
                writer.write(frame.image)
        finally:
            writer.release()


def write_h264(
    path: Path, images: Iterable[Image], fps: float, gop_seconds: float = 2.0, crf: int = 26
) -> Path:
    """Encode BGR pictures as an MP4 of H.264 with camera-like settings: constant quality `crf`, no
    B-frames, a keyframe exactly every `gop_seconds` (cameras use fixed GOPs, not scene-cut keyframes)."""
    gop = max(1, round(gop_seconds * fps))
    rate = Fraction(fps).limit_denominator(1000)
    with av.open(str(path), mode="w") as container:
        stream: av.VideoStream | None = None
        for image in images:
            if stream is None:
                stream = container.add_stream("libx264", rate=rate)
                stream.width, stream.height = image.shape[1], image.shape[0]
                stream.pix_fmt = "yuv420p"
                stream.time_base = 1 / rate
                stream.options = {
                    "preset": "veryfast",
                    "crf": str(crf),
                    "g": str(gop),
                    "keyint_min": str(gop),
                    "sc_threshold": "0",
                    "bf": "0",
                }
            for packet in stream.encode(av.VideoFrame.from_ndarray(image, format="bgr24")):
                container.mux(packet)
        if stream is None:
            raise ValueError(f"no pictures to write to {path}")
        for packet in stream.encode():
            container.mux(packet)
    return path


def crossing_square_clip(path: Path) -> Path:
    """A 4-second 160×120 H.264 clip of a bright square crossing a grey scene: a cheap looping camera for
    cluster tests and benchmarks, where what is filmed does not matter."""
    frames = []
    for i in range(40):
        image = np.full((120, 160, 3), 90, np.uint8)
        image[40:80, 4 * i : 4 * i + 20] = 220
        frames.append(image)
    return write_h264(path, frames, fps=10, gop_seconds=1.0)
