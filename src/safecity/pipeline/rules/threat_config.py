"""Scene-file sections for the threat rules a Red Zone needs: abandoned objects, removed objects and
no-stopping zones.

Each rule watches its own polygon (its zone; the rule's name is the zone's name in alerts and alarm policies).
Distances (`radius`) are in the scene's units: pixels, or a fraction of the frame width when the rule's
polygon is normalised (0..1), so one file fits the main and the sub stream.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field
from pydantic import ValidationInfo
from pydantic import field_validator

from safecity.pipeline.rules.traffic_config import VEHICLE_CLASSES
from safecity.pipeline.rules.traffic_config import Point
from safecity.pipeline.rules.traffic_config import SceneSection
from safecity.vision.detectors.classes import CARRIED_CLASSES
from safecity.vision.detectors.classes import COCO_NAMES


def _known(classes: list[str] | None) -> list[str] | None:
    unknown = sorted(set(classes or ()) - set(COCO_NAMES))
    if unknown:
        raise ValueError(
            f"unknown object classes {unknown}; the detectors report COCO names (person, car, backpack, …)"
        )
    return classes


def _objects(classes: list[str] | None) -> list[str] | None:
    if classes is not None and "person" in classes:
        raise ValueError("people are the owners and takers here, not the objects: remove 'person'")
    return _known(classes)


class AbandonedObjectConfig(SceneSection):
    """`abandoned_object` once an object of `classes` has stayed put inside the polygon for
    `unattended_seconds` after its owner (the person nearest to it when it appeared, or the person last
    near it) went further than `radius` from it. An object nobody was near is unattended from the start."""

    name: str = Field(min_length=1)
    polygon: list[Point] = Field(min_length=3)
    classes: list[str] = Field(
        default_factory=lambda: list(CARRIED_CLASSES), min_length=1, description="object classes watched"
    )
    unattended_seconds: float = Field(60.0, gt=0, description="how long the object stays put unattended")
    radius: float = Field(gt=0, description="how far its owner may go: pixels, or a fraction of the width")

    @field_validator("classes")
    @classmethod
    def _object_classes(cls, classes: list[str] | None) -> list[str] | None:
        return _objects(classes)


class RemovedObjectConfig(SceneSection):
    """`removed_object` when an object that was inside the polygon for `present_seconds` disappears (its
    track ends or it leaves the polygon) while a person is within `radius` of it, and nothing of its class
    is back at its place `absent_seconds` later. `classes` None watches every class but people.
    `watch: region` watches the picture inside the polygon instead (a marked object the detector does not
    know: a statue, an extinguisher): learnt once still for `present_seconds`, gone when it no longer looks
    the same for `absent_seconds` while nobody stands in front of it."""

    name: str = Field(min_length=1)
    polygon: list[Point] = Field(min_length=3)
    watch: Literal["objects", "region"] = Field(
        "objects", description="detected objects of `classes`, or the picture of the marked region"
    )
    classes: list[str] | None = Field(None, description="object classes watched; None: all but people")
    present_seconds: float = Field(30.0, gt=0, description="how long it must have been there")
    absent_seconds: float = Field(3.0, gt=0, description="how long it must stay gone (put back: no alarm)")
    radius: float = Field(gt=0, description="a person this close took it: pixels, or a fraction of the width")

    @field_validator("classes")
    @classmethod
    def _watched_classes(cls, classes: list[str] | None, info: ValidationInfo) -> list[str] | None:
        if classes is not None and info.data.get("watch") == "region":
            raise ValueError("a marked region is watched by its picture, not by classes: leave classes out")
        return _objects(classes)


class NoStoppingConfig(SceneSection):
    """`no_stopping` once a person or vehicle of `classes` has been stopped inside the polygon (moving slower
    than `max_speed`) for `dwell_seconds`; once per visit of the zone."""

    name: str = Field(min_length=1)
    polygon: list[Point] = Field(min_length=3)
    classes: list[str] = Field(
        default_factory=lambda: ["person", *VEHICLE_CLASSES],
        min_length=1,
        description="classes that may not stop",
    )
    dwell_seconds: float = Field(10.0, gt=0, description="how long it must stay stopped")
    max_speed: float = Field(
        0.2, gt=0, description="slower than this is stopped, in heights of its own box per second"
    )

    @field_validator("classes")
    @classmethod
    def _known_classes(cls, classes: list[str] | None) -> list[str] | None:
        return _known(classes)
