"""The plate stage of a camera pipeline: tracked vehicles in, one voted plate per vehicle pass out.

Pure: no database, no bus. Per frame, each tracked vehicle of a plate-bearing class offers its view to
`BestViews`; a track is read at its best view (largest, sharpest, most frontal, once it stops improving), a
few times at most, and once more when it ends with a better unread view. Each read (and a crop of its plate)
goes to the camera's `PlateVoter`. Passes come out when the tracker ends a track, a track has not been seen
for `idle_seconds`, or (with `settle_reads`) a track has been read confidently often enough; `close()`
flushes the rest. A track whose pass came out is not read again while it lives. `max_reads_per_frame`
bounds the reader calls per frame (best views first). `read_every_frame` restores reading every frame.
"""

from __future__ import annotations

from collections import Counter
from collections import OrderedDict
from collections.abc import Iterable
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import replace
from typing import Protocol

import numpy as np

from safecity.video.frame import Image
from safecity.video.frame import PixelBox
from safecity.vision.boxes import Box
from safecity.vision.plates.best_frame import BestViews
from safecity.vision.plates.best_frame import View
from safecity.vision.plates.reader import PlateRead
from safecity.vision.plates.voting import PlateVoter
from safecity.vision.plates.voting import TrackId
from safecity.vision.plates.voting import VehiclePass
from safecity.vision.plates.voting import motion_direction
from safecity.vision.tracking import Track

DEFAULT_VEHICLE_LABELS = frozenset(
    {"car", "truck", "bus", "motorcycle", "motorbike", "van", "vehicle", "rickshaw", "pickup"}
)


class PlateReading(Protocol):
    """What the stage needs of a reader (`PlateReader` fits)."""

    def read(self, image_bgr: Image, vehicle_boxes: Sequence[PixelBox] | None = None) -> list[PlateRead]: ...


@dataclass(frozen=True, slots=True)
class TrackedVehicle:
    """One tracked object in this frame: its track id, box (x1, y1, x2, y2 in frame pixels) and class."""

    track_id: TrackId
    box: Box
    label: str

    @classmethod
    def from_track(cls, track: Track) -> TrackedVehicle:
        return cls(track.track_id, track.box, track.label)


@dataclass(frozen=True, slots=True)
class PlateStageConfig:
    """`vehicle_labels`: classes that carry plates. `idle_seconds`: a track unread this long is voted.
    `crop_margin`: share of the plate box added around the evidence crop. `min_vehicle_width`: narrower
    vehicles (too far away to read) are skipped. `max_reads_per_frame`: at most this many vehicles are read
    per frame, those tried least recently first (0 = all). `settle_reads`: a track with this many reads of
    one key at `settle_confidence` or more is voted at once and not read again (0 = never settle).
    `keep_snapshots`: keep the frame of each track's best read per key, for `take_snapshot`.
    `peak_patience`: a view is read when no better one came in this many frames; `reads_per_track`: at most
    this many reads of a track; `reread_gain`: a further read needs a view this many times better."""

    vehicle_labels: frozenset[str] = DEFAULT_VEHICLE_LABELS
    idle_seconds: float = 2.0
    crop_margin: float = 0.15
    min_vehicle_width: int = 40
    max_reads_per_frame: int = 0
    settle_reads: int = 0
    settle_confidence: float = 0.8
    keep_snapshots: bool = False
    read_every_frame: bool = False
    peak_patience: int = 2
    reads_per_track: int = 3
    reread_gain: float = 1.25

    def __post_init__(self) -> None:
        if self.crop_margin < 0:
            raise ValueError(f"crop_margin must be >= 0, got {self.crop_margin}")
        if self.min_vehicle_width < 1:
            raise ValueError(f"min_vehicle_width must be >= 1, got {self.min_vehicle_width}")
        if self.max_reads_per_frame < 0 or self.settle_reads < 0:
            raise ValueError("max_reads_per_frame and settle_reads must be >= 0")


def plate_crop(image: Image, box: PixelBox, margin: float) -> Image | None:
    """A copy of the plate region with a margin, clipped to the frame; None when nothing is left."""
    height, width = image.shape[:2]
    x1, y1, x2, y2 = box
    dx, dy = round((x2 - x1) * margin), round((y2 - y1) * margin)
    left, top = max(0, x1 - dx), max(0, y1 - dy)
    right, bottom = min(width, x2 + dx), min(height, y2 + dy)
    if right <= left or bottom <= top:
        return None
    return np.ascontiguousarray(image[top:bottom, left:right])


