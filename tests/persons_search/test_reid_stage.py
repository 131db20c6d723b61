"""The worker's re-id stage: one appearance per finished person track, from its best whole crops."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from safecity.core.media import MediaStore
from safecity.vision.boxes import Box
from safecity.vision.reid import PersonReidEmbedder
from safecity.vision.reid import appearance_similarity
from safecity.worker.face_stage import TrackedPerson
from safecity.worker.reid_stage import ReidStage
from safecity.worker.reid_stage import ReidStageConfig
from safecity.worker.reid_stage import appearance_event
from tests.persons_search.support import synthetic_person


def frame_with(people: dict[int, tuple[int, int, int]], view: int) -> tuple[np.ndarray, list[TrackedPerson]]:
    """A 640x480 frame with person p pasted at (x, y) at height h for each {p: (x, y, h)}."""
    frame = np.full((480, 640, 3), 90, dtype=np.uint8)
    tracked = []
    for person, (x, y, height) in people.items():
        width = height // 2
        frame[y : y + height, x : x + width] = synthetic_person(person, view, size=(width, height))
        tracked.append(TrackedPerson(track_id=person, box=Box(x, y, x + width, y + height)))
    return frame, tracked


def test_each_finished_track_becomes_one_appearance_of_that_person(
    embedder: PersonReidEmbedder, tmp_path: Path
) -> None:
    stage = ReidStage(embedder, ReidStageConfig(crops_per_track=3, idle_seconds=2.0))
    for step in range(8):  # two people walking for 1.6 s, a far-away one too small to describe
        frame, people = frame_with(
            {1: (40 + 10 * step, 100, 240), 4: (400, 150, 200 + step), 2: (300, 20, 40)}, step
        )
        assert stage.process(frame, people, timestamp=step * 0.2) == []
    empty, _ = frame_with({}, 0)
    finished = stage.process(empty, [], timestamp=5.0)

    assert sorted(a.track_id for a in finished) == ["1", "4"]
    gallery = np.stack([embedder.embed(synthetic_person(p, view=99)) for p in range(6)])
    for appearance in finished:
        assert 1 <= appearance.crops <= 3
        assert appearance.first_seen == 0.0
        assert appearance.last_seen == pytest.approx(1.4)
        assert int(appearance_similarity(appearance.vector, gallery).argmax()) == int(appearance.track_id)
    assert stage.close() == []


def test_the_best_crop_is_the_largest_whole_view_and_goes_to_the_media_store(
    embedder: PersonReidEmbedder, tmp_path: Path
) -> None:
    stage = ReidStage(embedder)
    sizes = [150, 260, 200]  # the 260 px view is the best
    for step, height in enumerate(sizes):
        frame, people = frame_with({5: (100, 10, height)}, step)
        stage.process(frame, people, timestamp=step * 1.0)
    [appearance] = stage.close()
    assert appearance.box.height == 260

    media = MediaStore(tmp_path / "media")
    event = appearance_event(appearance, media, "gate", "w1", embedder.model_id)
    assert event.type == "reid.appearance"
    assert (event.camera_id, event.track_id, event.dim, event.crops) == ("gate", "5", 256, 3)
    assert media.path(event.crop_sha256).is_file()
    assert np.allclose(event.array(), appearance.vector)


def test_a_person_cut_by_the_frame_edge_ranks_below_a_whole_view(embedder: PersonReidEmbedder) -> None:
    stage = ReidStage(embedder, ReidStageConfig(crops_per_track=1))
    frame, people = frame_with({0: (0, 100, 300)}, 1)  # touches the left edge
    stage.process(frame, people, timestamp=0.0)
    frame, people = frame_with({0: (200, 100, 220)}, 2)  # smaller, but whole
    stage.process(frame, people, timestamp=1.0)
    [appearance] = stage.close()
    assert appearance.box.x1 == 200
