"""One camera's analysis, frame by frame: pipeline → (ANPR) → (context frames) → bus events.

- Rule and track events go out as `rule.<type>` / `track.ended` with their snapshot in the media store.
- With ANPR on (`CameraPlates`), the tracks the pipeline updated in an analysed frame are read for plates;
  `plate.read` events carry the pipeline's track ids.
- With a face stage (`faces` profile), people tracked in an analysed frame are searched for faces; the best
  face of each finished track goes out as `face.sighting` (crop in the media store, embedding inline), which
  the faces service matches against the watchlist.
- With a re-id model installed (`ReidStage`), every finished person track goes out as `reid.appearance`
  (best crop in the media store, appearance vector inline) for person search across cameras.
- With a context ring (enforcement scenes), a violation event (red light, speeding, wrong way, lane) is held
  until the ring has the frame `after_seconds` later (or the stream ends), then published with the before /
  at / after frame hashes in its payload (`challan.evidence.context_payload`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from safecity.challan.evidence import context_payload
from safecity.core.bus import Event
from safecity.core.media import MediaStore
from safecity.pipeline.camera import CameraPipeline
from safecity.pipeline.events import EmittedEvent
from safecity.pipeline.events import EventType
from safecity.video.frame import Frame
from safecity.worker.bus_events import to_bus_event
from safecity.worker.camera_plates import CameraPlates
from safecity.worker.context_frames import ContextFrames
from safecity.worker.context_frames import FrameRing
from safecity.worker.face_stage import FaceSighting
from safecity.worker.face_stage import FaceStage
from safecity.worker.face_stage import TrackedPerson
from safecity.worker.face_stage import sighting_event
from safecity.worker.reid_stage import ReidStage
from safecity.worker.reid_stage import TrackAppearance
from safecity.worker.reid_stage import appearance_event

Publish = Callable[[Event], None]

CONTEXT_EVENTS = frozenset(
    {EventType.RED_LIGHT, EventType.SPEEDING, EventType.WRONG_WAY, EventType.LANE_VIOLATION}
)
FACE_TRACK_LABELS = frozenset({"person", "motion"})  # motion-only cameras have no classes to filter on
MAX_PENDING = 64  # violations waiting for their "after" frame; beyond this the oldest goes out at once


@dataclass(frozen=True, slots=True)
class _Pending:
    event: Event
    at: float


class CameraAnalysis:
    def __init__(
        self,
        pipeline: CameraPipeline,
        publish: Publish,
        media: MediaStore,
        *,
        worker_id: str,
        plates: CameraPlates | None = None,
        context: ContextFrames | None = None,
        faces: FaceStage | None = None,
        reid: ReidStage | None = None,
        fps: float = 5.0,
    ) -> None:
        self.pipeline = pipeline
        self.camera_id = pipeline.camera_id
        self.plates = plates
        self.faces = faces
        self.reid = reid
        self._publish = publish
        self._media = media
        self._worker_id = worker_id
        self._context = context
        self.ring: FrameRing | None = context.ring(self.camera_id, fps) if context is not None else None
        self._pending: list[_Pending] = []

    def process(self, frame: Frame) -> None:
        if self.ring is not None:
            self.ring.add(frame)
        analysed = self.pipeline.stats.analysed_frames
        emitted = self.pipeline.process(frame)
        if self.pipeline.stats.analysed_frames > analysed or _ended(emitted):
            current = [t for t in self.pipeline.tracker.active if t.last_seen == frame.timestamp]
            if self.plates is not None:
                self.plates.process(frame, current, _ended(emitted))
            if self.faces is not None:
                persons = [TrackedPerson(t.track_id, t.box) for t in current if t.label in FACE_TRACK_LABELS]
                self._publish_faces(self.faces.process(frame.image, persons, frame.timestamp))
            if self.reid is not None:
                people = [TrackedPerson(t.track_id, t.box) for t in current if t.label == "person"]
                self._publish_appearances(self.reid.process(frame.image, people, frame.timestamp))
        for item in emitted:
            self._emit(item)
        self._release(frame.timestamp)

    def finish(self) -> None:
        """End of stream: close every track, vote open plates, publish held violations with what there is."""
        emitted = self.pipeline.finish()
        for item in emitted:
            self._emit(item)
        if self.plates is not None:
            self.plates.close()
        if self.faces is not None:
            self._publish_faces(self.faces.close())
        if self.reid is not None:
            self._publish_appearances(self.reid.close())
        self._release(None)
        if self._context is not None:
            self._context.forget(self.camera_id)

    def _publish_faces(self, sightings: list[FaceSighting]) -> None:
        for sighting in sightings:
            self._publish(sighting_event(sighting, self._media, self.camera_id, self._worker_id))

    def _publish_appearances(self, appearances: list[TrackAppearance]) -> None:
        assert self.reid is not None
        model_id = self.reid.embedder.model_id
        for found in appearances:
            self._publish(appearance_event(found, self._media, self.camera_id, self._worker_id, model_id))

    def _emit(self, item: EmittedEvent) -> None:
        event = to_bus_event(item, self._media, worker=self._worker_id)
        if self._context is None or item.event.type not in CONTEXT_EVENTS:
            self._publish(event)
            return
        self._pending.append(_Pending(event, event.time.timestamp()))
        if len(self._pending) > MAX_PENDING:
            self._send(self._pending.pop(0))

    def _release(self, now: float | None) -> None:
        """Publish held violations whose "after" frame has arrived (all of them when `now` is None)."""
        if not self._pending:
            return
        waiting: list[_Pending] = []
        for pending in self._pending:
            if now is None or self._context is None or self._context.ready(self.camera_id, pending.at):
                self._send(pending)
            else:
                waiting.append(pending)
        self._pending = waiting

    def _send(self, pending: _Pending) -> None:
        event = pending.event
        if self._context is not None:
            items = self._context.collect(self.camera_id, event.time)
            event = event.model_copy(update={"payload": {**event.payload, **context_payload(items)}})
        self._publish(event)


def _ended(emitted: list[EmittedEvent]) -> list[int]:
    return [
        item.event.track_id
        for item in emitted
        if item.event.type is EventType.TRACK_ENDED and item.event.track_id is not None
    ]
