"""Redaction makes faces unrecognisable (dlib distance > 0.6 or no face found) and leaves the rest alone."""

from __future__ import annotations

import json
from pathlib import Path

import av
import numpy as np
import pytest

from safecity.core.db import Database
from safecity.core.media import MediaStore
from safecity.evidence import custody
from safecity.evidence.bundle import redact_item
from safecity.evidence.errors import InvalidEvidenceInputError
from safecity.evidence.mediafiles import encode_image
from safecity.evidence.mediafiles import read_image
from safecity.evidence.mediafiles import read_video_frames
from safecity.evidence.redaction import check_regions
from safecity.evidence.redaction import face_finder
from safecity.evidence.redaction import plate_finder
from safecity.evidence.redaction import redact_image
from safecity.evidence.redaction import redact_video
from safecity.evidence.redaction import shared_plate_reader
from safecity.video.frame import Image
from safecity.vision.faces import FaceResult
from safecity.vision.faces import analyse_image
from safecity.vision.faces import create_detector
from safecity.vision.faces import distance
from tests.conftest import shared_path
from tests.evidence.conftest import INVESTIGATOR
from tests.evidence.conftest import collect
from tests.evidence.conftest import street_with_a_plate

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
    result = redact_image(image)
    redacted, boxes = result.image, result.boxes
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


def _texture(width: int, height: int, seed: int = 7) -> Image:
    """Busy noise: any blur inside a box shows up as a large drop of its pixel variance."""
    return np.random.default_rng(seed).integers(0, 256, (height, width, 3), dtype=np.uint8)


def _variance(image: Image, box: tuple[int, int, int, int] | list[int]) -> float:
    x1, y1, x2, y2 = box
    return float(image[y1:y2, x1:x2].reshape(-1, 3).astype(np.float64).var(axis=0).mean())


def test_drawn_regions_are_blurred_and_every_other_pixel_is_identical() -> None:
    image = _texture(320, 240)
    regions = [(215, 170, 265, 184), (10, 10, 70, 50), (0, 0, 3, 3)]  # a plate, a screen, a thin corner
    result = redact_image(image, regions=regions)
    assert result.drawn == regions
    for box in regions:
        assert _variance(result.image, box) < 0.2 * _variance(image, box), box
    assert _variance(result.image, (0, 0, 3, 3)) == 0  # too small for blocks: one flat colour
    outside = np.ones(image.shape[:2], dtype=bool)
    for x1, y1, x2, y2 in result.boxes:
        outside[y1:y2, x1:x2] = False
    assert np.array_equal(result.image[outside], image[outside])


@pytest.mark.parametrize(
    ("box", "words"),
    [
        ((10, 10, 10, 40), "region 1 [10, 10, 10, 40] is empty or inverted"),
        ((50, 10, 20, 40), "region 1 [50, 10, 20, 40] is empty or inverted"),
        ((-1, 0, 20, 20), "region 1 [-1, 0, 20, 20] has a negative coordinate"),
        ((300, 10, 321, 40), "region 1 [300, 10, 321, 40] reaches outside the 320×240 image"),
        ((0, 200, 10, 241), "region 1 [0, 200, 10, 241] reaches outside the 320×240 image"),
    ],
)
def test_an_unusable_region_is_refused_naming_it(box: tuple[int, int, int, int], words: str) -> None:
    with pytest.raises(InvalidEvidenceInputError) as raised:
        check_regions([box], 320, 240)
    assert raised.value.field == "regions"
    assert words in raised.value.message


def test_at_most_a_hundred_regions() -> None:
    assert len(check_regions([(0, 0, 4, 4)] * 100, 320, 240)) == 100
    with pytest.raises(InvalidEvidenceInputError, match="at most 100 regions"):
        check_regions([(0, 0, 4, 4)] * 101, 320, 240)


