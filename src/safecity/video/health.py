"""Watch one camera's connection and pictures and report when its health changes.

Feed it the source's state changes (`observe_state`, usable directly as `open_source(on_state=...)`), the
frames the pipeline sees (`observe_frame`), and a periodic `check()` so a camera that silently stops sending
goes offline. Changes go to `on_change` as `HealthChange` objects; the bus wiring lives elsewhere.
Times are epoch seconds taken from frames and states, so replaying a file gives the same events.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

import numpy as np
import numpy.typing as npt

from safecity.video.debounce import Debounced
from safecity.video.frame import Frame
from safecity.video.health_types import SEVERITY_ORDER
from safecity.video.health_types import HealthChange
from safecity.video.health_types import HealthMetrics
from safecity.video.health_types import HealthStatus
from safecity.video.health_types import HealthThresholds
from safecity.video.image_quality import FrameQuality
from safecity.video.image_quality import GreyImage
from safecity.video.image_quality import mean_difference
from safecity.video.image_quality import measure
from safecity.video.image_quality import scene_similarity
from safecity.video.rate_meter import RateMeter
from safecity.video.source_state import SourceState
from safecity.video.source_state import SourceStats
from safecity.video.source_state import SourceStatus

log = logging.getLogger(__name__)

HealthCallback = Callable[[HealthChange], None]

_CONNECTION_STATUS = {
    SourceStatus.CONNECTING: HealthStatus.CONNECTING,
    SourceStatus.ONLINE: HealthStatus.ONLINE,
    SourceStatus.OFFLINE: HealthStatus.OFFLINE,
    SourceStatus.ENDED: HealthStatus.OFFLINE,
    SourceStatus.CLOSED: HealthStatus.CLOSED,
}
# How fast the reference view and usual sharpness follow slow changes (dusk, seasons) in a healthy camera.
_BASELINE_DRIFT = 0.02


class CameraHealthMonitor:
    def __init__(
        self,
        camera_id: str,
        *,
        on_change: HealthCallback | None = None,
        thresholds: HealthThresholds | None = None,
    ) -> None:
        self.camera_id = camera_id
        self._on_change = on_change
        self._limits = limits = thresholds or HealthThresholds()
        self._lock = threading.Lock()
        self._connection = HealthStatus.CONNECTING
        self._connection_reason = ""
        self._status: HealthStatus | None = None
        self._problems: tuple[HealthStatus, ...] = ()
        self._stalled = False
        self._frozen = Debounced(limits.frozen_seconds, limits.clear_seconds)
        self._covered = Debounced(limits.covered_seconds, limits.clear_seconds)
        self._defocused = Debounced(limits.defocus_seconds, limits.clear_seconds)
        self._moved = Debounced(limits.scene_seconds, limits.clear_seconds)
        self._last_analysis_at: float | None = None
        self._last_frame_at: float | None = None
        self._last_stream_at: float | None = None
        self._previous_grey: GreyImage | None = None
        self._quality: FrameQuality | None = None
        self._similarity: float | None = None
        self._baseline_samples: list[FrameQuality] = []
        self._reference: npt.NDArray[np.float32] | None = None
        self._usual_sharpness: float | None = None
        self._frame_rate = RateMeter()
        self._stats: SourceStats | None = None

    # ------------------------------------------------------------------------------------------------ inputs
    def observe_state(self, state: SourceState) -> None:
        with self._lock:
            self._connection = _CONNECTION_STATUS[state.status]
            self._connection_reason = state.reason
            if self._connection is HealthStatus.ONLINE:
                self._stalled = False
                self._last_frame_at = None  # stall timing restarts with the new connection
                self._last_stream_at = None
            change = self._evaluate(state.at, state.reason or f"source {state.status.value}")
        self._emit(change)

    def observe_frame(self, frame: Frame, stats: SourceStats | None = None) -> None:
        """A frame from the camera; `stats` (the source's) adds fps and bitrate to the reported metrics."""
        at = frame.timestamp
        with self._lock:
            self._stats = stats
            self._frame_rate.add(at)
            self._last_frame_at = at
            was_stalled, self._stalled = self._stalled, False
            if self._connection in {HealthStatus.CONNECTING, HealthStatus.OFFLINE}:
                self._connection = HealthStatus.ONLINE  # frames prove the connection, whatever was reported
            due = (
                self._last_analysis_at is None
                or at - self._last_analysis_at >= self._limits.analysis_interval
            )
            if due:
                self._last_analysis_at = at
                self._analyse(measure(frame.image), at)
            change = (
                self._evaluate(at, "frames arriving again" if was_stalled else "")
                if due or was_stalled
                else None
            )
        self._emit(change)

    def observe_stream(self, at: float) -> None:
        """The camera sent video at `at` that was not decoded (a packet gate skipping a still scene): the
        stream is alive even though no frame arrives."""
        with self._lock:
            if self._last_frame_at is not None:
                self._last_stream_at = at

    def check(self, now: float | None = None) -> None:
        """Call periodically: a connected camera that has sent nothing for `stall_seconds` goes offline."""
        now = time.time() if now is None else now
        with self._lock:
            if self._connection is not HealthStatus.ONLINE or self._last_frame_at is None:
                return
            silent_for = now - max(self._last_frame_at, self._last_stream_at or 0.0)
            if silent_for < self._limits.stall_seconds or self._stalled:
                return
            self._stalled = True
            change = self._evaluate(now, f"no frames for {silent_for:.0f} s")
        self._emit(change)

    def accept_scene(self, now: float | None = None) -> None:
        """An operator confirms the camera's new view: it becomes the reference and the alarm clears."""
        now = time.time() if now is None else now
        with self._lock:
            self._moved.reset()
            self._reference = None
            self._usual_sharpness = None
            self._baseline_samples.clear()
            change = self._evaluate(now, "new view accepted")
        self._emit(change)

    # ------------------------------------------------------------------------------------------------ output
    @property
    def status(self) -> HealthStatus | None:
        return self._status

    @property
    def problems(self) -> tuple[HealthStatus, ...]:
        return self._problems

    def metrics(self) -> HealthMetrics:
        with self._lock:
            return self._metrics(self._last_frame_at or time.time())

    # ------------------------------------------------------------------------------------------------ inside
    def _analyse(self, quality: FrameQuality, at: float) -> None:
        limits = self._limits
        self._quality = quality
        covered = (
            quality.brightness <= limits.covered_max_brightness
            or quality.contrast <= limits.covered_max_contrast
        )
        self._covered.update(covered, at)
        # A covered picture has no content to compare, so it says nothing about freezing, focus or aim.
        identical = (
            not covered
            and self._previous_grey is not None
            and mean_difference(self._previous_grey, quality.grey) <= limits.frozen_max_difference
        )
        self._previous_grey = quality.grey
        self._frozen.update(identical, at)
        if covered:
            return
        if self._reference is None or self._usual_sharpness is None:
            self._learn_baseline(quality)
            self._defocused.update(quality.sharpness < limits.defocus_min_sharpness, at)
            return
        similarity = scene_similarity(self._reference, quality.thumbnail)
        self._similarity = similarity
        self._moved.update(similarity < limits.scene_min_similarity, at)
        blurred = (
            quality.sharpness < limits.defocus_min_sharpness
            or quality.sharpness < limits.defocus_ratio * self._usual_sharpness
        )
        self._defocused.update(blurred, at)
        if not (blurred or self._moved.active or similarity < limits.scene_min_similarity or identical):
            self._reference += _BASELINE_DRIFT * (quality.thumbnail - self._reference)
            self._usual_sharpness += _BASELINE_DRIFT * (quality.sharpness - self._usual_sharpness)

    def _learn_baseline(self, quality: FrameQuality) -> None:
        self._baseline_samples.append(quality)
        if len(self._baseline_samples) < self._limits.baseline_frames:
            return
        thumbnails = np.stack([sample.thumbnail for sample in self._baseline_samples])
        self._reference = thumbnails.mean(axis=0).astype(np.float32)
        self._usual_sharpness = float(np.median([sample.sharpness for sample in self._baseline_samples]))
        self._baseline_samples.clear()

    def _evaluate(self, at: float, reason: str) -> HealthChange | None:
        problems = self._current_problems()
        current: HealthStatus
        if self._connection in {HealthStatus.CONNECTING, HealthStatus.CLOSED}:
            current = self._connection
        elif self._connection is HealthStatus.OFFLINE or self._stalled:
            current = HealthStatus.OFFLINE
        else:
            current = problems[0] if problems else HealthStatus.ONLINE
        self._problems = problems
        if current is self._status:
            return None
        previous, self._status = self._status, current
        return HealthChange(
            camera_id=self.camera_id,
            previous=previous,
            current=current,
            at=at,
            reason=self._describe(current, reason),
            metrics=self._metrics(at),
            problems=problems,
        )

    def _current_problems(self) -> tuple[HealthStatus, ...]:
        flags = {
            HealthStatus.OFFLINE: self._connection is HealthStatus.OFFLINE or self._stalled,
            HealthStatus.FROZEN: self._frozen.active,
            HealthStatus.COVERED: self._covered.active,
            HealthStatus.DEFOCUSED: self._defocused.active,
            HealthStatus.SCENE_CHANGED: self._moved.active,
        }
        return tuple(status for status in SEVERITY_ORDER if flags[status])

    def _describe(self, status: HealthStatus, reason: str) -> str:
        quality, limits = self._quality, self._limits
        if status is HealthStatus.FROZEN:
            return f"identical frames for {limits.frozen_seconds:.0f} s or more"
        if status is HealthStatus.COVERED and quality is not None:
            measured = f"brightness {quality.brightness:.0f}, contrast {quality.contrast:.0f}"
            return f"dark or featureless picture ({measured}): lens covered?"
        if status is HealthStatus.DEFOCUSED and quality is not None:
            usual = f" against a usual {self._usual_sharpness:.0f}" if self._usual_sharpness else ""
            return f"blurred picture (sharpness {quality.sharpness:.0f}{usual})"
        if status is HealthStatus.SCENE_CHANGED and self._similarity is not None:
            return f"view no longer matches the reference (similarity {self._similarity:.2f}): camera moved?"
        if status is HealthStatus.OFFLINE:
            return reason or self._connection_reason or "offline"
        return reason or status.value

    def _metrics(self, at: float) -> HealthMetrics:
        stats, quality = self._stats, self._quality
        return HealthMetrics(
            fps=stats.fps if stats is not None and stats.fps else self._frame_rate.rate(at),
            bitrate_bps=stats.bitrate_bps if stats is not None else 0.0,
            brightness=quality.brightness if quality else None,
            sharpness=quality.sharpness if quality else None,
            scene_similarity=self._similarity,
            last_frame_at=self._last_frame_at,
        )

    def _emit(self, change: HealthChange | None) -> None:
        if change is None:
            return
        level = (
            logging.INFO
            if change.current in {HealthStatus.ONLINE, HealthStatus.CONNECTING}
            else logging.WARNING
        )
        previous = change.previous.value if change.previous else "-"
        log.log(
            level,
            "camera %s health %s -> %s: %s",
            self.camera_id,
            previous,
            change.current.value,
            change.reason,
        )
        if self._on_change is None:
            return
        try:
            self._on_change(change)
        except Exception:  # a listener's bug must not stop health tracking
            log.exception("camera %s: health callback failed", self.camera_id)
