"""`safecity analyze`: events as JSON lines and a summary, on a synthetic clip and on real CCTV."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from safecity.commands.analyze import analyze
from safecity.video.synthetic import MovingObject
from safecity.video.synthetic import SyntheticScene
from tests.conftest import shared_path

cli = typer.Typer()
cli.command()(analyze)


@cli.callback()
def _root() -> None:
    """Keeps `analyze` a named sub-command, as in the real CLI."""


def json_lines(output: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


@pytest.fixture
def clip(tmp_path: Path) -> Path:
    path = tmp_path / "two_walkers.mp4"
    SyntheticScene(
        fps=10,
        duration=6,
        objects=[
            MovingObject("person", (20, 50), (100, 40), (100, 330), 0.5, 4.5),
            MovingObject("person", (20, 50), (520, 330), (520, 40), 1.0, 5.0),
        ],
    ).write_video(str(path))
    return path


def test_without_a_model_it_runs_motion_only_and_says_so(tmp_path: Path, clip: Path) -> None:
    zones = tmp_path / "zones.yaml"
    zones.write_text("lines:\n  - {name: middle, start: [0, 0.5], end: [1, 0.5]}\n")
    result = CliRunner().invoke(
        cli, ["analyze", str(clip), "--zones", str(zones), "--json", "--models-dir", str(tmp_path / "none")]
    )
    assert result.exit_code == 0, result.output
    assert "no detector model installed" in result.stderr
    *events, last = json_lines(result.stdout)
    summary = last["summary"]
    assert summary["frames"] == 60
    assert summary["mode"] == "motion_only"
    assert summary["lines"] == {"middle": {"in": {"motion": 1}, "out": {"motion": 1}}}
    assert [e["payload"]["direction"] for e in events if e["type"] == "line_crossing"] == ["in", "out"]


def test_real_video_with_the_shared_model(tmp_path: Path) -> None:
    video = shared_path("media/vtest.avi")
    model = shared_path("models/yolox_nano.onnx")
    result = CliRunner().invoke(
        cli, ["analyze", str(video), "--model", str(model), "--fps", "5", "--duration", "10", "--json"]
    )
    assert result.exit_code == 0, result.output
    *events, last = json_lines(result.stdout)
    summary = last["summary"]
    assert summary["analysed_frames"] <= summary["frames"] == 51
    assert summary["tracks"].get("person", 0) >= 5
    assert all(event["camera_id"] == "cli" for event in events)


def test_bad_source_fails_with_a_message(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["analyze", str(tmp_path / "absent.mp4"), "--models-dir", str(tmp_path)])
    assert result.exit_code != 0
    assert "cannot open source" in result.stderr


def test_missing_model_file_and_bad_zones_are_usage_errors(tmp_path: Path, clip: Path) -> None:
    runner = CliRunner()
    no_model = runner.invoke(cli, ["analyze", str(clip), "--model", str(tmp_path / "absent.onnx")])
    assert no_model.exit_code == 2
    assert "detector model not found" in no_model.stderr
    zones = tmp_path / "zones.yaml"
    zones.write_text("lines: [{name: a}]\n")
    bad_zones = runner.invoke(cli, ["analyze", str(clip), "--zones", str(zones)])
    assert bad_zones.exit_code == 2
    assert "lines.0.start" in bad_zones.stderr


def test_plain_output_is_one_readable_line_per_event_and_a_summary(tmp_path: Path, clip: Path) -> None:
    zones = tmp_path / "zones.json"
    zones.write_text(json.dumps({"lines": [{"name": "middle", "start": [0, 180], "end": [640, 180]}]}))
    result = CliRunner().invoke(
        cli, ["analyze", str(clip), "--zones", str(zones), "--models-dir", str(tmp_path / "none")]
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert sum("line_crossing" in line for line in lines) == 2
    assert lines[-1].startswith("summary: ")
