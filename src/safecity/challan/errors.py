"""Errors the API maps to HTTP statuses."""


class ChallanError(Exception):
    """Base class."""


class NotFoundError(ChallanError):
    """404: no such violation or ticket."""


class ConflictError(ChallanError):
    """409: the request contradicts the current state (already decided, already paid ...)."""


class InvalidRequestError(ChallanError):
    """400: the request is well-formed but wrong (an amount that does not match the fine ...)."""
