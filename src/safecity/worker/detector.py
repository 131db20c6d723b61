"""The detector the worker's cameras share: the registry's installed model, or none (motion only).

`installed_detector_version` names the model the registry offers now (its name, file and the file's size and
modification time), so a running worker sees a model fetched or imported after it started and swaps it in.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from safecity.vision.detectors import DetectorError
from safecity.vision.detectors import OnnxDetector
from safecity.vision.detectors.installed import find_installed_detector
from safecity.vision.detectors.protocol import Detector
from safecity.vision.detectors.types import Detections

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


DetectorVersion = tuple[str, str, int, int]


def installed_detector_version(models_dir: Path) -> DetectorVersion | None:
    """What the registry would load now, or None when no detector is installed (or its file is gone)."""
    installed, _ = find_installed_detector(models_dir)
    if installed is None:
        return None
    try:
        stat = installed.path.stat()
    except OSError:
        return None
    return installed.name, str(installed.path), stat.st_size, stat.st_mtime_ns


def load_detector(models_dir: Path) -> tuple[Detector | None, str]:
    """The installed detector and an empty reason, or None and why (the pipeline then tracks motion)."""
    installed, reason = find_installed_detector(models_dir)
    if installed is None:
        return None, reason
    try:
        return SharedDetector(OnnxDetector(installed.path, installed.options)), ""
    except DetectorError as error:
        log.error("detector %s unusable: %s", installed.path, error)
        return None, f"detector {installed.name} unusable ({error})"
