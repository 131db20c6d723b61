"""TrackStage: state per track while it is seen; a track's results once it is idle or the stage closes."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

from safecity.worker.track_stage import TrackStage


@dataclass(slots=True)
class _Sightings:
    first_seen: float
    last_seen: float = 0.0
    count: int = 0


class _Counting(TrackStage[_Sightings, str]):
    def see(self, track_ids: list[str], timestamp: float) -> list[str]:
        for track_id in track_ids:
            self._seen(track_id, timestamp, lambda: _Sightings(timestamp)).count += 1
        return self._ended(timestamp)

    def _finish(self, track_id: Hashable, state: _Sightings) -> list[str]:
        return [f"{track_id}:{state.count}@{state.first_seen}-{state.last_seen}"] if state.count > 1 else []


def test_tracks_end_when_idle_long_enough_or_on_close_in_the_order_they_opened() -> None:
    stage = _Counting(idle_seconds=2.0)
    assert stage.see(["a", "b"], 1.0) == []
    assert stage.see(["b", "c"], 2.0) == []
    assert stage.see(["c"], 2.5) == []  # a: unseen for 1.5 s, still open
    assert stage.see(["c"], 3.0) == []  # a ends after 2 s unseen, but was seen once: no result
    assert stage.see(["b"], 4.0) == []
    assert stage.see([], 5.0) == ["c:3@2.0-3.0"]
    assert stage.close() == ["b:3@1.0-4.0"]
    assert stage.close() == []
