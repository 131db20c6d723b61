"""The detector the worker's cameras share: the registry's installed model, or none (motion only)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from safecity.vision.detectors import DetectorError, DetectorOptions, OnnxDetector, OutputFormat
from safecity.vision.detectors.protocol import Detector
from safecity.vision.detectors.types import Detections
from safecity.vision.models import DEFAULT_DETECTOR, ModelRegistry, ModelRegistryError

log = logging.getLogger(__name__)


class SharedDetector:
    """One model used by every camera thread, one call at a time."""

    def __init__(self, detector: Detector) -> None:
        self._detector = detector
        self._lock = threading.Lock()
        self.name = detector.name
        self.input_size = detector.input_size

    def detect(self, image: np.ndarray) -> Detections:
        with self._lock:
            return self._detector.detect(image)

    def detect_batch(self, images: Sequence[np.ndarray]) -> list[Detections]:
        with self._lock:
            return self._detector.detect_batch(images)


def load_detector(models_dir: Path) -> tuple[Detector | None, str]:
    """The installed detector and an empty reason, or None and why (the pipeline then tracks motion)."""
    try:
        found = ModelRegistry(models_dir).first_of_kind("detector", preferred=DEFAULT_DETECTOR)
    except ModelRegistryError as error:
        return None, f"model registry unusable ({error})"
    if found is None:
        return None, f"no detector model installed (run `safecity models fetch {DEFAULT_DETECTOR}`)"
    installed, path = found
    output_format = OutputFormat(installed.output_format) if installed.output_format else None
    try:
        return SharedDetector(OnnxDetector(path, DetectorOptions(output_format=output_format))), ""
    except DetectorError as error:
        log.error("detector %s unusable: %s", path, error)
        return None, f"detector {installed.name} unusable ({error})"
