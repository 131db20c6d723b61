"""In-memory hotlist matcher: exact and confusion-aware fuzzy matching within each list's edit budget.

Candidates come from a symmetric-deletion index over confusion skeletons: two plates within `plate_distance`
d (confusable swaps free in skeleton space) share a skeleton after deleting at most floor(d) characters from
each, so looking up the read's deletion variants finds every candidate; `plate_distance` then decides.
Expired entries are skipped at match time, so an entry stops matching the moment it expires.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from itertools import combinations

from safecity.vision.plates import confusion_skeleton
from safecity.vision.plates import plate_distance
from safecity.vision.plates.keys import PlateKey

MAX_EDIT_BUDGET = 2.0


@dataclass(frozen=True, slots=True)
class ActiveEntry:
    entry_id: int
    hotlist_id: int
    list_name: str
    list_kind: str
    edit_budget: float
    plate: str
    key: str
    normalized: str
    reason: str
    case_ref: str
    vehicle: str
    expires_at: datetime | None


@dataclass(frozen=True, slots=True)
class Hit:
    entry: ActiveEntry
    distance: float

    @property
    def score(self) -> float:
        return round(max(0.0, 1.0 - self.distance / max(1, len(self.entry.key))), 4)


def deletion_variants(text: str, depth: int) -> Iterator[str]:
    """`text` with every choice of up to `depth` characters removed (including none)."""
    seen: set[str] = set()
    for removed in range(min(depth, len(text)) + 1):
        for positions in combinations(range(len(text)), removed):
            variant = "".join(char for i, char in enumerate(text) if i not in positions)
            if variant not in seen:
                seen.add(variant)
                yield variant


class HotlistMatcher:
    def __init__(self, entries: Iterable[ActiveEntry]) -> None:
        self.entries = list(entries)
        budgets = [entry.edit_budget for entry in self.entries]
        self.depth = math.floor(min(MAX_EDIT_BUDGET, max(budgets, default=0.0)))
        self._index: dict[str, set[int]] = defaultdict(set)
        for position, entry in enumerate(self.entries):
            for text in {entry.key, entry.normalized}:
                for variant in deletion_variants(confusion_skeleton(text), self.depth):
                    self._index[variant].add(position)

    def match(self, read: PlateKey, now: datetime) -> list[Hit]:
        """Entries the read matches within their list's budget, closest first (one hit per entry)."""
        candidates: set[int] = set()
        for text in {read.key, read.normalized}:
            for variant in deletion_variants(confusion_skeleton(text), self.depth):
                candidates.update(self._index.get(variant, ()))
        hits = []
        for position in sorted(candidates):
            entry = self.entries[position]
            if entry.expires_at is not None and entry.expires_at <= now:
                continue
            distance = min(
                plate_distance(read.key, entry.key), plate_distance(read.normalized, entry.normalized)
            )
            if distance <= entry.edit_budget:
                hits.append(Hit(entry, distance))
        return sorted(hits, key=lambda hit: hit.distance)
