"""Where a signal's phase comes from: a live controller feed when one reports, else the scene's schedule.

The worker owns one `ControllerFeed` and hands it to its cameras' red-light rules; whoever receives phase
changes (the worker's subscription to `challan.signal_phase`, or a direct controller integration) calls its
`update(...)`. A signal the feed has never reported (or a rule without a feed) falls back to its schedule.
"""

from __future__ import annotations

import bisect
import threading
from dataclasses import dataclass

from safecity.pipeline.rules.traffic_config import PhaseSchedule
from safecity.pipeline.rules.traffic_config import SignalPhase

HISTORY_PER_SIGNAL = 256


@dataclass(frozen=True, slots=True)
class PhaseReading:
    phase: SignalPhase
    since: float  # Unix seconds when this phase began (or -inf when unknown)
    source: str  # "controller", "camera" (the lamps in the picture) or "schedule"


class ControllerFeed:
    """Phase changes per signal, kept in time order so late-processed frames get the phase of their time."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._changes: dict[str, list[tuple[float, SignalPhase, str]]] = {}

    def update(self, signal: str, phase: SignalPhase | str, at: float, source: str = "controller") -> None:
        with self._lock:
            changes = self._changes.setdefault(signal, [])
            bisect.insort(changes, (at, SignalPhase(phase), source), key=lambda change: change[0])
            del changes[:-HISTORY_PER_SIGNAL]

    def phase_at(self, signal: str, timestamp: float) -> PhaseReading | None:
        with self._lock:
            changes = self._changes.get(signal)
            if not changes:
                return None
            index = bisect.bisect_right(changes, timestamp, key=lambda change: change[0]) - 1
            if index < 0:
                return None
            at, phase, source = changes[index]
            return PhaseReading(phase, at, source)

    def clear(self) -> None:
        with self._lock:
            self._changes.clear()


def phase_at(
    signal: str, schedule: PhaseSchedule | None, timestamp: float, feed: ControllerFeed | None = None
) -> PhaseReading | None:
    """The phase of `signal` at `timestamp`: the controller's when it reported one, else the schedule's."""
    reading = feed.phase_at(signal, timestamp) if feed is not None else None
    if reading is not None:
        return reading
    if schedule is None:
        return None
    phase, elapsed = schedule.phase_at(timestamp)
    return PhaseReading(phase, timestamp - elapsed, "schedule")
