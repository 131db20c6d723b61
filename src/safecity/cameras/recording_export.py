"""Export a window of a camera's recordings to an evidence case: the one code path of
`POST /api/v1/cameras/{id}/recordings/export` and `safecity recordings export`.

The window is stream-copied into one MP4 (`clip_export`, from the keyframe at or before `start`), the file is
taken into the evidence vault (sha256, `collected` custody entry with the purpose), the original segments that
cover the window are put on a legal hold tied to the case, and the audit entry is written — the last three in
one transaction, so a clip is never in the vault without its hold and its audit entry. Releasing the hold and
closing the case let retention delete the segments again (an item of an open case protects its footage too).
"""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from safecity.cameras import service
from safecity.core.audit.actors import Actor
from safecity.core.audit.actors import audit_change
from safecity.core.db import Database
from safecity.core.errors import InvalidInputError
from safecity.core.media import MediaStore
from safecity.evidence import holds
from safecity.evidence import vault
from safecity.evidence.errors import EvidenceNotFoundError
from safecity.evidence.models import CASE_OPEN
from safecity.evidence.models import EvidenceItem
from safecity.evidence.models import LegalHold
from safecity.video.clip_export import ClipError
from safecity.video.clip_export import ClipInfo
from safecity.video.clip_export import export_clip
from safecity.video.playback import MAX_WINDOW_SECONDS
from safecity.video.playback import NoFootageError
from safecity.video.playback import footage_in
from safecity.video.segment_store import Segment
from safecity.video.segment_store import SegmentStore

AUDIT_ACTION = "recording.export"
PURPOSE_MAX_CHARS = 2000


@dataclass(frozen=True, slots=True)
class ExportRequest:
    camera_id: str
    start: dt.datetime
    end: dt.datetime
    case_id: int
    purpose: str
    description: str = ""

    def check(self) -> None:
        """422 naming the field for a window without a zone, reversed or over an hour, or no purpose."""
        for field, value in (("start", self.start), ("end", self.end)):
            if value.tzinfo is None or value.utcoffset() is None:
                raise InvalidInputError(
                    "needs a time zone (e.g. 2026-12-02T14:00:00Z or +05:00)", field=field
                )
        if self.end <= self.start:
            raise InvalidInputError("must be after start", field="end")
        seconds = (self.end - self.start).total_seconds()
        if seconds > MAX_WINDOW_SECONDS:
            raise InvalidInputError(
                f"the window is {seconds:.0f} s long; "
                f"at most {MAX_WINDOW_SECONDS:.0f} s may be exported at once",
                field="end",
            )
        if not self.purpose.strip():
            raise InvalidInputError("say why the footage is exported", field="purpose")
        if len(self.purpose) > PURPOSE_MAX_CHARS:
            raise InvalidInputError(f"at most {PURPOSE_MAX_CHARS} characters", field="purpose")


@dataclass(frozen=True, slots=True)
class ExportedClip:
    item_id: int
    sha256: str
    hold_id: int
    segments: int


def export_to_case(
    request: ExportRequest,
    actor: Actor,
    *,
    database: Database,
    media: MediaStore,
    recordings: SegmentStore,
    work_dir: Path,
) -> ExportedClip:
    """Cut, store, hold and audit; 422 for bad input or an unknown or closed case, 404 for an unknown camera
    or a window with no footage."""
    request.check()
    with database.session() as session:
        service.get_camera(session, request.camera_id)
        case_reference = _open_case(session, request.case_id)
    low, high = request.start.timestamp(), request.end.timestamp()
    segments = footage_in(recordings, request.camera_id, low, high)
    work_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=work_dir) as folder:
        try:
            clip = export_clip(recordings, request.camera_id, low, high, Path(folder) / "clip.mp4")
        except ClipError as exc:  # the segments overlap the window but hold no frame in it
            raise NoFootageError(str(exc)) from exc
        ref = media.put_file(clip.path, ".mp4")
    with database.session() as session:
        item = vault.add_item(
            session,
            media,
            ref.sha256,
            vault.ItemMetadata(
                kind="clip",
                case_id=request.case_id,
                camera_id=request.camera_id,
                start=request.start,
                end=request.end,
                filename=_filename(request),
                description=request.description,
            ),
            actor,
            purpose=request.purpose.strip(),
            details={"recording": _provenance(clip, segments)},
        )
        hold = _hold_segments(session, item, segments, request, case_reference, actor)
        audit_change(
            session,
            actor,
            AUDIT_ACTION,
            "evidence_item",
            item.id,
            {
                "camera_id": request.camera_id,
                "start": request.start.isoformat(),
                "end": request.end.isoformat(),
                "case_id": request.case_id,
                "sha256": item.sha256,
                "legal_hold": hold.id,
                "segments": len(segments),
            },
            purpose=request.purpose.strip(),
            case_ref=case_reference,
        )
        return ExportedClip(item.id, item.sha256, hold.id, len(segments))


def _open_case(session: Session, case_id: int) -> str:
    try:
        case = vault.get_case(session, case_id)
    except EvidenceNotFoundError:
        raise InvalidInputError(f"no evidence case {case_id}", field="case_id") from None
    if case.status != CASE_OPEN:
        raise InvalidInputError(
            f"case {case.reference} is closed; reopen it to add evidence", field="case_id"
        )
    return case.reference


def _hold_segments(
    session: Session,
    item: EvidenceItem,
    segments: list[Segment],
    request: ExportRequest,
    case_reference: str,
    actor: Actor,
) -> LegalHold:
    """A camera hold over the whole original segments the clip was cut from, tied to the case."""
    return holds.place_hold(
        session,
        actor,
        scope="camera",
        camera_id=request.camera_id,
        start=_utc(min(s.start for s in segments)),
        end=_utc(max(s.end for s in segments)),
        case_id=request.case_id,
        case_ref=case_reference,
        reason=f"original recordings of evidence item {item.id} (case {case_reference}): {request.purpose}",
    )


def _provenance(clip: ClipInfo, segments: list[Segment]) -> dict[str, object]:
    """Where the clip came from, for its custody: the first and last frame it holds and the segment files."""
    return {
        "first_frame": _utc(clip.start).isoformat(),
        "last_frame": _utc(clip.end).isoformat(),
        "frames": clip.packets,
        "segments": [s.path.name for s in segments],
    }


def _filename(request: ExportRequest) -> str:
    def stamp(moment: dt.datetime) -> str:
        return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")

    return f"{request.camera_id}_{stamp(request.start)}_{stamp(request.end)}.mp4"


def _utc(seconds: float) -> dt.datetime:
    return dt.datetime.fromtimestamp(seconds, dt.UTC)
