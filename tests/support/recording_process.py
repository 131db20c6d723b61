"""A process that only records one camera into a folder, for the crash tests: `python -m
tests.support.recording_process ROOT CAMERA_ID URL`. It records into one long segment until it is killed, and
prints the partial file's path once the first keyframe is in it."""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

from safecity.video.recorder import SegmentRecorder
from safecity.video.segment_store import SegmentStore


def main() -> None:
    root, camera_id, url = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    store = SegmentStore(root)
    SegmentRecorder(url, camera_id, store, segment_seconds=3600).start()
    while not (partials := sorted(root.glob(f"{camera_id}/*/*.partial.mp4"))):
        time.sleep(0.05)
    print(partials[0], flush=True)
    threading.Event().wait()  # until killed


if __name__ == "__main__":
    main()
