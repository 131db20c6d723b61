"""Search patterns typed by people: `LE?-06-57*`, `*5700`, `LEB5700`.

`*` stands for any run of characters and `?` for exactly one. Separators are ignored. A two-digit middle
group (`-06-`, or `-??-`) is the year: it is taken out of the key pattern and becomes a filter. Patterns
are reduced to upper-case letters, digits, `*` and `?`, so no SQL metacharacter survives; the SQL side
escapes anyway.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from safecity.vision.plates import ConfusionTable
from safecity.vision.plates.confusion import DEFAULT_CONFUSIONS
from safecity.vision.plates.keys import MAX_PLATE_LENGTH
from safecity.vision.plates.keys import split_groups

_ALLOWED = re.compile(r"^[A-Za-z0-9*?\s\-_./]+$")
_YEAR_GROUP = re.compile(r"^[0-9?]{2}$")
_RUNS_OF_STARS = re.compile(r"\*+")
MIN_LITERALS = 3
WILDCARDS = frozenset("*?")


class PlatePatternError(ValueError):
    """The text is not a usable plate pattern; the message says why."""


@dataclass(frozen=True, slots=True)
class PlatePattern:
    """A parsed pattern over plate keys. `year` is None when no year (or a wildcard year) was given."""

    key: str
    year: str | None

    @property
    def has_wildcards(self) -> bool:
        return any(char in WILDCARDS for char in self.key)

    @property
    def literal_prefix(self) -> str:
        return _literal_run(self.key)

    @property
    def literal_suffix(self) -> str:
        return _literal_run(self.key[::-1])[::-1]

    def skeleton(self, table: ConfusionTable = DEFAULT_CONFUSIONS) -> PlatePattern:
        """The same pattern over confusion skeletons (wildcards kept)."""
        return PlatePattern("".join(table.representative(char) for char in self.key), self.year)

    def glob(self) -> str:
        """SQLite GLOB form (its wildcards are `*` and `?` already; the key holds no `[`)."""
        return self.key

    def like(self, escape: str = "\\") -> str:
        """SQL LIKE form with `%` and `_` escaped (they cannot occur, but never trust that)."""
        escaped = self.key.replace(escape, escape * 2).replace("%", escape + "%").replace("_", escape + "_")
        return escaped.replace("*", "%").replace("?", "_")


def _literal_run(text: str) -> str:
    run = []
    for char in text:
        if char in WILDCARDS:
            break
        run.append(char)
    return "".join(run)


def parse_pattern(text: str) -> PlatePattern:
    """Parse a search pattern; raises PlatePatternError with a message fit for the user."""
    if len(text) > MAX_PLATE_LENGTH:
        raise PlatePatternError(f"a plate pattern has at most {MAX_PLATE_LENGTH} characters")
    if not _ALLOWED.match(text):
        raise PlatePatternError("use letters, digits, separators and the wildcards * (any run) and ? (one)")
    groups = split_groups(text.replace("_", "-").replace(".", "-").replace("/", "-"))
    year = None
    if len(groups) == 3 and _YEAR_GROUP.match(groups[1]):
        year_group = groups.pop(1)
        year = None if "?" in year_group else year_group
    key = _RUNS_OF_STARS.sub("*", "".join(groups))
    if sum(char not in WILDCARDS for char in key) < MIN_LITERALS:
        raise PlatePatternError(f"a plate pattern needs at least {MIN_LITERALS} letters or digits")
    return PlatePattern(key=key, year=year)
