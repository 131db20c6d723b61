"""`/api/v1/cameras/{id}/recordings` and `/video`: what a camera recorded, and its footage as MP4 or HLS;
`/recordings/export`: a window of it into an evidence case (`cameras.recording_export`).

Recorded video shows people, so every route is a purpose-bound personal-data read (audited before it runs)
with `events.read`: the control room that works alerts and incidents must be able to play back their moment,
which `evidence.read` (investigators and supervisors only) would refuse to operators. Segments are listed
from this node's recordings folder (`recordings_dir(data_dir)`, a shared volume if there is one) and the
cluster's recording index; to play one this node lacks, it is fetched from the worker that recorded it
(`cameras.worker_recordings`).
"""

from __future__ import annotations

import datetime as dt
import time
from enum import StrEnum
from typing import Annotated
from urllib.parse import quote
from urllib.parse import urlencode

from fastapi import APIRouter
from fastapi import Query
from fastapi import Response
from fastapi.responses import FileResponse
from pydantic import BaseModel
from pydantic import Field

from safecity.cameras import service
from safecity.cameras.recording_export import ExportRequest
from safecity.cameras.recording_export import export_to_case
from safecity.cameras.worker_recordings import ClusterRecordings
from safecity.cameras.worker_recordings import cluster_recordings
from safecity.core.auth.permissions import Permission
from safecity.core.errors import InvalidInputError
from safecity.core.http.access import PersonalDataAccess
from safecity.core.http.access import personal_data_read
from safecity.core.http.auditing import actor_of
from safecity.core.http.deps import ServicesDep
from safecity.core.http.security import Principal
from safecity.core.http.security import require
from safecity.core.http.services import Services
from safecity.evidence.schemas import ItemOut
from safecity.evidence.vault import get_item
from safecity.video import hls
from safecity.video.playback import MAX_WINDOW_SECONDS
from safecity.video.playback import timeline
from safecity.video.playback import window_mp4
from safecity.video.segment_store import RecordingsOnDisk
from safecity.video.segment_store import recordings_dir

router = APIRouter(prefix="/api/v1/cameras", tags=["recordings"])

ListAccess = Annotated[PersonalDataAccess, personal_data_read(Permission.EVENTS_READ, "recording.list")]
PlayAccess = Annotated[PersonalDataAccess, personal_data_read(Permission.EVENTS_READ, "recording.play")]
# The player fetches a media segment every few seconds; its own action keeps access reviews readable.
SegmentAccess = Annotated[PersonalDataAccess, personal_data_read(Permission.EVENTS_READ, "recording.segment")]
# Exporting is collecting evidence: the same permission as `POST /api/v1/evidence/items`.
Collector = Annotated[Principal, require(Permission.EVIDENCE_MANAGE)]

MAX_LISTING_SECONDS = 7 * 86_400.0
HLS_PLAYLIST_TYPE = "application/vnd.apple.mpegurl"
Start = Annotated[dt.datetime, Query(description="Start of the window, ISO 8601 with a time zone.")]
End = Annotated[dt.datetime, Query(description="End of the window, ISO 8601 with a time zone.")]


class VideoFormat(StrEnum):
    MP4 = "mp4"
    HLS = "hls"


class RecordedSegmentOut(BaseModel):
    start: dt.datetime
    end: dt.datetime
    bytes: int
    in_progress: bool = Field(
        False,
        description="The segment being written at the live edge: `end` is its last written moment; it "
        "cannot be played or exported until it is finished (at most `segment_seconds` later).",
    )


class RecordingGapOut(BaseModel):
    start: dt.datetime
    end: dt.datetime


class RecordingsOut(BaseModel):
    camera_id: str
    start: dt.datetime
    end: dt.datetime
    recorded_seconds: float = Field(description="Seconds of the window that segments cover.")
    segments: list[RecordedSegmentOut]
    gaps: list[RecordingGapOut] = Field(description="Stretches of the window no segment covers.")


@router.get(
    "/{camera_id}/recordings",
    response_model=RecordingsOut,
    summary="The segments a camera recorded in a window (at most 7 days) and the gaps between them",
)
def list_recordings(
    camera_id: str, start: Start, end: End, services: ServicesDep, _: ListAccess
) -> RecordingsOut:
    low, high = _window(start, end, MAX_LISTING_SECONDS)
    _known_camera(services, camera_id)
    writing = RecordingsOnDisk(recordings_dir(services.settings.data_dir)).in_progress(camera_id, time.time())
    found = timeline(_store(services, fetch=False), camera_id, low, high, in_progress=writing)
    live_edge = [found.in_progress] if found.in_progress else []
    return RecordingsOut(
        camera_id=camera_id,
        start=start,
        end=end,
        recorded_seconds=round(found.recorded_seconds, 3),
        segments=[
            RecordedSegmentOut(
                start=_time(s.start), end=_time(s.end), bytes=s.size_bytes, in_progress=s in live_edge
            )
            for s in [*found.segments, *live_edge]
        ],
        gaps=[RecordingGapOut(start=_time(g.start), end=_time(g.end)) for g in found.gaps],
    )


