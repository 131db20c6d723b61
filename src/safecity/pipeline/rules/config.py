"""Scene configuration for one camera: zones, lines, ground-plane calibration and motion masks.

Coordinates are pixels, or fractions of the frame (0..1) so one file fits the main and sub stream alike.
`units: auto` (the default) reads a shape as normalised when every coordinate in it lies within 0..1.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Literal

import yaml
from pydantic import Field
from pydantic import ValidationError
from pydantic import field_validator
from pydantic import model_validator

from safecity.core import validation_messages
from safecity.pipeline.rules.alarm_config import AlarmsConfig
from safecity.pipeline.rules.threat_config import AbandonedObjectConfig
from safecity.pipeline.rules.threat_config import NoStoppingConfig
from safecity.pipeline.rules.threat_config import RemovedObjectConfig
from safecity.pipeline.rules.traffic_config import LaneConfig
from safecity.pipeline.rules.traffic_config import LineSection
from safecity.pipeline.rules.traffic_config import Point
from safecity.pipeline.rules.traffic_config import SceneSection
from safecity.pipeline.rules.traffic_config import SignalConfig
from safecity.pipeline.rules.traffic_config import SolidLineConfig
from safecity.video.motion import MotionSettings
from safecity.vision.detectors.classes import COCO_NAMES


class SceneConfigError(ValueError):
    """The zones file cannot be read or does not describe a valid scene."""


class Direction(StrEnum):
    """`in`: the object crosses from the left to the right of the line walked from `start` to `end`
    (image coordinates, y down; a line drawn left to right counts downward movement as `in`)."""

    IN = "in"
    OUT = "out"


class ZoneConfig(SceneSection):
    name: str = Field(min_length=1)
    polygon: list[Point] = Field(min_length=3)
    classes: list[str] | None = Field(None, description="object classes this zone watches; None = all")
    dwell_seconds: float | None = Field(None, gt=0, description="emit `dwell` once an object stays this long")
    loiter_seconds: float | None = Field(
        None, gt=0, description="emit `loitering` for people staying this long"
    )
    loiter_classes: list[str] = Field(default_factory=lambda: ["person"])
    crowd_threshold: int | None = Field(
        None, ge=2, description="emit `crowd` when this many objects are inside"
    )
    speed_limit_kmh: float | None = Field(
        None, gt=0, description="emit `speeding` inside this zone (needs calibration)"
    )


class LineConfig(LineSection):
    classes: list[str] | None = None
    allowed_direction: Direction | None = Field(
        None, description="crossings the other way are also reported as `wrong_way`"
    )


class CalibrationConfig(SceneSection):
    """Ground-plane calibration: at least four image points and the same points on the ground in metres."""

    image_points: list[Point] = Field(min_length=4)
    world_points: list[Point] = Field(min_length=4)
    speed_limit_kmh: float | None = Field(None, gt=0, description="camera-wide speed limit")

    @model_validator(mode="after")
    def _paired(self) -> CalibrationConfig:
        if len(self.image_points) != len(self.world_points):
            images, worlds = len(self.image_points), len(self.world_points)
            raise ValueError(f"calibration has {images} image points but {worlds} world points")
        return self


class SceneConfig(SceneSection):
    units: Literal["auto", "pixels", "normalized"] = "auto"
    zones: list[ZoneConfig] = Field(default_factory=list)
    lines: list[LineConfig] = Field(default_factory=list)
    calibration: CalibrationConfig | None = None
    motion_mask: list[list[Point]] = Field(
        default_factory=list, description="polygons where motion is ignored"
    )
    motion: MotionSettings = Field(default_factory=MotionSettings)
    signals: list[SignalConfig] = Field(default_factory=list, description="red-light enforcement")
    lanes: list[LaneConfig] = Field(default_factory=list, description="restricted lanes")
    solid_lines: list[SolidLineConfig] = Field(default_factory=list, description="lines not to cross")
    abandoned_objects: list[AbandonedObjectConfig] = Field(
        default_factory=list, description="bags left behind after their owner walked away"
    )
    removed_objects: list[RemovedObjectConfig] = Field(
        default_factory=list, description="objects taken away from where they stood"
    )
    no_stopping: list[NoStoppingConfig] = Field(
        default_factory=list, description="zones where people and vehicles may not stop"
    )
    alarms: AlarmsConfig = Field(
        default_factory=AlarmsConfig, description="which rule hits are alarms, records or nothing"
    )

    @field_validator("motion_mask")
    @classmethod
    def _mask_polygons(cls, polygons: list[list[Point]]) -> list[list[Point]]:
        for polygon in polygons:
            if len(polygon) < 3:
                raise ValueError(f"a motion mask polygon needs at least 3 points, got {polygon}")
        return polygons

    @model_validator(mode="after")
    def _unique_names(self) -> SceneConfig:
        for kind, names in (
            ("zone", [z.name for z in self.zones]),
            ("line", [x.name for x in self.lines]),
            ("signal", [x.name for x in self.signals]),
            ("threat rule", self.threat_rule_names()),
        ):
            duplicates = sorted({name for name in names if names.count(name) > 1})
            if duplicates:
                raise ValueError(f"{kind} names must be unique, repeated: {duplicates}")
        return self

    @model_validator(mode="after")
    def _alarm_policies_name_rules(self) -> SceneConfig:
        names = {"*", "speed"} | {zone.name for zone in self.zones} | {line.name for line in self.lines}
        names |= {signal.name for signal in self.signals} | {lane.name for lane in self.lanes}
        names |= {solid.name for solid in self.solid_lines} | set(self.threat_rule_names())
        for index, policy in enumerate(self.alarms.policies):
            unknown = sorted(set(policy.rules) - names)
            if unknown:
                raise ValueError(f"alarms.policies.{index}.rules: no zone, line or signal named {unknown}")
        return self

    def threat_rule_names(self) -> list[str]:
        """Names of the abandoned-object, removed-object and no-stopping rules (unique among them)."""
        names = [rule.name for rule in self.abandoned_objects]
        return names + [rule.name for rule in self.removed_objects] + [rule.name for rule in self.no_stopping]

    def watched_object_classes(self) -> set[str]:
        """Classes the abandoned/removed object rules need from the detector (None: every class)."""
        watched: set[str] = set()
        for rule in self.abandoned_objects:
            watched |= set(rule.classes)
        for removed in self.removed_objects:
            if removed.watch == "objects":
                watched |= set(removed.classes) if removed.classes is not None else set(COCO_NAMES)
        return watched


def load_scene_config(path: str | Path) -> SceneConfig:
    """Read a YAML or JSON scene file; errors name the file and the failing field."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as error:
        raise SceneConfigError(f"cannot read zones file {file}: {error.strerror or error}") from error
    try:
        data = json.loads(text) if file.suffix.lower() == ".json" else yaml.safe_load(text)
    except (json.JSONDecodeError, yaml.YAMLError) as error:
        raise SceneConfigError(f"{file} is not valid {file.suffix.lstrip('.') or 'YAML'}: {error}") from error
    try:
        return SceneConfig.model_validate(data or {})
    except ValidationError as error:
        problems = validation_messages.problems(error, root="(top level)")
        raise SceneConfigError(f"{file}: {problems}") from error
