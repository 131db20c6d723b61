"""Live ANPR for one camera: the pipeline's tracked vehicles → `PlateStage` → `plate.read` on the bus.

Plate reads carry the pipeline tracker's track ids, so a read and the rule events of the same vehicle
share `track_id` (e-challan attaches plates to violations by camera + track). The plate crop and the whole
frame of the best read go to the media store; the event holds their sha256.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from collections.abc import Sequence
from dataclasses import replace

from safecity.anpr.events import PlateReadEvent
from safecity.cameras.live_frames import encode_jpeg
from safecity.core.bus import Event
from safecity.core.media import MediaError
from safecity.core.media import MediaStore
from safecity.pipeline.camera import MOTION_LABEL
from safecity.video.frame import Frame
from safecity.video.frame import Image
from safecity.vision.plates.stage import PlateReading
from safecity.vision.plates.stage import PlateStage
from safecity.vision.plates.stage import PlateStageConfig
from safecity.vision.plates.stage import TrackedVehicle
from safecity.vision.plates.voting import VehiclePass
from safecity.vision.tracking import Track

log = logging.getLogger(__name__)

Publish = Callable[[Event], None]

# Bounded work per analysed frame: each vehicle is read at its best views (at most three times), at most one
# read per frame (≈ 50 ms of one core with the plate detector; other ready views wait a frame), and a vehicle
# read three times alike is done.
WORKER_STAGE = PlateStageConfig(
    max_reads_per_frame=1, settle_reads=3, settle_confidence=0.85, keep_snapshots=True
)


def stage_config(motion_only: bool, base: PlateStageConfig = WORKER_STAGE) -> PlateStageConfig:
    """Without a detector every track is labelled `motion`: read those too (no class to filter on)."""
    if not motion_only:
        return base
    return replace(base, vehicle_labels=base.vehicle_labels | {MOTION_LABEL})


class CameraPlates:
    def __init__(
        self,
        camera_id: str,
        reader: PlateReading,
        media: MediaStore,
        publish: Publish,
        *,
        worker_id: str,
        config: PlateStageConfig = WORKER_STAGE,
    ) -> None:
        self.stage = PlateStage(reader, camera_id, config)
        self._media = media
        self._publish = publish
        self._source = f"worker:{worker_id}"
        self.published = 0

    def process(self, frame: Frame, tracks: Sequence[Track], ended: Sequence[int] = ()) -> None:
        """`tracks`: the tracks the pipeline updated in this frame; `ended`: track ids it closed."""
        vehicles = [TrackedVehicle.from_track(track) for track in tracks]
        for vehicle_pass in self.stage.process(frame.image, frame.timestamp, vehicles, ended):
            self._emit(vehicle_pass)

    def close(self) -> None:
        for vehicle_pass in self.stage.close():
            self._emit(vehicle_pass)

    def _emit(self, vehicle_pass: VehiclePass) -> None:
        event = PlateReadEvent.from_pass(
            vehicle_pass,
            crop_sha256=self._store(vehicle_pass.best_crop),
            snapshot_sha256=self._store(self.stage.take_snapshot(vehicle_pass)),
            source=self._source,
        )
        self._publish(event)
        self.published += 1

    def _store(self, image: Image | None) -> str | None:
        if image is None or not image.size:
            return None
        try:
            return self._media.put_bytes(encode_jpeg(image), ".jpg").sha256
        except (MediaError, OSError, ValueError) as exc:
            log.error("camera %s: plate image not stored: %s", self.stage.camera_id, exc)
            return None
