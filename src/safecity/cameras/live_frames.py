"""The newest picture of each camera, for snapshots and the MJPEG live view.

The worker puts a JPEG here a few times a second; it is kept in memory and mirrored atomically to
`<directory>/<camera_id>.jpg`, so an API node in another process (same data directory) serves it too.
Beside the clean picture the worker may put an `overlay` variant with the detections drawn on it
(`<camera_id>.overlay.jpg`), for the live view.
"""

from __future__ import annotations

import os
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import cv2

from safecity.cameras.schemas import check_camera_id
from safecity.video.frame import Image

JPEG_QUALITY = 80


@dataclass(frozen=True, slots=True)
class LiveFrame:
    jpeg: bytes
    at: float  # epoch seconds the picture was taken


def encode_jpeg(image: Image, quality: int = JPEG_QUALITY) -> bytes:
    ok, encoded = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:
        raise ValueError("JPEG encoding failed")
    return bytes(encoded.tobytes())


class LiveFrames:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._latest: dict[tuple[str, bool], LiveFrame] = {}
        self._lock = threading.Lock()

    def put(self, camera_id: str, jpeg: bytes, at: float | None = None, *, overlay: bool = False) -> None:
        frame = LiveFrame(jpeg, time.time() if at is None else at)
        with self._lock:
            self._latest[camera_id, overlay] = frame
        self._write(camera_id, frame, overlay)

    def get(self, camera_id: str, *, overlay: bool = False) -> LiveFrame | None:
        """The newest picture; asked for the overlay variant of a camera that has none, the clean one."""
        frame = self._get(camera_id, overlay=True) if overlay else None
        return frame or self._get(camera_id, overlay=False)

    def _get(self, camera_id: str, *, overlay: bool) -> LiveFrame | None:
        with self._lock:
            frame = self._latest.get((camera_id, overlay))
        if frame is not None:
            return frame
        path = self._path(camera_id, overlay)
        try:
            return LiveFrame(path.read_bytes(), path.stat().st_mtime)
        except OSError:
            return None

    def forget(self, camera_id: str) -> None:
        with self._lock:
            self._latest.pop((camera_id, False), None)
            self._latest.pop((camera_id, True), None)

    def _path(self, camera_id: str, overlay: bool) -> Path:
        return self.directory / f"{check_camera_id(camera_id)}{'.overlay' if overlay else ''}.jpg"

    def _write(self, camera_id: str, frame: LiveFrame, overlay: bool) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        descriptor, temp = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
        try:
            with os.fdopen(descriptor, "wb") as out:
                out.write(frame.jpeg)
            os.utime(temp, (frame.at, frame.at))
            os.replace(temp, self._path(camera_id, overlay))
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise


def live_frames_dir(data_dir: Path) -> Path:
    return data_dir / "live"
