"""`LeaseFence`: is an event stamped with lease epoch N still from the camera's rightful holder?

An event of epoch N is valid until the lease it was sent under ended: refused when the camera's lease has
moved on to a later epoch granted at or before the event's time, or when its lease (still epoch N) expired
before the event's time (the holder was paused or cut off and has not renewed). The lease rows are cached and
re-read every `refresh_seconds` (2 s: a holder renews every 3 s for 12 s, so a cached expiry is still seconds
ahead of a live holder's events, and a holder back from a pause sends events past its cached expiry), and at
once when an event shows an epoch newer than the cache; grants of past epochs never change and stay cached.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from datetime import datetime
from datetime import timedelta

from sqlalchemy import select

from safecity.cluster.models import CameraLease
from safecity.cluster.models import LeaseGrant
from safecity.core.bus import Event
from safecity.core.db import Database

CLOCK_TOLERANCE = timedelta(seconds=1)  # workers' clocks against the database's (NTP keeps them closer)


@dataclass(frozen=True, slots=True)
class _Lease:
    epoch: int
    expires_at: datetime


class LeaseFence:
    def __init__(self, database: Database, *, refresh_seconds: float = 2.0) -> None:
        self._database = database
        self._refresh_seconds = refresh_seconds
        self._leases: dict[str, _Lease] = {}
        self._read_at = float("-inf")
        self._grants: dict[tuple[str, int], datetime] = {}
        self._lock = asyncio.Lock()

    async def refusal(self, event: Event) -> str | None:
        if event.lease_epoch is None or event.camera_id is None:
            return None
        lease = await self._lease(event.camera_id, event.lease_epoch)
        if lease is None or event.lease_epoch > lease.epoch:
            return None  # no lease known (a camera outside the cluster's leases)
        if event.lease_epoch == lease.epoch:
            expired = event.time > lease.expires_at + CLOCK_TOLERANCE
            return "lease expired before the event" if expired else None
        successor = await self._granted_at(event.camera_id, event.lease_epoch + 1)
        if successor is not None and event.time >= successor - CLOCK_TOLERANCE:
            return "lease taken over by another worker"
        return None

    async def _lease(self, camera_id: str, epoch: int) -> _Lease | None:
        lease = self._leases.get(camera_id)
        stale = time.monotonic() - self._read_at > self._refresh_seconds
        if stale or lease is None or epoch > lease.epoch:
            await self._refresh()
        return self._leases.get(camera_id)

    async def _refresh(self) -> None:
        async with self._lock:
            started = time.monotonic()
            if started - self._read_at <= min(self._refresh_seconds, 0.05):
                return  # another caller just read them
            self._leases = await asyncio.to_thread(self._read_leases)
            self._read_at = started

    def _read_leases(self) -> dict[str, _Lease]:
        with self._database.session() as session:
            rows = session.execute(select(CameraLease.camera_id, CameraLease.epoch, CameraLease.expires_at))
            return {camera_id: _Lease(epoch, expires_at) for camera_id, epoch, expires_at in rows}

    async def _granted_at(self, camera_id: str, epoch: int) -> datetime | None:
        key = (camera_id, epoch)
        if key not in self._grants:
            found = await asyncio.to_thread(self._read_grant, camera_id, epoch)
            if found is None:
                return None
            self._grants[key] = found
        return self._grants[key]

    def _read_grant(self, camera_id: str, epoch: int) -> datetime | None:
        with self._database.session() as session:
            return session.scalar(
                select(LeaseGrant.granted_at).where(
                    LeaseGrant.camera_id == camera_id, LeaseGrant.epoch == epoch
                )
            )
