"""One camera's video side, wired: the sub stream for detection (with health), the main stream for recording.

Cameras offer a small "sub" stream, cheap to decode for analytics, and a full-resolution "main" stream that is
only stream-copied to disk. Either may be the same URL when a camera has one stream.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

from safecity.video.closing import Closing
from safecity.video.frame import Frame
from safecity.video.health import CameraHealthMonitor
from safecity.video.health import HealthCallback
from safecity.video.health_types import HealthThresholds
from safecity.video.packet_gate import PacketGateSettings
from safecity.video.reconnect import Backoff
from safecity.video.recorder import SegmentRecorder
from safecity.video.segment_store import SegmentStore
from safecity.video.sources import VideoSource
from safecity.video.sources import open_source


class CameraFeed(Closing):
    """Frames for the pipeline plus health and (optional) recording, for one camera, until closed."""

    def __init__(
        self,
        camera_id: str,
        detect_url: str,
        *,
        record_url: str | None = None,
        store: SegmentStore | None = None,
        detect_fps: float | None = 5.0,
        segment_seconds: float = 60.0,
        on_health: HealthCallback | None = None,
        thresholds: HealthThresholds | None = None,
        options: dict[str, str] | None = None,
        hwaccel: str | None = None,
        loop: bool = False,
        backoff: Backoff | None = None,
        gate: PacketGateSettings | None = None,
    ) -> None:
        """gate: decode the sub stream only where its packets say the scene changed (None: every frame)."""
        self.health = CameraHealthMonitor(camera_id, on_change=on_health, thresholds=thresholds)
        self._received = 0  # frames the source has received, decoded or not, at the last check
        self.recorder = (
            SegmentRecorder(
                record_url or detect_url,
                camera_id,
                store,
                segment_seconds=segment_seconds,
                options=options,
                backoff=backoff,
                loop=loop,
            )
            if store is not None
            else None
        )
        self.source: VideoSource = open_source(
            detect_url,
            camera_id,
            fps=detect_fps,
            loop=loop,
            realtime=True,
            options=options,
            on_state=self.health.observe_state,
            hwaccel=hwaccel,
            backoff=backoff,
            gate=gate,
        )
        if self.recorder is not None:
            self.recorder.start()

    def frames(self) -> Iterator[Frame]:
        """Sampled frames of the sub stream, newest first when the consumer lags; ends when closed."""
        for frame in self.source:
            self.health.observe_frame(frame, self.source.stats)
            yield frame

    def check(self, now: float | None = None) -> None:
        """Call every few seconds (a camera that sends nothing yields no frames to trigger checks)."""
        now = time.time() if now is None else now
        stats = self.source.stats
        received = stats.frames_decoded + stats.frames_skipped
        if received > self._received:  # a gated still scene sends packets, not frames: it is not stalled
            self._received = received
            self.health.observe_stream(now)
        self.health.check(now)

    def close(self) -> None:
        self.source.close()
        if self.recorder is not None:
            self.recorder.close()
