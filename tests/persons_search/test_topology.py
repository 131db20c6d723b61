"""Learning the camera topology from plate trajectories."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from datetime import timedelta

from safecity.persons_search.topology import LinkEstimate
from safecity.persons_search.topology import estimate_links

T0 = datetime(2026, 5, 1, 8, 0, tzinfo=UTC)


def trip(plate: str, *stops: tuple[str, float]) -> list[tuple[str, str, datetime]]:
    return [(plate, camera, T0 + timedelta(seconds=at)) for camera, at in stops]


def test_the_median_trip_time_of_a_camera_pair_becomes_its_link() -> None:
    reads = [
        *trip("LEA-1", ("gate", 0), ("market", 100)),
        *trip("LEB-2", ("market", 500), ("gate", 620)),  # the other way counts for the same pair
        *trip("LEC-3", ("gate", 1000), ("market", 1090)),
        *trip("LED-4", ("gate", 2000), ("gate", 2010), ("park", 2300)),  # gate -> park once: too few
    ]
    assert estimate_links(reads, max_gap=timedelta(hours=1)) == [LinkEstimate("gate", "market", 100.0, 3)]


def test_gaps_longer_than_one_trip_and_repeat_reads_are_not_samples() -> None:
    reads = [
        *trip("LEA-1", ("gate", 0), ("market", 7200)),  # two hours later: another journey
        *trip("LEA-1", ("market", 7300), ("market", 7310)),
    ]
    assert estimate_links(reads, max_gap=timedelta(hours=1), min_samples=1) == []


def test_reads_may_come_in_any_order() -> None:
    reads = list(reversed([*trip("A", ("x", 0), ("y", 60)), *trip("B", ("y", 0), ("x", 80))]))
    assert estimate_links(reads, max_gap=timedelta(hours=1), min_samples=2) == [
        LinkEstimate("x", "y", 70.0, 2)
    ]
