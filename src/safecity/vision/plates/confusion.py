"""Plate comparison that forgives the characters OCR confuses: normal forms, distance and matching.

Pure functions, no I/O: the hotlist service and the plate search index call them. `confusion_skeleton`
maps every character to one representative of its confusion group (O, D and Q become 0, B becomes 8 ...),
so two reads that differ only by confusable characters share a skeleton; a database can index
skeletons for fast fuzzy lookup.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field

DEFAULT_CONFUSION_GROUPS: tuple[str, ...] = ("0ODQ", "1I", "2Z", "5S", "8B", "6G")


def normalize_plate(text: str) -> str:
    """Upper-case letters and digits only: 'leb-06 5700' -> 'LEB065700'."""
    return "".join(char for char in text.upper() if char.isascii() and char.isalnum())


@dataclass(frozen=True, slots=True)
class ConfusionTable:
    """Groups of characters that OCR mistakes for one another; the first of each group represents it."""

    groups: tuple[str, ...] = DEFAULT_CONFUSION_GROUPS
    _representative: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        representative: dict[str, str] = {}
        for group in self.groups:
            members = normalize_plate(group)
            if len(members) < 2:
                raise ValueError(f"a confusion group needs two or more letters/digits, got {group!r}")
            for char in members:
                if char in representative:
                    raise ValueError(f"character {char!r} appears in two confusion groups")
                representative[char] = members[0]
        object.__setattr__(self, "_representative", representative)

    def representative(self, char: str) -> str:
        return self._representative.get(char, char)

    def confusable(self, a: str, b: str) -> bool:
        return a == b or self.representative(a) == self.representative(b)


DEFAULT_CONFUSIONS = ConfusionTable()


def confusion_skeleton(text: str, table: ConfusionTable = DEFAULT_CONFUSIONS) -> str:
    """Equal for reads that differ only by confusable characters: 'LEB-06-5700' -> 'LE8065700'."""
    return "".join(table.representative(char) for char in normalize_plate(text))


def plate_distance(
    a: str, b: str, table: ConfusionTable = DEFAULT_CONFUSIONS, confusion_cost: float = 0.25
) -> float:
    """Edit distance on normalised plates where swapping confusable characters costs `confusion_cost`.

    Insertions, deletions and other substitutions cost 1. Separators and case never count.
    """
    left, right = normalize_plate(a), normalize_plate(b)
    previous = [float(j) for j in range(len(right) + 1)]
    for i, char_a in enumerate(left, start=1):
        current = [float(i)] + [0.0] * len(right)
        for j, char_b in enumerate(right, start=1):
            if char_a == char_b:
                substitution = 0.0
            elif table.confusable(char_a, char_b):
                substitution = confusion_cost
            else:
                substitution = 1.0
            current[j] = min(previous[j] + 1.0, current[j - 1] + 1.0, previous[j - 1] + substitution)
        previous = current
    return previous[-1]


def plates_match(
    a: str,
    b: str,
    edit_budget: float = 1.0,
    table: ConfusionTable = DEFAULT_CONFUSIONS,
    confusion_cost: float = 0.25,
) -> bool:
    """True when the plates are within `edit_budget` (0 means exact after normalisation)."""
    if edit_budget < 0:
        raise ValueError(f"edit_budget must be >= 0, got {edit_budget}")
    left, right = normalize_plate(a), normalize_plate(b)
    if not left or not right:
        return False
    if abs(len(left) - len(right)) > edit_budget:
        return False
    return plate_distance(left, right, table, confusion_cost) <= edit_budget
