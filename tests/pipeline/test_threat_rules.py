"""The threat rules through the rule engine on hand-made tracks: owners coming back or lost from view, the
alarm policies that govern them, and configurations that cannot work refused at save and at start."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from safecity.pipeline.events import EventType
from safecity.pipeline.rules import RuleEngine
from safecity.pipeline.rules import RuleHit
from safecity.pipeline.rules import SceneConfig
from safecity.pipeline.rules import SceneConfigError
from safecity.pipeline.rules import load_scene_config
from safecity.vision.tracking import Track
from tests.pipeline.helpers import track_at

SQUARE = [[100, 100], [500, 100], [500, 400], [100, 400]]
LOBBY = {"name": "lobby", "polygon": SQUARE, "unattended_seconds": 10, "radius": 50}


def engine(**scene: Any) -> RuleEngine:
    return RuleEngine(SceneConfig.model_validate(scene), 640, 480)


class Scene:
    """Drives the engine as the camera pipeline does: positions of the tracks seen at a moment, then the
    time-based checks; tracks not listed any more have ended."""

    def __init__(self, rules: RuleEngine) -> None:
        self.rules = rules
        self.tracks: dict[int, Track] = {}
        self.hits: list[RuleHit] = []

    def at(self, t: float, **positions: tuple[float, float, str]) -> None:
        seen = {int(name.removeprefix("t")): where for name, where in positions.items()}
        for track_id in set(self.tracks) - set(seen):
            self.hits += self.rules.judged(self.rules.track_ended(self.tracks.pop(track_id)), t)
        for track_id, (x, y, label) in seen.items():
            self.tracks[track_id] = track_at(track_id, x, y, t, label, self.tracks.get(track_id))
        active = list(self.tracks.values())
        self.hits += self.rules.judged(self.rules.observe(active) + self.rules.tick(t, active), t)

    def kinds(self) -> list[EventType]:
        return [hit.type for hit in self.hits]


def test_no_abandoned_alarm_when_the_owner_comes_back_in_time() -> None:
    scene = Scene(engine(abandoned_objects=[LOBBY]))
    scene.at(0, t1=(200, 200, "person"), t2=(220, 200, "backpack"))
    scene.at(2, t1=(400, 200, "person"), t2=(220, 200, "backpack"))  # walks 180 px away
    scene.at(9, t1=(400, 200, "person"), t2=(220, 200, "backpack"))
    scene.at(10, t1=(230, 200, "person"), t2=(220, 200, "backpack"))  # back after 8 s < 10 s
    scene.at(15, t1=(230, 200, "person"), t2=(220, 200, "backpack"))
    assert scene.hits == []
    scene.at(16, t2=(220, 200, "backpack"))  # now the owner is gone from view for good
    scene.at(25, t2=(220, 200, "backpack"))
    assert scene.hits == []
    scene.at(26, t2=(220, 200, "backpack"))
    (hit,) = scene.hits
    assert hit.type is EventType.ABANDONED_OBJECT
    assert hit.payload == {
        "zone": "lobby",
        "object_class": "backpack",
        "seconds": 10,
        "owner_track_id": 1,
        "owner": "left",
        "outcome": "alarm",
    }


def test_a_passer_by_is_not_the_owner_but_an_owner_lost_beside_the_bag_is_forgotten() -> None:
    scene = Scene(engine(abandoned_objects=[LOBBY]))
    scene.at(0, t1=(200, 200, "person"), t2=(220, 200, "handbag"))
    scene.at(1, t1=(400, 200, "person"), t2=(220, 200, "handbag"))
    scene.at(5, t1=(400, 200, "person"), t2=(220, 200, "handbag"), t3=(230, 210, "person"))  # walks past
    scene.at(6, t1=(400, 200, "person"), t2=(220, 200, "handbag"))
    scene.at(11, t1=(400, 200, "person"), t2=(220, 200, "handbag"))
    assert scene.kinds() == [EventType.ABANDONED_OBJECT]  # the passer-by did not reset the owner's absence

    occluded = Scene(engine(abandoned_objects=[LOBBY]))
    occluded.at(0, t1=(200, 200, "person"), t2=(220, 200, "suitcase"))
    occluded.at(3, t2=(220, 200, "suitcase"))  # the owner's track ends beside the bag (an occlusion) ...
    occluded.at(4, t4=(210, 200, "person"), t2=(220, 200, "suitcase"))  # ... and comes back as a new track
    occluded.at(30, t4=(210, 200, "person"), t2=(220, 200, "suitcase"))
    assert occluded.hits == []


def test_an_object_nobody_was_near_is_unattended_from_when_it_came_to_rest() -> None:
    scene = Scene(engine(abandoned_objects=[LOBBY]))
    scene.at(0, t2=(300, 300, "suitcase"), t1=(450, 120, "person"))
    scene.at(5, t2=(340, 300, "suitcase"), t1=(450, 120, "person"))  # moved: the clock starts again
    scene.at(14, t2=(340, 300, "suitcase"), t1=(450, 120, "person"))
    assert scene.hits == []
    scene.at(15, t2=(340, 300, "suitcase"), t1=(450, 120, "person"))
    (hit,) = scene.hits
    assert hit.payload["owner"] == "unknown"
    assert hit.payload["seconds"] == 10


def test_a_removed_object_needs_a_person_near_when_it_vanished() -> None:
    shelf = {"name": "shelf", "polygon": SQUARE, "present_seconds": 5, "absent_seconds": 2, "radius": 40}
    nobody = Scene(engine(removed_objects=[shelf]))
    nobody.at(0, t1=(300, 300, "tv"), t2=(480, 120, "person"))
    nobody.at(10, t1=(300, 300, "tv"), t2=(480, 120, "person"))
    nobody.at(11, t2=(480, 120, "person"))  # the detector lost it, nobody near: not a theft
    nobody.at(20, t2=(480, 120, "person"))
    assert nobody.hits == []

    taken = Scene(engine(removed_objects=[shelf]))
    taken.at(0, t1=(300, 300, "tv"), t2=(480, 120, "person"))
    taken.at(10, t1=(300, 300, "tv"), t2=(310, 300, "person"))
    taken.at(11, t2=(320, 300, "person"))  # classes unset: anything but people is watched
    taken.at(11.5, t2=(560, 300, "person"))
    assert taken.hits == []  # last seen at 10 s: not yet gone for 2 s
    taken.at(12, t2=(600, 300, "person"))
    (hit,) = taken.hits
    assert hit.type is EventType.REMOVED_OBJECT
    assert (hit.payload["object_class"], hit.payload["seconds"], hit.payload["person_track_id"]) == (
        "tv",
        10,
        2,
    )


def test_a_person_who_stops_in_a_no_stopping_zone_is_reported_once_per_visit() -> None:
    rule = {"name": "embassy", "polygon": SQUARE, "dwell_seconds": 5}
    scene = Scene(engine(no_stopping=[rule]))
    for step in range(9):  # walks through at 40 px/s (1 body height per second)
        scene.at(step * 0.5, t1=(120 + 20 * step, 250, "person"))
    assert scene.hits == []
    for step in range(1, 13):
        scene.at(4 + step * 0.5, t1=(280, 250, "person"))  # stands at x=280 from t=4
    (hit,) = scene.hits
    assert (hit.type, hit.payload["object_class"], hit.payload["seconds"]) == (
        EventType.NO_STOPPING,
        "person",
        5,
    )
    scene.at(20, t1=(280, 250, "person"))
    assert len(scene.hits) == 1


def test_alarm_policies_govern_threat_rules_by_name() -> None:
    policies = [
        {"rules": ["lobby"], "schedule": [{"start": "22:00", "end": "06:00"}], "otherwise": "record"},
        {"rules": ["gate"], "outcome": "nothing"},
    ]
    rules = engine(
        abandoned_objects=[LOBBY],
        no_stopping=[{"name": "gate", "polygon": SQUARE, "dwell_seconds": 1}],
        alarms={"policies": policies},
    )
    scene = Scene(rules)
    noon = 1_700_000_000.0 - (1_700_000_000.0 % 86_400) + 12 * 3600  # 12:00 UTC: the lobby is disarmed
    scene.at(noon, t2=(220, 200, "suitcase"), t5=(300, 300, "car"))
    scene.at(noon + 1, t2=(220, 200, "suitcase"), t5=(300, 300, "car"))
    scene.at(noon + 10, t2=(220, 200, "suitcase"), t5=(300, 300, "car"))
    (hit,) = scene.hits  # the stopped car is nothing: not published at all
    assert hit.type is EventType.ABANDONED_OBJECT
    assert (hit.payload["outcome"], hit.payload["outcome_reason"]) == ("record", "disarmed")


BAD: list[tuple[str, dict[str, Any], str, str]] = [
    ("abandoned_objects", {**LOBBY, "classes": ["suitcse"]}, "classes", "unknown object classes ['suitcse']"),
    ("abandoned_objects", {**LOBBY, "classes": ["person"]}, "classes", "people are the owners"),
    ("abandoned_objects", {**LOBBY, "radius": 0}, "radius", "greater than 0"),
    ("abandoned_objects", {**LOBBY, "unattended_seconds": -1}, "unattended_seconds", "greater than 0"),
    ("removed_objects", {"name": "r", "polygon": SQUARE}, "radius", "Field required"),
    (
        "removed_objects",
        {"name": "r", "polygon": SQUARE, "radius": 5, "watch": "region", "classes": ["tv"]},
        "classes",
        "a marked region is watched by its picture",
    ),
    ("no_stopping", {"name": "n", "polygon": SQUARE, "max_speed": 0}, "max_speed", "greater than 0"),
    (
        "no_stopping",
        {"name": "n", "polygon": SQUARE, "classes": ["tank"]},
        "classes",
        "unknown object classes",
    ),
]


@pytest.mark.parametrize(("section", "rule", "field", "message"), BAD)
def test_a_threat_rule_that_cannot_work_is_refused_naming_the_field(
    section: str, rule: dict[str, Any], field: str, message: str, tmp_path: Path
) -> None:
    with pytest.raises(ValidationError) as refused:
        SceneConfig.model_validate({section: [rule]})
    assert message in str(refused.value)
    assert f"{section}.0.{field}" in str(refused.value)
    path = tmp_path / "scene.yaml"
    path.write_text(f"{section}: [{json.dumps(rule)}]\n")  # JSON is YAML flow style
    with pytest.raises(SceneConfigError, match=f"{path}: {section}.0.{field}"):
        load_scene_config(path)  # at start: the file and the field


def test_threat_rule_names_are_unique_and_known_to_alarm_policies() -> None:
    with pytest.raises(ValidationError, match=r"threat rule names must be unique, repeated: \['lobby'\]"):
        SceneConfig.model_validate(
            {"abandoned_objects": [LOBBY], "no_stopping": [{"name": "lobby", "polygon": SQUARE}]}
        )
    with pytest.raises(ValidationError, match=r"no zone, line or signal named \['lobbby'\]"):
        SceneConfig.model_validate(
            {"abandoned_objects": [LOBBY], "alarms": {"policies": [{"rules": ["lobbby"]}]}}
        )
