"""Errors of the evidence domain; `field` names the offending input so the API answers 422 precisely."""

from __future__ import annotations

from typing import Any

from safecity.core.errors import ConflictError
from safecity.core.errors import InvalidInputError
from safecity.core.errors import NotFoundError


class EvidenceError(ConflictError):
    """The action contradicts the evidence's state (a hold already released, an item that cannot be
    exported, ...); the more precise kinds below override the status."""


class EvidenceNotFoundError(NotFoundError, EvidenceError):
    pass


class InvalidEvidenceInputError(InvalidInputError, EvidenceError):
    """422 naming the field; `location` is "path" when the field is the route's own identifier."""

    def __init__(self, field: str, message: str, *, location: str = "body") -> None:
        super().__init__(message, field=field, location=location)
        self.field: str = field

    @property
    def detail(self) -> Any:
        return [
            {"type": "value_error", "loc": [self.location, self.field], "msg": self.message, "input": None}
        ]
