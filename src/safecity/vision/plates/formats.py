"""Plate formats loaded from YAML (the packaged `formats.yaml` or a file of the same shape)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any
from typing import Literal

import yaml

PartKind = Literal["letters", "digits"]
FIELDS = ("series", "year", "number")


class PlateFormatError(ValueError):
    """A formats file is malformed; the message names the offending entry."""


@dataclass(frozen=True, slots=True)
class FormatPart:
    field: str
    kind: PartKind
    min_length: int
    max_length: int
    optional: bool = False
    pattern: re.Pattern[str] | None = None

    def accepts(self, value: str) -> bool:
        return self.pattern is None or self.pattern.fullmatch(value) is not None


@dataclass(frozen=True, slots=True)
class PlateFormat:
    name: str
    region: str | None
    parts: tuple[FormatPart, ...]
    requires_region_word: bool = False


@dataclass(frozen=True, slots=True)
class FormatBook:
    """All known formats in priority order, the words naming each region and other printed decorations."""

    formats: tuple[PlateFormat, ...]
    region_words: dict[str, frozenset[str]]
    decoration_words: frozenset[str]

    def region_of_word(self, word: str) -> str | None:
        for region, words in self.region_words.items():
            if word in words:
                return region
        return None

    @property
    def all_words(self) -> frozenset[str]:
        words: set[str] = set(self.decoration_words)
        for region_words in self.region_words.values():
            words |= region_words
        return frozenset(words)


def _parse_part(raw: Any, where: str) -> FormatPart:
    if not isinstance(raw, dict):
        raise PlateFormatError(f"{where}: a part must be a mapping, got {raw!r}")
    field = raw.get("field")
    if field not in FIELDS:
        raise PlateFormatError(f"{where}: field must be one of {FIELDS}, got {field!r}")
    kind = raw.get("kind")
    if kind not in ("letters", "digits"):
        raise PlateFormatError(f"{where}: kind must be 'letters' or 'digits', got {kind!r}")
    length = raw.get("length")
    if (
        not isinstance(length, list)
        or len(length) != 2
        or not all(isinstance(n, int) for n in length)
        or not 1 <= length[0] <= length[1]
    ):
        raise PlateFormatError(f"{where}: length must be [min, max] with 1 <= min <= max, got {length!r}")
    pattern = raw.get("pattern")
    try:
        compiled = re.compile(pattern) if pattern else None
    except re.error as error:
        raise PlateFormatError(f"{where}: bad pattern {pattern!r}: {error}") from error
    return FormatPart(field, kind, length[0], length[1], bool(raw.get("optional", False)), compiled)


def _parse_format(raw: Any, index: int, known_regions: set[str]) -> PlateFormat:
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
        raise PlateFormatError(f"formats[{index}]: needs a 'name'")
    where = f"format {raw['name']!r}"
    region = raw.get("region")
    if region is not None and region not in known_regions:
        raise PlateFormatError(f"{where}: region {region!r} is not listed under 'regions'")
    raw_parts = raw.get("parts")
    if not isinstance(raw_parts, list) or not raw_parts:
        raise PlateFormatError(f"{where}: 'parts' must be a non-empty list")
    parts = tuple(_parse_part(part, f"{where} part {i}") for i, part in enumerate(raw_parts))
    fields = [part.field for part in parts]
    if len(set(fields)) != len(fields):
        raise PlateFormatError(f"{where}: a field appears twice")
    if all(part.optional for part in parts):
        raise PlateFormatError(f"{where}: at least one part must be required")
    requires_word = bool(raw.get("requires_region_word", False))
    if requires_word and region is None:
        raise PlateFormatError(f"{where}: requires_region_word needs a region")
    return PlateFormat(raw["name"], region, parts, requires_word)


def parse_format_book(document: Any) -> FormatBook:
    """Build a FormatBook from the decoded YAML document; raises PlateFormatError naming the problem."""
    if not isinstance(document, dict):
        raise PlateFormatError("a formats document must be a mapping with 'regions' and 'formats'")
    raw_regions = document.get("regions") or {}
    if not isinstance(raw_regions, dict):
        raise PlateFormatError("'regions' must map a region name to its words")
    regions = {
        str(name): frozenset(str(w).upper() for w in words or []) for name, words in raw_regions.items()
    }
    raw_formats = document.get("formats")
    if not isinstance(raw_formats, list) or not raw_formats:
        raise PlateFormatError("'formats' must be a non-empty list")
    formats = tuple(_parse_format(raw, i, set(regions)) for i, raw in enumerate(raw_formats))
    names = [fmt.name for fmt in formats]
    if len(set(names)) != len(names):
        raise PlateFormatError("format names must be unique")
    decorations = frozenset(str(w).upper() for w in document.get("decoration_words") or [])
    return FormatBook(formats, regions, decorations)


def load_format_book(path: Path | None = None) -> FormatBook:
    """Formats from `path`, or the packaged defaults when None."""
    if path is None:
        return default_format_book()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise PlateFormatError(f"cannot read formats file {path}: {error}") from error
    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise PlateFormatError(f"{path} is not valid YAML: {error}") from error
    return parse_format_book(document)


@cache
def default_format_book() -> FormatBook:
    text = resources.files(__package__).joinpath("formats.yaml").read_text(encoding="utf-8")
    return parse_format_book(yaml.safe_load(text))
