"""Errors of the evidence domain; `field` names the offending input so callers can answer 422 precisely."""

from __future__ import annotations


class EvidenceError(Exception):
    """Base class."""


class EvidenceNotFoundError(EvidenceError):
    pass


class InvalidEvidenceInputError(EvidenceError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
