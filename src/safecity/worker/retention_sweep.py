"""The worker's recording retention: age and disk quota, never footage under an evidence hold."""

from __future__ import annotations

import logging
import time

from safecity.video.retention import RetentionPolicy, RetentionResult, apply_retention
from safecity.video.segment_store import SegmentStore

log = logging.getLogger(__name__)


def evidence_hold(camera_id: str, start: float, end: float) -> bool:
    """Whether footage is held as evidence. The evidence domain does not exist yet: nothing is held."""
    return False


def sweep(store: SegmentStore, policy: RetentionPolicy, now: float | None = None) -> RetentionResult:
    result = apply_retention(store, policy, now=time.time() if now is None else now, is_held=evidence_hold)
    log.info(
        "retention sweep: %d segments deleted (%d bytes freed), %d held, %d bytes kept",
        len(result.deleted),
        result.freed_bytes,
        result.kept_for_holds,
        result.total_bytes,
    )
    return result
