"""A condition that must hold for a while before it counts, and stay gone for a while before it clears."""

from __future__ import annotations


class Debounced:
    def __init__(self, set_after: float, clear_after: float) -> None:
        self._set_after = set_after
        self._clear_after = clear_after
        self._since: float | None = None  # when the raw condition last changed to disagree with `active`
        self.active = False

    def update(self, condition: bool, at: float) -> bool:
        """Feed the raw condition at time `at`; returns whether it is (now) active."""
        if condition == self.active:
            self._since = None
            return self.active
        if self._since is None:
            self._since = at
        if at - self._since >= (self._clear_after if self.active else self._set_after):
            self.active = condition
            self._since = None
        return self.active

    def reset(self) -> None:
        self._since = None
        self.active = False
