"""HotlistMatcher: exact and confusion-aware fuzzy matching within each list's edit budget."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from datetime import timedelta

import pytest

from safecity.vision.plates.keys import plate_key
from safecity.watchlist.vehicles.matcher import ActiveEntry
from safecity.watchlist.vehicles.matcher import HotlistMatcher
from safecity.watchlist.vehicles.matcher import deletion_variants

NOW = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)


def entry(
    plate: str, budget: float = 1.0, entry_id: int = 1, expires_at: datetime | None = None
) -> ActiveEntry:
    keys = plate_key(plate)
    return ActiveEntry(
        entry_id=entry_id,
        hotlist_id=1,
        list_name="stolen",
        list_kind="stolen",
        edit_budget=budget,
        plate=plate,
        key=keys.key,
        normalized=keys.normalized,
        reason="stolen car",
        case_ref="FIR-1",
        vehicle="white Corolla",
        expires_at=expires_at,
    )


def hits(matcher: HotlistMatcher, read: str) -> list[tuple[int, float]]:
    return [(hit.entry.entry_id, hit.distance) for hit in matcher.match(plate_key(read), NOW)]


def test_exact_match_ignores_separators_and_year() -> None:
    matcher = HotlistMatcher([entry("LEB-06-5700", budget=0)])
    assert hits(matcher, "LEB-06-5700") == [(1, 0.0)]
    assert hits(matcher, "LEB 5700") == [(1, 0.0)]
    assert hits(matcher, "LEB-07-5700") == [(1, 0.0)]  # years are not compared (often misread)
    assert hits(matcher, "LEB-06-5701") == []


@pytest.mark.parametrize(("read", "distance"), [("LE8-06-57OO", 0.75), ("LEB-570D", 0.25), ("LEZ-5700", 1.0)])
def test_confusions_are_cheap_and_the_budget_decides(read: str, distance: float) -> None:
    assert hits(HotlistMatcher([entry("LEB-06-5700", budget=1.0)]), read) == [(1, distance)]
    assert hits(HotlistMatcher([entry("LEB-06-5700", budget=0.5)]), read) == (
        [(1, distance)] if distance <= 0.5 else []
    )


def test_insertions_and_deletions_within_budget_match() -> None:
    matcher = HotlistMatcher([entry("LEB-5700", budget=1.0), entry("RIA-9133", budget=1.0, entry_id=2)])
    assert hits(matcher, "LEB-57000") == [(1, 1.0)]
    assert hits(matcher, "RI-9133") == [(2, 1.0)]
    assert hits(matcher, "R-9133") == []


def test_closest_first_and_each_list_has_its_own_budget() -> None:
    matcher = HotlistMatcher(
        [entry("LEB-5701", budget=2.0, entry_id=1), entry("LEB-5700", budget=0, entry_id=2)]
    )
    assert hits(matcher, "LEB-5700") == [(2, 0.0), (1, 1.0)]
    assert hits(matcher, "LEB-57OO") == [(1, 1.25)]  # entry 2 allows no confusion at all


def test_expired_entries_never_match() -> None:
    matcher = HotlistMatcher(
        [
            entry("LEB-5700", expires_at=NOW - timedelta(seconds=1)),
            entry("LEB-5700", entry_id=2, expires_at=NOW + timedelta(days=1)),
        ]
    )
    assert hits(matcher, "LEB-5700") == [(2, 0.0)]


def test_score_is_one_for_exact_and_lower_for_fuzzy() -> None:
    matcher = HotlistMatcher([entry("LEB-5700")])
    [exact] = matcher.match(plate_key("LEB-5700"), NOW)
    [fuzzy] = matcher.match(plate_key("LE8-5700"), NOW)
    assert exact.score == 1.0
    assert 0.9 < fuzzy.score < 1.0


def test_deletion_variants() -> None:
    assert sorted(deletion_variants("ABC", 1)) == ["AB", "ABC", "AC", "BC"]
    assert "C" in set(deletion_variants("ABC", 2))
