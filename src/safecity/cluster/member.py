"""A worker's membership of the cluster: each tick it announces itself, renews, hands over and claims cameras.

`tick()` returns the cameras the worker holds (camera → lease epoch) and those it must stop and then hand
over with `hand_over()`. The first tick only announces the worker, so workers started together see each
other before they claim. The worker stamps each camera's events with the epoch its runner was started under,
which is how the API refuses a stale holder's events (see `fencing.py`).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field
from datetime import timedelta

from safecity.cluster import leases
from safecity.cluster.planning import ClusterView
from safecity.cluster.planning import Timing
from safecity.cluster.planning import plan_for
from safecity.config.cluster import ClusterSettings
from safecity.core.db import Database

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Tick:
    held: dict[str, int]  # camera → epoch: run these
    release: list[str] = field(default_factory=list)  # stop these, then `hand_over` them
    claimed: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)  # taken by another worker while this one was away


class ClusterMember:
    def __init__(
        self,
        database: Database,
        worker_id: str,
        *,
        capacity: float,
        settings: ClusterSettings,
        address: str | None = None,
    ) -> None:
        self.worker_id = worker_id
        self.capacity = capacity
        self.address = address
        self._database = database
        self._settings = settings
        self._timing = Timing.of(settings)
        self._held: dict[str, int] = {}
        self._announced = False
        # camera → (monotonic time until which it is not claimed back, the epoch it was handed over under)
        self._cooling: dict[str, tuple[float, int]] = {}
        self._move_tokens = 1.0
        self._tokens_at = time.monotonic()
        self._load = 0.0
        self._releasing: set[str] = set()  # planned hand-overs whose runners are still being stopped

    @property
    def held(self) -> dict[str, int]:
        return dict(self._held)

    @property
    def load(self) -> float:
        return self._load

    def tick(self) -> Tick:
        with self._database.session() as session:
            now = leases.database_now(session)
            leases.announce(
                session,
                self.worker_id,
                capacity=self.capacity,
                load=self._load,
                address=self.address,
                now=now,
            )
            still = leases.renew(session, self.worker_id, now=now, lease=self._timing.lease)
            lost = [cid for cid, epoch in self._held.items() if still.get(cid) != epoch]
            if not self._announced:
                self._announced = True
                self._held = still  # leases kept from before a restart stay ours (same epoch)
                return Tick(held=dict(still), lost=lost)
            view = leases.read_view(session, now=now, timing=self._timing)
            cooling = self._cooling_now(view)
            plan = plan_for(view, self.worker_id, self.capacity, cooling=cooling, move_budget=self._budget())
            gone = [cid for cid in still if cid not in view.cameras]  # disabled or deleted
            moves = [cid for cid in plan.release if cid not in gone and cid not in self._releasing]
            self._releasing = (self._releasing | set(gone) | set(plan.release)) & set(still)
            release = sorted(self._releasing)
            claimed = {}
            for camera_id in plan.claim:
                epoch = leases.claim(session, view, camera_id, self.worker_id, lease=self._timing.lease)
                if epoch is not None:
                    claimed[camera_id] = epoch
            self._load = sum(view.cameras[cid].cost for cid in {**still, **claimed} if cid in view.cameras)
        self._held = {**still, **claimed}
        self._spend(len(moves))
        if claimed:
            log.info("worker %s claimed %s", self.worker_id, ", ".join(sorted(claimed)))
        if lost:
            log.warning("worker %s lost the lease of %s to another worker", self.worker_id, ", ".join(lost))
        return Tick(held=dict(self._held), release=release, claimed=sorted(claimed), lost=lost)

    def hand_over(self, camera_ids: Iterable[str]) -> None:
        ids = [cid for cid in camera_ids if cid in self._held]
        if not ids:
            return
        with self._database.session() as session:
            leases.hand_over(session, self.worker_id, ids, now=leases.database_now(session))
        until = time.monotonic() + 2 * self._settings.lease_seconds + 60.0
        for camera_id in ids:
            self._cooling[camera_id] = (until, self._held[camera_id])
            self._held.pop(camera_id, None)
            self._releasing.discard(camera_id)
        log.info("worker %s handed over %s", self.worker_id, ", ".join(ids))

    def leave(self) -> None:
        with self._database.session() as session:
            leases.leave(session, self.worker_id, now=leases.database_now(session))
        self._held.clear()

    def _cooling_now(self, view: ClusterView) -> list[str]:
        """Cameras handed over recently, not to be claimed back: unless another worker has taken them since
        (their epoch moved on: then they are anyone's again when free), or nobody took them within two ticks
        (the worker meant to take them is gone)."""
        now = time.monotonic()
        unclaimed_for = timedelta(seconds=2 * self._settings.renew_seconds)
        kept = {}
        for camera_id, (until, epoch) in self._cooling.items():
            lease = view.leases.get(camera_id)
            moved_on = lease is None or lease.epoch != epoch
            left_alone = lease is not None and lease.expires_at <= view.now - unclaimed_for
            if until > now and not moved_on and not left_alone:
                kept[camera_id] = (until, epoch)
        self._cooling = kept
        return list(kept)

    def _budget(self) -> int:
        now = time.monotonic()
        rate = self._settings.moves_per_minute / 60.0
        self._move_tokens = min(1.0, self._move_tokens + (now - self._tokens_at) * rate)
        self._tokens_at = now
        return int(self._move_tokens)

    def _spend(self, moves: int) -> None:
        self._move_tokens -= moves
