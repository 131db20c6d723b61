"""Login and user administration over HTTP."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter
from fastapi import Depends
from fastapi import HTTPException
from fastapi import Request
from fastapi import Response
from fastapi import status
from pydantic import BaseModel
from pydantic import Field

from safecity.core.audit.service import AuditRecord
from safecity.core.audit.service import append
from safecity.core.auth import service
from safecity.core.auth.passwords import MIN_PASSWORD_LENGTH
from safecity.core.auth.permissions import Permission
from safecity.core.auth.permissions import Role
from safecity.core.auth.permissions import permissions_of
from safecity.core.auth.session_api import SessionOut
from safecity.core.auth.session_api import start_session
from safecity.core.http.actions import action
from safecity.core.http.security import CurrentPrincipal
from safecity.core.http.security import Principal
from safecity.core.http.security import client_address
from safecity.core.http.security import require
from safecity.core.http.services import Services
from safecity.core.http.services import get_services

router = APIRouter(prefix="/api/v1", tags=["auth"])
ServicesDep = Annotated[Services, Depends(get_services)]


class LoginRequest(BaseModel):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=256)


class UserOut(BaseModel):
    username: str
    full_name: str
    role: Role
    is_active: bool
    permissions: list[str]

    @classmethod
    def of(cls, user: service.UserView) -> UserOut:
        return cls(
            username=user.username,
            full_name=user.full_name,
            role=Role(user.role),
            is_active=user.is_active,
            permissions=permissions_of(user.role),
        )


class LoginResponse(SessionOut):
    user: UserOut


class UserCreate(BaseModel):
    username: str = Field(min_length=2, max_length=64, pattern=r"^[a-z0-9][a-z0-9_.-]+$")
    password: str = Field(min_length=MIN_PASSWORD_LENGTH, max_length=256)
    role: Role
    full_name: str = Field("", max_length=200)


class UserUpdate(BaseModel):
    role: Role | None = None
    is_active: bool | None = None


@router.post(
    "/auth/login",
    response_model=LoginResponse,
    summary="Exchange a username and password for an access token",
    description=(
        "Wrong passwords are throttled per username and address, per address and per username (see "
        "docs/security.md): past a free budget, attempts wait 15 s, doubling up to 15 min (429 with "
        "Retry-After), without checking the password. A username's usual addresses are never locked out by "
        "guesses from elsewhere. The client address is the connecting one, or X-Forwarded-For from "
        "`http.trusted_proxies` only. Sets the HttpOnly refresh cookie (`POST /api/v1/auth/refresh`)."
    ),
    responses={
        401: {"description": "Wrong username or password"},
        429: {"description": "Too many wrong passwords: wait Retry-After seconds"},
    },
)
def login(body: LoginRequest, request: Request, response: Response, services: ServicesDep) -> LoginResponse:
    address = client_address(request)
    throttle = services.login_throttle
    wait = throttle.wait_seconds(body.username, address)
    if wait:
        raise HTTPException(
            status.HTTP_429_TOO_MANY_REQUESTS,
            "too many wrong passwords; try again later",
            headers={"Retry-After": str(wait)},
        )
    with services.database.session() as session:
        user = service.authenticate(session, body.username, body.password)
        append(
            session,
            AuditRecord(
                actor=body.username,
                role=user.role if user else "",
                action="auth.login" if user else "auth.login_failed",
                object_type="user",
                object_id=body.username,
                client_address=address,
            ),
        )
    if user is None:
        throttle.failed(body.username, address)
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED, "wrong username or password", headers={"WWW-Authenticate": "Bearer"}
        )
    throttle.succeeded(body.username, address)
    started = start_session(services, request, response, user)
    return LoginResponse(**started.model_dump(), user=UserOut.of(user))


@router.get("/auth/me", response_model=UserOut, summary="The logged-in user, role and permissions")
def me(principal: CurrentPrincipal, services: ServicesDep) -> UserOut:
    with services.database.session() as session:
        return UserOut.of(service.UserView.of(service.get_user(session, principal.username)))


@router.get("/users", response_model=list[UserOut], tags=["users"], summary="List users")
def list_users(
    services: ServicesDep, _: Annotated[Principal, require(Permission.USERS_MANAGE)]
) -> list[UserOut]:
    with services.database.session() as session:
        return [UserOut.of(user) for user in service.list_users(session)]


@router.post(
    "/users", response_model=UserOut, status_code=201, tags=["users"], summary="Create a user with a role"
)
def create_user(
    body: UserCreate, services: ServicesDep, principal: Annotated[Principal, require(Permission.USERS_MANAGE)]
) -> UserOut:
    with action(services, principal) as act:
        user = service.create_user(act.session, body.username, body.password, body.role.value, body.full_name)
        act.audit("user.create", "user", user.username, role=user.role)
    return UserOut.of(user)


@router.patch(
    "/users/{username}",
    response_model=UserOut,
    tags=["users"],
    summary="Change a user's role or disable them",
    responses={409: {"description": "The change would leave no active admin"}},
)
def update_user(
    username: str,
    body: UserUpdate,
    services: ServicesDep,
    principal: Annotated[Principal, require(Permission.USERS_MANAGE)],
) -> UserOut:
    with action(services, principal) as act:
        user = service.UserView.of(service.get_user(act.session, username))
        if body.role is not None:
            user = service.set_role(act.session, username, body.role.value)
        if body.is_active is not None:
            user = service.set_active(act.session, username, body.is_active)
        act.audit("user.update", "user", username, **body.model_dump(exclude_none=True))
    return UserOut.of(user)
