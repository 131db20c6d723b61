"""Scene files: YAML/JSON loading, normalised coordinates, and errors that name the problem."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from safecity.pipeline.rules import SceneConfigError
from safecity.pipeline.rules import load_scene_config
from safecity.vision.geometry import to_pixels

YAML_SCENE = """
zones:
  - name: gate
    polygon: [[0.1, 0.1], [0.5, 0.1], [0.5, 0.5], [0.1, 0.5]]
    loiter_seconds: 30
    crowd_threshold: 5
lines:
  - name: road
    start: [0, 300]
    end: [640, 300]
    classes: [car, truck]
    allowed_direction: in
calibration:
  image_points: [[0, 0], [640, 0], [640, 360], [0, 360]]
  world_points: [[0, 0], [20, 0], [20, 10], [0, 10]]
  speed_limit_kmh: 60
motion_mask:
  - [[0, 0], [200, 0], [200, 30], [0, 30]]
"""


def test_yaml_scene_loads_with_every_rule_kind(tmp_path: Path) -> None:
    path = tmp_path / "scene.yaml"
    path.write_text(YAML_SCENE)
    scene = load_scene_config(path)
    assert scene.zones[0].loiter_seconds == 30
    assert scene.lines[0].allowed_direction == "in"
    assert scene.calibration is not None
    assert scene.calibration.speed_limit_kmh == 60
    assert len(scene.motion_mask) == 1


def test_json_scene_loads(tmp_path: Path) -> None:
    path = tmp_path / "scene.json"
    path.write_text(json.dumps({"lines": [{"name": "a", "start": [0, 0.5], "end": [1, 0.5]}]}))
    assert load_scene_config(path).lines[0].name == "a"


def test_normalised_and_pixel_coordinates_both_become_pixels() -> None:
    assert to_pixels([(0.5, 0.25), (1.0, 1.0)], 640, 360, "auto") == [(320.0, 90.0), (640.0, 360.0)]
    assert to_pixels([(0.5, 0.25), (100, 50)], 640, 360, "auto") == [(0.5, 0.25), (100.0, 50.0)]
    assert to_pixels([(1, 1)], 640, 360, "pixels") == [(1.0, 1.0)]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("zones: [{name: a, polygon: [[0, 0], [1, 1]]}]", "zones.0.polygon"),
        ("lines: [{name: a, start: [0, 0], end: [0, 0]}]", "same start and end"),
        ("lines: [{name: a, start: [0, 0], end: [1, 0]}, {name: a, start: [0, 1], end: [1, 1]}]", "repeated"),
        ("zones: [{name: a, polygon: [[0, 0], [1, 0], [1, 1]], colour: red}]", "colour"),
        (
            "calibration: {image_points: [[0,0],[1,0],[1,1],[0,1]], world_points: [[0,0],[1,0],[1,1]]}",
            "world",
        ),
        ("zones: [oops", "not valid"),
    ],
)
def test_bad_scene_files_name_the_problem(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "scene.yaml"
    path.write_text(text)
    with pytest.raises(SceneConfigError, match=message) as error:
        load_scene_config(path)
    assert str(path) in str(error.value)


def test_missing_scene_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SceneConfigError, match="cannot read zones file"):
        load_scene_config(tmp_path / "absent.yaml")
