"""Small HTTP servers for ingest tests: an MJPEG camera, a static folder (HLS), an empty response."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from collections.abc import Iterator
from collections.abc import Sequence
from functools import partial
from http.server import BaseHTTPRequestHandler
from http.server import SimpleHTTPRequestHandler
from http.server import ThreadingHTTPServer
from pathlib import Path

import cv2
import numpy as np
import numpy.typing as npt

Image = npt.NDArray[np.uint8]
_BOUNDARY = "safecityframe"


class _QuietHandler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _mjpeg_handler(frames: Sequence[Image], fps: float) -> type[BaseHTTPRequestHandler]:
    jpegs = [cv2.imencode(".jpg", image)[1].tobytes() for image in frames]

    class MjpegHandler(_QuietHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", f"multipart/x-mixed-replace;boundary={_BOUNDARY}")
            self.end_headers()
            with contextlib.suppress(OSError):
                for i in range(100_000):
                    jpeg = jpegs[i % len(jpegs)]
                    head = f"--{_BOUNDARY}\r\nContent-Type: image/jpeg\r\nContent-Length: {len(jpeg)}\r\n\r\n"
                    self.wfile.write(head.encode() + jpeg + b"\r\n")
                    time.sleep(1.0 / fps)

    return MjpegHandler


class _EmptyHandler(_QuietHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "video/mp4")
        self.send_header("Content-Length", "0")
        self.end_headers()


@contextlib.contextmanager
def _serve(handler: Callable[..., BaseHTTPRequestHandler]) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def serve_mjpeg(frames: Sequence[Image], fps: float = 20.0) -> contextlib.AbstractContextManager[str]:
    """An endless multipart JPEG stream at the returned base URL (any path)."""
    return _serve(_mjpeg_handler(frames, fps))


def serve_folder(folder: Path) -> contextlib.AbstractContextManager[str]:
    """Static files (an HLS playlist and its segments) under the returned base URL."""

    class FolderHandler(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    return _serve(partial(FolderHandler, directory=str(folder)))


def serve_empty() -> contextlib.AbstractContextManager[str]:
    """Answers every request with 200 and a 0-byte body."""
    return _serve(_EmptyHandler)
