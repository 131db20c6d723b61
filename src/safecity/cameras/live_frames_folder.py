"""Live pictures in a folder, for the embedded single box.

Each picture is kept in memory and mirrored atomically to `<directory>/<camera_id>.jpg` (the overlay
variant to `<camera_id>.overlay.jpg`), so an API node in another process on the same data directory
serves it too. Readers poll; pictures stay until overwritten.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
import threading
import time
from collections.abc import AsyncGenerator
from pathlib import Path

from safecity.cameras.live_frames import LiveFrame
from safecity.cameras.schemas import check_camera_id


class FolderLiveFrames:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._latest: dict[tuple[str, bool], LiveFrame] = {}
        self._lock = threading.Lock()

    async def start(self) -> None:
        pass  # the folder is made on the first write

    async def close(self) -> None:
        pass

    def put(self, camera_id: str, jpeg: bytes, at: float | None = None, *, overlay: bool = False) -> None:
        frame = LiveFrame(jpeg, time.time() if at is None else at)
        with self._lock:
            self._latest[camera_id, overlay] = frame
        self._write(camera_id, frame, overlay)

    async def latest(self, camera_id: str, *, overlay: bool = False) -> LiveFrame | None:
        return await asyncio.to_thread(self.get, camera_id, overlay=overlay)

    async def follow(
        self, camera_id: str, *, overlay: bool = False, interval: float
    ) -> AsyncGenerator[LiveFrame, None]:
        last_at = None
        while True:
            frame = await self.latest(camera_id, overlay=overlay)
            if frame is not None and frame.at != last_at:
                last_at = frame.at
                yield frame
            await asyncio.sleep(interval)

    def get(self, camera_id: str, *, overlay: bool = False) -> LiveFrame | None:
        """The newest picture; asked for the overlay variant of a camera that has none, the clean one."""
        frame = self._get(camera_id, overlay=True) if overlay else None
        return frame or self._get(camera_id, overlay=False)

    async def watch(self, camera_id: str) -> None:
        """Nothing to do: every picture is written to the folder anyway."""

    def forget(self, camera_id: str) -> None:
        with self._lock:
            self._latest.pop((camera_id, False), None)
            self._latest.pop((camera_id, True), None)

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
