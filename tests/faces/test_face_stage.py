"""The worker's face stage: the best face of each person track comes out once the track has finished."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np

from safecity.core.media import MediaStore
from safecity.video.frame import Image
from safecity.vision.faces import DLIB_RESNET
from safecity.worker.face_stage import FaceStage
from safecity.worker.face_stage import FaceStageConfig
from safecity.worker.face_stage import TrackedPerson
from safecity.worker.face_stage import sighting_event
from tests.conftest import shared_path
from tests.faces.support import pipelines


def obama_frame() -> Image:
    frame = cv2.imread(str(shared_path("data/faces/obama/obama.jpg")))
    assert frame is not None
    return frame.astype(np.uint8)


def test_a_tracks_best_face_becomes_a_sighting_event(tmp_path: Path) -> None:
    frame = obama_frame()
    height, width = frame.shape[:2]
    person = TrackedPerson(track_id=7, box=(0, 0, width, height))
    blurred = cv2.GaussianBlur(frame, (0, 0), 6).astype(np.uint8)
    stage = FaceStage(pipelines()["search"], FaceStageConfig(idle_seconds=2.0, head_share=1.0))

    assert stage.process(blurred, [person], 100.0) == []  # too blurred to pass the gate: nothing kept
    assert stage.process(frame, [person], 100.5) == []
    assert stage.process(frame, [], 101.0) == []  # unseen for 0.5 s: the track is still open
    [sighting] = stage.process(frame, [], 103.0)  # unseen for 2.5 s: finished

    assert sighting.track_id == "7"
    assert sighting.face.embedding is not None
    assert 370 <= sighting.face.box.x1 <= 390  # in frame coordinates
    crop = cv2.imdecode(np.frombuffer(sighting.crop_jpeg, np.uint8), cv2.IMREAD_COLOR)
    assert crop is not None
    assert crop.shape[0] > sighting.face.box.height

    media = MediaStore(tmp_path / "media")
    event = sighting_event(sighting, media, "gate", "w1")
    assert (event.type, event.camera_id, event.model) == ("face.sighting", "gate", DLIB_RESNET.id)
    assert media.read_bytes(event.crop_sha256) == sighting.crop_jpeg
    assert np.array_equal(event.array(), sighting.face.embedding.vector)
    assert stage.close() == []


def test_close_flushes_open_tracks_and_small_people_are_skipped() -> None:
    frame = obama_frame()
    height, width = frame.shape[:2]
    stage = FaceStage(pipelines()["search"], FaceStageConfig(head_share=1.0, min_person_height=80))
    stage.process(frame, [TrackedPerson("a", (0, 0, width, height)), TrackedPerson("b", (0, 0, 50, 60))], 1.0)
    assert [s.track_id for s in stage.close()] == ["a"]
