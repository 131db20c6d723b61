"""`recordings.quota`: a worker's recordings fill 90 % (`retention.recordings_alert_percent`) or more of its
disk quota after a retention sweep, what is left being held or recent footage; `alerts/sources.py` raises a
`storage` alert from it. Published after every sweep that ends at or above the mark."""

from __future__ import annotations

from typing import Literal

from safecity.core.bus import Event
from safecity.core.bus import register_event
from safecity.video.retention import QuotaUsage

GIB = 1024**3


@register_event
class RecordingsQuotaEvent(Event):
    type: Literal["recordings.quota"] = "recordings.quota"
    worker: str
    used_bytes: int
    quota_bytes: int
    percent: int  # of the quota used, rounded down
    used_gib: float
    quota_gib: float


def quota_event(worker_id: str, usage: QuotaUsage | None) -> RecordingsQuotaEvent | None:
    """The event to publish after a sweep, or None when there is no quota or it is below the mark."""
    if usage is None or not usage.near_full:
        return None
    return RecordingsQuotaEvent(
        worker=worker_id,
        used_bytes=usage.used_bytes,
        quota_bytes=usage.quota_bytes,
        percent=int(usage.fraction * 100),
        used_gib=round(usage.used_bytes / GIB, 2),
        quota_gib=round(usage.quota_bytes / GIB, 2),
    )
