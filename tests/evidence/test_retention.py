"""Retention: the sweeper deletes by policy per data class and never anything held or in an open case."""

from __future__ import annotations

import tempfile
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st
from sqlalchemy import select

from safecity.config import Settings
from safecity.core.db import Database
from safecity.core.media import MediaStore
from safecity.evidence import holds
from safecity.evidence import vault
from safecity.evidence.holds import HoldChecker
from safecity.evidence.models import ITEM_PURGED
from safecity.evidence.models import EvidenceItem
from safecity.evidence.purgers import purge_evidence
from safecity.evidence.purgers import purge_recordings
from safecity.evidence.retention import DataClassPolicy
from safecity.evidence.retention import RetentionContext
from safecity.evidence.retention import Sweeper
from safecity.models import metadata
from safecity.retention import RETENTION_PLAN
from tests.evidence.conftest import INVESTIGATOR
from tests.evidence.conftest import collect

NOW = datetime(2026, 6, 1, tzinfo=UTC)
CAMERAS = ("cam-1", "cam-2")


item_specs = st.lists(
    st.fixed_dictionaries(
        {
            "age_days": st.integers(0, 60),
            "case": st.sampled_from([None, "open", "closed"]),
            "camera": st.sampled_from([None, *CAMERAS]),
            "hour": st.integers(0, 23),
        }
    ),
    min_size=1,
    max_size=8,
)
hold_specs = st.lists(
    st.one_of(
        st.fixed_dictionaries({"scope": st.just("item"), "index": st.integers(0, 7)}),
        st.fixed_dictionaries({"scope": st.just("case"), "which": st.sampled_from(["open", "closed"])}),
        st.fixed_dictionaries(
            {
                "scope": st.just("camera"),
                "camera": st.sampled_from([None, *CAMERAS]),
                "from_hour": st.integers(0, 23),
                "hours": st.integers(1, 6),
            }
        ),
    ),
    max_size=4,
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=item_specs, hold_list=hold_specs, days=st.integers(1, 45), release_first=st.booleans())
def test_sweep_never_deletes_held_items_or_open_cases(
    items: list[dict[str, object]], hold_list: list[dict[str, object]], days: int, release_first: bool
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        database = Database(f"sqlite:///{folder}/ev.db")
        metadata.create_all(database.engine)
        media = MediaStore(Path(folder) / "media")
        try:
            protected = _seed(database, media, items, hold_list, release_first)
            before = NOW - timedelta(days=days)
            would = purge_evidence(database, media, before, dry_run=True)
            deleted = purge_evidence(database, media, before, dry_run=False)
            with database.session() as session:
                rows = session.scalars(select(EvidenceItem)).all()
                purged = {item.id for item in rows if item.status == ITEM_PURGED}
                expected = {item.id for item in rows if item.collected_at < before} - protected
        finally:
            database.dispose()
    assert would == deleted == len(purged)
    assert not purged & protected
    assert purged == expected
    for item_id in protected:
        assert item_id not in purged


def _seed(
    database: Database,
    media: MediaStore,
    items: list[dict[str, object]],
    hold_list: list[dict[str, object]],
    release_first: bool,
) -> set[int]:
    """Create the items and holds; return the ids that must survive (worked out independently)."""
    day = NOW.replace(hour=0)
    with database.session() as session:
        cases = {
            "open": vault.create_case(session, "OPEN-1", "open case", INVESTIGATOR),
            "closed": vault.create_case(session, "CLOSED-1", "closed case", INVESTIGATOR),
        }
        vault.set_case_status(session, cases["closed"], "closed", INVESTIGATOR)
        made: list[tuple[EvidenceItem, dict[str, object]]] = []
        for index, spec in enumerate(items):
            case = cases[str(spec["case"])] if spec["case"] else None
            start = day + timedelta(hours=int(str(spec["hour"])))
            item = collect(
                session,
                media,
                f"item {index}".encode(),
                case_id=case.id if case else None,
                camera_id=str(spec["camera"]) if spec["camera"] else None,
                start=start if spec["camera"] else None,
                end=start + timedelta(minutes=10) if spec["camera"] else None,
            )
            item.collected_at = NOW - timedelta(days=int(str(spec["age_days"])), minutes=1)
            made.append((item, spec))
        protected = {item.id for item, spec in made if spec["case"] == "open"}
        for number, hold in enumerate(hold_list):
            placed = _place(session, hold, made, cases, day)
            released = release_first and number == 0
            if released:
                holds.release_hold(session, placed.id, INVESTIGATOR, "court order lifted")
            else:
                protected |= _covered(hold, made, day)
    return protected


def _place(
    session: object,
    hold: dict[str, object],
    made: list[tuple[EvidenceItem, dict[str, object]]],
    cases: dict,
    day: datetime,
) -> object:
    if hold["scope"] == "item":
        item = made[int(str(hold["index"])) % len(made)][0]
        return holds.place_hold(session, INVESTIGATOR, scope="item", reason="court order", item_id=item.id)  # type: ignore[arg-type]
    if hold["scope"] == "case":
        case = cases[str(hold["which"])]
        return holds.place_hold(session, INVESTIGATOR, scope="case", reason="court order", case_id=case.id)  # type: ignore[arg-type]
    start = day + timedelta(hours=int(str(hold["from_hour"])))
    return holds.place_hold(
        session,  # type: ignore[arg-type]
        INVESTIGATOR,
        scope="camera",
        reason="incident footage",
        camera_id=str(hold["camera"]) if hold["camera"] else None,
        start=start,
        end=start + timedelta(hours=int(str(hold["hours"]))),
    )


def _covered(
    hold: dict[str, object], made: list[tuple[EvidenceItem, dict[str, object]]], day: datetime
) -> set[int]:
    if hold["scope"] == "item":
        return {made[int(str(hold["index"])) % len(made)][0].id}
    if hold["scope"] == "case":
        return {item.id for item, spec in made if spec["case"] == hold["which"]}
    low = day + timedelta(hours=int(str(hold["from_hour"])))
    high = low + timedelta(hours=int(str(hold["hours"])))
    covered = set()
    for item, spec in made:
        if spec["camera"] and (hold["camera"] is None or hold["camera"] == spec["camera"]):
            start = day + timedelta(hours=int(str(spec["hour"])))
            if start < high and start + timedelta(minutes=10) >= low:
                covered.add(item.id)
    return covered


def _segment(root: Path, camera: str, start: datetime, minutes: int = 5) -> Path:
    begin = int(start.timestamp() * 1000)
    path = root / camera / start.date().isoformat() / f"{begin}-{begin + minutes * 60_000}.mp4"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"segment")
    return path


