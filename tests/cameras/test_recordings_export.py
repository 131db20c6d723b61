"""Export to evidence: a window of recorded footage becomes an MP4 in a case, audited with its purpose, and
the original segments it was cut from are kept by a legal hold until the hold is released and the case closed.

The footage is a 10-second clip recorded three times over by the real recorder (three 10-s segments from T0).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from typer.testing import CliRunner

from safecity.cli import app
from safecity.config import Settings
from safecity.core.audit.models import AuditEntry
from safecity.core.http.services import Services
from safecity.evidence.models import LegalHold
from safecity.evidence.retention import RetentionContext
from safecity.retention import RETENTION_PLAN
from safecity.video.segment_store import RecordingsOnDisk
from safecity.video.segment_store import recordings_dir
from tests.api.conftest import auth_once as auth
from tests.support.media import probe_duration
from tests.support.recordings import record_loops
from tests.support.timecode import write_timecoded_clip

T0 = dt.datetime(2027, 3, 1, 9, 0, tzinfo=dt.UTC)
LOOP_SECONDS = 10
PURPOSE = "hit-and-run on Mall Road, FIR 112/27"
# Input checks and the CLI's wiring do not depend on the database: one backend is enough for them.
SQLITE_ONLY = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


@pytest.fixture(scope="module")
def footage(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("footage")
    rng = np.random.default_rng(7)
    frames = [rng.integers(0, 255, (144, 400, 3), dtype=np.uint8) for _ in range(5)]
    clip = write_timecoded_clip(folder / "clip.mp4", frames, LOOP_SECONDS, fps=10)
    record_loops(clip, folder / "recordings", "cam-1", T0.timestamp(), loops=3)
    return folder / "recordings"


@pytest.fixture
def recorded(client: TestClient, settings: Settings, footage: Path) -> TestClient:
    """The API with camera cam-1, its three segments, and an open case (id in `case_id`)."""
    shutil.copytree(footage, recordings_dir(settings.data_dir))
    camera = {"id": "cam-1", "name": "Mall Road", "url": "rtsp://10.0.0.5/stream1"}
    assert client.post("/api/v1/cameras", json=camera, headers=auth(client, "admin")).status_code == 201
    case = client.post(
        "/api/v1/evidence/cases",
        json={"reference": "FIR-112", "title": "Hit and run"},
        headers=auth(client, "investigator"),
    )
    assert case.status_code == 201, case.text
    return client


def case_id(client: TestClient) -> int:
    cases = client.get("/api/v1/evidence/cases", headers=auth(client, "investigator")).json()
    return int(cases[0]["id"])


def at(seconds: float) -> str:
    return (T0 + dt.timedelta(seconds=seconds)).isoformat()


def at_epoch(seconds: float) -> dt.datetime:
    return dt.datetime.fromtimestamp(seconds, dt.UTC)


def export_body(client: TestClient, start_s: float, end_s: float, **more: object) -> dict[str, object]:
    return {"start": at(start_s), "end": at(end_s), "case_id": case_id(client), "purpose": PURPOSE, **more}


def services_of(client: TestClient) -> Services:
    return client.app.state.services  # type: ignore[attr-defined]


def test_an_exported_window_is_a_clip_in_the_case_and_its_segments_are_held_until_release_and_case_close(
    recorded: TestClient, tmp_path: Path
) -> None:
    services = services_of(recorded)
    folder = RecordingsOnDisk(recordings_dir(services.settings.data_dir))
    body = export_body(recorded, 5, 17, description="the white car")

    response = recorded.post(
        "/api/v1/cameras/cam-1/recordings/export", json=body, headers=auth(recorded, "investigator")
    )

    assert response.status_code == 201, response.text
    item = response.json()
    assert (item["kind"], item["camera_id"], item["case_id"]) == ("clip", "cam-1", body["case_id"])
    assert [dt.datetime.fromisoformat(item[key]) for key in ("start", "end")] == [
        T0 + dt.timedelta(seconds=5),
        T0 + dt.timedelta(seconds=17),
    ]
    assert item["description"] == "the white car"
    viewed = recorded.get(
        f"/api/v1/evidence/items/{item['id']}",
        params={"purpose": PURPOSE},
        headers=auth(recorded, "investigator"),
    )
    assert viewed.json() == {**item, "custody_count": item["custody_count"] + 1}  # viewing is in custody
    content = recorded.get(
        f"/api/v1/evidence/items/{item['id']}/content",
        params={"purpose": PURPOSE},
        headers=auth(recorded, "investigator"),
    )
    assert hashlib.sha256(content.content).hexdigest() == item["sha256"]
    clip = tmp_path / "clip.mp4"
    clip.write_bytes(content.content)
    assert 12 <= probe_duration(clip) <= 13.1  # stream copy starts at the keyframe before `start` (GOP 1 s)
    custody = recorded.get(
        f"/api/v1/evidence/items/{item['id']}/custody", headers=auth(recorded, "investigator")
    ).json()
    collected, hold_placed = custody["entries"][:2]
    assert (collected["action"], collected["purpose"], collected["case_ref"]) == (
        "collected",
        PURPOSE,
        "FIR-112",
    )
    assert hold_placed["action"] == "retention_changed"
    with services.database.session() as session:
        audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "recording.export")).one()
        assert (audit.actor, audit.purpose, audit.case_ref, audit.object_id) == (
            "investigator",
            PURPOSE,
            "FIR-112",
            str(item["id"]),
        )
        hold = session.scalars(select(LegalHold)).one()
        segments = folder.segments("cam-1")
        # the window 5..17 s lies in the first two segments: the hold covers both of them whole
        assert (hold.scope, hold.camera_id, hold.case_id) == ("camera", "cam-1", body["case_id"])
        assert (hold.start, hold.end) == (at_epoch(segments[0].start), at_epoch(segments[1].end))
        assert json.loads(audit.details)["legal_hold"] == hold.id
        hold_id = hold.id
    sweeper = RETENTION_PLAN.sweeper(RetentionContext(services.settings, services.database, services.media))
    long_after = T0 + dt.timedelta(days=3650)
    held = [s.start for s in segments[:2]]

    sweeper.sweep(long_after, dry_run=False)
    assert [s.start for s in folder.segments("cam-1")] == held  # the unheld third segment went

    released = recorded.post(
        f"/api/v1/holds/{hold_id}/release",
        json={"reason": "court ruled"},
        headers=auth(recorded, "supervisor"),
    )
    assert released.status_code == 200, released.text
    sweeper.sweep(long_after, dry_run=False)
    assert [s.start for s in folder.segments("cam-1")] == held  # the clip's open case still keeps them

    closed = recorded.patch(
        f"/api/v1/evidence/cases/{item['case_id']}",
        json={"status": "closed"},
        headers=auth(recorded, "investigator"),
    )
    assert closed.status_code == 200, closed.text
    sweeper.sweep(long_after, dry_run=False)
    assert folder.segments("cam-1") == []


BAD_INPUT: list[
    tuple[dict[str, object], str, str]
] = [  # what is changed in a good request, the field the answer names, and what it says
    ({"start": "2027-03-01T09:00:05"}, "start", "needs a time zone"),
    ({"end": at(5)}, "end", "must be after start"),
    ({"end": at(3606)}, "end", "at most 3600 s may be exported at once"),
    ({"case_id": 999}, "case_id", "no evidence case 999"),
    ({"purpose": "  "}, "purpose", "say why the footage is exported"),
]


@SQLITE_ONLY
def test_bad_export_input_is_refused_naming_the_field_no_footage_is_not_found_and_operators_may_not(
    recorded: TestClient,
) -> None:
    url = "/api/v1/cameras/cam-1/recordings/export"
    answers = []
    for change, _, _ in BAD_INPUT:
        response = recorded.post(
            url, json={**export_body(recorded, 5, 15), **change}, headers=auth(recorded, "investigator")
        )
        detail = response.json()["detail"][0]
        answers.append((response.status_code, detail["loc"][-1], detail["msg"]))
    empty = recorded.post(url, json=export_body(recorded, 600, 700), headers=auth(recorded, "investigator"))
    operator = recorded.post(url, json=export_body(recorded, 5, 15), headers=auth(recorded, "operator"))

    for (status, field, said), (_, wanted_field, wanted) in zip(answers, BAD_INPUT, strict=True):
        assert (status, field) == (422, wanted_field)
        assert wanted in said
    assert empty.status_code == 404
    assert "recorded nothing between" in empty.json()["detail"]
    assert operator.status_code == 403


@SQLITE_ONLY
def test_the_cli_exports_through_the_same_use_case_and_prints_the_item_and_its_hash(
    recorded: TestClient, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SAFECITY_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("SAFECITY_DATABASE_URL", settings.resolved_database_url)
    runner = CliRunner()
    window = ["--start", at(12), "--end", at(24), "--case", str(case_id(recorded))]

    exported = runner.invoke(app, ["recordings", "export", "cam-1", *window, "--json"])
    by_reference = runner.invoke(
        app, ["recordings", "export", "cam-1", *window, "--case", "FIR-112", "--json"]
    )
    unknown_case = runner.invoke(app, ["recordings", "export", "cam-1", *window, "--case", "FIR-999"])
    no_zone = runner.invoke(app, ["recordings", "export", "cam-1", *window, "--start", "2027-03-01T09:00:12"])

    assert exported.exit_code == 0, exported.output
    printed = json.loads(exported.stdout)
    item = recorded.get(
        f"/api/v1/evidence/items/{printed['item_id']}",
        params={"purpose": PURPOSE},
        headers=auth(recorded, "investigator"),
    ).json()
    assert (item["sha256"], item["kind"], item["camera_id"]) == (printed["sha256"], "clip", "cam-1")
    custody = recorded.get(
        f"/api/v1/evidence/items/{printed['item_id']}/custody", headers=auth(recorded, "investigator")
    ).json()
    assert custody["entries"][0]["purpose"] == "evidence for case FIR-112"
    assert by_reference.exit_code == 0, by_reference.output  # the case as investigators name it
    assert json.loads(by_reference.stdout)["sha256"] == printed["sha256"]
    assert unknown_case.exit_code == 2
    assert "--case: no evidence case with the id or reference 'FIR-999'" in unknown_case.stderr
    assert no_zone.exit_code == 2
    assert "--start: needs a time zone" in no_zone.stderr
