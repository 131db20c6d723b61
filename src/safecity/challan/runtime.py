"""What the e-challan services need at run time, built once from the settings."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from dataclasses import field
from typing import TYPE_CHECKING
from typing import Annotated

from fastapi import Depends

from safecity.anpr.locations import CameraLocations
from safecity.challan.checks import ViolationCheck
from safecity.challan.checks import load_checks
from safecity.challan.evidence import ContextCollector
from safecity.challan.evidence import EvidenceArchive
from safecity.challan.fines import FineSchedule
from safecity.challan.fines import load_fine_schedule
from safecity.config.challan import ChallanSettings
from safecity.config.platform import ApiNodeSettings
from safecity.core.http.deps import runtime_dependency
from safecity.core.http.services import Services
from safecity.core.media import MediaStore
from safecity.core.ratelimit import RateLimiter
from safecity.core.ratelimit import node_rate_limiter
from safecity.registries.interfaces import VehicleRegistry
from safecity.registries.local_vehicles import LocalVehicleRegistry
from safecity.video.segment_store import RecordingsOnDisk
from safecity.video.segment_store import SegmentStore
from safecity.video.segment_store import recordings_dir

if TYPE_CHECKING:
    from safecity.config import Settings


@dataclass
class ChallanRuntime:
    settings: ChallanSettings
    fines: FineSchedule
    registry: VehicleRegistry = field(default_factory=LocalVehicleRegistry)  # the configured one: app.py
    media: MediaStore | None = None
    checks: list[ViolationCheck] = field(default_factory=list)
    context: ContextCollector | None = None  # context frames (integration point)
    archive: EvidenceArchive | None = None  # the evidence vault, once connected (integration point)
    locations: CameraLocations = field(default_factory=CameraLocations)
    recordings: SegmentStore | None = None  # the workers' recordings, to cut violation clips from (`clips`)
    clip_claims: ClipClaims = field(default_factory=lambda: ClipClaims())
    # the public ticket lookup's, per client address and per plate (`build_runtime` applies the setting)
    lookup_limiter: RateLimiter = field(default_factory=lambda: RateLimiter("10/minute"))

    def checks_for(self, object_class: str | None) -> list[ViolationCheck]:
        """The helmet / seat-belt checks a finished track of this class gets (none: nothing to do)."""
        return [check for check in self.checks if check.applies_to(object_class)]


class ClipClaims:
    """Violations whose clip this process is cutting right now, so the background job and an officer's
    request never cut the same clip at once. Holds at most the work in flight."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._busy: set[str] = set()

    def claim(self, violation_id: str, wait_seconds: float = 0.0) -> bool:
        """Take the violation; when another thread has it, wait up to `wait_seconds` for it to finish."""
        with self._changed:
            if not self._changed.wait_for(lambda: violation_id not in self._busy, timeout=wait_seconds):
                return False
            self._busy.add(violation_id)
            return True

    def release(self, violation_id: str) -> None:
        with self._changed:
            self._busy.discard(violation_id)
            self._changed.notify_all()


def build_runtime(
    settings: ChallanSettings,
    media: MediaStore | None = None,
    recordings: SegmentStore | None = None,
    nodes: ApiNodeSettings | None = None,
    registry: VehicleRegistry | None = None,
) -> ChallanRuntime:
    return ChallanRuntime(
        settings=settings,
        registry=registry or LocalVehicleRegistry(),
        fines=load_fine_schedule(settings.fine_schedule),
        media=media,
        checks=load_checks(settings.classifiers),
        recordings=recordings,
        lookup_limiter=node_rate_limiter(f"{settings.lookup_per_minute}/minute", nodes or ApiNodeSettings()),
    )


def build_node_runtime(
    settings: Settings, media: MediaStore, registry: VehicleRegistry | None = None
) -> ChallanRuntime:
    """The runtime of an API node: the configured recordings folder (or the workers' default one) and the
    configured vehicle registry (`registries.vehicles`)."""
    challan = settings.challan
    root = challan.recordings_dir or recordings_dir(settings.data_dir)
    return build_runtime(challan, media, RecordingsOnDisk(root), settings.api_nodes, registry)


def runtime_of(services: Services) -> ChallanRuntime:
    return services.runtimes.get(ChallanRuntime)


ChallanRuntimeDep = Annotated[ChallanRuntime, Depends(runtime_dependency(ChallanRuntime))]
