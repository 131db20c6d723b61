"""Compressed-domain gating: decide from packet sizes and keyframes whether a camera's video needs decoding.

On a static scene most of a camera's decode time goes into pictures nobody needs: an inter-coded (P/B)
packet of a still street is a few dozen bytes of "nothing changed", while its keyframes carry almost all the
bits. `PacketGate` watches the packets and answers, per packet, what the decoder should do:

- **closed** (the scene is still): skip every packet, except a keyframe every `probe_seconds` (the *probe*:
  one real picture for the motion check, the pipeline's refresh detection, camera health and the live
  picture). The probe interval sets a still camera's cost: a 720p keyframe takes 10–25 ms to decode.
- the gate **opens** when the mean size of the last `window` inter-coded packets jumps above
  `jump_ratio` × their usual size (the median of idle sizes at that position after the keyframe, see
  `UsualSizes`) + `jump_bytes`, or when the motion check on a probe sees something. Opening on a packet
  mid-GOP means *replay*: the caller decodes the buffered packets from the last keyframe up to this one
  (P-frames need their reference chain), then every packet.
- **open**: decode every packet; the caller runs the motion check on a decoded picture every
  `motion_check_seconds` and reports it (`observe_picture`). The gate closes after `hold_seconds` with neither
  motion nor a size jump, and adds the sizes of that quiet stretch to the usual ones.

The gate starts open, so a camera's first seconds are always decoded and the usual sizes are learnt from a
quiet stretch. Intra-only streams (MJPEG; every packet a keyframe) have no cheap signal: they are always
decoded. The gate only reads numbers; `safecity.video.gated_decoder` does the decoding.
"""

from __future__ import annotations

import enum
from collections import deque

import numpy as np
from pydantic import BaseModel
from pydantic import ConfigDict
from pydantic import Field

# Keyframes in a row after which a stream is taken to be intra-only.
_INTRA_ONLY_RUN = 3
# Keyframes a stream must have shown before the gate closes (probes and replays start from them).
_KEYFRAMES_BEFORE_CLOSING = 2


class PacketGateSettings(BaseModel):
    """Tuning for one camera's packet gate; the defaults suit 5–25 fps H.264/H.265 CCTV streams."""

    model_config = ConfigDict(extra="forbid")

    probe_seconds: float = Field(
        10.0, gt=0, le=60, description="while closed, decode one keyframe at least this often"
    )
    jump_ratio: float = Field(2.0, gt=1, description="size jump (× the usual inter-packet size) that opens")
    jump_bytes: int = Field(32, ge=0, description="bytes added to the opening threshold (tiny streams)")
    window: int = Field(3, ge=1, le=50, description="inter-coded packets averaged before comparing")
    usual_quantile: float = Field(0.5, gt=0, le=1, description="quantile of idle sizes taken as usual")
    baseline_packets: int = Field(150, ge=10, description="idle packet sizes remembered for the usual size")
    hold_seconds: float = Field(3.0, gt=0, description="stay open this long after the last sign of change")
    motion_check_seconds: float = Field(0.5, gt=0, description="while open, check a picture this often")
    max_buffered_packets: int = Field(
        750, ge=1, description="longest GOP kept for replay; longer GOPs open at their next keyframe"
    )


class GateAction(enum.Enum):
    SKIP = "skip"  # do not decode (keep the packet: a later replay may need it)
    PROBE = "probe"  # decode this keyframe and check its picture for motion
    REPLAY = "replay"  # the gate just opened: decode the GOP so far, this packet included
    DECODE = "decode"  # the gate is open: decode


