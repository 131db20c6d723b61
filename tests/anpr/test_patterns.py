"""Plate keys and search patterns: what people type becomes safe, index-friendly patterns."""

from __future__ import annotations

import pytest

from safecity.anpr.patterns import PlatePattern
from safecity.anpr.patterns import PlatePatternError
from safecity.anpr.patterns import parse_pattern
from safecity.vision.plates.keys import plate_key
from safecity.vision.plates.keys import read_key


@pytest.mark.parametrize(
    ("text", "key", "year"),
    [
        ("LEB-06-5700", "LEB5700", "06"),
        ("leb 06 5700", "LEB5700", "06"),
        ("LEB-5700", "LEB5700", None),
        ("LEB065700", "LEB065700", None),  # no separators: the year cannot be told from the number
        ("6A5730A", "6A5730A", None),
    ],
)
def test_plate_key_is_series_and_number_without_the_year(text: str, key: str, year: str | None) -> None:
    parsed = plate_key(text)
    assert (parsed.key, parsed.year) == (key, year)
    assert parsed.reversed_key == key[::-1]


def test_read_key_uses_the_parsed_parts_and_skeleton_forgives_confusions() -> None:
    keys = read_key("LEB-06-5700", "LEB", "06", "5700")
    assert (keys.key, keys.year, keys.normalized) == ("LEB5700", "06", "LEB065700")
    assert keys.skeleton == read_key("LE8-06-57OO", "LE8", "06", "57OO").skeleton
    assert read_key("6A5730A", None, None, None).key == "6A5730A"


@pytest.mark.parametrize(
    ("text", "key", "year", "like"),
    [
        ("LE?-06-57*", "LE?57*", "06", "LE_57%"),
        ("*5700", "*5700", None, "%5700"),
        ("LEB-??-5700", "LEB5700", None, "LEB5700"),
        ("leb**57", "LEB*57", None, "LEB%57"),
    ],
)
def test_wildcards_become_like_patterns(text: str, key: str, year: str | None, like: str) -> None:
    pattern = parse_pattern(text)
    assert (pattern.key, pattern.year, pattern.like()) == (key, year, like)


def test_like_metacharacters_are_escaped() -> None:
    assert PlatePattern("A%B_C\\", None).like() == "A\\%B\\_C\\\\"


def test_literal_ends_and_skeleton_keep_wildcards() -> None:
    pattern = parse_pattern("*B57?0")
    assert (pattern.literal_prefix, pattern.literal_suffix) == ("", "0")
    assert parse_pattern("LEB57*").literal_prefix == "LEB57"
    assert parse_pattern("LEB5*O").skeleton().key == "LE85*0"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("LEB%57", "use letters, digits"),
        ("'; DROP TABLE", "use letters, digits"),
        ("L*", "at least 3"),
        ("A" * 25, "at most 24"),
    ],
)
def test_bad_patterns_are_refused_with_a_reason(text: str, message: str) -> None:
    with pytest.raises(PlatePatternError, match=message):
        parse_pattern(text)
