"""`/api/v1/cameras`: the registry, health for the map, uptime, snapshots, the MJPEG live view."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from datetime import UTC
from datetime import datetime
from email.utils import formatdate
from typing import Annotated

from fastapi import APIRouter
from fastapi import HTTPException
from fastapi import Query
from fastapi import Request
from fastapi import Response
from fastapi import status
from fastapi.responses import StreamingResponse
from sqlalchemy.orm import Session

from safecity.cameras import mjpeg_stream
from safecity.cameras import service
from safecity.cameras.credentials import masked_url
from safecity.cameras.events import CameraCommandEvent
from safecity.cameras.health_store import STALE_AFTER_SECONDS
from safecity.cameras.health_store import HealthView
from safecity.cameras.health_store import current_health
from safecity.cameras.health_store import uptime
from safecity.cameras.health_store import view_of
from safecity.cameras.jpeg_fit import scale_to_width
from safecity.cameras.live_frames import LiveFrame
from safecity.cameras.live_frames import LiveFrames
from safecity.cameras.live_frames import LiveFramesRuntime
from safecity.cameras.models import Camera
from safecity.cameras.models import CameraHealthRow
from safecity.cameras.schemas import CameraCreate
from safecity.cameras.schemas import CameraOut
from safecity.cameras.schemas import CameraUpdate
from safecity.cameras.schemas import HealthOut
from safecity.cameras.schemas import NearbyCameraOut
from safecity.cameras.schemas import UptimeDayOut
from safecity.cameras.schemas import UptimeOut
from safecity.core.auth.permissions import Permission
from safecity.core.db import utcnow
from safecity.core.http.actions import Action
from safecity.core.http.actions import action
from safecity.core.http.deps import ServicesDep
from safecity.core.http.outputs import from_row
from safecity.core.http.security import Principal
from safecity.core.http.security import require
from safecity.core.http.security import require_media
from safecity.core.http.services import Services

router = APIRouter(prefix="/api/v1/cameras", tags=["cameras"])
Reader = Annotated[Principal, require(Permission.CAMERAS_READ)]
Manager = Annotated[Principal, require(Permission.CAMERAS_MANAGE)]
# An <img> may load these itself: the bearer header or a media ticket as ?ticket=, never a token in the URL.
MediaReader = Annotated[Principal, require_media(Permission.CAMERAS_READ)]
MJPEG_BOUNDARY = "safecityframe"
MAX_STREAM_FPS = 25.0
MIN_STREAM_WIDTH, MAX_STREAM_WIDTH = 64, 3840


def live_frames(services: Services) -> LiveFrames:
    return services.runtimes.get(LiveFramesRuntime).frames


# ------------------------------------------------------------------------------------------------ CRUD
@router.get("", response_model=list[CameraOut], summary="Cameras with their current health")
def list_cameras(
    services: ServicesDep, _: Reader, district: str | None = None, enabled: bool | None = None
) -> list[CameraOut]:
    with services.database.session() as session:
        cameras = service.list_cameras(session, district=district, enabled=enabled)
        health = current_health(session, [c.id for c in cameras], now=utcnow())
    return [camera_out(camera, health[camera.id]) for camera in cameras]


@router.get("/near", response_model=list[NearbyCameraOut], summary="The cameras nearest to a point")
def near(
    services: ServicesDep,
    _: Reader,
    lat: Annotated[float, Query(ge=-90, le=90)],
    lon: Annotated[float, Query(ge=-180, le=180)],
    limit: Annotated[int, Query(ge=1, le=100)] = 5,
) -> list[NearbyCameraOut]:
    with services.database.session() as session:
        ranked = service.nearest(session, lat, lon, limit)
        health = current_health(session, [camera.id for camera, _ in ranked], now=utcnow())
    return [
        NearbyCameraOut(**camera_out(camera, health[camera.id]).model_dump(), distance_m=round(distance, 1))
        for camera, distance in ranked
    ]


@router.get("/{camera_id}", response_model=CameraOut)
def get_camera(camera_id: str, services: ServicesDep, _: Reader) -> CameraOut:
    with services.database.session() as session:
        camera = service.get_camera(session, camera_id)
        return camera_out(camera, _health(session, camera))


@router.post("", response_model=CameraOut, status_code=status.HTTP_201_CREATED)
def create_camera(data: CameraCreate, request: Request, services: ServicesDep, who: Manager) -> CameraOut:
    with action(services, who) as act:
        camera = service.create_camera(act.session, data)
        _audit(act, "camera.create", camera, sorted(data.model_fields_set | {"id"}))
        return camera_out(camera, _health(act.session, camera))


@router.patch("/{camera_id}", response_model=CameraOut, summary="Change the fields sent")
def update_camera(
    camera_id: str, data: CameraUpdate, request: Request, services: ServicesDep, who: Manager
) -> CameraOut:
    with action(services, who) as act:
        camera, fields = service.update_camera(act.session, camera_id, data)
        _audit(act, "camera.update", camera, fields)
        return camera_out(camera, _health(act.session, camera))


@router.delete("/{camera_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_camera(camera_id: str, request: Request, services: ServicesDep, who: Manager) -> Response:
    with action(services, who) as act:
        camera = service.get_camera(act.session, camera_id)
        _audit(act, "camera.delete", camera, [])
        service.delete_camera(act.session, camera_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


# ---------------------------------------------------------------------------------------- health & video
@router.get("/{camera_id}/uptime", response_model=UptimeOut, summary="Available and healthy % per day")
def camera_uptime(
    camera_id: str, services: ServicesDep, _: Reader, days: Annotated[int, Query(ge=1, le=366)] = 7
) -> UptimeOut:
    with services.database.session() as session:
        service.get_camera(session, camera_id)
        entries = uptime(session, camera_id, days=days, now=utcnow())
    return UptimeOut(
        camera_id=camera_id,
        days=[
            UptimeDayOut(
                day=entry.day,
                observed_seconds=round(entry.observed_seconds, 1),
                available_percent=_percent(entry.available_percent),
                healthy_percent=_percent(entry.healthy_percent),
            )
            for entry in entries
        ],
    )


@router.post(
    "/{camera_id}/accept-scene",
    status_code=status.HTTP_202_ACCEPTED,
    summary="Accept a moved camera's new view as its reference",
)
async def accept_scene(
    camera_id: str, request: Request, services: ServicesDep, who: Manager
) -> dict[str, str]:
    def record() -> None:
        with action(services, who) as act:
            _audit(act, "camera.accept_scene", service.get_camera(act.session, camera_id), [])

    await asyncio.to_thread(record)
    await services.bus.publish(
        CameraCommandEvent(camera_id=camera_id, action="accept_scene", requested_by=who.username)
    )
    return {"status": "sent to the camera's worker"}


@router.get(
    "/{camera_id}/snapshot.jpg",
    response_class=Response,
    responses={200: {"content": {"image/jpeg": {}}}, 404: {"description": "no picture yet"}},
    summary="The latest picture the worker stored (accepts ?ticket= for <img> tags)",
    description=(
        "A video-wall tile reads this once per picture it shows (bounded by the tile, and no stream holds "
        "one of the browser's six connections per server): `width` scales the picture down to the tile, and "
        "`live=true` asks the camera's worker for every picture while tiles keep reading."
    ),
)
async def snapshot(
    camera_id: str,
    services: ServicesDep,
    _: MediaReader,
    width: Annotated[
        int | None,
        Query(ge=MIN_STREAM_WIDTH, le=MAX_STREAM_WIDTH, description="Scale the picture down to this width."),
    ] = None,
    live: Annotated[
        bool, Query(description="Shown as live video (a wall tile): keep pictures coming.")
    ] = False,
) -> Response:
    await asyncio.to_thread(_check_camera, services, camera_id)
    frames = live_frames(services)
    if live:
        await frames.watch(camera_id)
    frame = await frames.latest(camera_id)
    if frame is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no picture from camera {camera_id!r} yet")
    headers = {"Cache-Control": "no-store", "Last-Modified": formatdate(frame.at, usegmt=True)}
    return Response(await _sized(frame.jpeg, width), media_type="image/jpeg", headers=headers)


@router.get(
    "/{camera_id}/mjpeg",
    response_class=StreamingResponse,
    summary="Live view as multipart MJPEG (accepts ?ticket= for <img> tags)",
    description=(
        "Streams until `frames` pictures were sent or the viewer goes away. 503 when the camera sends no "
        "picture within 10 s (its worker is down or the camera is offline). At most `fps` pictures a second "
        "are sent (the server waits between pictures, so a tile never receives more than it shows), scaled "
        "down to `width` pixels when given (a wall tile's sub-stream; the main stream is the camera's own "
        "size). The `ticket` query parameter is redacted from the access log; an access token in the URL "
        "(`?token=`) is refused."
    ),
    responses={503: {"description": "No picture from the camera in time"}},
)
async def mjpeg(
    camera_id: str,
    request: Request,
    services: ServicesDep,
    _: MediaReader,
    fps: Annotated[float, Query(gt=0, le=MAX_STREAM_FPS, description="Pictures a second, at most.")] = 5.0,
    width: Annotated[
        int | None,
        Query(ge=MIN_STREAM_WIDTH, le=MAX_STREAM_WIDTH, description="Scale pictures down to this width."),
    ] = None,
    frames: Annotated[int | None, Query(ge=1, description="Stop after this many pictures.")] = None,
    overlay: Annotated[
        bool, Query(description="Draw the zones, lines and tracked objects (when the worker provides them).")
    ] = False,
) -> StreamingResponse:
    await asyncio.to_thread(_check_camera, services, camera_id)
    pictures = live_frames(services).follow(camera_id, overlay=overlay, interval=1.0 / fps)
    try:
        first = await mjpeg_stream.first_picture(pictures, mjpeg_stream.FIRST_PICTURE_SECONDS)
    except mjpeg_stream.NoPictureError:
        await pictures.aclose()
        raise HTTPException(
            status.HTTP_503_SERVICE_UNAVAILABLE,
            f"no picture from camera {camera_id!r} in {mjpeg_stream.FIRST_PICTURE_SECONDS:g} s: "
            "is its worker running and the camera online?",
        ) from None

    async def parts() -> AsyncIterator[bytes]:
        async with contextlib.aclosing(pictures):
            frame: LiveFrame | None = first
            sent = 0
            while frame is not None:
                yield _part(await _sized(frame.jpeg, width))
                sent += 1
                if frames is not None and sent >= frames:
                    return
                frame = await mjpeg_stream.next_picture_or_gone(pictures, request.is_disconnected)

    return StreamingResponse(
        parts(),
        media_type=f"multipart/x-mixed-replace; boundary={MJPEG_BOUNDARY}",
        headers={"Cache-Control": "no-store"},
    )


# ------------------------------------------------------------------------------------------------ inside
def _check_camera(services: Services, camera_id: str) -> None:
    with services.database.session() as session:
        service.get_camera(session, camera_id)


async def _sized(jpeg: bytes, width: int | None) -> bytes:
    if width is None:
        return jpeg
    try:
        return await asyncio.to_thread(scale_to_width, jpeg, width)
    except ValueError:
        return jpeg  # not decodable here: the viewer's browser shows what it can


def _part(jpeg: bytes) -> bytes:
    header = f"--{MJPEG_BOUNDARY}\r\nContent-Type: image/jpeg\r\nContent-Length: {len(jpeg)}\r\n\r\n"
    return header.encode("ascii") + jpeg + b"\r\n"


def camera_out(camera: Camera, health: HealthView) -> CameraOut:
    def masked(url: str) -> str:
        return masked_url(url, camera.username, camera.password)

    return from_row(
        CameraOut,
        camera,
        url=masked(camera.url),
        sub_url=masked(camera.sub_url) if camera.sub_url else None,
        has_password=bool(camera.password),
        scene=json.loads(camera.scene or "{}"),
        health=_health_out(camera, health),
    )


def _health_out(camera: Camera, health: HealthView) -> HealthOut:
    if not camera.enabled:
        return HealthOut(state="unknown", since=None, fps=0.0, reason="camera disabled")
    return from_row(HealthOut, health)


def _health(session: Session, camera: Camera) -> HealthView:
    row = session.get(CameraHealthRow, camera.id)
    return view_of(row, now=datetime.now(UTC), stale_after=STALE_AFTER_SECONDS)


def _audit(act: Action, what: str, camera: Camera, fields: list[str]) -> None:
    act.audit(what, "camera", camera.id, **service.audit_details(fields, camera))


def _percent(value: float | None) -> float | None:
    return None if value is None else round(value, 2)
