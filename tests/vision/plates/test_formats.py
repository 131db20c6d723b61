"""The formats file: packaged defaults, extension and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from safecity.vision.plates import PlateFormatError
from safecity.vision.plates import load_format_book
from safecity.vision.plates import parse_plate
from safecity.vision.plates.formats import default_format_book
from safecity.vision.plates.formats import parse_format_book


def test_packaged_formats_cover_every_region() -> None:
    book = default_format_book()
    regions = {fmt.region for fmt in book.formats}
    assert {"punjab", "sindh", "islamabad", "kp", "balochistan", "gilgit-baltistan", "ajk"} <= regions
    assert {"government", "diplomatic"} <= regions


def test_a_new_format_is_added_as_data(tmp_path: Path) -> None:
    path = tmp_path / "formats.yaml"
    path.write_text(
        "regions: {motorway: [MOTORWAY]}\n"
        "formats:\n"
        "  - name: motorway-police\n"
        "    region: motorway\n"
        "    parts:\n"
        "      - {field: series, kind: letters, length: [3, 3], pattern: 'NHM'}\n"
        "      - {field: number, kind: digits, length: [2, 3]}\n",
        encoding="utf-8",
    )
    book = load_format_book(path)
    assert parse_plate(["NHM-42"], book).format == "motorway-police"
    assert not parse_plate(["LEB-06-5700"], book).matched


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ([], "mapping"),
        ({"formats": []}, "non-empty"),
        (
            {"formats": [{"name": "x", "parts": [{"field": "colour", "kind": "letters", "length": [1, 2]}]}]},
            "field",
        ),
        (
            {"formats": [{"name": "x", "parts": [{"field": "series", "kind": "runes", "length": [1, 2]}]}]},
            "kind",
        ),
        (
            {"formats": [{"name": "x", "parts": [{"field": "series", "kind": "letters", "length": [3, 1]}]}]},
            "length",
        ),
        ({"formats": [{"name": "x", "region": "mars", "parts": []}]}, "mars"),
        (
            {
                "formats": [
                    {
                        "name": "x",
                        "parts": [{"field": "number", "kind": "digits", "length": [1, 2], "pattern": "("}],
                    }
                ]
            },
            "pattern",
        ),
    ],
)
def test_malformed_documents_name_the_problem(document: object, message: str) -> None:
    with pytest.raises(PlateFormatError, match=message):
        parse_format_book(document)


def test_missing_file_is_a_format_error(tmp_path: Path) -> None:
    with pytest.raises(PlateFormatError, match="cannot read"):
        load_format_book(tmp_path / "absent.yaml")
