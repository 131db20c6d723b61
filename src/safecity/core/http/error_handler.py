"""One exception handler for every domain error: `{"detail": ...}` with the error's own status."""

from __future__ import annotations

from fastapi import FastAPI, Request, status
from fastapi.responses import JSONResponse
from sqlalchemy.orm.exc import StaleDataError

from safecity.core.errors import SafecityError


def render_safecity_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, SafecityError)
    return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)


def render_stale_data(_: Request, exc: Exception) -> JSONResponse:
    """An optimistic-lock failure: someone else changed the row meanwhile."""
    return JSONResponse({"detail": str(exc)}, status_code=status.HTTP_409_CONFLICT)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(SafecityError, render_safecity_error)
    app.add_exception_handler(StaleDataError, render_stale_data)
