"""`CameraWorker`: runs the cameras whose leases it holds until told to stop.

Every `cluster.renew_seconds` it renews its leases, hands over and claims cameras (`cluster.member`) and
re-reads the registry for the cameras it holds (new, changed, disabled and deleted cameras take effect
without a restart); each event a camera produces carries the camera's lease epoch. Every `check_seconds`
it lets silent cameras go offline; every `model_check_seconds` it looks at the model registry and swaps a
newly fetched or imported detector into every camera (no restart); every `heartbeat_seconds` it
publishes a `worker.heartbeat` with each camera's state and rates; every `retention_seconds` it sweeps old
recordings. Operator commands (`camera.command`) reach the camera's runner through the bus, and signal
controller phases (`challan.signal_phase`) reach the worker's `signal_feed`, which its red-light rules read.
Cameras whose `analytics_profile` asks for ANPR share a lazily created pool of plate readers.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import time
from dataclasses import dataclass
from dataclasses import field
from dataclasses import replace

from sqlalchemy import Select
from sqlalchemy import select

from safecity.cameras.events import CameraCommandEvent
from safecity.cameras.events import WorkerHeartbeatEvent
from safecity.cameras.health_store import HEARTBEAT_SECONDS
from safecity.cameras.live_frames_setup import open_live_frames
from safecity.cameras.models import Camera
from safecity.cameras.recording_index import IndexingSegmentStore
from safecity.cameras.service import stream_addresses
from safecity.cluster.member import ClusterMember
from safecity.cluster.member import Tick
from safecity.config import Settings
from safecity.core.bus import Event
from safecity.core.bus import EventBus
from safecity.core.bus import LiveFeed
from safecity.core.db import Database
from safecity.core.media import MediaStore
from safecity.evidence.holds import HoldChecker
from safecity.pipeline.rules.signals import ControllerFeed
from safecity.video.health_types import HealthThresholds
from safecity.video.reconnect import Backoff
from safecity.video.retention import RetentionPolicy
from safecity.video.retention import apply_retention
from safecity.video.retention import quota_usage
from safecity.video.segment_store import SegmentStore
from safecity.video.segment_store import recordings_dir
from safecity.worker.camera_runner import CameraRunner
from safecity.worker.camera_runner import CameraSpec
from safecity.worker.camera_runner import RunnerContext
from safecity.worker.context_frames import ContextFrames
from safecity.worker.context_frames import ContextSettings
from safecity.worker.detector import DetectorVersion
from safecity.worker.detector import installed_detector_version
from safecity.worker.detector import load_detector
from safecity.worker.publisher import ThreadPublisher
from safecity.worker.reader_pool import ReaderPool
from safecity.worker.recordings_quota import quota_event
from safecity.worker.recordings_server import listen_address
from safecity.worker.recordings_server import serve_recordings
from safecity.worker.reid_stage import load_reid
from safecity.worker.signal_phases import follow_signal_phases
from safecity.worker.signal_phases import listen_to_signal_phases

log = logging.getLogger(__name__)

DEFAULT_UNITS_PER_CORE = 8.0  # 720p cameras analysed at 5 fps one core carries with room to spare


@dataclass(frozen=True, slots=True)
class WorkerOptions:
    worker_id: str = field(default_factory=socket.gethostname)
    record: bool = True
    segment_seconds: float = 60.0
    retention: RetentionPolicy = field(default_factory=lambda: RetentionPolicy(max_age_days=30))
    retention_seconds: float = 3600.0
    quota_alert_fraction: float = 0.9  # of `retention.max_total_bytes`: publish `recordings.quota` from here
    capacity: float | None = None  # cost units this worker can carry; None: DEFAULT_UNITS_PER_CORE per core
    address: str | None = None  # where the API reaches this worker (recordings, live pictures)
    check_seconds: float = 1.0
    heartbeat_seconds: float = HEARTBEAT_SECONDS
    retry_seconds: float = 30.0
    live_fps: float = 5.0
    live_overlay: bool = True  # also store live pictures with the detections drawn on them
    use_detector: bool = True
    model_check_seconds: float = 5.0  # how often the model registry is checked for a new detector
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
        if options.address:
            listen_address(options.address)  # a malformed address fails now, not in the background
        self.recordings = (
            IndexingSegmentStore(
                recordings_dir(settings.data_dir),
                database=database,
                worker_id=options.worker_id,
                worker_address=options.address,
            )
            if options.record
            else None
        )
        self.live = open_live_frames(settings)  # a folder, or a NATS bucket when the bus is NATS
        self.media = MediaStore(settings.media_dir)
        self.runners: dict[str, CameraRunner] = {}
        self.signal_feed = ControllerFeed()
        self.started = asyncio.Event()  # set once the worker's bus listeners are open
        self.member = ClusterMember(
            database,
            options.worker_id,
            capacity=options.capacity or DEFAULT_UNITS_PER_CORE * (os.cpu_count() or 1),
            settings=settings.cluster,
            address=options.address,
        )
        self._context: RunnerContext | None = None
        self._detector_version: DetectorVersion | None = None
        self._tick: Tick | None = None
        self._run_epochs: dict[str, int] = {}  # camera → the lease epoch its runner works under
        self._ticks = asyncio.Event()  # set when a lease tick has news for the runners

    async def run(self, stop: asyncio.Event) -> None:
        """Run until `stop` is set; then every camera is closed and pending events are stored."""
        await self.live.start()
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
        recordings_endpoint = (
            asyncio.create_task(serve_recordings(self.settings, self.recordings, self.options.address, stop))
            if self.recordings is not None and self.options.address
            else None
        )
        self.started.set()
        log.info("worker %s started", self.options.worker_id)
        leases = asyncio.create_task(self._keep_leases(stop))
        due = {
            "heartbeat": 0.0,
            "retention": time.monotonic() + 60.0,
            "models": time.monotonic() + self.options.model_check_seconds,
        }
        try:
            while not stop.is_set():
                now = time.monotonic()
                if self._ticks.is_set():
                    self._ticks.clear()
                    await self._follow_leases()
                for runner in list(self.runners.values()):
                    runner.check()
                if self.options.use_detector and now >= due["models"]:
                    due["models"] = now + self.options.model_check_seconds
                    await self._follow_models()
                if now >= due["heartbeat"]:
                    due["heartbeat"] = now + self.options.heartbeat_seconds
                    await self._heartbeat()
                if self.recordings is not None and now >= due["retention"]:
                    due["retention"] = now + self.options.retention_seconds
                    await self.sweep_recordings(self.recordings)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), self.options.check_seconds)
        finally:
            leases.cancel()
            commands.cancel()
            if recordings_endpoint is not None:
                recordings_endpoint.cancel()
            if signals is not None:
                signals.cancel()
            await asyncio.gather(*(asyncio.to_thread(r.stop) for r in self.runners.values()))
            self.runners.clear()
            await self.live.close()
            await publisher.drain()
            try:
                await asyncio.to_thread(self.member.leave)
            except Exception as exc:  # its leases simply expire
                log.error(
                    "worker %s could not hand its cameras over on leaving: %s", self.options.worker_id, exc
                )
            for task in (leases, commands, signals, recordings_endpoint):
                if task is not None:
                    with contextlib.suppress(asyncio.CancelledError):
                        await task
            log.info("worker %s stopped", self.options.worker_id)

    # ------------------------------------------------------------------------------------------- inside
    async def sweep_recordings(self, store: SegmentStore) -> None:
        """Retention by age and quota; footage under an evidence hold stays. A quota still 90 % full
        afterwards is published (`recordings.quota`), for an alert."""
        holds = HoldChecker(self._database)
        policy = self.options.retention
        result = await asyncio.to_thread(
            apply_retention, store, policy, now=time.time(), is_held=holds.is_held
        )
        log.info(
            "retention sweep: %d segments deleted (%d bytes freed), %d held, %d bytes kept",
            len(result.deleted),
            result.freed_bytes,
            result.kept_for_holds,
            result.total_bytes,
        )
        usage = quota_usage(result, policy, alert_fraction=self.options.quota_alert_fraction)
        if (event := quota_event(self.options.worker_id, usage)) is not None:
            log.warning("recordings use %d%% of their %d-byte quota", event.percent, event.quota_bytes)
            try:
                await self._bus.publish(event)
            except Exception as exc:  # the next sweep tells again; the cameras must go on
                log.error("could not publish the recordings quota alert: %s", exc)

    def _prepare(self, publisher: ThreadPublisher) -> RunnerContext:
        if self.recordings is not None:
            report = self.recordings.rebuild()
            log.info("recordings indexed: %d segments (%d recovered)", report.segments, report.recovered)
        if self.options.use_detector:
            self._detector_version = installed_detector_version(self.settings.models_dir)
            detector, reason = load_detector(self.settings.models_dir)
        else:
            detector, reason = None, ""
        return RunnerContext(
            worker_id=self.options.worker_id,
            publish=lambda event: publisher.publish(self._stamped(event)),
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
            plate_reader=(
                ReaderPool(self.options.plate_readers, models_dir=self.settings.models_dir)
                if self.options.anpr
                else None
            ),
            context=ContextFrames(self.media, self.options.context),
            signal_feed=self.signal_feed,
            reid=load_reid(self.settings.models_dir) if detector is not None else None,
        )

    async def _follow_models(self) -> None:
        """Swap in the detector the registry offers when it changed (a model fetched or imported)."""
        assert self._context is not None
        try:
            version = await asyncio.to_thread(installed_detector_version, self.settings.models_dir)
        except Exception as exc:  # the registry being rewritten; look again next time
            log.warning("worker %s cannot read the model registry: %s", self.options.worker_id, exc)
            return
        if version == self._detector_version:
            return
        self._detector_version = version
        context = await asyncio.to_thread(self._with_detector, self._context)
        self._context = context
        for runner in self.runners.values():
            runner.use(context)
        if context.detector is not None:
            log.info(
                "worker %s: detector %s installed; %d cameras now detect with it (no restart)",
                self.options.worker_id,
                context.detector.name,
                len(self.runners),
            )
        else:
            log.warning(
                "worker %s: %s; cameras track motion only", self.options.worker_id, context.no_detector_reason
            )

    def _with_detector(self, context: RunnerContext) -> RunnerContext:
        detector, reason = load_detector(self.settings.models_dir)
        return replace(
            context,
            detector=detector,
            no_detector_reason=reason or context.no_detector_reason,
            reid=load_reid(self.settings.models_dir) if detector is not None else None,
        )

    def _stamped(self, event: Event) -> Event:
        """The event with the epoch its camera's runner was started under, even once the lease is lost:
        then the API's fence refuses it."""
        epoch = self._run_epochs.get(event.camera_id or "")
        return event if epoch is None else event.model_copy(update={"lease_epoch": epoch})

    def _specs(self, camera_ids: list[str]) -> dict[str, CameraSpec]:
        with self._database.session() as session:
            return {camera.id: _spec(camera) for camera in session.scalars(_enabled(camera_ids))}

    async def _keep_leases(self, stop: asyncio.Event) -> None:
        """Renew and claim on the lease clock alone: slow camera work never makes a lease lapse. The first
        tick only announces the worker; the second follows within a second, so cameras start promptly."""
        first = True
        while not stop.is_set():
            try:
                self._tick = await asyncio.to_thread(self.member.tick)
                self._ticks.set()
            except Exception as exc:  # the database may be briefly unavailable; keep running what we have
                log.error(
                    "worker %s cannot reach the database to renew its camera leases (retrying in %.0f s): %s",
                    self.options.worker_id,
                    self.settings.cluster.renew_seconds,
                    exc,
                )
            pause = (
                min(1.0, self.settings.cluster.renew_seconds)
                if first
                else self.settings.cluster.renew_seconds
            )
            first = False
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), pause)

    async def _follow_leases(self) -> None:
        """Make the runners match the latest tick: stop what is lost or to hand over, start what was won."""
        tick = self._tick
        if tick is None:
            return
        try:
            keep = [cid for cid in tick.held if cid not in tick.release]
            wanted = await asyncio.to_thread(self._specs, keep)
        except Exception as exc:
            log.error("worker %s cannot read the camera registry: %s", self.options.worker_id, exc)
            return
        await self._stop_runners([r for cid, r in self.runners.items() if wanted.get(cid) != r.spec])
        if tick.release:
            try:
                await asyncio.to_thread(self.member.hand_over, tick.release)
            except Exception as exc:  # the leases expire on their own
                log.error("worker %s could not hand over %s: %s", self.options.worker_id, tick.release, exc)
        self._start_runners(wanted, tick.held)

    async def _stop_runners(self, outdated: list[CameraRunner]) -> None:
        if outdated:
            await asyncio.gather(*(asyncio.to_thread(runner.stop) for runner in outdated))
            for runner in outdated:
                del self.runners[runner.camera_id]
                self.live.forget(runner.camera_id)

    def _start_runners(self, wanted: dict[str, CameraSpec], epochs: dict[str, int]) -> None:
        assert self._context is not None
        for camera_id, spec in wanted.items():
            self._run_epochs[camera_id] = epochs[camera_id]
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
            await asyncio.wait_for(self._bus.publish(beat), self.options.heartbeat_seconds)
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


def _enabled(camera_ids: list[str]) -> Select[Camera]:
    return select(Camera).where(Camera.id.in_(camera_ids), Camera.enabled.is_(True)).order_by(Camera.id)


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
