"""PlateVoter: one plate per vehicle pass from many frame reads."""

from __future__ import annotations

import pytest

from safecity.vision.plates import PlateRead
from safecity.vision.plates import PlateVoter


def plate(
    text: str,
    confidence: float = 0.9,
    box: tuple[int, int, int, int] = (0, 0, 100, 50),
    year: str | None = "06",
) -> PlateRead:
    series, number = text.split("-")
    return PlateRead(
        text=f"{series}-{year}-{number}" if year else text,
        series=series,
        year=year,
        number=number,
        format="punjab-legacy",
        confidence=confidence,
        box=box,
        raw_text=text,
        matched=True,
    )


def test_majority_of_reads_wins_and_disagreement_lowers_confidence() -> None:
    voter = PlateVoter("cam-1")
    for t, text in enumerate(["LEB-5700", "LEB-5700", "LEB-5780", "LEB-5700"]):
        voter.add(7, plate(text), timestamp=100.0 + t)
    result = voter.finish(7)
    assert result is not None
    assert result.text == "LEB-06-5700"
    assert (result.reads, result.agreeing_reads) == (4, 3)
    assert result.confidence == pytest.approx(0.9 * 0.75)
    assert result.alternatives == (("LEB5780", 0.25),)
    assert (result.camera_id, result.first_seen, result.last_seen) == ("cam-1", 100.0, 103.0)


def test_unmatched_reads_are_kept_but_count_less() -> None:
    voter = PlateVoter("cam-1")
    foreign = PlateRead("6A5730A", None, None, None, None, 0.9, (0, 0, 9, 9), "6A5730A", matched=False)
    voter.add(1, foreign, 1.0)
    voter.add(1, foreign, 2.0)
    voter.add(1, plate("LEB-5700", confidence=0.95), 3.0)
    two_foreign = voter.finish(1)
    assert two_foreign is not None
    assert two_foreign.text == "LEB-06-5700"
    for t in range(3):
        voter.add(1, foreign, float(t))
    result = voter.finish(1)
    assert result is not None
    assert result.text == "6A5730A"
    assert not result.matched
    assert result.format is None


def test_year_is_voted_separately() -> None:
    voter = PlateVoter("cam-1")
    voter.add(3, plate("LEB-5700", year="06", confidence=0.95), 1.0)
    voter.add(3, plate("LEB-5700", year=None), 2.0)
    voter.add(3, plate("LEB-5700", year="08", confidence=0.5), 3.0)
    result = voter.finish(3)
    assert result is not None
    assert (result.year, result.text) == ("06", "LEB-06-5700")


def test_direction_and_best_crop_follow_the_track() -> None:
    voter = PlateVoter("cam-1")
    voter.add(5, plate("AVV-584", 0.7, (100, 100, 200, 150)), 1.0, crop="first")  # type: ignore[arg-type]
    voter.add(5, plate("AVV-584", 0.99, (105, 200, 205, 250)), 2.0, crop="best")  # type: ignore[arg-type]
    result = voter.finish(5)
    assert result is not None
    assert result.direction == "down"
    assert (result.best_crop, result.best_timestamp) == ("best", 2.0)


def test_idle_tracks_are_flushed_and_active_ones_kept() -> None:
    voter = PlateVoter("cam-1", idle_seconds=2.0)
    voter.add("old", plate("AVV-584"), 10.0)
    voter.add("new", plate("BGC-771"), 11.5)
    passes = voter.flush_idle(now=12.5)
    assert [p.track_id for p in passes] == ["old"]
    assert voter.open_tracks == 1
    assert [p.track_id for p in voter.finish_all()] == ["new"]
    assert voter.finish("unknown") is None
