"""`safecity plates read`: JSON lines per image, a bad file fails alone."""

from __future__ import annotations

import json
from pathlib import Path

import cv2
from tests.vision.plates.synthetic import sindh_plate
from tests.vision.plates.synthetic import street_scene
from typer.testing import CliRunner

from safecity.commands.plates import app


def test_json_lines_for_a_folder_with_a_bad_file(tmp_path: Path) -> None:
    cv2.imwrite(str(tmp_path / "a_crop.png"), sindh_plate("AVV", "584"))
    cv2.imwrite(
        str(tmp_path / "b_scene.jpg"), street_scene(sindh_plate("BGC", "771"), at=(300, 500), scale=0.5)
    )
    (tmp_path / "c_broken.jpg").write_bytes(b"not an image")
    result = CliRunner().invoke(app, ["read", str(tmp_path), "--json"])
    assert result.exit_code == 1, result.output  # the broken file fails alone, and the run says so
    records = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [Path(r["image"]).name for r in records] == ["a_crop.png", "b_scene.jpg", "c_broken.jpg"]
    crop, scene, broken = records
    assert crop["error"] is None
    assert crop["plates"][0]["text"] == "AVV-584"
    assert crop["plates"][0]["format"] == "sindh"
    assert set(crop["plates"][0]) >= {"text", "series", "year", "number", "format", "confidence", "box"}
    assert [p["text"] for p in scene["plates"]] == ["BGC-771"]
    assert broken["plates"] == []
    assert scene["nothing_found"] is None
    assert "not a readable image" in broken["error"]


def test_missing_path_is_reported_and_table_output_is_readable(tmp_path: Path) -> None:
    cv2.imwrite(str(tmp_path / "plate.png"), sindh_plate("AZU", "290"))
    result = CliRunner().invoke(
        app, ["read", str(tmp_path / "plate.png"), str(tmp_path / "missing.png")], env={"COLUMNS": "100"}
    )
    assert result.exit_code == 1, result.output
    assert "AZU-290" in result.stdout
    assert "no such file" in result.stdout


def test_a_crop_too_narrow_to_read_says_why(tmp_path: Path) -> None:
    cv2.imwrite(str(tmp_path / "small.png"), cv2.resize(sindh_plate("AZU", "290"), (50, 17)))
    result = CliRunner().invoke(app, ["read", str(tmp_path / "small.png"), "--json"])
    assert result.exit_code == 0, result.output
    [record] = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert record["plates"] == []
    assert "50 px wide" in record["nothing_found"]
