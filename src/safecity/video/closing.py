"""`Closing`: the base of this package's objects that hold a stream or a thread until `close()`."""

from __future__ import annotations

from abc import ABC
from abc import abstractmethod
from types import TracebackType
from typing import Self


class Closing(ABC):
    """`with obj:` gives `obj` and closes it when the block ends, however it ends."""

    @abstractmethod
    def close(self) -> None:
        """Release what the object holds; safe to call more than once."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
