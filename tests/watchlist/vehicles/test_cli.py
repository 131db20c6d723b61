"""`safecity hotlists import LIST FILE.csv`: per-row errors with line numbers, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from safecity.cli import app

runner = CliRunner()


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "safecity.yaml"
    path.write_text(f"data_dir: {tmp_path / 'data'}\n", encoding="utf-8")
    return path


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_import_creates_the_list_reports_bad_lines_and_is_repeatable(config: Path, tmp_path: Path) -> None:
    csv_file = tmp_path / "stolen.csv"
    csv_file.write_text("plate,reason\nLEB-06-5700,stolen\nLEB*,bad\nRIA-9133,wanted\n", encoding="utf-8")

    assert run("hotlists", "import", "stolen", str(csv_file), "-c", str(config))[0] == 3  # no such list
    code, output = run(
        "hotlists", "import", "stolen", str(csv_file), "--create", "stolen", "-c", str(config), "--json"
    )
    assert code == 1  # some rows failed
    report = json.loads(output.splitlines()[0])
    assert (report["created"], report["failed"], report["errors"][0]["line"]) == (2, 1, 3)

    code, output = run("hotlists", "import", "stolen", str(csv_file), "-c", str(config), "--json")
    assert json.loads(output.splitlines()[0])["updated"] == 2
    code, output = run("hotlists", "list", "-c", str(config), "--json")
    assert json.loads(output) == [
        {"name": "stolen", "kind": "stolen", "edit_budget": 1.0, "active": True, "entries": 2}
    ]


def test_an_unusable_file_is_a_usage_error(config: Path, tmp_path: Path) -> None:
    assert run("hotlists", "import", "x", str(tmp_path / "missing.csv"), "-c", str(config))[0] == 2
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"\xff\xfe\x00plate")
    assert run("hotlists", "import", "x", str(binary), "-c", str(config))[0] == 2
