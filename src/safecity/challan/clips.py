"""A short clip per violation, cut from the camera's continuous recordings (stream copy, no re-encoding).

A new violation gets `clip_status = pending` (the intake never waits for video: the segment holding the
violation's end is usually still being written when the rule event arrives). The clip is cut later:

- by the background job, a singleton job of the cluster (`run_clip_job`, every `clip_retry_seconds`, a
  bounded batch of due violations per round), and
- on demand when an officer opens the violation (`ensure_clip`).

A clip is cut once the recording reaches past the window's end (`clip_before_seconds` before to
`clip_after_seconds` after the violation), or when `clip_wait_seconds` after the violation have passed: then
whatever footage there is is cut (`clip_reason` tells when it covers only part of the window), and with no
footage at all the clip is `unavailable` with the reason. So a violation is retried only until its deadline.

Idempotent: the status moves from pending exactly once, by a conditional update in the transaction that
files the clip evidence, so two nodes (or the job and an officer's request) racing file one clip.
"""

from __future__ import annotations

import itertools
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy import update

from safecity.challan.evidence import EvidenceKind
from safecity.challan.evidence import add_evidence
from safecity.challan.models import Violation
from safecity.challan.runtime import ChallanRuntime
from safecity.challan.vocabulary import ClipStatus
from safecity.core.db import Database
from safecity.core.db import utcnow
from safecity.core.leadership import repeat_in_thread
from safecity.core.logs import get_logger
from safecity.core.media import MediaError
from safecity.video.clip_export import ClipError
from safecity.video.clip_export import ClipInfo
from safecity.video.clip_export import export_clip
from safecity.video.segment_store import Segment

log = get_logger(__name__)

# Footage missing by less than this at the window's edges or between segments still counts as covering it.
COVER_TOLERANCE_SECONDS = 1.0
# An officer's request waits this long for a clip the background job is cutting at that moment.
ON_DEMAND_WAIT_SECONDS = 30.0


@dataclass(frozen=True, slots=True)
class ClipOutcome:
    status: ClipStatus | None
    reason: str | None = None
    sha256: str | None = None
    clip_start: datetime | None = None  # when the clip's first frame was recorded


def initial_clip_status(runtime: ChallanRuntime) -> str | None:
    """The status a new violation starts with (None when clips are turned off)."""
    return ClipStatus.PENDING.value if runtime.settings.clip_enabled else None


def clip_window(runtime: ChallanRuntime, occurred_at: datetime) -> tuple[float, float]:
    """Epoch seconds [start, end] of the clip of a violation at `occurred_at`."""
    at = occurred_at.timestamp()
    return at - runtime.settings.clip_before_seconds, at + runtime.settings.clip_after_seconds


def can_cut(runtime: ChallanRuntime) -> bool:
    return runtime.settings.clip_enabled and runtime.recordings is not None and runtime.media is not None


def ensure_clip(
    database: Database,
    runtime: ChallanRuntime,
    violation_id: str,
    now: datetime,
    wait_seconds: float = ON_DEMAND_WAIT_SECONDS,
) -> ClipOutcome:
    """Try to attach the clip of one violation if it is still pending; returns its clip status afterwards.

    When this process is already cutting it, waits up to `wait_seconds` for that to finish."""
    if not can_cut(runtime):
        return _stored(database, violation_id)
    if not runtime.clip_claims.claim(violation_id, wait_seconds):
        return ClipOutcome(ClipStatus.PENDING, "the clip is being cut")
    try:
        with database.session() as session:
            row = session.execute(
                select(Violation.camera_id, Violation.occurred_at, Violation.clip_status).where(
                    Violation.id == violation_id
                )
            ).one_or_none()
        if row is None or row.clip_status != ClipStatus.PENDING.value:
            return _stored(database, violation_id)
        outcome = _attempt(runtime, row.camera_id, row.occurred_at, now)
        return _record(database, violation_id, outcome)
    finally:
        runtime.clip_claims.release(violation_id)


def _stored(database: Database, violation_id: str) -> ClipOutcome:
    with database.session() as session:
        violation = session.get(Violation, violation_id)
        if violation is None or violation.clip_status is None:
            return ClipOutcome(None)
        return ClipOutcome(ClipStatus(violation.clip_status), violation.clip_reason)


def attach_due_clips(database: Database, runtime: ChallanRuntime, now: datetime) -> int:
    """One round of the background job: pending violations whose window has ended, oldest first, at most
    `clip_batch`. Returns how many left the pending state."""
    if not can_cut(runtime):
        return 0
    settings = runtime.settings
    due_before = now - timedelta(seconds=settings.clip_after_seconds)
    with database.session() as session:
        due = list(
            session.scalars(
                select(Violation.id)
                .where(Violation.clip_status == ClipStatus.PENDING.value, Violation.occurred_at <= due_before)
                .order_by(Violation.occurred_at)
                .limit(settings.clip_batch)
            )
        )
    settled = 0
    for violation_id in due:
        try:
            outcome = ensure_clip(database, runtime, violation_id, now, wait_seconds=0)
        except Exception:  # one bad violation must not stop the others
            log.exception("cutting a violation clip failed", violation_id=violation_id)
            continue
        settled += outcome.status is not ClipStatus.PENDING
    return settled


