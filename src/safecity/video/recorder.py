"""Continuous recording of a camera's main stream into segments, by stream copy (no re-encoding).

A reader thread copies the video packets into fragmented-MP4 segments that start on keyframes and last about
`segment_seconds`. When the connection drops, the open segment is closed; after reconnecting (with backoff)
recording continues in a new segment, so a gap in the footage is a gap between segments. Each connection
takes the stream's parameters afresh, so a camera that comes back with another codec or resolution gets
segments of its own.

Footage lost when a camera comes back is the time from its return to the first recorded frame: the wait for
the next attempt (`RECORDING_BACKOFF`), the stream probe (`recording_options`: one packet, none thrown away)
and the first keyframe (`from_first_keyframe`: the session's first one is kept). Footage is placed in time by
when its frames arrived (`ArrivalClock`), not by when the probe let them through. The packet a live stream
ends on is not recorded (`whole_packets`): a camera that vanished mid-frame leaves it cut short.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import av
import av.container

from safecity.video.arrival_clock import ArrivalClock
from safecity.video.closing import Closing
from safecity.video.connection import Connection
from safecity.video.connection import StateCallback
from safecity.video.decoder import FFMPEG_ERRORS
from safecity.video.decoder import describe
from safecity.video.decoder import open_input
from safecity.video.keyframe_start import frame_ticks
from safecity.video.keyframe_start import from_first_keyframe
from safecity.video.pacing import Pacer
from safecity.video.reconnect import Backoff
from safecity.video.segment_store import SEGMENT_MUXER_OPTIONS
from safecity.video.segment_store import Segment
from safecity.video.segment_store import SegmentStore
from safecity.video.segment_store import check_camera_id
from safecity.video.source_state import SourceError
from safecity.video.source_state import SourceStatus
from safecity.video.stream_end import whole_packets
from safecity.video.stream_url import StreamKind
from safecity.video.stream_url import check_file
from safecity.video.stream_url import classify
from safecity.video.stream_url import is_live
from safecity.video.stream_url import recording_options
from safecity.video.stream_url import redact

log = logging.getLogger(__name__)

#: Footage lost after a camera comes back includes the wait until the next attempt: in the first minute after
#: a drop the recorder retries every 0.1-0.2 s (a refused connection costs next to nothing), then at least
#: every ~1 s; the analysis feed may back off further.
RECORDING_BACKOFF = Backoff(initial=0.1, maximum=1.0, quick_seconds=60.0)
#: For a camera whose SDP lacks the stream's parameters (the one-packet probe finds no picture size): probe
#: the video until they are known (at most 2 s; the packets read meanwhile are recorded, not dropped).
PROBE_FALLBACK = {"probesize": "5000000", "analyzeduration": "2000000"}


@dataclass(frozen=True, slots=True)
class RecorderStats:
    segments_written: int
    bytes_written: int
    packets_written: int
    packets_dropped: int
    reconnects: int
    last_error: str | None


class SegmentRecorder(Closing):
    """Records one camera until closed. Use as a context manager or call `start()` and `close()`."""

    def __init__(
        self,
        url: str,
        camera_id: str,
        store: SegmentStore,
        *,
        segment_seconds: float = 60.0,
        options: dict[str, str] | None = None,
        on_state: StateCallback | None = None,
        on_segment: Callable[[Segment], None] | None = None,
        backoff: Backoff | None = None,
        open_timeout: float = 10.0,
        read_timeout: float = 5.0,
        realtime: bool | None = None,
        start_time: float | None = None,
        loop: bool = False,
    ) -> None:
        """realtime: None = live URLs as they come, files paced to their natural speed; False copies a
        file as fast as it can. start_time: epoch seconds of a file's first frame (default: reading start).
        loop: a file that ends is recorded again from its start, its timeline continuing where the last
        segment ended (a camera that loops a clip, like the demo's, records for as long as it runs)."""
        if segment_seconds <= 0:
            raise ValueError(f"segment_seconds must be positive, got {segment_seconds}")
        self.camera_id = check_camera_id(camera_id)
        self.kind, self._location = classify(url)
        if self.kind is StreamKind.FILE:
            check_file(self._location)
        self.url = redact(url)
        self._store = store
        self._segment_seconds = segment_seconds
        self._options = {**recording_options(self.kind), **(options or {})}
        self._full_probe = False  # set once the one-packet probe proved too short for this camera
        self._on_segment = on_segment
        self._backoff = backoff or RECORDING_BACKOFF
        self._open_timeout = open_timeout
        self._read_timeout = read_timeout
        self._paced = realtime if realtime is not None else not is_live(self.kind)
        self._start_time = start_time
        self._loop = loop and self.kind is StreamKind.FILE
        self._last_end: float | None = None
        self._resume_at: float | None = None
        self._closed = threading.Event()
        self._connection = Connection(self.camera_id, self.url, on_state, self._closed, reader="recorder")
        self._thread = threading.Thread(
            target=self._connection.keep_open,
            args=(self._one_session, self._backoff),
            name=f"recorder-{camera_id}",
            daemon=True,
        )
        self._segments = 0
        self._bytes = 0
        self._packets = 0
        self._dropped = 0

    def start(self) -> SegmentRecorder:
        if not self._thread.is_alive() and not self._closed.is_set():
            self._connection.set_status(SourceStatus.CONNECTING)
            self._thread.start()
        return self

    def close(self) -> None:
        """Stop recording; the open segment is finished and indexed."""
        self._closed.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(timeout=self._read_timeout + 5.0)
        self._connection.set_status(SourceStatus.CLOSED)

    def __enter__(self) -> SegmentRecorder:
        return self.start()

    @property
    def status(self) -> SourceStatus | None:
        return self._connection.status

    @property
    def stats(self) -> RecorderStats:
        connection = self._connection
        return RecorderStats(
            self._segments,
            self._bytes,
            self._packets,
            self._dropped,
            connection.reconnects,
            connection.last_error,
        )

    # ----------------------------------------------------------------------------------------------- thread
    def _one_session(self) -> bool:
        """Record one connection. True when finished for good (closed, or a file ended)."""
        if self._closed.is_set():
            return True
        got_packets = False
        try:
            with self._open() as container:
                got_packets = self._copy(container)
        except SourceError as exc:
            self._connection.went_offline(describe(exc))
            if not got_packets:
                raise
            return False
        except FFMPEG_ERRORS as exc:
            self._connection.went_offline(describe(exc))
            raise SourceError(describe(exc)) from exc
        if self._closed.is_set():
            return True
        if not is_live(self.kind):
            if self._loop and got_packets:
                self._resume_at = self._last_end
                return False
            return True
        self._connection.went_offline("stream ended")
        return False

    def _open(self) -> av.container.InputContainer:
        """Open the stream; when the short probe left its parameters unknown, probe it fully (from now on)."""
        options = {**self._options, **PROBE_FALLBACK} if self._full_probe else self._options
        container = open_input(
            self._location, options, open_timeout=self._open_timeout, read_timeout=self._read_timeout
        )
        if self._full_probe or _has_parameters(container.streams.video[0]):
            return container
        container.close()
        log.info("camera %s: stream parameters not in its description; probing the video", self.camera_id)
        self._full_probe = True
        return self._open()

    def _copy(self, container: av.container.InputContainer) -> bool:
        """Copy packets into segments until the stream ends, fails, or the recorder closes."""
        stream = container.streams.video[0]
        time_base = stream.time_base
        if time_base is None:
            raise SourceError("the video stream has no time base: its packets cannot be placed in time")
        pacer = Pacer(self._closed) if self._paced and not is_live(self.kind) else None
        writer: _SegmentWriter | None = None
        origin = self._resume_at if self._resume_at is not None else self._start_time
        clock = ArrivalClock() if origin is None and is_live(self.kind) else None
        first_pts: int | None = None
        got_packets = False
        packets = from_first_keyframe(container.demux(stream), frame_ticks(stream))
        if is_live(self.kind):
            packets = whole_packets(packets, self._drop_cut)
        try:
            for packet in packets:
                if self._closed.is_set():
                    break
                assert packet.pts is not None
                if first_pts is None:
                    first_pts = packet.pts
                offset = float((packet.pts - first_pts) * time_base)
                if clock is not None:
                    clock.observe(offset, time.time())
                elif origin is None:
                    origin = time.time() - offset  # a file: its first frame is played now
                if pacer is not None:
                    pacer.wait_until(offset)
                if not got_packets:
                    got_packets = True
                    self._connection.came_online()
                if (
                    writer is not None
                    and packet.is_keyframe
                    and writer.elapsed(packet) >= self._segment_seconds
                ):
                    self._finish(writer, clock)
                    writer = None
                if writer is None:
                    start = clock.wall(offset) if clock is not None else (origin or 0.0) + offset
                    path = self._store.partial_path(self.camera_id, start)
                    writer = _SegmentWriter(path, start, stream, offset)
                if writer.write(packet):
                    self._packets += 1
                else:
                    self._dropped += 1
        except FFMPEG_ERRORS as exc:
            raise SourceError(f"stream read failed: {describe(exc)}") from exc
        finally:
            if writer is not None:
                self._finish(writer, clock)
        return got_packets

    def _drop_cut(self, packet: av.Packet) -> None:
        self._dropped += 1
        log.debug(
            "camera %s: the stream ended; its last packet (%d bytes) is not recorded",
            self.camera_id,
            packet.size,
        )

    def _finish(self, writer: _SegmentWriter, clock: ArrivalClock | None) -> None:
        if clock is not None:  # the clock may have settled since the segment began
            writer.start = clock.wall(writer.first_offset)
            if self._last_end is not None:
                writer.start = max(writer.start, self._last_end)  # never over the footage before it
        end = writer.close()
        if end is None:
            writer.path.unlink(missing_ok=True)
            return
        segment = self._store.finish(writer.path, self.camera_id, writer.start, end)
        self._last_end = segment.end
        self._segments += 1
        self._bytes += segment.size_bytes
        log.debug("camera %s: segment %s (%.1f s)", self.camera_id, segment.path.name, segment.duration)
        if self._on_segment is not None:
            try:
                self._on_segment(segment)
            except Exception:
                log.exception("camera %s: on_segment callback failed", self.camera_id)


class _SegmentWriter:
    """One open segment file: packets are copied in with timestamps rebased to start at zero."""

    def __init__(self, path: Path, start: float, source: av.VideoStream, first_offset: float) -> None:
        self.path = path
        self.start = start
        self.first_offset = first_offset  # media seconds of the first packet, from the session's first
        self._time_base = source.time_base
        self._output = av.open(str(path), mode="w", format="mp4", options=SEGMENT_MUXER_OPTIONS)
        self._stream = self._output.add_stream_from_template(source)
        self._first_pts: int | None = None
        self._first_dts: int | None = None
        self._last_dts: int | None = None
        self._end_pts = 0

    def elapsed(self, packet: av.Packet) -> float:
        if self._first_pts is None or packet.pts is None or self._time_base is None:
            return 0.0
        return float((packet.pts - self._first_pts) * self._time_base)

    def write(self, packet: av.Packet) -> bool:
        assert packet.pts is not None
        assert packet.dts is not None
        if self._first_pts is None:
            self._first_pts = packet.pts
            self._first_dts = min(packet.dts, packet.pts)
        assert self._first_dts is not None
        dts = packet.dts - self._first_dts
        if self._last_dts is not None and dts <= self._last_dts:
            return False  # out-of-order timestamps from the camera: the muxer would refuse them
        pts = packet.pts - self._first_dts
        self._end_pts = max(self._end_pts, pts + (packet.duration or 0))
        packet.pts, packet.dts = pts, dts
        packet.stream = self._stream
        try:
            self._output.mux(packet)
        except FFMPEG_ERRORS as exc:
            log.debug("dropping a packet the muxer refused: %s", describe(exc))
            return False
        self._last_dts = dts
        return True

    def close(self) -> float | None:
        """Finish the file; returns the segment's end time, or None if nothing was written."""
        try:
            self._output.close()
        except FFMPEG_ERRORS as exc:
            log.warning("closing segment %s failed: %s", self.path, describe(exc))
        if self._last_dts is None or self._time_base is None or self._first_pts is None:
            return None
        assert self._first_dts is not None
        media_end = float((self._end_pts - (self._first_pts - self._first_dts)) * self._time_base)
        return self.start + max(media_end, 0.001)


def _has_parameters(stream: av.VideoStream) -> bool:
    """Whether the segment muxer has what it needs: the picture size and the codec's setup data."""
    context = stream.codec_context
    return bool(context.width and context.height and context.extradata)
