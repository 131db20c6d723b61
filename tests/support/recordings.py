"""Footage recorded by the real recorder, for the playback tests and benchmark."""

from __future__ import annotations

import time
from pathlib import Path

from safecity.video.recorder import SegmentRecorder
from safecity.video.segment_store import Segment
from safecity.video.segment_store import SegmentStore


def record_loops(clip: Path, root: Path, camera_id: str, start_time: float, loops: int) -> list[Segment]:
    """Record a looping clip `loops` times over, as fast as it reads: one segment per loop when the clip is
    no longer than a segment (the recorder finishes a segment where the file ends)."""
    store = SegmentStore(root)
    recorder = SegmentRecorder(
        str(clip), camera_id, store, segment_seconds=3600, realtime=False, start_time=start_time, loop=True
    ).start()
    deadline = time.monotonic() + 60 + 10 * loops
    try:
        while len(store.segments(camera_id)) < loops:
            if time.monotonic() > deadline:
                raise TimeoutError(f"recorded {len(store.segments(camera_id))} of {loops} loops in time")
            time.sleep(0.02)
    finally:
        recorder.close()
    for extra in store.segments(camera_id)[loops:]:
        store.delete(extra)  # the loop that was running when the recorder closed
    return store.segments(camera_id)
