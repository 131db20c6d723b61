"""Retention of every data class through the one plan: plate reads (ANPR's and e-challan's), face sightings,
events, recordings and evidence are each purged by their own age, whatever a legal hold, an open case or a
violation still needs stays, and the report counts what each class holds (items, oldest, bytes)."""

from __future__ import annotations

import json
import uuid
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from safecity.anpr.models import PlateReadRecord
from safecity.challan.models import ChallanPlateRead
from safecity.challan.models import Violation
from safecity.challan.models import ViolationEvidence
from safecity.config import Settings
from safecity.core.bus.events import Event
from safecity.core.db import Database
from safecity.core.media import MediaStore
from safecity.events_search.index import EventIndex
from safecity.evidence import holds
from safecity.evidence import vault
from safecity.evidence.models import ITEM_PURGED
from safecity.evidence.models import EvidenceItem
from safecity.evidence.retention import RetentionContext
from safecity.evidence.retention import SweepReport
from safecity.faces.models import FaceSighting
from safecity.retention import RETENTION_PLAN
from tests.evidence.conftest import INVESTIGATOR
from tests.evidence.conftest import collect

NOW = datetime.now(UTC).replace(microsecond=0)
DAYS = {
    "plate_reads_days": 10,
    "face_crops_days": 5,
    "events_days": 20,
    "recordings_days": 3,
    "evidence_days": 30,
}


def ago(days: float) -> datetime:
    return NOW - timedelta(days=days)


@pytest.fixture
def context(database: Database, tmp_path: Path) -> RetentionContext:
    settings = Settings(data_dir=tmp_path, retention=DAYS)
    return RetentionContext(settings, database, MediaStore(tmp_path / "media"))


def plate_read(context: RetentionContext, camera: str, time: datetime, crop: bytes) -> str:
    """One read stored the way both ANPR and e-challan keep it; returns its event id."""
    event_id = str(uuid.uuid4())
    sha = context.media.put_bytes(crop, ".jpg").sha256
    with context.database.session() as session:
        session.add(
            PlateReadRecord(
                event_id=event_id,
                camera_id=camera,
                time=time,
                text="LEB 5700",
                plate_key="LEB5700",
                plate_key_reversed="0075BEL",
                skeleton="LLLDDDD",
                matched=True,
                confidence=0.9,
                crop_sha256=sha,
            )
        )
        session.add(
            ChallanPlateRead(
                event_id=event_id,
                camera_id=camera,
                time=time,
                text="LEB 5700",
                plate_key="LEB5700",
                confidence=0.9,
                matched=True,
                crop_sha256=sha,
            )
        )
    return event_id


def violation_naming(context: RetentionContext, event_id: str, crop_sha: str) -> None:
    with context.database.session() as session:
        session.add(
            Violation(
                id=f"V-{event_id[:8]}",
                source_key=event_id,
                violation_type="red_light",
                camera_id="junction",
                occurred_at=ago(60),
                plate_event_id=event_id,
                queue="review",
                status="pending",
                registry_status="unchecked",
                created_at=ago(60),
            )
        )
        session.flush()
        session.add(
            ViolationEvidence(
                violation_id=f"V-{event_id[:8]}", kind="plate_crop", sha256=crop_sha, created_at=ago(60)
            )
        )


def sighting(context: RetentionContext, camera: str, time: datetime, crop: bytes) -> int:
    sha = context.media.put_bytes(crop, ".jpg").sha256
    with context.database.session() as session:
        row = FaceSighting(
            event_id=str(uuid.uuid4()),
            camera_id=camera,
            time=time,
            crop_sha256=sha,
            box=[0.0, 0.0, 10.0, 10.0],
            quality_score=0.8,
            model_id="test",
            dim=2,
            vector=b"\x00" * 8,
        )
        session.add(row)
        session.flush()
        return row.id


def segment(context: RetentionContext, camera: str, start: datetime, size: int) -> Path:
    root = context.settings.data_dir / "recordings"
    begin = int(start.timestamp() * 1000)
    path = root / camera / start.date().isoformat() / f"{begin}-{begin + 60_000}.mp4"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x00" * size)
    return path


def sweep(context: RetentionContext, *, dry_run: bool) -> SweepReport:
    report = RETENTION_PLAN.sweeper(context).sweep(NOW, dry_run=dry_run)
    assert report.ok, report.to_dict()
    return report


