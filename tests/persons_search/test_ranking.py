"""Topology re-ranking: neighbours seen about one usual travel time away rise; impossible walks fall."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from datetime import timedelta

import pytest

from safecity.persons_search.ranking import Match
from safecity.persons_search.ranking import Origin
from safecity.persons_search.ranking import elapsed_between
from safecity.persons_search.ranking import rerank
from safecity.persons_search.ranking import travel_plausibility

T0 = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)
ORIGIN = Origin("gate", T0, T0 + timedelta(seconds=20))


def match(appearance_id: int, camera: str, after_seconds: float, similarity: float) -> Match:
    start = ORIGIN.last_seen + timedelta(seconds=after_seconds)
    return Match(
        appearance_id, camera, str(appearance_id), start, start + timedelta(seconds=10), "", similarity
    )


def test_plausibility_peaks_at_the_usual_travel_time() -> None:
    assert travel_plausibility(120, 120) == pytest.approx(1.0)
    assert travel_plausibility(5, 120) < 0.3  # too fast to have walked it
    assert travel_plausibility(120 * 6, 120) < 0.01  # long gone
    assert travel_plausibility(100, 120) > travel_plausibility(40, 120)


def test_elapsed_time_counts_from_leaving_one_camera_to_reaching_the_other_either_way() -> None:
    assert elapsed_between(ORIGIN, match(1, "market", 90, 0.8)) == 90
    before = Match(2, "market", "2", T0 - timedelta(seconds=70), T0 - timedelta(seconds=60), "", 0.8)
    assert elapsed_between(ORIGIN, before) == 60


def test_without_topology_the_order_is_appearance_alone() -> None:
    ranked = rerank([match(1, "market", 90, 0.7), match(2, "park", 4000, 0.8)], ORIGIN, {})
    assert [m.appearance_id for m in ranked] == [2, 1]
    assert [m.score for m in ranked] == [0.8, 0.7]


def test_a_neighbour_at_the_usual_time_outranks_a_slightly_closer_look_elsewhere() -> None:
    links = {"market": 90.0, "park": 600.0}
    ranked = rerank(
        [
            match(1, "park", 5, 0.80),  # a neighbour, but reached in 5 s instead of 10 minutes
            match(2, "market", 85, 0.75),  # a neighbour at about its usual 90 s
            match(3, "airport", 90, 0.78),  # no link to the gate
        ],
        ORIGIN,
        links,
    )
    assert [m.appearance_id for m in ranked] == [2, 1, 3]
    assert ranked[0].travel_seconds == 90.0
    assert ranked[2].travel_seconds is None


def test_neighbours_only_drops_cameras_without_a_link() -> None:
    ranked = rerank(
        [match(1, "market", 85, 0.7), match(2, "airport", 85, 0.9)],
        ORIGIN,
        {"market": 90},
        neighbours_only=True,
    )
    assert [m.camera_id for m in ranked] == ["market"]
