"""Helmet / seat-belt violations: run the configured checks on the best crop of each finished track."""

from __future__ import annotations

import cv2
import numpy as np
from sqlalchemy.orm import Session

from safecity.challan.evidence import EvidenceKind
from safecity.challan.intake import Draft
from safecity.challan.intake import as_text
from safecity.challan.intake import record_violation
from safecity.challan.runtime import ChallanRuntime
from safecity.core.bus import Event
from safecity.core.logs import get_logger
from safecity.core.media import MediaError

log = get_logger(__name__)


def ingest_track_ended(session: Session, runtime: ChallanRuntime, event: Event) -> list[Event]:
    object_class = event.payload.get("object_class")
    checks = runtime.checks_for(object_class)
    crop_sha = event.payload.get("snapshot_sha256")
    if not checks or not isinstance(crop_sha, str) or runtime.media is None or event.camera_id is None:
        return []
    try:
        data = runtime.media.path(crop_sha).read_bytes()
    except (MediaError, OSError) as error:
        log.warning("track crop not readable", sha256=crop_sha, error=str(error))
        return []
    image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    if image is None:
        return []
    events: list[Event] = []
    for check in checks:
        score = check.judge(image)
        if score is None:
            continue
        draft = Draft(
            source_key=f"{event.id}:{check.violation.value}",
            violation_type=check.violation,
            camera_id=event.camera_id,
            occurred_at=event.time,
            track_id=as_text(event.payload.get("track_id")),
            rule=check.violation.value,
            object_class=str(object_class),
            details={
                "source_event_id": str(event.id),
                "score": round(score, 3),
                "label": check.violation_label,
            },
        )
        draft.evidence.append((EvidenceKind.VEHICLE_CROP, crop_sha, event.time, None))
        events.extend(record_violation(session, runtime, draft))
    return events
