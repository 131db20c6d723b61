"""Crime hotspot models on the shared data and at city scale; prints one JSON object (and, with --markdown,
the tables docs/analytics.md shows).

    python bench/crime.py [--part backtest|scale|patrol|all] [--step 1] [--dataset NAME] [--events 100000]
                          [--markdown]

1. Backtest: rolling origins, one per week (every --step-th week), on the shared Cincinnati burglaries
   (origins 2017-01-01 → end of 2018, so every fit has ≥ 1 year of history) and San Francisco robberies
   (origins from 2019-05-01, the first four months as history). 250 m cells over the data's footprint (cells
   within 500 m of some event), top 1 %, 5 % and 10 % of cells flagged; PAI, PEI and hit rate pooled over the
   weeks with 95 % bootstrap intervals, for each model, including the KDE baseline at its default and at the
   bandwidth/window that did best in the sweep reported in docs/analytics.md; and each model's PAI minus the
   baseline's with a paired bootstrap interval (the same resampled weeks for both).
3. Patrol (`--part patrol`): 10 units, next-day coverage (events within 500 m of a patrolled cell) of plans
   from the self-exciting forecast vs the cells with the most events in the previous week (Cincinnati).
2. Scale: a planted self-exciting process with --events events over three years on a 20 km × 20 km city;
   wall time of one fit and one 7-day forecast on the 250 m grid, on one core, and the peak traced memory.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

import numpy as np

for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(variable, "1")

from safecity.crime.backtest import backtest  # noqa: E402
from safecity.crime.backtest import paired_pai_difference  # noqa: E402
from safecity.crime.backtest import rolling_origins  # noqa: E402
from safecity.crime.backtest import summarise  # noqa: E402
from safecity.crime.blend import BlendModel  # noqa: E402
from safecity.crime.cells import grid_over  # noqa: E402
from safecity.crime.csv_source import CsvColumns  # noqa: E402
from safecity.crime.csv_source import parse_time  # noqa: E402
from safecity.crime.csv_source import read_crime_csv  # noqa: E402
from safecity.crime.events import days_since_epoch  # noqa: E402
from safecity.crime.kde import RetrospectiveKde  # noqa: E402
from safecity.crime.models import HotspotModel  # noqa: E402
from safecity.crime.patrol import PatrolUnit  # noqa: E402
from safecity.crime.patrol import coverage  # noqa: E402
from safecity.crime.patrol import last_week_placement  # noqa: E402
from safecity.crime.patrol import plan_patrols  # noqa: E402
from safecity.crime.self_exciting import SelfExcitingModel  # noqa: E402
from safecity.crime.self_exciting import SelfExcitingParams  # noqa: E402
from safecity.crime.synthetic import self_exciting_process  # noqa: E402
from safecity.crime.validated import RollingValidated  # noqa: E402
from safecity.crime.validated_blend import ValidatedBlend  # noqa: E402
from safecity.dispatch.routing import GreatCircleRouter  # noqa: E402

SHARED = Path(os.environ.get("SAFECITY_SHARED_DIR", Path(__file__).resolve().parents[2] / "shared"))
DATASETS = {
    "cincinnati_burglary": (
        "data/crime/cincinnati_burglary.csv.gz",
        CsvColumns("offense_date", "latitude", "longitude", "offense"),
        "2017-01-01",
    ),
    "san_francisco_robbery": (
        "data/crime/san_francisco_robbery.csv",
        CsvColumns("date_time", "latitude", "longitude", "offense_type"),
        "2019-05-01",
    ),
}
SHARES = (0.01, 0.05, 0.10)


KDE_GRID = [(bandwidth, window) for bandwidth in (100, 150, 250, 400) for window in (365, 730)]
NEIGHBOURS = (5, 10, 20)


def models() -> list[HotspotModel]:
    """The baseline KDE (the issue's), the KDE tuned on the test weeks themselves (an optimistic reference,
    not a fair competitor), the KDE and the self-exciting model with hyper-parameters chosen by rolling
    validation on the four weeks before each origin (re-chosen every four weeks), the self-exciting model
    with its a-priori settings (k = 15) and, for comparison, with its background map declustered (Zhuang et
    al. 2002: the model before Mohler's 2014 long-term map of all events), and the blend with its weight
    fixed (0.5) and rolling-validated."""
    return [
        RetrospectiveKde(),
        RetrospectiveKde(bandwidth_m=150, window_days=730, name="kde-tuned"),
        RollingValidated(
            [RetrospectiveKde(bandwidth_m=b, window_days=w, name=f"kde-{b}m-{w}d") for b, w in KDE_GRID],
            name="kde-validated",
        ),
        SelfExcitingModel(),
        SelfExcitingModel(declustered_background=True, name="self-exciting-declustered"),
        RollingValidated(
            [SelfExcitingModel(neighbours=k, name=f"self-exciting-k{k}") for k in NEIGHBOURS],
            name="self-exciting-validated",
        ),
        BlendModel(),
        ValidatedBlend(),
    ]


def run_backtests(step: int, only: str | None = None, model_names: list[str] | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, (relative, columns, first_day) in DATASETS.items():
        if only and name != only:
            continue
        report = read_crime_csv(SHARED / relative, columns)
        events = report.events()
        cells = grid_over(events, 250, reach_m=500)
        first = days_since_epoch(parse_time(first_day))
        origins = rolling_origins(events, first, float(events.t[-1]))[::step]
        rows = []
        baseline: dict[float, Any] = {}
        for model in models():
            if model_names and model.name not in model_names:
                continue
            started = time.perf_counter()
            results = backtest(model, events, cells, origins, SHARES)
            seconds = time.perf_counter() - started
            fitted = _fitted(model)
            if model.name == "kde":
                baseline = results
            for share, weeks in results.items():
                # PAI minus the baseline's on the same weeks, paired bootstrap (when the baseline ran first)
                paired = (
                    {"pai_minus_kde": paired_pai_difference(weeks, baseline[share]).as_dict()}
                    if share in baseline
                    else {}
                )
                rows.append(
                    summarise(model.name, weeks).as_dict()
                    | {"share": share, "seconds": round(seconds, 1)}
                    | paired
                    | fitted
                )
            print(f"{name} {model.name} done in {seconds:.0f} s", file=sys.stderr, flush=True)
        out[name] = {
            "events": len(events),
            "skipped_rows": len(report.errors),
            "cells": len(cells),
            "origins": len(origins),
            "rows": rows,
        }
    return out


def _fitted(model: HotspotModel) -> dict[str, Any]:
    """What the model ended on: the self-exciting parameters of the last fit, the last validated choice."""
    out: dict[str, Any] = {}
    if isinstance(model, RollingValidated) and model.chosen is not None:
        out["last_choice"] = model.chosen.name
        model = model.chosen
    if isinstance(model, ValidatedBlend):
        out["last_choice"] = f"weight {model.chosen_weight}"
        model = model.self_exciting
    if isinstance(model, SelfExcitingModel) and model.warm_start is not None:
        out["last_params"] = {k: round(v, 4) for k, v in model.warm_start.as_dict().items()}
    return out


def run_scale(events_wanted: int) -> dict[str, Any]:
    days, side = 3 * 365.0, 20_000.0
    planted = SelfExcitingParams(mu=events_wanted * 0.8 / days, theta=0.2, omega=0.1, sigma_m=100.0)
    events = self_exciting_process(planted, days, side, seed=7)
    cells = grid_over(events, 250)
    model = SelfExcitingModel(window_days=days + 1)
    tracemalloc.start()
    started, started_cpu = time.perf_counter(), time.process_time()
    fit = model.fit(events, days)
    fitted, fitted_cpu = time.perf_counter(), time.process_time()
    scores = model.forecast_from(fit, days, 7.0, cells)
    done, done_cpu = time.perf_counter(), time.process_time()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "events": len(events),
        "cells": len(cells),
        "fit_s": round(fitted - started, 2),
        "forecast_s": round(done - fitted, 2),
        "total_s": round(done - started, 2),
        # CPU time of this process: what one core spends, whatever else the machine is running
        "fit_cpu_s": round(fitted_cpu - started_cpu, 2),
        "forecast_cpu_s": round(done_cpu - fitted_cpu, 2),
        "em_iterations": fit.iterations,
        "peak_traced_mib": round(peak / 2**20, 1),
        "max_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "planted": planted.as_dict(),
        "fitted": fit.params.as_dict(),
        "expected_total": float(scores.sum()),
    }


def _interval(value: dict[str, float]) -> str:
    return f"{value['value']:.2f} [{value['low']:.2f}, {value['high']:.2f}]"


def run_patrol(step: int, units: int = 10) -> dict[str, Any]:
    """Coverage of the next day's events (within 500 m of a patrolled cell): plans from the self-exciting
    forecast (units starting at the data's median point, great-circle router, 8-hour shift) vs the cells
    with the most events in the week before."""
    relative, columns, first_day = DATASETS["cincinnati_burglary"]
    events = read_crime_csv(SHARED / relative, columns).events()
    cells = grid_over(events, 250, reach_m=500)
    lat, lon = events.plane.to_degrees(cells.x, cells.y)
    positions = list(zip(lat.tolist(), lon.tolist(), strict=True))
    depot = (float(np.median(lat)), float(np.median(lon)))
    fleet = [PatrolUnit(f"u{i}", depot) for i in range(units)]
    model = SelfExcitingModel()
    planned, baseline = [], []
    for origin in rolling_origins(events, days_since_epoch(parse_time(first_day)), float(events.t[-1]))[
        ::step
    ]:
        history, nxt = events.before(origin), events.between(origin, origin + 1.0)
        risk = model.forecast(history, origin, 1.0, cells)
        plan = plan_patrols(cells, positions, risk, fleet, GreatCircleRouter(), shift_hours=8.0)
        planned.append(coverage(cells, [a.cell_index for a in plan.assignments], nxt))
        baseline.append(coverage(cells, last_week_placement(cells, history, origin, units), nxt))
    return {
        "units": units,
        "days": len(planned),
        "coverage_forecast_plan": round(float(np.mean(planned)), 3),
        "coverage_last_week_counts": round(float(np.mean(baseline)), 3),
    }


def markdown(result: dict[str, Any]) -> str:
    lines = []
    for name, data in result.get("backtest", {}).items():
        counts = f"{data['events']} events, {data['cells']} cells, {data['origins']} weekly origins"
        lines.append(f"\n**{name}**: {counts}\n")
        lines.append(
            "| model | area | PAI [95 % CI] | PAI − kde, paired [95 % CI] | PEI [95 % CI]"
            " | hit rate [95 % CI]"
            " | time (s) |"
        )
        lines.append("|---|---|---|---|---|---|---|")
        for row in data["rows"]:
            keys = ("pai", "pai_minus_kde", "pei", "hit_rate")
            intervals = " | ".join(_interval(row[key]) if key in row else "—" for key in keys)
            lines.append(f"| {row['model']} | {row['share']:.0%} | {intervals} | {row['seconds']} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--part", choices=("backtest", "scale", "patrol", "all"), default="all")
    parser.add_argument("--step", type=int, default=1)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--dataset", choices=sorted(DATASETS), help="backtest only this data set")
    parser.add_argument("--model", action="append", help="backtest only this model (repeatable)")
    args = parser.parse_args()
    result: dict[str, Any] = {}
    if args.part in ("scale", "all"):
        result["scale"] = run_scale(args.events)
    if args.part in ("patrol", "all"):
        result["patrol"] = run_patrol(args.step)
    if args.part in ("backtest", "all"):
        result["backtest"] = run_backtests(args.step, args.dataset, args.model)
    print(json.dumps(result, indent=2))
    if args.markdown:
        print(markdown(result))


if __name__ == "__main__":
    main()
