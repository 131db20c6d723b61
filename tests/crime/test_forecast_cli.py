"""`safecity crime forecast`: the contract external checks rely on, and bad input answered clearly."""

from __future__ import annotations

import json
import math
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from pathlib import Path

import numpy as np
from typer.testing import CliRunner

from safecity.cli import app

runner = CliRunner()
BASE = datetime(2024, 3, 1, tzinfo=UTC)
CONTRACT = ["--time-column", "when", "--lat-column", "lat", "--lon-column", "lon"]


def _write_events(path: Path, rows: list[tuple[datetime, float, float]]) -> Path:
    lines = ["when,lat,lon,kind"] + [
        f"{moment.isoformat()},{lat},{lon},burglary" for moment, lat, lon in rows
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _write_cells(path: Path) -> Path:
    rows = ["id,latitude,longitude"]
    for i in range(5):
        for j in range(5):
            rows.append(f"c{i}{j},{39.10 + i * 0.00225},{-84.50 + j * 0.0029}")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def _forecast(*args: str) -> tuple[int, list[dict[str, object]], str]:
    result = runner.invoke(app, ["crime", "forecast", *args])
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    return result.exit_code, lines, result.output


def _clustered_history(rng: np.random.Generator, days: int) -> list[tuple[datetime, float, float]]:
    rows = []
    for day in range(days):
        for _ in range(3):
            rows.append(
                (
                    BASE + timedelta(days=day, hours=float(rng.uniform(0, 24))),
                    39.1045 + rng.normal(0, 0.0005),
                    -84.4942 + rng.normal(0, 0.0005),
                )
            )
        rows.append(
            (BASE + timedelta(days=day), 39.10 + rng.uniform(0, 0.011), -84.50 + rng.uniform(0, 0.0145))
        )
    return rows


def test_one_line_per_cell_with_the_expected_count_and_the_hot_cell_first(tmp_path: Path) -> None:
    events = _write_events(tmp_path / "events.csv", _clustered_history(np.random.default_rng(0), 60))
    cells = _write_cells(tmp_path / "cells.csv")

    code, lines, _ = _forecast(
        str(events), *CONTRACT, "--until", "2024-04-30", "--days", "7", "--cells", str(cells), "--json"
    )

    assert code == 0
    assert [line["id"] for line in lines] == [f"c{i}{j}" for i in range(5) for j in range(5)]
    scores = {str(line["id"]): float(line["score"]) for line in lines}  # type: ignore[arg-type]
    assert max(scores, key=scores.__getitem__) == "c22"
    assert 7 * 4 * 0.5 < sum(scores.values()) < 7 * 4 * 1.5  # about four events a day, most inside the cells


def test_events_at_or_after_until_are_never_used(tmp_path: Path) -> None:
    rng = np.random.default_rng(1)
    history = _clustered_history(rng, 30)
    future = [(BASE + timedelta(days=40, hours=h), 39.1090, -84.4884) for h in range(50)]
    cells = _write_cells(tmp_path / "cells.csv")
    until = ["--until", (BASE + timedelta(days=40)).date().isoformat(), "--cells", str(cells), "--json"]

    _, without, _ = _forecast(str(_write_events(tmp_path / "a.csv", history)), *CONTRACT, *until)
    _, with_future, _ = _forecast(str(_write_events(tmp_path / "b.csv", history + future)), *CONTRACT, *until)

    assert without == with_future


def test_without_cells_it_scores_its_own_grid(tmp_path: Path) -> None:
    events = _write_events(tmp_path / "events.csv", _clustered_history(np.random.default_rng(2), 20))

    code, lines, _ = _forecast(str(events), *CONTRACT, "--until", "2024-03-21", "--cell-m", "250", "--json")

    assert code == 0
    assert lines
    assert set(lines[0]) == {"lat", "lon", "score"}


def test_an_empty_window_gives_zero_scores_and_says_why(tmp_path: Path) -> None:
    events = _write_events(tmp_path / "events.csv", [(BASE + timedelta(days=5), 39.1, -84.5)])
    cells = _write_cells(tmp_path / "cells.csv")

    code, lines, output = _forecast(
        str(events), *CONTRACT, "--until", "2024-03-01", "--cells", str(cells), "--json"
    )

    assert code == 0
    assert len(lines) == 25
    assert all(line["score"] == 0.0 for line in lines)
    assert "no usable events before --until" in output


def test_all_events_in_one_place_give_finite_scores_peaking_there(tmp_path: Path) -> None:
    rows = [(BASE + timedelta(days=day), 39.1045, -84.4942) for day in range(30) for _ in range(2)]
    events = _write_events(tmp_path / "events.csv", rows)
    cells = _write_cells(tmp_path / "cells.csv")

    for model in ("self-exciting", "kde", "blend"):
        code, lines, _ = _forecast(
            str(events), *CONTRACT, "--until", "2024-04-01", "--cells", str(cells), "--model", model, "--json"
        )
        scores = [float(line["score"]) for line in lines]  # type: ignore[arg-type]
        assert code == 0
        assert all(math.isfinite(score) and score >= 0 for score in scores)
        assert lines[int(np.argmax(scores))]["id"] == "c22"


def test_a_csv_without_coordinates_is_refused_naming_the_column(tmp_path: Path) -> None:
    events = tmp_path / "events.csv"
    events.write_text("when,kind\n2024-03-01T10:00:00Z,burglary\n", encoding="utf-8")

    code, lines, output = _forecast(str(events), *CONTRACT, "--until", "2024-04-01", "--json")

    assert code == 2
    assert not lines
    assert "missing latitude column 'lat', longitude column 'lon'" in output


def test_bad_rows_are_reported_and_skipped(tmp_path: Path) -> None:
    events = tmp_path / "events.csv"
    events.write_text(
        "when,lat,lon\n2024-03-01T10:00:00Z,39.1,-84.5\nyesterday,39.1,-84.5\n2024-03-02T10:00:00Z,NA,-84.5\n"
        "2024-03-01T10:00:00Z,39.1,-84.5\n",
        encoding="utf-8",
    )

    code, lines, output = _forecast(str(events), *CONTRACT, "--until", "2024-04-01", "--json")

    assert code == 0
    assert lines
    assert "skipped 3 bad row(s) (line 3: when: unparseable time 'yesterday')" in output
