"""Start-up time of the command line, printed as JSON.

    python bench/cli_startup.py [--runs 10]

Measured: wall time of `safecity --help` and `safecity plates read --help` (each a fresh interpreter), median
and best of the runs. Baseline in the same run: a bare `python -c pass`; ratio = ours / baseline. For scale,
a one-command Typer app's help screen is timed too. Goal: both help screens within 0.5 s.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time

BARE_TYPER_APP = "import typer\napp = typer.Typer()\napp.command()(lambda: None)\napp()"
COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    # What Typer and Rich alone cost: a one-command Typer app's help screen.
    "bare typer app --help": [sys.executable, "-c", BARE_TYPER_APP, "--help"],
    "safecity --help": [sys.executable, "-m", "safecity", "--help"],
    "safecity plates read --help": [sys.executable, "-m", "safecity", "plates", "read", "--help"],
}


def wall_times_ms(command: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    runs = parser.parse_args().runs
    measured = {name: wall_times_ms(command, runs) for name, command in COMMANDS.items()}
    baseline = statistics.median(measured["python -c pass"])
    report = {
        name: {
            "median_ms": round(statistics.median(times), 1),
            "best_ms": round(min(times), 1),
            "ratio_to_bare_python": round(statistics.median(times) / baseline, 1),
        }
        for name, times in measured.items()
    }
    print(json.dumps({"runs": runs, "goal_ms": 500, "results": report}, indent=2))


if __name__ == "__main__":
    main()
