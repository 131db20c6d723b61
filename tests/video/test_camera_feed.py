"""CameraFeed: detection frames from the sub stream, health from them, recording of the main stream."""

from __future__ import annotations

import time
from pathlib import Path

import av
import cv2
from tests.support.media import Image
from tests.support.media import write_h264

from safecity.video.camera_feed import CameraFeed
from safecity.video.health_types import HealthChange
from safecity.video.health_types import HealthStatus
from safecity.video.segment_store import SegmentStore


def test_a_camera_feed_gives_sampled_sub_stream_frames_and_records_the_main_stream(
    short_clip: Path, vtest_small: list[Image], tmp_path: Path
) -> None:
    main = write_h264(tmp_path / "main.mp4", [cv2.resize(i, (768, 576)) for i in vtest_small[:20]])
    store = SegmentStore(tmp_path / "recordings")
    changes: list[HealthChange] = []

    with CameraFeed(
        "gate-2", str(short_clip), record_url=str(main), store=store, detect_fps=5, segment_seconds=1,
        on_health=changes.append,
    ) as feed:  # fmt: skip
        frames = [frame for _, frame in zip(range(8), feed.frames(), strict=False)]
        deadline = time.monotonic() + 10
        while not store.segments("gate-2") and time.monotonic() < deadline:
            time.sleep(0.05)

    assert frames[0].image.shape == (288, 384, 3)  # detection runs on the small stream
    assert [f.index for f in frames[:4]] == [0, 2, 4, 6]  # 5 of the stream's 10 fps
    assert [c.current for c in changes][:2] == [HealthStatus.CONNECTING, HealthStatus.ONLINE]
    assert changes[-1].current is HealthStatus.CLOSED
    segments = store.segments("gate-2")
    assert segments, "the main stream was not recorded"
    with av.open(str(segments[0].path)) as recorded:
        assert recorded.streams.video[0].width == 768  # recording keeps the full-resolution stream
