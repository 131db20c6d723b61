"""What the recogniser saw: characters with their probabilities, grouped into text segments."""

from __future__ import annotations

from dataclasses import dataclass

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
DIGITS = "0123456789"


@dataclass(frozen=True, slots=True)
class Glyph:
    """One recognised character and the model's best letter and best digit at the same place.

    Probabilities are the model's. Built from a plain string, a glyph is certain of its character and
    knows no alternatives (the parser's look-alike table then supplies them).
    """

    char: str
    prob: float
    best_letter: str | None = None
    letter_prob: float = 0.0
    best_digit: str | None = None
    digit_prob: float = 0.0

    @classmethod
    def certain(cls, char: str) -> Glyph:
        if char in LETTERS:
            return cls(char, 1.0, char, 1.0, None, 0.0)
        return cls(char, 1.0, None, 0.0, char, 1.0)

    @property
    def is_letter(self) -> bool:
        return self.char in LETTERS


@dataclass(frozen=True, slots=True)
class TextSegment:
    """A run of characters with no separator inside, as read from one text box.

    `height` is the text height in pixels; `row` numbers the text rows of a plate from the top.
    """

    glyphs: tuple[Glyph, ...]
    height: float = 1.0
    row: int = 0

    @property
    def text(self) -> str:
        return "".join(glyph.char for glyph in self.glyphs)

    @classmethod
    def from_text(cls, text: str, height: float = 1.0, row: int = 0) -> TextSegment:
        return cls(tuple(Glyph.certain(c) for c in text), height, row)


def segments_from_text(line: str, height: float = 1.0, row: int = 0) -> list[TextSegment]:
    """Split a raw OCR string into segments at anything that is not a letter or digit (upper-cased first)."""
    segments: list[TextSegment] = []
    current = ""
    for char in line.upper():
        if char in LETTERS or char in DIGITS:
            current += char
        elif current:
            segments.append(TextSegment.from_text(current, height, row))
            current = ""
    if current:
        segments.append(TextSegment.from_text(current, height, row))
    return segments
