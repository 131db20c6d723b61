"""Zone, line and speed rules on hand-made tracks."""

from __future__ import annotations

import pytest

from safecity.pipeline.events import EventType
from safecity.pipeline.rules import CalibrationConfig
from safecity.pipeline.rules import LineConfig
from safecity.pipeline.rules import RuleEngine
from safecity.pipeline.rules import RuleHit
from safecity.pipeline.rules import SceneConfig
from safecity.pipeline.rules import ZoneConfig
from safecity.pipeline.rules.speed import GroundPlane
from tests.pipeline.helpers import track_at

SQUARE = [(100, 100), (300, 100), (300, 300), (100, 300)]


def engine(**scene: object) -> RuleEngine:
    return RuleEngine(SceneConfig.model_validate(scene), 640, 480)


def types(hits: list[RuleHit]) -> list[EventType]:
    return [hit.type for hit in hits]


def test_zone_reports_enter_then_exit_with_the_dwell_time() -> None:
    rules = engine(zones=[ZoneConfig(name="z", polygon=SQUARE)])
    track = track_at(1, 50, 200, 0.0)
    assert rules.observe([track]) == []
    assert types(rules.observe([track_at(1, 150, 200, 1.0, previous=track)])) == [EventType.ZONE_ENTER]
    assert rules.observe([track_at(1, 250, 200, 2.0, previous=track)]) == []
    (exit_hit,) = rules.observe([track_at(1, 350, 200, 4.5, previous=track)])
    assert exit_hit.type is EventType.ZONE_EXIT
    assert exit_hit.payload["dwell_seconds"] == pytest.approx(3.5)


def test_zone_ignores_classes_it_does_not_watch() -> None:
    rules = engine(zones=[ZoneConfig(name="z", polygon=SQUARE, classes=["car"])])
    assert rules.observe([track_at(1, 150, 200, 0.0, label="person")]) == []


def test_dwell_and_loitering_fire_once_when_their_time_passes() -> None:
    zone = ZoneConfig(name="z", polygon=SQUARE, dwell_seconds=5, loiter_seconds=10)
    rules = engine(zones=[zone])
    person = track_at(1, 150, 200, 0.0)
    car = track_at(2, 250, 200, 0.0, label="car")
    rules.observe([person, car])
    assert rules.tick(4.0, [person, car]) == []
    dwell = rules.tick(5.0, [person, car])
    assert types(dwell) == [EventType.DWELL, EventType.DWELL]
    assert rules.tick(9.0, [person, car]) == []
    (loiter,) = rules.tick(10.0, [person, car])  # only people loiter by default
    assert loiter.type is EventType.LOITERING
    assert loiter.track is person
    assert rules.tick(20.0, [person, car]) == []


def test_crowd_fires_when_the_count_reaches_the_threshold_and_rearms_below_it() -> None:
    rules = engine(zones=[ZoneConfig(name="z", polygon=SQUARE, crowd_threshold=3)])
    people = [track_at(i, 120 + 30 * i, 200, 0.0) for i in range(3)]
    rules.observe(people[:2])
    assert rules.tick(0.0, people) == []
    rules.observe(people)
    (crowd,) = rules.tick(0.1, people)
    assert crowd.type is EventType.CROWD
    assert crowd.payload["count"] == 3
    assert rules.tick(0.2, people) == []
    rules.observe([track_at(0, 400, 200, 0.3, previous=people[0])])
    assert rules.tick(0.3, people) == []
    rules.observe([track_at(0, 150, 200, 0.4, previous=people[0])])
    assert types(rules.tick(0.4, people)) == [EventType.CROWD]


def test_a_track_that_ends_inside_a_zone_exits_it() -> None:
    rules = engine(zones=[ZoneConfig(name="z", polygon=SQUARE)])
    track = track_at(1, 150, 200, 0.0)
    rules.observe([track])
    (hit,) = rules.track_ended(track)
    assert hit.type is EventType.ZONE_EXIT
    assert hit.payload["reason"] == "lost"


def test_line_counts_each_direction_per_class() -> None:
    rules = engine(lines=[LineConfig(name="l", start=(0, 240), end=(640, 240))])
    down = track_at(1, 100, 200, 0.0)
    up = track_at(2, 300, 280, 0.0, label="car")
    rules.observe([down, up])
    hits = rules.observe([track_at(1, 100, 260, 0.5, previous=down), track_at(2, 300, 220, 0.5, previous=up)])
    assert [(hit.track.label, hit.payload["direction"]) for hit in hits if hit.track] == [
        ("person", "in"),
        ("car", "out"),
    ]
    assert rules.line_summary() == {"l": {"in": {"person": 1}, "out": {"car": 1}}}


def test_jitter_on_the_line_counts_nothing_and_crossing_beyond_the_segment_is_ignored() -> None:
    rules = engine(lines=[LineConfig(name="l", start=(0, 240), end=(320, 240))])
    track = track_at(1, 100, 230, 0.0)
    rules.observe([track])
    for i, y in enumerate([239, 241, 239.5, 240.5]):
        assert rules.observe([track_at(1, 100, y, 0.1 * (i + 1), previous=track)]) == []
    outside = track_at(2, 500, 230, 0.0)
    rules.observe([outside])
    assert rules.observe([track_at(2, 500, 250, 0.5, previous=outside)]) == []


def test_crossing_against_the_allowed_direction_is_wrong_way() -> None:
    line = LineConfig(name="lane", start=(0, 240), end=(640, 240), allowed_direction="in")
    rules = engine(lines=[line])
    track = track_at(1, 100, 300, 0.0, label="car")
    rules.observe([track])
    hits = rules.observe([track_at(1, 100, 200, 0.5, previous=track)])
    assert types(hits) == [EventType.LINE_CROSSING, EventType.WRONG_WAY]
    assert hits[1].payload["allowed"] == "in"


def test_ground_plane_maps_image_points_to_metres() -> None:
    plane = GroundPlane([(0, 0), (640, 0), (640, 480), (0, 480)], [(0, 0), (32, 0), (32, 24), (0, 24)])
    assert plane.to_world([(320, 240)])[0] == pytest.approx([16, 12])


def test_collinear_calibration_is_rejected() -> None:
    with pytest.raises(ValueError, match="ground plane"):
        GroundPlane([(0, 0), (1, 1), (2, 2), (3, 3)], [(0, 0), (1, 1), (2, 2), (3, 3)])


def test_speeding_is_reported_once_with_the_measured_speed() -> None:
    # 20 px per metre; moving 10 px per 0.1 s = 5 m/s = 18 km/h.
    calibration = CalibrationConfig(
        image_points=[(0, 0), (640, 0), (640, 480), (0, 480)],
        world_points=[(0, 0), (32, 0), (32, 24), (0, 24)],
        speed_limit_kmh=15,
    )
    rules = engine(calibration=calibration)
    track = track_at(1, 100, 200, 0.0, label="car")
    hits = rules.observe([track])
    for i in range(1, 15):
        hits += rules.observe([track_at(1, 100 + 10 * i, 200, 0.1 * i, previous=track)])
    (speeding,) = hits
    assert speeding.type is EventType.SPEEDING
    assert speeding.payload["speed_kmh"] == pytest.approx(18.0, abs=0.1)
    assert rules.pop_max_speed(1) == pytest.approx(18.0, abs=0.1)