@router.get(
    "/{camera_id}/video",
    response_class=Response,
    summary="A window of footage (at most 1 hour), stream-copied: one MP4 to download, or an HLS playlist",
    responses={
        200: {
            "description": "`mp4`: the file (range requests work). `hls`: a playlist of fMP4 segments with "
            "`#EXT-X-PROGRAM-DATE-TIME`.",
            "content": {"video/mp4": {}, HLS_PLAYLIST_TYPE: {}},
        },
        404: {"description": "Nothing was recorded in the window."},
    },
)
def video(
    camera_id: str,
    start: Start,
    end: End,
    services: ServicesDep,
    access: PlayAccess,
    video_format: Annotated[
        VideoFormat, Query(alias="format", description="`mp4` to download, `hls` to play.")
    ] = VideoFormat.MP4,
) -> Response:
    low, high = _window(start, end, MAX_WINDOW_SECONDS)
    _known_camera(services, camera_id)
    store = _store(services, fetch=True)
    if video_format is VideoFormat.HLS:
        body = hls.playlist(store, camera_id, low, high, _segment_uris(camera_id, access))
        return Response(body, media_type=HLS_PLAYLIST_TYPE, headers={"Cache-Control": "no-store"})
    path = window_mp4(store, camera_id, low, high, services.settings.data_dir / "cache" / "playback")
    name = f"{camera_id}_{_stamp(start)}_{_stamp(end)}.mp4"
    return FileResponse(path, media_type="video/mp4", filename=name, headers={"Cache-Control": "no-store"})


@router.get(
    "/{camera_id}/video/hls/{segment_ms}/init.mp4",
    response_class=Response,
    summary="The init section (ftyp + moov) of one recorded segment, for an HLS playlist's EXT-X-MAP",
    responses={200: {"content": {"video/mp4": {}}}},
)
def hls_init(camera_id: str, segment_ms: int, services: ServicesDep, _: SegmentAccess) -> Response:
    return Response(
        hls.init_section(_store(services, fetch=True), camera_id, segment_ms), media_type="video/mp4"
    )


@router.get(
    "/{camera_id}/video/hls/{segment_ms}/{first}-{last}.m4s",
    response_class=Response,
    summary="Fragments first..last of one recorded segment: an HLS fMP4 media segment",
    responses={200: {"content": {"video/iso.segment": {}}}},
)
def hls_media(
    camera_id: str, segment_ms: int, first: int, last: int, services: ServicesDep, _: SegmentAccess
) -> Response:
    body = hls.media_section(_store(services, fetch=True), camera_id, segment_ms, first, last)
    return Response(body, media_type="video/iso.segment")


class RecordingExportIn(BaseModel):
    start: dt.datetime = Field(description="Start of the window, ISO 8601 with a time zone.")
    end: dt.datetime = Field(
        description="End of the window, ISO 8601 with a time zone; at most 1 hour after start."
    )
    case_id: int = Field(description="The open evidence case the clip is collected for.")
    purpose: str = Field(max_length=2000, description="Why the footage is exported (required, non-empty).")
    description: str = Field("", max_length=10_000, description="What the clip shows.")


@router.post(
    "/{camera_id}/recordings/export",
    response_model=ItemOut,
    status_code=201,
    summary="Export a window of footage (at most 1 hour) to an evidence case as one stream-copied MP4",
    description="The clip goes into the evidence vault (sha256, a `collected` custody entry with the "
    "purpose), the original segments that cover the window are put on a legal hold tied to the case "
    "(released like any hold), and the export is audited (`recording.export`), all in one transaction. "
    "Needs the permission to collect evidence. The answer is the evidence item, as "
    "`GET /api/v1/evidence/items/{id}` describes it.",
    responses={
        404: {"description": "Unknown camera, or nothing was recorded in the window."},
        422: {
            "description": "Bad input, naming the field: a time without zone, end not after start, a "
            "window over 1 hour, an unknown or closed case, an empty purpose."
        },
    },
)
def export_recording(
    camera_id: str, body: RecordingExportIn, services: ServicesDep, principal: Collector
) -> ItemOut:
    request = ExportRequest(camera_id, body.start, body.end, body.case_id, body.purpose, body.description)
    exported = export_to_case(
        request,
        actor_of(principal),
        database=services.database,
        media=services.media,
        recordings=_store(services, fetch=True),
        work_dir=services.settings.data_dir / "cache" / "exports",
    )
    with services.database.session() as session:
        return ItemOut.model_validate(get_item(session, exported.item_id), from_attributes=True)


def _window(start: dt.datetime, end: dt.datetime, longest: float) -> tuple[float, float]:
    for field, value in (("start", start), ("end", end)):
        if value.tzinfo is None or value.utcoffset() is None:
            raise InvalidInputError(
                "needs a time zone (e.g. 2026-12-02T14:00:00Z or +05:00)", field=field, location="query"
            )
    if end <= start:
        raise InvalidInputError("must be after start", field="end", location="query")
    seconds = (end - start).total_seconds()
    if seconds > longest:
        raise InvalidInputError(
            f"the window is {seconds:.0f} s long; at most {longest:.0f} s may be asked for at once",
            field="end",
            location="query",
        )
    return start.timestamp(), end.timestamp()


def _known_camera(services: Services, camera_id: str) -> None:
    with services.database.session() as session:
        service.get_camera(session, camera_id)


def _store(services: Services, *, fetch: bool) -> ClusterRecordings:
    return cluster_recordings(services.settings, services.database, fetch=fetch)


def _segment_uris(camera_id: str, access: PersonalDataAccess) -> hls.UriFor:
    """Absolute URIs of the playlist's files, carrying the purpose so each fetch passes the same check."""
    stated = {"purpose": access.purpose, **({"case_ref": access.case_ref} if access.case_ref else {})}
    query = urlencode(stated)
    base = f"/api/v1/cameras/{quote(camera_id, safe='')}/video/hls"

    def uri_for(segment_ms: int, name: str) -> str:
        return f"{base}/{segment_ms}/{name}?{query}"

    return uri_for


def _time(seconds: float) -> dt.datetime:
    return dt.datetime.fromtimestamp(seconds, dt.UTC)


def _stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
