"""The errors a service raises when a request cannot be carried out; each knows its HTTP status.

FastAPI-free on purpose: services raise these, and one handler in `core/http/error_handler.py` renders them
as `{"detail": ...}`.
"""

from __future__ import annotations

from typing import Any


class SafecityError(Exception):
    """Base class; `detail` is what the client reads."""

    status_code = 500
    code = "error"

    @property
    def detail(self) -> Any:
        return str(self)

    def body_fields(self) -> dict[str, Any]:
        """Fields the response body carries beside `detail` (none by default; an error whose clients act on
        it, such as a registry being unavailable, adds its stable `code` and what it knows)."""
        return {}


class NotFoundError(SafecityError, LookupError):
    status_code = 404
    code = "not_found"


class ConflictError(SafecityError):
    """The request contradicts the current state (already decided, changed meanwhile, ...)."""

    status_code = 409
    code = "conflict"


class ForbiddenError(SafecityError, PermissionError):
    """The caller may not do this to this object (a wrong token, ...); a missing role is 403 in security."""

    status_code = 403
    code = "forbidden"


class BadRequestError(SafecityError):
    """The request is well-formed but wrong (an amount that does not match the fine, ...)."""

    status_code = 400
    code = "bad_request"


class InvalidInputError(SafecityError, ValueError):
    """422, rendered in FastAPI's validation shape (`[{loc, msg, type}]`) so the console can point at the
    input: `location` is where it was sent ("body", "query", "path"), `field` which one (when one)."""

    status_code = 422
    code = "invalid_input"

    def __init__(self, message: str, *, field: str | None = None, location: str = "body") -> None:
        super().__init__(f"{field}: {message}" if field else message)
        self.field = field
        self.message = message
        self.location = location

    @property
    def detail(self) -> Any:
        loc = [self.location] if self.field is None else [self.location, self.field]
        return [{"loc": loc, "msg": self.message, "type": "value_error"}]
