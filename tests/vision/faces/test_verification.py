import json
from pathlib import Path

import numpy as np
import pytest
from tests.conftest import shared_path
from tests.vision.faces.conftest import synthetic_scene
from tests.vision.faces.conftest import write_image
from typer.testing import CliRunner

from safecity.commands.faces import app
from safecity.vision.faces import FacePipeline
from safecity.vision.faces import NoUsableFaceError
from safecity.vision.faces import QualityThresholds
from safecity.vision.faces import create_detector
from safecity.vision.faces import primary_face
from safecity.vision.faces import verify

HOG_ONLY = FacePipeline(create_detector("hog"))
runner = CliRunner()


def test_same_person_is_a_match_at_the_calibrated_threshold() -> None:
    result = verify(shared_path("data/faces/obama/obama.jpg"), shared_path("data/faces/obama/obama3.jpg"))
    assert result.error is None
    assert result.same is True
    assert result.threshold == 0.6
    assert result.distance is not None
    assert result.distance < 0.6
    assert result.model == "dlib-resnet-v1"


def test_different_people_are_not_a_match() -> None:
    result = verify(shared_path("data/faces/obama/obama.jpg"), shared_path("data/faces/biden/biden.jpg"))
    assert result.same is False
    assert result.distance is not None
    assert result.distance > 0.6


def test_missing_face_is_an_error_not_a_decision(tmp_path: Path) -> None:
    blank = write_image(tmp_path / "wall.png", synthetic_scene())
    result = verify(shared_path("data/faces/obama/obama.jpg"), blank, pipeline=HOG_ONLY, labels=("a", "wall"))
    assert result.same is None
    assert result.distance is None
    assert result.error == "no face found in wall"


def test_several_faces_use_the_largest_and_say_so() -> None:
    result = verify(
        shared_path("data/faces/biden/biden.jpg"), shared_path("data/faces/_group/two_people.jpg")
    )
    assert result.same is True
    assert any("has 2 faces; used the largest usable one" in note for note in result.notes)


def test_cli_verify_prints_the_decision_as_json() -> None:
    outcome = runner.invoke(
        app,
        [
            "verify",
            str(shared_path("data/faces/obama/obama.jpg")),
            str(shared_path("data/faces/obama/obama2.jpg")),
            "--json",
        ],
    )
    assert outcome.exit_code == 0, outcome.output
    printed = json.loads(outcome.output)
    assert set(printed) >= {"distance", "same", "threshold", "error"}
    assert printed["same"] is True
    assert printed["threshold"] == 0.6
    assert printed["error"] is None


def test_cli_verify_reports_unreadable_input_and_exits_non_zero(tmp_path: Path) -> None:
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff garbage")
    outcome = runner.invoke(app, ["verify", str(broken), str(broken), "--json", "--detector", "hog"])
    assert outcome.exit_code == 1
    printed = json.loads(outcome.output)
    assert printed["same"] is None
    assert "broken.jpg: not a readable image" in printed["error"]


def test_cli_analyse_reports_each_image_on_its_own(tmp_path: Path) -> None:
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG not really")
    blank = write_image(tmp_path / "blank.png", np.full((100, 100, 3), 200, dtype=np.uint8))
    good = shared_path("data/faces/obama/obama_small.jpg")
    outcome = runner.invoke(
        app, ["analyse", str(broken), str(blank), str(good), "--json", "--detector", "hog"]
    )
    assert outcome.exit_code == 0, outcome.output
    reports = [json.loads(line) for line in outcome.output.splitlines()]
    assert [len(r["faces"]) for r in reports] == [0, 0, 1]
    assert "not a readable image" in reports[0]["error"]
    assert reports[1]["error"] is None
    assert reports[2]["faces"][0]["quality"]["passed"] is True


def test_cli_rejects_an_unknown_detector() -> None:
    outcome = runner.invoke(app, ["verify", "a.jpg", "b.jpg", "--detector", "mtcnn"])
    assert outcome.exit_code != 0
    assert "unknown face detector" in outcome.output


def test_enrolment_refuses_an_image_whose_only_face_is_poor_and_says_why() -> None:
    enrolment = FacePipeline(create_detector("hog"), thresholds=QualityThresholds.for_enrolment())
    faces = enrolment.analyse(shared_path("data/faces/obama/obama-240p.jpg"))
    with pytest.raises(
        NoUsableFaceError, match=r"no usable face in obama-240p: face too small \(63 px < 80 px\)"
    ):
        primary_face(faces, "obama-240p")


def test_cli_verify_pairs_prints_one_json_line_per_row_in_order(tmp_path: Path) -> None:
    faces = shared_path("data/faces")
    wall = write_image(tmp_path / "wall.png", synthetic_scene())
    pairs = tmp_path / "pairs.csv"
    pairs.write_text(
        "file_x,file_y\n"
        f"{faces / 'obama/obama.jpg'},{faces / 'obama/obama2.jpg'}\n"
        f"{faces / 'obama/obama.jpg'},{faces / 'biden/biden.jpg'}\n"
        "wall.png,missing.jpg\n"
    )
    outcome = runner.invoke(app, ["verify", "--pairs", str(pairs), "--detector", "hog"])
    assert outcome.exit_code == 1  # one pair could not be decided
    same, different, undecided = (json.loads(line) for line in outcome.output.splitlines())
    assert (same["same"], different["same"], undecided["same"]) == (True, False, None)
    assert same["file_y"] == str(faces / "obama/obama2.jpg")
    assert set(same) >= {"distance", "threshold", "error", "model", "notes"}
    assert undecided["file_x"] == str(wall)  # relative paths are read from the CSV's folder
    assert undecided["error"] == f"no face found in {wall}"


def test_cli_verify_pairs_names_missing_columns(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.csv"
    pairs.write_text("a,b\nx.jpg,y.jpg\n")
    outcome = runner.invoke(app, ["verify", "--pairs", str(pairs)])
    assert outcome.exit_code == 2
    assert "needs the columns file_x,file_y (missing: file_x, file_y)" in outcome.output


def test_cli_verify_wants_two_images_or_pairs() -> None:
    outcome = runner.invoke(app, ["verify", "a.jpg"])
    assert outcome.exit_code == 2
    assert "give two images, or --pairs" in outcome.output
