"""The long-lived objects each domain keeps on an API node (its "runtime"), one per type.

`core` knows no domain, so the container is keyed by the runtime's class: the app's assembly adds every
domain's runtime when it builds the app, and a domain reads its own back with `get(DispatchRuntime)`, typed.
A missing runtime is an assembly mistake and fails loudly; nothing is created on first use.
"""

from __future__ import annotations

from typing import TypeVar

T = TypeVar("T")


class Runtimes:
    def __init__(self) -> None:
        self._by_type: dict[type, object] = {}

    def add(self, *runtimes: object) -> None:
        """Add (or, in tests, replace) runtimes; each is found again by its exact class."""
        for runtime in runtimes:
            self._by_type[type(runtime)] = runtime

    def get(self, kind: type[T]) -> T:
        found = self._by_type.get(kind)
        if not isinstance(found, kind):
            raise LookupError(f"this app was assembled without a {kind.__name__}")
        return found
