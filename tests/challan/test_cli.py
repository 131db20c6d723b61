"""`safecity challan import-registry|list|issue|pdf` on an embedded data directory."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from safecity.cli import app
from safecity.config import load_settings
from safecity.core.db import Database
from tests.challan.helpers import REGISTRY_CSV
from tests.challan.helpers import feed
from tests.challan.helpers import make_runtime
from tests.challan.helpers import plate_read
from tests.challan.helpers import rule_event
from tests.challan.helpers import violations


def test_import_issue_list_and_pdf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAFECITY_DATA_DIR", str(tmp_path / "data"))
    runner = CliRunner()
    csv_file = tmp_path / "registry.csv"
    csv_file.write_text(REGISTRY_CSV)
    result = runner.invoke(app, ["challan", "import-registry", str(csv_file), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"imported": 3}

    database = Database(load_settings(None).resolved_database_url)
    feed(database, make_runtime(tmp_path), rule_event(), plate_read("LEB-06-5700"))
    (violation,) = violations(database)
    database.dispose()

    issued = runner.invoke(app, ["challan", "issue", violation.id, "--json"])
    assert issued.exit_code == 0, issued.output
    number = json.loads(issued.stdout)["ticket"]
    listed = json.loads(runner.invoke(app, ["challan", "list", "--json"]).stdout)
    assert [(t["number"], t["status"], t["fine"]) for t in listed] == [(number, "issued", "2000.00")]
    target = tmp_path / "ticket.pdf"
    assert runner.invoke(app, ["challan", "pdf", number, "-o", str(target)]).exit_code == 0
    assert target.read_bytes().startswith(b"%PDF")
    assert runner.invoke(app, ["challan", "issue", "nope"]).exit_code == 3
    assert runner.invoke(app, ["challan", "pdf", "EC250101-AAAAAAAA"]).exit_code == 3
