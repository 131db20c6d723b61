"""Who is calling and what they may do: bearer tokens, permissions per route, client addresses."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated
from typing import Any

from fastapi import Depends
from fastapi import HTTPException
from fastapi import Query
from fastapi import Request
from fastapi import status
from fastapi.security import HTTPAuthorizationCredentials
from fastapi.security import HTTPBearer

from safecity.core.auth.permissions import Permission
from safecity.core.auth.permissions import Role
from safecity.core.auth.permissions import has_permission
from safecity.core.auth.service import UserNotFoundError
from safecity.core.auth.service import get_user
from safecity.core.auth.tokens import InvalidTokenError
from safecity.core.auth.tokens import TokenClaims
from safecity.core.http.services import Services
from safecity.core.http.services import get_services

_bearer = HTTPBearer(auto_error=False, description="JWT access token from POST /api/v1/auth/login")


@dataclass(frozen=True, slots=True)
class Principal:
    username: str
    role: Role
    client_address: str

    def can(self, permission: Permission) -> bool:
        return has_permission(self.role, permission)


def client_address(request: Request) -> str:
    return request.client.host if request.client else ""


def _unauthorized(detail: str) -> HTTPException:
    return HTTPException(status.HTTP_401_UNAUTHORIZED, detail, headers={"WWW-Authenticate": "Bearer"})


def principal_from_token(services: Services, token: str, address: str) -> Principal:
    """Decode a token and check the account is still active with the same role (roles can change)."""
    try:
        claims = services.tokens.decode(token)
    except InvalidTokenError as exc:
        raise _unauthorized(str(exc)) from exc
    return _active_principal(services, claims, address)


def principal_from_media_ticket(services: Services, ticket: str, address: str) -> Principal:
    """The holder of a media ticket (`POST /api/v1/auth/media-ticket`), checked like an access token."""
    try:
        claims = services.tokens.decode_media_ticket(ticket)
    except InvalidTokenError as exc:
        raise _unauthorized(f"media ticket: {exc}") from exc
    return _active_principal(services, claims, address)


def _active_principal(services: Services, claims: TokenClaims, address: str) -> Principal:
    with services.database.session() as session:
        try:
            user = get_user(session, claims.username)
        except UserNotFoundError:
            raise _unauthorized("unknown user") from None
        if not user.is_active:
            raise _unauthorized("account disabled")
        return Principal(user.username, Role(user.role), address)


def current_principal(
    request: Request,
    services: Annotated[Services, Depends(get_services)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    if credentials is None:
        raise _unauthorized("not authenticated")
    return principal_from_token(services, credentials.credentials, client_address(request))


CurrentPrincipal = Annotated[Principal, Depends(current_principal)]


def media_principal(
    request: Request,
    services: Annotated[Services, Depends(get_services)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    ticket: Annotated[
        str | None,
        Query(description="Media ticket (POST /api/v1/auth/media-ticket), for URLs an <img> loads itself."),
    ] = None,
) -> Principal:
    """The caller of a URL a browser may load itself (an <img>'s MJPEG stream or snapshot): the bearer header,
    or a short-lived media ticket as `?ticket=`. An access token in the URL is never accepted: URLs end up in
    access logs, browser history and Referer headers, and an access token is worth far more than a ticket."""
    address = client_address(request)
    if credentials is not None:
        return principal_from_token(services, credentials.credentials, address)
    if ticket:
        return principal_from_media_ticket(services, ticket, address)
    raise _unauthorized("not authenticated: send the bearer header or a media ticket as ?ticket=")


MediaPrincipal = Annotated[Principal, Depends(media_principal)]


def permitted(principal: Principal, permission: Permission) -> Principal:
    """The principal, when it holds `permission`; else 403 naming its role and the permission."""
    if not principal.can(permission):
        raise HTTPException(
            status.HTTP_403_FORBIDDEN,
            f"role {principal.role.value!r} lacks permission {permission.value!r}",
        )
    return principal


def require(permission: Permission) -> Any:
    """A dependency: the caller must be logged in (401) and hold `permission` (403)."""

    def check(principal: CurrentPrincipal) -> Principal:
        return permitted(principal, permission)

    check.__name__ = f"require_{permission.name.lower()}"
    return Depends(check)


def require_media(permission: Permission) -> Any:
    """`require` for media URLs: the bearer header or a media ticket (`media_principal`), and `permission`."""

    def check(principal: MediaPrincipal) -> Principal:
        return permitted(principal, permission)

    check.__name__ = f"require_media_{permission.name.lower()}"
    return Depends(check)