def line(report: SweepReport, name: str) -> dict[str, object]:
    [found] = [entry for entry in report.to_dict()["classes"] if entry["name"] == name]  # type: ignore[attr-defined]
    return found


def test_plate_reads_go_after_their_days_except_held_or_named_by_a_violation(
    context: RetentionContext,
) -> None:
    old_free = plate_read(context, "gate", ago(11), b"old free crop")
    plate_read(context, "gate", ago(9), b"recent crop")
    plate_read(context, "market", ago(12), b"old crop under a camera hold")
    named = plate_read(context, "junction", ago(40), b"crop of a ticketed read")
    named_crop = context.media.put_bytes(b"crop of a ticketed read", ".jpg").sha256
    violation_naming(context, named, named_crop)
    with context.database.session() as session:
        holds.place_hold(
            session,
            INVESTIGATOR,
            scope="camera",
            reason="robbery inquiry",
            camera_id="market",
            start=ago(13),
            end=ago(11),
        )
    free_crop = context.media.put_bytes(b"old free crop", ".jpg").sha256

    report = sweep(context, dry_run=True)
    assert line(report, "plate_reads")["count"] == 1
    assert line(report, "challan_plate_reads")["count"] == 1

    report = sweep(context, dry_run=False)

    assert line(report, "plate_reads")["count"] == 1
    assert line(report, "challan_plate_reads")["count"] == 1
    with context.database.session() as session:
        left = {(r.camera_id, r.event_id == named) for r in session.scalars(select(PlateReadRecord))}
        challan_left = set(session.scalars(select(ChallanPlateRead.event_id)))
        assert old_free not in challan_left
        assert named in challan_left
        assert len(challan_left) == 3
    assert left == {("gate", False), ("market", False), ("junction", True)}
    assert not context.media.exists(free_crop)
    assert context.media.exists(named_crop)  # the violation's evidence


def test_a_read_whose_crop_became_evidence_stays(context: RetentionContext) -> None:
    plate_read(context, "gate", ago(50), b"crop kept as evidence")
    with context.database.session() as session:
        collect(session, context.media, b"crop kept as evidence", suffix=".jpg")

    report = sweep(context, dry_run=False)

    assert line(report, "plate_reads")["count"] == 0
    assert line(report, "challan_plate_reads")["count"] == 0


def test_face_sightings_go_after_their_days_except_footage_of_an_open_case(
    context: RetentionContext,
) -> None:
    gone = sighting(context, "gate", ago(6), b"old face")
    kept_recent = sighting(context, "gate", ago(4), b"recent face")
    kept_case = sighting(context, "lobby", ago(8), b"face in an open case's footage")
    with context.database.session() as session:
        case = vault.create_case(session, "C-77", "assault", INVESTIGATOR)
        collect(
            session,
            context.media,
            b"lobby clip",
            case_id=case.id,
            camera_id="lobby",
            start=ago(8) - timedelta(minutes=1),
            end=ago(8) + timedelta(minutes=1),
        )

    report = sweep(context, dry_run=False)

    assert line(report, "face_crops")["count"] == 1
    with context.database.session() as session:
        assert set(session.scalars(select(FaceSighting.id))) == {kept_recent, kept_case}
    assert gone not in {kept_recent, kept_case}


def test_every_class_is_purged_by_its_own_days_and_held_evidence_and_footage_stay(
    context: RetentionContext,
) -> None:
    EventIndex(context.database).store(
        [Event(type="camera.health", camera_id="gate", time=ago(days)) for days in (25, 21, 2)]
    )
    old_segment = segment(context, "gate", ago(4), 100)
    held_segment = segment(context, "lobby", ago(4), 100)
    new_segment = segment(context, "gate", ago(1), 100)
    with context.database.session() as session:
        old = collect(session, context.media, b"old evidence")
        held = collect(session, context.media, b"held evidence")
        collect(session, context.media, b"new evidence")
        for item, days in ((old, 31), (held, 40)):
            item.collected_at = ago(days)
        holds.place_hold(session, INVESTIGATOR, scope="item", reason="appeal", item_id=held.id)
        holds.place_hold(session, INVESTIGATOR, scope="camera", reason="inquiry", camera_id="lobby")
        old_id, held_id = old.id, held.id

    report = sweep(context, dry_run=False)

    counts = {entry["name"]: entry["count"] for entry in report.to_dict()["classes"]}  # type: ignore[attr-defined]
    assert counts["events"] >= 2  # PostgreSQL drops whole days: the 20-day cut-off keeps its own day
    assert counts["recordings"] == 1
    assert counts["evidence"] == 1
    assert not old_segment.exists()
    assert held_segment.exists()
    assert new_segment.exists()
    with context.database.session() as session:
        status = {row.id: row.status for row in session.execute(select(EvidenceItem.id, EvidenceItem.status))}
    assert status[old_id] == ITEM_PURGED
    assert status[held_id] != ITEM_PURGED


