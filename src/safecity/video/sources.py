"""Video sources: files, RTSP and HTTP (MJPEG, HLS) cameras, decoded with PyAV into `Frame`s.

Files read in the caller's thread yield every sampled frame (analysis must not drop frames). Realtime sources
(cameras, or files played as demo cameras) run a reader thread that keeps only the newest frames in a small
bounded queue, and reconnect forever with backoff, reporting state changes through `on_state`.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Iterator

import av.container
from av.codec.hwaccel import HWAccel

from safecity.video.closing import Closing
from safecity.video.connection import Connection
from safecity.video.connection import StateCallback
from safecity.video.decoder import DecodedFrame
from safecity.video.decoder import choose_hwaccel
from safecity.video.decoder import decode_video
from safecity.video.decoder import describe
from safecity.video.decoder import open_input
from safecity.video.frame import Frame
from safecity.video.frame import Image
from safecity.video.gated_decoder import decode_gated
from safecity.video.latest_queue import LatestQueue
from safecity.video.pacing import Pacer
from safecity.video.packet_gate import PacketGate
from safecity.video.packet_gate import PacketGateSettings
from safecity.video.rate_meter import RateMeter
from safecity.video.reconnect import Backoff
from safecity.video.sampling import FrameSampler
from safecity.video.source_state import SourceError
from safecity.video.source_state import SourceState
from safecity.video.source_state import SourceStats
from safecity.video.source_state import SourceStatus
from safecity.video.stream_url import StreamKind
from safecity.video.stream_url import check_file
from safecity.video.stream_url import classify
from safecity.video.stream_url import default_options
from safecity.video.stream_url import is_live
from safecity.video.stream_url import redact

__all__ = [
    "Backoff",
    "PacketGateSettings",
    "SourceError",
    "SourceState",
    "SourceStats",
    "SourceStatus",
    "VideoSource",
    "open_source",
]

log = logging.getLogger(__name__)

# A connection that dies sooner than this after its first frame counts as a failed attempt, so a camera that
# accepts and drops at once is retried with growing waits rather than in a tight loop.
_MIN_HEALTHY_SESSION_SECONDS = 1.0
# A replayed picture is never stamped further back than this (a pts jump must not date frames wildly).
_MAX_REPLAY_LAG_SECONDS = 30.0


class VideoSource(Closing):
    """An iterable of `Frame`s from one camera or file; use as a context manager or call `close()`."""

    def __init__(
        self,
        url: str,
        camera_id: str,
        *,
        fps: float | None = None,
        loop: bool = False,
        realtime: bool | None = None,
        options: dict[str, str] | None = None,
        on_state: StateCallback | None = None,
        hwaccel: str | None = None,
        queue_size: int = 2,
        open_timeout: float = 10.0,
        read_timeout: float = 5.0,
        backoff: Backoff | None = None,
        start_time: float | None = None,
        gate: PacketGateSettings | None = None,
    ) -> None:
        """Open a file path, file://, rtsp:// or http(s):// address as a stream of BGR frames.

        fps: sample rate (None = every frame). realtime: None = live URLs True, files False. hwaccel: None,
        "auto" or an FFmpeg device type ("cuda", "vaapi", ...), falling back to the CPU. start_time: epoch
        seconds of a file's first frame (default: the file's modification time). Frame.index counts
        decoded frames (so it skips when sampling); Frame.pts restarts when a live camera reconnects.
        gate: decode only where the packets say the scene changed (`safecity.video.packet_gate`; a still
        scene yields a keyframe every `probe_seconds`); None decodes every frame.
        Raises SourceError for a bad address or, in non-realtime mode, a file that cannot be opened.
        """
        if not camera_id:
            raise SourceError("camera_id must not be empty")
        self.camera_id = camera_id
        self.kind, self._location = classify(url)
        self.url = redact(url)
        self.realtime = is_live(self.kind) if realtime is None else realtime
        if self.kind is StreamKind.FILE:
            check_file(self._location)
        self._loop = loop
        self._options = {**default_options(self.kind), **(options or {})}
        self._hwaccel = choose_hwaccel(hwaccel)
        self._open_timeout = open_timeout
        self._read_timeout = read_timeout
        self._backoff = backoff or Backoff()
        self._sampler = FrameSampler(fps)
        self._start_time = start_time
        self._gate = gate
        self._active_gate: PacketGate | None = None
        self._closed = threading.Event()
        self._connection = Connection(camera_id, self.url, on_state, self._closed)
        self._counters = _Counters()
        self._queue: LatestQueue[Frame] = LatestQueue(queue_size)
        self._thread: threading.Thread | None = None
        self._container: av.container.InputContainer | None = None
        self._iterating = False
        if self.realtime:
            self._connection.set_status(SourceStatus.CONNECTING)
            self._thread = threading.Thread(
                target=self._read_forever, name=f"source-{camera_id}", daemon=True
            )
            self._thread.start()
        else:
            self._container = self._open()

    # ----------------------------------------------------------------------------------------- public API
    def __iter__(self) -> Iterator[Frame]:
        if self._iterating:
            raise SourceError(f"source {self.camera_id} is already being iterated")
        self._iterating = True
        return self._from_queue() if self.realtime else self._from_file()

    def close(self) -> None:
        """Stop reading and release the stream; iteration ends. Safe to call more than once."""
        if self._closed.is_set():
            return
        self._closed.set()
        self._queue.finish()
        if self._thread is not None and self._thread is not threading.current_thread():
            # A blocked network read returns within read_timeout; the thread is a daemon past that.
            self._thread.join(timeout=self._read_timeout + 1.0)
        if self._container is not None:
            self._container.close()
            self._container = None
        self._connection.set_status(SourceStatus.CLOSED)

    @property
    def closed(self) -> bool:
        return self._closed.is_set()

    @property
    def status(self) -> SourceStatus | None:
        return self._connection.status

    @property
    def stats(self) -> SourceStats:
        return self._counters.snapshot(
            time.monotonic(), dropped_in_queue=self._queue.dropped, connection=self._connection
        )

    @property
    def queued(self) -> int:
        """Frames waiting for the consumer (never more than the queue size)."""
        return len(self._queue)

    # ------------------------------------------------------------------------------------------ file mode
    def _from_file(self) -> Iterator[Frame]:
        try:
            for frame in self._frames(paced=False):
                self._counters.delivered += 1
                yield frame
        finally:
            self.close()

    # ------------------------------------------------------------------------------------------ live mode
    def _from_queue(self) -> Iterator[Frame]:
        while not self._closed.is_set() and not self._queue.finished:
            frame = self._queue.get(timeout=0.5)
            if frame is not None:
                self._counters.delivered += 1
                yield frame

    def _read_forever(self) -> None:
        try:
            self._connection.keep_open(self._one_session, self._backoff)
        finally:
            self._queue.finish()

    def _one_session(self) -> bool:
        """Read one connection until it ends. True when the stream is over for good (file end, closed)."""
        if self._closed.is_set():
            return True
        self._counters.connect_attempts += 1
        online_since: float | None = None
        try:
            self._container = self._open()
            for frame in self._frames(paced=not is_live(self.kind)):
                if online_since is None:
                    online_since = time.monotonic()
                    self._connection.came_online()
                self._queue.put(frame)
        except SourceError as exc:
            self._connection.went_offline(describe(exc))
            if online_since is None or time.monotonic() - online_since < _MIN_HEALTHY_SESSION_SECONDS:
                raise
            return False
        finally:
            if self._container is not None:
                self._container.close()
                self._container = None
        if self._closed.is_set() or not is_live(self.kind):
            return True
        # A live stream that ends cleanly (server stopped sending) is an outage like any other.
        self._connection.went_offline("stream ended")
        if online_since is None or time.monotonic() - online_since < _MIN_HEALTHY_SESSION_SECONDS:
            raise SourceError("stream ended")
        return False

    # ------------------------------------------------------------------------------------------- decoding
    def _open(self) -> av.container.InputContainer:
        try:
            container = self._open_with(self._hwaccel)
        except SourceError as exc:
            if self._hwaccel is None:
                raise
            container = self._open_with(None)  # if this fails too, the trouble was not the hardware
            # The device is missing, busy, or cannot handle this codec: decode on the CPU from now on.
            log.warning("camera %s: hardware decoding unavailable (%s); using the CPU", self.camera_id, exc)
            self._hwaccel = None
        stream = container.streams.video[0]
        self._counters.describe_stream(stream.codec_context.name, stream.width, stream.height, self._hwaccel)
        return container

    def _open_with(self, hwaccel: HWAccel | None) -> av.container.InputContainer:
        return open_input(
            self._location,
            self._options,
            open_timeout=self._open_timeout,
            read_timeout=self._read_timeout,
            hwaccel=hwaccel,
        )

    def _frames(self, *, paced: bool) -> Iterator[Frame]:
        """Sampled frames of the open container, then (with loop) of the file again from its start."""
        pts_offset = 0.0
        start_time = self._file_start_time() if not self.realtime else 0.0
        while not self._closed.is_set():
            container = self._container or self._open()
            self._container = container
            pace = Pacer(self._closed) if paced else None
            last: DecodedFrame | None = None
            for decoded in self._decode(container):
                if self._closed.is_set():
                    return
                last = decoded
                pts = pts_offset + decoded.pts
                index = self._counters.add_frame()
                if pace is not None:
                    pace.wait_until(decoded.pts)
                if not self._sampler.keep(pts):
                    continue
                image: Image = decoded.frame.to_ndarray(format="bgr24")  # type: ignore[assignment]
                timestamp = time.time() - self._behind(decoded.pts) if self.realtime else start_time + pts
                yield Frame(camera_id=self.camera_id, index=index, timestamp=timestamp, pts=pts, image=image)
            if last is None:
                raise SourceError(f"no decodable video frames in {self.url}")
            if not (self._loop and self.kind is StreamKind.FILE):
                return
            container.close()
            self._container = None
            # The file's end: its last packet, which a packet gate may not have decoded.
            gate = self._active_gate
            end = max(last.pts, gate.newest_pts if gate is not None and gate.newest_pts is not None else 0.0)
            pts_offset += end + _frame_duration(last)

    def _decode(self, container: av.container.InputContainer) -> Iterator[DecodedFrame]:
        if self._gate is None:
            return decode_video(
                container, on_packet=self._counters.add_packet, on_decode_error=self._decode_error
            )
        self._active_gate = PacketGate(self._gate)  # a new stream: the gate starts open and learns it again
        return decode_gated(
            container,
            self._active_gate,
            on_packet=self._counters.add_packet,
            on_decode_error=self._decode_error,
            on_skipped=self._counters.add_skipped,
        )

    def _behind(self, pts: float) -> float:
        """How far (seconds) a live frame lags the newest packet: the pictures of a GOP replayed when the
        packet gate opens are stamped with the times they were sent, not all with now."""
        gate = self._active_gate
        if gate is None or gate.newest_pts is None:
            return 0.0
        return min(max(0.0, gate.newest_pts - pts), _MAX_REPLAY_LAG_SECONDS)

    def _file_start_time(self) -> float:
        if self._start_time is not None:
            return self._start_time
        try:
            return os.path.getmtime(self._location)
        except OSError:
            return 0.0

    def _decode_error(self, reason: str) -> None:
        self._counters.decode_errors += 1
        self._connection.last_error = reason


# Opening a source is constructing one; the name the callers know.
open_source = VideoSource


def _frame_duration(decoded: DecodedFrame) -> float:
    frame = decoded.frame
    if frame.duration and frame.time_base:
        return float(frame.duration * frame.time_base)
    return 0.04


class _Counters:
    """Running numbers behind `VideoSource.stats`, updated by the reading thread."""

    def __init__(self) -> None:
        self.decoded = 0
        self.skipped = 0
        self.delivered = 0
        self.decode_errors = 0
        self.connect_attempts = 0
        self._fps = RateMeter()
        self._bytes = RateMeter()
        self._stream = ("", 0, 0, False)
        self._lock = threading.Lock()

    def describe_stream(self, codec: str, width: int, height: int, hwaccel: object | None) -> None:
        self._stream = (codec, width, height, hwaccel is not None)

    def add_frame(self) -> int:
        with self._lock:
            self.decoded += 1
            return self.decoded - 1

    def add_skipped(self) -> None:
        with self._lock:
            self.skipped += 1

    def add_packet(self, size: int) -> None:
        """A video packet arrived: one frame of the stream, decoded or not (the stream's fps counts both)."""
        with self._lock:
            now = time.monotonic()
            self._fps.add(now)
            self._bytes.add(now, size)

    def snapshot(self, now: float, *, dropped_in_queue: int, connection: Connection) -> SourceStats:
        codec, width, height, hardware = self._stream
        with self._lock:
            fps = self._fps.rate(now)
            bitrate = self._bytes.rate(now) * 8
        return SourceStats(
            frames_decoded=self.decoded,
            frames_skipped=self.skipped,
            frames_delivered=self.delivered,
            frames_dropped=dropped_in_queue,
            decode_errors=self.decode_errors,
            fps=fps,
            bitrate_bps=bitrate,
            reconnects=connection.reconnects,
            connect_attempts=self.connect_attempts,
            last_error=connection.last_error,
            width=width,
            height=height,
            codec=codec,
            hardware_decode=hardware,
        )
