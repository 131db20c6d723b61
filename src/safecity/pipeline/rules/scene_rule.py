"""`SceneRule`: the base of the rules built from one section of a camera's scene file."""

from __future__ import annotations

from typing import Generic
from typing import Protocol
from typing import TypeVar


class _Named(Protocol):
    @property
    def name(self) -> str: ...


C = TypeVar("C", bound=_Named)


class SceneRule(Generic[C]):
    """A rule and its scene section (`config`); the rule is known by the section's name."""

    def __init__(self, config: C) -> None:
        self.config = config

    @property
    def name(self) -> str:
        return self.config.name
