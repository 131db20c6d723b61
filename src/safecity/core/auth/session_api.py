"""Sessions over HTTP: the refresh cookie, silent refresh, logout and media tickets.

The refresh token travels only in an HttpOnly, SameSite=Strict cookie scoped to `/api/v1/auth`, so the
console's JavaScript never sees it and no other route receives it. The access token stays short-lived;
the console trades the cookie for a new one before it ends (`POST /api/v1/auth/refresh`).
"""

from __future__ import annotations

from datetime import datetime
from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter
from fastapi import Cookie
from fastapi import Depends
from fastapi import HTTPException
from fastapi import Request
from fastapi import Response
from fastapi import status
from pydantic import BaseModel
from pydantic import Field

from safecity.core.audit.service import AuditRecord
from safecity.core.audit.service import append
from safecity.core.auth import refresh
from safecity.core.auth.service import UserView
from safecity.core.http.security import CurrentPrincipal
from safecity.core.http.security import client_address
from safecity.core.http.services import Services
from safecity.core.http.services import get_services

router = APIRouter(prefix="/api/v1/auth", tags=["auth"])
ServicesDep = Annotated[Services, Depends(get_services)]
REFRESH_COOKIE = "safecity_refresh"
REFRESH_COOKIE_PATH = "/api/v1/auth"


class SessionOut(BaseModel):
    """What a login or a refresh gives the console (the refresh token itself is in the cookie)."""

    access_token: str
    token_type: str = "bearer"
    expires_at: datetime = Field(description="When the access token ends; refresh before.")
    session_expires_at: datetime = Field(description="When the login ends (the shift); then log in again.")
    idle_lock_seconds: int = Field(description="Lock the console after this long without input (0: never).")


class MediaTicketOut(BaseModel):
    ticket: str = Field(description="For `?ticket=` on MJPEG, snapshot-free media and the live WebSocket.")
    expires_at: datetime = Field(description="Use it to open a URL before then; an open stream continues.")


def _now(services: Services) -> datetime:
    return services.clock.now()


def set_refresh_cookie(response: Response, request: Request, issued: refresh.IssuedRefresh) -> None:
    response.set_cookie(
        REFRESH_COOKIE,
        issued.token,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        path=REFRESH_COOKIE_PATH,
    )


def clear_refresh_cookie(response: Response) -> None:
    response.delete_cookie(REFRESH_COOKIE, path=REFRESH_COOKIE_PATH, httponly=True, samesite="strict")


def session_out(services: Services, user: UserView, issued: refresh.IssuedRefresh) -> SessionOut:
    access = services.tokens.issue(user.username, user.role)
    return SessionOut(
        access_token=access.token,
        expires_at=access.expires_at,
        session_expires_at=issued.expires_at,
        idle_lock_seconds=services.settings.auth.idle_lock_minutes * 60,
    )


def start_session(services: Services, request: Request, response: Response, user: UserView) -> SessionOut:
    """A password login's refresh family (cookie set on `response`) and first access token."""
    lifetime = timedelta(hours=services.settings.auth.session_hours)
    with services.database.session() as session:
        issued = refresh.start(session, user.username, now=_now(services), lifetime=lifetime)
    set_refresh_cookie(response, request, issued)
    return session_out(services, user, issued)


@router.post(
    "/refresh",
    response_model=SessionOut,
    summary="A new access token for the refresh cookie (which is rotated)",
    description=(
        "Needs the HttpOnly `safecity_refresh` cookie set at login. Each refresh token works once: the "
        "answer sets its successor. A token presented again after `auth.refresh_reuse_grace_seconds` "
        "revokes every token of that login (it was copied), and the login ends after `auth.session_hours`."
    ),
    responses={401: {"description": "No, unknown, expired, revoked or reused refresh token"}},
)
def refresh_session(
    request: Request,
    response: Response,
    services: ServicesDep,
    cookie: Annotated[str | None, Cookie(alias=REFRESH_COOKIE, include_in_schema=False)] = None,
) -> SessionOut:
    if not cookie:
        raise _refused("no refresh cookie: log in")
    grace = timedelta(seconds=services.settings.auth.refresh_reuse_grace_seconds)
    refused: refresh.RefreshRefusedError | None = None
    with services.database.session() as session:
        try:
            rotated = refresh.rotate(session, cookie, now=_now(services), grace=grace)
        except refresh.RefreshRefusedError as exc:
            refused = exc  # leave the block normally: a revocation must be committed
            if isinstance(exc, refresh.RefreshReusedError):
                append(
                    session,
                    AuditRecord(
                        actor=exc.username,
                        role="",
                        action="auth.refresh_reused",
                        object_type="user",
                        object_id=exc.username,
                        client_address=client_address(request),
                    ),
                )
    if refused is not None:
        raise _refused(str(refused))
    set_refresh_cookie(response, request, rotated.refresh)
    return session_out(services, rotated.user, rotated.refresh)


@router.post(
    "/logout",
    status_code=204,
    summary="End this login: revoke its refresh tokens and clear the cookie",
    description="Access tokens already issued stay valid until they expire (minutes).",
)
def logout(
    request: Request,
    services: ServicesDep,
    cookie: Annotated[str | None, Cookie(alias=REFRESH_COOKIE, include_in_schema=False)] = None,
) -> Response:
    answer = Response(status_code=status.HTTP_204_NO_CONTENT)
    if cookie:
        with services.database.session() as session:
            refresh.revoke(session, cookie, reason="logout", now=_now(services))
    clear_refresh_cookie(answer)
    return answer


@router.post(
    "/media-ticket",
    response_model=MediaTicketOut,
    summary="A short-lived ticket for media URLs (<img>, <video>, MJPEG, the live WebSocket)",
    description=(
        "Browsers cannot send an Authorization header for URLs they load themselves; pass this ticket as "
        "`?ticket=` instead of the access token. It lives `auth.media_ticket_seconds` (60 s), is refused as "
        "a bearer token, and is redacted from every log."
    ),
)
def media_ticket(principal: CurrentPrincipal, services: ServicesDep) -> MediaTicketOut:
    issued = services.tokens.issue_media_ticket(principal.username, principal.role.value, now=_now(services))
    return MediaTicketOut(ticket=issued.token, expires_at=issued.expires_at)


def _refused(detail: str) -> HTTPException:
    """401, clearing the cookie that cannot be used any more."""
    headers = {"WWW-Authenticate": "Bearer"}
    probe = Response()
    clear_refresh_cookie(probe)
    headers["set-cookie"] = probe.headers["set-cookie"]
    return HTTPException(status.HTTP_401_UNAUTHORIZED, detail, headers=headers)
