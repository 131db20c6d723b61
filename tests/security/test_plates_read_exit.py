"""`safecity plates read` tells scripts when it failed: a missing or unreadable image is a non-zero exit."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from safecity.cli import app

runner = CliRunner()


def test_every_input_failing_exits_non_zero(tmp_path: Path) -> None:
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"not a picture")
    result = runner.invoke(app, ["plates", "read", str(tmp_path / "missing.jpg"), str(broken), "--json"])
    assert result.exit_code == 1
    assert "2 of 2 images could not be read" in result.output
    assert "no such file" in result.output


def test_a_folder_without_images_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["plates", "read", str(tmp_path)])
    assert result.exit_code == 2
    assert "no images found" in result.output
