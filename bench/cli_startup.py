"""Start-up time of the command line, printed as JSON.

    python bench/cli_startup.py [--runs 10]

Measured: wall time of `safecity --help` and `safecity plates read --help` (each a fresh interpreter), median
and best of the runs, and the median CPU time (user + system), which a busy machine moves less. Baselines in
the same run: a bare `python -c pass`, and the help screen of the smallest Typer app with a command like ours
(what Typer and Rich cost alone); ratio = ours / baseline. Goal: both help screens within 0.5 s.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time

# A one-command Typer app with a list-of-paths argument and a flag, like `safecity plates read`.
BARE_TYPER_APP = """
from pathlib import Path
from typing import Annotated
import typer
def read(paths: Annotated[list[Path], typer.Argument()], as_json: bool = False) -> None: ...
typer.run(read)
"""
COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    # What Typer and Rich alone cost: the help screen of the smallest Typer app with a command like ours.
    "bare typer app --help": [sys.executable, "-c", BARE_TYPER_APP, "--help"],
    "safecity --help": [sys.executable, "-m", "safecity", "--help"],
    "safecity plates read --help": [sys.executable, "-m", "safecity", "plates", "read", "--help"],
}


def child_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_runs_ms(command: list[str], runs: int) -> tuple[list[float], list[float]]:
    """Wall and CPU (user + system) milliseconds of each run; CPU time moves less on a busy machine."""
    wall, cpu = [], []
    for _ in range(runs):
        start, cpu_start = time.perf_counter(), child_cpu_s()
        subprocess.run(command, check=True, capture_output=True)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((child_cpu_s() - cpu_start) * 1000)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    runs = parser.parse_args().runs
    measured = {name: timed_runs_ms(command, runs) for name, command in COMMANDS.items()}
    medians = {name: statistics.median(wall) for name, (wall, _) in measured.items()}
    report = {
        name: {
            "median_ms": round(medians[name], 1),
            "best_ms": round(min(wall), 1),
            "median_cpu_ms": round(statistics.median(cpu), 1),
            "ratio_to_bare_python": round(medians[name] / medians["python -c pass"], 1),
            "ratio_to_bare_typer": round(medians[name] / medians["bare typer app --help"], 2),
        }
        for name, (wall, cpu) in measured.items()
    }
    print(json.dumps({"runs": runs, "goal_ms": 500, "results": report}, indent=2))


if __name__ == "__main__":
    main()
