"""Open a container with PyAV and decode its video stream, turning FFmpeg failures into SourceError."""

from __future__ import annotations

import logging
from collections.abc import Callable
from collections.abc import Iterator
from dataclasses import dataclass

import av
import av.container
from av.codec.hwaccel import HWAccel
from av.codec.hwaccel import hwdevices_available

from safecity.video.source_state import SourceError
from safecity.video.stream_url import redact

log = logging.getLogger(__name__)

# Hardware decoders worth trying for `hwaccel="auto"`, best first.
_HW_PREFERENCE = ("cuda", "vaapi", "qsv", "videotoolbox", "d3d11va")
# Give up on a stream after this many packets in a row that fail to decode.
_MAX_CONSECUTIVE_DECODE_ERRORS = 50

FFMPEG_ERRORS = (av.error.FFmpegError, OSError, EOFError)


@dataclass(frozen=True, slots=True)
class DecodedFrame:
    frame: av.VideoFrame
    pts: float  # seconds from the start of the stream


def choose_hwaccel(name: str | None) -> HWAccel | None:
    """A hardware-decode setting (with software fallback) or None; `auto` picks the best available."""
    if not name or name == "none":
        return None
    available = set(hwdevices_available())
    wanted = next((kind for kind in _HW_PREFERENCE if kind in available), None) if name == "auto" else name
    if wanted is None or wanted not in available:
        if name != "auto":
            log.warning("hardware decoder %s is not available in this FFmpeg; decoding on the CPU", name)
        return None
    return HWAccel(device_type=wanted, allow_software_fallback=True)


def open_input(
    location: str,
    options: dict[str, str],
    *,
    open_timeout: float,
    read_timeout: float,
    hwaccel: HWAccel | None = None,
) -> av.container.InputContainer:
    """Open `location` for reading, or raise SourceError naming the address and FFmpeg's reason."""
    try:
        container = av.open(
            location, mode="r", options=options, timeout=(open_timeout, read_timeout), hwaccel=hwaccel
        )
    except FFMPEG_ERRORS as exc:
        raise SourceError(f"cannot open {redact(location)}: {describe(exc)}") from exc
    if not container.streams.video:
        container.close()
        raise SourceError(f"no video stream in {redact(location)}")
    stream = container.streams.video[0]
    if stream.codec_context is None:
        container.close()
        raise SourceError(f"unsupported video codec (no decoder for it) in {redact(location)}")
    return container


def decode_video(
    container: av.container.InputContainer,
    *,
    on_packet: Callable[[int], None] | None = None,
    on_decode_error: Callable[[str], None] | None = None,
) -> Iterator[DecodedFrame]:
    """Decoded frames of the first video stream; bad packets are skipped, a stream of only bad ones raises."""
    stream = container.streams.video[0]
    stream.thread_type = "AUTO"
    decoder = PacketDecoder(stream, on_decode_error)
    try:
        for packet in container.demux(stream):
            if packet.size and on_packet is not None:
                on_packet(packet.size)
            yield from decoder.decode(packet)
    except FFMPEG_ERRORS as exc:
        raise SourceError(f"stream read failed: {describe(exc)}") from exc


class PacketDecoder:
    """Decodes one stream's packets in order: a damaged packet is skipped and reported, a long run of them
    raises SourceError. Presentation times are in seconds (counted from the frame rate when missing)."""

    def __init__(self, stream: av.VideoStream, on_decode_error: Callable[[str], None] | None = None) -> None:
        self.stream = stream
        self.time_base = float(stream.time_base) if stream.time_base else 0.0
        self.rate = float(stream.average_rate or stream.guessed_rate or 25)
        self.decoded = 0
        self._on_decode_error = on_decode_error
        self._consecutive_errors = 0

    def decode(self, packet: av.Packet) -> list[DecodedFrame]:
        try:
            frames = packet.decode()
        except av.error.InvalidDataError as exc:  # a damaged packet: skip it, keep the stream
            self._consecutive_errors += 1
            if self._on_decode_error is not None:
                self._on_decode_error(describe(exc))
            if self._consecutive_errors >= _MAX_CONSECUTIVE_DECODE_ERRORS:
                raise SourceError(f"{self._consecutive_errors} packets in a row failed to decode") from exc
            return []
        self._consecutive_errors = 0
        decoded = []
        for frame in frames:
            assert isinstance(frame, av.VideoFrame)
            decoded.append(DecodedFrame(frame=frame, pts=self.seconds(frame.pts)))
            self.decoded += 1
        return decoded

    def seconds(self, pts: int | None) -> float:
        """A timestamp in seconds; without one, the position counted from decoded frames and the rate."""
        if pts is not None and self.time_base:
            return pts * self.time_base
        return self.decoded / self.rate

    def forget_pending(self) -> None:
        """Drop what the decoder holds (reference pictures, delayed frames) before packets it did not see."""
        self.stream.codec_context.flush_buffers()


def describe(exc: BaseException) -> str:
    """A one-line reason for logs and health events, without the address (it may hold a password)."""
    strerror = getattr(exc, "strerror", None)  # FFmpeg errors: the reason alone, str() appends the URL
    text = (strerror if isinstance(strerror, str) and strerror else str(exc)).strip() or type(exc).__name__
    return text.splitlines()[0]
