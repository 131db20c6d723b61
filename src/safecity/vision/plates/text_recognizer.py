"""PP-OCRv4 recognition restricted to plate characters, keeping per-character alternatives.

The shipped model reads 6,623 symbols (mostly Chinese). Its outputs are folded into: blank, the 36 plate
characters (lower case merged into upper case) and one "break" class (separators, other symbols). Greedy CTC
decoding on the folded classes gives characters, and at each the model's best letter and best digit,
which lets the format parser fix a 0 read where a letter must be from the model's own second opinion.
"""

from __future__ import annotations

import math

import cv2
import numpy as np
import numpy.typing as npt
import onnxruntime as ort

from safecity.video.frame import Image
from safecity.vision.plates.glyphs import DIGITS
from safecity.vision.plates.glyphs import LETTERS
from safecity.vision.plates.glyphs import Glyph
from safecity.vision.plates.glyphs import TextSegment

PLATE_CHARS = LETTERS + DIGITS
_INPUT_HEIGHT = 48
_MIN_INPUT_WIDTH = 160
_BLANK, _BREAK = 0, len(PLATE_CHARS) + 1
_LETTER_CLASSES = np.arange(1, 1 + len(LETTERS))
_DIGIT_CLASSES = np.arange(1 + len(LETTERS), 1 + len(PLATE_CHARS))


# Strips share a model call only when their input widths differ by at most this factor: on one CPU thread a
# batch costs as much as its strips run alone, so padding a short strip to a long one's width is pure loss.
_BATCH_WIDTH_SPREAD = 1.1
_MAX_BATCH = 8


def input_width(strip: Image) -> int:
    """The model input width of a strip: scaled to the input height, at least the minimum width."""
    return max(_MIN_INPUT_WIDTH, math.ceil(_INPUT_HEIGHT * strip.shape[1] / max(strip.shape[0], 1)))


def _batches(widths: list[int]) -> list[list[int]]:
    """Indices of strips grouped into model calls: narrowest first, each call of near-equal widths."""
    batches: list[list[int]] = []
    for index in sorted(range(len(widths)), key=lambda i: widths[i]):
        batch = batches[-1] if batches else None
        if batch and len(batch) < _MAX_BATCH and widths[index] <= _BATCH_WIDTH_SPREAD * widths[batch[0]]:
            batch.append(index)
        else:
            batches.append([index])
    return batches


class TextRecognizer:
    """Reads upright text strips (BGR) into segments of plate characters, split at separators."""

    def __init__(self, session: ort.InferenceSession) -> None:
        self._session = session
        self._input = session.get_inputs()[0].name
        metadata = session.get_modelmeta().custom_metadata_map
        if "character" not in metadata:
            raise ValueError("the recognition model has no 'character' list in its metadata")
        symbols = ["<blank>", *metadata["character"].splitlines(), " "]
        self._alnum_index = np.zeros(len(symbols), dtype=np.int64)
        for index, symbol in enumerate(symbols[1:], start=1):
            upper = symbol.upper()
            if len(upper) == 1 and upper in PLATE_CHARS:
                self._alnum_index[index] = 1 + PLATE_CHARS.index(upper)
        self._other = np.flatnonzero(self._alnum_index == 0)[
            1:
        ]  # every symbol but blank and plate characters
        # The symbols of each plate character (upper and lower case, ...) as rows of one index table, padded
        # with a symbol of another class and masked: folding is one gather and one sum (np.add.at is slow, and
        # a matrix product would wake BLAS threads).
        members = [np.flatnonzero(self._alnum_index == 1 + c) for c in range(len(PLATE_CHARS))]
        width = max(len(m) for m in members)
        self._members = np.zeros((len(PLATE_CHARS), width), dtype=np.int64)
        self._member_mask = np.zeros((len(PLATE_CHARS), width), dtype=np.float32)
        for row, found in enumerate(members):
            self._members[row, : len(found)] = found
            self._member_mask[row, : len(found)] = 1.0

    @staticmethod
    def model_input(strips: list[Image]) -> npt.NDArray[np.float32]:
        widths = [math.ceil(_INPUT_HEIGHT * s.shape[1] / max(s.shape[0], 1)) for s in strips]
        batch_width = max(input_width(strip) for strip in strips)
        batch = np.zeros((len(strips), 3, _INPUT_HEIGHT, batch_width), dtype=np.float32)
        for i, (strip, width) in enumerate(zip(strips, widths, strict=True)):
            resized = cv2.resize(strip, (max(width, 1), _INPUT_HEIGHT), interpolation=cv2.INTER_LINEAR)
            batch[i, :, :, : resized.shape[1]] = (resized.astype(np.float32) / 127.5 - 1.0).transpose(2, 0, 1)
        return batch

    def run_model(self, batch: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
        return np.asarray(self._session.run(None, {self._input: batch})[0], dtype=np.float32)

    def fold(self, probabilities: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
        """(T, symbols) softmax outputs -> (T, 38): blank, A-Z, 0-9, break."""
        folded = np.empty((probabilities.shape[0], len(PLATE_CHARS) + 2), dtype=np.float32)
        folded[:, 1 : 1 + len(PLATE_CHARS)] = (probabilities[:, self._members] * self._member_mask).sum(
            axis=2
        )
        folded[:, _BLANK] = probabilities[:, 0]
        folded[:, _BREAK] = probabilities[:, self._other].max(axis=1)
        return folded

    def decode(self, folded: npt.NDArray[np.float32], height: float) -> list[TextSegment]:
        best = folded.argmax(axis=1)
        segments: list[TextSegment] = []
        glyphs: list[Glyph] = []
        step = 0
        while step < len(best):
            cls = int(best[step])
            end = step
            while end + 1 < len(best) and best[end + 1] == cls:
                end += 1
            if cls == _BREAK and glyphs:
                segments.append(TextSegment(tuple(glyphs), height))
                glyphs = []
            elif cls not in (_BLANK, _BREAK):
                run = folded[step : end + 1]
                peak = run[int(run[:, cls].argmax())]
                letter = int(_LETTER_CLASSES[peak[_LETTER_CLASSES].argmax()])
                digit = int(_DIGIT_CLASSES[peak[_DIGIT_CLASSES].argmax()])
                glyphs.append(
                    Glyph(
                        PLATE_CHARS[cls - 1],
                        float(peak[cls]),
                        PLATE_CHARS[letter - 1],
                        float(peak[letter]),
                        PLATE_CHARS[digit - 1],
                        float(peak[digit]),
                    )
                )
            step = end + 1
        if glyphs:
            segments.append(TextSegment(tuple(glyphs), height))
        return segments

    def recognize(self, strips: list[Image], heights: list[float] | None = None) -> list[list[TextSegment]]:
        """Segments read in each strip; `heights` (text height in the source image) is stored on them."""
        if not strips:
            return []
        heights = heights or [float(s.shape[0]) for s in strips]
        results: list[list[TextSegment]] = [[] for _ in strips]
        for chunk in _batches([input_width(strip) for strip in strips]):
            outputs = self.run_model(self.model_input([strips[i] for i in chunk]))
            for i, output in zip(chunk, outputs, strict=True):
                results[i] = self.decode(self.fold(output), heights[i])
        return results
