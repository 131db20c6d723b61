"""`GET /metrics` for Prometheus, not for everyone: the scrape token of `http.metrics_token`, or a logged-in
user with `system.manage` (request counts by route, leadership and job state tell an attacker a lot)."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import APIRouter
from fastapi import Depends
from fastapi import HTTPException
from fastapi import Request
from fastapi import Response
from fastapi import status
from fastapi.security import HTTPAuthorizationCredentials
from fastapi.security import HTTPBearer
from prometheus_client import CONTENT_TYPE_LATEST
from prometheus_client import REGISTRY
from prometheus_client import generate_latest

from safecity.core.auth.permissions import Permission
from safecity.core.http.deps import ServicesDep
from safecity.core.http.security import client_address
from safecity.core.http.security import permitted
from safecity.core.http.security import principal_from_token

router = APIRouter(tags=["health"])
_bearer = HTTPBearer(auto_error=False, description="The scrape token (http.metrics_token) or a user's token")


def metrics_reader(
    request: Request,
    services: ServicesDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    if credentials is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "not authenticated", {"WWW-Authenticate": "Bearer"})
    scrape_token = services.settings.http.metrics_token
    if scrape_token and hmac.compare_digest(credentials.credentials.encode(), scrape_token.encode()):
        return
    principal = principal_from_token(services, credentials.credentials, client_address(request))
    permitted(principal, Permission.SYSTEM_MANAGE)


@router.get(
    "/metrics",
    summary="Prometheus metrics (the scrape token or system.manage)",
    response_class=Response,
    responses={
        200: {"content": {"text/plain": {}}},
        401: {"description": "No or a wrong token"},
        403: {"description": "A user without system.manage"},
    },
)
def metrics(_: Annotated[None, Depends(metrics_reader)]) -> Response:
    return Response(generate_latest(REGISTRY), media_type=CONTENT_TYPE_LATEST)