async def run_clip_job(
    database: Database, runtime: ChallanRuntime, clock: Callable[[], datetime] = utcnow
) -> None:
    """Retry pending clips every `clip_retry_seconds` until cancelled."""
    await repeat_in_thread(
        lambda: attach_due_clips(database, runtime, clock()),
        runtime.settings.clip_retry_seconds,
        log_failure=log.exception,
        failure="the violation clip job failed a round",
    )


def _attempt(runtime: ChallanRuntime, camera_id: str, occurred_at: datetime, now: datetime) -> ClipOutcome:
    """Cut the clip when its footage is final; a pending outcome means: try again later."""
    assert runtime.recordings is not None
    assert runtime.media is not None
    start, end = clip_window(runtime, occurred_at)
    deadline = occurred_at + timedelta(seconds=runtime.settings.clip_wait_seconds)
    final = now >= deadline
    segments = runtime.recordings.segments(camera_id, start, end)
    # Segments are finished in order, so footage at or after the window's end means it will not grow.
    reached = bool(segments and segments[-1].end >= end) or bool(
        runtime.recordings.segments(camera_id, end, None)
    )
    if not segments:
        if reached or final:
            return ClipOutcome(
                ClipStatus.UNAVAILABLE,
                f"no recording of camera {camera_id} from {_iso(start)} to {_iso(end)}",
            )
        return ClipOutcome(ClipStatus.PENDING, "waiting for the recording")
    if not reached and not final:
        return ClipOutcome(ClipStatus.PENDING, "the recording of the window is still being written")
    try:
        with tempfile.TemporaryDirectory(prefix="safecity-clip-") as folder:
            info = export_clip(runtime.recordings, camera_id, start, end, Path(folder) / "clip.mp4")
            ref = runtime.media.put_file(info.path, ".mp4")
    except (ClipError, MediaError, OSError) as error:
        reason = f"cutting the clip failed: {error}"
        if final:
            return ClipOutcome(ClipStatus.UNAVAILABLE, reason)
        log.warning("violation clip not cut yet", camera_id=camera_id, error=str(error))
        return ClipOutcome(ClipStatus.PENDING, reason)
    note = _coverage_note(segments, info, start, end)
    return ClipOutcome(ClipStatus.ATTACHED, note, ref.sha256, datetime.fromtimestamp(info.start, UTC))


def _coverage_note(segments: list[Segment], info: ClipInfo, start: float, end: float) -> str | None:
    """None when the clip covers the whole window; else what part of it the footage covers."""
    gaps = [b.start - a.end for a, b in itertools.pairwise(segments)]
    covered = (
        segments[0].start <= start + COVER_TOLERANCE_SECONDS
        and segments[-1].end >= end - COVER_TOLERANCE_SECONDS
        and all(gap <= COVER_TOLERANCE_SECONDS for gap in gaps)
    )
    if covered:
        return None
    note = f"partial: footage from {_iso(info.start)} to {_iso(info.end)} of {_iso(start)} to {_iso(end)}"
    if any(gap > COVER_TOLERANCE_SECONDS for gap in gaps):
        note += " (with gaps)"
    return note


def _record(database: Database, violation_id: str, outcome: ClipOutcome) -> ClipOutcome:
    """Store the outcome if the violation is still pending (the first to settle it wins)."""
    with database.session() as session:
        changed = session.execute(
            update(Violation)
            .where(Violation.id == violation_id, Violation.clip_status == ClipStatus.PENDING.value)
            .values(
                clip_status=(outcome.status or ClipStatus.PENDING).value,
                clip_reason=outcome.reason,
                clip_attempts=Violation.clip_attempts + 1,
            )
            .execution_options(synchronize_session=False)
        )
        violation = session.get(Violation, violation_id)
        if violation is None:
            return ClipOutcome(None)
        if getattr(changed, "rowcount", 0) != 1:  # settled meanwhile by another node or request
            session.refresh(violation)
            status = violation.clip_status
            return ClipOutcome(ClipStatus(status) if status else None, violation.clip_reason)
        if outcome.status is ClipStatus.ATTACHED and outcome.sha256 is not None:
            add_evidence(session, violation, EvidenceKind.CLIP, outcome.sha256, outcome.clip_start)
        if outcome.status is not ClipStatus.PENDING:
            log.info(
                "violation clip settled",
                violation_id=violation_id,
                status=outcome.status,
                reason=outcome.reason,
            )
    return outcome


def _iso(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, UTC).isoformat(timespec="milliseconds")
