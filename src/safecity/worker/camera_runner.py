"""One camera inside the worker: feed (health + recording) → live picture → analysis → bus, in a thread.

The analysis (`CameraAnalysis`) is the pipeline plus, when the camera's profile asks for it, live ANPR on
the pipeline's tracks, and, for enforcement scenes, context frames around violations.

A camera that cannot even be opened (bad address, missing or empty file) is reported offline with the
reason and retried every `retry_seconds`; nothing a camera does stops the worker or the other cameras.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field
from datetime import UTC
from datetime import datetime

from safecity.cameras.events import CameraBeat
from safecity.cameras.events import CameraHealthEvent
from safecity.cameras.live_frames import LiveFrames
from safecity.cameras.live_frames import encode_jpeg
from safecity.core.bus import Event
from safecity.core.media import MediaStore
from safecity.pipeline.camera import CameraPipeline
from safecity.pipeline.camera import PipelineSettings
from safecity.pipeline.rules.config import SceneConfig
from safecity.pipeline.rules.signals import ControllerFeed
from safecity.video.camera_feed import CameraFeed
from safecity.video.frame import Frame
from safecity.video.health_types import HealthChange
from safecity.video.health_types import HealthStatus
from safecity.video.health_types import HealthThresholds
from safecity.video.packet_gate import PacketGateSettings
from safecity.video.reconnect import Backoff
from safecity.video.segment_store import SegmentStore
from safecity.video.source_state import SourceError
from safecity.vision.detectors.protocol import Detector
from safecity.vision.plates.stage import PlateReading
from safecity.vision.reid import PersonReidEmbedder
from safecity.worker.analysis import CameraAnalysis
from safecity.worker.camera_plates import CameraPlates
from safecity.worker.camera_plates import stage_config
from safecity.worker.context_frames import ContextFrames
from safecity.worker.face_stage import FaceStage
from safecity.worker.live_overlay import draw_overlay
from safecity.worker.profiles import enforces_traffic
from safecity.worker.profiles import features_of
from safecity.worker.reid_stage import ReidStage

log = logging.getLogger(__name__)
# Tracks not seen for longer than this (coasting through an occlusion) are left off the live overlay.
OVERLAY_TRACK_AGE = 0.5
MOTION_PROFILE_REASON = "the camera's analytics profile asks for motion only"

Publish = Callable[[Event], None]


@dataclass(frozen=True, slots=True)
class CameraSpec:
    """Everything that defines how a camera runs; a changed spec restarts the camera."""

    camera_id: str
    detect_url: str = field(repr=False)  # credentials included: never log
    record_url: str = field(repr=False)
    detect_fps: float
    loop: bool
    scene_json: str
    analytics_profile: str = "default"


@dataclass(frozen=True, slots=True)
class RunnerContext:
    """What every camera of a worker shares."""

    worker_id: str
    publish: Publish
    live: LiveFrames
    media: MediaStore
    recordings: SegmentStore | None
    detector: Detector | None = None
    no_detector_reason: str = "no detector model installed"
    live_fps: float = 5.0
    live_overlay: bool = True
    segment_seconds: float = 60.0
    retry_seconds: float = 30.0
    backoff: Backoff | None = None
    thresholds: HealthThresholds | None = None
    plate_reader: PlateReading | None = None  # None: no ANPR in this worker, whatever the profiles say
    context: ContextFrames | None = None  # None: no context frames for violations
    reid: PersonReidEmbedder | None = None  # None: no re-id model installed, no person appearances
    signal_feed: ControllerFeed | None = None  # live signal phases for red-light rules; None: schedules only
    # Decode a camera's still scenes only at keyframe probes (video/packet_gate.py); None: every frame.
    packet_gate: PacketGateSettings | None = field(default_factory=PacketGateSettings)


class CameraRunner:
    def __init__(self, spec: CameraSpec, context: RunnerContext) -> None:
        self.spec = spec
        self._context = context
        self._stop = threading.Event()
        self._feed: CameraFeed | None = None
        self._status = HealthStatus.CONNECTING
        self._failure: str | None = None
        self._last_live = 0.0
        self._next_context: RunnerContext | None = None  # a new detector to swap in at the next frame
        self._thread = threading.Thread(target=self._run, name=f"camera-{spec.camera_id}", daemon=True)

    @property
    def camera_id(self) -> str:
        return self.spec.camera_id

    def start(self) -> CameraRunner:
        self._thread.start()
        return self

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        feed = self._feed
        if feed is not None:
            feed.close()
        self._thread.join(timeout=timeout)

    def join(self, timeout: float | None = None) -> bool:
        """Wait for the camera's thread to end (a file played once); True when it has."""
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def use(self, context: RunnerContext) -> None:
        """Analyse with `context` (a newly installed detector) from the next frame on: the open tracks are
        closed and the analysis starts again; the stream, its health and its recording go on."""
        self._next_context = context

    def check(self) -> None:
        """Periodic: lets a camera that silently stopped sending go offline."""
        feed = self._feed
        if feed is not None:
            feed.check()

    def accept_scene(self) -> bool:
        feed = self._feed
        if feed is None:
            return False
        feed.health.accept_scene()
        return True

    def beat(self) -> CameraBeat:
        feed = self._feed
        if feed is None:
            return CameraBeat(camera_id=self.camera_id, state=self._status.value)
        metrics = feed.health.metrics()
        return CameraBeat(
            camera_id=self.camera_id,
            state=self._status.value,
            fps=round(metrics.fps, 2),
            bitrate_bps=round(metrics.bitrate_bps),
        )

    # ------------------------------------------------------------------------------------------- thread
    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                feed = self._open()
            except (SourceError, ValueError) as exc:
                self._cannot_open(str(exc))
                self._stop.wait(self._context.retry_seconds)
                continue
            self._failure = None
            try:
                self._consume(feed)
            except Exception:  # a bug in one camera's analysis must not take the worker down
                log.exception("camera %s: processing failed; restarting the camera", self.camera_id)
                self._stop.wait(self._context.retry_seconds)
            finally:
                self._feed = None
                feed.close()
            if not self._stop.is_set() and not self.spec.loop:
                return  # a file played once has ended; its health already says so

    def _open(self) -> CameraFeed:
        context = self._context
        feed = CameraFeed(
            self.camera_id,
            self.spec.detect_url,
            record_url=self.spec.record_url,
            store=context.recordings,
            detect_fps=self.spec.detect_fps,
            segment_seconds=context.segment_seconds,
            on_health=self._on_health,
            thresholds=context.thresholds,
            loop=self.spec.loop,
            backoff=context.backoff,
            gate=context.packet_gate,
        )
        self._feed = feed
        if self._stop.is_set():  # stopped while opening
            feed.close()
        return feed

    def _consume(self, feed: CameraFeed) -> None:
        scene = SceneConfig.model_validate_json(self.spec.scene_json or "{}")
        pipeline, analysis = self._analysis(scene)
        for frame in feed.frames():
            if self._next_context is not None:
                analysis.finish()
                pipeline, analysis = self._analysis(scene)
            analysis.process(frame)
            self._show(frame, pipeline, scene)
        analysis.finish()

    def _analysis(self, scene: SceneConfig) -> tuple[CameraPipeline, CameraAnalysis]:
        if self._next_context is not None:
            self._context, self._next_context = self._next_context, None
        context = self._context
        detector, no_detector_reason = camera_detector(self.spec, context)
        pipeline = CameraPipeline(
            self.camera_id,
            detector,
            scene,
            PipelineSettings(fps=self.spec.detect_fps),
            no_detector_reason=no_detector_reason,
            signal_feed=context.signal_feed,
        )
        return pipeline, build_analysis(self.spec, context, pipeline, scene)

    def _show(self, frame: Frame, pipeline: CameraPipeline, scene: SceneConfig) -> None:
        now = time.monotonic()
        if now - self._last_live < 1.0 / self._context.live_fps:
            return
        self._last_live = now
        live = self._context.live
        try:
            live.put(self.camera_id, encode_jpeg(frame.image), frame.timestamp)
            if self._context.live_overlay:
                age = OVERLAY_TRACK_AGE
                tracks = [t for t in pipeline.tracker.active if frame.timestamp - t.last_seen <= age]
                annotated = draw_overlay(frame.image, tracks, scene)
                live.put(self.camera_id, encode_jpeg(annotated), frame.timestamp, overlay=True)
        except (OSError, ValueError) as exc:
            log.warning("camera %s: live picture not stored: %s", self.camera_id, exc)

    def _on_health(self, change: HealthChange) -> None:
        self._status = change.current
        self._context.publish(CameraHealthEvent.from_change(change, self._context.worker_id))

    def _cannot_open(self, reason: str) -> None:
        if reason == self._failure:
            return  # already reported; keep retrying quietly
        self._failure = reason
        self._status = HealthStatus.OFFLINE
        log.warning("camera %s cannot be opened: %s", self.camera_id, reason)
        self._context.publish(
            CameraHealthEvent(
                camera_id=self.camera_id,
                time=datetime.now(UTC),
                source=f"worker:{self._context.worker_id}",
                state=HealthStatus.OFFLINE.value,
                reason=f"cannot open: {reason}",
                problems=[HealthStatus.OFFLINE.value],
                worker=self._context.worker_id,
            )
        )


