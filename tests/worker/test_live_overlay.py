"""The live overlay draws what the analytics see, on a copy of the picture."""

from __future__ import annotations

from collections import Counter

import numpy as np

from safecity.pipeline.rules.config import SceneConfig
from safecity.vision.boxes import Box
from safecity.vision.tracking import Track
from safecity.worker.live_overlay import BOX_COLOURS
from safecity.worker.live_overlay import LINE_COLOUR
from safecity.worker.live_overlay import ZONE_COLOUR
from safecity.worker.live_overlay import draw_overlay


def track(track_id: int, box: tuple[float, float, float, float], label: str) -> Track:
    return Track(track_id, 0.0, 1.0, Box(*box), 0.9, label_votes=Counter({label: 3}))


def test_boxes_zones_and_lines_are_drawn_on_a_copy() -> None:
    image = np.zeros((360, 640, 3), np.uint8)
    scene = SceneConfig.model_validate(
        {
            "zones": [{"name": "gate", "polygon": [[0.5, 0.5], [0.9, 0.5], [0.9, 0.9], [0.5, 0.9]]}],
            "lines": [{"name": "crossing", "start": [0.0, 0.25], "end": [1.0, 0.25]}],
        }
    )
    drawn = draw_overlay(image, [track(7, (100, 150, 200, 300), "person")], scene)

    assert not image.any()  # the original picture is untouched
    assert tuple(drawn[300, 150]) == BOX_COLOURS["person"]  # bottom edge of the person's box
    assert tuple(drawn[int(0.9 * 360), 500]) == ZONE_COLOUR  # the zone's bottom edge, normalised units
    assert tuple(drawn[90, 320]) == LINE_COLOUR  # the counting line across the frame


def test_an_empty_scene_without_tracks_changes_nothing() -> None:
    image = np.full((120, 160, 3), 77, np.uint8)
    assert np.array_equal(draw_overlay(image, [], SceneConfig()), image)
