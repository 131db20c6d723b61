"""Uploads into the content-addressed media store and reads back by hash, authorised by what the file
belongs to (see `core.http.media_access`)."""

from __future__ import annotations

from pathlib import PurePath
from typing import Annotated

from fastapi import APIRouter
from fastapi import Header
from fastapi import HTTPException
from fastapi import Query
from fastapi import UploadFile
from fastapi import status
from fastapi.responses import FileResponse
from pydantic import BaseModel

from safecity.core.audit.actors import audit_change
from safecity.core.auth.permissions import Permission
from safecity.core.http.access import checked_purpose
from safecity.core.http.actions import action
from safecity.core.http.auditing import actor_of
from safecity.core.http.deps import ServicesDep
from safecity.core.http.media_access import MediaRead
from safecity.core.http.media_access import MediaRule
from safecity.core.http.media_access import MediaRules
from safecity.core.http.security import CurrentPrincipal
from safecity.core.http.security import Principal
from safecity.core.http.security import require
from safecity.core.media import MediaError
from safecity.core.media import MediaNotFoundError

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


@router.get(
    "/{sha256}",
    summary="Download stored media by its sha256, as what it belongs to allows",
    response_class=FileResponse,
    description=(
        "Authorised by what the file belongs to, strictest first: an evidence item needs `evidence.read` "
        "and a `purpose`, and each read is written into the item's chain of custody and the audit log "
        "(`evidence.view`); a face sighting crop needs `faces.search` or `faces.confirm` and a `purpose` "
        "(audited, `faces.media_view`); a watchlist image needs `faces.search`, `faces.confirm` or "
        "`watchlists.manage`; any other file (a camera snapshot, context frame, plate "
        "crop, citizen photo) needs `cameras.read`. 403 names what the file is and the permission it "
        "takes; 422 on `purpose` when the file needs one."
    ),
    responses={
        403: {"description": "The caller lacks the permission the file's owner requires"},
        404: {"description": "No such file"},
    },
)
def download(
    sha256: str,
    services: ServicesDep,
    principal: CurrentPrincipal,
    purpose: Annotated[
        str | None, Query(description="Why the file is needed (audited); required for evidence and faces.")
    ] = None,
    case_ref: Annotated[str | None, Query(description="Case or incident reference (audited).")] = None,
    purpose_header: Annotated[str | None, Header(alias="X-Safecity-Purpose")] = None,
) -> FileResponse:
    try:
        path = services.media.path(sha256)
    except MediaNotFoundError as exc:
        raise HTTPException(status.HTTP_404_NOT_FOUND, str(exc)) from exc
    except MediaError as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(exc)) from exc
    with services.database.session() as session:
        rule = services.runtimes.get(MediaRules).rule_for(session, sha256)
        _check(rule, principal)
        if not rule.purpose_required:
            return FileResponse(path, headers={"Cache-Control": "private, max-age=86400, immutable"})
        read = MediaRead(
            sha256, actor_of(principal), checked_purpose(purpose, purpose_header), case_ref or ""
        )
        if rule.on_read is not None:
            rule.on_read(session, read)
        details = {"owner": rule.owner}
        audit_change(
            session,
            read.actor,
            rule.audit_action,
            "media",
            sha256,
            details,
            purpose=read.purpose,
            case_ref=read.case_ref,
        )
    return FileResponse(path, headers={"Cache-Control": "private, no-store"})  # each read is audited


def _check(rule: MediaRule, principal: Principal) -> None:
    if not any(principal.can(permission) for permission in rule.permissions):
        needed = " or ".join(sorted(permission.value for permission in rule.permissions))
        raise HTTPException(
            status.HTTP_403_FORBIDDEN,
            f"this file is {rule.owner}: role {principal.role.value!r} lacks permission {needed!r}",
        )
