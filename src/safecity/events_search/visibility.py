"""Which stored events a caller may find: the live feed's rules, minus personal data.

`EVENT_VISIBILITY` decides (first matching pattern wins), exactly as on the live WebSocket. On top of that,
plate reads and face sightings are never returned here: searching them is a personal-data read that needs a
stated, audited purpose, which `/api/v1/plates` and `/api/v1/faces` ask for.
"""

from __future__ import annotations

from collections.abc import Callable

from safecity.core.auth.permissions import EVENT_VISIBILITY
from safecity.core.auth.permissions import Permission
from safecity.core.auth.permissions import permission_for_event

PERSONAL_DATA_PREFIXES = ("plate.", "face.")


def _prefix_of(pattern: str) -> str | None:
    """`alert.>` → `alert.`; None for patterns SQL cannot express as a prefix (`*`, or `>` alone)."""
    if not pattern.endswith(".>") or "*" in pattern:
        return None
    return pattern[:-1]


def hidden_prefixes(can: Callable[[Permission], bool]) -> tuple[str, ...]:
    """Type prefixes to exclude in SQL. A prefix is only excluded when no earlier, visible pattern could
    match inside it (first match wins); what cannot be excluded here is dropped by `is_visible`."""
    hidden: list[str] = list(PERSONAL_DATA_PREFIXES)
    visible_before: list[str] = []
    for pattern, permission in EVENT_VISIBILITY:
        prefix = _prefix_of(pattern)
        if can(permission):
            visible_before.append(pattern)
        elif prefix is not None and not any(p.startswith(prefix) for p in visible_before):
            hidden.append(prefix)
    return tuple(dict.fromkeys(hidden))


def is_visible(can: Callable[[Permission], bool], event_type: str) -> bool:
    return not event_type.startswith(PERSONAL_DATA_PREFIXES) and can(permission_for_event(event_type))
