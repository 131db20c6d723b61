"""Uploads into the content-addressed media store and reads back by hash."""

from __future__ import annotations

from pathlib import PurePath
from typing import Annotated

from fastapi import APIRouter, HTTPException, UploadFile, status
from fastapi.responses import FileResponse
from pydantic import BaseModel

from safecity.core.auth.permissions import Permission
from safecity.core.http.actions import action
from safecity.core.http.deps import ServicesDep
from safecity.core.http.security import Principal, require
from safecity.core.media import MediaError, MediaNotFoundError

router = APIRouter(prefix="/api/v1/media", tags=["media"])


class MediaOut(BaseModel):
    sha256: str
    size: int
    suffix: str


@router.post(
    "", response_model=MediaOut, status_code=201, summary="Upload a file (bodies over the limit get 413)"
)
def upload(
    file: UploadFile, services: ServicesDep, principal: Annotated[Principal, require(Permission.MEDIA_UPLOAD)]
) -> MediaOut:
    suffix = PurePath(file.filename or "").suffix[:9]
    try:
        ref = services.media.put_stream(file.file, suffix)
    except MediaError as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(exc)) from exc
    with action(services, principal) as act:
        act.audit("media.upload", "media", ref.sha256, filename=file.filename, size=ref.size)
    return MediaOut(sha256=ref.sha256, size=ref.size, suffix=ref.suffix)


@router.get("/{sha256}", summary="Download stored media by its sha256", response_class=FileResponse)
def download(
    sha256: str, services: ServicesDep, _: Annotated[Principal, require(Permission.EVENTS_READ)]
) -> FileResponse:
    try:
        path = services.media.path(sha256)
    except MediaNotFoundError as exc:
        raise HTTPException(status.HTTP_404_NOT_FOUND, str(exc)) from exc
    except MediaError as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(exc)) from exc
    return FileResponse(path, headers={"Cache-Control": "private, max-age=86400, immutable"})