def camera_detector(spec: CameraSpec, context: RunnerContext) -> tuple[Detector | None, str]:
    """The worker's detector, unless the camera's profile asks for motion only; and why there is none."""
    if features_of(spec.analytics_profile).motion_only:
        return None, MOTION_PROFILE_REASON
    return context.detector, context.no_detector_reason


def build_analysis(
    spec: CameraSpec, context: RunnerContext, pipeline: CameraPipeline, scene: SceneConfig
) -> CameraAnalysis:
    """The camera's analysis: ANPR when its profile asks (and the worker reads plates), context frames when
    its scene can raise a violation."""
    features = features_of(spec.analytics_profile)
    plates = None
    if context.plate_reader is not None and features.anpr:
        plates = CameraPlates(
            spec.camera_id,
            context.plate_reader,
            context.media,
            context.publish,
            worker_id=context.worker_id,
            config=stage_config(motion_only=pipeline.detector is None),
        )
    return CameraAnalysis(
        pipeline,
        context.publish,
        context.media,
        worker_id=context.worker_id,
        plates=plates,
        context=context.context if enforces_traffic(scene) else None,
        faces=FaceStage() if features.faces else None,
        reid=ReidStage(context.reid) if context.reid is not None and pipeline.detector is not None else None,
        fps=spec.detect_fps,
    )