# At most this many plate keys per open track keep a snapshot (the best ones), and this many finished passes.
MAX_SNAPSHOT_KEYS = 4
MAX_READY_SNAPSHOTS = 64
# Track ids remembered after their pass came out (so a live track is not read twice); oldest forgotten first.
MAX_VOTED_TRACKS = 4096


def _pixels(box: Box) -> PixelBox:
    x1, y1, x2, y2 = box
    return round(x1), round(y1), round(x2), round(y2)


def _best(reads: Sequence[PlateRead]) -> PlateRead | None:
    return max(reads, key=lambda read: (read.matched, read.confidence), default=None)


class PlateStage:
    """One per camera. Call `process` for every analysed frame, `close` when the camera stops."""

    def __init__(self, reader: PlateReading, camera_id: str, config: PlateStageConfig | None = None) -> None:
        self.reader = reader
        self.camera_id = camera_id
        self.config = config or PlateStageConfig()
        self.voter = PlateVoter(camera_id, idle_seconds=self.config.idle_seconds)
        self.reads_attempted = 0
        self.views = BestViews(
            self.config.peak_patience, self.config.reread_gain, self.config.reads_per_track
        )
        self._motion: dict[TrackId, tuple[PixelBox, PixelBox]] = {}  # first and latest box of each open track
        self._tried: dict[TrackId, float] = {}  # open tracks: when each was last given to the reader
        self._confident: dict[TrackId, Counter[str]] = {}
        self._voted: OrderedDict[TrackId, None] = OrderedDict()
        self._frames: dict[TrackId, dict[str, tuple[tuple[bool, float], Image]]] = {}
        self._ready: OrderedDict[tuple[TrackId, float], Image] = OrderedDict()

    def process(
        self,
        image: Image,
        timestamp: float,
        vehicles: Sequence[TrackedVehicle],
        ended: Iterable[TrackId] = (),
    ) -> list[VehiclePass]:
        """Read this frame's vehicles; return the passes finished by `ended` tracks, settling or idleness."""
        passes: list[VehiclePass] = []
        for vehicle in vehicles:
            if self._readable(vehicle):
                box = _pixels(vehicle.box)
                self._motion[vehicle.track_id] = (self._motion.get(vehicle.track_id, (box, box))[0], box)
        while len(self._motion) > MAX_VOTED_TRACKS:  # tracks that vanished unread and unreported
            del self._motion[next(iter(self._motion))]
        if self.config.read_every_frame:
            for vehicle in self._to_read(vehicles):
                passes.extend(self._read(vehicle.track_id, View(0.0, image, _pixels(vehicle.box), timestamp)))
        else:
            for vehicle in vehicles:
                if self._readable(vehicle) and vehicle.track_id not in self._voted:
                    self.views.offer(vehicle.track_id, image, _pixels(vehicle.box), timestamp)
            peaks = self.views.ready()
            if self.config.max_reads_per_frame:
                peaks = peaks[: self.config.max_reads_per_frame]
            for track_id, view in peaks:
                self.views.taken(track_id)
                passes.extend(self._read(track_id, view))
        for track_id in ended:
            passes.extend(self._read_last_view(track_id))
            passes.extend(self._finish(track_id))
            self._voted.pop(track_id, None)
        for track_id in self.views.idle(timestamp, self.config.idle_seconds):
            passes.extend(self._read_last_view(track_id))
        for vehicle_pass in self.voter.flush_idle(timestamp):
            passes.extend(self._finish(vehicle_pass.track_id, vehicle_pass))
        self._forget_stale(timestamp)
        return passes

    def _read(self, track_id: TrackId, view: View) -> list[VehiclePass]:
        """Read one view of a track into its votes; the pass when the track settles."""
        self._tried[track_id] = view.timestamp
        self.reads_attempted += 1
        read = _best(self.reader.read(view.image, vehicle_boxes=[view.box]))
        if read is None:
            return []
        crop = plate_crop(view.image, read.box, self.config.crop_margin)
        self.voter.add(track_id, read, view.timestamp, crop)
        self._keep_frame(track_id, read, view.image)
        return self._finish(track_id) if self._settled(track_id, read) else []

    def _read_last_view(self, track_id: TrackId) -> list[VehiclePass]:
        """A track that ends or goes idle is read at its best unread view (unless its pass came out)."""
        view = self.views.last_view(track_id)
        if view is None or track_id in self._voted:
            return []
        return self._read(track_id, view)

    def close(self) -> list[VehiclePass]:
        """Read the unread best views, then vote every open track (end of stream)."""
        passes = [
            p for track_id in self.views.idle(float("inf"), 0.0) for p in self._read_last_view(track_id)
        ]
        passes.extend(self._moved(vehicle_pass) for vehicle_pass in self.voter.finish_all())
        for vehicle_pass in passes:
            self._ready_snapshot(vehicle_pass)
        self._motion.clear()
        self._tried.clear()
        self._confident.clear()
        self._voted.clear()
        self._frames.clear()
        return passes

    def take_snapshot(self, vehicle_pass: VehiclePass) -> Image | None:
        """The whole frame of the pass's best read (with `keep_snapshots`), once; None otherwise."""
        return self._ready.pop((vehicle_pass.track_id, vehicle_pass.best_timestamp), None)

    def _keep_frame(self, track_id: TrackId, read: PlateRead, image: Image) -> None:
        """Keep (a reference to) the frame of the best read of each key: the voter's best read is one."""
        if not self.config.keep_snapshots:
            return
        kept = self._frames.setdefault(track_id, {})
        score = (read.matched, read.confidence)
        if read.key not in kept or score > kept[read.key][0]:
            kept[read.key] = (score, image)
            if len(kept) > MAX_SNAPSHOT_KEYS:
                del kept[min(kept, key=lambda key: kept[key][0])]

    def _ready_snapshot(self, vehicle_pass: VehiclePass) -> None:
        kept = self._frames.pop(vehicle_pass.track_id, {})
        if vehicle_pass.key in kept:
            self._ready[(vehicle_pass.track_id, vehicle_pass.best_timestamp)] = kept[vehicle_pass.key][1]
            while len(self._ready) > MAX_READY_SNAPSHOTS:
                self._ready.popitem(last=False)

    def _to_read(self, vehicles: Sequence[TrackedVehicle]) -> list[TrackedVehicle]:
        candidates = [v for v in vehicles if self._readable(v) and v.track_id not in self._voted]
        limit = self.config.max_reads_per_frame
        if limit and len(candidates) > limit:
            candidates.sort(key=lambda v: (self._tried.get(v.track_id, float("-inf")), v.box[0] - v.box[2]))
            candidates = candidates[:limit]
        return candidates

    def _settled(self, track_id: TrackId, read: PlateRead) -> bool:
        if (
            not self.config.settle_reads
            or not read.matched
            or read.confidence < self.config.settle_confidence
        ):
            return False
        counts = self._confident.setdefault(track_id, Counter())
        counts[read.key] += 1
        return counts[read.key] >= self.config.settle_reads

    def _finish(self, track_id: TrackId, voted: VehiclePass | None = None) -> list[VehiclePass]:
        """Vote `track_id` now (unless `voted` already) and remember it so a live track is not read again."""
        self._tried.pop(track_id, None)
        self._confident.pop(track_id, None)
        self._voted[track_id] = None
        while len(self._voted) > MAX_VOTED_TRACKS:
            self._voted.popitem(last=False)
        vehicle_pass = voted or self.voter.finish(track_id)
        if vehicle_pass is None:
            self._frames.pop(track_id, None)
            self._motion.pop(track_id, None)
            return []
        vehicle_pass = self._moved(vehicle_pass)
        self._motion.pop(track_id, None)
        self._ready_snapshot(vehicle_pass)
        return [vehicle_pass]

    def _moved(self, vehicle_pass: VehiclePass) -> VehiclePass:
        """The pass's direction from the vehicle's own motion (a track read once has no plate motion)."""
        motion = self._motion.get(vehicle_pass.track_id)
        if motion is None:
            return vehicle_pass
        return replace(vehicle_pass, direction=motion_direction(*motion))

    def _forget_stale(self, now: float) -> None:
        """Bound memory when callers never report ended tracks: forget tracks not tried for a long time."""
        if len(self._tried) > MAX_VOTED_TRACKS:
            horizon = now - 10 * self.config.idle_seconds
            for track_id in [t for t, at in self._tried.items() if at < horizon]:
                del self._tried[track_id]
                self._motion.pop(track_id, None)
                self._confident.pop(track_id, None)
                self._frames.pop(track_id, None)

    def _readable(self, vehicle: TrackedVehicle) -> bool:
        x1, _, x2, _ = vehicle.box
        return vehicle.label in self.config.vehicle_labels and x2 - x1 >= self.config.min_vehicle_width