def _noise_video(path: Path, frames: int, width: int = 160, height: int = 120) -> None:
    with av.open(str(path), "w", format="mp4") as output:
        encoder = output.add_stream("libx264", rate=10)
        encoder.width, encoder.height, encoder.pix_fmt = width, height, "yuv420p"
        for index in range(frames):
            frame = av.VideoFrame.from_ndarray(_texture(width, height, seed=index), "bgr24")
            for packet in encoder.encode(frame):
                output.mux(packet)
        for packet in encoder.encode(None):
            output.mux(packet)


def test_drawn_regions_are_blurred_in_every_frame_of_a_clip_and_recorded_in_custody(
    database: Database, media: MediaStore, tmp_path: Path
) -> None:
    clip = tmp_path / "fixed-camera.mp4"
    _noise_video(clip, 8)
    region = (40, 30, 100, 70)
    with database.session() as session:
        original = collect(session, media, clip.read_bytes(), suffix=".mp4", kind="clip")
        with pytest.raises(InvalidEvidenceInputError, match="outside the 160×120 image"):
            redact_item(session, media, original, INVESTIGATOR, regions=[(100, 100, 161, 110)])
        derivative = redact_item(session, media, original, INVESTIGATOR, regions=[region])
        before = read_video_frames(media.path(original.sha256))
        after = read_video_frames(media.path(derivative.sha256))
        assert len(after) == len(before) == 8
        for index, (old, new) in enumerate(zip(before, after, strict=True)):
            assert _variance(new, region) < 0.2 * _variance(old, region), f"frame {index}"
            assert _variance(new, (0, 0, 40, 120)) > 0.5 * _variance(old, (0, 0, 40, 120))
        redacted_entry = custody.chain(session, original.id)[-1]
        collected_entry = custody.chain(session, derivative.id)[0]
        for entry in (redacted_entry, collected_entry):
            details = json.loads(entry.details)
            assert details["drawn_regions"] == [list(region)]
            assert details["frames"] == 8
            assert details["plates_detected"] is False
        assert derivative.description == f"faces and 1 drawn region(s) redacted from item {original.id}"


def test_the_plates_option_blurs_a_real_plate_so_anpr_no_longer_reads_it() -> None:
    image, plate, key = street_with_a_plate()
    reader = shared_plate_reader()
    assert key in [read.key for read in reader.read(image)]  # readable before
    faces_only = redact_image(image)
    assert key in [read.key for read in reader.read(faces_only.image)]  # faces alone leave it readable
    result = redact_image(image, plates=plate_finder())
    assert result.plates
    x1, y1, x2, y2 = plate
    covered = np.zeros(image.shape[:2], dtype=bool)
    for bx1, by1, bx2, by2 in result.plates:
        covered[by1:by2, bx1:bx2] = True
    assert covered[y1:y2, x1:x2].mean() > 0.95  # the whole plate, rim included
    assert key not in [read.key for read in reader.read(result.image)]
    outside = np.ones(image.shape[:2], dtype=bool)
    for bx1, by1, bx2, by2 in result.boxes:
        outside[by1:by2, bx1:bx2] = False
    assert np.array_equal(result.image[outside], image[outside])


def test_plates_faces_and_drawn_regions_are_recorded_apart_in_custody(
    database: Database, media: MediaStore
) -> None:
    image, _plate, _key = street_with_a_plate()
    drawn = (0, 0, 60, 40)
    with database.session() as session:
        original = collect(session, media, encode_image(image, ".png"), suffix=".png", kind="snapshot")
        derivative = redact_item(
            session, media, original, INVESTIGATOR, plates=plate_finder(), regions=[drawn], purpose="appeal"
        )
        details = json.loads(custody.chain(session, original.id)[-1].details)
        assert details["derivative_item_id"] == derivative.id
        assert details["drawn_regions"] == [list(drawn)]
        assert len(details["plate_regions"]) >= 1
        assert details["plates_detected"] is True
        parts = details["face_regions"] + details["plate_regions"] + details["drawn_regions"]
        assert details["regions"] == parts
        assert json.loads(custody.chain(session, derivative.id)[0].details)["drawn_regions"] == [list(drawn)]
        assert "plates and 1 drawn region(s)" in derivative.description
