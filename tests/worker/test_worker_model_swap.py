"""A detector imported into the model registry while the worker runs is swapped into its cameras: tracks
that were `motion` become people, without restarting the worker or the camera's stream."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from safecity.vision.models import DEFAULT_DETECTOR
from safecity.vision.models import ModelRegistry
from tests.conftest import shared_path
from tests.worker.conftest import Harness
from tests.worker.conftest import eventually


def labels(harness: Harness) -> set[str]:
    return {str(e.payload.get("object_class")) for e in harness.events if e.type == "track.ended"}


async def test_an_imported_detector_is_picked_up_by_the_running_worker(
    harness: Harness, h264_clip: Path, caplog: pytest.LogCaptureFixture
) -> None:
    model = shared_path("models/yolox_nano.onnx")
    caplog.set_level(logging.INFO, logger="safecity.worker.worker")
    async with harness.running(use_detector=True, model_check_seconds=0.3) as worker:
        harness.add_camera("street", str(h264_clip), loop=True)
        assert await eventually(lambda: "online" in harness.health("street"), within=60)
        runner = worker.runners["street"]  # running motion-only: no model is installed yet

        ModelRegistry(harness.settings.models_dir).import_file(
            model, name=DEFAULT_DETECTOR, output_format="yolox", licence="Apache-2.0"
        )

        assert await eventually(lambda: "person" in labels(harness), within=90), "no person track after"
        assert worker.runners["street"] is runner  # the same camera runner: nothing was restarted
    assert any("now detect with it (no restart)" in record.getMessage() for record in caplog.records)
