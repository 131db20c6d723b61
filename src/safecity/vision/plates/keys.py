"""The plate key rule: plate text → the values stored, indexed and compared (series + number, no year).

The key leaves out the year, which is small on the plate and often misread or missing: `LEB-06-5700` and
`LEB-5700` are the same vehicle (`LEB5700`). A year is recognised in typed text only as the middle one of
three groups when it is two digits (`LEB-06-5700`, `LEB 06 5700`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from safecity.vision.plates.confusion import confusion_skeleton
from safecity.vision.plates.confusion import normalize_plate

_SEPARATORS = re.compile(r"[\s\-_./]+")
_YEAR = re.compile(r"^[0-9]{2}$")
MAX_PLATE_LENGTH = 24
MAX_STORED_PLATE_LENGTH = 32  # a hotlist entry's plate as typed


@dataclass(frozen=True, slots=True)
class PlateKey:
    """`key`: series + number (LEB5700); `year`: the year when one was given; `normalized`: all characters."""

    key: str
    year: str | None
    normalized: str

    @property
    def skeleton(self) -> str:
        return confusion_skeleton(self.key)

    @property
    def reversed_key(self) -> str:
        return self.key[::-1]


def split_groups(text: str) -> list[str]:
    return [group for group in _SEPARATORS.split(text.strip().upper()) if group]


def plate_key(text: str) -> PlateKey:
    """Key of typed or read plate text. Raises ValueError when no letter or digit is left."""
    groups = [normalize_plate(group) for group in split_groups(text)]
    groups = [group for group in groups if group]
    year = None
    if len(groups) == 3 and _YEAR.match(groups[1]):
        year = groups.pop(1)
    key = "".join(groups)
    if not key:
        raise ValueError("a plate needs at least one letter or digit")
    return PlateKey(key=key, year=year, normalized=normalize_plate(text))


def stored_plate(text: str) -> tuple[str, PlateKey]:
    """A typed plate as a hotlist stores it (trimmed, upper-cased) and its key.

    Raises ValueError naming the problem: no letter or digit, or a wildcard (`*`, `?`: searches only).
    """
    key = plate_key(text)
    if any(char in "*?" for char in text):
        raise ValueError("hotlist plates cannot contain wildcards")
    return text.strip().upper(), key


def reading_key(series: str | None, number: str | None, text: str) -> str:
    """Key of a reader's own parse (already normalised): series + number, else the text without dashes."""
    if series is not None and number is not None:
        return series + number
    return text.replace("-", "")


def read_key(text: str, series: str | None, year: str | None, number: str | None) -> PlateKey:
    """Key of a reader result: series + number when the reader parsed them, else from the text."""
    if series and number:
        key = normalize_plate(series) + normalize_plate(number)
        return PlateKey(key=key, year=year or None, normalized=normalize_plate(text))
    return plate_key(text)
