"""parse_plate: Pakistani formats, decorations, confusions and foreign text."""

from __future__ import annotations

import pytest

from safecity.vision.plates import parse_plate
from safecity.vision.plates.glyphs import Glyph
from safecity.vision.plates.glyphs import TextSegment


@pytest.mark.parametrize(
    ("lines", "text", "series", "year", "number", "fmt"),
    [
        (["LEB-06", "5700", "PUNJAB"], "LEB-06-5700", "LEB", "06", "5700", "punjab-legacy"),
        (["LEC 13", "390"], "LEC-13-390", "LEC", "13", "390", "punjab-legacy"),
        (["LEB065700"], "LEB-06-5700", "LEB", "06", "5700", "punjab-legacy"),
        (["AVV-584", "SINDH"], "AVV-584", "AVV", None, "584", "sindh"),
        (["C-8649", "KARACHI"], "C-8649", "C", None, "8649", "sindh-legacy"),
        (["BF-4360"], "BF-4360", "BF", None, "4360", "sindh-legacy"),
        (["GS-1234"], "GS-1234", "GS", None, "1234", "sindh-government"),
        (["RIA 9133"], "RIA-9133", "RIA", None, "9133", "punjab-universal"),
        (["ICT", "AB-123"], "AB-123", "AB", None, "123", "islamabad"),
    ],
)
def test_known_formats_give_canonical_text_and_parts(
    lines: list[str], text: str, series: str, year: str | None, number: str, fmt: str
) -> None:
    parsed = parse_plate(lines)
    assert (parsed.text, parsed.series, parsed.year, parsed.number, parsed.format) == (
        text,
        series,
        year,
        number,
        fmt,
    )
    assert parsed.matched


def test_province_word_decides_between_formats_of_the_same_shape() -> None:
    assert parse_plate(["ABC-123", "PUNJAB"]).format == "punjab-universal"
    assert parse_plate(["ABC-123", "SINDH"]).format == "sindh"


def test_province_words_read_badly_or_upside_down_are_still_dropped() -> None:
    assert parse_plate(["AXQ-561", "HONIS"]).text == "AXQ-561"
    assert parse_plate(["AXQ-561", "SINOH"]).region == "sindh"


def test_a_letter_read_where_the_year_must_be_is_corrected() -> None:
    parsed = parse_plate(["LEA-I1", "1639"])
    assert parsed.text == "LEA-11-1639"
    assert parsed.corrections == 1
    assert parsed.confidence < 1.0


def test_model_alternatives_drive_corrections() -> None:
    doubtful_zero = Glyph("0", 0.6, "D", 0.35, "0", 0.6)
    letters = [Glyph.certain("L"), Glyph.certain("E"), doubtful_zero]
    digits = [Glyph.certain(c) for c in "5700"]
    parsed = parse_plate([TextSegment(tuple(letters), 60, 0), TextSegment(tuple(digits), 60, 1)])
    assert parsed.text == "LED-5700"
    assert parsed.confidence == pytest.approx(0.35)


def test_confident_digit_is_not_forced_into_a_letter() -> None:
    sure_eight = Glyph("8", 0.99, "B", 1e-6, "8", 0.99)
    rest = [Glyph.certain(c) for c in "00002"]
    parsed = parse_plate([TextSegment((sure_eight, *rest), 40, 0)])
    assert not parsed.matched
    assert parsed.text == "800002"


def test_small_text_is_decoration() -> None:
    rows = [TextSegment.from_text("DEALER123", 10, 0), TextSegment.from_text("AVV584", 60, 1)]
    assert parse_plate(rows).text == "AVV-584"


def test_foreign_plate_is_kept_unmatched() -> None:
    parsed = parse_plate(["6A5730A"])
    assert (parsed.text, parsed.format, parsed.matched) == ("6A5730A", None, False)


def test_state_name_smaller_than_the_registration_is_left_out_of_unmatched_text() -> None:
    rows = [TextSegment.from_text("CALIFORNIA", 30, 0), TextSegment.from_text("5EKR790", 60, 1)]
    assert parse_plate(rows).text == "5EKR790"


def test_nothing_readable_gives_empty_unmatched() -> None:
    parsed = parse_plate(["--", "PUNJAB"])
    assert parsed.text == ""
    assert parsed.region == "punjab"


def test_bad_line_type_is_named() -> None:
    with pytest.raises(TypeError, match="int"):
        parse_plate([42])  # type: ignore[list-item]


@pytest.mark.parametrize(
    ("lines", "key"),
    [
        (["LEEW2403"], "LEE2403"),  # the small year "11" read as one letter between series and number
        (["LEBN31"], "LEB31"),
    ],
)
def test_a_stray_letter_between_series_and_number_is_left_out(lines: list[str], key: str) -> None:
    parsed = parse_plate(lines)
    assert (parsed.key, parsed.matched) == (key, True)
    assert parsed.confidence < 1.0  # a repaired read is never fully trusted


def test_the_least_likely_character_is_the_one_left_out() -> None:
    sure, unsure = Glyph("W", 0.99, "W", 0.99, "1", 0.001), Glyph("X", 0.2, "X", 0.2, "4", 0.01)
    letters = [Glyph.certain(c) for c in "LE"]
    digits = [Glyph.certain(c) for c in "2403"]
    parsed = parse_plate([TextSegment((*letters, unsure, sure, *digits))])
    assert parsed.key == "LEW2403"


def test_digits_in_one_run_are_the_number_not_a_year_and_a_number() -> None:
    assert (parse_plate(["LE824"]).number, parse_plate(["LE824"]).year) == ("824", None)
    assert parse_plate(["LEB-13", "3656"]).text == "LEB-13-3656"  # a year on its own row stays a year
