"""Words of the faces domain that callers choose from, free of SQLAlchemy (the command line offers them)."""

from __future__ import annotations

from enum import StrEnum


class SubjectCategory(StrEnum):
    WANTED = "wanted"
    MISSING = "missing"
    SUSPECT = "suspect"
    VIP_PROTECTION = "vip_protection"
    PERSON_OF_INTEREST = "person_of_interest"
    OTHER = "other"
