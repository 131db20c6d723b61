"""Scene-file sections for traffic enforcement: signals with stop lines, restricted lanes and solid lines.

Kept apart from `config.py` (zones, lines, calibration) so the enforcement rules stay one concept each.
"""

from __future__ import annotations

from enum import StrEnum
from typing import ClassVar
from typing import Literal
from typing import Self

from pydantic import BaseModel
from pydantic import ConfigDict
from pydantic import Field
from pydantic import model_validator

Point = tuple[float, float]
VEHICLE_CLASSES = ["car", "bus", "truck", "motorcycle"]


class SignalPhase(StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"


class SceneSection(BaseModel):
    """Any part of a scene file: unknown keys are errors (a typo must not silently disable a rule)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class LineSection(SceneSection):
    """A named line walked from `start` to `end`, which must differ (`zero_length` says so otherwise)."""

    zero_length: ClassVar[str] = "line {name!r} has the same start and end point"

    name: str = Field(min_length=1)
    start: Point
    end: Point

    @model_validator(mode="after")
    def _has_length(self) -> Self:
        if self.start == self.end:
            raise ValueError(self.zero_length.format(name=self.name))
        return self


class PhaseStep(SceneSection):
    phase: SignalPhase
    seconds: float = Field(gt=0)


class PhaseSchedule(SceneSection):
    """A fixed-time plan: the steps repeat for ever; `offset_seconds` is where a cycle starts (Unix time
    modulo the cycle length), so the schedule is the same on every worker without a shared clock."""

    steps: list[PhaseStep] = Field(min_length=1)
    offset_seconds: float = 0.0

    @property
    def cycle_seconds(self) -> float:
        return sum(step.seconds for step in self.steps)

    def phase_at(self, timestamp: float) -> tuple[SignalPhase, float]:
        """The phase in force at `timestamp` (Unix seconds) and how long it has been in force."""
        position = (timestamp - self.offset_seconds) % self.cycle_seconds
        for step in self.steps:
            if position < step.seconds:
                return step.phase, position
            position -= step.seconds
        last = self.steps[-1]
        return last.phase, last.seconds


class SignalLamps(SceneSection):
    """Where the signal head's lamps are in the picture (points in the scene's units), for a camera that
    sees its signal and has no controller feed: the lit lamp gives the phase (`rules/signal_lamps.py`)."""

    red: Point
    green: Point
    amber: Point | None = None
    radius: int = Field(3, ge=1, le=50, description="half-size in pixels of the patch read around each lamp")
    min_brightness: int = Field(150, ge=1, le=255, description="a lit lamp is at least this bright (0..255)")


class SignalConfig(LineSection):
    """A signalised approach: the stop line (walked start→end), the direction that enters the junction,
    an optional junction box the vehicle must then reach, and a fixed-time schedule when no controller
    feed is connected."""

    zero_length: ClassVar[str] = "signal {name!r}: the stop line has the same start and end point"

    direction: Literal["in", "out"] = Field("in", description="crossing direction into the junction")
    classes: list[str] = Field(default_factory=lambda: list(VEHICLE_CLASSES))
    junction: list[Point] | None = Field(None, min_length=3, description="stop-line zone beyond the line")
    schedule: PhaseSchedule | None = None
    red_grace_seconds: float = Field(0.0, ge=0, description="crossings this early in the red are let go")
    lamps: SignalLamps | None = Field(
        None, description="read the phase from the signal's lamps in the picture (before feed and schedule)"
    )


class LaneConfig(SceneSection):
    """A restricted lane (bus lane, no-entry for heavy traffic): other classes inside it are violations."""

    name: str = Field(min_length=1)
    polygon: list[Point] = Field(min_length=3)
    allowed_classes: list[str] = Field(min_length=1)
    watched_classes: list[str] = Field(default_factory=lambda: list(VEHICLE_CLASSES))
    min_seconds: float = Field(1.0, ge=0, description="how long a vehicle must stay inside")


class SolidLineConfig(LineSection):
    """A line vehicles must not cross in either direction (solid centre line, lane divider)."""

    zero_length: ClassVar[str] = "solid line {name!r} has the same start and end point"

    classes: list[str] = Field(default_factory=lambda: list(VEHICLE_CLASSES))