def test_the_report_counts_each_class_its_oldest_item_and_its_bytes(context: RetentionContext) -> None:
    plate_read(context, "gate", ago(3), b"a" * 100)
    plate_read(context, "gate", ago(2), b"b" * 50)
    sighting(context, "gate", ago(1), b"c" * 70)
    EventIndex(context.database).store([Event(type="camera.health", time=ago(7)), Event(type="x.y")])
    segment(context, "gate", ago(2), 300)
    segment(context, "lobby", ago(1), 200)
    with context.database.session() as session:
        item = collect(session, context.media, b"d" * 40)
        item.collected_at = ago(4)
        collect(session, context.media, b"d" * 40)  # the same file again: its bytes count once

    report = sweep(context, dry_run=True)

    expected = {
        "plate_reads": (2, ago(3), 150),
        "challan_plate_reads": (2, ago(3), 150),
        "face_crops": (1, ago(1), 70),
        "events": (2, ago(7), None),
        "recordings": (2, ago(2), 500),
        "evidence": (2, ago(4), 40),
    }
    for name, (items, oldest, size) in expected.items():
        entry = line(report, name)
        assert (entry["items"], entry["oldest"], entry["bytes"]) == (items, oldest.isoformat(), size), name
        assert entry["count"] == 0, name


def test_the_cli_report_lists_every_class_with_items_oldest_and_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from safecity.cli import app
    from safecity.config import load_settings
    from safecity.core.schema import upgrade

    monkeypatch.setenv("SAFECITY_DATA_DIR", str(tmp_path / "data"))
    settings = load_settings(None)
    upgrade(settings.resolved_database_url)
    database = Database(settings.resolved_database_url)
    try:
        context = RetentionContext(settings, database, MediaStore(settings.media_dir))
        plate_read(context, "gate", ago(100), b"e" * 2048)
        segment(context, "gate", ago(1), 3 * 1024 * 1024)
    finally:
        database.dispose()
    runner = CliRunner()

    table = runner.invoke(app, ["retention", "report"])
    as_json = runner.invoke(app, ["retention", "report", "--json"])

    assert table.exit_code == 0, table.output
    rows = {line.split()[0]: line for line in table.stdout.splitlines()[1:]}
    assert set(rows) == {
        "evidence",
        "recordings",
        "plate_reads",
        "challan_plate_reads",
        "face_crops",
        "person_appearances",
        "events",
    }
    # name, days, "d", items, oldest (date, time), size (number, unit), would delete
    assert rows["plate_reads"].split()[3:] == [
        "1",
        ago(100).strftime("%Y-%m-%d"),
        ago(100).strftime("%H:%M"),
        "2.0",
        "KiB",
        "1",
    ]
    assert rows["recordings"].split()[3:] == [
        "1",
        ago(1).strftime("%Y-%m-%d"),
        ago(1).strftime("%H:%M"),
        "3.0",
        "MiB",
        "0",
    ]
    reported = {c["name"]: c for c in json.loads(as_json.stdout)["classes"]}
    assert (reported["plate_reads"]["items"], reported["plate_reads"]["count"]) == (1, 1)
    assert reported["events"]["bytes"] is None


class _FixedClock:
    def now(self) -> datetime:
        return NOW


def test_the_periodic_sweep_purges_and_writes_its_report_into_the_audit_log(
    context: RetentionContext,
) -> None:
    from safecity.core.audit.models import AuditEntry
    from safecity.evidence.sweep_job import RetentionSweeps

    plate_read(context, "gate", ago(11), b"old crop")
    plate_read(context, "gate", ago(1), b"new crop")

    report = RetentionSweeps(RETENTION_PLAN, context, _FixedClock(), 3600).sweep_once()

    assert line(report, "plate_reads")["count"] == 1
    with context.database.session() as session:
        [entry] = session.scalars(select(AuditEntry).where(AuditEntry.action == "retention.sweep")).all()
        assert entry.actor == "retention"
        assert json.loads(entry.details)["classes"][2]["name"] == "plate_reads"
