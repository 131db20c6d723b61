"""Start and stop the test RTSP server (tests/support/rtsp_server.py) from pytest."""

from __future__ import annotations

import contextlib
import select
import socket
import subprocess
import time
from pathlib import Path

SYSTEM_PYTHON = Path("/usr/bin/python3")
SERVER_SCRIPT = Path(__file__).with_name("rtsp_server.py")
_GST_CHECK = (
    "import gi; gi.require_version('Gst', '1.0'); gi.require_version('GstRtspServer', '1.0'); "
    "from gi.repository import Gst, GstRtspServer"
)


def rtsp_unavailable_reason() -> str | None:
    """Why the RTSP server cannot run here, or None when it can."""
    if not SYSTEM_PYTHON.exists():
        return f"{SYSTEM_PYTHON} not found (the RTSP test server needs Debian's python3-gi)"
    probe = subprocess.run(
        [str(SYSTEM_PYTHON), "-c", _GST_CHECK], capture_output=True, text=True, check=False
    )
    if probe.returncode != 0:
        return (
            f"{SYSTEM_PYTHON} cannot import Gst/GstRtspServer (install python3-gi, "
            f"gir1.2-gst-rtsp-server-1.0, gstreamer1.0-plugins-good/bad): {probe.stderr.strip()[-200:]}"
        )
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class RtspServer:
    """One server process serving `clip`; start() and stop() may be called repeatedly on the same port."""

    def __init__(self, clip: Path, port: int | None = None, mount: str = "/cam") -> None:
        self.clip = clip
        self.port = port or free_port()
        self.mount = mount
        self._process: subprocess.Popen[str] | None = None

    @property
    def url(self) -> str:
        return f"rtsp://127.0.0.1:{self.port}{self.mount}"

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def start(self, timeout: float = 15.0) -> None:
        if self.running:
            return
        deadline = time.monotonic() + timeout
        while True:  # the port of a just-killed server can take a moment to free
            self._process = subprocess.Popen(
                [
                    str(SYSTEM_PYTHON),
                    str(SERVER_SCRIPT),
                    "--port",
                    str(self.port),
                    "--mount",
                    self.mount,
                    "--file",
                    str(self.clip),
                ],
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,  # GStreamer warnings must not fill an unread pipe
                text=True,
            )
            if self._wait_ready(deadline):
                return
            self.stop()
            if time.monotonic() > deadline:
                raise RuntimeError(f"RTSP test server did not start on port {self.port}")
            time.sleep(0.2)

    def stop(self) -> None:
        """Kill the server at once, as a crashed camera would vanish."""
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=5)
        if process.stdout is not None:
            process.stdout.close()

    def _wait_ready(self, deadline: float) -> bool:
        process = self._process
        assert process is not None
        assert process.stdout is not None
        while time.monotonic() < deadline:
            if process.poll() is not None:
                return False
            ready, _, _ = select.select([process.stdout], [], [], 0.2)
            if ready:
                return process.stdout.readline().strip() == "ready"
        return False
