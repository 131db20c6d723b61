"""Turn the text read on a plate into a registration: drop decorations, fit the known formats, fix confusions.

Each known format is tried on the characters in reading order. A character of the wrong kind for its
place (a 0 where a letter must be) may be swapped for the model's best character of the right kind, at a
cost that grows as the model liked it less; the fit with the lowest total cost wins. Reads that fit no
format are kept, unmatched.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import replace
from itertools import combinations

from safecity.vision.plates.formats import FormatBook
from safecity.vision.plates.formats import FormatPart
from safecity.vision.plates.formats import PlateFormat
from safecity.vision.plates.formats import default_format_book
from safecity.vision.plates.glyphs import DIGITS
from safecity.vision.plates.glyphs import LETTERS
from safecity.vision.plates.glyphs import Glyph
from safecity.vision.plates.glyphs import TextSegment
from safecity.vision.plates.glyphs import segments_from_text
from safecity.vision.plates.keys import reading_key

# Letter <-> digit look-alikes used when the model gives no alternative of the needed kind.
_LETTER_FOR_DIGIT = {"0": "O", "1": "I", "2": "Z", "4": "A", "5": "S", "6": "G", "7": "T", "8": "B"}
_DIGIT_FOR_LETTER = {
    "O": "0", "D": "0", "Q": "0", "U": "0", "I": "1", "L": "1", "J": "1", "T": "7",
    "Z": "2", "A": "4", "S": "5", "G": "6", "B": "8",
}  # fmt: skip
_STATIC_SWAP_COST = 2.5
_STATIC_SWAP_CONFIDENCE = 0.3
_MISSING_OPTIONAL_COST = 1.0
_YEAR_NUMBER_UNSEPARATED_COST = 1.5  # dearer than no year: digits in one run are the number
_PART_ACROSS_SEGMENTS_COST = 1.0
_MIN_ALTERNATIVE_PROB = 1e-4
_TALL_TEXT_RATIO = 0.7
_DROP_COST = 1.0
_DROP_CONFIDENCE = 0.8
_DROP_DISTANCE_COST = 0.05
UNKNOWN_FORMAT = "unknown"  # the format reported for a read that fits no known format (foreign, misread)


@dataclass(frozen=True, slots=True)
class ParseSettings:
    """`max_cost` bounds the corrections a fit may need; decorations are text lower than
    `decoration_height_ratio` times the tallest text on the plate, or a region/decoration word. A read that
    fits no format is tried again without up to `max_dropped` stray inner characters."""

    max_cost: float = 4.0
    decoration_height_ratio: float = 0.4
    max_dropped: int = 2


@dataclass(frozen=True, slots=True)
class ParsedPlate:
    text: str
    series: str | None
    year: str | None
    number: str | None
    format: str | None
    region: str | None
    confidence: float
    raw_text: str
    corrections: int = 0
    cost: float = 0.0

    @property
    def matched(self) -> bool:
        return self.format is not None

    @property
    def key(self) -> str:
        """Series and number without year or separators (LEB5700): the identity used to compare reads."""
        return reading_key(self.series, self.number, self.text)


@dataclass(frozen=True, slots=True)
class _Fit:
    cost: float
    values: dict[str, str]
    confidence: float
    corrections: int


def _words_within_one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _decoration_word(text: str, book: FormatBook) -> str | None:
    """The known word `text` is (allowing one OCR slip for long words, and text read upside down)."""
    if len(text) < 3 or not text.isalpha():
        return None
    for candidate in (text, text[::-1]):
        for word in book.all_words:
            if candidate == word or (len(word) >= 5 and _words_within_one_edit(candidate, word)):
                return word
    return None


def _swap(glyph: Glyph, kind: str) -> tuple[str, float, float] | None:
    """(character, cost, confidence) for this glyph read as `kind`, or None when it cannot be."""
    wanted = LETTERS if kind == "letters" else DIGITS
    if glyph.char in wanted:
        return glyph.char, 0.0, glyph.prob
    alternative, alt_prob = (
        (glyph.best_letter, glyph.letter_prob) if kind == "letters" else (glyph.best_digit, glyph.digit_prob)
    )
    if alternative is not None:
        # The model's own second choice; a character read with no alternatives falls back to look-alikes.
        if alt_prob < _MIN_ALTERNATIVE_PROB:
            return None
        return alternative, math.log(max(glyph.prob, alt_prob) / alt_prob), alt_prob
    static = (_LETTER_FOR_DIGIT if kind == "letters" else _DIGIT_FOR_LETTER).get(glyph.char)
    if static is None:
        return None
    return static, _STATIC_SWAP_COST, glyph.prob * _STATIC_SWAP_CONFIDENCE


def _fit_format(
    fmt: PlateFormat, glyphs: Sequence[Glyph], segment_of: Sequence[int], max_cost: float
) -> _Fit | None:
    best: _Fit | None = None
    count = len(glyphs)

    def place(
        part_index: int, start: int, cost: float, values: dict[str, str], conf: float, fixes: int
    ) -> None:
        nonlocal best
        if cost > max_cost or (best is not None and cost >= best.cost):
            return
        if part_index == len(fmt.parts):
            if start == count:
                best = _Fit(cost, dict(values), conf, fixes)
            return
        part: FormatPart = fmt.parts[part_index]
        if part.optional:
            place(part_index + 1, start, cost + _MISSING_OPTIONAL_COST, values, conf, fixes)
        for length in range(part.min_length, min(part.max_length, count - start) + 1):
            end = start + length
            part_cost = 0.0
            chars: list[str] = []
            part_conf = conf
            part_fixes = fixes
            for glyph in glyphs[start:end]:
                swapped = _swap(glyph, part.kind)
                if swapped is None:
                    break
                char, swap_cost, char_conf = swapped
                chars.append(char)
                part_cost += swap_cost
                part_conf = min(part_conf, char_conf)
                part_fixes += char != glyph.char
            else:
                value = "".join(chars)
                if not part.accepts(value):
                    continue
                if segment_of[start] != segment_of[end - 1]:
                    part_cost += _PART_ACROSS_SEGMENTS_COST
                previous = fmt.parts[part_index - 1] if part_index else None
                if (
                    previous is not None
                    and previous.field == "year"
                    and previous.field in values
                    and segment_of[start - 1] == segment_of[start]
                ):
                    part_cost += _YEAR_NUMBER_UNSEPARATED_COST
                values[part.field] = value
                place(part_index + 1, end, cost + part_cost, values, part_conf, part_fixes)
                del values[part.field]

    place(0, 0, 0.0, {}, 1.0, 0)
    return best


def _as_segments(raw_lines: Sequence[str] | Sequence[TextSegment]) -> list[TextSegment]:
    segments: list[TextSegment] = []
    for row, line in enumerate(raw_lines):
        if isinstance(line, TextSegment):
            segments.append(line)
        elif isinstance(line, str):
            segments.extend(segments_from_text(line, row=row))
        else:
            raise TypeError(f"plate lines must be str or TextSegment, got {type(line).__name__}")
    return [segment for segment in segments if segment.glyphs]


def parse_plate(
    raw_lines: Sequence[str] | Sequence[TextSegment],
    book: FormatBook | None = None,
    settings: ParseSettings | None = None,
) -> ParsedPlate:
    """Parse the text of one plate, given top to bottom (strings, one per row, or recognised segments)."""
    book = book or default_format_book()
    settings = settings or ParseSettings()
    segments = _as_segments(raw_lines)
    raw_text = " ".join(segment.text for segment in segments)
    tallest = max((segment.height for segment in segments), default=0.0)
    regions: set[str] = set()
    kept: list[TextSegment] = []
    for segment in segments:
        word = _decoration_word(segment.text, book)
        if word is not None:
            region = book.region_of_word(word)
            if region is not None:
                regions.add(region)
        elif segment.height >= settings.decoration_height_ratio * tallest:
            kept.append(segment)
    # Registration characters are the tallest text; if the lenient cut fits no format, try only the tallest.
    tall = [segment for segment in kept if segment.height >= _TALL_TEXT_RATIO * tallest]
    cuts = (kept, tall) if len(tall) < len(kept) else (kept,)
    for candidates in cuts:
        parsed = _parse_segments(candidates, regions, book, settings, raw_text)
        if parsed.matched:
            return parsed
    for candidates in cuts:
        parsed = _parse_dropping_strays(candidates, regions, book, settings, raw_text)
        if parsed.matched:
            return parsed
    glyphs = [glyph for segment in sorted(tall, key=lambda s: s.row) for glyph in segment.glyphs]
    region = next(iter(regions)) if len(regions) == 1 else None
    text = "".join(glyph.char for glyph in glyphs)
    confidence = min((glyph.prob for glyph in glyphs), default=0.0)
    return ParsedPlate(text, None, None, None, None, region, confidence, raw_text)


def _without(segments: list[TextSegment], dropped: tuple[int, ...]) -> list[TextSegment]:
    """The segments with the glyphs at these positions (counted over all segments) left out."""
    kept: list[TextSegment] = []
    position = 0
    for segment in segments:
        glyphs = []
        for glyph in segment.glyphs:
            if position not in dropped:
                glyphs.append(glyph)
            position += 1
        if glyphs:
            kept.append(TextSegment(tuple(glyphs), segment.height, segment.row))
    return kept


def _parse_dropping_strays(
    segments: list[TextSegment], regions: set[str], book: FormatBook, settings: ParseSettings, raw_text: str
) -> ParsedPlate:
    """Fit the formats leaving out up to `max_dropped` inner characters (the cheapest fit wins).

    A small year or a separator read as a stray letter (`LEE-11-2403` read `LEEW2403`) makes a read fit no
    format; leaving it out recovers series and number. Each left-out character costs `_DROP_COST` plus its
    probability (a confident character is dearer to drop) and lowers the read's confidence."""
    segments = sorted(segments, key=lambda segment: segment.row)
    glyphs = [glyph for segment in segments for glyph in segment.glyphs]
    inner = range(1, len(glyphs) - 1)
    # Strays sit where letters turn into digits (a year, a dash): among equally likely drops, prefer those.
    boundary = next((i for i, glyph in enumerate(glyphs) if glyph.char in DIGITS), len(glyphs)) - 1
    best: tuple[float, ParsedPlate] | None = None
    for count in range(1, settings.max_dropped + 1):
        for dropped in combinations(inner, count):
            parsed = _parse_segments(_without(segments, dropped), regions, book, settings, raw_text)
            if not parsed.matched:
                continue
            cost = parsed.cost + sum(
                _DROP_COST + glyphs[i].prob + _DROP_DISTANCE_COST * abs(i - boundary) for i in dropped
            )
            if cost <= settings.max_cost and (best is None or cost < best[0]):
                fixed = replace(
                    parsed,
                    confidence=parsed.confidence * _DROP_CONFIDENCE**count,
                    corrections=parsed.corrections + count,
                    cost=cost,
                )
                best = (cost, fixed)
        if best is not None:
            break
    return best[1] if best is not None else ParsedPlate("", None, None, None, None, None, 0.0, raw_text)


