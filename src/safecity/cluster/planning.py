"""Who should run what: the pure decisions behind a worker's lease tick (no database, no clock of its own).

Every worker computes the same picture from the same rows: the live workers, their capacities and the cameras
they hold. Shared cameras (not pinned, or pinned with `failover` to a worker that is gone) are spread in
proportion to capacity; a worker claims free cameras while it is under its share and hands cameras over,
a few per minute, while it is over its share and someone else has room. A camera handed over is not taken
back during a cool-down, so it moves at most once per rebalance.
"""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from datetime import timedelta

from safecity.config.cluster import ClusterSettings

FULL_COST_FPS = 5.0  # one cost unit = one camera analysed at 5 fps (720p)


@dataclass(frozen=True, slots=True)
class CameraDemand:
    id: str
    cost: float
    pinned_to: str | None = None
    failover: bool = False

    @classmethod
    def of(
        cls, camera_id: str, detect_fps: float, weight: float | None, worker: str | None, failover: bool
    ) -> CameraDemand:
        cost = weight if weight is not None else max(detect_fps, 0.1) / FULL_COST_FPS
        return cls(camera_id, cost, worker or None, failover)


@dataclass(frozen=True, slots=True)
class WorkerView:
    id: str
    capacity: float
    heartbeat_at: datetime
    stopped_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class LeaseView:
    camera_id: str
    worker_id: str
    epoch: int
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class Timing:
    lease: timedelta
    failover_grace: timedelta

    @classmethod
    def of(cls, settings: ClusterSettings) -> Timing:
        return cls(
            lease=timedelta(seconds=settings.lease_seconds),
            failover_grace=timedelta(seconds=settings.failover_grace_seconds),
        )


@dataclass(frozen=True, slots=True)
class Plan:
    claim: list[str]  # free cameras to try to claim, in order (another worker may win one)
    release: list[str]  # cameras to hand over (stop them first), most urgent first


class ClusterView:
    """The cluster as the rows show it at `now`; holders, loads and shares are worked out once, so a tick
    stays cheap with thousands of cameras."""

    def __init__(
        self,
        now: datetime,
        cameras: Iterable[CameraDemand],
        workers: Iterable[WorkerView],
        leases: Iterable[LeaseView],
        timing: Timing,
    ) -> None:
        self.now = now
        self.timing = timing
        self.cameras = {camera.id: camera for camera in cameras}
        self.workers = {worker.id: worker for worker in workers}
        self.leases = {lease.camera_id: lease for lease in leases}
        self._alive = {
            w.id
            for w in self.workers.values()
            if w.stopped_at is None and w.heartbeat_at > now - timing.lease
        }
        self._holders = {
            cid: lease.worker_id
            for cid, lease in self.leases.items()
            if lease.expires_at > now and lease.worker_id
        }
        self._load: dict[str, float] = {}
        self._shared_load: dict[str, float] = {}
        self._pinned_cost: dict[str, float] = {}
        self._shared_cost = 0.0
        for camera in self.cameras.values():
            holder = self._holders.get(camera.id)
            shared = self.shared(camera)
            if shared:
                self._shared_cost += camera.cost
            elif camera.pinned_to is not None:
                self._pinned_cost[camera.pinned_to] = (
                    self._pinned_cost.get(camera.pinned_to, 0.0) + camera.cost
                )
            if holder is not None:
                self._load[holder] = self._load.get(holder, 0.0) + camera.cost
                if shared:
                    self._shared_load[holder] = self._shared_load.get(holder, 0.0) + camera.cost
        self._capacity = sum(self.workers[w].capacity for w in self._alive)

    def alive(self, worker_id: str) -> bool:
        return worker_id in self._alive

    def gone_for_grace(self, worker_id: str) -> bool:
        worker = self.workers.get(worker_id)
        if worker is None or worker.stopped_at is not None:
            return True
        return worker.heartbeat_at <= self.now - self.timing.lease - self.timing.failover_grace

    def may_run(self, worker_id: str, camera: CameraDemand) -> bool:
        if camera.pinned_to in (None, worker_id):
            return True
        return camera.failover and self.gone_for_grace(camera.pinned_to)

    def shared(self, camera: CameraDemand) -> bool:
        """Spread over all workers (not kept by the worker it is pinned to)."""
        return camera.pinned_to is None or not self.alive(camera.pinned_to)

    def free(self, camera_id: str) -> bool:
        return camera_id not in self._holders

    def holder(self, camera_id: str) -> str | None:
        return self._holders.get(camera_id)

    def load(self, worker_id: str, *, shared_only: bool = False) -> float:
        return (self._shared_load if shared_only else self._load).get(worker_id, 0.0)

    def live_workers(self) -> list[WorkerView]:
        return [self.workers[w] for w in sorted(self._alive)]

    def share(self, worker_id: str) -> float:
        """The shared cost this worker should carry: its part of the shared cameras by capacity."""
        me = self.workers.get(worker_id)
        if me is None or self._capacity <= 0:
            return 0.0
        pinned = self._pinned_cost.get(worker_id, 0.0)
        return max(0.0, min(me.capacity - pinned, self._shared_cost * me.capacity / self._capacity))


def plan_for(
    view: ClusterView, me: str, capacity: float, *, cooling: Sequence[str] = (), move_budget: int = 1
) -> Plan:
    """What worker `me` should claim and hand over now."""
    mine = [camera for camera in view.cameras.values() if view.holder(camera.id) == me]
    release = [camera.id for camera in mine if not view.may_run(me, camera)]
    release += [
        camera.id
        for camera in mine
        if camera.pinned_to not in (None, me) and view.alive(camera.pinned_to or "")
    ]
    release = list(dict.fromkeys(release))
    release += _over_share(view, me, [c for c in mine if c.id not in release])[: max(0, move_budget)]
    return Plan(claim=_claims(view, me, capacity, cooling), release=release)


def _claims(view: ClusterView, me: str, capacity: float, cooling: Sequence[str]) -> list[str]:
    candidates = sorted(
        (
            camera
            for camera in view.cameras.values()
            if view.free(camera.id) and camera.id not in cooling and view.may_run(me, camera)
        ),
        key=lambda camera: (camera.pinned_to != me, camera.id),
    )
    load, shared_load, share = view.load(me), view.load(me, shared_only=True), view.share(me)
    chosen = []
    for camera in candidates:
        if load + camera.cost > capacity + 1e-9:
            continue
        if view.shared(camera):
            if shared_load >= share - 1e-9:
                continue
            shared_load += camera.cost
        load += camera.cost
        chosen.append(camera.id)
    return chosen


def _over_share(view: ClusterView, me: str, mine: Sequence[CameraDemand]) -> list[str]:
    """Shared cameras to hand over while over my share by more than one camera and someone has room."""
    shared = sorted((camera for camera in mine if view.shared(camera)), key=lambda c: c.id, reverse=True)
    excess = view.load(me, shared_only=True) - view.share(me)
    room = {
        worker.id: view.share(worker.id) - view.load(worker.id, shared_only=True)
        for worker in view.live_workers()
        if worker.id != me
    }
    handed: list[str] = []
    for camera in shared:
        if excess - camera.cost < -1e-9:
            break
        taker = next((w for w, free in room.items() if free >= camera.cost - 1e-9), None)
        if taker is None:
            break
        handed.append(camera.id)
        excess -= camera.cost
        room[taker] -= camera.cost
    return handed
