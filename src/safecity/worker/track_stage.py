"""What the person-track stages of a camera (faces, re-id) share: state kept per track while it is seen, and
the track's results once it has ended — unseen for `idle_seconds`, or the camera stops (`close`)."""

from __future__ import annotations

from abc import ABC
from abc import abstractmethod
from collections.abc import Callable
from collections.abc import Hashable
from typing import Generic
from typing import Protocol
from typing import TypeVar


class _Seen(Protocol):
    last_seen: float


S = TypeVar("S", bound=_Seen)
R = TypeVar("R")

CROP_JPEG_QUALITY = 90  # the stages' crops (a face, a person) as stored in the media store


class TrackStage(ABC, Generic[S, R]):
    """Keeps one `S` per open track; `_finish` turns an ended track's state into its results."""

    def __init__(self, idle_seconds: float) -> None:
        self._idle_seconds = idle_seconds
        self._tracks: dict[Hashable, S] = {}

    def close(self) -> list[R]:
        """The results of every track still open (the camera stops)."""
        return self._finish_all(list(self._tracks))

    def _seen(self, track_id: Hashable, timestamp: float, opened: Callable[[], S]) -> S:
        """The track's state (`opened()` for a new track), marked as seen at `timestamp`."""
        state = self._tracks.get(track_id)
        if state is None:
            state = self._tracks[track_id] = opened()
        state.last_seen = timestamp
        return state

    def _ended(self, timestamp: float) -> list[R]:
        """The results of the tracks that, at `timestamp`, have not been seen for `idle_seconds`."""
        idle = [t for t, state in self._tracks.items() if timestamp - state.last_seen >= self._idle_seconds]
        return self._finish_all(idle)

    def _finish_all(self, track_ids: list[Hashable]) -> list[R]:
        return [result for t in track_ids for result in self._finish(t, self._tracks.pop(t))]

    @abstractmethod
    def _finish(self, track_id: Hashable, state: S) -> list[R]:
        """The results of a track that has ended (its state is no longer kept)."""
