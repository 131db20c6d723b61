"""`safecity crime ...`: hotspot forecasts and backtests from crime CSV files.

The `forecast` command is a stable contract used by external checks (issue 19): it reads only events strictly
before `--until` and prints one JSON line per cell with the expected number of events in the next `--days`."""

from __future__ import annotations

import json
import math
from datetime import UTC
from datetime import date
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from typing import Annotated

import typer

from safecity.commands import common

if TYPE_CHECKING:
    from safecity.crime.csv_source import CsvColumns
    from safecity.crime.events import CrimeEvents

app = typer.Typer(
    help="Crime analytics: hotspot forecasts and rolling-origin backtests.", no_args_is_help=True
)

CsvFile = Annotated[Path, typer.Argument(help="Crime CSV (plain or .gz) with a header row.")]
TimeColumn = Annotated[str, typer.Option("--time-column", help="Column with the time of each event.")]
LatColumn = Annotated[str, typer.Option("--lat-column", help="Column with the WGS84 latitude.")]
LonColumn = Annotated[str, typer.Option("--lon-column", help="Column with the WGS84 longitude.")]
TypeColumn = Annotated[str | None, typer.Option("--type-column", help="Column with the crime type.")]
TypeFilter = Annotated[
    str | None, typer.Option("--type", help="Use only events of this type (needs --type-column).")
]
ModelOption = Annotated[str, typer.Option("--model", help="self-exciting (default), kde or blend.")]
CellMetres = Annotated[
    float, typer.Option("--cell-m", min=10.0, help="Side of the own grid's cells, metres.")
]


def _day(text: str, option: str) -> datetime:
    try:
        return datetime.combine(date.fromisoformat(text), datetime.min.time(), tzinfo=UTC)
    except ValueError:
        common.fail(f"{option} {text!r} is not a date (YYYY-MM-DD)", common.ExitCode.USAGE)


def _read(csv_file: Path, columns: CsvColumns, until: datetime | None, kind: str | None) -> CrimeEvents:
    from safecity.crime.csv_source import CrimeCsvError
    from safecity.crime.csv_source import read_crime_csv

    if kind is not None and columns.kind is None:
        common.fail("--type needs --type-column", common.ExitCode.USAGE)
    try:
        report = read_crime_csv(csv_file, columns, until=until)
    except CrimeCsvError as exc:
        common.fail(str(exc), common.ExitCode.USAGE)
    events = report.events()
    if kind is not None:
        events = events.of_kind(kind)
    if report.errors:
        first = report.errors[0]
        typer.echo(
            f"warning: skipped {len(report.errors)} bad row(s) (line {first.line}: {first.message})", err=True
        )
    return events


@app.command("import")
def import_command(
    csv_file: CsvFile,
    time_column: TimeColumn,
    lat_column: LatColumn,
    lon_column: LonColumn,
    type_column: TypeColumn = None,
    config: common.ConfigOption = None,
    as_json: common.JsonOption = False,
) -> None:
    """Store historical records in the database; every skipped row is reported with its line and reason
    (bad coordinates, unparseable times, duplicates in the file or already imported).

    Exit 0 when every row went in, 1 when some were skipped, 2 for an unusable file."""
    from safecity.crime.csv_source import CrimeCsvError
    from safecity.crime.csv_source import CsvColumns
    from safecity.crime.csv_source import read_crime_csv
    from safecity.crime.store import import_records

    try:
        report = read_crime_csv(csv_file, CsvColumns(time_column, lat_column, lon_column, type_column))
    except CrimeCsvError as exc:
        common.fail(str(exc), common.ExitCode.USAGE)
    with common.database_session(config) as session:
        result = import_records(
            session, report, source_file=csv_file.name, by=common.cli_user(), now=datetime.now(UTC)
        )
        common.audit_as_cli(
            session,
            "crime.import",
            "crime_records",
            csv_file.name,
            {"added": result.added, "skipped": len(result.errors)},
        )
    if as_json:
        typer.echo(json.dumps(result.as_dict()))
    else:
        typer.echo(f"{csv_file.name}: {result.added} imported, {len(result.errors)} skipped")
        for error in result.errors:
            typer.echo(f"line {error.line}: {error.message}", err=True)
    if result.errors:
        raise typer.Exit(int(common.ExitCode.PROBLEM))


