"""Words of the persons-of-interest register that callers choose from, free of SQLAlchemy."""

from __future__ import annotations

from enum import StrEnum


class PersonStatus(StrEnum):
    WANTED = "wanted"
    PROCLAIMED_OFFENDER = "proclaimed_offender"
    MISSING = "missing"
    SUSPECT = "suspect"
    RELEASED = "released"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class Gender(StrEnum):
    FEMALE = "female"
    MALE = "male"
    TRANSGENDER = "transgender"


class LinkKind(StrEnum):
    INCIDENT = "incident"
    CASE = "case"


class SightingKind(StrEnum):
    PLATE = "plate"
    FACE = "face"
