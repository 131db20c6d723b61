"""Delete old recordings by age and by disk quota, oldest first, never footage under a hold.

The one purge of recorded segments: the worker applies its policy to the store it records into, and the
evidence retention sweeper purges a `RecordingsOnDisk` view of the same folders by age (and quota).
`quota_usage` tells the worker how full its quota is after a sweep, for the alert at 90 %.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from safecity.video.segment_store import Segment
from safecity.video.segment_store import SegmentStore

log = logging.getLogger(__name__)

#: is_held(camera_id, start, end) -> True when any part of [start, end] is under a legal or evidence hold.
HoldCheck = Callable[[str, float, float], bool]

_DAY = 86_400.0


def nothing_held(camera_id: str, start: float, end: float) -> bool:
    return False


@dataclass(frozen=True, slots=True)
class RetentionPolicy:
    max_age_days: float | None = None  # delete segments that ended longer ago than this
    max_total_bytes: int | None = None  # then delete the oldest until the store fits in this

    def __post_init__(self) -> None:
        if self.max_age_days is not None and self.max_age_days <= 0:
            raise ValueError(f"max_age_days must be positive, got {self.max_age_days}")
        if self.max_total_bytes is not None and self.max_total_bytes < 0:
            raise ValueError(f"max_total_bytes must not be negative, got {self.max_total_bytes}")


@dataclass(frozen=True, slots=True)
class RetentionResult:
    deleted: list[Segment]  # or, in a dry run, the segments that would be deleted
    kept_for_holds: int  # segments that would have been deleted but are held
    total_bytes: int  # what the store holds afterwards

    @property
    def freed_bytes(self) -> int:
        return sum(segment.size_bytes for segment in self.deleted)


def apply_retention(
    store: SegmentStore, policy: RetentionPolicy, *, now: float, is_held: HoldCheck = nothing_held
) -> RetentionResult:
    """Apply `policy` to all cameras in `store`. A hold check that fails counts as held: keep, never guess."""
    oldest_allowed = now - policy.max_age_days * _DAY if policy.max_age_days is not None else None
    return purge_segments(
        store, ended_before=oldest_allowed, max_total_bytes=policy.max_total_bytes, is_held=is_held
    )


def purge_segments(
    store: SegmentStore,
    *,
    ended_before: float | None,
    max_total_bytes: int | None = None,
    is_held: HoldCheck = nothing_held,
    dry_run: bool = False,
) -> RetentionResult:
    """Delete the segments that ended before `ended_before`, then the oldest until the store fits in
    `max_total_bytes`; held ones are kept. A dry run deletes nothing and reports what it would delete."""
    deleted: list[Segment] = []
    held = 0
    segments = store.segments()  # oldest first across all cameras
    total = sum(segment.size_bytes for segment in segments)
    for segment in segments:
        too_old = ended_before is not None and segment.end < ended_before
        over_quota = max_total_bytes is not None and total > max_total_bytes
        if not (too_old or over_quota):
            continue
        if _held(is_held, segment):
            held += 1
            continue
        if not dry_run:
            store.delete(segment)
        deleted.append(segment)
        total -= segment.size_bytes
    if max_total_bytes is not None and total > max_total_bytes:
        log.warning(
            "recordings use %d bytes, over the %d-byte quota: the rest is held", total, max_total_bytes
        )
    if deleted and not dry_run:
        log.info("retention deleted %d segments (%d bytes)", len(deleted), sum(s.size_bytes for s in deleted))
    return RetentionResult(deleted=deleted, kept_for_holds=held, total_bytes=total)


def _held(is_held: HoldCheck, segment: Segment) -> bool:
    try:
        return is_held(segment.camera_id, segment.start, segment.end)
    except Exception:
        log.exception("hold check failed for %s; keeping it", segment.path)
        return True


@dataclass(frozen=True, slots=True)
class QuotaUsage:
    used_bytes: int
    quota_bytes: int
    alert_fraction: float  # the share of the quota at and above which the worker raises an alert

    @property
    def fraction(self) -> float:
        return self.used_bytes / self.quota_bytes if self.quota_bytes else 1.0

    @property
    def near_full(self) -> bool:
        return self.fraction >= self.alert_fraction


def quota_usage(
    result: RetentionResult, policy: RetentionPolicy, *, alert_fraction: float = 0.9
) -> QuotaUsage | None:
    """How full the quota is after a sweep (held footage can keep it over), or None without a quota."""
    if policy.max_total_bytes is None:
        return None
    return QuotaUsage(result.total_bytes, policy.max_total_bytes, alert_fraction)
