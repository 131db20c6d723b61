"""The newest picture of each camera, for snapshots and the MJPEG live view: one interface, two transports.

The worker puts a JPEG a few times a second (at most `live_fps` per camera); API nodes read the newest one
back. Beside the clean picture the worker may put an `overlay` variant with the detections drawn on it, for
the live view; asked for the overlay of a camera that has none, a store answers with the clean picture.

- `FolderLiveFrames` (`live_frames_folder.py`): files in the data directory, for the embedded single box
  (the API node and the worker share its disk).
- `NatsLiveFrames` (`live_frames_nats.py`): a JetStream key-value bucket with a short TTL, when the bus is
  NATS, so API nodes and workers share no disk.

`open_live_frames` (`live_frames_setup.py`) picks one from the settings.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
from dataclasses import dataclass
from typing import Protocol

import cv2

from safecity.core.errors import SafecityError
from safecity.video.frame import Image

JPEG_QUALITY = 80


@dataclass(frozen=True, slots=True)
class LiveFrame:
    jpeg: bytes
    at: float  # epoch seconds the picture was taken


class LiveFramesUnavailableError(SafecityError):
    """The store of live pictures cannot be reached (NATS down): not the same as "no picture yet"."""

    status_code = 503
    code = "live_frames_unavailable"


class LiveFrames(Protocol):
    async def start(self) -> None:
        """Connect (and create what is missing); called once before the first `put` or read."""

    async def close(self) -> None: ...

    def put(self, camera_id: str, jpeg: bytes, at: float | None = None, *, overlay: bool = False) -> None:
        """Store the newest picture (`at`: when it was taken, default now). Callable from any thread;
        it never waits for the network: a picture still unsent is replaced by the next one. A store may
        skip pictures of a camera nobody watches (the NATS one does: `live_demand`)."""

    async def latest(self, camera_id: str, *, overlay: bool = False) -> LiveFrame | None:
        """The newest picture, or None when there is none (yet, or any more)."""

    def follow(
        self, camera_id: str, *, overlay: bool = False, interval: float
    ) -> AsyncGenerator[LiveFrame, None]:
        """Each new picture as it arrives, the newest first, at most one per `interval` seconds."""

    def forget(self, camera_id: str) -> None:
        """This process no longer runs the camera: drop what it holds of it."""

    async def watch(self, camera_id: str) -> None:
        """Someone shows the camera as live video by reading `latest` again and again (a video-wall tile):
        its worker should send every picture for a while, as for a follower."""


@dataclass(frozen=True, slots=True)
class LiveFramesRuntime:
    """The API node's live pictures, as a runtime (one per app, whichever transport it uses)."""

    frames: LiveFrames


def encode_jpeg(image: Image, quality: int = JPEG_QUALITY) -> bytes:
    ok, encoded = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:
        raise ValueError("JPEG encoding failed")
    return bytes(encoded.tobytes())
