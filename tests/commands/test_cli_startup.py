"""The command line starts without loading the heavy libraries: commands import them when they run.

Each check runs in a fresh interpreter, because the test process itself has long imported everything.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY_MODULES = ("onnxruntime", "cv2", "dlib", "sqlalchemy", "fastapi", "av", "numpy")
DOMAIN_PACKAGES = (
    "alerts",
    "anpr",
    "cameras",
    "challan",
    "dashboards",
    "dispatch",
    "events_search",
    "evidence",
    "faces",
    "reports",
    "watchlist",
)
# The light vocabulary modules the CLI offers as option choices (enums); they import nothing heavy.
ALLOWED_DOMAIN_MODULES = frozenset(
    {
        "safecity.challan",
        "safecity.challan.vocabulary",
        "safecity.faces",
        "safecity.faces.vocabulary",
        "safecity.watchlist",
        "safecity.watchlist.vehicles",
        "safecity.watchlist.vehicles.vocabulary",
    }
)

LOADED_AFTER = """
import json, sys
{code}
print(json.dumps(sorted(sys.modules)))
"""


def modules_loaded_by(code: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", LOADED_AFTER.format(code=code)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return set(json.loads(done.stdout.splitlines()[-1]))


def is_domain_module(name: str) -> bool:
    root, _, rest = name.partition(".")
    return root == "safecity" and rest.split(".")[0] in DOMAIN_PACKAGES and name not in ALLOWED_DOMAIN_MODULES


def heavy_or_domain(loaded: set[str]) -> list[str]:
    heavy = [name for name in HEAVY_MODULES if name in loaded]
    return heavy + sorted(name for name in loaded if is_domain_module(name))


def test_importing_the_cli_loads_no_heavy_module() -> None:
    assert heavy_or_domain(modules_loaded_by("import safecity.cli")) == []


@pytest.mark.parametrize("args", [["--help"], ["plates", "read", "--help"], ["faces", "identify", "--help"]])
def test_help_builds_every_command_without_loading_heavy_modules(args: list[str]) -> None:
    code = f"""
from typer.testing import CliRunner
from safecity.cli import app
result = CliRunner().invoke(app, {args!r})
assert result.exit_code == 0, result.output
"""
    assert heavy_or_domain(modules_loaded_by(code)) == []
