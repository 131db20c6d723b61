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
    """422; with a `field`, rendered in FastAPI's validation shape so the console can point at the input
    (`location` is where the field was sent: "body" or "query")."""

    status_code = 422
    code = "invalid_input"

    def __init__(self, message: str, *, field: str | None = None, location: str = "body") -> None:
        super().__init__(f"{field}: {message}" if field else message)
        self.field = field
        self.message = message
        self.location = location

    @property
    def detail(self) -> Any:
        if self.field is None:
            return self.message
        return [{"loc": [self.location, self.field], "msg": self.message, "type": "value_error"}]
