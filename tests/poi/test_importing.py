"""Importing records from a CSV: good rows become records, bad rows and duplicates are skipped and reported
by line and field, over HTTP and from the command line."""

from __future__ import annotations

import json
from datetime import date
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from safecity.cli import app
from tests.poi.conftest import CNIC
from tests.poi.conftest import create
from tests.poi.conftest import headers

AHEAD = (date.today() + timedelta(days=90)).isoformat()
PAST = (date.today() - timedelta(days=3)).isoformat()
HEADER = (
    "Name,Aliases,Father's name,Date of birth,CNIC,Status,Legal basis,Legal basis expires,Review date,"
    "FIRs,Plates,Notes\n"
)


def rows(*lines: str) -> str:
    return HEADER + "".join(line + "\n" for line in lines)


GOOD = (
    f"Asif Ali,Chhota Asif;AA,Bashir Ahmed,1990-02-01,61101-7654321-3,proclaimed offender,Court order 1/2026,"
    f",{AHEAD},12/2026 @ Gulberg; 40/2025 @ Model Town,LEB-1234; ICT-777,seen near Liberty"
)


def post(http: TestClient, text: str) -> Any:
    files = {"file": ("persons.csv", text.encode(), "text/csv")}
    response = http.post("/api/v1/persons/import", files=files, headers=headers(http))
    assert response.status_code == 200, response.text
    return response.json()


def test_a_good_row_becomes_a_record_with_its_aliases_firs_and_vehicles(client: TestClient) -> None:
    report = post(client, rows(GOOD))
    assert report["errors"] == []
    assert report["duplicates"] == []
    [(line, person_id)] = [(c["line"], c["person_id"]) for c in report["created"]]
    assert line == 2
    person = client.get(f"/api/v1/persons/{person_id}", headers=headers(client)).json()
    assert person["name"] == "Asif Ali"
    assert person["aliases"] == ["Chhota Asif", "AA"]
    assert person["father_name"] == "Bashir Ahmed"
    assert person["status"] == "proclaimed_offender"
    assert person["cnic_masked"] == "61101-*******-3"
    assert person["firs"] == [
        {"number": "12/2026", "police_station": "Gulberg"},
        {"number": "40/2025", "police_station": "Model Town"},
    ]
    assert [v["plate"] for v in person["vehicles"]] == ["LEB-1234", "ICT-777"]
    assert all(v["hotlist_entry_id"] is not None for v in person["vehicles"])


def test_bad_rows_are_skipped_and_named_by_line_and_field(client: TestClient) -> None:
    report = post(
        client,
        rows(
            GOOD,
            f"Bad Cnic,,,,1234,suspect,FIR 9/2026,,{AHEAD},,,",
            f"Bad Status,,,,,outlaw,FIR 9/2026,,{AHEAD},,,",
            f"Expired Basis,,,,,suspect,FIR 9/2026,{PAST},{AHEAD},,,",
            f"Bad Date,,,1990-13-45,,suspect,FIR 9/2026,,{AHEAD},,,",
            f"Bad Fir,,,,,suspect,FIR 9/2026,,{AHEAD},123/2026 Model Town,,",
            "No Review,,,,,suspect,FIR 9/2026,,,,,",
        ),
    )
    assert [c["line"] for c in report["created"]] == [2]
    assert [(e["line"], e["field"]) for e in report["errors"]] == [
        (3, "cnic"),
        (4, "status"),
        (5, "legal_basis_expires"),
        (6, "date_of_birth"),
        (7, "firs"),
        (8, "review_date"),
    ]
    messages = {e["line"]: e["message"] for e in report["errors"]}
    assert "13 digits" in messages[3]
    assert "expired" in messages[5]
    listed = client.get("/api/v1/persons", headers=headers(client)).json()
    assert [p["name"] for p in listed["persons"]] == ["Asif Ali"]


def test_duplicates_of_records_and_of_earlier_rows_are_reported_not_created(client: TestClient) -> None:
    imran = create(client)  # Imran Khan s/o Ikramullah Khan, born 1985-04-12, CNIC 35202-1234567-1
    report = post(
        client,
        rows(
            f"Someone Else,,,,{CNIC},suspect,FIR 9/2026,,{AHEAD},,,",
            f"  imran   KHAN ,,IKRAMULLAH khan,1985-04-12,,wanted,FIR 9/2026,,{AHEAD},,,",
            f"Mohammad Asif,,Bashir Ahmad,1990-02-01,,wanted,FIR 9/2026,,{AHEAD},,,",
            f"Muhammed Asif,,Bashir Ahmed,1990-02-01,,wanted,FIR 10/2026,,{AHEAD},,,",
            f"Muhammad Asif,,Bashir Ahmed,1991-02-01,,wanted,FIR 11/2026,,{AHEAD},,,",
        ),
    )
    duplicates = [(d["line"], d["person_ids"], d["reason"]) for d in report["duplicates"]]
    [first_asif, other_asif] = [c["person_id"] for c in report["created"]]
    assert duplicates == [
        (2, [imran["id"]], "same CNIC"),
        (3, [imran["id"]], "same name, father's name and date of birth"),
        (5, [first_asif], "same name, father's name and date of birth"),
    ]
    assert other_asif != first_asif  # a different date of birth is a different person
    assert report["errors"] == []


def test_a_file_without_the_required_columns_is_a_422_on_file(client: TestClient) -> None:
    files = {"file": ("persons.csv", b"name,notes\nA,b\n", "text/csv")}
    response = client.post("/api/v1/persons/import", files=files, headers=headers(client))
    assert response.status_code == 422
    [detail] = response.json()["detail"]
    assert detail["loc"] == ["body", "file"]
    assert "status" in detail["msg"]
    assert "review_date" in detail["msg"]


def test_importing_needs_persons_manage(client: TestClient) -> None:
    files = {"file": ("persons.csv", rows(GOOD).encode(), "text/csv")}
    response = client.post("/api/v1/persons/import", files=files, headers=headers(client, "operator"))
    assert response.status_code == 403


def test_the_command_imports_reports_and_exits_non_zero_when_a_row_was_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SAFECITY_DATA_DIR", str(tmp_path / "data"))
    csv_file = tmp_path / "persons.csv"
    runner = CliRunner()

    csv_file.write_text(rows(GOOD))
    result = runner.invoke(app, ["persons", "import", str(csv_file), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["created"] == [{"line": 2, "person_id": 1}]

    csv_file.write_text(rows(GOOD, f"Bad Status,,,,,outlaw,FIR 9/2026,,{AHEAD},,,"))
    result = runner.invoke(app, ["persons", "import", str(csv_file)])
    assert result.exit_code == 1
    assert "line 2: duplicate of #1 (same CNIC; same name, father's name and date of birth)" in result.stderr
    assert "line 3: status:" in result.stderr