@app.command("forecast")
def forecast(
    csv_file: CsvFile,
    time_column: TimeColumn,
    lat_column: LatColumn,
    lon_column: LonColumn,
    until: Annotated[str, typer.Option("--until", help="Forecast from this day (YYYY-MM-DD, 00:00 UTC).")],
    days: Annotated[float, typer.Option("--days", min=0.01, help="Horizon in days.")] = 7.0,
    cells_file: Annotated[
        Path | None,
        typer.Option("--cells", help="CSV of id,latitude,longitude cell centres (equal-area cells)."),
    ] = None,
    cell_m: CellMetres = 250.0,
    type_column: TypeColumn = None,
    kind: TypeFilter = None,
    model_name: ModelOption = "self-exciting",
    as_json: common.JsonOption = False,
) -> None:
    """Expected number of events per cell in the `--days` after `--until`, from the events strictly before it.

    With --cells: one line per cell, {"id", "score"}; the cell size is the median spacing of the centres
    (--cell-m for a single cell). Without: the model's own grid of --cell-m cells around the events, lines
    {"lat", "lon", "score"}. No events before --until: every score is 0 (a warning says why)."""
    from safecity.crime.catalog import model_named
    from safecity.crime.cells import grid_over
    from safecity.crime.cells_csv import read_cells_csv
    from safecity.crime.csv_source import CrimeCsvError
    from safecity.crime.csv_source import CsvColumns
    from safecity.crime.events import days_since_epoch

    start = _day(until, "--until")
    try:
        model = model_named(model_name)
    except ValueError as exc:
        common.fail(str(exc), common.ExitCode.USAGE)
    events = _read(csv_file, CsvColumns(time_column, lat_column, lon_column, type_column), start, kind)
    if len(events) == 0:
        typer.echo("warning: no usable events before --until; every score is 0", err=True)
    if cells_file is not None:
        try:
            cells = read_cells_csv(cells_file, events.plane if len(events) else None, cell_m)
        except CrimeCsvError as exc:
            common.fail(str(exc), common.ExitCode.USAGE)
    else:
        cells = grid_over(events, cell_m)
    scores = model.forecast(events, days_since_epoch(start), days, cells)
    if cells_file is not None:
        for cell_id, score in zip(cells.ids, scores, strict=True):
            _emit({"id": str(cell_id), "score": _finite(score)}, as_json)
        return
    lat, lon = events.plane.to_degrees(cells.x, cells.y)
    for cell_lat, cell_lon, score in zip(lat, lon, scores, strict=True):
        _emit(
            {"lat": round(float(cell_lat), 6), "lon": round(float(cell_lon), 6), "score": _finite(score)},
            as_json,
        )


@app.command("backtest")
def backtest_command(
    csv_file: CsvFile,
    time_column: TimeColumn,
    lat_column: LatColumn,
    lon_column: LonColumn,
    start: Annotated[str, typer.Option("--from", help="First week starts on this day (YYYY-MM-DD).")],
    weeks: Annotated[int, typer.Option("--weeks", min=1, help="Number of weekly origins.")] = 52,
    area: Annotated[
        list[float] | None, typer.Option("--area", help="Flagged area share(s), e.g. 0.05.")
    ] = None,
    cell_m: CellMetres = 250.0,
    type_column: TypeColumn = None,
    kind: TypeFilter = None,
    models: Annotated[
        list[str] | None, typer.Option("--model", help="Model(s) to test (default: all).")
    ] = None,
    as_json: common.JsonOption = False,
) -> None:
    """Rolling-origin backtest: PAI, PEI and hit rate with 95 % bootstrap intervals per model and area."""
    from safecity.crime.backtest import backtest
    from safecity.crime.backtest import summarise
    from safecity.crime.catalog import MODEL_NAMES
    from safecity.crime.catalog import model_named
    from safecity.crime.cells import grid_over
    from safecity.crime.csv_source import CsvColumns
    from safecity.crime.events import days_since_epoch

    first = days_since_epoch(_day(start, "--from"))
    shares = tuple(area or [0.05])
    if any(not 0 < share < 1 for share in shares):
        common.fail("--area must be between 0 and 1", common.ExitCode.USAGE)
    loaded = _read(csv_file, CsvColumns(time_column, lat_column, lon_column, type_column), None, kind)
    if len(loaded) == 0:
        common.fail("no usable events in the file", common.ExitCode.USAGE)
    cells = grid_over(loaded, cell_m)
    origins = [first + 7.0 * week for week in range(weeks)]
    summaries = []
    for name in models or list(MODEL_NAMES):
        try:
            model = model_named(name)
        except ValueError as exc:
            common.fail(str(exc), common.ExitCode.USAGE)
        for results in backtest(model, loaded, cells, origins, shares).values():
            summaries.append(summarise(name, results).as_dict() | {"weeks_total": len(results)})
    if as_json:
        typer.echo(json.dumps(summaries))
        return
    for row in summaries:
        pai, hit = row["pai"], row["hit_rate"]
        assert isinstance(pai, dict)
        assert isinstance(hit, dict)
        typer.echo(
            f"{row['model']:>14} area {row['area_share']:.3f}  PAI {pai['value']:.2f} "
            f"[{pai['low']:.2f}, {pai['high']:.2f}]  hit rate {hit['value']:.3f}"
        )


def _finite(score: float) -> float:
    value = float(score)
    return value if math.isfinite(value) and value > 0 else 0.0


def _emit(line: dict[str, object], as_json: bool) -> None:
    typer.echo(json.dumps(line) if as_json else ",".join(str(value) for value in line.values()))