def test_recordings_under_a_camera_hold_are_kept(database: Database, tmp_path: Path) -> None:
    root = tmp_path / "recordings"
    old = NOW - timedelta(days=40)
    held = _segment(root, "cam-1", old)
    free = _segment(root, "cam-2", old)
    recent = _segment(root, "cam-1", NOW - timedelta(hours=1))
    (root / "cam-1" / old.date().isoformat() / "123.partial.mp4").write_bytes(b"being written")
    with database.session() as session:
        holds.place_hold(
            session,
            INVESTIGATOR,
            scope="camera",
            reason="murder inquiry",
            camera_id="cam-1",
            start=old - timedelta(minutes=1),
            end=old + timedelta(minutes=2),
        )
    checker = HoldChecker(database)
    before = NOW - timedelta(days=30)
    assert purge_recordings(root, checker, before, dry_run=True) == 1
    assert free.exists()
    assert purge_recordings(root, checker, before, dry_run=False) == 1
    assert held.exists()
    assert recent.exists()
    assert not free.exists()
    assert (root / "cam-1" / old.date().isoformat() / "123.partial.mp4").exists()


def test_is_held_covers_footage_behind_items_of_open_cases(database: Database, media: MediaStore) -> None:
    start = NOW - timedelta(days=3)
    with database.session() as session:
        case = vault.create_case(session, "C-9", "assault", INVESTIGATOR)
        collect(
            session,
            media,
            b"clip",
            case_id=case.id,
            camera_id="cam-2",
            start=start,
            end=start + timedelta(minutes=2),
        )
    checker = HoldChecker(database)
    t = start.timestamp()
    assert checker.is_held("cam-2", t - 60, t + 30)
    assert not checker.is_held("cam-2", t + 600, t + 900)
    assert not checker.is_held("cam-1", t - 60, t + 30)
    with database.session() as session:
        vault.set_case_status(session, vault.get_case(session, case.id), "closed", INVESTIGATOR)
    assert not checker.is_held("cam-2", t - 60, t + 30)


def test_placing_a_hold_is_logged_in_the_custody_of_the_items_it_covers(
    database: Database, media: MediaStore
) -> None:
    with database.session() as session:
        item = collect(session, media, b"snap")
        holds.place_hold(session, INVESTIGATOR, scope="item", reason="appeal pending", item_id=item.id)
        from safecity.evidence import custody

        assert [e.action for e in custody.chain(session, item.id)] == ["collected", "retention_changed"]


def test_a_hold_needs_its_target() -> None:
    import pytest

    from safecity.evidence.errors import InvalidEvidenceInputError

    with pytest.raises(InvalidEvidenceInputError) as raised:
        holds.place_hold(None, INVESTIGATOR, scope="case", reason="x y z")  # type: ignore[arg-type]
    assert raised.value.field == "case_id"


def test_the_sweeper_runs_every_registered_class_and_reports_a_failing_one() -> None:
    calls: list[tuple[datetime, bool]] = []

    def plates(before: datetime, dry_run: bool) -> int:
        calls.append((before, dry_run))
        return 7

    def broken(before: datetime, dry_run: bool) -> int:
        raise OSError("disk gone")

    sweeper = Sweeper()
    sweeper.register(DataClassPolicy("plate_reads", 90, plates))
    sweeper.register(DataClassPolicy("face_crops", 30, broken))
    report = sweeper.sweep(NOW, dry_run=True)
    assert calls == [(NOW - timedelta(days=90), True)]
    assert [(line.name, line.count, line.error) for line in report.lines] == [
        ("plate_reads", 7, None),
        ("face_crops", 0, "OSError: disk gone"),
    ]
    assert not report.ok


def test_built_sweeper_has_evidence_and_recordings_with_configured_days(
    tmp_path: Path, database: Database
) -> None:
    settings = Settings(data_dir=tmp_path, retention={"recordings_days": 14, "evidence_days": 400})
    sweeper = RETENTION_PLAN.sweeper(RetentionContext(settings, database, MediaStore(tmp_path / "media")))
    days = {policy.name: policy.days for policy in sweeper.classes}
    assert days["recordings"] == 14
    assert days["evidence"] == 400
    assert sweeper.sweep(NOW, dry_run=True).ok
