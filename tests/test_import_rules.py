"""The import rules of docs/architecture.md hold: `lint-imports` keeps every contract in pyproject.toml.

The contracts (`[tool.importlinter]`): packages import only downward through the layers, no two packages of
`safecity` import each other (no folder cycles), and pipeline/vision/video never import SQLAlchemy or FastAPI.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def test_every_import_contract_is_kept() -> None:
    done = subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo", str(ROOT / "pyproject.toml")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, f"import rules broken:\n{done.stdout}\n{done.stderr}"
