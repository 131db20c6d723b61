"""The recogniser reads each strip the same whether alone or among strips of other widths."""

from __future__ import annotations

import numpy as np
import pytest
from tests.vision.plates.synthetic import punjab_plate
from tests.vision.plates.synthetic import sindh_plate

from safecity.vision.plates import PlateReader
from safecity.vision.plates.glyphs import TextSegment
from safecity.vision.plates.text_recognizer import TextRecognizer


@pytest.fixture(scope="module")
def recognizer() -> TextRecognizer:
    return PlateReader().recognizer


def _text(segments: list[TextSegment]) -> str:
    return " ".join("".join(glyph.char for glyph in segment.glyphs) for segment in segments)


def test_strips_of_mixed_widths_read_as_they_do_alone(recognizer: TextRecognizer) -> None:
    sindh, punjab = sindh_plate("AVV", "584"), punjab_plate("LEB", "06", "5700")
    strips = [
        np.ascontiguousarray(sindh[20:82, 10:310]),  # AVV-584, wide
        np.ascontiguousarray(sindh[82:106, 120:200]),  # SINDH, small (input width at the minimum)
        np.ascontiguousarray(punjab[18:72, 75:295]),  # LEB-06
        np.ascontiguousarray(punjab[80:142, 90:280]),  # 5700
        np.ascontiguousarray(sindh[20:82, 10:310]),  # the first strip again: same width, one batch
    ]
    together = recognizer.recognize(strips)
    alone = [recognizer.recognize([strip])[0] for strip in strips]
    assert [_text(segments) for segments in together] == ["AVV 584", "SINDH", "LEB 06", "5700", "AVV 584"]
    for mixed, single in zip(together, alone, strict=True):
        assert _text(mixed) == _text(single)
        confidences = [glyph.prob for segment in mixed for glyph in segment.glyphs]
        assert confidences == pytest.approx(
            [glyph.prob for segment in single for glyph in segment.glyphs], abs=1e-4
        )
