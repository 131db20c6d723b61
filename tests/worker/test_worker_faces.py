"""A camera with the `faces` profile sends the best face of each tracked person to the watchlist service."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np

from safecity.core.bus import Event
from safecity.core.media import MediaStore
from safecity.faces.events import FaceSightingEvent
from safecity.pipeline.camera import CameraPipeline
from safecity.pipeline.camera import PipelineSettings
from safecity.video.frame import Frame
from safecity.worker.analysis import CameraAnalysis
from safecity.worker.face_stage import FaceStage
from safecity.worker.face_stage import FaceStageConfig
from safecity.worker.profiles import features_of
from tests.conftest import shared_path

FPS = 5.0
T0 = 1_700_000_000.0


def walking_face_frames(face: np.ndarray, count: int = 30) -> list[Frame]:
    """A still grey street for two seconds, then a face-sized figure crossing it."""
    frames = []
    height, width = face.shape[:2]
    for index in range(count):
        image = np.full((480, 854, 3), 110, np.uint8)
        if index >= 10:
            x = 20 + (index - 10) * 25
            image[100 : 100 + height, x : x + width] = face
        frames.append(Frame("gate-1", index, T0 + index / FPS, index / FPS, image))
    return frames


def test_the_faces_profile_is_recognised() -> None:
    assert features_of("faces").faces
    assert features_of("default+anpr+faces").faces
    assert not features_of("default").faces


def test_a_person_crossing_the_view_yields_one_face_sighting_with_its_track(tmp_path: Path) -> None:
    photo = cv2.imread(str(shared_path("data/faces/obama/obama.jpg")))
    face = cv2.resize(photo[60:460, 340:660], (240, 300))
    published: list[Event] = []
    media = MediaStore(tmp_path / "media")
    analysis = CameraAnalysis(
        CameraPipeline("gate-1", None, None, PipelineSettings(fps=FPS)),
        published.append,
        media,
        worker_id="w1",
        faces=FaceStage(config=FaceStageConfig(head_share=1.0)),
        fps=FPS,
    )
    for frame in walking_face_frames(face):
        analysis.process(frame)
    analysis.finish()

    sightings = [e for e in published if isinstance(e, FaceSightingEvent)]
    assert len(sightings) == 1
    sighting = sightings[0]
    assert sighting.camera_id == "gate-1"
    assert sighting.model == "dlib-resnet-v1"
    assert media.exists(sighting.crop_sha256)
    tracks = {e.payload.get("track_id") for e in published if e.type == "track.ended"}
    assert sighting.track_id in {str(t) for t in tracks}
