"""How errors leave the API. Domain errors: `{"detail": ...}` with the error's own status. Anything else: a
JSON 500 with a request id, and one bounded log record with no local variables, headers or query string
(tokens travel in both) — the id lets an administrator find the record."""

from __future__ import annotations

import traceback
import uuid
from typing import Any

from fastapi import FastAPI
from fastapi import Request
from fastapi import status
from fastapi.responses import JSONResponse
from sqlalchemy.orm.exc import StaleDataError
from starlette.types import Receive
from starlette.types import Scope
from starlette.types import Send

from safecity.core.errors import SafecityError
from safecity.core.http.middleware import HttpMiddleware
from safecity.core.http.middleware import ResponseWatch
from safecity.core.logs import get_logger

log = get_logger(__name__)
MAX_MESSAGE = 200
MAX_FRAMES = 6
REQUEST_ID_HEADER = "X-Request-Id"


def error_detail(status_code: int, detail: Any) -> Any:
    """A 422's `detail` is always the documented list of `{loc, msg, type}`, even if raised as a sentence."""
    if status_code != status.HTTP_422_UNPROCESSABLE_CONTENT or isinstance(detail, list):
        return detail
    return [{"loc": [], "msg": str(detail), "type": "value_error"}]


def render_safecity_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, SafecityError)
    body = {**exc.body_fields(), "detail": error_detail(exc.status_code, exc.detail)}
    return JSONResponse(body, status_code=exc.status_code)


def render_stale_data(_: Request, exc: Exception) -> JSONResponse:
    """An optimistic-lock failure: someone else changed the row meanwhile."""
    return JSONResponse({"detail": str(exc)}, status_code=status.HTTP_409_CONFLICT)


def error_record(scope: Scope, exc: BaseException, request_id: str) -> dict[str, Any]:
    """What is logged about an unexpected error: where and what, bounded; never values, headers or query."""
    first_line = (str(exc).splitlines() or [""])[0]
    frames = traceback.extract_tb(exc.__traceback__)[-MAX_FRAMES:]
    return {
        "request_id": request_id,
        "method": str(scope.get("method", "")),
        "path": str(scope.get("path", ""))[:MAX_MESSAGE],
        "error": type(exc).__name__,
        "message": first_line[:MAX_MESSAGE],
        "frames": [f"{frame.filename}:{frame.lineno} {frame.name}" for frame in frames],
    }


class UnexpectedErrorMiddleware(HttpMiddleware):
    """Turns an exception no handler took into a JSON 500 (when the response has not started yet)."""

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        watch = ResponseWatch(send)
        try:
            await self.app(scope, receive, watch.send)
        except Exception as exc:
            request_id = uuid.uuid4().hex
            log.error("unexpected error", **error_record(scope, exc, request_id))
            if watch.started:
                return  # the status is already sent; the server closes the unfinished response
            response = JSONResponse(
                {"detail": "internal server error", "request_id": request_id},
                status_code=status.HTTP_500_INTERNAL_SERVER_ERROR,
                headers={REQUEST_ID_HEADER: request_id},
            )
            await response(scope, receive, send)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(SafecityError, render_safecity_error)
    app.add_exception_handler(StaleDataError, render_stale_data)
    app.add_middleware(UnexpectedErrorMiddleware)