class PacketGate:
    """The open/closed decision for one stream, packet by packet; see the module docstring."""

    def __init__(self, settings: PacketGateSettings | None = None) -> None:
        self.settings = settings or PacketGateSettings()
        self.is_open = True
        self.intra_only = False
        self.openings = 0
        self.newest_pts: float | None = None  # of the packets seen so far
        self._keyframes = 0
        self._keyframe_run = 0
        self._since_keyframe = 0
        self._recent: deque[int] = deque(maxlen=self.settings.window)
        self._usual = UsualSizes(self.settings)
        self._quiet: list[tuple[int, float]] = []  # while open: (position, window mean) since the last change
        self._last_change: float | None = None
        self._last_probe: float | None = None
        self._last_check: float | None = None

    def threshold(self, position: int) -> float | None:
        """The window mean (bytes) above which a closed gate opens at this position after a keyframe."""
        return self._usual.threshold(position)

    def observe_packet(self, size: int, keyframe: bool, pts: float) -> GateAction:
        self.newest_pts = pts if self.newest_pts is None else max(self.newest_pts, pts)
        if keyframe:
            self._keyframes += 1
            self._keyframe_run += 1
            self._since_keyframe = 0
            self.intra_only = self.intra_only or self._keyframe_run >= _INTRA_ONLY_RUN
            if self.is_open or self.intra_only:
                return GateAction.DECODE
            self._usual.refresh()  # once a GOP is often enough
            if self._last_probe is None or pts - self._last_probe >= self.settings.probe_seconds:
                self._last_probe = pts
                return GateAction.PROBE
            return GateAction.SKIP
        self._keyframe_run = 0
        self._since_keyframe += 1
        self._recent.append(size)
        mean = sum(self._recent) / len(self._recent)
        limit = self._usual.threshold(self._since_keyframe)
        jumped = limit is not None and mean > limit
        if self.is_open:
            if jumped:
                self._changed(pts)
            else:
                self._quiet.append((self._since_keyframe, mean))
            return GateAction.DECODE
        if jumped:
            self._open(pts)
            return GateAction.REPLAY
        self._usual.add(self._since_keyframe, mean)
        return GateAction.SKIP

    def wants_picture_check(self, pts: float) -> bool:
        """Whether the caller should run the motion check on the picture decoded at `pts`."""
        if self.intra_only:
            return False
        if not self.is_open:
            return True  # a probe
        return self._last_check is None or pts - self._last_check >= self.settings.motion_check_seconds

    def observe_picture(self, moving: bool, pts: float) -> None:
        """The motion check's verdict on a decoded picture: motion opens the gate or keeps it open."""
        self._last_check = pts
        if moving:
            if self.is_open:
                self._changed(pts)
            else:
                self._open(pts)
            return
        if self.is_open and self._quiet_for(pts) >= self.settings.hold_seconds:
            self._close(pts)

    def _open(self, pts: float) -> None:
        self.is_open = True
        self.openings += 1
        self._changed(pts)

    def _changed(self, pts: float) -> None:
        self._last_change = pts
        self._quiet.clear()

    def _quiet_for(self, pts: float) -> float:
        if self._last_change is None or pts < self._last_change:
            self._last_change = pts  # the stream's start (or restart) counts as a change
        return pts - self._last_change

    def _close(self, pts: float) -> None:
        if not self._quiet or self._keyframes < _KEYFRAMES_BEFORE_CLOSING:
            # Nothing to compare with yet, or a stream without (flagged) keyframes: closed, it could never
            # be probed nor replayed, so it stays open (decoded in full).
            return
        self.is_open = False
        for position, mean in self._quiet:
            self._usual.add(position, mean)
        self._quiet.clear()
        self._usual.refresh()
        self._last_probe = pts


class UsualSizes:
    """The usual window-mean packet size of a still scene, by position after the keyframe.

    Encoders spend more on the first P-frames after a keyframe (they re-settle the noise the keyframe
    coded differently), so the first `EXACT_POSITIONS` positions each have their own usual size and the
    rest share one. A position not seen in a quiet stretch yet has no threshold: it cannot open the gate
    (the probes still can).
    """

    EXACT_POSITIONS = 5

    def __init__(self, settings: PacketGateSettings) -> None:
        self._settings = settings
        # One packet per GOP lands in an exact position, many in the shared one: keep a like span of time.
        exact = max(5, settings.baseline_packets // 10)
        self._sizes = [deque[float](maxlen=exact) for _ in range(self.EXACT_POSITIONS)]
        self._sizes.append(deque[float](maxlen=settings.baseline_packets))
        self._thresholds: list[float | None] = [None] * len(self._sizes)

    def add(self, position: int, mean: float) -> None:
        self._sizes[self._slot(position)].append(mean)

    def threshold(self, position: int) -> float | None:
        return self._thresholds[self._slot(position)]

    def refresh(self) -> None:
        settings = self._settings
        for slot, sizes in enumerate(self._sizes):
            if sizes:
                usual = float(np.quantile(np.fromiter(sizes, float), settings.usual_quantile))
                self._thresholds[slot] = settings.jump_ratio * usual + settings.jump_bytes

    def _slot(self, position: int) -> int:
        return min(max(position, 1), len(self._sizes)) - 1
