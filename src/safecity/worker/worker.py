"""`CameraWorker`: runs the registry's cameras assigned to it until told to stop.

Every `reconcile_seconds` it re-reads the registry (new, changed, disabled and deleted cameras take effect
without a restart); every `check_seconds` it lets silent cameras go offline; every `heartbeat_seconds` it
publishes a `worker.heartbeat` with each camera's state and rates; every `retention_seconds` it sweeps old
recordings. Operator commands (`camera.command`) reach the camera's runner through the bus, and signal
controller phases (`challan.signal_phase`) reach the worker's `signal_feed`, which its red-light rules read.
Cameras whose `analytics_profile` asks for ANPR share a lazily created pool of plate readers.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import time
from dataclasses import dataclass, field

from safecity.cameras.events import CameraCommandEvent, WorkerHeartbeatEvent
from safecity.cameras.health_store import HEARTBEAT_SECONDS
from safecity.cameras.live_frames import LiveFrames, live_frames_dir
from safecity.cameras.models import Camera
from safecity.cameras.service import cameras_for_worker, stream_addresses
from safecity.config import Settings
from safecity.core.bus import EventBus, LiveFeed
from safecity.core.db import Database
from safecity.core.media import MediaStore
from safecity.evidence.holds import HoldChecker
from safecity.pipeline.rules.signals import ControllerFeed
from safecity.video.health_types import HealthThresholds
from safecity.video.reconnect import Backoff
from safecity.video.retention import RetentionPolicy, apply_retention
from safecity.video.segment_store import SegmentStore, recordings_dir
from safecity.worker.camera_runner import CameraRunner, CameraSpec, RunnerContext
from safecity.worker.context_frames import ContextFrames, ContextSettings
from safecity.worker.detector import load_detector
from safecity.worker.publisher import ThreadPublisher
from safecity.worker.reader_pool import ReaderPool
from safecity.worker.signal_phases import follow_signal_phases, listen_to_signal_phases

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class WorkerOptions:
    worker_id: str = field(default_factory=socket.gethostname)
    record: bool = True
    segment_seconds: float = 60.0
    retention: RetentionPolicy = field(default_factory=lambda: RetentionPolicy(max_age_days=30))
    retention_seconds: float = 3600.0
    reconcile_seconds: float = 5.0
    check_seconds: float = 1.0
    heartbeat_seconds: float = HEARTBEAT_SECONDS
    retry_seconds: float = 30.0
    live_fps: float = 5.0
    live_overlay: bool = True  # also store live pictures with the detections drawn on them
    use_detector: bool = True
    backoff: Backoff | None = None
    thresholds: HealthThresholds | None = None
    anpr: bool = True  # False: no plate reading in this worker, whatever the cameras' profiles say
    plate_readers: int = 0  # readers shared by the cameras (0: one per CPU core), created on first use
    context: ContextSettings = field(default_factory=ContextSettings)
    follow_signals: bool = True


class CameraWorker:
    def __init__(self, settings: Settings, database: Database, bus: EventBus, options: WorkerOptions) -> None:
        self.settings = settings
        self.options = options
        self._database = database
        self._bus = bus
        self.recordings = SegmentStore(recordings_dir(settings.data_dir)) if options.record else None
        self.live = LiveFrames(live_frames_dir(settings.data_dir))
        self.media = MediaStore(settings.media_dir)
        self.runners: dict[str, CameraRunner] = {}
        self.signal_feed = ControllerFeed()
        self.started = asyncio.Event()  # set once the worker's bus listeners are open
        self._context: RunnerContext | None = None

    async def run(self, stop: asyncio.Event) -> None:
        """Run until `stop` is set; then every camera is closed and pending events are stored."""
        publisher = ThreadPublisher(self._bus, asyncio.get_running_loop())
        self._context = await asyncio.to_thread(self._prepare, publisher)
        commands = asyncio.create_task(
            self._follow_commands(self._bus.listen([CameraCommandEvent.model_fields["type"].default]), stop)
        )
        signals = (
            asyncio.create_task(
                follow_signal_phases(
                    listen_to_signal_phases(self._bus), self._database, stop, self.signal_feed
                )
            )
            if self.options.follow_signals
            else None
        )
        self.started.set()
        log.info("worker %s started", self.options.worker_id)
        due = {"reconcile": 0.0, "heartbeat": 0.0, "retention": time.monotonic() + 60.0}
        try:
            while not stop.is_set():
                now = time.monotonic()
                if now >= due["reconcile"]:
                    due["reconcile"] = now + self.options.reconcile_seconds
                    await self._reconcile()
                for runner in list(self.runners.values()):
                    runner.check()
                if now >= due["heartbeat"]:
                    due["heartbeat"] = now + self.options.heartbeat_seconds
                    await self._heartbeat()
                if self.recordings is not None and now >= due["retention"]:
                    due["retention"] = now + self.options.retention_seconds
                    await asyncio.to_thread(self._sweep_recordings, self.recordings)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), self.options.check_seconds)
        finally:
            commands.cancel()
            if signals is not None:
                signals.cancel()
            await asyncio.gather(*(asyncio.to_thread(r.stop) for r in self.runners.values()))
            self.runners.clear()
            await publisher.drain()
            for task in (commands, signals):
                if task is not None:
                    with contextlib.suppress(asyncio.CancelledError):
                        await task
            log.info("worker %s stopped", self.options.worker_id)

    # ------------------------------------------------------------------------------------------- inside
    def _sweep_recordings(self, store: SegmentStore) -> None:
        """Retention by age and quota; footage under an evidence hold stays."""
        holds = HoldChecker(self._database)
        result = apply_retention(store, self.options.retention, now=time.time(), is_held=holds.is_held)
        log.info(
            "retention sweep: %d segments deleted (%d bytes freed), %d held, %d bytes kept",
            len(result.deleted),
            result.freed_bytes,
            result.kept_for_holds,
            result.total_bytes,
        )

    def _prepare(self, publisher: ThreadPublisher) -> RunnerContext:
        if self.recordings is not None:
            report = self.recordings.rebuild()
            log.info("recordings indexed: %d segments (%d recovered)", report.segments, report.recovered)
        detector, reason = (
            load_detector(self.settings.models_dir) if self.options.use_detector else (None, "")
        )
        return RunnerContext(
            worker_id=self.options.worker_id,
            publish=publisher.publish,
            live=self.live,
            media=self.media,
            recordings=self.recordings,
            detector=detector,
            no_detector_reason=reason or "detection disabled for this worker",
            live_fps=self.options.live_fps,
            live_overlay=self.options.live_overlay,
            segment_seconds=self.options.segment_seconds,
            retry_seconds=self.options.retry_seconds,
            backoff=self.options.backoff,
            thresholds=self.options.thresholds,
            plate_reader=ReaderPool(self.options.plate_readers) if self.options.anpr else None,
            context=ContextFrames(self.media, self.options.context),
            signal_feed=self.signal_feed,
        )

    def _wanted(self) -> dict[str, CameraSpec]:
        with self._database.session() as session:
            return {
                camera.id: _spec(camera) for camera in cameras_for_worker(session, self.options.worker_id)
            }

    async def _reconcile(self) -> None:
        try:
            wanted = await asyncio.to_thread(self._wanted)
        except Exception as exc:  # the database may be briefly unavailable; keep running what we have
            log.error("worker %s cannot read the camera registry: %s", self.options.worker_id, exc)
            return
        outdated = [r for cid, r in self.runners.items() if wanted.get(cid) != r.spec]
        if outdated:
            await asyncio.gather(*(asyncio.to_thread(runner.stop) for runner in outdated))
            for runner in outdated:
                del self.runners[runner.camera_id]
                self.live.forget(runner.camera_id)
        assert self._context is not None
        for camera_id, spec in wanted.items():
            if camera_id not in self.runners:
                log.info("worker %s: starting camera %s", self.options.worker_id, camera_id)
                self.runners[camera_id] = CameraRunner(spec, self._context).start()

    async def _heartbeat(self) -> None:
        beat = WorkerHeartbeatEvent(
            worker=self.options.worker_id,
            source=f"worker:{self.options.worker_id}",
            cameras=[runner.beat() for runner in self.runners.values()],
        )
        try:
            await self._bus.publish(beat)
        except Exception as exc:
            log.error("worker %s heartbeat not published: %s", self.options.worker_id, exc)

    async def _follow_commands(self, feed: LiveFeed, stop: asyncio.Event) -> None:
        try:
            async for event in feed:
                if stop.is_set():
                    return
                runner = self.runners.get(event.camera_id or "")
                if isinstance(event, CameraCommandEvent) and runner is not None:
                    log.info(
                        "camera %s: %s requested by %s", runner.camera_id, event.action, event.requested_by
                    )
                    await asyncio.to_thread(runner.accept_scene)
        finally:
            feed.close()


def _spec(camera: Camera) -> CameraSpec:
    addresses = stream_addresses(camera)
    return CameraSpec(
        camera_id=camera.id,
        detect_url=addresses.detect_url,
        record_url=addresses.record_url,
        detect_fps=camera.detect_fps,
        loop=camera.loop,
        scene_json=camera.scene or "{}",
        analytics_profile=camera.analytics_profile or "default",
    )
