"""Footage on the workers' disks, as the API sees it: the recording index plus segments fetched on demand.

Workers keep what they record (`cameras.recording_index`); an API node lists a camera's segments from the
index merged with any it has on its own disk (a shared media volume still works), and, for playback, copies
each segment it lacks from the worker that holds it
(`GET {worker_address}/recordings/{camera}/{start_ms}.mp4`, authenticated by `RECORDINGS_KEY_HEADER`) into a
cache folder. The playback code then reads local files only.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import time
from pathlib import Path

import httpx

from safecity.cameras.recording_index import IndexedSegment
from safecity.cameras.recording_index import indexed_in
from safecity.config import Settings
from safecity.core.auth.tokens import load_or_create_secret
from safecity.core.db import Database
from safecity.core.errors import NotFoundError
from safecity.video.segment_store import RecordingsOnDisk
from safecity.video.segment_store import Segment
from safecity.video.segment_store import SegmentStore
from safecity.video.segment_store import recordings_dir

log = logging.getLogger(__name__)

RECORDINGS_KEY_HEADER = "X-Safecity-Recordings-Key"
FETCH_TIMEOUT_SECONDS = 30.0
#: Fetched segments unused this long are removed from the cache.
FETCHED_KEEP_SECONDS = 3600.0


class SegmentUnavailableError(NotFoundError):
    """A segment in the index could not be fetched from the worker that recorded it."""


def recordings_key(settings: Settings) -> str:
    """The key API nodes present to workers: an HMAC of the cluster's shared `auth.jwt_secret`, so the
    signing secret itself never travels. Nodes without a configured secret each make their own, and then
    do not agree: a cluster sets `auth.jwt_secret`."""
    secret = settings.auth.jwt_secret or load_or_create_secret(settings.data_dir / "jwt-secret.key")
    return hmac.new(secret.encode(), b"safecity worker recordings", hashlib.sha256).hexdigest()


def is_recordings_key(settings: Settings, presented: str | None) -> bool:
    return presented is not None and hmac.compare_digest(presented, recordings_key(settings))


class ClusterRecordings(SegmentStore):
    """A read-only `SegmentStore` over the local recordings folder and the cluster's recording index.

    With `fetch`, `segments()` first copies every listed segment not on this node's disk from its worker,
    so the paths it returns are readable files; without it (listings) nothing is fetched.
    """

    def __init__(
        self, local: RecordingsOnDisk, database: Database, settings: Settings, cache_dir: Path, *, fetch: bool
    ) -> None:
        super().__init__(local.root)
        self._local = local
        self._database = database
        self._key = recordings_key(settings)
        self._cache_dir = cache_dir
        self._fetch = fetch

    def segments(
        self, camera_id: str | None = None, start: float | None = None, end: float | None = None
    ) -> list[Segment]:
        if camera_id is None or start is None or end is None:
            raise ValueError("cluster recordings are read one camera and one window at a time")
        by_start = {round(s.start * 1000): s for s in self._local.segments(camera_id, start, end)}
        with self._database.session() as session:
            remote = [
                row for row in indexed_in(session, camera_id, start, end) if row.start_ms not in by_start
            ]
        if self._fetch and remote:
            self._forget_unused()
        for row in remote:
            segment = self._cached(row)
            if self._fetch:
                self._ensure_fetched(row, segment.path)
            by_start[row.start_ms] = segment
        return sorted(by_start.values())

    def _cached(self, row: IndexedSegment) -> Segment:
        path = self._cache_dir / row.camera_id / f"{row.start_ms}-{row.end_ms}.mp4"
        return Segment(row.start_ms / 1000, row.end_ms / 1000, row.camera_id, path, row.size_bytes)

    def _ensure_fetched(self, row: IndexedSegment, path: Path) -> None:
        try:
            os.utime(path)  # in use: keep it
            return
        except FileNotFoundError:
            pass
        if not row.worker_address:
            raise SegmentUnavailableError(
                f"camera {row.camera_id}'s segment {row.start_ms} is on worker {row.worker_id}, "
                "which has no address (start it with --address)"
            )
        url = f"{row.worker_address.rstrip('/')}/recordings/{row.camera_id}/{row.start_ms}.mp4"
        path.parent.mkdir(parents=True, exist_ok=True)
        private = path.with_name(f"{path.stem}.{os.getpid()}.{time.monotonic_ns()}.part")
        try:
            with (
                httpx.stream(
                    "GET", url, headers={RECORDINGS_KEY_HEADER: self._key}, timeout=FETCH_TIMEOUT_SECONDS
                ) as response,
                private.open("wb") as out,
            ):
                response.raise_for_status()
                for chunk in response.iter_bytes():
                    out.write(chunk)
            private.replace(path)
        except httpx.HTTPError as exc:
            log.warning("cannot fetch %s from worker %s: %s", url, row.worker_id, exc)
            raise SegmentUnavailableError(
                f"camera {row.camera_id}'s segment {row.start_ms} is on worker {row.worker_id} "
                f"({row.worker_address}), which did not deliver it: {exc}"
            ) from exc
        finally:
            private.unlink(missing_ok=True)

    def _forget_unused(self) -> None:
        cut_off = time.time() - FETCHED_KEEP_SECONDS
        for path in self._cache_dir.glob("*/*.mp4"):
            try:
                if path.stat().st_mtime < cut_off:
                    path.unlink()
            except FileNotFoundError:
                continue


def cluster_recordings(settings: Settings, database: Database, *, fetch: bool) -> ClusterRecordings:
    """This node's recordings folder and the index's; with `fetch`, segments on other workers are copied
    into this node's cache when they are read."""
    local = RecordingsOnDisk(recordings_dir(settings.data_dir))
    cache = settings.data_dir / "cache" / "worker-segments"
    return ClusterRecordings(local, database, settings, cache, fetch=fetch)
