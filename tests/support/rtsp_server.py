"""A tiny RTSP server for tests: serves one H.264 MP4 file at rtsp://127.0.0.1:PORT/MOUNT.

Run with Debian's /usr/bin/python3 (it needs python3-gi and gir1.2-gst-rtsp-server-1.0, not the venv):
    /usr/bin/python3 tests/support/rtsp_server.py --port 8554 --mount /cam --file clip.mp4
Prints "ready" on stdout once it accepts connections; stops on SIGTERM / SIGINT.
"""

from __future__ import annotations

import argparse
import signal
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib  # noqa: E402
from gi.repository import Gst  # noqa: E402
from gi.repository import GstRtspServer  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--mount", default="/cam")
    parser.add_argument("--file", required=True, help="an MP4 holding H.264 video")
    args = parser.parse_args()

    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(str(args.port))
    factory = GstRtspServer.RTSPMediaFactory()
    location = args.file.replace('"', '\\"')
    payloader = "rtph264pay name=pay0 pt=96 config-interval=1"
    factory.set_launch(f'( filesrc location="{location}" ! qtdemux ! h264parse ! {payloader} )')
    factory.set_shared(False)  # every client gets the clip from its start (a keyframe)
    server.get_mount_points().add_factory(args.mount, factory)
    if server.attach(None) == 0:
        print(f"cannot listen on port {args.port}", file=sys.stderr, flush=True)
        return 1

    loop = GLib.MainLoop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signum, loop.quit)
    print("ready", flush=True)
    loop.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
