"""The e-challan's errors: the core kinds (each knows its HTTP status) under one base the CLI catches."""

from safecity.core import errors


class ChallanError(errors.SafecityError):
    """Base class."""


class NotFoundError(ChallanError, errors.NotFoundError):
    """404: no such violation or ticket."""


class ConflictError(ChallanError, errors.ConflictError):
    """409: the request contradicts the current state (already decided, already paid ...)."""


class InvalidRequestError(ChallanError, errors.BadRequestError):
    """400: the request is well-formed but wrong (an amount that does not match the fine ...)."""
