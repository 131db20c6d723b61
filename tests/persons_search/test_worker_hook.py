"""The worker hook: a camera analysis with a re-id model publishes one `reid.appearance` per person track."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from safecity.core.bus import Event
from safecity.core.media import MediaStore
from safecity.persons_search.events import PersonAppearanceEvent
from safecity.pipeline.camera import CameraPipeline
from safecity.pipeline.camera import PipelineSettings
from safecity.pipeline.rules.config import SceneConfig
from safecity.video.frame import Frame
from safecity.vision.detectors import OnnxDetector
from safecity.vision.detectors.decoding import OutputFormat
from safecity.vision.detectors.onnx import DetectorOptions
from safecity.vision.reid import PersonReidEmbedder
from safecity.worker.analysis import CameraAnalysis
from safecity.worker.reid_stage import ReidStage
from safecity.worker.reid_stage import load_reid
from tests.persons_search.support import DETECTOR_MODEL
from tests.persons_search.support import VTEST

T0 = 1_700_000_000.0


def vtest_frames(count: int) -> list[Frame]:
    capture = cv2.VideoCapture(str(VTEST))
    capture.set(cv2.CAP_PROP_POS_FRAMES, 100)
    frames = []
    for index in range(count):
        ok, image = capture.read()
        assert ok
        frames.append(Frame("street", index, T0 + index / 10, index / 10, np.asarray(image, dtype=np.uint8)))
    capture.release()
    return frames


def test_each_person_track_of_a_real_clip_goes_out_with_its_appearance(
    embedder: PersonReidEmbedder, tmp_path: Path
) -> None:
    if not (VTEST.is_file() and DETECTOR_MODEL.is_file()):
        pytest.skip("shared clip or detector not found")
    detector = OnnxDetector(DETECTOR_MODEL, DetectorOptions(output_format=OutputFormat("yolox")))
    pipeline = CameraPipeline("street", detector, SceneConfig(), PipelineSettings(fps=10))
    published: list[Event] = []
    media = MediaStore(tmp_path / "media")
    analysis = CameraAnalysis(
        pipeline, published.append, media, worker_id="w1", reid=ReidStage(embedder), fps=10
    )
    for frame in vtest_frames(12):
        analysis.process(frame)
    analysis.finish()

    appearances = [e for e in published if isinstance(e, PersonAppearanceEvent)]
    assert len(appearances) >= 3  # about seven walkers are tracked in these frames
    assert len({a.track_id for a in appearances}) == len(appearances)
    for appearance in appearances:
        assert (appearance.camera_id, appearance.model, appearance.dim) == ("street", embedder.model_id, 256)
        assert appearance.first_seen <= appearance.time
        assert media.exists(appearance.crop_sha256)


def test_without_a_re_id_model_the_worker_runs_without_the_stage(tmp_path: Path) -> None:
    assert load_reid(tmp_path / "empty-registry") is None