def _parse_segments(
    kept: list[TextSegment], regions: set[str], book: FormatBook, settings: ParseSettings, raw_text: str
) -> ParsedPlate:
    kept = sorted(kept, key=lambda segment: segment.row)  # stable: keeps left-to-right order within a row
    glyphs = [glyph for segment in kept for glyph in segment.glyphs]
    segment_of = [index for index, segment in enumerate(kept) for _ in segment.glyphs]
    unmatched = ParsedPlate("", None, None, None, None, None, 0.0, raw_text)
    if not glyphs:
        return unmatched

    best: tuple[float, int, int, PlateFormat, _Fit] | None = None
    for order, fmt in enumerate(book.formats):
        if fmt.requires_region_word and fmt.region not in regions:
            continue
        fit = _fit_format(fmt, glyphs, segment_of, settings.max_cost)
        if fit is None:
            continue
        rank = (round(fit.cost, 6), 0 if fmt.region in regions else 1, order)
        if best is None or rank < best[:3]:
            best = (*rank, fmt, fit)
    if best is None:
        return unmatched
    fmt, fit = best[3], best[4]
    text = "-".join(fit.values[part.field] for part in fmt.parts if part.field in fit.values)
    return ParsedPlate(
        text,
        fit.values.get("series"),
        fit.values.get("year"),
        fit.values.get("number"),
        fmt.name,
        fmt.region,
        fit.confidence,
        raw_text,
        fit.corrections,
        fit.cost,
    )
