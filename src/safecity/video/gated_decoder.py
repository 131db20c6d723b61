"""Decode a stream only where its packets say something changed (the decoding side of `PacketGate`).

Every packet of the current GOP is kept (compressed, a few hundred kB) so that when the gate opens mid-GOP
the pictures from the keyframe up to the opening packet can be decoded at once: P-frames need their
reference chain, and the pipeline then also sees the moments just before the packets grew. Pictures are
judged by a small motion detector run on the luma plane (no colour conversion); only the pictures the
caller keeps are converted to BGR, by the caller.

One decoding thread: a probe's picture must come out of the decoder at once (frame threads hold frames
back), and one thread is also the cheapest per picture, which is what counts on a worker full of cameras.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Iterator

import av
import av.container
import numpy as np
import numpy.typing as npt

from safecity.video.decoder import FFMPEG_ERRORS
from safecity.video.decoder import DecodedFrame
from safecity.video.decoder import PacketDecoder
from safecity.video.decoder import describe
from safecity.video.motion import MotionDetector
from safecity.video.motion import MotionSettings
from safecity.video.packet_gate import GateAction
from safecity.video.packet_gate import PacketGate
from safecity.video.source_state import SourceError

# 8-bit pixel formats whose first plane is the luma (grey) picture.
_LUMA_FIRST = frozenset(
    {"yuv420p", "yuvj420p", "yuv422p", "yuvj422p", "yuv444p", "yuvj444p", "nv12", "nv21", "gray"}
)


def decode_gated(
    container: av.container.InputContainer,
    gate: PacketGate,
    *,
    motion: MotionSettings | None = None,
    on_packet: Callable[[int], None] | None = None,
    on_decode_error: Callable[[str], None] | None = None,
    on_skipped: Callable[[], None] | None = None,
) -> Iterator[DecodedFrame]:
    """The decoded frames of the first video stream that `gate` lets through, in order."""
    stream = container.streams.video[0]
    stream.thread_type = "NONE"
    decoder = PacketDecoder(stream, on_decode_error)
    judge = _PictureJudge(gate, motion)
    gop: list[av.Packet] = []  # the current GOP, from its keyframe ([] when it could not all be kept)
    in_sync = True  # the decoder has seen every packet since its last keyframe
    limit = gate.settings.max_buffered_packets
    try:
        for packet in container.demux(stream):
            if not packet.size:  # end of stream: drain the decoder if it is in step
                if in_sync:
                    yield from judge.judged(decoder.decode(packet))
                continue
            if on_packet is not None:
                on_packet(packet.size)
            keyframe = packet.is_keyframe
            if keyframe:
                gop = [packet]
            elif gop and len(gop) < limit:
                gop.append(packet)
            else:
                gop = []
            stamp = packet.pts if packet.pts is not None else packet.dts
            action = gate.observe_packet(packet.size, keyframe, decoder.seconds(stamp))
            if action is GateAction.REPLAY and not in_sync:
                batch = gop  # [] for a GOP too long to keep: the pictures resume at the next keyframe
            elif action is GateAction.SKIP or not (keyframe or in_sync):
                batch = []
            else:
                batch = [packet]
            if not batch:
                in_sync = False
                if on_skipped is not None:
                    on_skipped()
                continue
            if not in_sync:
                decoder.forget_pending()  # references and delayed frames from before the gap are stale
                in_sync = True
            for item in batch:
                yield from judge.judged(decoder.decode(item))
    except FFMPEG_ERRORS as exc:
        raise SourceError(f"stream read failed: {describe(exc)}") from exc


class _PictureJudge:
    """Runs the motion check on the pictures the gate asks about and tells it the verdict."""

    def __init__(self, gate: PacketGate, settings: MotionSettings | None) -> None:
        self._gate = gate
        self._settings = settings
        self._detector: MotionDetector | None = None

    def judged(self, frames: list[DecodedFrame]) -> Iterator[DecodedFrame]:
        for decoded in frames:
            if self._gate.wants_picture_check(decoded.pts):
                self._gate.observe_picture(self._moving(decoded.frame), decoded.pts)
            yield decoded

    def _moving(self, frame: av.VideoFrame) -> bool:
        size = (frame.width, frame.height)
        if self._detector is None or self._detector.frame_size != size:
            self._detector = MotionDetector(size, self._settings)
        return self._detector.detect(luma(frame)).has_motion


def luma(frame: av.VideoFrame) -> npt.NDArray[np.uint8]:
    """The frame's grey picture: a view of its luma plane when it has one, else a conversion."""
    if frame.format.name in _LUMA_FIRST:
        plane = frame.planes[0]
        rows = np.frombuffer(memoryview(plane), np.uint8).reshape(-1, plane.line_size)
        return rows[: frame.height, : frame.width]
    grey: npt.NDArray[np.uint8] = frame.to_ndarray(format="gray")  # type: ignore[assignment]
    return grey
