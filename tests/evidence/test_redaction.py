"""Redaction makes faces unrecognisable (dlib distance > 0.6 or no face found) and leaves the rest alone."""

from __future__ import annotations

from pathlib import Path

import av
import numpy as np
import pytest

from safecity.core.db import Database
from safecity.core.media import MediaStore
from safecity.evidence import custody
from safecity.evidence.bundle import redact_item
from safecity.evidence.mediafiles import read_image, read_video_frames
from safecity.evidence.redaction import face_finder, redact_image, redact_video
from safecity.video.frame import Image
from safecity.vision.faces import FaceResult, analyse_image, create_detector, distance
from tests.conftest import shared_path
from tests.evidence.conftest import INVESTIGATOR, collect

THRESHOLD = 0.6


def _unrecognisable(original: FaceResult, redacted: Image) -> bool:
    assert original.embedding is not None
    for face in analyse_image(redacted):
        overlaps = face.box.x1 < original.box.x2 and original.box.x1 < face.box.x2
        if (
            overlaps
            and face.embedding is not None
            and distance(face.embedding, original.embedding) <= THRESHOLD
        ):
            return False
    return True


def test_a_face_in_an_image_is_unrecognisable_and_other_pixels_are_identical() -> None:
    image = read_image(shared_path("data/faces/_group/obama_and_biden.jpg"))
    faces = [face for face in analyse_image(image) if face.usable]
    assert len(faces) == 2
    redacted, boxes = redact_image(image)
    assert len(boxes) >= len(faces)  # every face is blurred, usable for matching or not
    for face in faces:
        assert _unrecognisable(face, redacted)
    outside = np.ones(image.shape[:2], dtype=bool)
    for x1, y1, x2, y2 in boxes:
        outside[y1:y2, x1:x2] = False
    assert np.array_equal(redacted[outside], image[outside])
    assert outside.mean() > 0.5  # most of the picture is still there


def _first_frames(source: Path, destination: Path, count: int) -> None:
    with av.open(str(source)) as container, av.open(str(destination), "w", format="mp4") as output:
        stream = container.streams.video[0]
        encoder = output.add_stream("libx264", rate=stream.average_rate)
        encoder.width, encoder.height, encoder.pix_fmt = stream.width, stream.height, "yuv420p"
        for index, frame in enumerate(container.decode(stream)):
            if index >= count:
                break
            for packet in encoder.encode(
                av.VideoFrame.from_ndarray(frame.to_ndarray(format="bgr24"), "bgr24")
            ):
                output.mux(packet)
        for packet in encoder.encode(None):
            output.mux(packet)


@pytest.mark.slow
def test_faces_in_a_clip_are_unrecognisable_on_every_checked_frame(tmp_path: Path) -> None:
    clip = tmp_path / "clip.mp4"
    _first_frames(shared_path("media/short_hamilton_clip.mp4"), clip, 42)
    yunet = create_detector("yunet", model_path=shared_path("models/face_detection_yunet_2023mar.onnx"))
    result = redact_video(clip, tmp_path / "redacted.mp4", face_finder(yunet), detect_every=3)
    originals = read_video_frames(clip)
    redacted = read_video_frames(tmp_path / "redacted.mp4")
    assert result.frames == len(originals) == len(redacted) == 42
    checked = 0
    for index in (5, 15, 25, 35):
        for face in (f for f in analyse_image(originals[index]) if f.usable):
            checked += 1
            assert _unrecognisable(face, redacted[index]), f"frame {index}"
    assert checked >= 3


def test_redaction_keeps_the_original_and_links_the_derivative(database: Database, media: MediaStore) -> None:
    data = shared_path("data/faces/obama/obama.jpg").read_bytes()
    with database.session() as session:
        original = collect(session, media, data, suffix=".jpg", kind="snapshot")
        derivative = redact_item(session, media, original, INVESTIGATOR, purpose="publish appeal")
        assert derivative.original_id == original.id
        assert derivative.derivation == "redacted"
        assert derivative.sha256 != original.sha256
        assert media.exists(original.sha256)
        assert media.exists(derivative.sha256)
        assert [e.action for e in custody.chain(session, original.id)] == ["collected", "redacted"]
