"""`safecity faces enroll / identify / subjects`: JSON lines a script can read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from safecity.cli import app
from tests.conftest import shared_path

runner = CliRunner()


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "safecity.yaml"
    path.write_text(f"data_dir: {tmp_path / 'data'}\n", encoding="utf-8")
    return path


def run(*args: str) -> tuple[int, list[str]]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output.splitlines()


def test_enroll_creates_the_subject_then_identify_finds_them(config: Path, tmp_path: Path) -> None:
    obama = shared_path("data/faces/obama/obama.jpg")
    probe = shared_path("data/faces/obama/obama-480p.jpg")
    blank = tmp_path / "blank.jpg"
    blank.write_bytes(b"not an image")

    code, _ = run("faces", "enroll", "--subject", "w-1", str(obama), "-c", str(config))
    assert code == 2  # a new subject needs its name, category, reason and legal authority
    code, lines = run(
        "faces", "enroll", "--subject", "w-1", "--name", "Barack Obama", "--category", "wanted",
        "--reason", "test", "--authority", "warrant 1/2024", str(obama), str(blank), "-c", str(config),
    )  # fmt: skip
    assert code == 1  # one image was refused
    created, enrolled, refused = (json.loads(line) for line in lines)
    assert created == {"subject": "w-1", "created": True}
    assert enrolled["error"] is None
    assert len(enrolled["sha256"]) == 64
    assert refused["error"]

    code, lines = run("faces", "identify", str(probe), "--json", "-c", str(config))
    assert code == 0
    [report] = [json.loads(line) for line in lines]
    assert report["image"] == str(probe)
    assert report["error"] is None
    [face] = report["faces"]
    assert set(face) >= {"box", "quality", "candidates"}
    assert face["candidates"][0]["subject"] == "w-1"
    assert face["candidates"][0]["score"] > 0.5

    code, lines = run("faces", "subjects", "--json", "-c", str(config))
    assert [json.loads(line)["vectors"] for line in lines] == [1]
